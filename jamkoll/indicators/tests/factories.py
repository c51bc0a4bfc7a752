import factory

from jamkoll.indicators.models import Indicator, Municipality, Value


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{n + 100:04d}")


class KoladaIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"N{n:05d}")
    title = factory.Sequence(lambda n: f"Nyckeltal {n}")
    source = Indicator.Source.KOLADA
    stable_threshold = 0.5


def series(indicator, code, rows):
    """Store ``{year: (women, men, total)}`` for one municipality code."""
    municipality = MunicipalityFactory(code=code)
    for year, figures in rows.items():
        for gender, value in zip("KMT", figures, strict=True):
            if gender == "K" and value == "skip":
                continue
            Value.objects.create(
                indicator=indicator,
                municipality=municipality,
                period=year,
                gender=gender,
                value=value,
            )
