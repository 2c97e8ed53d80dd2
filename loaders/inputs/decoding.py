"""Bytes of a file to text: size limit, binary sniffing, BOMs and Chinese encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from sinograph.loaders.inputs.problems import InputProblem

__all__ = ["binary_kind", "decode_text", "read_limited"]

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
)

_SNIFF_BYTES = 8192


def read_limited(path: Path, origin: str, max_bytes: int) -> bytes | InputProblem:
    """The whole file, or a problem if it is empty, over ``max_bytes`` or unreadable.

    The size is checked before reading, so an oversized file is never loaded.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_large(origin, size, max_bytes)
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return InputProblem(origin=origin, message=f"cannot read the file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _too_large(origin, len(data), max_bytes)
    if not data.strip():
        return InputProblem(origin=origin, message="empty file")
    return data


def _too_large(origin: str, size: int, max_bytes: int) -> InputProblem:
    return InputProblem(
        origin=origin,
        message=f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes (max_bytes); "
        "split it or raise the limit",
    )


def binary_kind(data: bytes) -> str | None:
    """A name for the kind of binary file ``data`` starts, or ``None`` if it may be text.

    >>> binary_kind(b"%PDF-1.7 ...")
    'PDF'
    >>> binary_kind("新闻".encode("utf-16"))  # NUL bytes, but a BOM says UTF-16
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data[:_SNIFF_BYTES]:
        return "binary data"
    return None


def decode_text(data: bytes, origin: str) -> str | InputProblem:
    """Decode a text file: a BOM wins, then strict UTF-8, then charset detection.

    Detection (charset-normalizer) covers GBK/GB18030, Big5, Shift_JIS, EUC-KR and
    the single-byte code pages; a file none of them fits gets a problem. Line
    ends become ``\\n`` as in Python's text mode.

    >>> decode_text("标题\\r\\n正文".encode("utf-8"), "a.txt")
    '标题\\n正文'
    """
    text = _decode(data, origin)
    if isinstance(text, str) and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes, origin: str) -> str | InputProblem:
    kind = binary_kind(data)
    if kind is not None:
        return InputProblem(origin=origin, message=f"binary file, not text ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                name = encoding.upper()
                return InputProblem(
                    origin=f"{origin}:byte {exc.start + len(bom)}",
                    message=f"the file starts with a {name} byte-order mark but is not valid "
                    f"{name} from this byte on",
                )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return InputProblem(
            origin=origin,
            message="cannot decode the text: it is not UTF-8 or UTF-16/32 with a byte-order "
            "mark, and no encoding that charset detection knows (GB18030/GBK, Big5, "
            "Shift_JIS, EUC-KR, Windows code pages...) fits it",
        )
    return str(best)
