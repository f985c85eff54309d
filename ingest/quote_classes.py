"""Is a “…” span a mechanism, or something else put in quotes (ANNOTATION §6)?

:func:`classify_quote` looks at the quoted name and a few characters on either side and returns
``None`` for a mechanism (reform, system, working principle, slogan, political formula, campaign)
or the category of a non-mechanism:

``honour``     honours, awards, model titles, lists of typical cases
``named``      platforms, apps, hotlines, branded events, courses, columns, service names (我要…),
               rooms, corners and posts (…调解室, …文化角), place-brand labels (百里X)
``metaphor``   metaphors and role images (时间表, 最后一公里, 善后者), images of blight (…癣, 毒瘤)
``period``     plan periods, anniversaries, Party congresses and plenums (十四五, 十五周年, 二十大)
``set-label``  labels for a set of documents, databases or bodies (一号司法建议, 两库, 两委)
``group``      labels for groups of people or kinds of wrongdoers (关键少数, 小散乱污 企业, 楼长, …义警,
               a volunteer group …帮)
``quotation``  a verbatim sentence, a description of a problem or misconduct (门难进, 办不成事,
               遏制耕地“非农化”, “…”等违法行为), or of a stated result (双下降)
``short-name`` a short name the text defines for something it has just named (以下简称“县卫健局”)
``observance`` observance days, weeks and months (世界卫生日, 全民营养周, 服务月); publicity weeks (宪法宣传周) are campaigns
``version``    a version label (2.0版, V3.0)

Cues that keep a name a mechanism whatever its tail says: a system or campaign word right after
the quote (“法治副校长”制度, “美丽街区”专项整治), a formula 以…为… (以人民为中心), and parallel short
clauses (学宪法 讲宪法: a slogan, not a law's name).

The rules read the form of the name (suffixes, numeral formulas) and its neighbours (获评“…”,
“…”培训班, “…”企业), never a list of one report's strings. Known mechanisms (the seed scheme) are
decided before these rules are asked.
"""

from __future__ import annotations

import re

_NUM = "一二两三四五六七八九十百千万0-9"
#: one-character short names of provinces and of some big cities (申 上海, 穗 广州, 榕 福州, 蓉 成都 …)
_PROVINCES = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新蒙港澳台申穗榕蓉甬邕筑昆杭汉"

