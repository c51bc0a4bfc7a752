"""The agenda and the minutes as PDF and DOCX: content, Swedish, no paths, the
signature block, the draft marking and who may download what."""

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdfium2
import pytest
from django.urls import reverse

from jamkoll.meetings import services
from jamkoll.meetings.models import AgendaItem, Meeting
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person, Sex

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HELD_ON = dt.date(2026, 11, 17)
# 13.32 UTC is 14.32 in Stockholm in November.
SIGNED_AT = dt.datetime(2026, 11, 19, 13, 32, tzinfo=dt.UTC)
# "/arenden/98/", "/uppdrag/": a path as text, never wanted in a document.
PATH_LIKE = re.compile(r"(?<![\w.:/])/[\w.-]+/|https?://|www\.")
ENGLISH = ("Minutes", "Agenda", "Approved", "Decision", "Signatures", "November ")


@dataclass
class Protocol:
    meeting: Meeting
    secretary: object
    chair: Person
    approvers: list[Person]


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def docx_text(content: bytes) -> str:
    """Every paragraph, table cell and page header, one per line."""
    document = docx.Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
    return "\n".join(lines)


def docx_part(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode("utf-8")


def _member(world, first, last, *, role=Membership.Role.MEMBER, user=None) -> Person:
    person = Person.objects.create(
        organisation=world.own.organisation,
        first_name=first,
        last_name=last,
        sex=Sex.MAN,
        party=world.own.party,
        user=user,
    )
    Membership.objects.create(
        person=person,
        unit=world.own.body,
        term=world.own.term,
        role=role,
        starts_on=world.own.term.starts_on,
    )
    return person


def _earlier_paragraphs(world, count: int) -> None:
    """An earlier meeting of the body this year used § 1 … § count."""
    earlier = make_meeting(world.own, held_on=dt.date(2026, 10, 20))
    for number in range(1, count + 1):
        AgendaItem.objects.create(
            meeting=earlier, position=number, paragraph=number, title=f"Punkt {number}"
        )


def build_protocol(world, *, sent: bool = True, approve: bool = True) -> Protocol:
    """Minutes written, sent for approval and approved through the services."""
    by = world.user("strategist")
    chair = world.own.person  # Åsa Öberg, chair of the body
    bo = _member(world, "Bo", "Ek", user=world.user("politician"))
    cecilia = _member(world, "Cecilia", "Ståhl", user=world.user("reader"))
    substitute = _member(world, "Dan", "Lund", role=Membership.Role.SUBSTITUTE)
    serving = _member(world, "Eva", "Nord", role=Membership.Role.SUBSTITUTE)
    _member(world, "Fredrik", "Berg")  # absent; Eva serves in his place
    _earlier_paragraphs(world, 11)
    meeting = services.save_meeting(
        organisation=world.own.organisation,
        by=by,
        body=world.own.body,
        held_on=HELD_ON,
        starts_at=dt.time(13),
        ends_at=dt.time(16),
        place="Rådhuset, sal Åsen",
        standard_items=True,
    )
    services.record_attendance(
        meeting=meeting,
        by=by,
        capacities={
            chair.pk: "member",
            bo.pk: "member",
            cecilia.pk: "member",
            serving.pk: "substitute_serving",
            substitute.pk: "substitute",
        },
        officials=["Siri Strand, nämndsekreterare"],
    )
    item = services.save_agenda_item(
        meeting=meeting,
        by=by,
        title="Jämställdhetsanalys av äldreomsorgens budget",
        presenter="Siri Strand",
        description="Förvaltningen redovisar analysen.",
        documents=(
            "Översiktsplan – https://www.eskilstuna.se/handlingar/oversiktsplan.pdf\n"
            "/arenden/98/\n"
            "https://kommun.example/dokument/Rapport%202026.pdf\n"
            "KS 2026/0042 Tjänsteskrivelse"
        ),
        planned_minutes=20,
    )
    services.add_suggested_items(
        meeting=meeting,
        by=by,
        suggestions=[
            Suggestion(
                "Ärende att bereda", "KS 2026/0042 Översiktsplan", "/arenden/98/", "c:1"
            )
        ],
    )
    services.save_item_minutes(
        item=item,
        by=by,
        discussion="Diskussion om väntetider för kvinnor och män.",
        decision="Beredningen begär återrapportering från socialnämnden.",
        responsible="Socialnämnden",
    )
    services.add_decision(
        item=item,
        by=by,
        text="Ta fram könsuppdelad statistik",
        owner=chair,
        due_on=dt.date(2027, 3, 1),
    )
    minutes = meeting.minutes
    services.save_minutes(
        minutes=minutes,
        by=by,
        remarks="Ö-partiet anmäler en protokollsanteckning.",
        approvers=[bo, cecilia],
        chair=chair,
        secretary="Siri Strand",
    )
    if sent:
        services.send_for_approval(minutes=minutes, by=by)
        item.refresh_from_db()
        services.save_item_minutes(
            item=item,
            by=by,
            discussion=item.discussion,
            decision="Beredningen begär skriftlig återrapportering från socialnämnden.",
            responsible=item.responsible,
            reason="Beslutet fick fel lydelse.",
        )
    if sent and approve:
        for user in (world.user("politician"), world.user("reader")):
            minutes.refresh_from_db()
            services.approve_minutes(
                minutes=minutes,
                by=user,
                round=minutes.round,
                version=minutes.version,
                now=SIGNED_AT,
            )
    return Protocol(meeting, by, chair, [bo, cecilia])


@pytest.fixture
def protocol(world) -> Protocol:
    return build_protocol(world)


@pytest.fixture
def posted(world, protocol) -> Protocol:
    by = world.user("strategist")
    services.save_minutes_settings(
        body=world.own.body, by=by, posts_minutes=True, reminder_after_days=3
    )
    protocol.meeting.minutes.refresh_from_db()
    services.record_posting(
        minutes=protocol.meeting.minutes,
        by=by,
        posted_on=dt.date(2026, 11, 20),
        taken_down_on=None,
    )
    return protocol


def _get(client, name, meeting):
    return client.get(reverse(name, args=[meeting.pk]))


def _assert_minutes_content(text: str) -> None:
    text = " ".join(text.split())  # lines wrap in table cells
    # The paragraphs run on from the earlier meeting: § 12 … § 16.
    for number in range(12, 17):
        assert f"§ {number} " in text
    assert "§ 15 Jämställdhetsanalys av äldreomsorgens budget" in text
    assert "Sammanträdesprotokoll" in text
    assert "Sammanträdesdatum 17 november 2026" in text
    assert "Plats och tid Rådhuset, sal Åsen 17 november 2026 kl. 13.00–16.00" in text
    assert "Beredningen begär skriftlig återrapportering från socialnämnden." in text
    assert "Ta fram könsuppdelad statistik" in text
    assert "1 mars 2027" in text
    assert "Ö-partiet anmäler en protokollsanteckning." in text
    # Signature block: secretary, chair and both approvers with the time signed.
    for label in ("Sekreterare", "Ordförande", "Justerare", "Siri Strand", "Åsa Öberg"):
        assert label in text
    assert text.count("Justerat den 19 november 2026 kl. 14.32") == 2
    assert "Bo Ek" in text
    assert "Cecilia Ståhl" in text
    # Who took part, in which capacity.
    assert "Eva Nord (P), tjänstgörande ersättare" in text
    assert "Dan Lund (P), ersättare" in text
    assert "Åsa Öberg (P), ordförande" in text
    assert "4 av 4 ledamöter närvarande; sammanträdet var beslutfört." in text
    # The correction after sending: when, who, what, before, after and why.
    assert "Före: Beredningen begär återrapportering från socialnämnden." in text
    assert "Efter: Beredningen begär skriftlig återrapportering" in text
    assert "Beslutet fick fel lydelse." in text
    assert "Utkast" not in text
    assert "Underlag: Ärende att bereda" in text
    assert "Översiktsplan" in text
    assert "Rapport 2026.pdf" in text
    assert "Länk till handling" in text
    assert not PATH_LIKE.search(text), PATH_LIKE.search(text)
    for word in ENGLISH:
        assert word not in text


def test_approved_minutes_pdf_is_a_municipal_protocol(world, client_for, protocol):
    response = _get(client_for("manager"), "meetings:minutes_pdf", protocol.meeting)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="protokoll-2026-11-17.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    _assert_minutes_content(text)
    # The facts: a label and its value never run together.
    assert re.search(r"Plats och tid\s+Rådhuset", text)
    assert re.search(r"Utses att justera\s+Bo Ek och Cecilia Ståhl", text)
    assert re.search(r"Paragrafer\s+§ 12–16", text)


def test_minutes_pdf_has_title_language_and_archive_metadata(client_for, protocol):
    content = _get(client_for("reader"), "meetings:minutes_pdf", protocol.meeting)
    document = pypdfium2.PdfDocument(io.BytesIO(content.content))
    try:
        metadata = document.get_metadata_dict()
        bookmarks = [b.get_title() for b in document.get_toc()]
    finally:
        document.close()
    assert metadata["Title"] == "Protokoll – Jämställdhetsberedningen, 17 november 2026"
    assert b"/Lang (sv" in content.content or b"/Lang(sv" in content.content
    assert b"pdfaid:part" in content.content  # PDF/A for the archive
    assert "§ 15 Jämställdhetsanalys av äldreomsorgens budget" in bookmarks


def test_approved_minutes_docx_is_a_municipal_protocol(world, client_for, protocol):
    response = _get(client_for("manager"), "meetings:minutes_docx", protocol.meeting)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert 'filename="protokoll-2026-11-17.docx"' in response["Content-Disposition"]
    text = docx_text(response.content)
    _assert_minutes_content(text)
    assert "Plats och tid\tRådhuset, sal Åsen\n17 november 2026" in text
    assert "Utses att justera\tBo Ek och Cecilia Ståhl" in text


def test_minutes_docx_has_headings_header_rows_language_and_links(protocol, client_for):
    content = _get(client_for("reader"), "meetings:minutes_docx", protocol.meeting)
    data = content.content
    document = docx.Document(io.BytesIO(data))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    body = docx_part(data, "word/document.xml")
    assert "<w:tblHeader" in body
    assert "<w:hyperlink" in body
    assert 'w:lang w:val="sv-SE"' in docx_part(data, "word/styles.xml")
    core = docx_part(data, "docProps/core.xml")
    assert "<dc:language>sv-SE</dc:language>" in core
    assert "Protokoll – Jämställdhetsberedningen, 17 november 2026" in core
    relations = docx_part(data, "word/_rels/document.xml.rels")
    # The links stay behind their titles; a path becomes an absolute address.
    assert "https://www.eskilstuna.se/handlingar/oversiktsplan.pdf" in relations
    assert re.search(r'Target="https?://[^"]+/arenden/98/"', relations)


def test_the_notice_of_posting_is_in_both_documents(client_for, posted):
    client = client_for("reader")
    expected = (
        "Justeringen har tillkännagivits på anslagstavlan den 20 november 2026, "
        "anslaget tas ned den"
    )
    for name, extract in (
        ("meetings:minutes_pdf", pdf_text),
        ("meetings:minutes_docx", docx_text),
    ):
        text = " ".join(extract(_get(client, name, posted.meeting).content).split())
        assert expected in text


def test_the_notice_of_posting_is_left_out_when_the_body_does_not_post(
    client_for, protocol
):
    text = docx_text(
        _get(client_for("reader"), "meetings:minutes_docx", protocol.meeting).content
    )
    assert "anslagstavlan" not in text


@pytest.mark.skipif(
    OFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui",
)
def test_libreoffice_opens_the_minutes_docx(client_for, protocol, tmp_path):
    source = tmp_path / "protokoll.docx"
    source.write_bytes(
        _get(client_for("reader"), "meetings:minutes_docx", protocol.meeting).content
    )
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = pdf_text(Path(tmp_path / "protokoll.pdf").read_bytes())
    assert "Sammanträdesprotokoll" in text
    assert "§ 15 Jämställdhetsanalys av äldreomsorgens budget" in text
    assert "Justerat den 19 november 2026 kl. 14.32" in text
    assert not PATH_LIKE.search(text)


# --- Drafts ---------------------------------------------------------------------


@pytest.fixture
def draft(world) -> Protocol:
    """Sent for approval; only Bo (the politician) has signed."""
    protocol = build_protocol(world, approve=False)
    minutes = protocol.meeting.minutes
    minutes.refresh_from_db()
    services.approve_minutes(
        minutes=minutes,
        by=world.user("politician"),
        round=minutes.round,
        version=minutes.version,
        now=SIGNED_AT,
    )
    return protocol


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("strategist", 200),
        ("politician", 200),  # Bo Ek, an approver
        ("reader", 200),  # Cecilia Ståhl, an approver
        ("manager", 404),
    ],
)
@pytest.mark.parametrize("name", ["meetings:minutes_pdf", "meetings:minutes_docx"])
def test_draft_minutes_are_for_the_secretary_and_the_approvers(
    client_for, draft, role, status, name
):
    assert _get(client_for(role), name, draft.meeting).status_code == status


