from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "jamkoll.members"
    default_auto_field = "django.db.models.BigAutoField"