_PERIOD = re.compile(
    rf"^(?:[{_NUM}]+五|[{_NUM}]+周年|第?[{_NUM}]+个?五年|(?:19|20)\d\d(?:-(?:19|20)\d\d)?年?|\d{{1,2}}[·.•]\d{{1,2}})$"
)
#: Party congresses and plenums: 二十大, 党的十九大, 十九届四中全会 (精神)
_CONGRESS = re.compile(
    r"^(?:党的)?(?:(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?|[七八九])大"
    r"|(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)届[一二三四五六七八九十]中全会)(?:精神)?$"
)
_SERVICE = re.compile(r"^我要")
_HONOUR_STRONG = re.compile(
    r"(奖|奖项|大奖|称号|案例|示范点|示范村|示范社区|示范单位|示范基地|示范街道|示范乡镇|示范窗口|示范项目|示范地区|"
    r"先进单位|先进集体|先进个人|先进县|标兵|之星|能手|百强|十佳|优秀单位|优秀城市|文明单位|达标单位|"
    r"模范城|模范县|模范单位|模范)$"
)
#: an honour title: 示范/先进/模范 + a kind of place or body (民族团结进步示范县, 民主法治示范嘎查)
_HONOUR_PLACE = re.compile(
    r"(?:示范|先进|模范)(?:[\u4e00-\u9fff]{0,2})?"
    r"(?:省|市|县|区|旗|州|盟|乡|镇|乡镇|村|嘎查|苏木|社区|街道|单位|机关|企业|学校|医院|窗口|家庭|户|城市|城区)$"
)
_RANKED = re.compile(r"^(全国|全省|全市|全区|全县|国家级?|省级|市级|区级|县级|中国|首批|第[一二三四五六七八九十]+批)")
_HONOUR_HEAD = re.compile(r"^(优秀|十佳|百佳|最美|杰出|金牌|明星)")
_HONOUR_WEAK = re.compile(r"(城市|县|市|区|镇|村|社区|地区|项目|单位|集体|基地|窗口|品牌|示范区|示范县|示范市|典型)$")
_HONOUR_BEFORE = re.compile(r"(获|获得|荣获|获评|评为|评选为|命名为|授予|入选|入围|荣膺|列为|确定为|成为)$")
_HONOUR_AFTER = re.compile(r"^(殊荣|称号|荣誉|荣誉称号|奖|奖项|表彰|提名)")
_NAMED_TAIL = re.compile(
    r"(APP|App|app|平台|小程序|公众号|微信号|热线|专线|网站|系统|专栏|栏目|频道|节目|课堂|讲堂|讲坛|讲座|论坛|"
    r"宣讲|宣讲团|培训班|训练营|服务站|工作站|工作室|调解室|驿站|e站|超市|直通车|服务包|大篷车|号|码|云|杯|"
    r"广场|长廊|公园|街区|书屋|书吧|文化墙|茶馆|展馆|馆|中心|大厅|小屋|之家|礼包|宣传车|大巴|专车|"
    r"报告会|宣讲会|座谈会|研讨会|发布会|擂台赛|演讲赛|大会|"
    r"法庭|派出所|司法所|诊所|口袋书|手册|读本|画册|宣传册|折页|明白纸|明白卡|漫画|挂图|连环画|"
    r"联系点|联络点|观察点|服务点|监测点|调解点|大脑|服务团|服务队|志愿队|小分队|突击队|顾问团|律师团|宣讲队|"
    r"调解队|工作队|专班|联盟|协会|示范带|文化带|景观带|走廊|记录仪|设备|终端|机器人|一体机|自助机|大屏|"
    r"竞赛|大赛|比赛|夏令营|冬令营|计算器|助手|神器|地图|微课|公开课|课程|第一课|基地|阵地|营地|"
    r"学校|学院|夜校|警校|党校|大学|学堂|书院|微信群|工作群|群聊|好声音|故事|人物)$"
)
#: rooms, corners and posts named as places (警民联调室, 法治文化角, 红色驿站, 普法宣传点)
_ROOM_TAIL = re.compile(
    r"^[\u4e00-\u9fff]{2,}(?:室|角|(?<![一])站|亭|屋|(?<![多双轮上])岗|(?<![试重亮焦难痛堵盲断节热起支脚力一多])点)$"
)
#: a room or post named after the quote: “宁宁帮”矛盾调处工作室, “老司法”调解工作室
_ROOM_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:调解|调处|工作|服务|接待|议事|说事|协商|警务)(?:室|站|点|角|屋|驿站)")
#: a landscape or place brand: 百里柳江, 千里画廊, 十里长街
_PLACE_BRAND = re.compile(r"^[十百千万]里[\u4e00-\u9fff]{1,8}$")
#: a window opened for a reform serves that reform: 开设“跨省通办”专窗 (not a named platform)
_WINDOW_AFTER = re.compile(r"^(?:服务)?(?:专窗|窗口|专区|专柜|绿色通道|通道)")
_NAMED_BEFORE = re.compile(r"(上线|开通|开设|登录|下载|关注|注册|扫描|扫码|编印|编写|印制|出版|拍摄|发放|刊播|播出|播放|唱响|讲好|讲述)$")
_NAMED_AFTER = re.compile(
    r"^(?:等)?(?:[0-9一二两三四五六七八九十百]+[场期个项次届])?"
    r"(APP|App|app|平台|小程序|公众号|热线|专线|网站|系统|专栏|栏目|频道|节目|培训班|研修班|训练营|班(?!子)|讲座|"
    r"讲堂|课堂|论坛|沙龙|比赛|大赛|竞赛|知识竞赛|晚会|展览|展演|书画|征文|微视频|微电影|品牌活动|品牌|"
    r"客户端|服务站|账号|(?:巡逻|志愿服务|志愿|服务|宣讲|调解)?(?:队|团)(?!伍|结|体))"
    r"|^.{0,2}(平台|APP|App|app|小程序|公众号|客户端)"
)
_METAPHOR = re.compile(
    r"^(时间表|路线图|任务书|施工图|作战图|任务图|责任状|军令状|最后一公里|最后一米|最后100米|最后一百米|中梗阻|肠梗阻|"
    r"玻璃门|弹簧门|旋转门|天花板|牛鼻子|硬骨头|拦路虎|绊脚石|指挥棒|风向标|晴雨表|压舱石|定盘星|主心骨|顶梁柱|"
    r"领头雁|排头兵|桥头堡|防火墙|安全阀|减压阀|稳定器|助推器|加速器|催化剂|润滑剂|护身符|紧箍咒|定心丸|金钥匙|"
    r"快车道|主战场|主阵地|试验田|孵化器|娘家人|贴心人|店小二|守门人|看门人|把关人|裁判员|运动员|二传手|传声筒|"
    r"毛细血管|神经末梢|红线|底线|高压线|生命线|堵点|痛点|难点|盲点|断点|短板|弱项|死角|盲区|灰色地带|"
    r"头雁|领头羊|排头兵|金字招牌|金名片|名片|新名片|招牌|小切口|大变化|大文章|组合拳|主引擎|新引擎|引擎|风景线|"
    r"加油站|充电宝|连心桥|桥梁|纽带|主渠道|生力军|成绩单|体检|把脉|良方|药方|处方|温度|力度|速度|加速度|含金量|成色|颜值|源头活水|关键一招|"
    r"指南针|导航仪|度量衡|助推剂|强心剂|一盘棋|先手棋|关键棋|一张蓝图|全链条|闭环)$"
)
_ROLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,3}(?:者|佬|娘舅|大妈|大姐|阿姨|管家|保姆|小二|卫士|尖兵|哨兵|先锋|达人)|老(?:娘舅|舅|兵|班长|支书|党员)"
    r"|[\u4e00-\u9fff]{1,4}的[\u4e00-\u9fff]{1,3})$"
)
#: numbered labels of a set of documents or bodies, or of categories of people, things and matters:
#: 一号…建议, 两库, 两委, 三官一律 (officers, lawyers), 两客一危 (vehicles), 三务 (affairs), 两违 (violations);
#: numeral formulas of verbs or qualities stay reforms (放管服, 六稳, 三项制度, 一X一Y: each X has a Y)
_SET_LABEL = re.compile(
    rf"^(?:[{_NUM}]+号(?:[^工]*(?:建议|文件|令|公告|通知|案|报告|意见))?"
    rf"|(?:[{_NUM}]+[库委院会长员官律师警客危务违车船老癌所室高府局微端屏])+)$"
)
_DOCUMENT = re.compile(
    r"^(?![一二两三四五六七八九十0-9])(?:.+(?:法典|条例)|.{2,}(?<!司|执|普|守|立|用|学|依|护|懂|说|讲|送|做|方|办|作|想|算|书|兵|技|疗|看|写|手|解|释|知|遵|尊|崇|弘|宣|析|读|谈|违|犯|枉|合|良|善)法|.{2,}(?:保护|防治|促进|保障)法)$"
)
_MEDIA = re.compile(r"^[^一二两三四五六七八九十0-9].*(日报|晚报|时报|报|网|电视台|广播电台|杂志|微博|抖音号|头条号)$")
_GROUP_TAIL = re.compile(
    r"((?<![进入到下万])(?:企业|公司|人员|人群|群体|对象|户|商户)|少数|老赖|一族|代表一委员|一把手|"
    r"(?:监督|观察|联络|调解|信息|网格|协管|宣讲|辅导|指导|督导|评议|讲解|专管|监察)员|"
    r"^[\u4e00-\u9fff]{1,5}[员人]|^[^一二两三四五六七八九十0-9][\u4e00-\u9fff]{0,2}(?:校长|书记|主任|顾问|专员|网格长)|"
    r"^[^一二两三四五六七八九十0-9][\u4e00-\u9fff]{0,4}(?:义警|辅警|义工|志愿者|红袖标|红马甲)|"
    r"^[^一二两三四五六七八九十零0-9][\u4e00-\u9fff]{0,2}(?<![增成延擅助生见消涨拉加滋])长|"  # 楼长, 栋长, 街巷长
    r"^[^一二两三四五六七八九十0-9][\u4e00-\u9fff]{1,3}(?<![一对结])帮)$"  # a volunteer group: 邻里帮
)
_METAPHOR_AFTER = re.compile(r"^(?:的)?精神")  # “钉钉子”精神, “老黄牛”的精神
#: a kind of people or things named by the quote: “僵尸”企业, “三无”船舶, “批而未供”土地, “两客一危”车辆
_GROUP_AFTER = re.compile(
    r"^(企业|人员|人群|群体|对象|商户|场所|作坊|成员|干部|家庭|户|车辆|船舶|船只|产品|食品|药品|小区|房屋|楼盘|"
    r"土地|用地|地块|摊点|摊贩)(?!清单|名单|白名单|黑名单|库)"
)
_PROBLEM_WORD = re.compile(r"^(吃拿卡要|庸懒散|庸懒散慢|庸懒散拖|懒政怠政|推诿扯皮|四风|中梗阻|门难进|脸难看|事难办)$")
_FAULT_TAIL = re.compile(r"^(?![零无不反防治惩去除拒])[\u4e00-\u9fff]{0,6}(?:腐败|贪腐|顽疾|弊病|失职|渎职|懒政|怠政)$")
_PROBLEM = re.compile(r"(难|慢|乱|差|烦|推诿|扯皮|不作为|乱作为|慢作为|吃拿卡要|庸懒散|主义|梗阻|繁|多头|重复)")
#: a verb of preventing or punishing, maybe with a short object between it and the quote (遏制耕地“非农化”)
_PROBLEM_BEFORE = re.compile(
    r"(防止|杜绝|避免|破除|整治|纠正|克服|打破|破解|根治|(?<![层会市合域源境态区村])治理|严防|防范|谨防|严禁|禁止|遏制|"
    r"制止|打通|消除|拆除|清除|疏通|查处|严查|查办|打击|严打)(?:出现|发生|产生)?[\u4e00-\u9fff]{0,2}$"
)
#: …的现象, “…”等问题, “…”等违法行为: a problem or a kind of misconduct named
_PROBLEM_AFTER = re.compile(r"^(?:等)?(?:的)?(?:问题|现象|难题|顽疾|乱象|弊端|痼疾)|^(?:等)?(?:违法|违规|违章|犯罪|不法)")
#: a stated result of the figures just named: 双下降, 两提升 (零增长 is a target slogan, like 零容忍)
_RESULT = re.compile(r"^[双两三四](?:下降|上升|提升|提高|增长|降低|减少|回落|增加|达标|清零)$")
#: 发挥“…”作用: the role of a kind of people named in a short word (发挥“乡贤”作用, 发挥“楼长”作用)
_ROLE_BEFORE = re.compile(r"发挥$")
_ROLE_AFTER = re.compile(r"^(?:的)?(?:作用|优势|职能)")
_SENTENCE = re.compile(r"[。！？!?]")
#: a verb with a negated result complement: 办不成, 管不了, 找不到, 看不懂 (a problem, not a method)
_CANNOT = re.compile(r"[\u4e00-\u9fff](?<![毫绝决从并也都永万一亦概])不(?:成|了|到|好|动|清|懂)")  # not 毫不动摇
_VERSION = re.compile(
    r"^(?:[vV]?\d+(?:\.\d+)+版?|[vV]\d+(?:\.\d+)*|\d+版|[\u4e00-\u9fff]{0,2}(?:升级|迭代|增强|加强|全新|最新)版)$"
)
_OBSERVANCE = re.compile(
    r"^(?:世界|国际|全国|全民|国家|中国)[\u4e00-\u9fff]{2,12}(?:日|周|月|节)$"
    r"|(?:纪念|主题|开放|活动|服务|固定|接待|接访|体验|咨询|公益|志愿)(?:日|周|月)$"
    # not 宣传周/宣传月/宣讲月: publicity weeks are campaigns (dev 003: “憲法宣傳周” is a mechanism)
)
#: a short name defined for what the text has just named: (以下简称“县卫健局”), 统称“两高”
_SHORT_NAME_BEFORE = re.compile(r"(?:以下简称|以下称|下称|简称为?|统称为?|合称|并称|俗称|又称|亦称|通称|称之为)[:：]?$")
#: a word right after the quote that makes the name a system, reform or campaign
_MECHANISM_AFTER = re.compile(
    r"^[)]?(?:等)?(?:制度|机制|模式|改革|体制|工作法|责任制|专项整治|集中整治|专项治理|专项行动|攻坚行动|行动|工程|创建)"
)
_MECHANISM_TAIL = re.compile(r"(?:制|制度|机制|改革|模式|工作法|行动|工程)$")
#: 以…为…: a formula (以人民为中心, 以案为鉴, 以群众满意为标准)
_FORMULA = re.compile(r"^(?:以[\u4e00-\u9fff]{1,8}为[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{1,4}之治)$")  # 中国之治
#: 绣花功夫; obstacles named by an image: 信息孤岛, 数据烟囱, 部门壁垒
_METAPHOR_TAIL = re.compile(
    r"(功夫|孤岛|烟囱|壁垒|鸿沟|藩篱|瓶颈|围墙|高墙|门槛|底线|红线|防线|关口|高压线|生命线|"
    r"癣|疮|毒瘤|肿瘤|顽症|病灶|城市病|蛀虫|硕鼠)$"  # images of blight: 牛皮癣 (flyposting), 毒瘤
)
#: praise by a name given: 被誉为“东方经验”
_PRAISE_BEFORE = re.compile(r"(誉为|美誉为?|赞为|称赞为|称誉为|评选|评比|推选|表彰)$")  # and 评选“法治人物”
#: a medium named as the place of an act: 在“学习强国”开设…, 在“X”发布
_MEDIUM_AFTER = re.compile(r"^(?:上|中|里)?(?:开设|开通|发布|刊发|刊登|播出|播放|转载|推送|上线|开辟)")
#: places named together: “襄十随神”城市群
_PLACES_AFTER = re.compile(r"^(?:等)?(?:城市群|都市圈|经济圈|经济带|片区|地区)")