def test_a_reader_who_is_not_an_approver_gets_no_draft(world, client_for, draft):
    Person.objects.filter(pk=draft.approvers[1].pk).update(user=None)
    response = _get(client_for("reader"), "meetings:minutes_pdf", draft.meeting)
    assert response.status_code == 404


def test_draft_minutes_are_clearly_marked(client_for, draft):
    client = client_for("strategist")
    response = _get(client, "meetings:minutes_pdf", draft.meeting)
    assert (
        'filename="protokoll-utkast-2026-11-17.pdf"'
        in (response["Content-Disposition"])
    )
    text = pdf_text(response.content)
    assert "Utkast – ej justerat" in text
    # The first page's marking and the header of every page.
    document = pypdfium2.PdfDocument(io.BytesIO(response.content))
    try:
        pages = [p.get_textpage().get_text_range() for p in document]
    finally:
        document.close()
    assert all("Utkast – ej justerat" in page for page in pages)
    # Bo has signed, Cecilia has not: one "Justerat den", one line to sign on.
    assert text.count("Justerat den 19 november 2026 kl. 14.32") == 1
    word = docx_text(_get(client, "meetings:minutes_docx", draft.meeting).content)
    assert word.count("Utkast – ej justerat") >= 2  # the box and the page header
    assert "_____" in word


