"""Figures: every count, amount, rate and duration in a report, with breakdowns and rates.

The component ``extract_figures(doc)`` fills ``doc.figures`` (ANNOTATION §8, §11):

1. ``_candidates`` scans ``doc.norm`` for a number (Arabic, Chinese, 万/亿-scaled) followed by an
   approximation word (余/多), a unit from ``ingest.indicators.UNITS`` and a post-qualifier (以上 …);
2. ``_excluded`` drops years, dates, ordinals, sessions, document numbers, numbers inside 《》 and
   “”, names/versions, idioms and political formulas, section numbers and the CMS header;
3. ``_range_low`` adds the lower bound of a range written with one unit (3至5天 → 3 天, 5 天);
   ``_optional`` marks hierarchy words (两级), cycles (连续N年, 四年年审), frequencies (每年…一次)
   and fixed formulas (N次来陕考察);
4. ``ingest.breakdowns`` links parts to their total (其中/分别/a list right after the total) and
   rates to their numerator and denominator;
5. measures (the clause in the text's own words) and indicators (``ingest.indicators``) are added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.iri import instance
from ingest.breakdowns import link_breakdowns, link_rates
from ingest.indicators import UNITS, match_indicator
from ingest.model import Doc, Figure
from ingest.normalize import normalize
from ingest.numbers import CN_NUMERAL_CHARS, as_number, parse_arabic, parse_chinese

# --- the figure grammar -------------------------------------------------------------------------

_UNITS_BY_LENGTH = sorted(UNITS, key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS_BY_LENGTH)
_SPACE = r"[ \t\u3000\u00a0]{0,2}"
#: number (Arabic with optional 万/亿, or Chinese), 余/多, unit, post-qualifier. Numbers start only at the
#: start of a digit or numeral run and are matched possessively, so long runs cost linear time.
FIGURE_RE = re.compile(
    rf"(?=[\d{CN_NUMERAL_CHARS}])"  # a leading character class lets the engine skip to candidate starts fast
    rf"(?P<num>(?P<ar>(?<![\d.])(?:\d{{1,3}}(?:,\d{{3}})++(?:\.\d++)?|\d++(?:\.\d++)?))"
    rf"(?P<scale>{_SPACE}[万亿](?![万亿]*元))?|(?P<cn>(?<![{CN_NUMERAL_CHARS}])[{CN_NUMERAL_CHARS}]++))"
    rf"{_SPACE}(?P<more>[余多])?(?P<scale2>[万亿](?![万亿]*元))?{_SPACE}(?P<unit>{_UNIT_RE})(?P<post>以上|左右|以内|以下)?"
)
#: Scale characters that money keeps in its unit as written (ANNOTATION §11.3: 20万元 → 20 万元).
_MONEY_SCALES = re.compile(r"(?:万亿|亿|万)$")

#: Qualifier words written before the number (longest first) → qualifier.
PRE_QUALIFIERS: dict[str, str] = {
    "不超过": "at-most", "不多于": "at-most", "不高于": "at-most", "最多": "at-most", "至多": "at-most",
    "不少于": "at-least", "不低于": "at-least", "至少": "at-least",
    "不足": "less-than", "不到": "less-than", "少于": "less-than", "低于": "less-than", "未满": "less-than",
    "超过": "more-than", "多于": "more-than", "高于": "more-than", "逾": "more-than", "超": "more-than",
    "将近": "approx", "接近": "approx", "大约": "approx", "约": "approx", "近": "approx",
}  # fmt: skip
_PRE_QUAL_RE = re.compile("(?:" + "|".join(sorted(PRE_QUALIFIERS, key=len, reverse=True)) + r")[ \u3000]?$")
#: Words that end in a qualifier character without qualifying (签约12家, 预约3000人次, 就近5个站点).
NOT_QUALIFIERS = {
    "签约", "预约", "履约", "制约", "节约", "邀约", "特约", "公约", "合约", "违约", "守约", "践约", "赴约", "租约",
    "缔约", "集约", "相约", "解约", "续约", "附近", "就近", "邻近", "临近", "靠近", "贴近", "走近", "赶超",
}  # fmt: skip
POST_QUALIFIERS = {"以上": "at-least", "左右": "approx", "以内": "at-most", "以下": "at-most"}
INNER_QUALIFIERS = {"余": "more-than", "多": "more-than"}

#: A character after the unit that turns unit + char into a word (项目, 条例, 人民, 部门 …).
UNIT_BLOCKERS: dict[str, str] = {
    "项": "目", "条": "例件款", "人": "民大员才口力事身格文性权均", "部": "门署分长委", "名": "称单额义",
    "场": "所地景馆合", "家": "庭长属乡", "户": "籍外口型", "期": "间限满刊末初中工项", "所": "有属得在以需",
    "处": "理罚置分长室", "支": "持撑付出部", "批": "准复示评", "次": "性", "个": "体",
    "种": "植养", "类": "型似", "本": "地级部区市县年单职次身着质源领", "张": "网图",
    "位": "置于", "起": "草来", "台": "账村山湾区县镇乡市州阶", "级": "抓", "年": "度底初末中级代", "天": "然",
    "米": "面", "笔": "录", "块": "状", "座": "谈", "封": "闭", "册": "子", "元": "化素旦结件",
    "成": "立果效功为员本熟绩都交型年长就品套文片规建风色像人批案诉份分器不",
    "门": "户诊槛前类店牌口窗面禁卫", "讲": "话座解授述究评师堂坛", "节": "日约省点能假庆目奏课水电期",
}  # fmt: skip
#: Words that begin with a blocker character and stand on their own after a count, so the unit is not
#: part of a word: 14家|乡镇卫生院 (not 家乡), 3名|单位负责人 (not 名单), 5项|目标任务 (not 项目).
UNBLOCKING_WORDS: dict[str, tuple[str, ...]] = {
    "家": ("乡镇", "乡村", "乡街", "乡级", "属企业"), "名": ("单位", "义务"), "项": ("目标",),
    "期": ("中层", "中青年", "工作人员"), "户": ("外出",), "场": ("合规",),
    "人": ("口头", "均已", "均为", "均达", "均获", "均通过", "均合格", "均取得", "均参加", "均按"),
}  # fmt: skip

#: Fixed phrases whose number is not a count (idioms, political formulas, reform names); masked
#: wherever they do not continue a longer numeral.
IDIOMS: tuple[str, ...] = (
    "三个代表", "四个意识", "四个自信", "两个维护", "两个确立", "四个全面", "两个一百年", "五位一体",
    "两个毫不动摇", "三个务必", "两个结合", "三个区分开来", "四个最严", "两个责任", "三项制度",
    "八项规定", "一个中心", "两个基本点", "一件事", "一次办", "一次性", "一个窗口", "一枚印章",
    "一个机构", "一支队伍", "一张网", "一张图", "一张蓝图", "一张表", "一个流程", "一套材料",
    "一起", "一批", "一年", "一级", "一把", "一本账", "一站式", "一个也不能少", "两个条例",
    "一份材料", "一次也不跑", "四套班子", "两套班子", "一个都不能少", "一个不少", "一条龙",
    "一本通", "一支笔", "一把尺", "一张表单", "两个全覆盖", "三个转变", "四个不摘", "两个务必",
    "一个平台", "一张清单", "一个标准", "一个门", "一次告知", "一门心思",
)  # fmt: skip
#: Characters before a number that make it an ordinal, a rank, a label or part of a word.
_ORDINAL_BEFORE = set("第前每初")
#: Classifiers that after a bare 一 make an indefinite article (一套, 一种, 一支, 一张, 一类, 一条 …).
_ARTICLE_UNITS = {"套", "种", "支", "张", "类", "条", "批", "块", "股"}
_WORD_BEFORE_CN = set("统唯之同万逐划合整专单进再又这那上下某哪任归一跑数几")


@dataclass
class Candidate:
    """A raw match before exclusion: offsets are into the text."""

    start: int  # number start (span start)
    end: int  # span end
    num_text: str
    value: int | float
    unit: str
    qualifier: str
    chinese: bool
    written_unit: str  # the unit as written (traditional, full-width); ``unit`` is its simplified form


def _protected_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans whose numbers are never figures: 《》, “”, known mentions, document numbers, the header."""
    norm = doc.norm
    spans: list[tuple[int, int]] = []
    for pattern in (
        r"《[^《》\n]*》",
        r"“[^“”\n]*”",
        r"‘[^‘’\n]*’",
        r"「[^「」\n]*」",
        r"『[^『』\n]*』",
        r'"[^"\n]{1,40}"',  # ASCII quotes used as “”
        r"〔\d{4}〕\d*号?",
        r"\[\d{4}\]\d*号?",
    ):
        spans.extend(m.span() for m in re.finditer(pattern, norm))
    for mention in (*doc.regulations, *doc.mechanisms, *doc.quoted_other):
        spans.append((mention.start, mention.end))
    header_end = doc.meta.header_end or _header_end(doc.text)
    if header_end:
        spans.append((0, header_end))
    return spans


