from django.urls import path

from jamkoll.meetings import views

app_name = "meetings"
urlpatterns = [
    path("moten/", views.meeting_list, name="list"),
    path("moten/nytt/", views.meeting_create, name="create"),
    path("moten/organ/<int:pk>/", views.body_year, name="body_year"),
    path("moten/<int:pk>/", views.meeting_detail, name="detail"),
    path("moten/<int:pk>/andra/", views.meeting_edit, name="edit"),
    path("moten/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path(
        "moten/<int:pk>/punkter/ny/",
        views.agenda_item_create,
        name="agenda_item_create",
    ),
    path("moten/<int:pk>/forslag/", views.agenda_suggestions, name="suggestions"),
    path("moten/<int:pk>/foredragningslista.pdf", views.agenda_pdf, name="agenda_pdf"),
    path(
        "moten/<int:pk>/foredragningslista.docx",
        views.agenda_docx,
        name="agenda_docx",
    ),
    path("moten/<int:pk>/protokoll/", views.minutes_edit, name="minutes_edit"),
    path(
        "moten/<int:pk>/protokoll/justera/",
        views.minutes_approve,
        name="minutes_approve",
    ),
    path("moten/<int:pk>/protokoll/skicka/", views.minutes_send, name="minutes_send"),
    path(
        "moten/<int:pk>/protokoll/aterkalla/",
        views.minutes_withdraw,
        name="minutes_withdraw",
    ),
    path(
        "moten/<int:pk>/protokoll/anslag/",
        views.minutes_posting,
        name="minutes_posting",
    ),
    path(
        "moten/<int:pk>/standardpunkter/",
        views.agenda_standard_items,
        name="agenda_standard_items",
    ),
    path(
        "moten/organ/<int:pk>/protokollinstallningar/",
        views.minutes_settings,
        name="minutes_settings",
    ),
    path("moten/<int:pk>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("moten/<int:pk>/protokoll.docx", views.minutes_docx, name="minutes_docx"),
    path("moten/<int:pk>/fragor/ny/", views.question_create, name="question_create"),
    path("moten/<int:pk>/fragor/skicka/", views.questions_send, name="questions_send"),
    path(
        "moten/<int:pk>/fragor/svar/", views.dialogue_answers, name="dialogue_answers"
    ),
    path(
        "moten/<int:pk>/ataganden/nytt/",
        views.commitment_create,
        name="commitment_create",
    ),
    path(
        "moten/<int:pk>/utvecklingsbehov/nytt/",
        views.development_need_create,
        name="development_need_create",
    ),
    path(
        "moten/punkter/<int:pk>/andra/", views.agenda_item_edit, name="agenda_item_edit"
    ),
    path(
        "moten/punkter/<int:pk>/flytta/",
        views.agenda_item_move,
        name="agenda_item_move",
    ),
    path(
        "moten/punkter/<int:pk>/ta-bort/",
        views.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path(
        "moten/punkter/<int:pk>/uppdrag/nytt/",
        views.decision_create,
        name="decision_create",
    ),
    path("uppdrag/", views.decision_list, name="decision_list"),
    path("uppdrag/<int:pk>/", views.decision_follow_up, name="decision_follow_up"),
    path(
        "ataganden/<int:pk>/klart/",
        views.commitment_complete,
        name="commitment_complete",
    ),
    path("utvecklingsbehov/", views.development_needs, name="development_needs"),
    path("arshjul/", views.year_wheel, name="year_wheel"),
    path("arshjul/regler/ny/", views.rule_create, name="rule_create"),
    path("arshjul/regler/<int:pk>/ta-bort/", views.rule_delete, name="rule_delete"),
    path("arshjul/regler/<int:pk>/andra/", views.rule_edit, name="rule_edit"),
    path(
        "arshjul/regler/<int:pk>/tillfallen/<str:date>/",
        views.occurrence_edit,
        name="occurrence_edit",
    ),
    path("moten/<int:pk>/kallelse/", views.meeting_invite, name="meeting_invite"),
    path("arshjul/prenumeration/", views.calendar_feeds, name="calendar_feeds"),
    path(
        "arshjul/prenumeration/<int:pk>/aterkalla/",
        views.calendar_feed_revoke,
        name="calendar_feed_revoke",
    ),
    path("arshjul/kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