def test_unsent_minutes_are_a_draft_with_agenda_numbers(world, client_for):
    protocol = build_protocol(world, sent=False)
    text = pdf_text(
        _get(client_for("admin"), "meetings:minutes_pdf", protocol.meeting).content
    )
    assert "Utkast – ej justerat" in text
    assert "§ 4 Jämställdhetsanalys av äldreomsorgens budget" in text
    assert "Justerat den" not in text
    assert (
        _get(
            client_for("manager"), "meetings:minutes_docx", protocol.meeting
        ).status_code
        == 404
    )


def test_documents_of_another_organisation_are_hidden(world, client, protocol):
    client.force_login(world.outsider)
    for name in (
        "meetings:agenda_pdf",
        "meetings:agenda_docx",
        "meetings:minutes_pdf",
        "meetings:minutes_docx",
    ):
        assert _get(client, name, protocol.meeting).status_code == 404


# --- The agenda -----------------------------------------------------------------


def _assert_agenda_content(text: str) -> None:
    text = " ".join(text.split())
    assert "Kallelse" in text
    assert "Föredragningslista" in text
    assert "Sammanträdesdatum 17 november 2026" in text
    assert "13.00–16.00" in text
    assert "Jämställdhetsanalys av äldreomsorgens budget" in text
    assert "Föredragande: Siri Strand" in text
    assert "Planerad tid: 20 min" in text
    assert "Underlag: Ärende att bereda" in text
    assert "Översiktsplan" in text
    assert "Rapport 2026.pdf" in text
    assert "KS 2026/0042 Tjänsteskrivelse" in text
    assert not PATH_LIKE.search(text), PATH_LIKE.search(text)
    for word in ENGLISH:
        assert word not in text