def _header_end(text: str) -> int:
    """The end of a leading CMS ``- key:value`` list, or 0."""
    m = re.match(r"(?:[ \t]*-[ \t]*[^\n:：]{1,12}[:：][^\n]*\n)+", text)
    return m.end() if m else 0


def _mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for s, e in spans:
        mask[max(s, 0) : min(e, length)] = b"\x01" * (min(e, length) - max(s, 0))
    return mask


_IDIOM_RE = re.compile(
    "(?=[" + "".join(sorted({idiom[0] for idiom in IDIOMS})) + "])"  # fast skip to possible starts
    rf"(?<![{CN_NUMERAL_CHARS}])(?:" + "|".join(sorted(map(re.escape, IDIOMS), key=len, reverse=True)) + ")"
)


def _idiom_spans(norm: str) -> list[tuple[int, int]]:
    """Fixed phrases (``IDIOMS``) and 一X一Y patterns (一人一档, 一级抓一级): their numbers are not counts."""
    spans = [m.span() for m in _IDIOM_RE.finditer(norm)]
    spans.extend(m.span() for m in re.finditer(r"一(.)[^\s，,。、；;]{0,2}一\1", norm))
    spans.extend(m.span() for m in re.finditer(r"一[^\s，,。、；;一]一[^\s，,。、；;]", norm))
    return spans


