from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "jamkoll.indicators"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.indicators import providers
        from jamkoll.meetings import yearwheel

        yearwheel.register(providers.action_due_dates)
        # A Kolada import whose worker died becomes resumable (`core.tasks`).
        from jamkoll.indicators import worker_hooks

        worker_hooks.register()
