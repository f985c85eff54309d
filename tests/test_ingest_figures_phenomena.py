"""Figure phenomena on small crafted inputs: units, scaling, qualifiers, distractors, breakdowns, rates."""

from __future__ import annotations

import pytest

from ingest.figures import extract_figures
from ingest.model import Doc, Figure


def figs(text: str) -> list[Figure]:
    doc = Doc.from_text(text)
    extract_figures(doc)
    for f in doc.figures:
        assert doc.text[f.start : f.end] == f.text
    return doc.figures


def triples(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in figs(text) if not f.optional]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年罚没款1.2亿元。", [("1.2亿元", 1.2, "亿元")]),
        ("挽回经济损失320.5万元。", [("320.5万元", 320.5, "万元")]),
        ("受众群众3.5万人次。", [("3.5万人次", 35000, "人次")]),
        ("办理1.2万件。", [("1.2万件", 12000, "件")]),
        ("发放宣传资料2万余份。", [("2万余份", 20000, "份")]),
        ("支付费用三万元。", [("三万元", 3, "万元")]),
        ("召开常务会议十二次。", [("十二次", 12, "次")]),
        ("开展专题学法二十余次。", [("二十余次", 20, "次")]),
        ("召开联席会议两次。", [("两次", 2, "次")]),
        ("共有执法人员1,235名。", [("1,235名", 1235, "名")]),
        ("办理 53 件。", [("53 件", 53, "件")]),
        ("办理时限压缩至5个工作日。", [("5个工作日", 5, "个工作日")]),
        ("下降2.1个百分点。", [("2.1个百分点", 2.1, "个百分点")]),
        ("增长1.5倍。", [("1.5倍", 1.5, "倍")]),
        ("受益群众50余万人,开展行动5轮次。", [("50余万人", 500000, "人"), ("5轮次", 5, "轮次")]),
        ("出动车辆800余台次,平均分92.6分。", [("800余台次", 800, "台次"), ("92.6分", 92.6, "分")]),
        ("出庭应诉率百分之百,合格率百分之九十五点五。", [("百分之百", 100, "%"), ("百分之九十五点五", 95.5, "%")]),
        ("累计培训1200余人次,覆盖30多家企业。", [("1200余人次", 1200, "人次"), ("30多家", 30, "家")]),
        ("复议纠错率由40%降低至38%。", [("40%", 40, "%"), ("38%", 38, "%")]),
        ("办结率达到95%以上。", [("95%以上", 95, "%")]),
        ("流转土地500亩。", [("500亩", 500, "亩")]),
        ("办理１３件。", [("１３件", 13, "件")]),
        ("申请在15日内办结。", [("15日", 15, "日")]),
        ("明确一名党组成员,设立一个办公室。", [("一名", 1, "名"), ("一个", 1, "个")]),
        ("提前3天完成,目前13个部门。", [("3天", 3, "天"), ("13个", 13, "个")]),
        ("走访近百家企业,发放千余份。", [("百家", 100, "家"), ("千余份", 1000, "份")]),
        ("办理一百二十三件,一万二千件。", [("一百二十三件", 123, "件"), ("一万二千件", 12000, "件")]),
        ("辦理案件１３件,約20萬元。", [("１３件", 13, "件"), ("20萬元", 20, "萬元")]),
    ],
)
def test_counts_amounts_rates(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier", "approx"),
    [
        ("办理70余项。", "more-than", True),
        ("办理30多次。", "more-than", True),
        ("每年支付逾20万元。", "more-than", True),
        ("培训约300人次。", "approx", True),
        ("覆盖近3000户。", "approx", True),
        ("时限不超过3个工作日。", "at-most", True),
        ("占比不足50%。", "less-than", True),
        ("超过100家。", "more-than", True),
        ("达到95%以上。", "at-least", True),
        ("办理53件。", "exact", False),
    ],
)
def test_qualifiers(text: str, qualifier: str, approx: bool) -> None:
    (f,) = figs(text)
    assert (f.qualifier, f.approx) == (qualifier, approx)
    assert not f.text.startswith(("约", "近", "逾", "超", "不"))  # markers before the number stay outside


