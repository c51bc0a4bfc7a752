"""Answers wait sealed in PendingResponse; Response loses its date.

Existing rounds were stored with the link's update in one transaction, so their
responses share a transaction id with a person's link. `reshuffle_existing` writes
every existing response again, per round in shuffled order in this migration's
transaction, so the live tables no longer carry that link (run `VACUUM FULL
surveys_response, surveys_answer` afterwards to drop the old row versions and the
dropped date column from the files; backups taken before keep them).
"""

import secrets
import uuid

import django.db.models.deletion
from django.db import migrations, models


def reshuffle_existing(apps, schema_editor):
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    shuffle = secrets.SystemRandom().shuffle
    survey_ids = set(Response.objects.values_list("survey_id", flat=True))
    for survey_id in survey_ids:
        old = list(Response.objects.filter(survey_id=survey_id))
        answers = {}
        for answer in Answer.objects.filter(response__survey_id=survey_id):
            answers.setdefault(answer.response_id, []).append(answer)
        Answer.objects.filter(response__survey_id=survey_id).delete()
        Response.objects.filter(survey_id=survey_id).delete()
        shuffle(old)
        new_responses, new_answers = [], []
        for response in old:
            fresh = Response(
                id=uuid.uuid4(),
                survey_id=survey_id,
                sex=response.sex,
                role_level=response.role_level,
            )
            new_responses.append(fresh)
            for answer in answers.get(response.id, []):
                new_answers.append(
                    Answer(
                        id=uuid.uuid4(),
                        response=fresh,
                        version_id=answer.version_id,
                        choice=answer.choice,
                        text=answer.text,
                    )
                )
        shuffle(new_answers)
        Response.objects.bulk_create(new_responses)
        Answer.objects.bulk_create(new_answers)


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0002_default_questions'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='response',
            name='answered_on',
        ),
        migrations.RunPython(reshuffle_existing, migrations.RunPython.noop),
        migrations.CreateModel(
            name='PendingResponse',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('payload', models.TextField(verbose_name='sealed answers')),
                ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pending_responses', to='surveys.survey', verbose_name='survey')),
            ],
            options={
                'verbose_name': 'response waiting to be released',
                'verbose_name_plural': 'responses waiting to be released',
            },
        ),
    ]
