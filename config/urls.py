"""URL configuration: each app mounts its own urls module."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("jamkoll.dashboard.urls")),
    path("", include("jamkoll.accounts.urls")),
    path("", include("jamkoll.core.urls")),
    path("", include("jamkoll.organisations.urls")),
    path("", include("jamkoll.members.urls")),
    path("", include("jamkoll.audit.urls")),
    path("", include("jamkoll.result_requests.urls")),
    path("", include("jamkoll.meetings.urls")),
    path("", include("jamkoll.cases.urls")),
    path("", include("jamkoll.reviews.urls")),
    path("", include("jamkoll.indicators.urls")),
    path("", include("jamkoll.surveys.urls")),
    path("", include("jamkoll.reports.urls")),
    path("", include("jamkoll.boards.urls")),
    path("sprak/", login_not_required(set_language), name="set_language"),
    path(f"{settings.ADMIN_URL}", admin.site.urls),
]