@pytest.mark.parametrize(
    "text",
    [
        "2019年,2019年10月1日起,2019年底,2020年1-6月,2021—2025年,20212025年,二〇二〇年度。",
        "十九届四中全会,党的二十大,省第十二次党代会,十三届人大一次会议,中央全面依法治国委员会第一次会议。",
        "第一季度,上半年,第四批,首批,首次,第一时间,第一责任人,排名全国第1位,位列前10名。",
        "鲁政办发〔2019〕12号,[2020]5号,12·4宪法日,3·15,5G基站,2.0方案,新中国成立70周年。",
        "《法治政府建设实施纲要(2015-2020年)》,《法治绍兴建设六大抓手实施方案》。",
        "“十项行动”“成熟一项划转一项”“三联一共”“十大典型案例”“一次办好”。",
        "坚持两手抓,一级抓一级,迈出坚实一步,每一项决策,多次主持,市四套班子,十分重视,3分局。",
        "落实三项制度,严格执行八项规定,推行一件事一次办,最多跑一次,一次性告知,一人一档,千家万户。",
        "三年来,近三年,实施优化营商环境三年行动,数十次,上百次,两三次,三四个,百姓。",
        "作为一项重要工作,形成一套机制,建立一支队伍,探索一种模式,2019年10月1日起,5月10日内,浏览次数:1234次。",
        "会议于上午9时30分开始,下午3点15分结束。",  # clock times
        "一、依法全面履行政府职能 (二)加强 3.深化改革 一是梳理",
        "申请材料525",
        "办理时限压缩至5个工",
        "- 索 引 号:370405/2020-00025\n- 成文时间:2020年01月15日\n- 文 号:3件\n正文。",
    ],
)
def test_distractors_are_not_figures(text: str) -> None:
    assert triples(text) == []


def test_optional_figures() -> None:
    found = {(f.text, f.optional) for f in figs(
        "规范运行镇村两级便民服务中心,区、镇两级,四级相互衔接,连续5年,四年年审人员,"
        "每年年初召开一次专题会议,习近平总书记三次来陕考察重要讲话,提供24小时自助服务,召开会议两次。"
    )}  # fmt: skip
    assert found == {
        ("两级", True), ("四级", True), ("5年", True), ("四年", True), ("一次", True),
        ("三次", True), ("24小时", True), ("两次", False),
    }  # fmt: skip


def parts(fs: list[Figure], total: int) -> list[str]:
    return [f.text for f in fs if f.part_of == total]


def test_breakdown_with_cue_in_the_next_sentence_and_rate() -> None:
    fs = figs(
        "受理行政复议案件45件,审结42件,办结率100%。其中维持28件,撤销3件,确认违法2件,责令履行1件,"
        "驳回5件,终止3件,综合纠错率14.29%。"
    )
    assert parts(fs, 1) == ["28件", "3件", "2件", "1件", "5件", "3件"]
    assert parts(fs, 0) == []
    rate = fs[-1]
    assert rate.rate_of == {"numerator": [4, 5, 6], "denominator": 1}
    assert fs[2].rate_of is None  # 办结率100%: its counts are not given


def test_breakdown_as_a_list_right_after_the_total() -> None:
    fs = figs("收到人大代表建议53件,办结33件、积极解决16件、暂无法解决4件;承办政协委员提案75件。")
    assert parts(fs, 0) == ["33件", "16件", "4件"]
    assert fs[4].part_of is None


def test_breakdown_in_parentheses_and_with_baokuo() -> None:
    assert parts(figs("调整事项54项(承接26项、取消24项、优化调整4项)。"), 0) == ["26项", "24项", "4项"]
    assert parts(figs("设立调解组织45个,包括人民调解委员会30个、行业性调解组织15个。"), 0) == ["30个", "15个"]


def test_partial_breakdown_by_outcome_words() -> None:
    assert parts(figs("累计清理规范性文件108件,修改12件,废止7件。"), 0) == ["12件", "7件"]
    # the part that reached a result is an explicit subset (ANNOTATION §8); the next stage of a case is not
    assert parts(figs("受理信访事项1236件,办结1200件,按期办结率99.2%。"), 0) == ["1200件"]
    assert parts(figs("收到复议申请120件,受理110件,审结98件。"), 0) == []
    assert parts(figs("督查发现问题64个,已整改58个,剩余6个正在整改。"), 0) == ["58个", "6个"]
    assert parts(figs("征集意见建议215条,采纳138条,提出修改意见40条。"), 0) == ["138条"]
    assert parts(figs("组织考试参考人员300人,通过320人。"), 0) == []  # a subset is never larger
    # planned outcomes (拟废止), grades of a check (不合格, 优秀) and a result after its agent (公安机关立案)
    assert parts(figs("集中清理规范性文件96件,拟废止8件、拟修改15件。"), 0) == ["8件", "15件"]
    assert parts(figs("抽检农产品860批次,不合格12批次。"), 0) == ["12批次"]
    assert parts(figs("向公安机关移送案件23件,公安机关立案20件。"), 0) == ["20件"]


