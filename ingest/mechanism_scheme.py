"""The seed SKOS scheme of mechanisms (ontology-brief §6 and the bundled reports), as Python data.

``ontology/schemes/mechanism.ttl`` is generated from this table (``python -m ingest.scheme_ttl``) and a
test keeps the two equal. A concept's notation (and IRI segment) is the pinyin slug of the identity
key of its preferred label, exactly as for a mechanism the scheme does not know, so a concept added
later keeps the IRI that ingest minted for it before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ingest.normalize import normalize
from ingest.pinyin_slug import pinyin_slug

_PUNCT = re.compile(r"[\s、,，;；:：·•．.“”‘’\"'《》〈〉<>「」()（）\-—－–―~～/|]+")
#: Generic heads stripped from a name before a second look-up (“放管服”改革 → 放管服).
GENERIC_TAILS = ("改革", "制度", "机制", "模式", "监管", "工作", "服务", "活动", "工程", "行动")


def mechanism_key(name: str) -> str:
    """Identity key of a mechanism name: simplified, NFKC, no spaces, punctuation or quotes."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", normalize(name)))


@dataclass(frozen=True)
class Concept:
    """A mechanism concept: labels, definition, group."""

    zh: str
    en: str
    alt: tuple[str, ...] = ()
    definition: str = ""
    broader: str | None = None  # zh prefLabel of the broader concept
    quoted_only: tuple[str, ...] = ()  # labels too ambiguous to match without quotation marks

    @property
    def notation(self) -> str:
        return pinyin_slug(mechanism_key(self.zh))

    def labels(self) -> tuple[str, ...]:
        return (self.zh, *self.alt)


