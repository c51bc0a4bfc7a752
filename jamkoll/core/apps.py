from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jamkoll.core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.core import sessions

        sessions.connect()
