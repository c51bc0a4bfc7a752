from django.urls import path

from jamkoll.reviews import views

app_name = "reviews"
urlpatterns = [
    path("granskningar/", views.review_list, name="list"),
    path("granskningar/ny/", views.review_create, name="create"),
    path("granskningar/trend/", views.trend, name="trend"),
    path("granskningar/utvecklingsbehov/", views.need_list, name="need_list"),
    path(
        "granskningar/beslutsunderlag/",
        views.decision_documents,
        name="decision_documents",
    ),
    path("granskningar/<int:pk>/", views.review_detail, name="detail"),
    path("granskningar/<int:pk>/andra/", views.review_edit, name="edit"),
    path("granskningar/<int:pk>/checklista/", views.review_answers, name="answers"),
    path(
        "granskningar/<int:pk>/analys/", views.analysis_status, name="analysis_status"
    ),
    path(
        "granskningar/<int:pk>/checklista/bekrafta/",
        views.confirm_suggestions,
        name="confirm_suggestions",
    ),
    path("granskningar/<int:pk>/analys/kor/", views.analysis_run, name="analysis_run"),
    path("granskningar/<int:pk>/dokument/", views.document_download, name="download"),
    path(
        "granskningar/<int:pk>/utvecklingsbehov/ny/",
        views.need_create,
        name="need_create",
    ),
    path("checklistor/", views.checklist_list, name="checklist_list"),
    path("checklistor/ny/", views.checklist_create, name="checklist_create"),
    path("checklistor/<int:pk>/", views.checklist_detail, name="checklist_detail"),
    path(
        "checklistor/<int:pk>/ny-version/",
        views.version_create,
        name="version_create",
    ),
]
