"""The notice's tables as rows prepared in Python, for `_tables.html.j2` to print: a caption, the column headings
and, per row, its cells as pieces (a text, a line of small print, a line break, a dash for a fact the page's gaps
box names, the not-stated words). The template only prints the pieces; every value is HTML-escaped there."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..model.model import NOT_STATED, Company, Cookie, Purpose, Recipient
from .layer import key_facts
from .phrases import is_none, is_stated

Kind = Literal["text", "small", "break", "gap", "missing"]
"""`text`: printed as it is; `small`: on a line of its own in small print; `break`: a line break; `gap`: a dash
whose title says not stated (the gaps box names the fact); `missing`: the not-stated words in italics."""

Piece = tuple[Kind, Any]
Cell = tuple[Piece, ...]


@dataclass(frozen=True)
class Row:
    head: Cell | None  # the row's heading cell (<th scope="row">); None: the row has none
    cells: tuple[tuple[str | None, Cell], ...]  # (the column's label for stacked tables, or None; the cell)


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    stacked: bool = False  # on a phone, each row shows as a block with the column's label before each cell
    empty: Cell = ()  # the one cell spanning every column when there is no row


GAP: Piece = ("gap", None)
MISSING: Piece = ("missing", None)


def _text(value: Any) -> Piece:
    return ("text", value)


def _small(value: Any) -> Piece:
    return ("small", value)


def _each(items: Iterable[Any], cell: Callable[[Any], Cell]) -> Cell:
    """Cells of several items in one cell, a line break between two."""
    pieces: list[Piece] = []
    for index, item in enumerate(items):
        if index:
            pieces.append(("break", None))
        pieces.extend(cell(item))
    return tuple(pieces)


def _or_missing(value: Any, shown: Callable[[Any], Any]) -> Cell:
    return (_text(shown(value)),) if is_stated(value) else (MISSING,)


def recipients(company: Company, ctx: Mapping[str, Any]) -> Table:
    t = ctx["t"]
    located = any(is_stated(r.location) for r in company.recipients)
    columns = (t("label.recipients"), t("label.service"), *((t("label.location"),) if located else ()))

    def who(r: Recipient) -> Cell:
        if is_stated(r.name):
            found: list[Piece] = [_text(ctx["recipient_plain"](r)), _small(t(f"recipient_kind.{r.kind}"))]
        else:
            found = [_text(t(f"recipient_kind.{r.kind}"))]
            if r.registration or r.examples or r.condition:
                found += [_text(" "), _text(ctx["recipient_details"](r, "").strip())]
        found += [_small(t("label.recipient_shared"))] if r.shared else []
        found += [_small(ctx["tr"](r.note))] if r.note else []
        return tuple(found)

    def where(r: Recipient) -> Cell:
        if is_stated(r.location):
            return (_text(ctx["country"](r.location)),)
        return (GAP,) if r.location is NOT_STATED else ()

    rows = tuple(
        Row(
            None,
            (
                (None, who(r)),
                (None, (_text(ctx["tr"](r.service)),) if r.service else ()),
                *(((None, where(r)),) if located else ()),
            ),
        )
        for r in company.recipients
    )
    caption = t("label.table_caption_recipients", name=ctx["tr"](company.name))
    return Table(caption, columns, rows, empty=(MISSING,))


def _purpose(said: Any, ctx: Mapping[str, Any]) -> Cell:
    t, colon = ctx["t"], ctx["colon"]
    found: list[Piece] = [_text(ctx["tr"](said.purpose.name))]
    if said.profiling.stated:
        quotes = [
            (colon if index == 0 else " ") + t("layer.quote", text=ctx["tr"](quote))
            for index, quote in enumerate(said.profiling.quotes)
        ]
        answer = t(f"layer.answer.{said.profiling.answer}")
        found.append(_small(t("label.purpose_profiling") + colon + answer + "".join(quotes)))
    if said.reading:
        found.append(_small(t("label.links_reading")))
    return tuple(found)


def _bases(p: Purpose, ctx: Mapping[str, Any]) -> Cell:
    t = ctx["t"]
    if not is_stated(p.legal_bases):
        return (GAP,)

    def basis(b: Any) -> Cell:
        found = [_text(t(f"legal_basis.{b.basis}.name")), _small(t(f"legal_basis.{b.basis}.article"))]
        if b.general:
            found.append(_small(t("label.general_interest_cited")))
        elif is_stated(b.interest):
            found.append(_small(ctx["tr"](b.interest)))
        return tuple(found)

    return _each(p.legal_bases, basis)


def _retention(p: Purpose, ctx: Mapping[str, Any]) -> Cell:
    if not is_stated(p.retention):
        return (GAP,)
    return _each(
        p.retention, lambda r: (_text(ctx["tr"](r.applies_to)), _text(ctx["colon"]), _text(ctx["retention"](r.period)))
    )


def _recipients_of(p: Purpose, company: Company, ctx: Mapping[str, Any]) -> Cell:
    if is_none(p.recipients):
        return (_text(ctx["t"]("label.recipients_none")),)
    if is_stated(p.recipients) or company.shared_recipients:
        return (_text(ctx["recipients_of"](p, company.shared_recipients)),)
    return (GAP,)


def activities(company: Company, ctx: Mapping[str, Any]) -> Table:
    t = ctx["t"]
    labels = (t("label.legal_basis"), t("label.data"), t("label.retention"), t("label.recipients"))
    rows = []
    for said in key_facts(company).purposes:
        p = said.purpose
        data = (
            (_text(ctx["join"](p.data_categories, ctx["category_name"])),) if is_stated(p.data_categories) else (GAP,)
        )
        cells = (_bases(p, ctx), data, _retention(p, ctx), _recipients_of(p, company, ctx))
        rows.append(Row(_purpose(said, ctx), tuple(zip(labels, cells, strict=True))))
    caption = t("label.table_caption_activities", name=ctx["tr"](company.name))
    return Table(caption, (t("label.purpose"), *labels), tuple(rows), stacked=True)


def cookies(company: Company, ctx: Mapping[str, Any]) -> Table:
    t, tr = ctx["t"], ctx["tr"]
    labels = (
        t("label.cookie_provider"),
        t("label.cookie_purpose"),
        t("label.cookie_lifetime"),
        t("label.cookie_consent"),
    )

    def row(c: Cookie) -> Row:
        head = (*_or_missing(c.name, tr), *((_small(tr(c.note)),) if c.note else ()))
        cells = (
            _or_missing(c.provider, lambda value: value),
            _or_missing(c.purpose, lambda code: t(f"cookie_purpose.{code}")),
            _or_missing(c.lifetime, tr),
            _or_missing(c.consent_required, tr),
        )
        return Row(head, tuple(zip(labels, cells, strict=True)))

    caption = t("label.table_caption_cookies", name=tr(company.name))
    return Table(caption, (t("label.cookie_name"), *labels), tuple(row(c) for c in company.cookies.items), stacked=True)


def versions(company: Company, ctx: Mapping[str, Any]) -> Table:
    t = ctx["t"]
    rows = tuple(
        Row(((("text", v.version),)), ((None, (_text(ctx["date"](v.date)),)), (None, (_text(ctx["tr"](v.summary)),))))
        for v in reversed(company.versions)
    )
    caption = t("label.table_caption_versions", name=ctx["tr"](company.name))
    return Table(caption, (t("label.version"), t("label.date"), t("label.summary")), rows)


TABLES: Mapping[str, Callable[[Company, Mapping[str, Any]], Table]] = {
    "recipients": recipients,
    "activities": activities,
    "cookies": cookies,
    "versions": versions,
}
