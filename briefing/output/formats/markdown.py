"""The Markdown brief: CommonMark that pastes clean into a plain-text field.

Article text is untrusted. `escape` makes any string literal in CommonMark — it can never
become a link, an image, HTML, a heading, a list, a quote, emphasis or code, nor a newsletter
merge tag (`tags.neutralize_templates`) — and it adds a backslash only where CommonMark would
otherwise read the character as markup:

- `\\` before ASCII punctuation or at the end; every backtick (code spans);
- `*` and `_` only when another run on the same line could pair with them as emphasis
  (CommonMark's flanking rules: `Mieter*innen`, `RCS*,v*` and `000_e81.txt` stay as they are);
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


# Article `*` and `_` that might delimit emphasis are held as these two characters (which
# clean_text removes from any text) until the whole line is known: only then can one tell
# whether another run could pair with them (`Mieter*innen` has no partner: no backslash).
_STAR, _UNDER = "\x00", "\x01"


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
            if not (before == " " and after == " "):
                ch = _STAR
        elif ch == "_":
            if not ((before is not None and after is not None and before.isalnum() and after.isalnum()) or (before == " " and after == " ")):
                ch = _UNDER
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


def _space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _punct(ch: str | None, symbols: bool) -> bool:
    import unicodedata

    if ch is None:
        return False
    category = unicodedata.category(ch)
    return ch in _PUNCT or category.startswith("P") or (symbols and category.startswith("S"))


def _flanking(before: str | None, after: str | None, char: str) -> tuple[bool, bool]:
    """Whether a delimiter run between `before` and `after` can open, and can close, emphasis
    (CommonMark 6.2), under either definition of punctuation (with or without symbols, which
    CommonMark 0.31 counts and older parsers do not): when in doubt, it can."""
    can_open = can_close = False
    for symbols in (False, True):
        left = not _space(after) and (not _punct(after, symbols) or _space(before) or _punct(before, symbols))
        right = not _space(before) and (not _punct(before, symbols) or _space(after) or _punct(after, symbols))
        if char == "*":
            can_open, can_close = can_open or left, can_close or right
        else:
            can_open = can_open or (left and (not right or _punct(before, symbols)))
            can_close = can_close or (right and (not left or _punct(after, symbols)))
    return can_open, can_close


def _resolve(line: str) -> str:
    """Turn held `*`/`_` into `\\*`/`\\_` where another run of the same character on the line
    (ours or the article's) could pair with them, and back into plain characters elsewhere."""
    if _STAR not in line and _UNDER not in line:
        return line
    plain = line.replace(_STAR, "*").replace(_UNDER, "_")
    runs = []  # (start, end, char, can_open, can_close, held)
    i = 0
    while i < len(plain):
        ch = plain[i]
        slashes = len(plain[:i]) - len(plain[:i].rstrip("\\"))
        if ch in "*_" and slashes % 2 == 0:
            j = i
            while j < len(plain) and plain[j] == ch:
                j += 1
            opens, closes = _flanking(plain[i - 1] if i else None, plain[j] if j < len(plain) else None, ch)
            held = any(c in (_STAR, _UNDER) for c in line[i:j])
            runs.append((i, j, ch, opens, closes, held))
            i = j
        else:
            i += 1
    out = list(line)
    for n, (i, j, ch, opens, closes, held) in enumerate(runs):
        if not held:
            continue
        merged = any(c not in (_STAR, _UNDER) for c in line[i:j])  # joins a run of ours: always escaped
        partner = merged or any(
            other[2] == ch and ((m > n and opens and other[4]) or (m < n and closes and other[3]))
            for m, other in enumerate(runs) if m != n
        )
        for k in range(i, j):
            if line[k] in (_STAR, _UNDER):
                out[k] = ("\\" if partner else "") + plain[k]
    return "".join(out)


def escape(text: str, at_start: bool = True, in_link: bool = False) -> str:
    """One line of literal CommonMark text (newlines and runs of white space become one space).
    `at_start`: the text may begin a line (or a list item), so block markers are escaped too.
    `in_link`: the text goes inside the `[…]` of a link we write. Emphasis characters are
    judged on this text alone; `render` judges them on the whole line."""
    return _resolve(_escape_held(text, at_start, in_link))


def _escape_held(text: str, at_start: bool = True, in_link: bool = False) -> str:
    text = literal_text(text)
    if not text:
        return ""
    escaped = _escape_inline(text, in_link)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"  # a closing sequence would vanish from a heading
    if at_start and not escaped.startswith("\\"):
        shown = escaped.replace(_STAR, "*").replace(_UNDER, "_")
        number = _LIST_NUMBER.match(shown)
        if number:
            escaped = escaped[: number.end() - 1] + "\\" + escaped[number.end() - 1 :]
        elif _LINE_MARKER.match(shown):
            escaped = "\\" + shown[0] + escaped[1:]
    return escaped


def _runs(item: Item, at_start: bool) -> str:
    parts = []
    for n, run in enumerate(item.runs):
        first = at_start and n == 0
        if run.url:
            parts.append(f"[{_escape_held(run.text, at_start=False, in_link=True)}]({run.url})")
        elif run.strong:
            parts.append(f"**{_escape_held(run.text.strip(), at_start=False)}** ")
        else:
            parts.append(escape_keep_space(run.text, first))
    return "".join(parts)


def escape_keep_space(text: str, at_start: bool) -> str:
    """`escape`, keeping one leading and trailing space (our runs join on them)."""
    body = _escape_held(text, at_start=at_start)
    lead = " " if text[:1].isspace() and not at_start else ""
    tail = " " if text[-1:].isspace() and body else ""
    return lead + body + tail


def render(view: BriefView) -> str:
    lines: list[str] = []
    if view.empty is not None:
        return f"# {_escape_held(view.title, at_start=False)}\n\n*{_escape_held(view.empty, at_start=False)}*\n"
    if not view.single:
        lines += [f"# {_escape_held(view.title, at_start=False)}", ""]
    level = "##" if view.single else "###"
    for day in view.days:
        lines += [f"# {_escape_held(view.title, at_start=False)}" if view.single else f"## {_escape_held(day.heading, at_start=False)}", ""]
        lines += [f"*{_escape_held(day.top_line, at_start=False)}*", ""]
        for story in day.stories:
            lines += [f"{level} {story.number}. {_escape_held(story.headline, at_start=False)}", ""]
            for section in story.sections:
                if section.title:
                    lines += [f"**{_escape_held(section.title, at_start=False)}**", ""]
                if section.paragraph:
                    lines += [" ".join(_runs(item, True) for item in section.items), ""]
                else:
                    lines += [f"- {_runs(item, True)}" for item in section.items]
                    lines.append("")
    return "\n".join(_resolve(line) for line in lines).rstrip("\n") + "\n"


def render_markdown(brief, start=None, end=None, template: str = "standard") -> str:
    return render(build_view(brief, start, end, template))
