"""Encodings, binary files, empty files and the size limit."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from inputs_helpers import Read

# Written for these tests: short Chinese business news in simplified and traditional script.
SIMPLIFIED = (
    "比亚迪在匈牙利塞格德建设电动汽车工厂\n"
    "比亚迪表示，这座工厂将生产面向欧洲市场的电动汽车，计划于二〇二五年投产。"
    "公司还在土耳其建设另一座工厂，以降低欧盟关税带来的影响。\n"
)
TRADITIONAL = (
    "台積電在日本熊本開設第一座工廠\n"
    "台積電表示，熊本工廠由日本政府提供補助，並與索尼和電裝合資經營。"
    "公司計劃在附近興建第二座工廠，以滿足汽車與消費電子客戶的需求。\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SIMPLIFIED, "gbk"),
        (SIMPLIFIED, "gb18030"),
        (TRADITIONAL, "big5"),
        (SIMPLIFIED, "utf-16"),  # Python writes a BOM
        (TRADITIONAL, "utf-16-be"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "utf-8"),
    ],
    ids=["gbk", "gb18030", "big5", "utf-16-bom", "utf-16-be-bom", "utf-8-bom", "utf-8"],
)
def test_chinese_encodings_are_decoded(
    tmp_path: Path, read: Read, text: str, encoding: str
) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / f"story-{encoding}.txt"
    path.write_bytes(data)

    [story], problems = read(path)

    assert problems == []
    title, body = text.strip().split("\n")
    assert story.title == title
    assert story.text == body


def test_text_that_fits_no_encoding_names_what_was_tried(tmp_path: Path, read: Read) -> None:
    # Bytes that are invalid in UTF-8 and meaningless in every code page.
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)

    stories, [problem] = read(path)

    assert stories == []
    assert problem.origin == str(path)
    assert "cannot decode" in problem.message
    for name in ("UTF-8", "UTF-16", "GB18030", "Big5"):
        assert name in problem.message


def test_a_bom_that_lies_is_reported_at_its_byte(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "liar.txt"
    path.write_bytes(b"\xef\xbb\xbfGood start \xff\xfe\xfd then junk")

    _, [problem] = read(path)

    assert problem.origin == f"{path}:byte 14"
    assert "byte-order mark" in problem.message


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or Office document"),
        (b"some text\x00with a NUL byte", "binary data"),
    ],
)
def test_binary_files_are_not_text(tmp_path: Path, read: Read, data: bytes, kind: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)

    stories, [problem] = read(path)

    assert stories == []
    assert problem.message == f"binary file, not text ({kind})"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.rss", "a.jsonl"])
def test_empty_files_are_reported(tmp_path: Path, read: Read, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    stories, [problem] = read(path)

    assert stories == []
    assert (problem.origin, problem.message) == (str(path), "empty file")


@pytest.mark.parametrize("name", ["big.txt", "big.jsonl", "big.html"])
def test_a_file_over_the_limit_is_not_read(tmp_path: Path, read: Read, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x" * 2_000)

    stories, [problem] = read(path, max_bytes=1_000)

    assert stories == []
    assert problem.message.startswith("file is 2,000 bytes, over the limit of 1,000 bytes")


@pytest.mark.slow
def test_a_50_mb_text_file_is_refused_under_a_smaller_limit_without_reading_it(
    tmp_path: Path, read: Read
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written

    tracemalloc.start()
    try:
        stories, [problem] = read(path, max_bytes=10 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert stories == []
    assert "52,428,800 bytes, over the limit of 10,485,760 bytes" in problem.message
    assert peak < 1024 * 1024  # the file was never loaded


@pytest.mark.slow
def test_a_50_mb_text_article_under_the_default_limit_is_read_whole(
    tmp_path: Path, read: Read
) -> None:
    line = "BYD opened a plant in Szeged and shipped cars to buyers across Europe.\n"
    repeats = 50 * 1024 * 1024 // len(line)
    path = tmp_path / "huge.txt"
    path.write_text("A very long article\n" + line * repeats, encoding="utf-8")

    [story], problems = read(path)

    assert problems == []
    assert story.title == "A very long article"
    assert len(story.text) == len(line) * repeats - 1
