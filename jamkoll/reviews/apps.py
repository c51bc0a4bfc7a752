from django.apps import AppConfig, apps


class ReviewsConfig(AppConfig):
    name = "jamkoll.reviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.meetings import suggestions
        from jamkoll.reviews import handoffs, providers

        suggestions.register(providers.reviews_in_progress)
        # result_requests is on the same layer: reach it through its app config only.
        apps.get_app_config("result_requests").register_demand_source(  # type: ignore[attr-defined]
            "review", handoffs.demand_from_review
        )
