"""The one upload checker: content decides, zip containers are judged unopened."""

import io
import re
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from jamkoll.core import uploads
from jamkoll.core.tests import upload_files as files

ALL = {"pdf", "docx", "dotx", "xlsx", "odt", "png", "jpg", "txt", "csv"}
DOCUMENTS = {"pdf", "docx", "odt", "txt"}


def _check(name, content, kinds=ALL, max_bytes=10_000_000):
    return uploads.check_upload(
        SimpleUploadedFile(name, content), kinds=kinds, max_bytes=max_bytes
    )


def _refusal(name, content, kinds=ALL, max_bytes=10_000_000) -> str:
    with pytest.raises(ValidationError) as error:
        _check(name, content, kinds, max_bytes)
    return error.value.messages[0]


@pytest.mark.parametrize(
    ("name", "builder", "kind"),
    [
        ("rapport.pdf", files.pdf_bytes, "pdf"),
        ("svar.docx", files.docx_bytes, "docx"),
        ("mall.dotx", lambda: files.docx_bytes(template=True), "dotx"),
        ("tabell.xlsx", files.xlsx_bytes, "xlsx"),
        ("analys.odt", files.odt_bytes, "odt"),
        ("diagram.png", files.png_bytes, "png"),
        ("plan.txt", lambda: "Nämndens plan för 2026.".encode(), "txt"),
        ("tal.csv", lambda: "Kön;Antal\r\nKvinnor;780\r\n".encode("cp1252"), "csv"),
    ],
)
def test_kinds_are_recognised_by_content(name, builder, kind):
    checked = _check(name, builder())
    assert checked.kind == kind
    assert checked.extension == uploads.KINDS[kind].extension
    assert checked.content_type == uploads.KINDS[kind].content_type


def test_the_client_name_does_not_decide_the_kind():
    """A real PDF called poly.html is a PDF, shown and stored as .pdf."""
    checked = _check("poly.html", files.pdf_bytes())
    assert (checked.kind, checked.display_name) == ("pdf", "poly.pdf")
    name = uploads.stored_name(checked, "private/result_requests")
    assert re.fullmatch(r"private/result_requests/[0-9a-f]{32}\.pdf", name)


def test_html_named_pdf_is_refused():
    message = _refusal("falsk.pdf", b"<!DOCTYPE html><script>alert(1)</script>")
    assert message == (
        "Filen falsk.pdf har filändelsen .pdf men innehållet är inte PDF."
    )


def test_html_is_not_plain_text_even_under_a_neutral_name():
    assert "inte en tillåten filtyp" in _refusal(
        "sida.html", b"<html><body>x</body></html>"
    )
    assert "inte ren text" in _refusal("sida.txt", b"<html><body>x</body></html>")


def test_a_kind_the_caller_does_not_accept_is_refused_naming_the_accepted_ones():
    message = _refusal("bild.png", files.png_bytes(), kinds={"pdf", "docx"})
    assert message == (
        "Filen bild.png är inte en tillåten filtyp. Tillåtna filtyper: PDF, Word (DOCX)."
    )


def test_empty_and_too_large_files_are_refused():
    assert _refusal("tom.pdf", b"") == "Filen tom.pdf är tom."
    message = _refusal("stor.txt", b"a" * 3000, max_bytes=2048)
    assert message == "Filen stor.txt är för stor (2,9\xa0kB); gränsen är 2,0\xa0kB."


def test_size_is_counted_while_reading_not_taken_from_the_client():
    upload = SimpleUploadedFile("stor.txt", b"a" * 300_000)
    upload.size = 10  # a lying size is not believed
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload, kinds={"txt"}, max_bytes=100_000)
    assert error.value.code == "too_large"


def test_a_damaged_pdf_is_refused():
    assert "skadad" in _refusal("trasig.pdf", files.pdf_bytes()[:60])


def test_a_zip_that_is_no_office_document_is_refused():
    zipped = files.build_zip([files.stored("word/evil.txt", "x")])
    assert _refusal("svar.docx", zipped).startswith("Filen svar.docx har filändelsen")


def test_a_zip_bomb_is_refused_in_under_100_ms_without_unpacking():
    bomb = files.docx_bomb()  # 1 GB of zeros in about 1 MB
    assert len(bomb) < 2 * 1024 * 1024
    upload = SimpleUploadedFile("bomb.docx", bomb)
    # Warm up the code path (imports, catalogues) with a real document first.
    uploads.check_upload(
        SimpleUploadedFile("svar.docx", files.docx_bytes()),
        kinds=DOCUMENTS,
        max_bytes=50 * 1024 * 1024,
    )
    started = time.perf_counter()
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload, kinds=DOCUMENTS, max_bytes=50 * 1024 * 1024)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.1, f"the check took {elapsed:.3f} s"
    assert error.value.code == "zip_size"
    assert "1,0\xa0GB uppackad" in error.value.messages[0]