def test_agenda_pdf_and_docx_show_titles_never_paths(world, client_for):
    protocol = build_protocol(world, sent=False)
    client = client_for("manager")
    pdf = _get(client, "meetings:agenda_pdf", protocol.meeting)
    assert 'filename="foredragningslista-2026-11-17.pdf"' in pdf["Content-Disposition"]
    _assert_agenda_content(pdf_text(pdf.content))
    word = _get(client, "meetings:agenda_docx", protocol.meeting)
    assert word.status_code == 200
    _assert_agenda_content(docx_text(word.content))
    assert "Tid\t13.00–16.00" in docx_text(word.content)


def test_dialogue_minutes_show_the_questions_with_their_answers(world, client_for):
    by = world.user("strategist")
    meeting = make_meeting(
        world.own,
        held_on=dt.date(2026, 12, 1),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.board,
        title="Dialogmöte",
    )
    services.add_question(meeting=meeting, by=by, text="Hur följer ni upp väntetider?")
    services.add_question(meeting=meeting, by=by, text="Vilka mål har ni?")
    meeting.questions.filter(text__startswith="Hur").update(
        answer="Vi mäter väntetider per kön varje månad."
    )
    text = pdf_text(_get(client_for("admin"), "meetings:minutes_pdf", meeting).content)
    assert "Fråga 1: Hur följer ni upp väntetider?" in text
    assert "Svar: Vi mäter väntetider per kön varje månad." in text
    assert "Svar: Inget svar lämnades." in text
    assert "Socialnämnden" in text
    agenda = docx_text(
        _get(client_for("reader"), "meetings:agenda_docx", meeting).content
    )
    assert "Frågor inför mötet" in agenda
    assert "Vilka mål har ni?" in agenda


