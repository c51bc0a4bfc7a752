from django.apps import AppConfig, apps


class CasesConfig(AppConfig):
    name = "jamkoll.cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # meetings sits on the same layer, so it is reached through its AppConfig
        # (a generic link) rather than imported.
        from jamkoll.cases import meeting_outcomes, providers, tasks
        from jamkoll.cases.models import CaseImport
        from jamkoll.core import tables

        # A case list whose worker died ends failed, not "running" for ever.
        tables.fail_when_abandoned(CaseImport, tasks.run_case_import.module_path)

        if apps.is_installed("jamkoll.meetings"):
            meetings = apps.get_app_config("meetings")
            meetings.register_suggestion_provider(providers.cases_to_prepare)  # type: ignore[attr-defined]
            meetings.register_yearwheel_provider(providers.council_meetings)  # type: ignore[attr-defined]
            meetings.register_item_outcome_handler(  # type: ignore[attr-defined]
                meeting_outcomes.PREFIX, meeting_outcomes.handler
            )
