from django.apps import AppConfig


class ResultRequestsConfig(AppConfig):
    name = "jamkoll.result_requests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.meetings import suggestions, yearwheel
        from jamkoll.result_requests import providers

        suggestions.register(providers.demands_to_discuss)
        yearwheel.register(providers.due_dates)
