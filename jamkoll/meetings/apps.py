from collections.abc import Callable
from typing import Any

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "jamkoll.meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.meetings import providers, suggestions

        suggestions.register(providers.dialogue_meetings_to_prepare)
        suggestions.register(providers.assignments_to_follow_up)

    # Entry points for apps on the same layer (cases), which may not import meetings.
    def register_suggestion_provider(self, provider: Callable[..., Any]) -> None:
        from jamkoll.meetings import suggestions

        suggestions.register(provider)

    def register_yearwheel_provider(self, provider: Callable[..., Any]) -> None:
        from jamkoll.meetings import yearwheel

        yearwheel.register(provider)

    def register_item_outcome_handler(self, prefix: str, handler: Any) -> None:
        from jamkoll.meetings import handoffs

        handoffs.register_item_outcome_handler(prefix, handler)
