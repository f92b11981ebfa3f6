"""A shop owner's one-command report:

    python -m rfmkit report my_orders.xlsx --asof 2026-06-10 --lang zh


It reads an order export (CSV or Excel, any encoding and platform rfmkit.io knows) and writes,
next to it (or to ``--out``):

- ``<name>-report.xlsx``: the read summary and every rejected row with its reason, the RFM
  groups (customers, revenue and their shares), the pyramid tiers, the lifecycle stages, a
  service plan with personal data masked, and the charts;
- ``<name>-report.html``: one page with the key numbers and the charts (each with a text
  alternative), to open in any browser.

``--lang zh`` writes everything in Chinese. Each step is shown on a progress line, so a large
file is never silent. This module sits on top of the computation, the charts and the export
(like the widgets); nothing here is a rule of its own.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import sys
from pathlib import Path

import pandas as pd

import rfmkit as rk
from rfmkit.export import NUMBER_FORMATS, export_workbook, number_format
from rfmkit.labels import label

STEPS = ("read", "rfm", "pyramid", "stages", "plan", "charts", "write")


def _progress(step: str, stream) -> None:
    done = STEPS.index(step) + 1
    bar = "#" * done + "-" * (len(STEPS) - done)
    print(f"\r[{bar}] {done}/{len(STEPS)} {label(f'report.step.{step}')}" + " " * 20,
          end="" if done < len(STEPS) else "\n", file=stream, flush=True)


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return buffer.getvalue()


def _stub_profiles(orders: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Members and products for a shop export that has neither: only the customer IDs, and
    no categories (the plan then has no favourite category)."""
    members = pd.DataFrame({"customer_id": orders["customer_id"].drop_duplicates()})
    products = pd.DataFrame({"product_id": pd.Series(dtype=str), "category": pd.Series(dtype=str)})
    return members, products


def build_report(path, asof, *, members=None, products=None, stream=None, read=None) -> dict:
    """Run the whole analysis on the order export at ``path`` as of ``asof``.

    Returns a dict of the results: ``read`` (the reader's result), ``table`` (R/F/M),
    ``segments``, ``summary`` (RFM groups), ``tiers``, ``tier_summary``, ``stages``,
    ``stage_summary``, ``plan`` (described, names in the current language) and ``charts``
    (title -> (PNG bytes, text alternative)). ``members``/``products`` are optional tables;
    ``read`` is the export's ``ReadResult`` when it has been read already (e.g. with
    ``columns=``); otherwise ``rk.read_orders(path)`` reads it.
    """
    stream = stream or sys.stderr
    if read is None:  # (a read passed in showed its own progress step)
        _progress("read", stream)
        read = rk.read_orders(path)
    orders = read.data
    if "product_id" not in orders.columns:
        orders = orders.assign(product_id="")
    _progress("rfm", stream)
    table = rk.rfm_table(orders, asof)
    segments = rk.rfm_segments(table)
    summary = rk.segment_summary(segments, table)
    _progress("pyramid", stream)
    tiers = rk.pyramid_tiers(table["monetary"])
    tier_table = rk.tier_summary(tiers, with_key_row=True)
    _progress("stages", stream)
    stages = rk.lifecycle_stages(table)
    stage_table = rk.lifecycle.stage_summary(stages)
    _progress("plan", stream)
    stub_members, stub_products = _stub_profiles(orders)
    members = stub_members if members is None else members
    products = stub_products if products is None else products
    features = rk.customer_features(orders, members, products, asof,
                                    segments=segments, tiers=tiers, stages=stages)
    plan = rk.describe_plan(rk.service_plan(features, asof), features, asof)
    _progress("charts", stream)
    from rfmkit import charts

    cross = rk.lifecycle.stage_by_purchases(table, stages, with_total=True)
    figures = {
        "segments": charts.segment_chart(summary),
        "pyramid": charts.pyramid_chart(tier_table.drop(index="key")),
        "stages": charts.stage_chart(cross, active_days=90, sleeping_days=180),
    }
    rendered = {key: (_png(fig), getattr(fig, "rfmkit_alt", "")) for key, fig in figures.items()}
    return {"read": read, "table": table, "segments": segments, "summary": summary,
            "tiers": tiers, "tier_summary": tier_table, "stages": stages,
            "stage_summary": stage_table, "plan": plan, "charts": rendered}


def _read_summary(report: dict, path: Path, asof) -> pd.DataFrame:
    read = report["read"]
    rows = [("report.file", path.name), ("report.asof", f"{pd.Timestamp(asof):%Y-%m-%d}"),
            ("report.rows_read", len(read.data) + len(read.rejected)),
            ("report.rows_kept", len(read.data)), ("report.rows_rejected", len(read.rejected)),
            ("report.customers", len(report["table"]))]
    preset = getattr(read, "preset", None)
    if preset:
        rows.append(("report.preset", str(preset)))
    return pd.DataFrame({label("report.item"): [label(k) for k, _ in rows],
                         label("value"): pd.Series([v for _, v in rows], dtype=object)})


