import datetime as dt

from jamkoll.meetings.recurrence import dates_in_year, month_grid, nth_weekday


def test_second_tuesday_in_march_and_september():
    assert dates_in_year(
        year=2026, pattern="nth_weekday", months=[3, 9], weekday=1, nth=2
    ) == [
        dt.date(2026, 3, 10),
        dt.date(2026, 9, 8),
    ]


def test_monthly_first_monday_gives_twelve_dates():
    dates = dates_in_year(
        year=2026, pattern="nth_weekday", months=range(1, 13), weekday=0, nth=1
    )
    assert len(dates) == 12
    assert dates[0] == dt.date(2026, 1, 5)
    assert all(d.weekday() == 0 and d.day <= 7 for d in dates)


def test_last_friday_and_missing_fifth_weekday():
    assert nth_weekday(2026, 4, 4, -1) == dt.date(2026, 4, 24)
    assert nth_weekday(2026, 2, 1, 5) is None


def test_fixed_date_falls_back_to_the_last_day():
    assert dates_in_year(year=2026, pattern="fixed_date", months=[2, 4], day=30) == [
        dt.date(2026, 2, 28),
        dt.date(2026, 4, 30),
    ]


def test_month_grid_starts_on_monday():
    weeks = month_grid(2026, 3)
    assert weeks[0][:6] == [None] * 6
    assert weeks[0][6] == dt.date(2026, 3, 1)