def classify_quote(name: str, before: str = "", after: str = "") -> str | None:
    """``None`` when the quoted ``name`` is a mechanism, else its quoted-other category.

    ``name`` is the normalised text inside “”; ``before``/``after`` are a few normalised characters
    just outside the quotation marks.
    """
    q = re.sub(r"\s+", "", name)
    bare = re.sub(r"\([^()]*\)$", "", q) or q  # 示范村(社区) → 示范村
    if not q:
        return "quotation"
    if _PERIOD.match(q) or _CONGRESS.match(q):
        return "period"
    if _VERSION.match(q):
        return "version"
    if _OBSERVANCE.search(q):
        return None if _MECHANISM_AFTER.match(after) else "observance"  # “局长接待日”制度
    if _SHORT_NAME_BEFORE.search(before) and not _keeps_mechanism_form(q, after):
        return "short-name"
    if _SERVICE.match(q) or re.fullmatch(r"\d{5,}", q):
        return "named"  # 我要开饭店; hotline numbers (12345, 12348)
    if _FORMULA.match(q):
        return None  # 以人民为中心, 中国之治: a political formula, whatever its tail or neighbours
    if _PRAISE_BEFORE.search(before):
        return "honour"
    if _HONOUR_STRONG.search(bare) or _HONOUR_PLACE.search(bare) or _HONOUR_AFTER.match(after):
        return "honour"
    if _HONOUR_BEFORE.search(before) and (_RANKED.match(q) or _HONOUR_WEAK.search(bare)):
        return "honour"
    if _RANKED.match(q) and _HONOUR_WEAK.search(bare) or _HONOUR_HEAD.match(q):
        return "honour"
    kind = _form_kind(q, name, before, after)
    if kind in (None, "named") and (_PROBLEM_BEFORE.search(before) or _PROBLEM_AFTER.match(after)):
        return "quotation"  # 防止“一刀切”, “急难愁盼”问题, 严防“层层加码”: a problem named
    if kind is not None and _MECHANISM_AFTER.match(after) and not _NAMED_BEFORE.search(before):
        return None  # “法治副校长”制度, “美丽街区”专项整治: the next word says it is a system or campaign
    if kind is not None:
        return kind
    if _SENTENCE.search(q) or (q.count(",") >= 2 and len(q) > 24) or _is_problem(q):
        return "quotation"
    if _RESULT.match(q) and not _MECHANISM_AFTER.match(after):
        return "quotation"  # 实现“双下降”: a result of the figures, not a method
    return None


