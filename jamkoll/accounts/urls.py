from django.contrib.auth import views as auth_views
from django.urls import path

from jamkoll.accounts import views

app_name = "accounts"
urlpatterns = [
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("ingen-organisation/", views.no_organisation, name="no_organisation"),
]
