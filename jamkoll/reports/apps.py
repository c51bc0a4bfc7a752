from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "jamkoll.reports"
    default_auto_field = "django.db.models.BigAutoField"
