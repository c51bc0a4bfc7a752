from django.apps import AppConfig


class ResultRequestsConfig(AppConfig):
    name = "jamkoll.result_requests"
    default_auto_field = "django.db.models.BigAutoField"
