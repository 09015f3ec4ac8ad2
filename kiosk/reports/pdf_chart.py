"""The PDF's bar chart (reportlab.graphics): one horizontal bar per label, its value
printed at the end of the bar. Labels are cut to fit with "…" (the table beside it
carries the full titles)."""
from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kiosk.reports.pdf_fonts import REGULAR

BAR_COLOUR = colors.HexColor("#1F5FA8")
FONT_SIZE = 8
BARS_HEIGHT = 64  # points for all bars together: no taller than the key figures beside the chart


def bar_chart(labels: list[str], values: list[int], width: float, label_width: float) -> Drawing:
    """A drawing `width` points wide; `label_width` points are kept for the labels."""
    bar = min(15, BARS_HEIGHT / max(1, len(values)))  # more topics: thinner bars, the same height
    height = bar * max(1, len(values)) + 22
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 4, 16
    chart.width, chart.height = width - label_width - 28, height - 22
    chart.data = [list(reversed(values)) or [0]]  # first label on top
    chart.categoryAxis.categoryNames = [_fit(label, label_width) for label in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = colors.grey
    top = max(values, default=0)
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = FONT_SIZE - 1
    chart.valueAxis.strokeColor = colors.grey
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = FONT_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barWidth = bar * 0.6
    drawing.add(chart)
    return drawing


def _fit(label: str, width: float) -> str:
    if stringWidth(label, REGULAR, FONT_SIZE) <= width:
        return label
    while label and stringWidth(label + "…", REGULAR, FONT_SIZE) > width:
        label = label[:-1]
    return label.rstrip() + "…"


def _nice_step(top: int) -> int:
    """1, 2, 5, 10, 20, 50… so that about five grid lines cover `top`."""
    raw = max(1, top / 5)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))
