"""Loading: decoding never raises, newlines normalised, nothing else changed."""

from __future__ import annotations

import pytest
from conftest import SEED, corpus_file
from hypothesis import given
from hypothesis import strategies as st

from reader.load import LoadError, decode, document_from_bytes, folder_files, load, load_all, normalise_newlines


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


def test_size_limit_names_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_MB", "0.001")
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(LoadError, match=r"limit \(set READER_MAX_MB=N to raise it\)"):
        load(str(path))


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
