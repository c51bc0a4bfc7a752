"""The body itself: form, remit, members by sex, and representation in every body."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.core.formatting import number, percent
from jamkoll.members.selectors import representation
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import (
    BulletList,
    Chart,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from jamkoll.reports.sections.common import (
    equality_body,
    in_running_text,
    term_for_year,
)


def build(organisation: Organisation, year: int) -> Section | None:
    """The body section, or None when the organisation has no gender-equality body."""
    body = equality_body(organisation)
    if body is None:
        return None
    term = term_for_year(organisation, year)
    rows = representation(organisation=organisation, term=term) if term else []
    section = Section(
        key="body",
        heading=body.name,
        source=_(
            "Source: Jämkoll's register of units and mandates (members and "
            "substitutes), term %(term)s, as registered when the report was made."
        )
        % {"term": str(term) if term else "–"},
    )
    facts = _("%(body)s is the organisation's gender-equality body (%(form)s)") % {
        "body": body.name,
        "form": body.get_body_form_display().lower() or "–",
    }
    if body.parent is not None:
        facts = _("%(facts)s and reports to %(parent)s.") % {
            "facts": facts,
            "parent": in_running_text(body.parent),
        }
    else:
        facts = _("%(facts)s.") % {"facts": facts}
    section.blocks.append(Paragraph(facts))
    if body.yearly_meeting_target:
        section.blocks.append(
            Paragraph(
                ngettext(
                    "%(body)s aims to meet %(n)s time a year.",
                    "%(body)s aims to meet %(n)s times a year.",
                    body.yearly_meeting_target,
                )
                % {"body": body.name, "n": body.yearly_meeting_target}
            )
        )
    tasks = [t.text for t in body.remit_tasks.all()]
    if tasks:
        section.blocks.append(Subheading(_("Remit")))
        section.blocks.append(BulletList(tasks))

    own = next((r for r in rows if r.unit_id == body.pk), None)
    section.blocks.append(Subheading(_("Members by sex")))
    if own is None:
        section.has_year_data = False
        section.blocks.append(
            Paragraph(
                _("No mandates in %(body)s are registered for %(year)s.")
                % {"body": body.name, "year": year}
            )
        )
        return section
    section.blocks.append(
        Table(
            caption=_("Members and substitutes of %(body)s by sex, term %(term)s")
            % {"body": body.name, "term": own.term_label},
            header=[
                _("Group"),
                _("Women"),
                _("Men"),
                _("Other or not stated"),
                _("Total"),
                _("Share of women"),
            ],
            rows=[
                [
                    label,
                    str(tally.women),
                    str(tally.men),
                    str(tally.other),
                    str(tally.total),
                    percent(tally.share_women),
                ]
                for label, tally in (
                    (_("Members (including the chair)"), own.members),
                    (_("Substitutes"), own.substitutes),
                )
            ],
            numeric=[False, True, True, True, True, True],
        )
    )
    if own.chairs.total:
        chair = (
            _("a woman")
            if own.chairs.women
            else _("a man")
            if own.chairs.men
            else _("other or not stated")
        )
        section.blocks.append(Paragraph(_("The chair is %(sex)s.") % {"sex": chair}))

    political = [r for r in rows if r.members.total]
    if political:
        section.blocks.append(
            Subheading(_("Representation in the organisation's bodies"))
        )
        section.blocks.append(
            Chart(
                caption=_(
                    "Share of women and men among members per body, term %(term)s (percent)"
                )
                % {"term": own.term_label},
                alt=_(
                    "Bar chart of the share of women and men among the members of "
                    "%(n)s bodies. The figures are in the table that follows."
                )
                % {"n": len(political)},
                categories=[r.unit_name for r in political],
                series=[_("Women"), _("Men")],
                values=[
                    [r.members.share_women, r.members.share_men] for r in political
                ],
                unit=" %",
                max_value=100,
                empty_text=_("No members are registered, so there is no chart."),
            )
        )
        section.blocks.append(
            Table(
                caption=_("Members per body by sex, term %(term)s")
                % {"term": own.term_label},
                header=[_("Body"), _("Women"), _("Men"), _("Share of women")],
                rows=[
                    [
                        r.unit_name,
                        number(r.members.women),
                        number(r.members.men),
                        percent(r.members.share_women),
                    ]
                    for r in political
                ],
                numeric=[False, True, True, True],
            )
        )
    return section
