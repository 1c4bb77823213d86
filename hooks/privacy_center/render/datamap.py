"""The data map: which data goes to which purpose and on to which recipient, laid out at build time.

Pure layout, no mkdocs and no drawing library: `layout()` turns a company into boxes and curves with coordinates,
and the template `datamap.svg.j2` writes them as inline SVG (escaped like every other value). Nothing runs in the
visitor's browser and nothing is loaded: the picture is part of the page.

Only what the data states is drawn: a purpose whose data categories or recipients are not stated has no line on that
side, and a transfer is linked to the recipient or the purposes the policy names for it, or to nothing.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import statements
from ..model.model import NOT_STATED, Company, Purpose, Transfer
from ..source.wording import Wording
from . import phrases

Column = Literal["data", "purposes", "recipients", "outside_eu"]
"""The map's columns, left to right: data categories, purposes (Art. 13(1)(c)), recipients (Art. 13(1)(e)) and
transfers outside the EU (Art. 13(1)(f))."""

# Widths in px at scale 1: the SVG keeps its natural size, so its 12 px text stays readable on a phone (it scrolls
# sideways); all four columns fit the content width of Material's desktop layout (about 690 px).
WIDTHS: dict[Column, int] = {"data": 156, "purposes": 168, "recipients": 156, "outside_eu": 112}
GAP = 32  # between columns, where the curves run
LINE_HEIGHT = 15
PADDING = 8  # inside a box, around its text
SPACING = 8  # between two boxes of a column
HEADER = 32  # the column titles' band
CHARS_PER_LINE = 23  # at 12 px in a data box, about what fits in a box; longer words are broken
MAX_LINES = 4  # a longer label ends with an ellipsis; the full text is the box's <title> and is in the table


@dataclass(frozen=True)
class Box:
    """One labelled box: a data category, a purpose, a recipient or a transfer destination."""

    key: str
    column: Column
    label: str  # the full text, as the visitor reads it in the notice
    lines: tuple[str, ...]  # the label wrapped to the box
    x: int
    y: int
    width: int
    height: int

    @property
    def left(self) -> tuple[int, int]:
        return self.x, self.y + self.height // 2

    @property
    def right(self) -> tuple[int, int]:
        return self.x + self.width, self.y + self.height // 2


LinkKind = Literal["stated", "possible", "reading"]
"""How a link is drawn: a solid line for what the policy states, dashed for a transfer it presents as possible, dotted
for a link that is a reading of the policy (its purpose carries a note saying how it was read)."""


@dataclass(frozen=True)
class Link:
    """A curve from one box to a box of the next column: data used for a purpose, sent to a recipient, sent abroad."""

    source: str
    target: str
    path: str  # SVG path data
    kind: LinkKind = "stated"


@dataclass(frozen=True)
class DataMap:
    """Everything the template draws, with the words it needs already in the page's language."""

    width: int
    height: int
    headings: tuple[tuple[int, str], ...]  # (x, title) of each column
    boxes: tuple[Box, ...]
    links: tuple[Link, ...]
    title: str
    description: str
    legend: tuple[tuple[LinkKind, str], ...] = ()  # what the dashed and dotted lines mean, when drawn

    def column(self, column: Column) -> tuple[Box, ...]:
        return tuple(box for box in self.boxes if box.column == column)


def wrap(label: str, width: int) -> tuple[str, ...]:
    """The label on at most MAX_LINES lines that fit a box `width` px wide; an ellipsis when it is cut."""
    chars = CHARS_PER_LINE * width // WIDTHS["data"]
    lines = textwrap.wrap(label, chars, break_long_words=True) or [label]
    if len(lines) <= MAX_LINES:
        return tuple(lines)
    last = textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), chars, placeholder=" …")
    return (*lines[: MAX_LINES - 1], last if last != " …" else lines[MAX_LINES - 1][: chars - 2] + " …")


def _stack(column: Column, x: int, items: Sequence[tuple[str, str]]) -> list[Box]:
    """Boxes of one column, top to bottom, from (key, label) pairs."""
    boxes: list[Box] = []
    y = HEADER
    width = WIDTHS[column]
    for key, label in items:
        lines = wrap(label, width)
        height = len(lines) * LINE_HEIGHT + 2 * PADDING
        boxes.append(Box(key, column, label, lines, x, y, width, height))
        y += height + SPACING
    return boxes


def _curve(start: tuple[int, int], end: tuple[int, int]) -> str:
    (x1, y1), (x2, y2) = start, end
    bend = (x2 - x1) // 2
    return f"M{x1} {y1} C{x1 + bend} {y1} {x2 - bend} {y2} {x2} {y2}"


def _stated(value: object) -> tuple[object, ...]:
    """The items of a stated list; nothing for not_stated or an explicit none."""
    return tuple(value) if isinstance(value, tuple) else ()


def _first_use(keys: Iterable[str], uses: Sequence[Sequence[str]]) -> list[str]:
    """Keys ordered by the first purpose that uses them (fewer crossings); unused keys last, in data order."""
    order = {key: position for position, key in enumerate(keys)}
    first: dict[str, int] = {}
    for index, used in enumerate(uses):
        for key in used:
            first.setdefault(key, index)
    return sorted(order, key=lambda key: (first.get(key, len(uses)), order[key]))