def write_report(path, asof, *, out=None, language: str = "en", stream=None,
                 read=None) -> tuple[Path, Path]:
    """Write the workbook and the HTML page for the order export at ``path``; return their
    paths. ``out`` is the folder (default: the export's folder); ``read`` as in
    :func:`build_report`."""
    rk.use_language(language)
    source = Path(path)
    folder = Path(out) if out is not None else source.parent
    folder.mkdir(parents=True, exist_ok=True)
    report = build_report(source, asof, stream=stream, read=read)
    _progress("write", stream or sys.stderr)
    plan_columns = ["customer_id", "name", "features", "service_name", "channel_name", "when"]
    sheets = {
        label("report.sheet.summary"): _read_summary(report, source, asof),
        label("report.sheet.rejected"): rk.localise(report["read"].rejected),
        label("report.sheet.rfm"): rk.localise(report["summary"].reset_index()),
        label("report.sheet.pyramid"): rk.localise(report["tier_summary"].reset_index()),
        label("report.sheet.stages"): rk.localise(report["stage_summary"].reset_index()),
        label("report.sheet.plan"): rk.localise(report["plan"][plan_columns]),
    }
    workbook = export_workbook(
        sheets, folder / f"{source.stem}-report.xlsx",
        images={label("report.sheet.charts"): [png for png, _ in report["charts"].values()]})
    page = folder / f"{source.stem}-report.html"
    page.write_text(_page(report, sheets, source, asof, language), encoding="utf-8")
    return workbook, page


def _as_in_workbook(header, value):
    """``value`` as the workbook's number format shows it (984,059.20 yuan; 17,546 rows)."""
    style = None if pd.isna(value) is True else number_format(header, value)
    return NUMBER_FORMATS[style].format(value) if style else value


def _page(report: dict, sheets: dict, source: Path, asof, language: str) -> str:
    def table(frame: pd.DataFrame) -> str:
        shown = frame.astype(object)  # (a copy) the workbook's number formats, as text
        for column in shown.columns:
            shown[column] = [_as_in_workbook(column, v) for v in shown[column]]
        return shown.to_html(index=False, border=0, classes="table", na_rep="")

    images = "\n".join(
        f'<figure><img src="data:image/png;base64,{base64.b64encode(png).decode()}" '
        f'alt="{html.escape(alt)}"><figcaption>{html.escape(alt)}</figcaption></figure>'
        for png, alt in report["charts"].values())
    sections = "\n".join(f"<h2>{html.escape(name)}</h2>{table(sheets[name])}" for name in (
        label(f"report.sheet.{key}") for key in ("summary", "rfm", "pyramid", "stages")))
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if language == 'zh' else 'en'}"><head><meta charset="utf-8">
<title>{html.escape(label('report.title'))}: {html.escape(source.name)}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
.table{{border-collapse:collapse;margin:1rem 0}}.table td,.table th{{padding:.2rem .6rem;
border-bottom:1px solid #ddd;text-align:right}}.table td:first-child,.table th:first-child{{
text-align:left}}img{{max-width:100%}}</style></head><body>
<h1>{html.escape(label('report.title'))}</h1>
{sections}
{images}
<p>{html.escape(label('report.as_of_note').format(asof=f'{pd.Timestamp(asof):%Y-%m-%d}'))}</p>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    """The command line: help in both languages; a bad file or date ends with its message
    (in the ``--lang`` language) and exit status 2, not a Python traceback."""
    parser = argparse.ArgumentParser(
        prog="python -m rfmkit report",
        description="客户价值分析报告 (订单导出文件) / Customer-value report from an order export.")
    parser.add_argument("orders", type=Path,
                        help="订单导出文件 (.csv 或 .xlsx) / the order export (.csv or .xlsx)")
    parser.add_argument("--asof", required=True,
                        help="分析日, 例如 2026-06-10 / the analysis day, e.g. 2026-06-10")
    parser.add_argument("--lang", choices=("zh", "en"), default="en",
                        help="报告的语言 / the report's language")
    parser.add_argument("--out", type=Path, default=None,
                        help="报告存放的文件夹 / folder for the report files")
    parser.add_argument("--column", action="append", default=[], metavar="NAME=HEADER",
                        help="文件里某列的列名, 例如 amount=实付款 (可重复) / the file's header "
                             "of a column, e.g. amount=实付款 (repeatable)")
    parser.add_argument("--header-row", type=int, default=None, metavar="N",
                        help="列名所在的行 (从 1 数起) / the line holding the headers (from 1)")
    parser.add_argument("--sheet", default=None,
                        help="要读的工作表 (名称) / the workbook sheet to read (its name)")
    options = parser.parse_args(argv)
    rk.use_language(options.lang)
    pairs = [pair.split("=", 1) for pair in options.column]
    names = [pair[0].strip() for pair in pairs]
    unusable = [given for given, pair, name in zip(options.column, pairs, names, strict=True)
                if len(pair) < 2 or not name or not pair[1].strip() or names.count(name) > 1]
    if unusable:
        parser.error(label("report.column_option").format(given=", ".join(unusable)))
    columns = {name: pair[1].strip() for name, pair in zip(names, pairs, strict=True)}
    read_options = {"columns": columns or None, "header_row": options.header_row,
                    "sheet_name": options.sheet}
    try:
        _progress("read", sys.stderr)
        read = rk.read_orders(options.orders, **read_options)
    except (ValueError, OSError) as problem:  # the file as read: say how to tell it more
        print(f"\nrfmkit report: {problem}\n{label('report.command_options')}", file=sys.stderr)
        return 2
    try:
        workbook, page = write_report(options.orders, options.asof, out=options.out,
                                      language=options.lang, read=read)
    except (ValueError, OSError) as problem:  # e.g. an as-of date the report cannot use
        print(f"\nrfmkit report: {problem}", file=sys.stderr)  # after the progress line
        return 2
    print(workbook)
    print(page)
    return 0
