"""The yearly report as an A4 PDF: title, introduction, key figures, axes, charts.

Built with ReportLab's own fonts and charts: no font file, no browser, no network, and
a report renders in a fraction of a second. Helvetica's WinAnsi encoding covers French,
Dutch and German text, with « », “ ” and –.
"""

from __future__ import annotations

import io
import re
import unicodedata
from xml.sax.saxutils import escape

from flask_babel import format_decimal, get_locale, gettext
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..dashboard.charts import Chart
from ..dashboard.values import Value, format_category, format_value
from .content import Report
from .content import Table as ReportTable

MARGIN = 2 * cm
WIDTH = A4[0] - 2 * MARGIN  # usable width of the page
CHART_HEIGHT = 6.5 * cm
LABEL_WIDTH = 9 * cm  # the first column of a table, naming its rows
VALUE_WIDTH = 3.5 * cm
HEADER_BACKGROUND = colors.HexColor("#e8eef2")
RULE = colors.HexColor("#b8c4cc")

# Babel groups French thousands with a narrow no-break space, which WinAnsi lacks; letters
# without a decomposition into a base letter get their usual Latin stand-in.
_STAND_INS = str.maketrans(
    {"\u202f": "\u00a0", "\u2009": " ", "\u2011": "-", "\u2212": "-"}
    | {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Ħ": "H", "ħ": "h"}
)
# French puts a space before % ; : ! ? » and after «: a line must not break there.
_BEFORE_PUNCTUATION = re.compile(r" +(?=[%;:!?»])|(?<=«) +")


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", sheet["BodyText"], fontSize=10, leading=13)
    return {
        "title": ParagraphStyle("title", sheet["Title"], fontSize=18, leading=22),
        "heading": ParagraphStyle("heading", sheet["Heading2"], fontSize=13, spaceBefore=12),
        "caption": ParagraphStyle("caption", sheet["Heading4"], fontSize=10, spaceBefore=6),
        "body": body,
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=11),
        "value": ParagraphStyle("value", body, fontSize=9, leading=11, alignment=TA_RIGHT),
        "header": ParagraphStyle("header", body, fontSize=9, leading=11, fontName="Helvetica-Bold"),
        "header_value": ParagraphStyle(
            "header_value",
            body,
            fontSize=9,
            leading=11,
            fontName="Helvetica-Bold",
            alignment=TA_RIGHT,
        ),
    }


def _printable(character: str) -> str:
    """Return a character Helvetica has: itself, its base letter, or "?"."""
    if character.encode("cp1252", "ignore"):
        return character
    decomposed = unicodedata.normalize("NFKD", character)
    return "".join(c for c in decomposed if c.encode("cp1252", "ignore")) or "?"


def _winansi(text) -> str:
    """Return `text` in WinAnsi: a name in Polish or Turkish prints without black boxes."""
    text = str(text).translate(_STAND_INS)
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        return "".join(_printable(c) for c in text)


def _text(text: str) -> str:
    """Return text as Paragraph markup: escaped, no line break before French punctuation."""
    return escape(_winansi(_BEFORE_PUNCTUATION.sub("\u00a0", str(text))))


Cells = list[tuple[Value | None, bool]]  # each value, with whether it shows its sign


def _table(headers: list[str | int], rows: list[tuple[str, Cells]], styles: dict) -> Table:
    """Lay out a table: a header row, then rows; the first column names, the others are values."""
    data = [
        [
            Paragraph(_text(str(h)), styles["header" if i == 0 else "header_value"])
            for i, h in enumerate(headers)
        ]
    ]
    for label, cells in rows:
        data.append(
            [
                Paragraph(_text(label), styles["cell"]),
                *(
                    Paragraph(_text(format_value(v, signed=signed)), styles["value"])
                    for v, signed in cells
                ),
            ]
        )
    values = len(headers) - 1
    value_width = min(VALUE_WIDTH, (WIDTH - LABEL_WIDTH) / values) if values > 0 else 0
    widths = [LABEL_WIDTH if values > 0 else WIDTH] + [value_width] * values
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _report_table(table: ReportTable, styles: dict) -> list:
    caption = Paragraph(_text(table.title), styles["caption"])
    # The caption stays with the first rows; a long table may go on to the next page.
    rows = [(row.label, row.cells()) for row in table.rows]
    return [CondPageBreak(3 * cm), caption, _table(table.headers, rows, styles)]


