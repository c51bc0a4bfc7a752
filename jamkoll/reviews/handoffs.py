"""Hand-off from a review to the demand form ("Efterfråga").

The demands app (result_requests) is on the same layer and is never imported: this
source is registered in `ReviewsConfig.ready()` through
``apps.get_app_config("result_requests").register_demand_source("review", ...)``, and
the link is built from the URL name ``result_requests:create``.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.core.refs import pk_from
from jamkoll.organisations.models import Organisation
from jamkoll.reviews.models import Answer, Review
from jamkoll.reviews.permissions import can_raise_demand, reviews_visible_to


def demand_url(review: Review, answer: Answer | None = None) -> str:
    """The demand form, to be prefilled from the review (and one of its points)."""
    params = {"review": review.pk}
    if answer is not None:
        params["answer"] = answer.pk
    return f"{reverse('result_requests:create')}?{urlencode(params)}"


def demand_from_review(
    *, user: User, organisation: Organisation, params: Mapping[str, Any]
) -> dict[str, Any]:
    """Prefill for `?review=<pk>[&answer=<pk>]`: the review's unit, a title, and the
    question quoting the finding (with the page the reader found it on) and the
    reviewer's comment. A review that is missing, hidden from the user or of another
    organisation raises ValidationError with a Swedish message."""
    review = (
        reviews_visible_to(user)
        .filter(pk=pk_from(params.get("review")), organisation=organisation)
        .select_related("unit")
        .first()
    )
    if review is None or not can_raise_demand(user, review):
        raise ValidationError(
            _(
                "The review in the link could not be found: it may have been removed, "
                "belong to another organisation, or you may not read it. Nothing was "
                "filled in from it."
            )
        )
    answer = None
    if params.get("answer"):
        answer = (
            review.answers.filter(pk=pk_from(params.get("answer")))
            .select_related("criterion")
            .first()
        )
        if answer is None:
            raise ValidationError(
                _(
                    "The point of the checklist in the link is not part of the review "
                    "“%(title)s”. Nothing was filled in from it."
                )
                % {"title": review.title}
            )
    title = _("Demand after review: %(title)s") % {"title": review.title}
    if answer is not None:
        parts = [
            _("The review of “%(title)s” (%(year)s) found that this point is missing:")
            % {"title": review.title, "year": review.year},
            f"{answer.criterion.code} {answer.criterion.text}",
        ]
        if answer.suggested_evidence:
            parts.append(
                _("What the document reader found:") + "\n" + answer.suggested_evidence
            )
        if answer.evidence and answer.evidence != answer.suggested_evidence:
            parts.append(_("Evidence noted by the reviewer:") + "\n" + answer.evidence)
        if answer.comment:
            parts.append(_("The reviewer's comment:") + "\n" + answer.comment)
    else:
        parts = [
            _("The review of “%(title)s” (%(year)s) found:")
            % {"title": review.title, "year": review.year}
        ]
        if review.findings:
            parts.append(review.findings)
    parts.append(_("How will you address it, and when can you report back?"))
    return {
        "object": review,
        "units": [review.unit],
        "title": title,
        "question": "\n\n".join(parts),
    }