_CN_DIGITS_AND_TEN = set("零〇○一壹二贰两兩俩三叁四肆五伍六陆七柒八捌九玖十拾")


def _parse(m: re.Match[str], norm: str) -> tuple[int | float, bool] | None:
    """The value of a figure match (万/亿 multiplied out) and whether it is a Chinese numeral."""
    scale2 = m.group("scale2")  # 50余万人: the scale after the approximation word
    factor = 1 if not scale2 else (10_000 if scale2 == "万" else 100_000_000)
    if m.group("ar") is not None:
        value = parse_arabic(m.group("ar"))
        if value is None:
            return None
        scale = (m.group("scale") or "").strip()
        if scale:
            value = as_number(value * (10_000 if scale == "万" else 100_000_000))
        return as_number(value * factor), False
    cn = m.group("cn")
    money_scale = _MONEY_SCALES.search(cn) if m.group("unit") == "元" else None
    if money_scale and money_scale.start() > 0:
        cn = cn[: money_scale.start()]  # 一万亿元: the scale stays in the unit
    if not any(ch in _CN_DIGITS_AND_TEN for ch in cn):
        if not (m.group("more") or _PRE_QUAL_RE.search(norm, max(0, m.start() - 4), m.start())):
            return None  # bare 百/千/万 is not a number, except 百余家, 近千人
        cn = "一" + cn
    if re.search(r"[一二两三四五六七八九]{2}", cn) and not re.search(r"[零〇○]", cn) and len(cn) < 4:
        return None  # 两三次, 三四个, 十二三: a vague range, not a number
    value = parse_chinese(cn)
    return (as_number(value * factor), True) if value is not None else None


#: An approximation word inside a 个 unit: 两个多月, 一个半小时, 3个余工作日.
_SPLIT_UNIT = re.compile(r"([多余半])(月|小时|工作日)")


