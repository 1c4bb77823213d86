"""Sane limits on a company file, in one place: anything beyond them is refused with a compiler-style message
before it can cost time or memory (README, "Limits").

Each limit leaves a wide margin above every real file (measured on data/ and tests/fixtures/: a file of 139 KB,
nesting 9 levels deep, 36 items in a list, 4,000 values, texts of 1,950 characters, numbers of 6 digits), and
bounds the work that follows: the schema, the rules, the Markdown of section bodies and the pages all take time
proportional to what the loader accepted.
"""

from __future__ import annotations

from typing import Final

MAX_FILE_BYTES: Final = 1024 * 1024
"""A company file is at most 1 MiB (the largest real one is 139 KB)."""

MAX_DEPTH: Final = 32
"""Mappings and lists nest at most 32 levels (real files: 9). Checked while the file is read, event by event, so no
nesting can exhaust Python's recursion in the parser, the schema check or the rules."""

MAX_ITEMS: Final = 1000
"""A list holds at most 1,000 items and a mapping 1,000 keys (real files: 36)."""

MAX_NODES: Final = 100_000
"""A file holds at most 100,000 values once aliases are expanded (real files: about 4,000). An alias (`*name`)
counts the values of its anchor every time it is used, so a chain of aliases that doubles at each level (the
"billion laughs") is refused as soon as the count passes the limit, without expanding anything."""

MAX_TEXT_TOTAL: Final = 2_000_000
"""All texts of a file together hold at most 2,000,000 characters once aliases are expanded (twice what a 1 MiB file
can hold without aliases): the pages repeat the data, so this bounds their size."""

MAX_STRING: Final = 20_000
"""A single text (a value in one language) is at most 20,000 characters (real files: 1,950)."""

MAX_KEY: Final = 100
"""A mapping key is at most 100 characters (real files: 21; every key is a field name or a language code)."""

MAX_INT_DIGITS: Final = 15
"""A number has at most 15 digits (real files: 6): Python refuses to read integers of more than 4,300 digits."""

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200
"""Dates (versions, DPO registration) fall in the years 1900 to 2200: a year 0000 or 9999 is a typing mistake, and
Python's dates stop at year 1 and 9999."""

MAX_SHORT_TEXT: Final = 300
"""A name (the company's, its legal name) is at most 300 characters: it is repeated on every page of the company, in
the navigation, the titles and the feeds (real files: 159). The schema sets it as `maxLength`, so editors see it."""

MAX_VERSION_CHARS: Final = 20
"""A version number (`1.0`) is at most 20 characters, in the data and in the names of frozen version files."""

MAX_MARKDOWN_NESTING: Final = 8
"""A Markdown text (sections[].body) nests quotes, lists and indented blocks at most 8 levels deep (real files: 1),
counted from each line's start: Python-Markdown parses nested blocks recursively."""

MAX_MARKDOWN_CHARS: Final = 10_000
"""A Markdown text (one language of sections[].body) is at most 10,000 characters (real files: 1,725); the schema
sets it as `maxLength`. Python-Markdown takes time that grows faster than the length on some texts (runs of `<`,
`*` or setext underlines), so its input is bounded per text, in lines and per file."""

MAX_MARKDOWN_LINES: Final = 200
"""A Markdown text is at most 200 lines (real files: 5): Python-Markdown splits blocks line by line."""

MAX_MARKDOWN_TOTAL: Final = 60_000
"""All Markdown texts of a file add up to at most 60,000 characters (real files: 6,000)."""

MAX_NOTICE_CHARS: Final = 50_000
"""A saved notice of change (`<version>.notice.<lang>.txt`) holds at most 50,000 characters (a generated one:
about 1,500)."""
