from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "jamkoll.reports"
    verbose_name = _("Yearly report")
    default_auto_field = "django.db.models.BigAutoField"