def _candidates(doc: Doc) -> list[Candidate]:
    """Every number + unit match in the text, with money units fixed up (20万元 → 20 万元)."""
    norm = doc.norm
    found: list[Candidate] = []
    pos = 0
    while True:
        m = FIGURE_RE.search(norm, pos)
        if m is None:
            break
        pos = m.end()
        start = m.start("num")
        # a number glued to a longer digit/letter run (G20, 3A, 1.2.3) is a label
        if start > 0 and re.match(r"[0-9A-Za-z.·/]", norm[start - 1]):
            continue
        parsed = _parse(m, norm)
        if parsed is None:
            pos = m.start() + 1
            continue
        value, chinese = parsed
        unit = m.group("unit")
        written = doc.text[m.start("unit") : m.end("unit")]  # traditional or full-width as in the text
        num_text = m.group("num")
        money_scale = _MONEY_SCALES.search(num_text) if chinese and unit == "元" else None
        if money_scale and money_scale.start() > 0:
            scale_at = m.start("cn") + money_scale.start()  # 三万元 → 3 万元, 一万亿元 → 1 万亿元
            unit, written = money_scale.group(0) + "元", doc.text[scale_at : m.end("cn")] + written
            value = parse_chinese(num_text[: money_scale.start()]) or 0
            num_text = num_text[: money_scale.start()]
        elif m.group("scale") and unit == "元":
            scale_at = m.end("scale") - 1
            unit, written = norm[scale_at] + "元", doc.text[scale_at] + written  # 3万余元 → 3 万元
            value = parse_arabic(m.group("ar")) or 0
        qualifier = "exact"
        end = m.end()
        split = _SPLIT_UNIT.match(norm, end) if unit == "个" and not m.group("post") else None
        if split:  # 两个多月, 一个半小时 → 个月 / 个小时, more than the count
            end = split.end()
            unit, written = "个" + split.group(2), written + doc.text[split.start(2) : end]
            if split.group(1) == "半":
                value = as_number(value + 0.5)
            else:
                qualifier = "more-than"
        if m.group("more"):
            qualifier = INNER_QUALIFIERS[m.group("more")]
        if m.group("post"):
            qualifier = POST_QUALIFIERS[m.group("post")]
        pre = _PRE_QUAL_RE.search(norm, max(0, start - 4), start)
        if pre and norm[max(0, pre.start() - 1) : pre.start()] + pre.group(0).strip() in NOT_QUALIFIERS:
            pre = None
        if pre:
            qualifier = PRE_QUALIFIERS[pre.group(0).strip()]
        found.append(Candidate(start, end, num_text, value, unit, qualifier, chinese, written))
    found.extend(_percent_words(doc))
    found.sort(key=lambda c: c.start)
    return found


_PERCENT_WORDS_RE = re.compile(rf"百分之(?P<int>[{CN_NUMERAL_CHARS}]+|\d+)(?:点(?P<frac>[零〇一二三四五六七八九]+))?")


def _percent_words(doc: Doc) -> list[Candidate]:
    """Percentages written out in words: 百分之百 → 100 %, 百分之九十五点五 → 95.5 %."""
    found = []
    for m in _PERCENT_WORDS_RE.finditer(doc.norm):
        whole = m.group("int")
        value = parse_arabic(whole) if whole.isdigit() else parse_chinese(whole if whole != "百" else "一百")
        if value is None:
            continue
        if m.group("frac"):
            digits = "".join(str(parse_chinese(ch)) for ch in m.group("frac"))
            value = as_number(float(f"{value}.{digits}"))
        found.append(Candidate(m.start(), m.end(), m.group(0), value, "%", "exact", True, "%"))
    return found


# --- exclusion rules ------------------------------------------------------------------------------


#: Words that close a slogan of the form N个X (a formula, not N things): 三个统一, 四个到位, 两个结合.
_FORMULA_TAIL = re.compile(
    r"(?:到位|统一|结合|转变|坚持|必须|务必|确保|意识|自信|维护|确立|全面|优先|同步|满意|放心|不变|不动摇|服务|"
    r"严禁|一律|凡是|不准|禁止|抓手|区分|区分开来|敢于|善于)(?:[，,。；;、“”)）\s]|$)"
)
#: Verbs of change after the first member of a before/after pair (由91.2分提升至93.5分).
_CHANGE_VERB = re.compile(r"(?:提升|提高|上升|增加|增长|下降|降低|减少|降至|升至|增至|提至|至|到)")
_SERVICE_CIRCLE = re.compile(r"[^，,。；;、\s]{0,10}圈")


