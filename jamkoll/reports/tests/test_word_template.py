"""The organisation's own Word template: upload checked by content, removal, and the
Word file built with it."""

import functools
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from jamkoll.accounts.models import Role
from jamkoll.reports import output, selectors, word_template
from jamkoll.reports.models import ReportSettings

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe"
    b"\x02\xfe\xa7V\x8a\xf5\x00\x00\x00\x00IEND\xaeB`\x82"
)


@functools.cache
def word_bytes() -> bytes:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Egen kommun – sidhuvud"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_file(name: str = "Kommunens mall.dotx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, word_bytes())


def _upload(client, upload):  # type: ignore[no-untyped-def]
    return client.post(reverse("reports:word_template"), {"word_template": upload})


def test_a_strategist_uploads_the_template_and_the_word_file_is_built_with_it(
    world, client_for, monkeypatch
):
    client = client_for(Role.STRATEGIST)
    response = _upload(client, word_file())
    assert response.status_code == 302
    organisation = world.own.organisation
    assert selectors.word_template_for(organisation) == word_bytes()
    page = client.get(reverse("reports:word_template")).content.decode()
    assert "Word-filen skapas med mallen ”Kommunens mall.dotx”." in page
    assert "Ta bort mallen ”Kommunens mall.dotx”" in page

    seen = {}

    def fake_render_docx(content, *, template=None):  # type: ignore[no-untyped-def]
        seen["template"] = template
        return b"docx"

    monkeypatch.setattr(output, "render_docx", fake_render_docx)
    output.generate(organisation=organisation, year=2026, fmt="docx")
    assert seen["template"] == word_bytes()
    # Another organisation's report does not get it.
    output.generate(organisation=world.other.organisation, year=2026, fmt="docx")
    assert seen["template"] is None


def test_a_renamed_png_is_refused_in_swedish_and_nothing_is_saved(world, client_for):
    client = client_for(Role.ADMIN)
    response = _upload(client, SimpleUploadedFile("mall.docx", PNG))
    assert response.status_code == 400
    assert (
        "Filen heter .docx men innehållet är inte ett Word-dokument."
        in response.content.decode()
    )
    assert selectors.word_template_for(world.own.organisation) is None
    assert not ReportSettings.objects.filter(word_template__gt="").exists()


def test_a_png_by_its_own_name_is_refused(world, client_for):
    response = _upload(client_for(Role.ADMIN), SimpleUploadedFile("logga.png", PNG))
    assert response.status_code == 400
    assert (
        "Välj ett Word-dokument (.docx) eller en Word-mall (.dotx)."
        in response.content.decode()
    )


def test_a_zip_without_word_styles_is_refused(world, client_for):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    response = _upload(
        client_for(Role.ADMIN), SimpleUploadedFile("mall.dotx", buffer.getvalue())
    )
    assert response.status_code == 400
    assert selectors.word_template_for(world.own.organisation) is None


def test_a_too_large_template_is_refused_and_nothing_is_saved(
    world, client_for, monkeypatch
):
    monkeypatch.setattr(word_template, "MAX_BYTES", 1000)
    response = _upload(client_for(Role.STRATEGIST), word_file())
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mallen är för stor" in page
    assert selectors.word_template_for(world.own.organisation) is None


def test_the_limit_is_five_megabytes(world, client_for):
    big = SimpleUploadedFile("mall.docx", b"PK\x03\x04" + b"\0" * (6 * 1024 * 1024 - 4))
    response = _upload(client_for(Role.STRATEGIST), big)
    assert response.status_code == 400
    assert (
        "Mallen är för stor (6,0\xa0MB); gränsen är 5,0\xa0MB."
        in response.content.decode()
    )


def test_removing_the_template_goes_back_to_the_built_in_styles(world, client_for):
    client = client_for(Role.STRATEGIST)
    _upload(client, word_file())
    response = client.post(reverse("reports:word_template_remove"))
    assert response.status_code == 302
    assert selectors.word_template_for(world.own.organisation) is None
    page = client.get(reverse("reports:word_template")).content.decode()
    assert "Ingen mall är uppladdad" in page


@pytest.mark.parametrize("role", [Role.POLITICIAN, Role.MANAGER, Role.READER])
def test_only_administrators_and_strategists_upload(world, client_for, role):
    response = _upload(client_for(role), word_file())
    assert response.status_code == 403
    assert selectors.word_template_for(world.own.organisation) is None


def test_the_other_organisations_template_is_neither_shown_nor_used(
    world, client, client_for
):
    client.force_login(world.outsider)  # administrator of the other organisation
    _upload(client, word_file("Annan kommuns mall.dotx"))
    assert selectors.word_template_for(world.other.organisation) is not None

    own = client_for(Role.ADMIN)
    page = own.get(reverse("reports:word_template")).content.decode()
    assert "Annan kommuns mall" not in page
    assert selectors.word_template_for(world.own.organisation) is None
