from django.urls import path

from jamkoll.boards import views

app_name = "boards"

urlpatterns = [
    path("namnder/", views.overview, name="overview"),
    path("namnder/export.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("namnder/min/", views.mine, name="mine"),
    path("namnder/<int:pk>/", views.detail, name="detail"),
]