def test_the_ratio_is_checked_from_declared_sizes():
    """Under the size limit but packed 1 000:1."""
    bomb = files.docx_bomb(megabytes=20)
    with pytest.raises(ValidationError) as error:
        uploads.check_zip_container(io.BytesIO(bomb), name="bomb.docx")
    assert error.value.code == "zip_ratio"
    assert "zip-bomb" in error.value.messages[0]
    assert "100 gånger" in error.value.messages[0]


@pytest.mark.parametrize(
    ("member", "code"),
    [
        (files.stored("../../etc/passwd", "x"), "zip_name"),
        (files.stored("/etc/passwd", "x"), "zip_name"),
        (files.stored("word/media/inne.zip", b"PK\x05\x06" + bytes(18)), "zip_nested"),
    ],
)
def test_unsafe_members_are_refused(member, code):
    with pytest.raises(ValidationError) as error:
        uploads.check_zip_container(io.BytesIO(files.docx_with(member)), name="a.docx")
    assert error.value.code == code


def test_encrypted_members_and_too_many_members_are_refused():
    data = files.docx_with(files.stored("word/x.xml", "<x/>"))
    # Set the "encrypted" flag of the last member in the central directory.
    central = data.rindex(b"PK\x01\x02")
    flagged = data[: central + 8] + b"\x01\x00" + data[central + 10 :]
    with pytest.raises(ValidationError) as error:
        uploads.check_zip_container(io.BytesIO(flagged), name="a.docx")
    assert error.value.code == "zip_encrypted"
    assert "lösenordsskyddad" in error.value.messages[0]
    many = files.docx_with(*(files.stored(f"word/{i}.xml", "<x/>") for i in range(20)))
    with pytest.raises(ValidationError) as error:
        uploads.check_zip_container(io.BytesIO(many), name="a.docx", max_members=10)
    assert error.value.code == "zip_members"
    assert "(22); högst 10" in error.value.messages[0]


def test_macros_are_refused():
    macro = files.stored("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")
    assert "makron" in _refusal("svar.docx", files.docx_with(macro))


def test_a_real_document_is_not_mistaken_for_a_bomb():
    """Text compresses well, but not 100:1 across megabytes."""
    text = " ".join(f"Ärende {i} om jämställdhet i nämnden." for i in range(60_000))
    data = zlib.compress(text.encode(), 9)[2:-4]
    big = (
        "word/document.xml",
        data,
        zlib.crc32(text.encode()),
        len(text.encode()),
        8,
    )
    infos = uploads.check_zip_container(io.BytesIO(files.docx_with(big)), name="a")
    assert len(infos) == 3


@pytest.mark.parametrize(
    ("client", "extension", "shown"),
    [
        ("Rapport åäö.pdf", "pdf", "Rapport åäö.pdf"),
        ("../../etc/Rapport.PDF", "pdf", "Rapport.PDF"),
        ("C:\\Users\\x\\mall.dotx", "docx", "mall.dotx"),
        ('a"b;\r\nc.pdf', "pdf", "abc.pdf"),
        ("poly.html", "pdf", "poly.pdf"),
        ("utan-ändelse", "txt", "utan-ändelse.txt"),
        ("", "pdf", "fil.pdf"),
    ],
)
def test_display_names_are_cleaned(client, extension, shown):
    assert uploads.display_name(client, extension) == shown


def test_download_sends_an_attachment_with_the_display_name_and_nosniff():
    response = uploads.download_response(
        io.BytesIO(b"%PDF-"),
        display_name="Rapport åäö.pdf",
        content_type="application/pdf",
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Rapport%20%C3%A5%C3%A4%C3%B6.pdf"
    )
    assert "no-store" in response["Cache-Control"]


def test_upload_to_keeps_stored_names_and_never_a_client_extension():
    checked = _check("plan.txt", "Nämndens plan.".encode())
    name = uploads.stored_name(checked, "reviews")
    assert uploads.storage_path("reviews", name) == name
    assert uploads.storage_path("reviews", name.split("/")[1]) == name
    other = uploads.storage_path("reviews", "poly.html")
    assert re.fullmatch(r"reviews/[0-9a-f]{32}\.bin", other)
    assert uploads.content_type_for(name) == "text/plain"
    assert uploads.content_type_for("reviews/abc.html") == "application/octet-stream"