C = Concept
#: The seed concepts. M01–M25 are ontology-brief §6 (in that order); the rest are reforms, systems,
#: slogans and formulas named in the bundled reports and in reports at large. Publicity weeks and months
#: (宪法宣传周) are campaigns, as the development gold has it (dev 003); other observance days and weeks
#: (世界卫生日, 开放日, 服务月) are events (quoted_other).
CONCEPTS: tuple[Concept, ...] = (
    C("一次办好", "do it in one go (Shandong)", ("一次办结", "一次办成"), "Shandong reform: a service is completed in one visit or online."),
    C("最多跑一次", "at most one trip (Zhejiang)", ("最多跑一次改革",), "Zhejiang reform: citizens need to visit at most once."),
    C("放管服", "streamline administration, delegate power, improve services", ("简政放权、放管结合、优化服务", "放管服改革"), "National reform of delegating power, combining regulation with delegation and improving services."),
    C("双随机、一公开", "random inspection, public results", ("双随机一公开", "双随机", "双随机、一公开监管"), "Inspections with randomly drawn subjects and inspectors; results made public."),
    C("三项制度", "three systems of administrative law enforcement", ("行政执法三项制度", "执法三项制度", "行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度"), "Public disclosure of enforcement, full-process recording and legal review of major enforcement decisions."),
    C("行政执法公示制度", "public disclosure of law enforcement", ("执法公示制度", "行政执法公示"), "Enforcement bodies disclose who enforces what, how and with what result.", "三项制度"),
    C("执法全过程记录制度", "full-process recording of enforcement", ("行政执法全过程记录制度", "执法全过程记录"), "Every step of enforcement is recorded in writing or audio-video.", "三项制度"),
    C("重大执法决定法制审核制度", "legal review of major enforcement decisions", ("重大执法决定法制审核", "重大行政执法决定法制审核制度"), "Major enforcement decisions are reviewed for legality before they are taken.", "三项制度"),
    C("枫桥经验", "Fengqiao experience", ("新时代枫桥经验",), "Resolving disputes locally without passing them upwards (Fengqiao, Zhuji, Zhejiang)."),
    C("证照分离", "separating operating permits from business licences", ("证照分离改革",), "Reform separating business licences from operating permits."),
    C("证明事项告知承诺制", "notification-and-commitment for certificates", ("告知承诺制", "证明事项告知承诺"), "Certificates replaced by the applicant's written commitment."),
    C("权责清单制度", "lists of powers and responsibilities", ("权责清单", "权力清单", "责任清单", "权力清单和责任清单"), "Published lists of an agency's powers and responsibilities."),
    C("市场准入负面清单制度", "negative list for market access", ("负面清单", "市场准入负面清单", "非禁即入"), "Everything not on the negative list is open to market entry."),
    C("政府法律顾问制度", "government legal adviser system", ("法律顾问制度", "公职律师制度"), "Governments retain legal advisers and in-house lawyers.", None, ("法律顾问",)),
    C("重大行政决策程序", "procedure for major administrative decisions", ("重大行政决策程序制度",), "Public participation, expert argument, risk assessment, legality review and collective decision."),
    C("行政规范性文件合法性审核", "legality review of normative documents", ("合法性审核机制", "规范性文件合法性审核"), "Legality review and filing of administrative normative documents."),
    C("包容审慎监管", "inclusive and prudent regulation", ("首违不罚", "轻微违法免罚", "免罚清单", "柔性执法", "包容审慎"), "Lenient treatment of first or minor violations."),
    C("互联网+监管", "Internet Plus regulation", ("互联网+监管执法",), "Online supervision system linked to enforcement."),
    C("一网通办", "one-network handling", ("一网办", "全程网办"), "All government services handled through one online network."),
    C("综合行政执法改革", "comprehensive administrative enforcement reform", ("综合行政执法", "综合执法改革"), "Enforcement powers concentrated in comprehensive enforcement bodies."),
    C("相对集中行政许可权改革", "relative concentration of licensing power", ("相对集中行政许可权", "审管分离"), "Licensing powers concentrated in an administrative approval bureau."),
    C("行政复议体制改革", "administrative reconsideration reform", ("相对集中行政复议权",), "One reconsideration body per government."),
    C("行政机关负责人出庭应诉", "agency heads appear in court", ("负责人出庭应诉", "出庭又出声", "行政机关负责人出庭应诉制度"), "Heads of agencies appear in person in administrative litigation."),
    C("普法责任制", "responsibility for legal education", ("谁执法谁普法", "谁执法谁普法普法责任制", "谁主管谁普法"), "Each agency educates the public in the laws it enforces."),
    C("党政主要负责人履行推进法治建设第一责任人职责", "first-responsibility of Party and government heads for the rule of law", ("第一责任人职责", "述法"), "Principal leaders are first responsible for rule-of-law building.", None, ("述法",)),
    C("法治政府建设示范创建", "model rule-of-law government creation", ("示范创建",), "Campaign creating model rule-of-law governments and projects."),
    C("政务公开", "openness in government affairs", ("政府信息公开", "政务公开制度"), "Proactive and on-request disclosure of government information."),
    C("12345政务服务便民热线", "12345 government service hotline", ("12345热线", "12345便民服务热线"), "Unified citizens' hotline."),
    # named in the bundled reports and common elsewhere
    C("一窗受理", "single-window acceptance", ("一窗受理、集成服务", "一窗通办"), "One window accepts all applications."),
    C("一链办理", "chain handling", (), "Related approvals handled as one chain."),
    C("一业一证", "one industry, one licence", ("一业一证改革",), "One composite licence per line of business."),
    C("一件事", "one matter (integrated service)", ("一件事一次办", "高效办成一件事"), "Several related services bundled as one citizen's matter."),
    C("互联网+", "Internet Plus", ("互联网+政务服务",), "Integration of the internet with government services."),
    C("三统一", "three unifications of normative documents", (), "Unified registration, numbering and publication of normative documents."),
    C("镇街吹哨、部门报到", "townships blow the whistle, departments report", ("街乡吹哨、部门报到", "吹哨报到", "街道吹哨、部门报到"), "Departments respond when township authorities call."),
    C("属地管理", "territorial management", (), "Matters handled by the territorial authority.", None, ("属地管理",)),
    C("网格化", "grid management", ("网格化管理", "网格化服务管理"), "Communities divided into grids with responsible staff."),
    C("零容忍", "zero tolerance", (), "Zero tolerance of wrongdoing (corruption, organised crime).", None, ("零容忍",)),
    C("谁审批谁负责、谁主管谁监管", "who approves is responsible, who governs supervises", ("谁审批谁负责,谁主管谁监管",), "Division of approval and supervision responsibility."),
    C("大排查、快调处、护稳定", "thorough screening, swift mediation, stability", (), "Dispute-screening campaign."),
    C("三联一共", "three linkages and one sharing", ("机构联动、矛盾联调、隐患联排、信息共享",), "Cross-border mediation: linked bodies, mediation and screening; shared information."),
    C("四个意识", "four consciousnesses", (), "Political integrity, big picture, core and alignment."),
    C("四个自信", "four confidences", (), "Confidence in the path, theory, system and culture."),
    C("两个维护", "two upholds", (), "Uphold the core status of the General Secretary and the Party Central Committee's authority."),
    C("两个确立", "two establishes", (), "Establishing the core status and the guiding role of Xi Jinping Thought."),
    C("六稳", "six stabilities", (), "Stable employment, finance, foreign trade, foreign investment, investment and expectations."),
    C("六保", "six guarantees", (), "Guarantee jobs, livelihoods, market entities, food and energy, supply chains, grassroots operation."),
    C("宪法宣传周", "Constitution publicity week", ("宪法宣传日",), "Annual campaign around 4 December, National Constitution Day."),
    C("人民调解、行政调解、司法调解", "people's, administrative and judicial mediation", ("三调联动", "诉调对接"), "Linked people's, administrative and judicial mediation."),
    C("法治小镇", "rule-of-law town", (), "Creation of model rule-of-law towns."),
    C("审批套餐", "approval package", (), "Approvals bundled by the citizen's purpose."),
    C("接诉即办", "respond upon complaint", (), "Every hotline complaint handled at once (Beijing)."),
    C("马上办", "handle it at once", ("马上就办",), "Service slogan of immediate handling."),
    C("三重一大", "three majors and one large", (), "Collective decisions on major matters, appointments, projects and large sums."),
    C("一岗双责", "one post, two responsibilities", (), "Each post answers for its work and for integrity."),
    C("河长制", "river chief system", ("湖长制", "河湖长制"), "Officials responsible for rivers and lakes."),
    C("林长制", "forest chief system", (), "Officials responsible for forests."),
    C("两法衔接", "linking administrative enforcement and criminal justice", ("行政执法与刑事司法衔接",), "Transfer of cases from enforcement to criminal justice."),
    C("不忘初心、牢记使命", "stay true to the original aspiration", ("不忘初心牢记使命",), "Party education campaign."),
    C("三会一课", "three meetings and one lesson", (), "Regular Party branch meetings and lessons."),
    C("我为群众办实事", "I do practical things for the people", (), "Party history education practice campaign."),
    C("五位一体", "five-sphere integrated plan", (), "Economic, political, cultural, social and ecological progress."),
    C("四个全面", "four comprehensives", ("四个全面战略布局",), "The four-pronged comprehensive strategy."),
    C("一站式", "one-stop service", ("一站式服务",), "All steps handled at one place."),
    C("多证合一", "multiple certificates in one", ("五证合一", "三证合一"), "Business certificates merged into one licence."),
    C("容缺受理", "acceptance with missing documents", ("容缺办理",), "Applications accepted with minor documents to follow."),
    C("首问负责制", "first-contact responsibility", ("首问责任制",), "The first official asked is responsible for the matter."),
    C("一村一法律顾问", "one legal adviser per village", ("一村(社区)一法律顾问",), "Every village has a legal adviser."),
)


@lru_cache(maxsize=1)
def label_index() -> dict[str, Concept]:
    """Identity key of every label → its concept."""
    index: dict[str, Concept] = {}
    for c in CONCEPTS:
        for label in c.labels():
            index.setdefault(mechanism_key(label), c)
    return index


@lru_cache(maxsize=8192)
def lookup(name: str) -> Concept | None:
    """The seed concept a name denotes (also after dropping a generic tail like 改革), if any."""
    index = label_index()
    key = mechanism_key(name)
    if key in index:
        return index[key]
    for tail in GENERIC_TAILS:
        if key.endswith(tail) and key[: -len(tail)] in index:
            return index[key[: -len(tail)]]
    return None
