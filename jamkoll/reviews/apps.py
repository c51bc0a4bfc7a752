from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "jamkoll.reviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jamkoll.meetings import suggestions
        from jamkoll.reviews import providers

        suggestions.register(providers.reviews_in_progress)
