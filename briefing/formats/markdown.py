"""The Markdown brief: CommonMark that pastes clean into a plain-text field.

Article text is untrusted. `escape` makes any string literal in CommonMark — it can never
become a link, an image, HTML, a heading, a list, a quote, emphasis or code, nor a newsletter
merge tag (`tags.neutralize_templates`) — and it adds a backslash only where CommonMark would
otherwise read the character as markup:

- `\\` before ASCII punctuation or at the end; every backtick (code spans);
- `*` unless it stands between two spaces, `_` unless between two letters or digits or two
  spaces (intraword `_` never opens emphasis: `000_e81.txt` stays as it is);
- `<` that could open raw HTML or an autolink (`<b>`, `</`, `<!`, `<http:`, `<a@b`), not `<숨바꼭질>`; `&` that begins an entity (`&amp;`,
  `&#60;`), not `PG&E`;
- `]` before `(`, `[`, `:` (a link, a reference definition) or at the end; every bracket
  inside link text we write;
- at the start of a line (`at_start`): a list, quote, heading (`# `, not `#1`), fence or
  thematic-break marker, and the `.`/`)` of "1986. A year".

`$`, `.`, `{`, `|`, `~` mid-line, `#` mid-line need nothing. Links we write ourselves are only
http(s) URLs, percent-encoded so they cannot break out of `(…)`.
"""

from __future__ import annotations

import re

from .tags import ZWSP, literal_text, neutralize_templates  # noqa: F401  (re-exported)
from .view import BriefView, Item, build_view, safe_url  # noqa: F401

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
# what may follow `<` in raw HTML or an autolink: a tag name, `/`, `!`, `?`, a URI scheme, an
# e-mail address; `<숨바꼭질>` and `<ainp.Pa>` are text
_OPENS_HTML = re.compile(r"$|[/!?]|[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s<>@]{1,64}@|[^\s<>@]{65}")  # bounded: linear time
_LIST_NUMBER = re.compile(r"[0-9]{1,9}[.)](?=\s|$)")
# A block marker at the start of a line: a list (`- `, `+ `, `* `), a thematic break (`---`),
# a quote, an ATX heading (`# `, not `#1`), a fence (`~~~`).
_LINE_MARKER = re.compile(r"[-+*](?=[-+*\s]|$)|>|#{1,6}(?=\s|$)|~~~")


def _escape_inline(text: str, in_link: bool) -> str:
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        before = text[i - 1] if i > 0 else None
        after = text[i + 1] if i < last else None
        need = False
        if ch == "\\":
            need = after is None or after in _PUNCT
        elif ch == "`":
            need = True
        elif ch == "*":
            need = not (before == " " and after == " ")
        elif ch == "_":
            need = not ((before is not None and after is not None and before.isalnum() and after.isalnum()) or (before == " " and after == " "))
        elif ch == "<":
            need = bool(_OPENS_HTML.match(text, i + 1))
        elif ch == "&":
            need = bool(_ENTITY.match(text, i))
        elif ch == "[":
            need = in_link
        elif ch == "]":
            need = in_link or after is None or after in "([:"
        if need:
            out.append("\\")
        out.append(ch)
    return "".join(out)


def escape(text: str, at_start: bool = True, in_link: bool = False) -> str:
    """One line of literal CommonMark text (newlines and runs of white space become one space).
    `at_start`: the text may begin a line (or a list item), so block markers are escaped too.
    `in_link`: the text goes inside the `[…]` of a link we write."""
    text = literal_text(text)
    if not text:
        return ""
    escaped = _escape_inline(text, in_link)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"  # a closing sequence would vanish from a heading
    if at_start and not escaped.startswith("\\"):
        number = _LIST_NUMBER.match(escaped)
        if number:
            escaped = escaped[: number.end() - 1] + "\\" + escaped[number.end() - 1 :]
        elif _LINE_MARKER.match(escaped):
            escaped = "\\" + escaped
    return escaped


def _runs(item: Item, at_start: bool) -> str:
    parts = []
    for n, run in enumerate(item.runs):
        first = at_start and n == 0
        if run.url:
            parts.append(f"[{escape(run.text, at_start=False, in_link=True)}]({run.url})")
        elif run.strong:
            parts.append(f"**{escape(run.text.strip(), at_start=False)}** ")
        else:
            parts.append(escape_keep_space(run.text, first))
    return "".join(parts)


def escape_keep_space(text: str, at_start: bool) -> str:
    """`escape`, keeping one leading and trailing space (our runs join on them)."""
    body = escape(text, at_start=at_start)
    lead = " " if text[:1].isspace() and not at_start else ""
    tail = " " if text[-1:].isspace() and body else ""
    return lead + body + tail


def render(view: BriefView) -> str:
    lines: list[str] = []
    if view.empty is not None:
        return f"# {escape(view.title, at_start=False)}\n\n*{escape(view.empty, at_start=False)}*\n"
    if not view.single:
        lines += [f"# {escape(view.title, at_start=False)}", ""]
    level = "##" if view.single else "###"
    for day in view.days:
        lines += [f"# {escape(view.title, at_start=False)}" if view.single else f"## {escape(day.heading, at_start=False)}", ""]
        lines += [f"*{escape(day.top_line, at_start=False)}*", ""]
        for story in day.stories:
            lines += [f"{level} {story.number}. {escape(story.headline, at_start=False)}", ""]
            for section in story.sections:
                if section.title:
                    lines += [f"**{escape(section.title, at_start=False)}**", ""]
                if section.paragraph:
                    lines += [" ".join(_runs(item, True) for item in section.items), ""]
                else:
                    lines += [f"- {_runs(item, True)}" for item in section.items]
                    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_markdown(brief, start=None, end=None, template: str = "standard") -> str:
    return render(build_view(brief, start, end, template))
