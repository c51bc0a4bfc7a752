from django.urls import path

from jamkoll.cases import views

app_name = "cases"
urlpatterns = [
    path("arenden/", views.case_list, name="list"),
    path("arenden/nytt/", views.case_create, name="create"),
    path("arenden/import/", views.case_import, name="import"),
    path("arenden/import/<int:pk>/", views.import_detail, name="import_detail"),
    path("arenden/tackning/", views.coverage, name="coverage"),
    path("arenden/tackning/utskrift/", views.not_given_print, name="not_given_print"),
    path(
        "arenden/tackning/lyft/",
        views.not_given_raising_create,
        name="not_given_raising_create",
    ),
    path("arenden/<int:pk>/", views.case_detail, name="detail"),
    path("arenden/<int:pk>/andra/", views.case_edit, name="edit"),
    path("arenden/<int:pk>/beredning/", views.case_prepare, name="prepare"),
]
