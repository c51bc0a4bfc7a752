"""One upload checker, the same rules for answer attachments and review documents.

Each case goes through the real upload view and, when accepted, the real download
view: zip bombs are refused fast with nothing stored, a name that lies about the
content is refused, and a real PDF under a hostile name is stored as `<random>.pdf`
and downloaded as an attachment under a safe name.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from jamkoll.core.tests.upload_files import docx_bomb, pdf_bytes
from jamkoll.result_requests.models import Attachment
from jamkoll.result_requests.tests import factories as demand_factories
from jamkoll.reviews.models import Review
from jamkoll.reviews.tests.conftest import shipped


@dataclass
class Surface:
    """One upload view: how to post a file, what got stored, where to download."""

    name: str
    directory: str
    role: str

    def post(self, client: Any, world: Any, upload: SimpleUploadedFile) -> Any:
        if self.name == "attachment":
            demand = demand_factories.raise_demand(world.own)
            return client.post(
                reverse("result_requests:reply", args=[demand.pk]),
                {"text": "Här är svaret.", "submit": "1", "attachments": [upload]},
            )
        return client.post(
            reverse("reviews:create"),
            {
                "title": "Verksamhetsplan 2026",
                "document_type": "operating_plan",
                "checklist_version": shipped("styrdokument").pk,
                "unit": world.own.board.pk,
                "year": 2026,
                "case_number": "SN 2026/12",
                "document_reference": "",
                "upload": upload,
            },
        )

    def stored(self) -> list[tuple[str, str, str]]:
        """(stored file name, display name, download URL) of what was saved."""
        if self.name == "attachment":
            return [
                (
                    a.file.name,
                    a.original_name,
                    reverse("result_requests:attachment", args=[a.pk]),
                )
                for a in Attachment.objects.all()
            ]
        return [
            (
                r.document.name,
                r.original_filename,
                reverse("reviews:download", args=[r.pk]),
            )
            for r in Review.objects.exclude(document="")
        ]

    def files_on_disk(self) -> list[Path]:
        folder = Path(settings.MEDIA_ROOT) / self.directory
        return sorted(folder.glob("*")) if folder.exists() else []


SURFACES = [
    Surface("attachment", "private/result_requests", "manager"),
    Surface("review", "reviews", "strategist"),
]


@pytest.fixture(params=SURFACES, ids=lambda s: s.name)
def surface(request):
    return request.param


def test_a_zip_bomb_is_refused_and_nothing_is_stored(surface, world, client):
    client.force_login(world.user(surface.role))
    before = surface.files_on_disk()
    bomb = SimpleUploadedFile("bomb.docx", docx_bomb())  # 1 GB of zeros, ~1 MB
    # The check's own time is measured in core/tests/test_uploads.py (< 100 ms).
    response = surface.post(client, world, bomb)
    assert response.status_code == 400
    assert (
        escape("Filen bomb.docx blir 1,0\xa0GB uppackad") in response.content.decode()
    )
    assert surface.stored() == []
    assert surface.files_on_disk() == before


def test_html_named_pdf_is_refused(surface, world, client):
    client.force_login(world.user(surface.role))
    before = surface.files_on_disk()
    fake = SimpleUploadedFile(
        "rapport.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "application/pdf"
    )
    response = surface.post(client, world, fake)
    assert response.status_code == 400
    assert (
        "Filen rapport.pdf har filändelsen .pdf men innehållet är inte PDF."
        in response.content.decode()
    )
    assert surface.stored() == []
    assert surface.files_on_disk() == before


def test_a_real_pdf_named_html_is_stored_as_pdf_and_downloaded_safely(
    surface, world, client
):
    client.force_login(world.user(surface.role))
    content = pdf_bytes()
    response = surface.post(
        client, world, SimpleUploadedFile("poly.html", content, "text/html")
    )
    assert response.status_code == 302
    [(stored, shown, url)] = surface.stored()
    assert re.fullmatch(rf"{surface.directory}/[0-9a-f]{{32}}\.pdf", stored)
    assert shown == "poly.pdf"
    client.force_login(world.user("reader"))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"] == 'attachment; filename="poly.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"


def test_swedish_names_are_kept_for_display_and_sent_per_rfc_5987(
    surface, world, client
):
    client.force_login(world.user(surface.role))
    upload = SimpleUploadedFile("Årsrapport för nämnden.pdf", pdf_bytes())
    assert surface.post(client, world, upload).status_code == 302
    [(stored, shown, url)] = surface.stored()
    assert "rsrapport" not in stored
    assert shown == "Årsrapport för nämnden.pdf"
    download = client.get(url)
    assert download["Content-Disposition"] == (
        "attachment; filename*=utf-8''%C3%85rsrapport%20f%C3%B6r%20n%C3%A4mnden.pdf"
    )
