"""The one export helper: XLSX people can work with, CSV Swedish Excel reads right."""

import csv
import datetime as dt
import io
import math
from decimal import Decimal

from openpyxl import load_workbook

from jamkoll.core import exports

HEADER = ["Nämnd", "Antal", "Andel", "Medel", "Skickad", "Titel"]
TYPES = [
    exports.TEXT,
    exports.INTEGER,
    exports.PERCENT,
    exports.DECIMAL,
    exports.DATE,
    exports.TEXT,
]
ROWS = [
    [
        "Utbildningsnämnden",
        1200,
        0.175,
        17.5,
        dt.date(2026, 11, 8),
        '=HYPERLINK("x")',
    ],
    ["Socialnämnden", 3, None, Decimal("2.25"), None, "+46 lista"],
    ["-Tekniska nämnden", 0, 1.0, math.nan, dt.date(2026, 1, 2), "@summa"],
]


def _sheet(content: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(content)).active


def _swedish_number(text: str) -> float:
    """How Excel set to Swedish reads a cell: decimal comma, space as grouping."""
    return float(text.replace("\xa0", "").replace(" ", "").replace(",", "."))


def test_xlsx_header_is_bold_frozen_and_filtered_and_columns_have_widths() -> None:
    sheet = _sheet(exports.to_xlsx(HEADER, ROWS, types=TYPES, title="Uppföljning"))
    assert sheet.title == "Uppföljning"
    assert [c.value for c in sheet[1]] == HEADER
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEF"]
    assert all(w and w >= 6 for w in widths)
    # The unit column is as wide as its longest name, the number column narrower.
    assert widths[0] >= len("Utbildningsnämnden")
    assert widths[1] < widths[0]


def test_xlsx_numbers_are_numbers_and_dates_are_dates() -> None:
    sheet = _sheet(exports.to_xlsx(HEADER, ROWS, types=TYPES))
    count, share, mean, sent = (sheet.cell(row=2, column=c) for c in (2, 3, 4, 5))
    assert count.value == 1200
    assert count.data_type == "n"
    assert count.number_format == "0"
    assert share.value == 0.175
    assert share.number_format == "0.0%"
    assert mean.value == 17.5
    assert mean.number_format == "0.0"
    assert isinstance(sent.value, dt.datetime)  # openpyxl reads dates back as datetimes
    assert sent.value.date() == dt.date(2026, 11, 8)
    assert sent.is_date
    assert sent.number_format == "yyyy-mm-dd"
    # Missing and not finite values are empty cells, not "None" or "nan".
    assert sheet.cell(row=3, column=3).value is None
    assert sheet.cell(row=4, column=4).value is None


def test_xlsx_without_types_infers_formats_and_keeps_local_time() -> None:
    aware = dt.datetime(2026, 11, 8, 12, 0, tzinfo=dt.UTC)
    sheet = _sheet(exports.to_xlsx(["a", "b", "c"], [[3, 2.5, aware]]))
    assert sheet["A2"].number_format == "0"
    assert sheet["B2"].data_type == "n"
    assert sheet["C2"].is_date
    assert sheet["C2"].value == dt.datetime(2026, 11, 8, 13, 0)  # Stockholm


def test_formula_like_text_is_neutralised_in_xlsx() -> None:
    sheet = _sheet(exports.to_xlsx(HEADER, ROWS, types=TYPES))
    title = sheet.cell(row=2, column=6)
    assert title.value == '\'=HYPERLINK("x")'
    assert title.data_type == "s"
    assert sheet.cell(row=3, column=6).value == "'+46 lista"
    assert sheet.cell(row=4, column=6).value == "'@summa"
    assert sheet.cell(row=4, column=1).value == "'-Tekniska nämnden"


def test_workbook_holds_several_sheets() -> None:
    content = exports.workbook(
        [
            exports.Table(["Om"], [["x"]], title="Om"),
            exports.Table(["Resultat"], [[1]], title="Resultat"),
        ]
    )
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Om", "Resultat"]
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames)


def test_csv_reads_back_with_swedish_settings() -> None:
    content = exports.to_csv(HEADER, ROWS, types=TYPES)
    assert content.startswith("\ufeff".encode())
    assert b"\r\n" in content
    text = content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == HEADER
    first = rows[1]
    assert first[0] == "Utbildningsnämnden"
    assert first[1] == "1200"
    assert first[2] == "17,5%"
    assert first[3] == "17,5"
    assert _swedish_number(first[3]) == 17.5
    assert first[4] == "2026-11-08"
    assert rows[2][3] == "2,25"
    assert rows[2][2] == ""
    assert rows[2][4] == ""
    assert rows[3][3] == ""  # NaN is not a number anyone should read


def test_formula_like_text_is_neutralised_in_csv() -> None:
    text = exports.to_csv(HEADER, ROWS, types=TYPES).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[1][5] == '\'=HYPERLINK("x")'
    assert rows[2][5] == "'+46 lista"
    assert rows[3][0] == "'-Tekniska nämnden"
    assert rows[3][5] == "'@summa"


def test_neutralised_leaves_ordinary_text_alone() -> None:
    assert exports.neutralised("Kommunstyrelsen") == "Kommunstyrelsen"
    assert exports.neutralised("\tx") == "'\tx"
    assert exports.neutralised("\rx") == "'\rx"


def test_download_names_the_file_and_type() -> None:
    response = exports.download(b"x", "efterfragningar.xlsx")
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert 'filename="efterfragningar.xlsx"' in response["Content-Disposition"]
    assert exports.download(b"x", "a.csv")["Content-Type"].startswith("text/csv")


def test_a_streamed_workbook_has_the_same_habits(tmp_path) -> None:
    path = tmp_path / "values.xlsx"
    rows = (["N00001", "0484", 2020 + i, "K", 12.25 if i else None] for i in range(3))
    count = exports.stream_xlsx(
        path,
        ["kpi", "municipality", "period", "gender", "value"],
        rows,
        types=[exports.TEXT, exports.TEXT, exports.INTEGER, exports.TEXT, None],
        widths=[10, 14, 8, 8, 12],
        title="values",
    )
    assert count == 3
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E4"
    assert sheet.column_dimensions["B"].width == 14
    assert sheet["A1"].font.bold
    assert sheet["B2"].value == "0484"  # a code stays text
    assert sheet["C2"].value == 2020
    assert sheet["C2"].number_format == "0"
    assert sheet["E2"].value is None
    assert sheet["E3"].value == 12.25
    assert sheet["E3"].data_type == "n"


def test_safe_cell_neutralises_after_leading_spaces_and_keeps_numbers() -> None:
    assert exports.safe_cell(" =1+1") == "' =1+1"
    assert exports.safe_cell("\u00a0@SUM(A1)") == "'\u00a0@SUM(A1)"
    assert exports.safe_cell("\uff1dHYPERLINK()") == "'\uff1dHYPERLINK()"
    assert exports.safe_cell(-2.5) == -2.5
    assert exports.safe_cell(float("inf")) is None
    assert exports.safe_cell("Socialnämnden") == "Socialnämnden"


def test_open_data_csv_neutralises_text_and_keeps_numbers() -> None:
    buffer = io.StringIO()
    count = exports.write_open_data_csv(
        buffer, ["kpi", "value"], [["=HYPERLINK(1)", -2.5], ["N00001", 3.0]]
    )
    assert count == 2
    assert buffer.getvalue() == "kpi,value\n'=HYPERLINK(1),-2.5\nN00001,3\n"
