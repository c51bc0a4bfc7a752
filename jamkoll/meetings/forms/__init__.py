"""Forms of the meetings app, one module per part of the body's work."""

from jamkoll.meetings.forms._common import DateInput, TimeInput
from jamkoll.meetings.forms.dialogue import (
    CommitmentForm,
    DevelopmentNeedForm,
    QuestionForm,
)
from jamkoll.meetings.forms.meetings import AgendaItemForm, AttendanceForm, MeetingForm
from jamkoll.meetings.forms.minutes import (
    CorrectionForm,
    DecisionForm,
    FollowUpForm,
    ItemMinutesForm,
    MinutesForm,
)
from jamkoll.meetings.forms.yearwheel import RuleForm

__all__ = [
    "AgendaItemForm",
    "AttendanceForm",
    "CommitmentForm",
    "CorrectionForm",
    "DateInput",
    "DecisionForm",
    "DevelopmentNeedForm",
    "FollowUpForm",
    "ItemMinutesForm",
    "MeetingForm",
    "MinutesForm",
    "QuestionForm",
    "RuleForm",
    "TimeInput",
]
