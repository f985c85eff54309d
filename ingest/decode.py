"""Reading a report file: size and content checks, and decoding (UTF-8 with or without BOM, GB18030/GBK).

Every failure raises :class:`InputError` with a message that names the file and the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.config import DEFAULT_MAX_BYTES


class InputError(ValueError):
    """A file that cannot be ingested; the message names the file and says why."""


@dataclass
class Decoded:
    """A decoded report text and how it was read."""

    path: str
    raw: bytes
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_CJK = re.compile(r"[\u3400-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Words that any report on law-based government contains several of.
_REPORT_CUES = ("法治", "依法", "法律", "行政", "政府", "执法", "法制", "司法", "规范性文件", "复议", "普法",
                "報告", "执法", "政府", "法治政府", "依法行政", "報告", "建设", "工作")


def _plausible_chinese(text: str) -> bool:
    """True when ``text`` reads as Chinese prose rather than mojibake."""
    cjk = len(_CJK.findall(text))
    if cjk == 0:
        return False
    # Mojibake from a wrong decoding yields rare characters; common ones dominate real prose.
    common = sum(1 for ch in text if ch in "的了和在是一不有人为以及对国政府法治建设工作行市区县" )
    return common / cjk > 0.05


def decode_bytes(raw: bytes, path: str = "<bytes>") -> Decoded:
    """Decode a report's bytes, trying UTF-8 (BOM removed) and then GB18030."""
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in raw[:65536]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text report")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw_body = raw[3:]
    else:
        raw_body = raw
    warnings: list[str] = []
    try:
        text, encoding = raw_body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        try:
            text, encoding = raw_body.decode("gb18030"), "gb18030"
            if not _plausible_chinese(text):
                raise UnicodeDecodeError("gb18030", raw_body, 0, 1, "implausible text")
        except UnicodeDecodeError:
            lossy = raw_body.decode("utf-8", errors="replace")
            bad = lossy.count("\ufffd")
            if bad <= max(3, len(lossy) // 1000) and _plausible_chinese(lossy):
                text, encoding = lossy, "utf-8"
                warnings.append(
                    f"{path}: invalid UTF-8 at byte {e.start} ({bad} bad sequence(s) replaced by U+FFFD)"
                )
            else:
                raise InputError(
                    f"{path}: not UTF-8 or GB18030/GBK text (invalid byte 0x{raw_body[e.start]:02x} at offset {e.start})"
                ) from None
    if len(_CONTROL.findall(text[:65536])) > 10:
        raise InputError(f"{path}: binary file (control characters), not a text report")
    return Decoded(path=path, raw=raw, text=text, encoding=encoding, warnings=warnings)


def check_report(text: str, path: str) -> None:
    """Raise :class:`InputError` unless ``text`` looks like a report on law-based government."""
    if len(_CJK.findall(text)) < 20:
        raise InputError(f"{path}: not a report: fewer than 20 Chinese characters")
    hits = {cue for cue in _REPORT_CUES if cue in text}
    if len(hits) < 2:
        raise InputError(f"{path}: not a law-based-government report: none of the usual terms (法治, 依法, 行政 …)")


def read_report(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read, size-check, decode and sanity-check one report file."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    if size > max_bytes:
        raise InputError(
            f"{p}: file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit; raise it with --max-bytes)"
        )
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    dec = decode_bytes(raw, str(p))
    check_report(dec.text, str(p))
    return dec