def _scale(chart: Chart) -> tuple[float, float | None]:
    """Return the value axis' top and step: whole steps for counts, the chart's maximum."""
    heights = [[chart.plotted(v) for v in s.values] for s in chart.series]
    values = [h for series in heights for h in series]
    if chart.stacked:
        values = [sum(series[i] for series in heights) for i in range(len(chart.categories))]
    top = chart.maximum if chart.maximum is not None else max([*values, 0])
    return top or 1, (1 if chart.counts and top <= 5 else None)


def _bar_chart(chart: Chart) -> Drawing:
    """Draw a chart as bars, its legend when it has several series."""
    labels = [_winansi(format_category(c)) for c in chart.categories]
    many = len(chart.series) > 1
    drawing = Drawing(WIDTH, CHART_HEIGHT)
    bars = VerticalBarChart()
    bars.x, bars.y = 1.2 * cm, 1.8 * cm
    bars.width = WIDTH - bars.x - (3.5 * cm if many else 0.5 * cm)
    bars.height = CHART_HEIGHT - bars.y - 0.4 * cm
    bars.data = [[chart.plotted(v) for v in s.values] for s in chart.series]
    bars.categoryAxis.categoryNames = labels
    bars.categoryAxis.labels.fontName = "Helvetica"
    bars.categoryAxis.labels.fontSize = 8
    if len(labels) > 6:
        bars.categoryAxis.labels.angle = 35
        bars.categoryAxis.labels.boxAnchor = "ne"
        bars.categoryAxis.labels.dy = -2
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    top, step = _scale(chart)
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, top
    if step:
        bars.valueAxis.valueStep = step
    bars.valueAxis.labels.fontSize = 8
    bars.valueAxis.labelTextFormat = lambda v: _winansi(format_decimal(v))
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    bars.barSpacing = 1
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = colors.HexColor(chart.colour(i))
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if many:
        drawing.add(_legend(chart, x=bars.x + bars.width + 0.4 * cm, y=bars.y + bars.height))
    return drawing


def _legend(chart: Chart, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.fontName, legend.fontSize = "Helvetica", 8
    legend.colorNamePairs = [
        (colors.HexColor(chart.colour(i)), _winansi(s.label)) for i, s in enumerate(chart.series)
    ]
    return legend


def _chart(chart: Chart, styles: dict) -> list:
    parts = [Paragraph(_text(chart.title), styles["heading"])]
    if chart.categories and chart.series:
        parts += [_bar_chart(chart), Spacer(1, 0.2 * cm)]
    rows = [
        (format_category(category), [(v, False) for v in cells]) for category, cells in chart.rows()
    ]
    # A chart and its table on one page when they fit; KeepTogether splits them otherwise.
    return [KeepTogether([*parts, _table(chart.headers, rows, styles)])]


def _story(report: Report, styles: dict) -> list:
    story = [
        Paragraph(_text(report.title), styles["title"]),
        Paragraph(_text(report.introduction), styles["body"]),
        Paragraph(_text(gettext("Key figures")), styles["heading"]),
        ListFlowable(
            [ListItem(Paragraph(_text(s), styles["body"])) for s in report.key_figures],
            bulletType="bullet",
            start="•",
            leftIndent=14,
        ),
    ]
    for axis in report.axes:
        story += [CondPageBreak(4 * cm), Paragraph(_text(axis.title), styles["heading"])]
        for table in axis.tables:
            story += _report_table(table, styles)
    for chart in report.charts:
        story += _chart(chart, styles)
    return story


def render_pdf(report: Report) -> bytes:
    """Render the report as an A4 PDF in the active language."""
    buffer = io.BytesIO()
    footer = _winansi(report.title)

    def number_pages(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, MARGIN / 2, footer)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, str(document.page))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
        author="STOPP VIF",
        subject=report.title,
        creator="STOPP VIF backoffice",
        lang=str(get_locale() or "fr").replace("_", "-"),
        displayDocTitle=True,
    )
    document.build(_story(report, _styles()), onFirstPage=number_pages, onLaterPages=number_pages)
    return buffer.getvalue()