# --- The meeting page -----------------------------------------------------------


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_meeting_page_links_documents_by_title(world, client_for, protocol):
    response = _get(client_for("reader"), "meetings:detail", protocol.meeting)
    html = response.content.decode()
    text = _visible_text(html)
    assert not re.search(r"(?<![\w.:/])/[\w.-]+/", text), re.search(
        r"(?<![\w.:/])/[\w.-]+/", text
    )
    assert "https://" not in text
    assert re.search(r'<a href="/arenden/98/">\s*Underlag: Ärende att bereda', html)
    assert re.search(
        r'<a href="https://www.eskilstuna.se/handlingar/oversiktsplan.pdf"[^>]*>'
        r"Översiktsplan</a>",
        html,
    )
    for label in (
        "Föredragningslista som PDF",
        "Föredragningslista som Word",
        "Protokoll som PDF",
        "Protokoll som Word",
    ):
        assert label in text


def test_the_meeting_page_offers_draft_minutes_only_to_who_may_read_them(
    client_for, draft
):
    strategist = _get(client_for("strategist"), "meetings:detail", draft.meeting)
    assert "Protokollsutkast som PDF" in strategist.content.decode()
    manager = _get(client_for("manager"), "meetings:detail", draft.meeting)
    page = manager.content.decode()
    assert "Protokollsutkast som PDF" not in page
    assert reverse("meetings:minutes_pdf", args=[draft.meeting.pk]) not in page