def says_mechanism(after: str) -> bool:
    """A system or campaign word right after a quote (“…”制度, “…”专项整治)."""
    return _MECHANISM_AFTER.match(after) is not None


def _form_kind(q: str, name: str, before: str, after: str) -> str | None:
    """The category the name's form or its neighbours suggest (set-label, group, metaphor, named)."""
    if _SET_LABEL.match(q) or _DOCUMENT.match(q) and not _parallel_clauses(name) or _PLACES_AFTER.match(after):
        return "set-label"
    if _GROUP_TAIL.search(q) or _GROUP_AFTER.match(after):
        return "group"
    if _ROLE_BEFORE.search(before) and _ROLE_AFTER.match(after) and len(q) <= 3 and not re.match(rf"[{_NUM}双]", q):
        return "group"
    if _METAPHOR.match(q) or _ROLE.match(q) or _METAPHOR_TAIL.search(q) or _METAPHOR_AFTER.match(after):
        return "metaphor"
    if _NAMED_TAIL.search(q) or _NAMED_AFTER.match(after) or _ROOM_TAIL.match(q) or _ROOM_AFTER.match(after):
        return "named"
    if _NAMED_BEFORE.search(before) and not _WINDOW_AFTER.match(after):
        return "named"  # 上线“X”; but 开设“跨省通办”专窗: the window serves a reform
    if _PLACE_BRAND.match(q):
        return "named"
    if before.endswith("在") and _MEDIUM_AFTER.match(after):
        return "named"
    if _MEDIA.match(q) or _is_app_name(q):
        return "named"
    return None


