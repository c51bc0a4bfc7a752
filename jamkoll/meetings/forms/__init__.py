"""Forms of the meetings app, one module per part of the body's work."""

from jamkoll.meetings.forms._common import DateInput, TimeInput
from jamkoll.meetings.forms.dialogue import (
    AnswersForm,
    CommitmentForm,
    DevelopmentNeedForm,
    QuestionForm,
)
from jamkoll.meetings.forms.meetings import AgendaItemForm, AttendanceForm, MeetingForm
from jamkoll.meetings.forms.minutes import (
    ApproveForm,
    DecisionForm,
    FollowUpForm,
    ItemMinutesForm,
    MinutesForm,
    MinutesSettingsForm,
    PostingForm,
)
from jamkoll.meetings.forms.yearwheel import (
    OccurrenceForm,
    RuleForm,
    YearWheelFilterForm,
)

__all__ = [
    "AgendaItemForm",
    "AnswersForm",
    "ApproveForm",
    "AttendanceForm",
    "CommitmentForm",
    "DateInput",
    "DecisionForm",
    "DevelopmentNeedForm",
    "FollowUpForm",
    "ItemMinutesForm",
    "MeetingForm",
    "MinutesForm",
    "MinutesSettingsForm",
    "OccurrenceForm",
    "PostingForm",
    "QuestionForm",
    "RuleForm",
    "TimeInput",
    "YearWheelFilterForm",
]
