import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jamkoll.core import uploads
from jamkoll.result_requests import attachments, services
from jamkoll.result_requests.models import Attachment, Reply
from jamkoll.result_requests.tests import factories


def _check(name, content):
    return attachments.check_attachment(factories.upload(name, content))


@pytest.mark.parametrize(
    ("name", "builder", "content_type"),
    [
        ("rapport.pdf", factories.pdf_bytes, "application/pdf"),
        ("svar.docx", factories.docx_bytes, uploads.KINDS["docx"].content_type),
        ("tabell.xlsx", factories.xlsx_bytes, uploads.KINDS["xlsx"].content_type),
        ("analys.odt", factories.odt_bytes, uploads.KINDS["odt"].content_type),
        ("diagram.png", factories.png_bytes, "image/png"),
    ],
)
def test_accepted_kinds_are_recognised_by_content(name, builder, content_type):
    assert _check(name, builder()).content_type == content_type


def test_renamed_executable_is_refused():
    with pytest.raises(ValidationError) as error:
        _check("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    assert error.value.messages == [
        "Filen rapport.pdf har filändelsen .pdf men innehållet är inte PDF."
    ]


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        _check("tom.pdf", b"")
    assert error.value.messages == ["Filen tom.pdf är tom."]


def test_oversized_file_is_refused_with_the_limit_read_at_call_time(settings):
    settings.JAMKOLL_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as error:
        _check("stor.png", factories.png_bytes() + b"\x00" * 200)
    assert "för stor" in error.value.messages[0]


def test_broken_pdf_is_refused():
    broken = factories.pdf_bytes()[:60]
    with pytest.raises(ValidationError) as error:
        _check("trasig.pdf", broken)
    assert "skadad" in error.value.messages[0]


def test_zip_pretending_to_be_docx_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/evil.txt", "x")
    with pytest.raises(ValidationError):
        _check("svar.docx", buffer.getvalue())


def test_refused_file_saves_no_answer(world):
    result_request = factories.raise_demand(world.own)
    with pytest.raises(ValidationError) as error:
        services.save_reply(
            result_request=result_request,
            by=world.user("manager"),
            text="Svar",
            files=[factories.upload("virus.pdf", b"MZ" + b"\x00" * 100)],
            submit=True,
        )
    assert "attachments" in error.value.message_dict
    assert not Reply.objects.exists()
    assert not Attachment.objects.exists()


def test_valid_attachment_round_trips_with_safe_headers(world, client):
    content = factories.pdf_bytes()
    result_request = factories.answer(
        factories.raise_demand(world.own),
        world.user("manager"),
        files=[factories.upload("Rapport åäö.pdf", content)],
    )
    item = Attachment.objects.get(reply__result_request=result_request)
    assert "Rapport" not in item.file.name
    assert item.original_name == "Rapport åäö.pdf"
    client.force_login(world.user("reader"))
    response = client.get(reverse("result_requests:attachment", args=[item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Rapport%20%C3%A5%C3%A4%C3%B6.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_unauthorised_users_get_404_for_the_download(world, client):
    result_request = factories.answer(
        factories.raise_demand(world.own, unit=world.own.other_board),
        files=[factories.upload("a.png", factories.png_bytes())],
    )
    item = Attachment.objects.get(reply__result_request=result_request)
    url = reverse("result_requests:attachment", args=[item.pk])
    for user in (world.user("manager"), world.outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
