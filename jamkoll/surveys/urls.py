from django.urls import path

from jamkoll.surveys import views

app_name = "surveys"
urlpatterns = [
    path("enkater/", views.survey_list, name="list"),
    path("enkater/fragor/", views.question_list, name="question_list"),
    path("enkater/fragor/ny/", views.question_create, name="question_create"),
    path(
        "enkater/fragor/<int:pk>/ny-version/",
        views.version_create,
        name="version_create",
    ),
    path("enkater/ny/", views.survey_create, name="create"),
    path("enkater/<int:pk>/", views.survey_detail, name="detail"),
    path("enkater/<int:pk>/andra/", views.survey_edit, name="edit"),
    path("enkater/<int:pk>/skicka/", views.survey_send, name="send"),
    path("enkater/<int:pk>/paminn/", views.survey_remind, name="remind"),
    path("enkater/<int:pk>/stang/", views.survey_close, name="close"),
    path("enkater/<int:pk>/resultat/", views.survey_results, name="results"),
    path("enkater/<int:pk>/resultat.xlsx", views.survey_export, name="export"),
    # The personal link is /svara/#<code>: the code never appears in a URL path.
    path("svara/", views.answer_start, name="answer_start"),
    path("svara/enkat/", views.answer, name="answer"),
    path("svara/tack/", views.thanks, name="thanks"),
]
