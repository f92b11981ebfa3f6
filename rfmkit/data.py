"""The bundled course data: one fictional online shop before the 618 festival, and the Sam's Club
case.

The CSV files live in the repository's ``data/`` folder and are made by the seeded script
``data/make_data.py`` (read its docstring for how each file is generated). Every ``load_*``
function reads its file afresh with explicit column types, so callers may change the returned
DataFrame freely: nothing is cached or shared between calls.

Only pandas is imported here, so loading data works in any script, without the course extras.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from rfmkit.labels import error_text

COURSE_ASOF = pd.Timestamp("2026-06-10")
"""The course's "as of" date: the last day of the bundled orders, just before the 618 festival.

Pass it as ``asof`` to ``rfm_table`` and friends to reproduce the course's numbers; recency is
counted in days up to this date. The data never contains anything later."""

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
"""The folder holding the bundled CSV files (the repository's ``data/``)."""

__all__ = [
    "COURSE_ASOF",
    "DATA_DIR",
    "load_members",
    "load_orders",
    "load_products",
    "load_questionnaire",
    "load_samsclub_campaign",
    "load_samsclub_members",
    "questionnaire_path",
    "shop2_orders_path",
]


def _path(filename: str) -> Path:
    """Return the path of a bundled file, or explain where the course data should be."""
    if not DATA_DIR.is_dir():
        raise FileNotFoundError(error_text("data.no_folder", folder=DATA_DIR))
    path = DATA_DIR / filename
    if not path.is_file():
        raise FileNotFoundError(error_text("data.no_file", path=path))
    return path


def _read_bundled(filename: str, dtype: dict, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    """A bundled CSV (UTF-8) read with explicit column types; ``dates`` as YYYY-MM-DD."""
    return pd.read_csv(_path(filename), dtype=dtype, parse_dates=list(dates),
                       date_format="%Y-%m-%d", encoding="utf-8")


def load_products() -> pd.DataFrame:
    """The shop's 60 products.

    Columns: ``product_id`` (str, P001..), ``name`` (English), ``name_zh`` (Chinese),
    ``category`` (one of 8, in English), ``price`` (float, yuan).
    """
    text = dict.fromkeys(["product_id", "name", "name_zh", "category"], str)
    return _read_bundled("products.csv", {**text, "price": "float64"})


def load_orders() -> pd.DataFrame:
    """Two years of order lines (2024-06-11 .. 2026-06-10), one row per order line.

    Columns: ``order_id`` (str; ``O`` + date + sequence for purchases, ``R`` + ... for refunds),
    ``customer_id`` (str), ``order_date`` (datetime64), ``product_id`` (str), ``quantity`` (int),
    ``unit_price`` (float, yuan) and ``amount`` (float, yuan; negative on refund rows, so the sum
    per customer is the net spend). Rows are sorted by date, order id and product id.
    """
    dtype = {"order_id": str, "customer_id": str, "product_id": str, "quantity": "int64",
             "unit_price": "float64", "amount": "float64"}
    return _read_bundled("orders.csv", dtype, ("order_date",))


def load_members() -> pd.DataFrame:
    """The membership-form profile of every customer who appears in the orders.

    Columns: ``customer_id``, ``name``, ``gender`` (F/M), ``birthday`` (datetime64),
    ``age_band`` (at ``COURSE_ASOF``), ``occupation``, ``income_band``, ``city``, ``phone``
    (str: 11 digits, leading digits kept), ``email``, ``wechat`` (missing when the member gave
    none), ``preferred_channel`` (WeChat/SMS/e-mail/Weibo, missing when unknown) and
    ``join_date`` (datetime64, on or before the first order).
    """
    text = [
        "customer_id", "name", "gender", "age_band", "occupation", "income_band", "city",
        "phone", "email", "wechat", "preferred_channel",
    ]  # fmt: skip
    return _read_bundled("members.csv", dict.fromkeys(text, str), ("birthday", "join_date"))


def questionnaire_path() -> Path:
    """Path of the RAW survey export (``data/questionnaire.csv``), messy answers included.

    Use it to practise reading real-world answers, e.g. ``rfmkit.io.read_questionnaire(path)``,
    and to look at what gets rejected and why.
    """
    return _path("questionnaire.csv")


def shop2_orders_path() -> Path:
    """Path of the capstone's second shop (``data/shop2_orders.csv``): a small tea shop's RAW
    order export, one row per order, Chinese headers (订单编号, 买家ID, 下单时间, 实付金额(元),
    商品类目), one year up to :data:`COURSE_ASOF`, five messy rows a reader must reject.

    Read it as a student reads their own shop's export: ``rfmkit.read_orders(path)``.
    """
    return _path("shop2_orders.csv")


def load_questionnaire() -> pd.DataFrame:
    """The survey answers, CLEANED: what ``rfmkit.io.read_questionnaire`` keeps from the raw file.

    Columns: ``response_id``, ``customer_id``, ``last_purchase_date``, ``purchases_per_quarter``,
    ``spend_per_quarter``, ``satisfaction``, ``recommend``. Rows the reader rejects (blank or
    unreadable answers, out-of-range scores, impossible dates) are left out; answers dated after
    the as-of date are kept here and dropped later by ``rfm_from_questionnaire``.
    """
    from rfmkit.io import read_questionnaire  # lazy: keeps ``rfmkit.data`` light and acyclic

    return read_questionnaire(questionnaire_path()).data


def load_samsclub_members() -> pd.DataFrame:
    """The Sam's Club case: 11,550 members and their spend last month.

    Sorted by spend and cut into 10 groups of 1,155, the group averages are exactly the case
    table's 8000, 6000, 5200, 4100, 2570, 2100, 1600, 1100, 600 and 100 yuan.
    Columns: ``member_id``, ``last_month_spend`` (float, yuan), ``gender``, ``age_band``,
    ``occupation``, ``income_band``, ``marital_status``, ``uses_wechat`` (bool),
    ``preferred_channel``.
    """
    text = [
        "member_id", "gender", "age_band", "occupation", "income_band", "marital_status",
        "preferred_channel",
    ]  # fmt: skip
    dtype = {**dict.fromkeys(text, str), "last_month_spend": "float64", "uses_wechat": bool}
    return _read_bundled("samsclub_members.csv", dtype)


def load_samsclub_campaign() -> pd.DataFrame:
    """The Sam's Club group 8 (ranks 8086-9240) through the two rounds of the uplift project.

    Columns: ``member_id``; ``visits_w1_before`` .. ``visits_w4_before`` (int, weekly visits in
    the month before) and ``sales_before`` (float, yuan; equals the member's
    ``last_month_spend``); the same for the month after round 1 (``..._after``); and
    ``sales_round2`` (float, yuan, the month of round 2, which targeted group A4).
    """
    visits = [f"visits_w{i}_{when}" for when in ("before", "after") for i in range(1, 5)]
    money = ["sales_before", "sales_after", "sales_round2"]
    dtype = {"member_id": str, **dict.fromkeys(visits, "int64"), **dict.fromkeys(money, "float64")}
    return _read_bundled("samsclub_campaign.csv", dtype)
