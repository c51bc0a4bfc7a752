"""Background work: reading an uploaded document (django-tasks)."""

from django_tasks import task

from jamkoll.reviews import services


@task()
def analyse_document(analysis_id: int) -> None:
    """Run the reader for one queued analysis; errors end as a failed analysis."""
    services.run_analysis(analysis_id=analysis_id)
