"""The agency-type table: kinds of public body and the standard government departments.

Two layers, both concepts of the SKOS scheme ``scheme/agency-type`` (ontology/schemes/agency-type.ttl):

* :data:`KINDS`: broad classes (people's government, department, party committee, court …);
* :data:`DEPARTMENTS`: standard department types, each ``skos:broader`` the ``department`` kind (or
  ``party-department``), with its Chinese stems and variants, and English names.

A department's notation is also its IRI segment: ``id/org/{code}/gov/{notation}`` (司法局 →
``…/gov/justice``). Surface forms are built as stem + suffix: 局 (prefecture and county), 厅 (province),
部 (national), 委 / 委员会 (commissions), 办 / 办公室 (offices).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A broad class of public body."""

    notation: str
    zh: str
    en: str
    definition: str


@dataclass(frozen=True)
class DeptType:
    """A standard department type."""

    notation: str
    stem: str  # canonical stem: 司法, 人力资源和社会保障
    en: str  # English stem: Justice → Justice Bureau / Department of Justice / Ministry of Justice
    variants: tuple[str, ...] = ()  # other stems: 人社, 人力资源社会保障
    suffixes: tuple[str, ...] = ("局", "厅", "部")  # forms the text may use after a stem
    kind: str = "department"  # broader concept
    historic: bool = False  # abolished in a reform (keeps its own IRI)
    national_name: str = ""  # the ministry's name when it is not stem + 部
    canonical: str = ""  # the full local name when it is not stem + suffix (人民政府法制办公室)
    forms: tuple[str, ...] = ()  # whole names that are no stem + suffix (教委, 建设局)
    note: str = ""  # what became of an abolished type

    def name_zh(self, level: str) -> str:
        """The canonical full name at a level: 司法局 (county, prefecture), 司法厅 (province), 司法部."""
        if level == "national" and self.national_name:
            return self.national_name
        if self.canonical:
            return self.canonical
        suf = self.suffixes[0]
        if suf == "办":
            suf = "办公室"
        elif suf == "委":
            suf = "委员会"
        if suf == "局":
            suf = {"province": "厅", "national": "部"}.get(level, "局")
            if self.kind == "party-department":
                suf = "部"
        return self.stem + suf

    def name_en(self, level: str) -> str:
        """Justice Bureau, Department of Justice, Ministry of Justice (by level)."""
        suf = self.suffixes[0]
        if suf in ("委", "委员会"):
            return f"{self.en} Commission"
        if suf in ("办", "办公室"):
            return f"{self.en} Office"
        if suf in ("支队", "大队", "总队"):
            return f"{self.en} Detachment"
        if self.kind == "party-department":
            return f"{self.en} Department"
        if level == "national":
            return f"Ministry of {self.en}"
        if level == "province":
            return f"Department of {self.en}"
        return f"{self.en} Bureau"


