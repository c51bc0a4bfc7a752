from jamkoll.reports.content import (
    BulletList,
    Chart,
    Paragraph,
    ReportContent,
    Section,
    Subheading,
    Table,
)


def _chart(values):
    return Chart(
        caption="Andel",
        alt="Diagram",
        categories=["A", "B"],
        series=["Kvinnor", "Män"],
        values=values,
        empty_text="Inga värden",
        unit=" %",
    )


def test_chart_with_every_value_missing_has_no_data():
    assert _chart([[None, None], [None, None]]).has_data is False
    assert _chart([[None, 3.0], [None, None]]).has_data is True


def test_chart_data_rows_use_a_decimal_comma_and_a_dash_for_missing():
    assert _chart([[55.5, None], [40.0, 60.0]]).data_rows == [
        ("A", ["55,5\xa0%", "–"]),
        ("B", ["40\xa0%", "60\xa0%"]),
    ]


def test_chart_data_rows_group_thousands_and_keep_the_unit():
    chart = _chart([[1234.5, None], [None, None]])
    chart.unit = " st"
    assert chart.data_rows[0] == ("A", ["1\xa0234,5\xa0st", "–"])


def test_content_survives_a_round_trip_through_json_data():
    content = ReportContent(
        title="Årsrapport 2026",
        subtitle="Beredningen",
        year=2026,
        organisation_name="Kommunen",
    )
    content.sections.append(
        Section(
            key="body",
            heading="Beredningen",
            source="Källa: Jämkoll",
            has_year_data=False,
            blocks=[
                Paragraph("Text åäö"),
                Subheading("Ledamöter"),
                BulletList(["ett", "två"]),
                Table(
                    caption="T",
                    header=["A", "B"],
                    rows=[["1", "2"]],
                    numeric=[False, True],
                ),
                _chart([[1.0, 2.0], [None, 3.0]]),
            ],
        )
    )
    again = ReportContent.from_dict(content.to_dict())
    assert again == content
    assert again.section("body").has_year_data is False
    assert again.charts()[0].values == [[1.0, 2.0], [None, 3.0]]
