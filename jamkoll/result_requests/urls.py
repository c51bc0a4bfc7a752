from django.urls import path

from jamkoll.result_requests import views

app_name = "result_requests"
urlpatterns = [
    path("efterfragningar/", views.result_request_list, name="list"),
    path("efterfragningar/att-besvara/", views.to_answer, name="to_answer"),
    path("efterfragningar/att-bedoma/", views.to_assess, name="to_assess"),
    path("efterfragningar/ny/", views.result_request_create, name="create"),
    path("efterfragningar/tillfalle/", views.occasion, name="occasion"),
    path("efterfragningar/uppfoljning/", views.follow_up_figures, name="figures"),
    path(
        "efterfragningar/uppfoljning/export.xlsx",
        views.figures_export,
        {"fmt": "xlsx"},
        name="figures_xlsx",
    ),
    path(
        "efterfragningar/uppfoljning/export.csv",
        views.figures_export,
        {"fmt": "csv"},
        name="figures_csv",
    ),
    path(
        "efterfragningar/export.xlsx",
        views.list_export,
        {"fmt": "xlsx"},
        name="list_xlsx",
    ),
    path(
        "efterfragningar/export.csv", views.list_export, {"fmt": "csv"}, name="list_csv"
    ),
    path(
        "efterfragningar/<int:pk>/export.xlsx",
        views.detail_export,
        {"fmt": "xlsx"},
        name="detail_xlsx",
    ),
    path(
        "efterfragningar/<int:pk>/export.csv",
        views.detail_export,
        {"fmt": "csv"},
        name="detail_csv",
    ),
    path("efterfragningar/enhet/<int:pk>/", views.unit_requests, name="unit"),
    path("efterfragningar/<int:pk>/", views.result_request_detail, name="detail"),
    path("efterfragningar/<int:pk>/skicka/", views.send, name="send"),
    path("efterfragningar/<int:pk>/stang/", views.close, name="close"),
    path("efterfragningar/<int:pk>/svara/", views.reply, name="reply"),
    path("efterfragningar/<int:pk>/bedom/", views.assess, name="assess"),
    path("efterfragningar/<int:pk>/foljdfraga/", views.follow_up, name="follow_up"),
    path("efterfragningar/<int:pk>/trad/", views.thread, name="thread"),
    path(
        "efterfragningar/<int:pk>/ny-svarsdag/",
        views.request_due_change,
        name="request_due_change",
    ),
    path(
        "efterfragningar/svarsdag/<int:pk>/beslut/",
        views.decide_due_change,
        name="decide_due_change",
    ),
    path("efterfragningar/bilagor/<int:pk>/", views.attachment, name="attachment"),
]