def _excluded(c: Candidate, norm: str, mask: bytearray) -> bool:
    """True when the candidate is not a figure (ANNOTATION §8 "What is excluded")."""
    if any(mask[c.start : c.end]):
        return True
    lead = norm[max(0, c.start - 4) : c.start].rstrip(" \t\u3000")
    before = lead[-1] if lead else ""
    after = norm[c.end] if c.end < len(norm) else ""
    unit = c.unit
    if before in _ORDINAL_BEFORE and not re.search(r"(?:提|目|此|之|日|当|事|以|年|月)前$", lead):
        return True  # 第一次, 前10名, 每一项, 初一 (but 提前3天, 目前13个)
    if c.chinese and before in _WORD_BEFORE_CN:
        return True  # 统一, 唯一, 之一, 进一步, 再一次, 跑一次
    if c.chinese and c.num_text == "一":
        if unit in _ARTICLE_UNITS:
            return True  # 一套机制, 一种模式, 一支队伍: the indefinite article, not a count
        if re.search(r"(?:作为|成为|是|为|属于)$", lead):
            return True  # 作为一项重要工作
    blockers = UNIT_BLOCKERS.get(unit, "")
    if after and after in blockers and not any(norm.startswith(w, c.end) for w in UNBLOCKING_WORDS.get(unit, ())):
        return True  # the unit starts a word: 3项目, 两条例, 人民
    if c.chinese and re.match(r"一|位一体", norm[c.end : c.end + 3]) and unit in ("个", "位"):
        return True  # formulas: 四个一, 三个一批, 五位一体
    if c.chinese and unit == "个" and _FORMULA_TAIL.match(norm, c.end):
        return True  # slogans: 坚持三个统一, 做到四个到位, 树立三个意识
    rest = norm[c.end : c.end + 4].rstrip()
    if rest and c.end + len(rest) >= len(norm.rstrip()) and any(
        u.startswith(unit + rest) and u != unit + rest for u in UNITS
    ):
        return True  # the end of the text cuts the unit off: 5个工|
    if unit in ("分钟", "小时", "个小时", "公里", "米") and _SERVICE_CIRCLE.match(norm, c.end):
        return True  # a label: 15分钟公共法律服务圈, 半小时政务服务圈
    if unit == "成" and (c.value > 10 or c.value != int(c.value)):
        return True  # 成 (tenths) counts one to ten: 两成, 八成以上
    if unit == "分" and lead[-1:] in ("时", "点"):
        return True  # a clock time: 9时30分, 下午3点15分
    if unit == "分" and (c.chinese or (re.match(r"[\u3400-\u9fff]", after) and not _CHANGE_VERB.match(norm, c.end))):
        return True  # a score (92.6分) only as a plain number closing its clause: not 十分, 3分局
    if len(re.sub(r"\D", "", c.num_text)) > 12:
        return True  # a long digit run is an identifier, not a figure
    if unit == "年":
        if not c.chinese and c.value >= 1000:
            return True  # a year: 2019年
        if c.chinese and all(ch in "零〇○一二三四五六七八九" for ch in c.num_text) and len(c.num_text) >= 2:
            return True  # 二〇一九年
        if re.match(r"(?:行动|计划|规划|攻坚|工程|方案|目标|以前|前|来|以来)", norm[c.end : c.end + 2]):
            return True  # 三年行动 (a plan label), 5年前 (a time point), 三年来 (a reference period)
        if re.search(r"(?:近|过去|最近|这|前|后|一个)$", norm[max(0, c.start - 2) : c.start]):
            return True  # 近三年 (a reference period)
    if unit == "日" and "月" in lead[-1:]:
        return True  # a day of the month (10月1日)
    if unit == "日" and c.qualifier == "exact" and not re.match(r"(?:内|以内|之内)", norm[c.end : c.end + 2]):
        return True  # a day of the month (10月1日); 日 is a duration only in a time limit (15日内)
    if unit == "次" and re.match(r"(?:会议|全会|党代会|代表大会)", norm[c.end : c.end + 4]):
        if "届" in norm[max(0, c.start - 8) : c.start]:
            return True  # 十三届人大一次会议
    if unit == "级" and c.value == 1:
        return True  # 一级 is a grade label
    if unit == "级" and re.match(r"(?:医院|公路|响应|预警|资质|职称|主任|调研员|巡视员|以上医院)", norm[c.end : c.end + 3]):
        return True
    if unit in ("名", "位") and re.search(r"(?:排名|位列|位居|名列|居)$", norm[max(0, c.start - 3) : c.start]):
        return True  # ranks
    if unit == "%" and re.search(r"(?:前|后)$", norm[max(0, c.start - 1) : c.start]):
        return True  # 前10% (a rank band)
    if re.search(r"(?:浏览|点击|阅读|访问)(?:次数|量|数)?[:：]\s*$", norm[max(0, c.start - 6) : c.start]):
        return True  # page furniture: 浏览次数:1234次
    return False


