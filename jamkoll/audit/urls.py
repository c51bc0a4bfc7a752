from django.urls import path

from jamkoll.audit import views

app_name = "audit"
urlpatterns = [
    path(
        "historik/<str:app_label>/<str:model_name>/<int:pk>/",
        views.history,
        name="history",
    ),
]
