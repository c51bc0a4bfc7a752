from django.urls import path

from jamkoll.reports import views

app_name = "reports"
urlpatterns = [
    path("arsrapport/", views.index, name="index"),
    path("arsrapport/<int:year>/", views.detail, name="detail"),
    path("arsrapport/<int:year>/texter/", views.edit_texts, name="edit_texts"),
    path(
        "arsrapport/<int:year>/utvecklingsomraden/nytt/",
        views.area_create,
        name="area_create",
    ),
    path(
        "arsrapport/utvecklingsomraden/<int:pk>/andra/",
        views.area_edit,
        name="area_edit",
    ),
    path(
        "arsrapport/utvecklingsomraden/<int:pk>/ta-bort/",
        views.area_delete,
        name="area_delete",
    ),
    path(
        "arsrapport/utvecklingsomraden/<int:pk>/",
        views.area_detail,
        name="area_detail",
    ),
    path(
        "arsrapport/utvecklingsomraden/<int:pk>/beslut/",
        views.area_decide,
        name="area_decide",
    ),
    path(
        "arsrapport/utvecklingsomraden/<int:pk>/uppfoljning/klar/",
        views.follow_up_done,
        name="follow_up_done",
    ),
    path("arsrapport/<int:year>/status/", views.change_status, name="change_status"),
    path("arsrapport/<int:year>/faststall/", views.adopt, name="adopt"),
    path("arsrapport/wordmall/", views.word_template, name="word_template"),
    path(
        "arsrapport/wordmall/ta-bort/",
        views.word_template_remove,
        name="word_template_remove",
    ),
    path("arsrapport/<int:year>/versioner/", views.versions, name="versions"),
    path(
        "arsrapport/<int:year>/ladda-ner/<str:fmt>/",
        views.download,
        name="download",
    ),
]
