from django.urls import path

from jamkoll.members import views

app_name = "members"
urlpatterns = [
    path("representation/", views.representation, name="representation"),
    path("personer/", views.person_list, name="person_list"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/jag/", views.me, name="me"),
    path("personer/konto/<int:user_pk>/", views.user_person, name="user_person"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
    path("personer/<int:pk>/andra/", views.person_edit, name="person_edit"),
    path("enheter/<int:pk>/ledamoter/", views.unit_members, name="unit_members"),
    path("uppdrag/nytt/", views.membership_create, name="membership_create"),
    path("uppdrag/<int:pk>/andra/", views.membership_edit, name="membership_edit"),
    path("mandatperioder/ny/", views.term_create, name="term_create"),
]
