from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardsConfig(AppConfig):
    name = "jamkoll.boards"
    verbose_name = _("Boards")
    default_auto_field = "django.db.models.BigAutoField"