def test_breakdown_after_a_colon_and_cues_inside_brackets() -> None:
    assert parts(figs("开展培训5场:执法培训2场、普法培训2场。"), 0) == ["2场", "2场"]
    assert parts(figs("办理案件100件(其中复议60件),审结30件。"), 0) == ["60件"]
    assert parts(figs("认定主体36个(包括区政府及其部门),设立站点5个。"), 0) == []


def test_breakdown_led_by_other_cues() -> None:
    # a counted noun + 中 before outcomes, 涉及 with a list, a dash, 具体为
    assert parts(figs("全年办结复议案件58件,审结的案件中驳回10件、维持40件、终止8件。"), 0) == ["10件", "40件", "8件"]
    assert parts(figs("办理行政诉讼案件30件,已审结案件中胜诉21件、败诉2件。"), 0) == ["21件", "2件"]
    assert parts(figs("全年排查矛盾纠纷120件,涉及土地纠纷45件、邻里纠纷30件。"), 0) == ["45件", "30件"]
    assert parts(figs("全年清理规范性文件52件——保留40件、修改7件、废止5件。"), 0) == ["40件", "7件", "5件"]
    assert parts(figs("全年清理规范性文件52件,具体为:保留40件、修改7件、废止5件。"), 0) == ["40件", "7件", "5件"]
    # a stage and its negation that add up to the total; not two successive stages
    assert parts(figs("收到复议申请64件,受理58件,不予受理6件;审结50件。"), 0) == ["58件", "6件"]
    assert parts(figs("收到复议申请64件,受理58件,不予受理5件。"), 0) == []
    # the parts follow an attribute of the total in another unit
    fs = figs("排查违法建设56处、面积2300平方米,已拆除50处,剩余6处正在处置。")
    assert parts(fs, 0) == ["50处", "6处"]
    assert fs[1].part_of is None


def test_subset_with_cue() -> None:
    fs = figs("共培训800人次,其中领导干部120人次。")
    assert parts(fs, 0) == ["120人次"]


@pytest.mark.parametrize(
    "text",
    [
        "共开展执法监督检查4次、案卷评查1次,反馈并整改问题37条。",  # a shared verb, no total
        "编发周报8期、提醒函22件、督办单71件、警示单1件。",
        "重组20个审批窗口,分为5个模块。",  # not part-whole
        "培训1期、2期,对786名领导干部进行了培训。",  # total in another unit
        "收到申请20件,受理15件,审结5件。",  # successive stages
        "共培训800人次,其中领导干部120名。",  # parts must share the unit
        "办理案件10件,其中办结12件。",  # parts cannot exceed the total
        "复议纠错率由40%降低至38%。",  # before/after pair
        "在工作中开展培训12场,会议中讲解5场。",  # 中 without an outcome is no cue
        "调解纠纷386件,涉及案件20件。",  # 涉及 leads one related count, not a breakdown
        "进驻事项1486项,其中马上办事项652项、网上办事项1208项。",  # parts exceed the total
        "办理人大代表建议106件、政协委员提案82件,其中主办50件。",  # which total is not said
        "开展检查42次、出动人员300人次,发现问题39个。",
    ],
)
def test_no_breakdown(text: str) -> None:
    assert all(f.part_of is None for f in figs(text))


def test_rate_from_a_single_count() -> None:
    fs = figs("调解矛盾纠纷2358起,调解成功2301起,成功率97.58%。")
    assert fs[2].rate_of == {"numerator": [1], "denominator": 0}
    assert figs("办理行政应诉案件63件。负责人出庭应诉率87.5%。")[1].rate_of is None


def test_indicators_on_crafted_sentences() -> None:
    got = {f.text: f.indicator for f in figs(
        "全年办理行政复议案件12件,行政应诉案件30件,行政机关负责人出庭应诉率100%,"
        "制发规范性文件6件,主动公开政府信息3256条,办理法律援助案件420件,12345热线受理诉求5.6万件。"
    )}  # fmt: skip
    assert got == {
        "12件": "recon-cases", "30件": "litigation", "100%": "head-appearance", "6件": "nf-issued",
        "3256条": "info-disclosure", "420件": "legal-aid", "5.6万件": "hotline",
    }  # fmt: skip


