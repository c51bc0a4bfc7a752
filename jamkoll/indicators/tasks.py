"""Background work: Kolada imports started from the web page, and large files of
local figures."""

from django.conf import settings
from django_tasks import task

from jamkoll.core.tables import failing_visibly
from jamkoll.indicators import kolada
from jamkoll.indicators.imports import run_kolada_import
from jamkoll.indicators.imports import run_local_import as run_local_values_import
from jamkoll.indicators.models import ImportRun, LocalImport


@task()
def run_import(run_id: int) -> str:
    """Carry out (or resume) one import run; returns its final status."""
    run = ImportRun.objects.get(pk=run_id)
    cache_dir = getattr(settings, "KOLADA_CACHE_DIR", None)
    cache = kolada.DirectoryCache(cache_dir) if cache_dir else None
    with kolada.KoladaClient(base_url=run.base_url, cache=cache) as client:
        run = run_kolada_import(run=run, client=client)
    return run.status


@task()
def run_local_import(job_id: int) -> str:
    """Carry out one stored import of local figures; returns its final status."""
    job = LocalImport.objects.select_related("indicator", "started_by").get(pk=job_id)
    with failing_visibly(job):
        job = run_local_values_import(job=job)
    return job.status
