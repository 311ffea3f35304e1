"""Make untrusted text safe to hold: decode bytes, drop terminal escapes and invisible controls.

Every reader passes its text through here, so nothing downstream (Markdown export, Rich
rendering, the TUI) ever sees an ANSI/OSC escape sequence, a bidi override or a NUL.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), other two-byte ESC sequences,
# and the 8-bit C1 forms of CSI/OSC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
# C0 and C1 controls except tab and newline; bidi embeddings/overrides/isolates; BOM; soft hyphen.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is a reason a person can act on."""


# Half of a UTF-16 pair on its own: JSON can spell one ("\ud800"); it cannot be written as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(f"{_INVISIBLE.pattern[:-1]}\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise newlines, drop escape sequences and invisible controls, compose Unicode (NFC)."""
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def clean_field(text: str | None) -> str | None:
    """`clean_text` for a string a reader decoded from inside the file: a JSON string can
    spell an escape sequence or a bidi override ("\\u001b[2J", "\\u202e") that the file's
    bytes never showed. Only strings holding such a character are changed."""
    if text is None or not _UNSAFE.search(text):
        return text
    return clean_text(text)


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def _looks_binary(head: bytes) -> bool:
    """Binary: many control bytes, or NULs in bytes that are not UTF-8 text.

    A text file with one corrupt line (a few NULs in a JSONL) is still text: its good lines
    must load. Real binaries (images, archives) have many NULs and invalid UTF-8.
    """
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > 0.1:
        return True
    if b"\x00" in head:
        if head.count(0) / len(head) > 0.01:
            return True
        try:
            head[: len(head) - 4].decode("utf-8")
        except UnicodeDecodeError:
            return True
    return False


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII-heavy text."""
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0) / max(1, len(head[0::2]))
    odd_nul = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd_nul > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file cut in the middle of a multi-byte character: keep what came before.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8")
        return None


_CP1252_PUNCTUATION = set("‘’‚“”„–—…€•™«»°£§©®· ½¼¾")


def _as_western(data: bytes) -> str | None:
    """Decode as Windows-1252 when that reads as plausible Western-European text.

    Detectors guess poorly on short texts (a French sentence in cp1252 comes back as cp1250);
    news in legacy encodings is mostly cp1252/latin-1, so we try it first and accept it only
    when non-ASCII characters are sparse letters or typographic punctuation, which is what
    Cyrillic or Central-European text misread as cp1252 is not.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(ch.isalpha() for ch in text)
    foreign = [ch for ch in text if ord(ch) > 127]
    if not letters or len(foreign) / letters > 0.4:
        return None
    if all(ch.isalpha() or ch in _CP1252_PUNCTUATION for ch in foreign):
        return text
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError with a human reason."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    head = data[:8192]
    utf16 = _utf16_without_bom(head)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _looks_binary(head):
        raise DecodeError("binary file (not text)")
    text = _decode_utf8(data)
    if text is not None:
        return text, "utf-8"
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no encoding detected")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"not UTF-8 and not valid {best.encoding}") from None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode and sanitise; raises DecodeError when nothing readable is left."""
    text, encoding = decode_bytes(data)
    text = clean_text(text)
    if not text.strip():
        raise DecodeError("empty file (whitespace only)")
    return text, encoding
