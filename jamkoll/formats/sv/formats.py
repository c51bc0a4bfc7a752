"""Swedish display formats: one style for dates, times and numbers.

Dates read "8 november 2026" everywhere; times "13.00" (Språkrådet's style); a date
with its time "8 november 2026 kl. 13.00". Inputs still accept ISO dates first.
Thousands are grouped with a no-break space, but only where a template asks for it
(`core.formatting.number` / the `number` filter): ids and years must never be grouped,
so USE_THOUSAND_SEPARATOR stays off.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = r"j F Y \k\l. H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = r"j F Y \k\l. H.i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H.%M.%S"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%dT%H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