def test_iris_fall_back_to_the_file_hash_and_use_the_report_key() -> None:
    doc = Doc.from_text("办理53件,办结50件。")
    extract_figures(doc)
    assert doc.figures[0].iri.endswith(f"/id/obs/{doc.sha256[:16]}/0")
    doc.meta.key = "370405-2019-gov"
    extract_figures(doc)
    assert [f.iri.rsplit("/id/", 1)[1] for f in doc.figures] == ["obs/370405-2019-gov/0", "obs/370405-2019-gov/1"]


def test_uses_mention_spans_of_earlier_components() -> None:
    from ingest.model import MechanismMention

    doc = Doc.from_text("推行三项改革5项措施。")
    doc.mechanisms.append(MechanismMention(text="三项改革5项措施", start=2, end=10, quoted=False))
    extract_figures(doc)
    assert doc.figures == []


@pytest.mark.parametrize(
    "text",
    ["1" * 40 + "件", "9" * 100_000, "《" * 10_000 + "》" * 10_000, "“" * 5000 + "3件", "，。；" * 50_000, "一二三" * 50_000,
     # one endless sentence of cues, totals and open brackets: the linking stays bounded (not quadratic)
     "共办理100件,其中3件(" * 5_000, "收到50%,办结12件、" * 5_000, "\n" * 200_000 + "办理5件,其中2件。"],
)
def test_pathological_inputs_are_safe(text: str) -> None:
    # long digit runs are identifiers; numbers start only at run starts (no quadratic backtracking)
    assert all(len(f.text) < 50 for f in figs(text))


def test_random_texts_never_crash_and_keep_the_invariants() -> None:
    import random

    alphabet = list("0123456789.,%％一二两三十百千万亿零〇余多件项个名人次场期批家户年月日天分元《》“”\"、，。；:第每近约超 \n") + [
        "个工作日", "人次", "万元", "其中", "分别为", "百分之", "纠错率", "办结", "以上",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))
        fs = figs(text)
        assert all(a.end <= b.start for a, b in zip(fs, fs[1:], strict=False))
        for f in fs:
            assert f.part_of is None or fs[f.part_of].part_of is None
            if f.rate_of:
                assert f.rate_of["denominator"] < fs.index(f)


# --- follow-ups from the held-out evaluation (each with wording of its own) -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit whose blocker character starts a word of its own after it (家|乡镇, 名|单位, 项|目标)
        ("辖区内9家乡村医疗机构完成备案。", [("9家", 9, "家")]),
        ("约谈3名单位主要负责人,完成12项目标任务。", [("3名", 3, "名"), ("12项", 12, "项")]),
        ("举办2期中层干部法治培训班。", [("2期", 2, "期")]),
        # 成 counts tenths of a whole
        ("线上办理量同比上升近三成,八成以上事项实现网办。", [("三成", 3, "成"), ("八成以上", 8, "成")]),
        # money keeps its scale in the unit as written, 万亿元 as 万元 and 亿元
        ("全省固定资产投资0.8万亿元,财政支出两万亿元。", [("0.8万亿元", 0.8, "万亿元"), ("两万亿元", 2, "万亿元")]),
        ("全省投資約1.1萬億元。", [("1.1萬億元", 1.1, "萬億元")]),
    ],
)
def test_units_standing_before_words_tenths_and_money_scales(text: str, expected: list) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3项目,两条例,单位名单,家乡,二期工程,成立工作专班,形成一成果,一成不变,三五成群,十二成。",
        "组织人员5名单独值守。",  # 名单 is still a word when no standing word follows
    ],
)
def test_word_forming_units_stay_excluded(text: str) -> None:
    assert [t for t in triples(text) if t[2] != "名"] == []


def test_enumerated_activities_that_add_up_are_not_a_breakdown() -> None:
    fs = figs("召开常务会议研究法治工作6次,组织集中学法4次,安排旁听庭审2次。")
    assert [f.text for f in fs] == ["6次", "4次", "2次"]
    assert all(f.part_of is None for f in fs)
    fs = figs("发放宣传资料5000份,张贴海报2000份,悬挂横幅3000份。")
    assert all(f.part_of is None for f in fs)
    # outcomes, and categories (nouns, no activity of their own) after the total still are its parts
    assert parts(figs("发现问题38个,已整改36个,正在整改2个。"), 0) == ["36个", "2个"]
    fs = figs("现有政务服务事项300项,行政许可事项120项,公共服务事项180项。")
    assert parts(fs, 0) == ["120项", "180项"]