KINDS: dict[str, Kind] = {
    k.notation: k
    for k in [
        Kind("people-government", "人民政府", "People's Government",
             "The executive organ of state power at a level: 国务院, 省/市/县/乡镇人民政府; a 街道办事处 as the district government's dispatched organ."),
        Kind("department", "政府工作部门", "Government Department",
             "A working department of a people's government (局, 厅, 委, 办; 部 at the national level)."),
        Kind("general-office", "办公厅（室）", "General Office",
             "The general office of a government, a Party committee or a department (办公厅, 办公室, 中办, 国办)."),
        Kind("party-committee", "党委", "Party Committee",
             "A committee of the Communist Party of China at a level: 中共中央, 省委, 市委, 区委, 县委, 镇党委, 街道党工委."),
        Kind("party-standing-committee", "党委常委会", "Party Standing Committee",
             "The standing committee of a Party committee (省委常委会, 区委常委会)."),
        Kind("party-department", "党委工作部门", "Party Committee Department",
             "A working department of a Party committee (组织部, 宣传部, 统战部, 政法委)."),
        Kind("party-group", "党组", "Party Leadership Group",
             "The Party group of a government body, congress or court (局党组, 部党组, 机关党组)."),
        Kind("discipline-commission", "纪律检查委员会", "Discipline Inspection Commission",
             "A Party discipline inspection commission, usually co-located with the supervisory commission (纪委监委)."),
        Kind("coordinating-body", "议事协调机构", "Coordinating Body",
             "A deliberative and co-ordinating body such as the Party committee for comprehensive law-based governance (全面依法治区委员会)."),
        Kind("coordinating-office", "议事协调机构办事机构", "Coordinating Body Office",
             "The office of a co-ordinating body (依法治区办), usually hosted by the justice bureau."),
        Kind("people-congress", "人民代表大会", "People's Congress",
             "A people's congress at a level (全国人大, 省人大, 区人大)."),
        Kind("people-congress-standing-committee", "人大常委会", "Standing Committee of the People's Congress",
             "The standing committee of a people's congress at county level or above."),
        Kind("cppcc", "政协", "CPPCC Committee",
             "A committee of the Chinese People's Political Consultative Conference at a level."),
        Kind("court", "人民法院", "People's Court",
             "A people's court: 最高人民法院, 高级, 中级 and basic-level courts (区人民法院)."),
        Kind("procuratorate", "人民检察院", "People's Procuratorate",
             "A people's procuratorate at a level."),
        Kind("supervisory-commission", "监察委员会", "Supervisory Commission",
             "A state supervisory commission at a level (国家监委, 区监委)."),
        Kind("dispatched-body", "派出机构", "Dispatched Body",
             "A body dispatched by a government or department to a smaller area: 司法所, 派出所, a bureau's 分局."),
        Kind("internal-unit", "内设机构", "Internal Unit",
             "A named internal division or office of a body (局政策法规科, 街道党政综合办)."),
    ]
}

