"""Links between figures: parts of a total (breakdowns) and the counts behind a rate.

Breakdown grammar (ANNOTATION §8 ``parts_of``):

* **cue**: a total, then 其中 / 分别 / 包括 (in the same sentence, or opening the next one), then
  parts in the total's unit up to the end of that sentence; the parts may be a subset (sum ≤ total);
* **list**: a total followed directly by ``,``/``:``/``(`` and a run of figures in its unit in the same
  sentence, either at least two that add up exactly to the total (53件,办结33件、积极解决16件、暂无法解决4件)
  or items headed by outcome words that fit in it (清理文件108件,修改12件,废止7件).

Rates: a percentage whose value is ``sum(numerator) / denominator × 100`` at its written precision,
with the numerator drawn from the parts of a count before it (or one count in the same unit) in the
same or the previous sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from ingest.model import Figure
from ingest.normalize import normalize
from ingest.numbers import decimals

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CUE = re.compile(r"其中|分别为|分别是|分别|包括|包含")
_STAGE = re.compile(r"(?:依法)?(?:受理|审结|立案|结案|审理|作出)")
#: Outcome words of the breakdown code lists (document clean-up, proposals, reconsideration, litigation,
#: disclosure): a figure headed by one is a part of the count before it.
_OUTCOME = re.compile(
    r"(?:其中|依法|予以|决定|宣布|确认|已|被|均)*"
    r"(?:保留|继续有效|有效|修改|修订|废止|失效|暂停执行|办结|已办结|积极解决|正在解决|列入计划|解决|暂无法解决"
    r"|暂不能解决|无法解决|采纳|维持|撤销|驳回|变更|确认违法|违法|责令履行|调解|和解|终止|胜诉|败诉|撤诉"
    r"|主动公开|部分公开|不予公开|公开|不予受理|答复|[ABCＡＢＣ]类)"
)
_RATIO_UNITS = {"%", "‰", "个百分点", "倍", "成"}


def _sentence_starts(norm: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(norm)]


def _sentence_of(pos: int, starts: list[int]) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _unit(f: Figure) -> str:
    """The figure's unit in simplified, half-width form (units are reported as written)."""
    return _normal_unit(f.unit)


@lru_cache(maxsize=256)
def _normal_unit(unit: str) -> str:
    return normalize(unit)


def _linkable(f: Figure) -> bool:
    return not f.optional and _unit(f) not in _RATIO_UNITS


def _fits(parts: list[Figure], total: Figure) -> bool:
    return sum(p.value for p in parts) <= total.value + 1e-9


