from django.urls import path

from jamkoll.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indikatorer/", views.indicator_list, name="list"),
    path("indikatorer/konsgap/", views.gap_overview, name="gaps"),
    path("indikatorer/<int:pk>/", views.indicator_detail, name="detail"),
    path("indikatorer/<int:pk>/varden/nytt/", views.value_create, name="value_create"),
    path("indikatorer/<int:pk>/varden/", views.value_grid, name="value_grid"),
    path("indikatorer/lokala/ny/", views.local_create, name="local_create"),
    path("indikatorer/lokala/import/", views.local_import, name="local_import"),
    path(
        "indikatorer/lokala/import/<int:pk>/",
        views.local_import_detail,
        name="local_import_detail",
    ),
    path("indikatorer/lokala/ordforande/", views.feed_chairs, name="feed_chairs"),
    path(
        "indikatorer/jamforelsegrupp/", views.comparison_group, name="comparison_group"
    ),
    path("indikatorer/kolada/", views.import_start, name="import_start"),
    path("indikatorer/kolada/<int:pk>/", views.import_detail, name="import_detail"),
    path("mal/", views.goal_list, name="goal_list"),
    path("mal/nytt/", views.goal_create, name="goal_create"),
    path("mal/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("mal/<int:pk>/andra/", views.goal_edit, name="goal_edit"),
    path("handlingsplan/", views.action_plan, name="action_plan"),
    path("handlingsplan/ny/", views.action_create, name="action_create"),
    path("handlingsplan/<int:pk>/", views.action_detail, name="action_detail"),
    path("handlingsplan/<int:pk>/andra/", views.action_edit, name="action_edit"),
    path(
        "handlingsplan/<int:pk>/milstolpe/",
        views.milestone_create,
        name="milestone_create",
    ),
    path("cemr/", views.charter, name="charter"),
]
