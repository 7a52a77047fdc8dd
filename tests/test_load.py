"""Loading: decoding never raises, newlines normalised, nothing else changed."""

from __future__ import annotations

import os

import pytest
from conftest import SEED, corpus_file
from hypothesis import given
from hypothesis import strategies as st

from reader.load import (
    LoadError,
    UsageError,
    decode,
    document_from_bytes,
    folder_files,
    load,
    load_all,
    max_bytes,
    normalise_newlines,
)


def test_seed_loads_as_utf8_unchanged():
    doc = load(str(SEED))
    assert doc.encoding == "utf-8"
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert "Sh.Mirziyoyev" in doc.text


def test_bom_and_crlf_are_normalised_and_nothing_else():
    doc = document_from_bytes("x.txt", "\ufeffTitle\r\n\r\nOne line.\rTwo  spaces\ttab.\r\n".encode())
    assert doc.text == "Title\n\nOne line.\nTwo  spaces\ttab.\n"


def test_latin1_byte_is_decoded_by_detection():
    doc = document_from_bytes("x.txt", b"It cost \xa3100 million, said Mr Smith. " * 3)
    assert "£100" in doc.text
    assert doc.notes and "not UTF-8" in doc.notes[0]


def test_bbc_article_with_raw_pound_byte():
    path = corpus_file("bbc-news-summary/BBC News Summary/News Articles/sport/199.txt")
    doc = load(str(path))
    assert "£" in doc.text and "\ufffd" not in doc.text


def test_gutenberg_bom_and_crlf():
    path = corpus_file("gutenberg/pg1342-pride-and-prejudice.txt")
    doc = load(str(path))
    assert not doc.text.startswith("\ufeff") and "\r" not in doc.text
    assert doc.text.startswith("The Project Gutenberg EBook of Pride and Prejudice")


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LoadError, match="binary"):
        load(str(path))


