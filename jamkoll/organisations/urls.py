from django.urls import path

from jamkoll.organisations import views

app_name = "organisations"
urlpatterns = [
    path("byt-organisation/", views.switch_organisation, name="switch"),
    path("organisation/<int:pk>/", views.organisation_detail, name="detail"),
    path("enheter/ny/", views.unit_create, name="unit_create"),
    path("enheter/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("enheter/<int:pk>/andra/", views.unit_edit, name="unit_edit"),
    path("anvandare/", views.user_list, name="user_list"),
    path("anvandare/ny/", views.user_create, name="user_create"),
    path("anvandare/<int:pk>/roller/", views.user_roles, name="user_roles"),
]
