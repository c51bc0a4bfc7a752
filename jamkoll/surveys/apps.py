from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "jamkoll.surveys"
    verbose_name = _("Survey")
    default_auto_field = "django.db.models.BigAutoField"
