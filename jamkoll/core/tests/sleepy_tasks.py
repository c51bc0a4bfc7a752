"""A task for the dead-worker test (`test_worker_recovery.py`): it only waits."""

import time

from django_tasks import task


@task()
def sleep_for(seconds: float) -> str:
    time.sleep(seconds)
    return "woke up"
