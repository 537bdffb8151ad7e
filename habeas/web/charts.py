"""Server-rendered SVG charts: small, accessible, legible at phone width (no JavaScript).

The drawing is 400 units wide, so on a 375-pixel phone text keeps about 90% of its size.
Every text is escaped; a chart is a plain string of SVG markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

WIDTH = 400
FONT = 12
PAD_LEFT = 40
PAD_RIGHT = 12
PAD_TOP = 34
PAD_BOTTOM = 30


def _nice_max(value: int) -> int:
    """A round upper bound for an axis with four equal, whole steps."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if step * 4 >= value:
            return step * 4
    return ((value + 3999) // 4000) * 4000


def _ticks(top: int) -> list[int]:
    return [top * i // 4 for i in range(5)]


def _open(chart_id: str, title: str, height: int, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<text x="4" y="16" font-size="14" font-weight="600">{escape(title)}</text>',
    ]


def _y_axis(lines: list[str], top: int, height: int) -> None:
    plot_h = height - PAD_TOP - PAD_BOTTOM
    for tick in _ticks(top):
        y = PAD_TOP + plot_h - (plot_h * tick / top if top else 0)
        lines.append(
            f'<line x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        lines.append(
            f'<text x="{PAD_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{tick}</text>'
        )


def line_chart(
    chart_id: str,
    title: str,
    points: Sequence[tuple[date, int]],
    markers: Sequence[tuple[date, str]] = (),
    height: int = 240,
) -> str:
    """A line of counts over time, with vertical marks (published lists, decrees)."""
    lines = _open(
        chart_id,
        title,
        height,
        f"{len(points)} points"
        + (
            f", from {points[0][0]} ({points[0][1]}) to {points[-1][0]} ({points[-1][1]})"
            if points
            else ""
        ),
    )
    if len(points) < 2:
        lines.append('<text x="200" y="120" text-anchor="middle">No data</text></svg>')
        return "".join(lines)
    top = _nice_max(max(n for _, n in points))
    _y_axis(lines, top, height)
    first, last = points[0][0], points[-1][0]
    span = max(1, (last - first).days)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = height - PAD_TOP - PAD_BOTTOM

    def x_of(day: date) -> float:
        return PAD_LEFT + plot_w * (day - first).days / span

    def y_of(n: int) -> float:
        return PAD_TOP + plot_h - plot_h * n / top

    for day, label in markers:
        if first <= day <= last:
            x = x_of(day)
            lines.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{PAD_TOP}" y2="{PAD_TOP + plot_h}" '
                'stroke="#b45309" stroke-dasharray="3 3" stroke-width="1">'
                f"<title>{escape(label)} ({day})</title></line>"
            )
    path = " ".join(f"{x_of(d):.1f},{y_of(n):.1f}" for d, n in points)
    lines.append(f'<polyline points="{path}" fill="none" stroke="#1d4ed8" stroke-width="2"/>')
    years = sorted({d.year for d, _ in points})
    step = max(1, len(years) // 6 + (1 if len(years) % 6 else 0))
    for year in years[::step]:
        day = date(year, 1, 1)
        if day < first:
            continue
        x = x_of(day)
        lines.append(
            f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" fill="#444">{year}</text>'
        )
    lines.append("</svg>")
    return "".join(lines)


def column_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    height: int = 240,
    label_every: int = 1,
) -> str:
    """Columns per label; several series sit side by side. `series` is (name, colour, values)."""
    total = sum(sum(values) for _, _, values in series)
    lines = _open(chart_id, title, height, f"{len(labels)} groups, {total} in all")
    if not labels:
        lines.append('<text x="200" y="120" text-anchor="middle">No data</text></svg>')
        return "".join(lines)
    top = _nice_max(max((max(values, default=0) for _, _, values in series), default=0))
    _y_axis(lines, top, height)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = height - PAD_TOP - PAD_BOTTOM
    group = plot_w / len(labels)
    bar = max(1.0, group * 0.8 / len(series))
    for s, (name, colour, values) in enumerate(series):
        for i, value in enumerate(values):
            h = plot_h * value / top if top else 0
            x = PAD_LEFT + group * i + group * 0.1 + bar * s
            y = PAD_TOP + plot_h - h
            lines.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(labels[i])}: {value} {escape(name)}</title></rect>"
            )
    for i, label in enumerate(labels):
        if i % label_every:
            continue
        x = PAD_LEFT + group * i + group / 2
        lines.append(
            f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" fill="#444">'
            f"{escape(label)}</text>"
        )
    if len(series) > 1:
        for s, (name, colour, _) in enumerate(series):
            x0 = WIDTH - PAD_RIGHT - 80 * (len(series) - s)
            lines.append(
                f'<rect x="{x0}" y="19" width="10" height="10" fill="{colour}"/>'
                f'<text x="{x0 + 14}" y="28" fill="#222" font-size="11">{escape(name)}</text>'
            )
    lines.append("</svg>")
    return "".join(lines)


def bar_chart(chart_id: str, title: str, rows: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars, one per label (labels above their bars, so long names fit)."""
    row_h = 34
    height = PAD_TOP + row_h * max(1, len(rows)) + 6
    lines = _open(chart_id, title, height, f"{len(rows)} categories")
    if not rows:
        lines.append(f'<text x="200" y="{PAD_TOP + 16}" text-anchor="middle">No data</text></svg>')
        return "".join(lines)
    top = max(n for _, n in rows) or 1
    plot_w = WIDTH - 8 - 40
    for i, (label, value) in enumerate(rows):
        y = PAD_TOP + row_h * i
        w = plot_w * value / top
        lines.append(f'<text x="4" y="{y + 11}" fill="#222">{escape(label)}</text>')
        lines.append(
            f'<rect x="4" y="{y + 15}" width="{max(w, 1):.1f}" height="12" fill="#1d4ed8">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
        lines.append(f'<text x="{w + 8:.1f}" y="{y + 26}" fill="#222">{value}</text>')
    lines.append("</svg>")
    return "".join(lines)
