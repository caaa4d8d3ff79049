"""What a person typed, shown as the literal text they typed: the one way every widget and export
renders user text (names, notes, RHK, feedback, anything from a form or a class command).

User text is data. It never reaches something that parses markup: Rich/Textual markup (`[b]`,
`[@click=…]`), Markdown, HTML, or a spreadsheet's formulas (`=HYPERLINK(…)`). A widget gets a
`rich.text.Text` (never parsed), a Markdown document gets the text with every markup character
escaped, a CSV cell that a spreadsheet would run gets a leading apostrophe (OWASP's advice for CSV
injection), and an HTML page gets `html.escape`.

Names also pass `name_problem`: bidi overrides and zero-width characters let one name pose as
another on the trainer's board ("Budi" and "Bu\u200bdi", or a right-to-left override that shows
a name backwards), so they are refused where a name is typed.
"""

from __future__ import annotations

import html
import re

from rich.text import Text

# Bidirectional embeddings, overrides and isolates; zero-width and invisible formatting characters.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e]")
# C0/C1 control characters (a terminal escape or a NUL replayed on every screen).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A cell a spreadsheet reads as a formula or a command (Excel, LibreOffice, Google Sheets).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Markdown: the ASCII punctuation that can start syntax anywhere in a line, backslash-escaped (CommonMark
# lets a backslash escape any ASCII punctuation). Inline syntax (`*_[]<>!|~&\\`), entities (&amp;) and
# GFM autolinks (":" "/" "." "@": "http://…", "www.x.id", "a@b.id" become links otherwise) all need one.
# "#" too: a heading's text ending in " #" would lose it (a closing sequence). The rest
# ('"(),;?%=${}^ + -) act only at the start of a line: see MARKDOWN_LINE_START.
MARKDOWN_SPECIAL = re.compile(r"([!#&*./:<>@\[\\\]_`|~])")
# What starts a block only at the beginning of a line: a list item, a setext underline, an ordered
# list ("1." is already escaped by the dot; "1)" is not).
MARKDOWN_LINE_START = re.compile(r"^([=+-]|\d+\))")


def literal(value: object, style: str = "") -> Text:
    """A widget's content that is never parsed as markup (`Text`, not `str`)."""
    return Text("" if value is None else str(value), style=style)


def single_line(value: object) -> str:
    """One line for a table cell or a title: line breaks and control characters as spaces."""
    return " ".join(CONTROL.sub(" ", "" if value is None else str(value)).split())


def name_problem(value: str) -> tuple[int, str] | None:
    """(1-based position, 'U+XXXX') of the first character a name may not hold, or None."""
    for pattern in (INVISIBLE, CONTROL):
        found = pattern.search(value or "")
        if found is not None:
            return found.start() + 1, f"U+{ord(found.group()):04X}"
    return None


def csv_cell(value: object) -> object:
    """A value for a CSV a trainer opens in a spreadsheet: text that would start a formula is
    prefixed with an apostrophe, so it is shown as typed and never runs. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    stripped = value.lstrip(" ")
    if stripped.startswith(FORMULA_START) and not _is_number(stripped):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    """A plain signed number ('-5', '+1,5') is data, not a formula."""
    return re.fullmatch(r"[+-]?\d+([.,]\d+)?", text) is not None


def markdown_literal(value: object) -> str:
    """Text for a Markdown document (a paragraph, a heading, a table cell, a list item) that renders
    as typed, on one line: no emphasis, link, image, HTML, entity, autolink or table break."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", single_line(value))
    start = MARKDOWN_LINE_START.match(text)
    if start is None:
        return text
    mark = start.group()
    return (mark[:-1] + "\\" + mark[-1] if mark[-1] == ")" else "\\" + mark) + text[start.end():]


def markdown_code(value: object, in_table: bool = False) -> str:
    """A link or a code as an inline code span: verbatim in the Markdown file itself (a URL copied
    from it works) and in any rendering, never a link. In a table a `|` would end the cell; there
    the text is escaped with `markdown_literal` instead."""
    text = single_line(value)
    if not text or (in_table and "|" in text):
        return markdown_literal(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def cell(value: object) -> Text:
    """A table cell (DataTable, a Select option): one line (cut with an ellipsis where it does not
    fit, never wrapped), never parsed as markup."""
    return Text(single_line(value), end="", no_wrap=True, overflow="ellipsis")


def literal_options(options) -> list[tuple[object, object]]:
    """Select options whose prompts are shown as typed (a `str` prompt is parsed as markup)."""
    return [(cell(prompt) if isinstance(prompt, str) else prompt, value) for prompt, value in options]


def literal_params(params: dict, escape=markdown_literal) -> dict:
    """Parameters of a catalog message interpolated into Markdown: text escaped, numbers kept."""
    return {key: escape(value) if isinstance(value, str) else value for key, value in params.items()}


def html_literal(value: object) -> str:
    """Text for an HTML page (quotes included, for attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def shortened(value: object, limit: int = 80) -> str:
    """Typed text quoted on the command line: as typed, cut after `limit` characters with its length."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)})"
