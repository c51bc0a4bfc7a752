from collections.abc import Callable
from typing import Any

from django.apps import AppConfig


class ResultRequestsConfig(AppConfig):
    name = "jamkoll.result_requests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.meetings import suggestions, yearwheel
        from jamkoll.organisations import unit_links
        from jamkoll.result_requests import providers

        suggestions.register(providers.demands_to_discuss)
        yearwheel.register(providers.due_dates)
        unit_links.register(providers.unit_demands_link)

    # Entry points for apps on the same layer (reviews), which may not import this app.
    def register_demand_source(self, key: str, source: Callable[..., Any]) -> None:
        """Let `?<key>=<pk>` on the demand form prefill it (see `prefill.py`)."""
        from jamkoll.result_requests import prefill

        prefill.register_source(key, source)

    def demands_visible_to(self, user: Any) -> Any:
        """The demands `user` may open (for lists of demands shown by other apps)."""
        from jamkoll.result_requests.permissions import result_requests_visible_to

        return result_requests_visible_to(user)