def test_empty_file_is_an_empty_document_with_a_note(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load(str(path))
    assert doc.text == "" and doc.notes == ("empty document",)


def test_over_the_limit_the_leading_part_is_read_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_MB", "0.001")
    path = tmp_path / "big.txt"
    path.write_text("A line of words.\n" * 1000)
    doc = load(str(path))
    assert 0 < len(doc.text) <= 1049 and doc.text.endswith("words.\n")
    assert doc.notes[0].startswith("only the first") and "READER_MAX_MB=N raises it" in doc.notes[0]


def test_folder_is_recursive_sorted_and_text_only(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/z.txt", "a.md", "c.txt", "b/y.png", ".hidden.txt"]:
        (tmp_path / name).write_text("Hello there.")
    names = [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path)]
    assert names == ["a.md", "b/z.txt", "c.txt"]


def test_bad_file_in_folder_is_reported_and_others_still_load(tmp_path):
    (tmp_path / "a.txt").write_text("First document.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text("Third document.")
    items = list(load_all([str(tmp_path)]))
    assert [i.error is None for i in items] == [True, False, True]
    assert "binary" in str(items[1].error)


def test_missing_path_is_an_error_item():
    (item,) = list(load_all(["/no/such/file.txt"]))
    assert item.error is not None and "no such file" in str(item.error)


@given(st.binary(max_size=2000))
def test_decoding_never_raises(data):
    text, encoding = decode(data)
    assert isinstance(text, str) and encoding


@given(st.text(max_size=500))
def test_utf8_round_trip_only_changes_newlines(text):
    doc = document_from_bytes("x.txt", text.replace("\x00", "").encode("utf-8"))
    assert doc.text == normalise_newlines(text.replace("\x00", "").removeprefix("\ufeff"))


def test_whole_legacy_document_is_detected():
    text = "Пример текста на русском языке, который был сохранён в кодировке Windows. " * 20
    doc = document_from_bytes("ru.txt", text.encode("cp1251"))
    assert doc.text == text


# Decoding that must not garble a whole document (issue 15).


def _prose(n: int = 40) -> str:
    return "“It’s Pétya,” said Natásha, and the café was quiet. Ça va très bien, merci.\n" * n


def test_truncated_utf8_stays_utf8():
    data = _prose().encode("utf-8")
    for cut in (1, 2):
        text, encoding = decode(data[:-cut] if data[-1:] != b"\n" else data[: -cut - 1])
        assert encoding.startswith("utf-8")
        assert "“It’s Pétya,”" in text and "‚Äú" not in text


def test_war_and_peace_minus_its_last_byte_stays_utf8():
    data = corpus_file("gutenberg/pg2600-war-and-peace.txt").read_bytes()
    text, encoding = decode(data[:-1] if not data.endswith(b"\n") else data[:-3])
    assert encoding.startswith("utf-8") and "P√©tya" not in text and "Pétya" in text


def test_utf8_with_stray_bytes_keeps_the_rest():
    data = _prose().encode("utf-8")
    damaged = data[:500] + b"\xa3" + data[500:1500] + b"\xed\xa0\x80" + data[1500:]
    text, encoding = decode(damaged)
    assert encoding.startswith("utf-8")
    assert text.count("“It’s Pétya,”") == _prose().count("“It’s Pétya,”") - 2 or "£" in text
    assert "£" in text and "Natásha" in text


def test_latin1_french_is_cp1252_not_cp1250():
    french = "À la fin de l'été, nous sommes allés à la mer. Les élèves étaient très contents. " * 6
    doc = document_from_bytes("fr.txt", french.encode("latin-1"))
    assert doc.text == french


def test_utf16_without_bom_by_its_nul_pattern():
    text = "Mr Smith went to Washington. He said it was fine.\n" * 5
    for encoding in ("utf-16-le", "utf-16-be"):
        doc = document_from_bytes("x.txt", text.encode(encoding))
        assert doc.text == text and doc.encoding == encoding


def test_utf16_with_bom_and_a_lone_surrogate_or_odd_length():
    text = "Mr Smith went to Washington.\n" * 5
    body = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    doc = document_from_bytes("x.txt", body[:20] + b"\x00\xd8" + body[20:] + b"x")
    assert doc.text.startswith("Mr Smith") and "\x00" not in doc.text and "\ufffd" in doc.text
    assert "ÿþ" not in doc.text


def test_a_nul_after_the_first_8_kb_is_binary():
    with pytest.raises(LoadError, match="binary"):
        document_from_bytes("x.txt", b"plain words " * 2000 + b"\x00" + b"more words")


# Special paths (issues 12 and 15).


def test_fifo_and_socket_in_a_folder_are_skipped(tmp_path):
    import socket

    (tmp_path / "a.txt").write_text("A document.")
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    try:
        assert [p.name for p in folder_files(tmp_path)] == ["a.txt"]
    finally:
        sock.close()


def test_fifo_without_a_writer_does_not_hang(tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["reader.load"], "FIFO_WAIT_SECONDS", 0.2)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(LoadError, match="named pipe and nothing wrote to it"):
        load(str(tmp_path / "pipe"))


def test_fifo_with_a_writer_is_read(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as f:
            f.write(b"Title\n\nWords from a pipe.\n")

    writer = threading.Thread(target=write)
    writer.start()
    doc = load(str(fifo))
    writer.join()
    assert doc.text == "Title\n\nWords from a pipe.\n"


def test_a_device_is_read_as_a_stream_within_the_limit(monkeypatch):
    monkeypatch.setenv("READER_MAX_MB", "0.01")
    with pytest.raises(LoadError, match="binary"):
        load("/dev/zero")


def test_socket_named_directly_is_refused(tmp_path):
    import socket

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s"))
    try:
        with pytest.raises(LoadError, match="socket"):
            load(str(tmp_path / "s"))
    finally:
        sock.close()


def test_symlink_loop_says_so(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (item,) = list(load_all([str(tmp_path / "a")]))
    assert item.error is not None and "symbolic link loop" in item.error.reason


def test_path_over_255_bytes_is_an_error_item():
    (item,) = list(load_all(["x" * 300 + ".txt"]))
    assert item.error is not None and item.error.reason == "file name too long"


@pytest.mark.parametrize("value", ["abc", "0", "-1", "nan", "inf", "-inf", "1e400", ""])
def test_bad_max_mb_is_a_usage_error(monkeypatch, value):
    monkeypatch.setenv("READER_MAX_MB", value)
    if not value:
        assert max_bytes() == 64 * 2**20
        return
    with pytest.raises(UsageError, match="READER_MAX_MB=.*needs a positive number"):
        max_bytes()


@given(st.text(min_size=1, max_size=300).filter(lambda t: "\x00" not in t and not t.startswith("\ufeff")))
def test_utf8_cut_anywhere_in_its_last_character_stays_utf8(text):
    data = text.encode("utf-8")
    cut = data[:-1]
    decoded, encoding = decode(cut)
    assert encoding.startswith("utf-8")
    assert decoded.startswith(text[:-1])
