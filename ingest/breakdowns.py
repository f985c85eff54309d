"""Links between figures: parts of a total (breakdowns) and the counts behind a rate.

Breakdown grammar (ANNOTATION §8 ``parts_of``):

* **cue**: a total, then 其中 / 分别 / 包括 / 涉及 (two parts or more) / a counted noun + 中 before an
  outcome (审结案件中维持401件、驳回73件) (in the same sentence, or opening the next one), then parts in the
  total's unit up to the end of that sentence; the parts may be a subset, but never add up to more than
  the total (except after 分别, which spreads over several totals), and a total that ends a 、-list of
  counts in its unit (建议106件、提案82件,其中…) is ambiguous and left alone;
* **list**: a total (or the attribute in another unit joined to it by 、: 42宗、面积37.6亩) followed
  directly by ``,``/``:``/``(``/a dash and a run of figures in its unit in the same
  sentence, either at least two that add up exactly to the total (53件,办结33件、积极解决16件、暂无法解决4件)
  or items headed by outcome words that fit in it (清理文件108件,修改12件,废止7件);
* **subset**: the next count in the unit, headed by a result (办结, 已整改, 采纳, 化解, 通过 …) and no
  larger, with a remainder right after it (发现问题64个,已整改58个,剩余6个); the next stage of a case
  (收到申请20件,受理15件,审结5件) is not a subset.

Rates: a percentage whose value is ``sum(numerator) / denominator × 100`` at its written precision,
with the numerator drawn from the parts of a count before it (or one count in the same unit) in the
same or the previous sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from itertools import combinations

from ingest.model import Figure
from ingest.normalize import normalize
from ingest.numbers import decimals

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CUE = re.compile(r"其中|分别为|分别是|分别|包括|包含|涉及|(?<=[件案项例题议])中(?=[^，,。；;、\d]{0,4}?\d)")
#: A cue made of a counted noun and 中 (审结案件中维持401件、驳回73件): only before an outcome word.
_NOUN_CUE = "中"
#: Cues that also lead a single related count (涉及群众80人): a breakdown only with two parts or more.
_LIST_ONLY_CUES = {"涉及"}
#: Cues that spread parts over several totals (各镇分别…): the parts that fit are kept.
_SPREADING_CUES = {"分别为", "分别是", "分别"}
#: What may follow a total before the list of its parts: a comma, colon, bracket or dash.
_LIST_OPENER = re.compile(r"[ \t]*(?:[,，:：(（]|[—－]{1,2}|-{2})")
_STAGE = re.compile(r"(?:依法)?(?:受理|审结|立案|结案|审理|作出)")
#: Outcome words of the breakdown code lists (document clean-up, proposals, reconsideration, litigation,
#: disclosure): a figure headed by one is a part of the count before it.
_OUTCOME = re.compile(
    r"(?:其中|依法|予以|决定|宣布|确认|已|被|均|拟)*"
    r"(?:保留|继续有效|有效|修改|修订|废止|失效|暂停执行|办结|已办结|积极解决|正在解决|列入计划|解决|暂无法解决"
    r"|暂不能解决|无法解决|采纳|维持|撤销|驳回|变更|确认违法|违法|责令履行|调解|和解|终止|胜诉|败诉|撤诉"
    r"|主动公开|部分公开|不予公开|公开|不予受理|答复|[ABCＡＢＣ]类)"
)
_RATIO_UNITS = {"%", "‰", "个百分点", "倍", "成"}


#: Everything up to the last sentence end of a stretch (greedy, then back to the last end: linear).
_LAST_END = re.compile(r"(?s:.*)[。；;！!？?\n]")
#: Parts of one breakdown, and candidates looked at around a cue or a rate: real lists are far shorter,
#: and the bounds keep a pathological text (one sentence of a million figures) linear.
MAX_SPAN = 40
#: Characters looked at around a bracket: real brackets close within a clause.
BRACKET_WINDOW = 300


class _Sentences:
    """Which sentence each figure (and each cue) is in, keyed by the sentence's start offset.

    Sentence ends are looked for only between the positions asked about, so the cost is linear in
    the text however many sentence ends (or blank lines) it has.
    """

    def __init__(self, norm: str, figures: list[Figure]) -> None:
        self.norm = norm
        self.figure_starts = [f.start for f in figures]
        self.key = self._keys(self.figure_starts)
        self.span: dict[int, tuple[int, int]] = {}  # sentence key -> figure index range [lo, hi)
        for i, k in enumerate(self.key):
            self.span[k] = (self.span.get(k, (i, i))[0], i + 1)
        self._previous: dict[int, int | None] = {}
        self._prev_pos = self._prev_key = 0

    def _keys(self, positions: list[int]) -> list[int]:
        keys, prev, key = [], 0, 0
        for pos in positions:
            if pos > prev:
                m = _LAST_END.match(self.norm, prev, pos)
                if m:
                    key = m.end()
                prev = pos
            keys.append(key)
        return keys

    def at(self, pos: int) -> int:
        """The sentence key of ``pos``; positions must be asked in ascending order."""
        if pos < self._prev_pos:
            self._prev_pos = self._prev_key = 0
        if pos > self._prev_pos:
            m = _LAST_END.match(self.norm, self._prev_pos, pos)
            if m:
                self._prev_key = m.end()
            self._prev_pos = pos
        return self._prev_key

    def previous(self, key: int) -> int | None:
        """The key of the sentence right before sentence ``key`` when it holds figures, else None."""
        if key not in self._previous:
            lo = self.span[key][0] if key in self.span else bisect_left(self.figure_starts, key)
            found = None
            if key > 0 and lo > 0:
                j = lo - 1  # the last figure before this sentence
                if _SENTENCE_END.search(self.norm, self.figure_starts[j], key - 1) is None:
                    found = self.key[j]
            self._previous[key] = found
        return self._previous[key]

    def figures_of(self, key: int) -> range:
        lo, hi = self.span.get(key, (0, 0))
        return range(lo, hi)


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


def link_breakdowns(figures: list[Figure], norm: str) -> None:
    """Set ``part_of`` on the parts of explicit breakdowns (see the module docstring)."""
    sentences = _Sentences(norm, figures)
    _link_cued(figures, norm, sentences)
    _link_lists(figures, norm, sentences.key)


def _link_cued(figures: list[Figure], norm: str, sentences: _Sentences) -> None:
    starts = sentences.figure_starts
    units = [_unit(f) for f in figures]
    linkable = [_linkable(f) for f in figures]
    for cue in _CUE.finditer(norm):
        if cue.group() == _NOUN_CUE and not _OUTCOME.match(norm, cue.end()):
            continue
        cue_sent = sentences.at(cue.start())
        in_sentence = sentences.figures_of(cue_sent)
        if not in_sentence:
            continue
        opens_sentence = _LEADING_SPACE.match(norm, cue_sent).end() >= cue.start()
        limit = _bracket_end(norm, cue_sent, cue.start())
        after: list[int] = []
        for i in range(bisect_left(starts, cue.end(), in_sentence.start, in_sentence.stop), in_sentence.stop):
            if figures[i].start >= limit or len(after) >= MAX_SPAN:
                break
            if linkable[i]:
                after.append(i)
        if not after:
            continue
        # the total: the nearest earlier figure in the same sentence (or the previous one when the
        # cue opens a sentence) whose unit the parts share
        previous = sentences.previous(cue_sent) if opens_sentence else None
        first = sentences.figures_of(previous).start if previous is not None else in_sentence.start
        before = [
            i
            for i in range(bisect_left(starts, cue.start(), first, in_sentence.stop) - 1, first - 1, -1)[:MAX_SPAN]
            if figures[i].end <= cue.start() and linkable[i]
        ]
        for unit in dict.fromkeys(units[i] for i in after):
            t = next((i for i in before if units[i] == unit), None)
            if t is None:
                continue
            if figures[t].part_of is not None:
                continue
            parts = [i for i in after if units[i] == unit and figures[i].part_of is None]
            if cue.group() in _LIST_ONLY_CUES and len(parts) < 2:
                break
            if cue.group() not in _SPREADING_CUES and not _fits([figures[i] for i in parts], figures[t]):
                break  # parts adding up to more than the total are not its breakdown
            if _parallel_total(figures, t, norm):
                break  # 建议106件、提案82件,其中主办50件: which total is meant is not said
            # a cue with 分别 may distribute over several totals; keep the parts that fit
            for i in _fitting_prefix(parts, figures, figures[t]):
                figures[i].part_of = t
            break


def _parallel_total(figures: list[Figure], t: int, norm: str) -> bool:
    """Whether the total is the last of a 、-list of counts in its unit (建议106件、提案82件)."""
    if t == 0 or _unit(figures[t - 1]) != _unit(figures[t]):
        return False
    between = norm[figures[t - 1].end : figures[t].start]
    return "、" in between and len(between) <= 20 and not _SENTENCE_END.search(between) and "," not in between \
        and "，" not in between


def _fitting_prefix(parts: list[int], figures: list[Figure], total: Figure) -> list[int]:
    """The longest prefix of ``parts`` whose values add up to no more than the total."""
    acc = 0.0
    for k, i in enumerate(parts):
        acc += figures[i].value
        if acc > total.value + 1e-9:
            return parts[:k]
    return parts


_LEADING_SPACE = re.compile(r"[ \t\u3000]*")
_CLOSE = re.compile(r"[)）]")


def _bracket_end(norm: str, sentence_start: int, pos: int) -> int:
    """When ``pos`` is inside brackets opened in its sentence, where they close; else no limit."""
    head = norm[max(sentence_start, pos - BRACKET_WINDOW) : pos]
    opened = max(head.rfind("("), head.rfind("（"))
    if opened < 0 or max(head.rfind(")"), head.rfind("）")) > opened:
        return len(norm)
    close = _CLOSE.search(norm, pos, pos + BRACKET_WINDOW)
    return close.start() if close else len(norm)


def _link_lists(figures: list[Figure], norm: str, sent: list[int]) -> None:
    totals = {f.part_of for f in figures if f.part_of is not None}
    for t, total in enumerate(figures):
        if not _linkable(total) or total.part_of is not None or t in totals:
            continue
        attribute = _attribute(figures, t, norm, sent)
        head_total = total if attribute is None else replace(total, end=figures[attribute].end)
        if not _LIST_OPENER.match(norm, head_total.end, head_total.end + 3):
            continue
        run: list[int] = []
        first = t + 1 if attribute is None else attribute + 1
        for i in range(first, min(len(figures), first + MAX_SPAN)):
            f = figures[i]
            if sent[i] != sent[t] or _unit(f) != _unit(total) or f.part_of is not None or not _linkable(f):
                break
            run.append(i)
        if _STAGE.match(norm[head_total.end : head_total.end + 8].lstrip(" \t,，:：")):
            # 收到20件,受理15件: the accepted are a subset; 受理76件,不予受理11件: both sides of the total
            parts = _complement(figures, run, head_total, norm) or _subset(figures, run, head_total, norm)
        else:
            parts = (
                _exact_prefix(figures, run, head_total, norm)
                or _outcome_prefix(figures, run, head_total, norm)
                or _elaboration(figures, run, head_total, norm)
                or _subset(figures, run, head_total, norm)
            )
        for j in parts:
            figures[j].part_of = t
        if parts:
            totals.add(t)


#: An attribute of a total in another unit, joined by 、 (违法用地42宗、面积37.6亩).
_ATTRIBUTE_JOIN = re.compile(r"、[^,，。；;:：、\d]{0,6}")


def _attribute(figures: list[Figure], t: int, norm: str, sent: list[int]) -> int | None:
    """The index of a figure in another unit that qualifies the total right after it, else None; its
    parts follow that attribute (排查违法用地42宗、面积37.6亩,已整改39宗,剩余3宗)."""
    a = t + 1
    if a >= len(figures) or sent[a] != sent[t] or _unit(figures[a]) == _unit(figures[t]):
        return None
    m = _ATTRIBUTE_JOIN.match(norm, figures[t].end, figures[a].start)
    return a if m and m.end() == figures[a].start else None


#: What heads the part of a count that went through to a later stage or a result (ANNOTATION §8, an
#: explicit subset): 受理1527件,办结1498件; 发现问题87条,已整改81条; 参考164人,通过151人.
_SUBSET = re.compile(
    r"(?:已办理|(?:其中|依法|已|均|全部|累计|共|按期|按时|及时|予以|成功)*"
    r"(?:办结|整改到位|整改|采纳|化解|调解成功|成功调解|调处成功|通过|合格|不合格|优秀|良好|立案|答复|解决|落实|销号"
    r"|办复|清零))$"
)
_REMAINDER = re.compile(r"(?:剩余|其余|尚余|尚有|未)")


def _subset(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """The next count, headed by a later stage or result and no larger, as a subset of the total; with
    the remainder right after it (已整改39宗,剩余3宗)."""
    if not run:
        return []
    first = run[0]
    head = norm[total.end : figures[first].start].strip(" \t,，;；:：、")
    if len(head) > 8 or not _SUBSET.search(head) or figures[first].value > total.value:
        return []  # the result word right before the count (县公安局立案15件, 抽检…不合格29批次)
    parts = [first]
    if len(run) > 1:
        head = norm[figures[first].end : figures[run[1]].start].strip(" \t,，;；:：、")
        if _REMAINDER.match(head) and _fits([figures[first], figures[run[1]]], total):
            parts.append(run[1])
    return parts


_NEGATION = re.compile(r"(?:依法)?(?:不予|不|未|没有)")


def _complement(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """A stage and its negation that add up exactly to the total (87件,受理76件,不予受理11件)."""
    if len(run) < 2:
        return []
    first, second = figures[run[0]], figures[run[1]]
    head = norm[total.end : first.start].strip(" \t,，;；:：、")
    other = norm[first.end : second.start].strip(" \t,，;；:：、")
    negation = _NEGATION.match(other)
    if not head or not negation or other[negation.end() :] != head.removeprefix("依法"):
        return []
    return run[:2] if abs(first.value + second.value - total.value) < 1e-9 else []


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
    r"演练|考试|培训|座谈|会议|接待|发放|印发|出台|制定|起草|签订|聘请|选派|评选|表彰|检查|巡查|抽查|评查|推送|发布|"
    r"张贴|悬挂|播放|发送|刊发|刊登|制作|录制|投放|展播|编印|推出|设立|建成|开通|慰问|走访"
)


def _own_activity(head: str) -> bool:
    """Whether the words before a list item name an activity of its own rather than a part of the total."""
    head = head.strip(" \t,，、;；:：")
    return bool(_ACTIVITY.search(head)) and not _OUTCOME.match(head)


def _elaboration(figures: list[Figure], run: list[int], total: Figure, norm: str) -> list[int]:
    """Parts spelled out after a colon or inside brackets right after the total, as far as they fit:
    培训5场:执法培训2场、普法培训2场 / 54项(承接26项、取消24项…)."""
    sep = re.match(r"[ \t]*(?:[:：(（]|[—－]{1,2}|-{2})", norm[total.end : total.end + 3])
    if not sep:
        return []
    limit = len(norm)
    if sep.group().strip() in "(（":
        close = _CLOSE.search(norm, total.end, total.end + BRACKET_WINDOW)
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


#: Units that count the same things for a rate (选派126名…通过118人,通过率93.65%).
_PEOPLE = {"名": "人", "位": "人"}


class _RateTest:
    """Whether ``numerator / denominator × 100`` gives a stated percentage at its written precision."""

    def __init__(self, rate: Figure) -> None:
        self.places = max(decimals(rate.text.rstrip("%‰ ").replace(",", "")), 0)
        self.value = float(rate.value)
        self.tolerance = 0.5 * 10 ** (-self.places) + 1e-9

    def __call__(self, numerator: float, denominator: float) -> bool:
        if denominator <= 0:
            return False
        value = numerator / denominator * 100
        return abs(value - self.value) < self.tolerance and round(value, self.places) == round(self.value, self.places)

    def numerator_range(self, denominator: float) -> tuple[float, float]:
        """The numerators that can pass, widened a little (the exact test decides)."""
        return ((self.value - 2 * self.tolerance) * denominator / 100, (self.value + 2 * self.tolerance) * denominator / 100)


def link_rates(figures: list[Figure], norm: str) -> None:
    """Set ``rate_of`` on percentages computable from counts before them (see the module docstring)."""
    sentences = _Sentences(norm, figures)
    units = [_unit(f) for f in figures]
    linkable = [_linkable(f) for f in figures]
    for r, rate in enumerate(figures):
        if units[r] != "%" or rate.optional:
            continue
        previous = sentences.previous(sentences.key[r])
        first = sentences.figures_of(previous if previous is not None else sentences.key[r]).start
        earlier = [i for i in range(max(first, r - 4 * MAX_SPAN), r) if linkable[i]][-30:]
        test = _RateTest(rate)
        parts_of: dict[int, list[int]] = {}
        by_unit: dict[str, list[tuple[float, int]]] = {}
        for i in earlier:
            if figures[i].part_of is not None:
                parts_of.setdefault(figures[i].part_of, []).append(i)
            by_unit.setdefault(_PEOPLE.get(units[i], units[i]), []).append((float(figures[i].value), i))
        for values in by_unit.values():
            values.sort()
        for d in reversed(earlier):
            den = figures[d]
            if den.value <= 0:
                continue
            parts = parts_of.get(d, [])
            found = _numerator_from_parts(parts, figures, den, test) or _numerator_single(
                by_unit[_PEOPLE.get(units[d], units[d])], parts, d, den, test
            )
            if found:
                rate.rate_of = {"numerator": list(found), "denominator": d}
                break


def _numerator_from_parts(parts: list[int], figures: list[Figure], den: Figure, test: _RateTest) -> tuple[int, ...]:
    """Parts of the denominator that make the rate: contiguous runs first (earliest start first), then
    any other subset."""
    if not parts:
        return ()
    options: dict[tuple[int, ...], None] = {
        tuple(parts[a:b]): None for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)
    }
    if len(parts) <= 10:
        for size in range(2, len(parts) + 1):
            options.update(dict.fromkeys(combinations(parts, size)))
    return next((o for o in options if test(sum(figures[i].value for i in o), den.value)), ())


def _numerator_single(
    values: list[tuple[float, int]], parts: list[int], d: int, den: Figure, test: _RateTest
) -> tuple[int, ...]:
    """One other count in the denominator's unit (the earliest that fits; equal counts are too often a
    coincidence). ``values`` holds (value, index) of the counts in that unit, sorted."""
    lo, hi = test.numerator_range(float(den.value))
    k = bisect_left(values, (lo, -1))
    fits = []
    while k < len(values) and values[k][0] <= hi:
        value, i = values[k]
        if i != d and i not in parts and value != den.value and test(value, den.value):
            fits.append(i)
        k += 1
    return (min(fits),) if fits else ()