def _transfer_label(transfer: statements.TransferStatement, words: Wording) -> str:
    destination = transfer.transfer.destination
    if destination is NOT_STATED:
        label = str(words("label.destination_not_stated"))
    else:
        names = [phrases.country(code, words) for code in destination]
        label = phrases.including(destination, phrases.join(names, words), words)
    return words("datamap.possible", place=label) if transfer.answer == "possible" else label


def _transfer_sources(transfer: Transfer, purposes: Sequence[Purpose]) -> list[str]:
    """The boxes a transfer is drawn from: its recipient, else the purposes it names; none when the policy names
    none."""
    if transfer.recipient is not None:
        return [f"recipient:{transfer.recipient.id}"]
    named = {purpose.id for purpose in transfer.purposes}
    return [f"purpose:{purpose.id}" for purpose in purposes if purpose.id in named]


def _columns(
    company: Company, words: Wording, category_uses: list[list[str]], recipient_uses: list[list[str]]
) -> list[tuple[Column, list[tuple[str, str]]]]:
    """The map's columns, each with its boxes' keys and labels: data, purposes, recipients, and outside the EU."""
    categories = {c.id: phrases.category_name(c, words) for c in company.data_categories}
    recipients = {r.id: phrases.recipient_name(r, words) for r in company.recipients}
    transfers = statements.of(company).transfers
    columns: list[tuple[Column, list[tuple[str, str]]]] = [
        ("data", [(f"category:{key}", categories[key]) for key in _first_use(categories, category_uses)]),
        ("purposes", [(f"purpose:{p.id}", phrases.localize(p.name, words)) for p in company.purposes]),
        ("recipients", [(f"recipient:{key}", recipients[key]) for key in _first_use(recipients, recipient_uses)]),
    ]
    if transfers:
        columns.append(("outside_eu", [(f"transfer:{t.transfer.id}", _transfer_label(t, words)) for t in transfers]))
    return columns


def _pairs(company: Company, category_uses: list[list[str]], recipient_uses: list[list[str]]) -> list[tuple[str, str]]:
    """The links to draw, as (from, to) box keys: data to purpose, purpose to recipient, to a transfer."""
    purposes = company.purposes
    pairs = [
        (f"category:{c}", f"purpose:{p.id}") for p, used in zip(purposes, category_uses, strict=True) for c in used
    ]
    pairs += [
        (f"purpose:{p.id}", f"recipient:{r}") for p, used in zip(purposes, recipient_uses, strict=True) for r in used
    ]
    pairs += [
        (source, f"transfer:{t.transfer.id}")
        for t in statements.of(company).transfers
        for source in _transfer_sources(t.transfer, purposes)
    ]
    return pairs


def _links(company: Company, pairs: list[tuple[str, str]], where: dict[str, Box]) -> tuple[Link, ...]:
    """Each link once, drawn between its boxes, as stated, possible (to a possible transfer) or a reading."""
    found = statements.of(company)
    readings = {f"purpose:{p.purpose.id}" for p in found.purposes if p.reading}
    possible = {f"transfer:{t.transfer.id}" for t in found.transfers if t.answer == "possible"}

    def kind(a: str, b: str) -> LinkKind:
        return "possible" if b in possible else "reading" if a in readings or b in readings else "stated"

    return tuple(
        Link(a, b, _curve(where[a].right, where[b].left), kind(a, b))
        for a, b in dict.fromkeys(pairs)
        if a in where and b in where
    )


def layout(company: Company, words: Wording) -> DataMap:
    """The map of one company in one language."""
    purposes = company.purposes
    found = statements.of(company)
    category_uses = [[c.id for c in _stated(p.data_categories)] for p in purposes]  # type: ignore[attr-defined]
    # every recipient of a purpose's data, the ones the policy shares for every purpose included (as on the notice)
    recipient_uses = [[r.id for r in _stated(found.of(p).recipients)] for p in purposes]  # type: ignore[attr-defined]
    columns = _columns(company, words, category_uses, recipient_uses)
    lefts = [sum(WIDTHS[column] + GAP for column, _ in columns[:index]) for index in range(len(columns))]
    boxes = [box for x, (column, items) in zip(lefts, columns, strict=False) for box in _stack(column, x, items)]
    links = _links(company, _pairs(company, category_uses, recipient_uses), {box.key: box for box in boxes})
    drawn = {link.kind for link in links}
    legend = tuple((k, str(words(f"datamap.legend.{k}"))) for k in ("possible", "reading") if k in drawn)

    width = lefts[-1] + WIDTHS[columns[-1][0]]
    height = max((box.y + box.height for box in boxes), default=HEADER) + SPACING
    headings = tuple(
        (x, str(words(f"datamap.column.{column}"))) for x, (column, _) in zip(lefts, columns, strict=False)
    )
    name = phrases.localize(company.name, words)
    return DataMap(
        width,
        height,
        headings,
        tuple(boxes),
        links,
        str(words("datamap.title", company=name)),
        " ".join([str(words("datamap.description")), *(text for _, text in legend)]),
        legend,
    )
