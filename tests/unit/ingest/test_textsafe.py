"""Decoding and sanitising untrusted bytes."""

import codecs

import pytest

from briefing.ingest.textsafe import DecodeError, clean_text, decode_text
from conftest import sample_text

LAVROV = sample_text("001").split("\n\n")[6]  # a real paragraph with curly quotes


def test_utf8_sample_paragraph_is_unchanged():
    text, encoding = decode_text(LAVROV.encode("utf-8"))
    assert encoding == "utf-8" and text == LAVROV


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom, codec):
    text, _ = decode_text(bom + LAVROV.encode(codec))
    assert text == LAVROV


def test_utf16_without_bom():
    text, encoding = decode_text(LAVROV.encode("utf-16-le"))
    assert text == LAVROV and encoding == "utf-16-le"


def test_cp1252_curly_quotes_and_accents():
    original = "“We are ready,” Le Drian told French télévision – it’s déjà vu."
    text, encoding = decode_text(original.encode("cp1252"))
    assert text == original and encoding == "cp1252"


def test_cyrillic_legacy_encoding_is_not_misread_as_western():
    original = "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся."
    text, _ = decode_text(original.encode("cp1251"))
    assert text == original


def test_truncated_utf8_keeps_what_came_before():
    data = "Zelenskyy said “calm”".encode()[:-2]
    text, _ = decode_text(data)
    assert text.startswith("Zelenskyy said")


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"   \n\t\n", "empty"), (bytes(range(256)) * 40, "binary")])
def test_unreadable_bytes_have_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_text(data)


def test_escape_sequences_and_bidi_overrides_are_removed():
    hostile = "Kyiv\x1b]0;pwned\x07 is calm \x1b[31mred\x1b[0m \u202egnp.exe\x00 \x9b2J"
    cleaned = clean_text(hostile)
    assert "\x1b" not in cleaned and "\u202e" not in cleaned and "\x00" not in cleaned and "\x9b" not in cleaned
    assert cleaned.startswith("Kyiv is calm red")