def _by_sentence(sent: list[int]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(sent):
        groups.setdefault(s, []).append(i)
    return groups


def link_breakdowns(figures: list[Figure], norm: str) -> None:
    """Set ``part_of`` on the parts of explicit breakdowns (see the module docstring)."""
    starts = _sentence_starts(norm)
    sent = [_sentence_of(f.start, starts) for f in figures]
    _link_cued(figures, norm, starts, sent)
    _link_lists(figures, norm, sent)


def _link_cued(figures: list[Figure], norm: str, starts: list[int], sent: list[int]) -> None:
    groups = _by_sentence(sent)
    for cue in _CUE.finditer(norm):
        cue_sent = _sentence_of(cue.start(), starts)
        if cue_sent not in groups:
            continue
        opens_sentence = norm[starts[cue_sent] : cue.start()].strip(" \t\u3000") == ""
        limit = _bracket_end(norm, starts[cue_sent], cue.start())
        after = [
            i for i in groups[cue_sent] if cue.end() <= figures[i].start < limit and _linkable(figures[i])
        ]
        if not after:
            continue
        # the total: the nearest earlier figure in the same sentence (or the previous one when the
        # cue opens a sentence) whose unit the parts share
        window = groups.get(cue_sent - 1, []) if opens_sentence else []
        before = [i for i in window + groups[cue_sent] if figures[i].end <= cue.start() and _linkable(figures[i])]
        for unit in dict.fromkeys(_unit(figures[i]) for i in after):
            totals = [i for i in before if _unit(figures[i]) == unit]
            if not totals:
                continue
            t = totals[-1]
            if figures[t].part_of is not None:
                continue
            parts = [i for i in after if _unit(figures[i]) == unit and figures[i].part_of is None]
            # a cue with 分别 may distribute over several totals; keep the parts that fit
            while parts and not _fits([figures[i] for i in parts], figures[t]):
                parts.pop()
            for i in parts:
                figures[i].part_of = t
            break


def _bracket_end(norm: str, sentence_start: int, pos: int) -> int:
    """When ``pos`` is inside brackets opened in its sentence, where they close; else no limit."""
    head = norm[sentence_start:pos]
    opened = max(head.rfind("("), head.rfind("（"))
    if opened < 0 or max(head.rfind(")"), head.rfind("）")) > opened:
        return len(norm)
    close = re.compile(r"[)）]").search(norm, pos)
    return close.start() if close else len(norm)


def _link_lists(figures: list[Figure], norm: str, sent: list[int]) -> None:
    totals = {f.part_of for f in figures if f.part_of is not None}
    for t, total in enumerate(figures):
        if not _linkable(total) or total.part_of is not None or t in totals:
            continue
        if not re.match(r"[ \t]*[,，:：(]", norm[total.end : total.end + 3]):
            continue
        if _STAGE.match(norm[total.end : total.end + 8].lstrip(" \t,，:：")):
            continue  # 收到20件,受理15件,审结5件: successive stages, not parts
        run: list[int] = []
        for i in range(t + 1, len(figures)):
            f = figures[i]
            if sent[i] != sent[t] or _unit(f) != _unit(total) or f.part_of is not None or not _linkable(f):
                break
            run.append(i)
        parts = (
            _exact_prefix(figures, run, total, norm)
            or _outcome_prefix(figures, run, total, norm)
            or _elaboration(figures, run, total, norm)
        )
        for j in parts:
            figures[j].part_of = t
        if parts:
            totals.add(t)


def _exact_prefix(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """The shortest prefix of at least two figures of ``run`` that adds up exactly to ``total``, each
    headed by a category or an outcome (行政许可事项218项, 办结33件), not by an activity of its own
    (…专题学习3次, 旁听庭审1次: separate activities that add up by chance)."""
    acc = 0.0
    prev_end = total.end
    for k, i in enumerate(run):
        if _own_activity(norm[prev_end : figures[i].start]):
            break
        prev_end = figures[i].end
        acc += figures[i].value
        if k >= 1 and abs(acc - total.value) < 1e-9:
            return run[: k + 1]
        if acc > total.value:
            break
    return []


#: Verbs that open an activity of its own (its own meeting, study, visit, inspection …).
_ACTIVITY = re.compile(
    r"开展|组织|召开|举办|举行|旁听|参加|参与|学习|学法|研究|听取|走访|调研|督查|督导|约谈|宣讲|讲座|述法|观摩|"
    r"演练|考试|培训|座谈|会议|接待|发放|印发|出台|制定|起草|签订|聘请|选派|评选|表彰|检查|巡查|抽查|评查|推送|发布"
)


def _own_activity(head: str) -> bool:
    """Whether the words before a list item name an activity of its own rather than a part of the total."""
    head = head.strip(" \t,，、;；:：")
    return bool(_ACTIVITY.search(head)) and not _OUTCOME.match(head)


def _elaboration(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """Parts spelled out after a colon or inside brackets right after the total, as far as they fit:
    培训5场:执法培训2场、普法培训2场 / 54项(承接26项、取消24项…)."""
    sep = re.match(r"[ \t]*([:：(（])", norm[total.end : total.end + 3])
    if not sep:
        return []
    limit = len(norm)
    if sep.group(1) in "(（":
        close = re.compile(r"[)）]").search(norm, total.end)
        limit = close.start() if close else total.end
    parts: list[int] = []
    for i in run:
        if figures[i].start >= limit or not _fits([figures[j] for j in [*parts, i]], total):
            break
        parts.append(i)
    return parts


def _outcome_prefix(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """The prefix of ``run`` whose items each name an outcome (保留/废止/办结/维持 …) and whose sum fits:
    a partial breakdown by outcome (清理文件108件,修改12件,废止7件)."""
    parts: list[int] = []
    prev_end = total.end
    for i in run:
        head = norm[prev_end : figures[i].start].lstrip(" \t,，:：、(")
        if not _OUTCOME.match(head):
            break
        parts.append(i)
        prev_end = figures[i].end
    # one item alone is too often the next stage (受理1236件,办结1200件), not a breakdown
    return parts if len(parts) >= 2 and _fits([figures[i] for i in parts], total) else []


def _rate_matches(numerator: float, denominator: float, rate: Figure) -> bool:
    if denominator <= 0:
        return False
    places = decimals(rate.text.rstrip("%‰ ").replace(",", ""))
    value = numerator / denominator * 100
    return round(value, max(places, 0)) == round(float(rate.value), max(places, 0)) and abs(
        value - float(rate.value)
    ) < 0.5 * 10 ** (-places) + 1e-9


def link_rates(figures: list[Figure], norm: str) -> None:
    """Set ``rate_of`` on percentages computable from counts before them (see the module docstring)."""
    starts = _sentence_starts(norm)
    sent = [_sentence_of(f.start, starts) for f in figures]
    groups = _by_sentence(sent)
    for r, rate in enumerate(figures):
        if _unit(rate) != "%" or rate.optional:
            continue
        near = groups.get(sent[r] - 1, []) + groups[sent[r]]
        earlier = [i for i in near if i < r and _linkable(figures[i])][-30:]
        for d in reversed(earlier):
            den = figures[d]
            parts = [i for i in earlier if figures[i].part_of == d]
            # contiguous runs of parts first (earliest start first), then any other subset
            options: list[tuple[int, ...]] = [
                tuple(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)
            ]
            if len(parts) <= 10:
                for size in range(2, len(parts) + 1):
                    options.extend(c for c in combinations(parts, size) if c not in options)
            # one other count in the denominator's unit (equal counts are too often a coincidence)
            options.extend(
                (i,)
                for i in earlier
                if i != d and _unit(figures[i]) == _unit(den) and i not in parts and figures[i].value != den.value
            )
            found = next(
                (o for o in options if _rate_matches(sum(figures[i].value for i in o), den.value, rate)), None
            )
            if found:
                rate.rate_of = {"numerator": list(found), "denominator": d}
                break