def _parallel_clauses(name: str) -> bool:
    """Two or more short clauses of one build (学宪法 讲宪法, 学法、知法、守法): a slogan or theme."""
    parts = [x for x in re.split(r"[\s、,，;；/]+", name) if x]
    if len(parts) < 2 or any(len(x) > 8 for x in parts):
        return False
    same_tail = len({x[-2:] for x in parts}) == 1 and min(len(x) for x in parts) >= 3
    same_head = len({x[0] for x in parts}) == 1 and len({len(x) for x in parts}) == 1
    return same_tail or same_head


def _keeps_mechanism_form(q: str, after: str) -> bool:
    """A short name that is still a mechanism's: (简称“告知承诺制”), (简称“两个清单”)制度."""
    return _MECHANISM_AFTER.match(after) is not None or _MECHANISM_TAIL.search(q) is not None


def _is_problem(q: str) -> bool:
    """A description of a problem: every clause names a fault (门难进、脸难看、事难办; 形式主义、官僚主义)."""
    if _PROBLEM_WORD.match(q) or re.fullmatch(r"[\u4e00-\u9fff]{1,4}难", q):
        return True  # 执行难, 融资难
    if _FAULT_TAIL.search(q):
        return True  # 微腐败, 慢作为: a fault named (零腐败, 反腐败 are goals)
    if len(q) <= 8 and _CANNOT.search(q):
        return True  # 办不成事, 找不到人: what cannot be done
    clauses = [c for c in re.split(r"[、,;]", q) if c]
    return len(clauses) >= 2 and all(_PROBLEM.search(c) for c in clauses)


def _is_app_name(q: str) -> bool:
    """Short brand names of provincial or city apps: 渝快办, 浙里办, 粤省事, 赣服通, 凤鸣政策通."""
    if re.match(rf"^[{_NUM}]", q):
        return False  # 一网通, 一次办: numeral formulas are reforms
    if re.search(r"(通办|联办|同办|共办|互办|通)办$|通办$", q):
        return False  # 川渝通办, 跨省通办: handling across places is a reform
    if len(q) <= 4 and q[-1] in "办通事钉易" and any(ch in _PROVINCES for ch in q[:-1]):
        return True
    if len(q) in (3, 4) and q[-1] in "办通事钉" and _is_place(q[:-1]):
        return True  # 龙游通, 安吉办: a county's or city's name and 通/办
    return len(q) >= 4 and re.search(r"(政策通|服务通|办事通|e通|易办|快办|码上办|码通|一点通|掌上通)$", q) is not None


def _is_place(stem: str) -> bool:
    """A county-or-higher division's name or short name (龙游, 安吉)."""
    from ingest import divisions  # the division table is loaded on first use

    return bool(divisions.candidates(stem))
