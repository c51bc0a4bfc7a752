"""Background work: case lists too large to import within a request."""

from django_tasks import task

from jamkoll.cases import services
from jamkoll.cases.models import CaseImport
from jamkoll.core.tables import failing_visibly


@task()
def run_case_import(job_id: int) -> str:
    """Carry out one stored case-list import; returns its final status."""
    job = CaseImport.objects.select_related("organisation", "started_by").get(pk=job_id)
    with failing_visibly(job):
        job = services.run_case_import(job=job)
    return job.status
