"""Reading a report file: size and content checks, and decoding.

Accepted: UTF-8 with or without BOM, GB18030/GBK, UTF-16 with a BOM, and Big5 (traditional) when
it reads as Chinese prose. A UTF-8 file with a few broken byte sequences is read with U+FFFD in
their place and a warning naming the file and the byte offset; a file with many is rejected.

Every failure raises :class:`InputError` with a message that names the file and the problem. Texts
that are readable but odd (an unclosed 《 or “, a run of 20+ digits, brackets nested very deep) give
warnings in :attr:`Decoded.warnings`; the pipeline goes on.
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
    media_type: str = "text/plain"  # of the original file (text/html, application/pdf …)
    source_metadata: dict[str, str] = field(default_factory=dict)  # disclosure table / document properties
    source_url: str | None = None  # the page's own address (canonical link, og:url)


_SAMPLE = 65536  # characters or bytes looked at by the content checks
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002a6df]")
_LATIN = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Characters that make up a good share of any Chinese prose (simplified; texts are normalised first).
_COMMON = frozenset("的了和在是一不有人为以及对国政府法治建设工作行市区县我中上大发展进年度关于")
#: Terms of law-based government; a report names at least two of them.
_REPORT_CUES = ("法治", "依法", "法律", "法制", "法规", "执法", "司法", "行政", "复议", "诉讼", "普法",
                "规范性文件", "政府", "法院", "检察", "政务")
#: Broken UTF-8 tolerated (replaced by U+FFFD, with a warning): at most this many sequences or 1 per 1000 chars.
_MAX_BAD_UTF8 = 3


def _plausible_chinese(text: str) -> bool:
    """True when ``text`` reads as Chinese prose rather than mojibake from a wrong decoding."""
    from ingest.normalize import normalize

    sample = normalize(text[:_SAMPLE])
    cjk = len(_CJK.findall(sample))
    if cjk == 0:
        return False
    common = sum(1 for ch in sample if ch in _COMMON)
    return common / cjk > 0.08


def _decode_utf16(raw: bytes, path: str) -> tuple[str, str]:
    try:
        return raw.decode("utf-16"), "utf-16"
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: broken UTF-16 text (invalid bytes at offset {e.start})") from None


def _decode_legacy(raw: bytes) -> tuple[str, str] | None:
    """GB18030/GBK, then Big5, when the result reads as Chinese prose."""
    for encoding in ("gb18030", "big5hkscs"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return text, encoding
    return None


def decode_bytes(raw: bytes, path: str = "<bytes>") -> Decoded:
    """Decode a report's bytes (BOM removed); raise :class:`InputError` when they are not text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_utf16(raw, path)
        text = text.lstrip("\ufeff")
        if not text.strip():
            raise InputError(f"{path}: the file is empty (only a byte-order mark and white space)")
        return _checked(Decoded(path=path, raw=raw, text=text, encoding=encoding))
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if not body.strip():
        what = "empty" if not raw else "empty (only white space" + (" and a BOM)" if body is not raw else ")")
        raise InputError(f"{path}: the file is {what}")
    if b"\x00" in body[:_SAMPLE]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text report")
    warnings: list[str] = []
    offset = len(raw) - len(body)  # the BOM's length: byte offsets below count from the file's start
    try:
        text, encoding = body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        legacy = _decode_legacy(body)
        if legacy is not None:
            text, encoding = legacy
        else:
            text, encoding, bad, first_bad = _decode_lossy(body)
            first = (first_bad if encoding else e.start) + offset
            if encoding and bad <= max(_MAX_BAD_UTF8, len(text) // 1000):
                name = "UTF-8" if encoding == "utf-8" else "GB18030/GBK"
                warnings.append(
                    f"{path}: broken {name}: {bad} invalid byte sequence(s), the first near byte {first}; "
                    "each replaced by U+FFFD"
                )
            elif encoding:
                raise InputError(
                    f"{path}: broken {'UTF-8' if encoding == 'utf-8' else 'GB18030/GBK'} text: {bad} invalid byte "
                    f"sequences (the first near byte {first}), too many to repair"
                ) from None
            else:
                raise InputError(
                    f"{path}: not UTF-8, GB18030/GBK or Big5 text (invalid byte 0x{body[e.start]:02x} at offset {first})"
                ) from None
    return _checked(Decoded(path=path, raw=raw, text=text, encoding=encoding, warnings=warnings))


def _decode_lossy(body: bytes) -> tuple[str, str, int, int]:
    """(text, encoding, number of replaced sequences, byte offset of the first) for the encoding whose
    lossy reading is Chinese prose (UTF-8 first, then GB18030); encoding ``""`` when neither is."""
    for encoding in ("utf-8", "gb18030"):
        text = body.decode(encoding, errors="replace")
        if _plausible_chinese(text):
            bad = text.count("\ufffd") - body.decode(encoding, errors="ignore").count("\ufffd")
            try:
                body.decode(encoding)
                first = 0
            except UnicodeDecodeError as err:
                first = err.start
            return text, encoding, bad, first
    return "", "", 0, 0


def _checked(dec: Decoded) -> Decoded:
    if len(_CONTROL.findall(dec.text[:_SAMPLE])) > 10:
        raise InputError(f"{dec.path}: binary file (control characters), not a text report")
    return dec


def check_report(text: str, path: str) -> None:
    """Raise :class:`InputError` unless ``text`` looks like a report on law-based government."""
    from ingest.normalize import normalize

    # The opening and the end: a long run of page furniture must not hide the report.
    sample = text if len(text) <= 4 * _SAMPLE else text[: 2 * _SAMPLE] + "\n" + text[-2 * _SAMPLE :]
    cjk = len(_CJK.findall(sample))
    if cjk < 20:
        letters = len(_LATIN.findall(sample))
        if cjk == 0 and letters == 0:
            raise InputError(f"{path}: not a report: no words at all (only punctuation, digits or symbols)")
        if letters > 5 * max(cjk, 1):
            raise InputError(f"{path}: not a report: not Chinese text (mostly Latin letters, {cjk} Chinese characters)")
        raise InputError(f"{path}: not a report: only {cjk} Chinese character(s), at least 20 needed")
    norm = normalize(sample)
    hits = {cue for cue in _REPORT_CUES if cue in norm}
    if len(hits) < 2:
        raise InputError(
            f"{path}: not a law-based-government report: fewer than two of its usual terms (法治, 依法, 行政, 政府 …)"
        )


_DIGIT_RUN = re.compile(r"\d{20,}")
_MAX_NESTING_WARNED = 50
_PAIRS = (("《", "》", "title bracket 《"), ("“", "”", "quotation mark “"), ("(", ")", "parenthesis ("))


def _nesting(norm: str, open_: str, close: str) -> tuple[int, int]:
    """(deepest nesting, offset of the first bracket still open at the end or -1)."""
    depth = deepest = 0
    stack: list[int] = []
    for m in re.finditer(re.escape(open_) + "|" + re.escape(close), norm):
        if m.group() == open_:
            stack.append(m.start())
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            stack.pop()
            depth -= 1
    return deepest, (stack[0] if stack else -1)


def text_warnings(text: str, path: str) -> list[str]:
    """Warnings about readable but odd text: unbalanced brackets and quotes, deep nesting, digit runs."""
    from ingest.normalize import normalize

    norm = normalize(text)
    out: list[str] = []
    for open_, close, name in _PAIRS:
        opened, closed = norm.count(open_), norm.count(close)
        if not opened and not closed:
            continue
        deepest, left_open = _nesting(norm, open_, close)
        if opened != closed or left_open >= 0:
            where = f"; the first one never closed is at offset {left_open}" if left_open >= 0 else ""
            out.append(f"{path}: unbalanced {name}: {opened} opened, {closed} closed{where}")
        if deepest > _MAX_NESTING_WARNED:
            out.append(f"{path}: {name} nested {deepest} deep")
    runs = [m for m in _DIGIT_RUN.finditer(norm)]
    if runs:
        first = runs[0]
        out.append(
            f"{path}: {len(runs)} run(s) of 20 or more digits (the first, {first.end() - first.start()} digits, "
            f"at offset {first.start()})"
        )
    return out


def _converted(raw: bytes, path: str) -> Decoded | None:
    """A non-text file (web page, PDF, DOCX) read through :mod:`ingest.formats`; ``None`` for plain text."""
    from ingest.formats import convert

    conv = convert(raw, path)
    if conv is None:
        return None
    if not conv.text.strip():
        raise InputError(f"{path}: no report text found in the {conv.media_type} file")
    return _checked(
        Decoded(
            path=path,
            raw=raw,
            text=conv.text,
            encoding=conv.encoding or "",
            warnings=list(conv.warnings),
            media_type=conv.media_type,
            source_metadata=dict(conv.metadata),
            source_url=conv.source_url,
        )
    )


def read_report(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read, size-check, decode and sanity-check one report file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a folder, not a report file")
        size = p.stat().st_size
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    if size > max_bytes:
        raise InputError(
            f"{p}: file too large ({size:,} bytes, limit {max_bytes:,} bytes; raise it with --max-bytes)"
        )
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    dec = _converted(raw, str(p)) or decode_bytes(raw, str(p))
    check_report(dec.text, str(p))
    dec.warnings.extend(text_warnings(dec.text, str(p)))
    return dec