#: A period of a standing practice before a frequency: 每年…一次, 每3至5天…一次, 每两个月…一次.
_EVERY_PERIOD = re.compile(
    rf"每(?:[\d{CN_NUMERAL_CHARS}]+(?:[至到~-][\d{CN_NUMERAL_CHARS}]+)?个?)?(?:年|月|季度|季|周|半年|天|日|工作日)[^，,。；;]*$"
)


def _optional(c: Candidate, norm: str) -> bool:
    """Hierarchy words, cycles, frequencies, service hours and fixed formulas (never scored)."""
    if c.unit == "级":
        return True  # 镇村两级, 四级相互衔接
    window = norm[max(0, c.start - 12) : c.start]
    if c.unit == "年" and (re.search(r"连续$", window) or re.match(r"(?:年审|一审|一次|一换)", norm[c.end : c.end + 2])):
        return True  # 连续3年, 四年年审
    if c.unit in ("次", "场", "场次", "期", "轮") and c.value <= 4 and _EVERY_PERIOD.search(window):
        return True  # 每年年初召开一次专题会议
    if c.unit == "次" and re.match(r"(?:来|到|莅临|亲临)[^，,。；;]{0,6}(?:考察|视察)", norm[c.end : c.end + 10]):
        return True  # 三次来陕考察 (a fixed formula)
    if c.unit in ("小时", "个小时") and (
        re.match(r"(?:自助|服务|不打烊|值班|在线|营业|全天候|热线|咨询|受理|响应)", norm[c.end : c.end + 3])
        or re.search(r"[×xX*]$", norm[max(0, c.start - 1) : c.start])
    ):
        return True  # 24小时自助服务, 7×24小时
    return False


# --- ranges (3至5天, 三到五个工作日) ------------------------------------------------------------------

_RANGE_LOW_RE = re.compile(
    rf"(?:(?P<ar>(?<![\d.])(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?))|(?P<cn>(?<![{CN_NUMERAL_CHARS}])[{CN_NUMERAL_CHARS}]+))"
    r"[ \t\u3000]?(?:至|到|~|～|-|－|—)[ \t\u3000]?$"
)
_TRAILING_SCALE = re.compile(r"[万亿]+$")
_RANGE_JOINERS = set("至到~～-－— \t\u3000")