def test_ranges_give_both_bounds_with_the_shared_unit() -> None:
    fs = figs("申请材料补正时限一般为2至4个工作日,每组配备3-5名执法人员,覆盖二到三万人。")
    assert [(f.text, f.value, f.unit, f.qualifier, f.approx) for f in fs] == [
        ("2", 2, "个工作日", "at-least", False), ("4个工作日", 4, "个工作日", "at-most", False),
        ("3", 3, "名", "at-least", False), ("5名", 5, "名", "at-most", False),
        ("二", 20000, "人", "at-least", False), ("三万人", 30000, "人", "at-most", False),
    ]  # fmt: skip
    assert fs[0].measure == fs[1].measure == "申请材料补正时限一般为"
    # a lower bound right after a comma, and with thousands separators
    assert triples("罚款5万元,3至5个工作日;参与1,200至1,500人。") == [
        ("5万元", 5, "万元"), ("3", 3, "个工作日"), ("5个工作日", 5, "个工作日"), ("1,200", 1200, "人"), ("1,500人", 1500, "人")]
    # ordinal and frequency ranges are no figures; year and month spans neither
    assert triples("第2至4批,2021-2025年,1-9月办理10件。") == [("10件", 10, "件")]
    assert [(f.text, f.optional) for f in figs("每2至3天巡查一次。")] == [("一次", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("办理时间平均缩短约3个小时。", [("3个小时", 3, "个小时")]),
        ("建成10分钟公共法律服务圈,平均等候5分钟。", [("5分钟", 5, "分钟")]),  # a service-circle label
        ("始终坚持两个结合,做到三个到位,建成两个中心。", [("两个", 2, "个")]),  # slogans N个X are no counts
    ],
)
def test_hours_with_ge_labels_and_slogans(text: str, expected: list) -> None:
    assert triples(text) == expected


def test_rate_counts_people_in_either_unit() -> None:
    fs = figs("推荐80名工作人员参加考试,合格72人,合格率90%。")
    assert fs[2].rate_of == {"numerator": [1], "denominator": 0}


def test_a_clause_of_only_a_lead_word_carries_the_clause_before() -> None:
    (f,) = figs("全区各村居均聘请法律顾问,共计236名。")
    assert f.measure == "(全区各村居均聘请法律顾问)共计"


def test_words_ending_in_a_qualifier_character_do_not_qualify() -> None:
    got = [(f.text, f.approx) for f in figs("与银行签约15家,线上预约2600人次,就近设立8个站点,约1200人次。")]
    assert got == [("15家", False), ("2600人次", False), ("8个", False), ("1200人次", True)]
    assert figs("挽回经济损失约300万元。")[0].approx  # 损失|约: the word ends before the marker


def test_a_count_before_jun_all() -> None:
    assert triples("参训干部320人均通过考试,选聘20名义务监督员。") == [("320人", 320, "人"), ("20名", 20, "名")]


def test_approximation_and_half_inside_a_ge_unit() -> None:
    got = [(f.text, f.value, f.unit, f.approx) for f in figs("整改历时三个多月,平均办理时间一个半小时。")]
    assert got == [("三个多月", 3, "个月", True), ("一个半小时", 1.5, "个小时", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开设宪法课程6门,举办专题讲座4讲,讲授法治课12节,补种苗木300株,人均学习32学时。",
         [("6门", 6, "门"), ("4讲", 4, "讲"), ("12节", 12, "节"), ("300株", 300, "株"), ("32学时", 32, "学时")]),
        ("检查渔船2,300艘次,检测仪器860台件。", [("2,300艘次", 2300, "艘次"), ("860台件", 860, "台件")]),
        ("公示期不少于20日。", [("20日", 20, "日")]),  # 日 as a duration after a qualifier
        ("满意度评分由85.5分提高到90.2分。", [("85.5分", 85.5, "分"), ("90.2分", 90.2, "分")]),
        ("普法公众号文章阅读量36万人次。", [("36万人次", 360000, "人次")]),  # no page furniture without a colon
        ("三台村,下一个五年规划期,一门心思抓落实。", []),
    ],
)
def test_units_of_courses_lessons_vessels_and_score_pairs(text: str, expected: list) -> None:
    assert triples(text) == expected