_LOCAL = ("局", "厅", "部")
DEPARTMENTS: dict[str, DeptType] = {
    d.notation: d
    for d in [
        DeptType("justice", "司法", "Justice", ("司法行政",)),
        DeptType("public-security", "公安", "Public Security"),
        DeptType("education", "教育", "Education", ("教育和体育", "教育体育", "教体"), forms=("教委", "教育委员会")),
        DeptType("human-resources", "人力资源和社会保障", "Human Resources and Social Security",
                 ("人力资源社会保障", "人力社保", "人社"), national_name="人力资源社会保障部"),
        DeptType("civil-affairs", "民政", "Civil Affairs"),
        DeptType("finance", "财政", "Finance"),
        DeptType("natural-resources", "自然资源", "Natural Resources",
                 ("自然资源和规划", "规划和自然资源", "规划自然资源", "国土资源", "国土资源和规划", "国土")),
        DeptType("ecology-environment", "生态环境", "Ecology and Environment", ("环境保护", "环保")),
        DeptType("housing-construction", "住房和城乡建设", "Housing and Urban-Rural Development",
                 ("住房城乡建设", "住建", "城乡建设"), national_name="住房和城乡建设部",
                 forms=("住房城乡建委", "住房和城乡建设委员会", "住房城乡建设委员会", "城乡建委", "建委", "建设局")),
        DeptType("housing-security", "住房保障和房产", "Housing Security and Real Estate",
                 ("住房保障和房产管理", "住房保障", "房产管理", "房地产管理", "房产")),
        DeptType("transport", "交通运输", "Transport", ("交通",)),
        DeptType("water-resources", "水利", "Water Resources", ("水务",)),
        DeptType("agriculture", "农业农村", "Agriculture and Rural Affairs", ("农业", "农业农村和水利"),
                 forms=("农业农村委", "农业农村委员会", "农委")),
        DeptType("commerce", "商务", "Commerce"),
        DeptType("culture-tourism", "文化和旅游", "Culture and Tourism",
                 ("文化旅游", "文化广电和旅游", "文化广电旅游", "文化体育和旅游", "文广旅", "文旅", "文广新旅",
                  "文化广电体育和旅游", "文化旅游广电体育", "文化广电旅游体育", "文化旅游体育", "文体旅", "文广体旅",
                  "文化广电新闻出版", "文化广电", "文广新", "文体广电")),
        DeptType("health", "卫生健康", "Health", ("卫生和计划生育", "卫健", "卫计"),
                 suffixes=("委", "委员会", "局"), national_name="国家卫生健康委员会"),
        DeptType("veterans-affairs", "退役军人事务", "Veterans Affairs"),
        DeptType("emergency-management", "应急管理", "Emergency Management", ("应急",)),
        DeptType("audit", "审计", "Audit", national_name="审计署"),
        DeptType("market-regulation", "市场监督管理", "Market Regulation", ("市场监管",),
                 national_name="国家市场监督管理总局"),
        DeptType("statistics", "统计", "Statistics", national_name="国家统计局"),
        DeptType("medical-security", "医疗保障", "Healthcare Security", ("医保",), national_name="国家医疗保障局"),
        DeptType("admin-approval", "行政审批服务", "Administrative Approval Services", ("行政审批", "审批服务", "审批")),
        DeptType("data-services", "政务服务管理", "Government Services and Data Management",
                 ("政务服务和大数据管理", "政务服务数据管理", "大数据管理", "大数据发展管理", "数据资源管理", "数据资源",
                  "大数据", "数据")),
        DeptType("development-reform", "发展和改革", "Development and Reform", ("发展改革", "发改"),
                 suffixes=("委", "委员会", "局"), national_name="国家发展和改革委员会"),
        DeptType("industry-it", "工业和信息化", "Industry and Information Technology",
                 ("工业信息化", "工信", "经济和信息化", "经济信息化", "经信")),
        DeptType("science-technology", "科学技术", "Science and Technology", ("科技",)),
        DeptType("ethnic-religious-affairs", "民族宗教事务", "Ethnic and Religious Affairs",
                 ("民族宗教", "民族事务", "民宗")),
        DeptType("urban-management", "城市管理", "Urban Management",
                 ("城市管理综合执法", "城市管理和综合执法", "城市管理综合行政执法", "城市管理行政执法", "城市管理执法",
                  "城管", "城管执法")),
        DeptType("comprehensive-enforcement", "综合行政执法", "Comprehensive Administrative Enforcement",
                 ("综合执法", "行政执法", "执法")),
        DeptType("archives", "档案", "Archives"),
        DeptType("meteorology", "气象", "Meteorology", national_name="中国气象局"),
        DeptType("forestry", "林业", "Forestry and Grassland", ("林业和草原", "林草"), national_name="国家林业和草原局"),
        DeptType("taxation", "税务", "Taxation", national_name="国家税务总局"),
        DeptType("sports", "体育", "Sports", national_name="国家体育总局"),
        DeptType("state-assets", "国有资产监督管理", "State-owned Assets Supervision and Administration",
                 ("国资",), suffixes=("委", "委员会")),
        DeptType("letters-visits", "信访", "Letters and Visits", suffixes=("局", "办", "办公室")),
        DeptType("legal-affairs-office", "法制", "Legal Affairs", ("政府法制",), suffixes=("办", "办公室"),
                 historic=True, note="merged into the justice bureau in 2018-2019", canonical="人民政府法制办公室", national_name="国务院法制办公室"),
        DeptType("civil-air-defence", "人民防空", "Civil Air Defence", ("人防",), suffixes=("办", "办公室")),
        DeptType("financial-regulation", "地方金融监督管理", "Local Financial Supervision",
                 ("金融监督管理", "金融监管", "金融工作"), suffixes=("局", "办")),
        DeptType("grain-reserves", "粮食和物资储备", "Grain and Material Reserves", ("粮食",)),
        DeptType("administrative-reconsideration", "行政复议", "Administrative Reconsideration",
                 forms=("行政复议委员会", "行政复议委")),
        DeptType("rural-revitalization", "乡村振兴", "Rural Revitalization"),
        DeptType("poverty-alleviation", "扶贫开发", "Poverty Alleviation and Development", ("扶贫",),
                 suffixes=("办", "办公室", "局"), historic=True, note="became the rural revitalization bureau in 2021"),
        DeptType("offices-administration", "机关事务管理", "Government Offices Administration", ("机关事务",)),
        DeptType("investment-promotion", "投资促进", "Investment Promotion"),
        DeptType("earthquake", "地震", "Earthquake Administration", national_name="中国地震局"),
        DeptType("postal", "邮政管理", "Postal Administration", national_name="国家邮政局"),
        DeptType("overseas-chinese", "侨务", "Overseas Chinese Affairs", suffixes=("办", "办公室", "局")),
        DeptType("prison-administration", "监狱管理", "Prison Administration", national_name="司法部监狱管理局"),
        DeptType("drug-rehabilitation", "戒毒管理", "Drug Rehabilitation Administration", ("戒毒",),
                 national_name="司法部戒毒管理局"),
        DeptType("fire-rescue", "消防救援", "Fire and Rescue", suffixes=("支队", "大队", "总队", "局"),
                 national_name="国家消防救援局"),
        DeptType("industry-commerce", "工商行政管理", "Industry and Commerce Administration",
                 ("工商", "工商质监", "工商和质监", "工商质量技术监督"), historic=True,
                 note="merged into the market regulation bureau in 2018"),
        DeptType("quality-supervision", "质量技术监督", "Quality and Technical Supervision", ("质监", "质量监督"),
                 historic=True, note="merged into the market regulation bureau in 2018"),
        DeptType("food-drug", "食品药品监督管理", "Food and Drug Administration",
                 ("食品药品监管", "食药监", "食药监管", "食品药品"), historic=True,
                 note="merged into the market regulation bureau in 2018"),
        DeptType("drug-administration", "药品监督管理", "Drug Administration", ("药监", "药品监管"),
                 national_name="国家药品监督管理局"),
        DeptType("prices", "物价", "Prices", historic=True, note="merged into the development and reform body"),
        DeptType("intellectual-property", "知识产权", "Intellectual Property", national_name="国家知识产权局"),
        DeptType("ocean", "海洋", "Oceanic Administration", historic=True, national_name="国家海洋局"),
        DeptType("foreign-affairs", "外事", "Foreign Affairs", suffixes=("办", "办公室")),
        DeptType("party-organization", "组织", "Organization", kind="party-department", suffixes=("部",)),
        DeptType("party-publicity", "宣传", "Publicity", kind="party-department", suffixes=("部",)),
        DeptType("party-united-front", "统战", "United Front Work", ("统一战线工作",),
                 kind="party-department", suffixes=("部",)),
        DeptType("political-legal-affairs", "政法", "Political and Legal Affairs", kind="party-department",
                 suffixes=("委", "委员会")),
        DeptType("cyberspace-affairs", "网络安全和信息化委员会", "Cyberspace Affairs Commission", ("网信",),
                 kind="party-department", suffixes=("办公室", "办")),
        DeptType("party-social-work", "社会工作", "Social Work", kind="party-department", suffixes=("部",)),
        DeptType("establishment-office", "机构编制委员会", "Institutional Establishment Commission", ("编",),
                 kind="party-department", suffixes=("办公室", "办")),
    ]
}


def dept_forms() -> dict[str, str]:
    """Every department surface form (stem or variant + suffix) → notation, e.g. 人社局 → human-resources."""
    out: dict[str, str] = {}
    for d in DEPARTMENTS.values():
        for stem in (d.stem, *d.variants):
            for suf in d.suffixes + (("委员会",) if "委" in d.suffixes else ()):
                out.setdefault(stem + suf, d.notation)
            if d.suffixes[0] == "局" and d.kind == "department":
                out.setdefault(stem + "分局", d.notation)
        if d.national_name:
            out.setdefault(d.national_name, d.notation)
        for form in d.forms:
            out.setdefault(form, d.notation)
    return out


def all_notations() -> set[str]:
    """Every concept notation of the agency-type scheme."""
    return set(KINDS) | set(DEPARTMENTS)


def kind_of(notation: str) -> str:
    """The broad kind of a type notation (a kind is its own kind)."""
    if notation in DEPARTMENTS:
        return DEPARTMENTS[notation].kind
    return notation