def _range_low(c: Candidate, norm: str, mask: bytearray, floor: int) -> tuple[bool, Candidate | None]:
    """The lower bound of a range whose unit is written once (3至5天: 3 天 and 5 天), as a candidate.

    Returns ``(drop, low)``: ``drop`` when the range is an ordinal or a frequency (第3至5批, 每3至5天),
    so the upper bound is no figure either.
    """
    if c.start == 0 or norm[c.start - 1] not in _RANGE_JOINERS:
        return False, None
    m = _RANGE_LOW_RE.search(norm, max(floor, c.start - 16), c.start)
    if m is None or (m.group("cn") is not None) != c.chinese or any(mask[m.start() : m.end()]):
        return False, None
    before = norm[m.start() - 1] if m.start() > 0 else ""
    if before in _ORDINAL_BEFORE:
        return True, None
    if re.match(r"[0-9A-Za-z.·/]", before):
        return False, None
    num = m.group("ar") or m.group("cn")
    value = parse_arabic(num) if m.group("ar") else parse_chinese(num)
    base = parse_arabic(_TRAILING_SCALE.sub("", c.num_text)) if not c.chinese else parse_chinese(
        _TRAILING_SCALE.sub("", c.num_text) or "一"
    )
    if value is None or not base:
        return False, None
    value = as_number(value * c.value / base)  # the upper bound's 万/亿 applies to both (3至5万人)
    if not value < c.value:
        return False, None
    start = m.start("ar") if m.group("ar") else m.start("cn")
    return False, Candidate(start, start + len(num), num, value, c.unit, "at-least", c.chinese, c.written_unit)


# --- measure and iri --------------------------------------------------------------------------------

_CLAUSE_BREAK = "，,。；;：:！!？?\n、"
_LEAD_STRIP = re.compile(r"^[\s，,。；;：:、]*(?:其中|同时|并|共计|共|累计|全年|以及|和|及)?[\s，,：:]*")


_HEAD_RE = re.compile(r"[^，,。；;：:！!？?\n]*$")  # a clause head may hold a 、 list (人大代表、政协委员)
_TAIL_RE = re.compile(rf"[^{_CLAUSE_BREAK}]*")
_SENTENCE_HEAD_RE = re.compile(r"[^。；;\n]*$")
_MARKER_END_RE = re.compile("(?:" + "|".join(sorted(PRE_QUALIFIERS, key=len, reverse=True)) + ")$")


def _measure(text: str, start: int, end: int, prev_end: int, next_start: int) -> str:
    """The words of the figure's clause: text before it (back to a break or the previous figure),
    then the counted noun after it (up to the next figure) when the figure precedes its noun
    (认领5476项行政权力事项)."""
    lo = min(start, max(prev_end, start - 40))
    raw_head = _HEAD_RE.search(text, lo, start).group(0)  # type: ignore[union-attr]
    head = raw_head
    if prev_end and start - len(head) == prev_end:
        head = head.rsplit("、", 1)[-1]  # an item of a list of figures: 1期…、2期行政执法人员培训班
    head = _MARKER_END_RE.sub("", _LEAD_STRIP.sub("", head).strip()).strip(" ()（）")
    if not re.search(r"\w", head):
        head = ""
    tail = _TAIL_RE.match(text, end, min(next_start, end + 30)).group(0).strip()  # type: ignore[union-attr]
    if tail and not re.fullmatch(r"以上|左右|以内|以下", tail) and tail[0] not in "(（)）":
        return head + tail
    if not head and raw_head.strip():
        return _carried_over(text, start - len(raw_head), prev_end, raw_head.strip())
    return head


def _carried_over(text: str, clause_start: int, prev_end: int, lead: str) -> str:
    """A clause of only a lead word (…配备法治副校长,共计1,126名): the clause before it, in parentheses."""
    comma = clause_start - 1
    if comma < 0 or comma < prev_end or text[comma] not in ",，":
        return ""
    before = _HEAD_RE.search(text, max(prev_end, comma - 40), comma).group(0).strip()  # type: ignore[union-attr]
    return f"({before}){lead}" if re.search(r"\w", before) else ""


#: What leads a total's measure before its noun: time, scope, 共/累计 and the verb (收到人大代表建议 → 人大代表建议).
_TOTAL_LEAD = re.compile(
    r"^(?:\d{4}年(?:度)?|全年|年内|今年|现|目前|截至\S{0,8}?底|全[省市区县镇]|[省市区县镇]级|各级|共计|共|累计|合计|总计|依法|先后|新)*"
    r"(?:收到|承办|办理|受理|清理|调整|审结|办结|开展|组织|举办|审查|审核|梳理|制发|印发|出台|接待|处理|化解|排查|查处"
    r"|培训|聘请|认定|发放|公开|作出|答复|调解|发生|提起|立案)?"
)


def _shared_measure(text: str, previous: Figure | None, start: int) -> str:
    """The measure of the previous figure when this one follows it in a list (5批、35人次)."""
    if previous is not None and _LIST_GAP.fullmatch(text, previous.end, start):
        return previous.measure
    return ""


_LIST_GAP = re.compile(r"[\s、和及与]*")


def _iri_key(doc: Doc) -> str:
    return doc.meta.key or doc.sha256[:16]


def _indicator(norm: str, f: Figure) -> str | None:
    """The indicator whose cue is in the figure's clause (with its counted noun); when the figure ends
    its clause (受理15件, 满意率100%), the rest of the sentence before it may give the cue."""
    unit = normalize(f.unit)
    head = _HEAD_RE.search(norm, max(0, f.start - 40), f.start).group(0)  # type: ignore[union-attr]
    tail = _TAIL_RE.match(norm, f.end, min(len(norm), f.end + 20)).group(0)  # type: ignore[union-attr]
    found = match_indicator(head + tail, unit)
    if found is None and not tail.strip():
        sentence = _SENTENCE_HEAD_RE.search(norm, max(0, f.start - 60), f.start).group(0)  # type: ignore[union-attr]
        found = match_indicator(sentence, unit)
    return found


# --- the component ---------------------------------------------------------------------------------


def find_figures(doc: Doc) -> list[Figure]:
    """The figures of ``doc`` in text order, breakdowns and rates linked, without touching ``doc``."""
    norm = doc.norm or doc.text
    mask = _mask(len(norm), _protected_spans(doc) + _idiom_spans(norm))
    figures: list[Figure] = []
    ranges: list[int] = []  # index of the lower bound of each range
    prev_end = 0
    for c in _candidates(doc):
        if c.start < prev_end or _excluded(c, norm, mask):
            continue  # overlapping matches (百分之3个工作日): the first one wins
        drop, low = _range_low(c, norm, mask, prev_end)
        if drop:
            continue
        optional = _optional(c, norm)
        if low is not None:
            ranges.append(len(figures))
            figures.append(_figure(doc, low, optional, approx=False))
            if c.qualifier == "exact":
                c.qualifier = "at-most"
                figures.append(_figure(doc, c, optional, approx=False))
            else:
                figures.append(_figure(doc, c, optional, approx=True))
        else:
            figures.append(_figure(doc, c, optional, approx=c.qualifier != "exact"))
        prev_end = c.end
    for n, f in enumerate(figures):
        prev = figures[n - 1].end if n else 0
        upto = figures[n + 1].start if n + 1 < len(figures) else len(doc.text)
        f.measure = _measure(doc.text, f.start, f.end, prev, upto) or _shared_measure(doc.text, figures[n - 1] if n else None, f.start)
    for n in ranges:  # both bounds of a range share the measure of the whole range
        low, high = figures[n], figures[n + 1]
        prev = figures[n - 1].end if n else 0
        upto = figures[n + 2].start if n + 2 < len(figures) else len(doc.text)
        low.measure = high.measure = _measure(doc.text, low.start, high.end, prev, upto)
    link_breakdowns(figures, norm)
    link_rates(figures, norm)
    key = _iri_key(doc)
    for n, f in enumerate(figures):
        f.iri = instance("obs", key, str(n))
        f.indicator = _indicator(norm, f)
    for f in figures:  # parts take their total's indicator, and its noun into their measure
        if f.part_of is None:
            continue
        total = figures[f.part_of]
        if total.indicator:
            f.indicator = total.indicator
        noun = _TOTAL_LEAD.sub("", total.measure)
        if noun and len(f.measure) <= 8 and noun not in f.measure:
            f.measure = f"({noun}){f.measure}"
    return figures


def _figure(doc: Doc, c: Candidate, optional: bool, approx: bool) -> Figure:
    return Figure(
        text=doc.text[c.start : c.end],
        start=c.start,
        end=c.end,
        value=c.value,
        unit=c.written_unit,
        approx=approx,
        qualifier=c.qualifier,
        optional=optional,
    )


def extract_figures(doc: Doc) -> None:
    """Pipeline component: fill ``doc.figures``."""
    doc.figures = find_figures(doc)
