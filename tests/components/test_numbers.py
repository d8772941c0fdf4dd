"""cn_numbers and its rules (num_scan, num_tables), on short real sentences of the genre."""
from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.components.num_resources import _lines, expand_digits, load
from pipeline.components.num_scan import find_numbers
from pipeline.components.num_tables import parse_unit_expr

from ..conftest import DATA


def found(text, blocked=()):
    return [(text[m.start:m.end], m.value, m.unit, m.qualifier, m.value_max)
            for m in find_numbers(text, blocked)]


# (sentence, [(text, value, unit, qualifier, value_max), ...]) -- every number, in order
CASES = [
    ("新建两条110KV线路，功率20KW", [("110KV", 110, "KV", None, None), ("20KW", 20, "KW", None, None)]),
    ("全市共有中小学校2211所(公办1764所、民办447所),在校学生143.83万人、教职工8.8万人",
     [("2211所", 2211, "所", None, None), ("1764所", 1764, "所", None, None),
      ("447所", 447, "所", None, None), ("143.83万人", 1438300, "人", None, None),
      ("8.8万人", 88000, "人", None, None)]),
    ("撰写学习体会1400余篇;全区中小学每个班级开展党史专题思政课3节以上",
     [("1400余篇", 1400, "篇", "余", None), ("3节以上", 3, "节", "以上", None)]),
    ("其中1240多件已办到位;组织开展庆祝建党100周年系列活动",
     [("1240多件", 1240, "件", "多", None), ("100周年", 100, "周年", None, None)]),
    ("实现中职毕业生就业率95%以上。", [("95%以上", 95, "%", "以上", None)]),
    ("“市检”“区检”通过率分别达71.43%、100%,兴业",
     [("71.43%", 71.43, "%", None, None), ("100%", 100, "%", None, None)]),
    ("从8个方面建立52项标准", [("8个", 8, "个", None, None), ("52项", 52, "项", None, None)]),
    ("公办中小学校组织覆盖率由87%提高到100%",
     [("87%", 87, "%", None, None), ("100%", 100, "%", None, None)]),
    ("如果有多达30万人参加，售价高达6999元，持续长达3小时",
     [("多达30万人", 300000, "人", "多达", None), ("高达6999元", 6999, "元", "高达", None),
      ("长达3小时", 3, "小时", "长达", None)]),
    ("全场商品5折起售", [("5折", 5, "折", None, None)]),
    ("同比增长8.5%，下降8.5%，提高3个百分点",
     [("8.5%", 8.5, "%", None, None), ("8.5%", 8.5, "%", None, None),
      ("3个百分点", 3, "个百分点", None, None)]),
    ("营业收入9614.5万元，净利润7亿元", [("9614.5万元", 96145000, "元", None, None),
                                 ("7亿元", 700000000, "元", None, None)]),
    ("累计投入已超过10亿美元，有超过3000名工程师", [("超过10亿美元", 1e9, "美元", "超过", None),
                                     ("超过3000名", 3000, "名", "超过", None)]),
    ("参与人数超过100亿", [("超过100亿", 1e10, "", "超过", None)]),
    ("播种面积12.5千公顷，全长5千米，约4千", [("12.5千公顷", 12500, "公顷", None, None),
                                 ("5千米", 5, "千米", None, None), ("约4千", 4000, "", "约", None)]),
    ("80万多人参与", [("80万多人", 800000, "人", "多", None)]),
    ("超450个项目", [("超450个", 450, "个", "超", None)]),
    ("20至30人，10-20人，3~5年，15%至20%，0.5%-8.5%不等",
     [("20至30人", 20, "人", None, 30), ("10-20人", 10, "人", None, 20), ("3~5年", 3, "年", None, 5),
      ("15%至20%", 15, "%", None, 20), ("0.5%-8.5%", 0.5, "%", None, 8.5)]),
    ("投资3-5万元", [("3-5万元", 30000, "元", None, 50000)]),
    ("2.3Gbps峰值下载速率，7纳米工艺", [("2.3Gbps", 2.3, "Gbps", None, None),
                               ("7纳米", 7, "纳米", None, None)]),
    ("1,234人，１２３名，５０％", [("1,234人", 1234, "人", None, None), ("１２３名", 123, "名", None, None),
                          ("５０％", 50, "％", None, None)]),
    ("分别为3、5、7个", [("3", 3, "个", None, None), ("5", 5, "个", None, None),
                    ("7个", 7, "个", None, None)]),
    ("三次产业比由1.1:50.3:48.6调整为0.7:50.7:48.6", [
        ("1.1", 1.1, "", None, None), ("50.3", 50.3, "", None, None), ("48.6", 48.6, "", None, None),
        ("0.7", 0.7, "", None, None), ("50.7", 50.7, "", None, None), ("48.6", 48.6, "", None, None)]),
    ("但仅有1/3投资者在减仓", [("1/3", 1 / 3, "", None, None)]),
    ("获奖作品 40 个，最终 18 个项目", [("40 个", 40, "个", None, None), ("18 个", 18, "个", None, None)]),
    ("用户数一度超1000万人", [("超1000万人", 1e7, "人", "超", None)]),
    ("到第十二届大赛的13万3千多支团队", [("13万3千多支", 133000, "支", "多", None)]),
    ("最近3年，近3年，3年多", [("3年", 3, "年", None, None), ("近3年", 3, "年", "近", None),
                         ("3年多", 3, "年", "多", None)]),
    ("5人多次获奖", [("5人", 5, "人", None, None)]),
    ("售价3000元/吨", [("3000元/吨", 3000, "元/吨", None, None)]),
    ("出生率为6.77‰", [("6.77‰", 6.77, "‰", None, None)]),
    ("全年发电量8.8万亿千瓦时", [("8.8万亿千瓦时", 8.8e12, "千瓦时", None, None)]),
    ("其中超过6成企业成立于2014年", [("超过6成", 6, "成", "超过", None)]),
    ("我国近3/4的人存在睡眠问题", [("近3/4", 0.75, "", "近", None)]),
    ("获批各类保护资金6000余万元", [("6000余万元", 6e7, "元", "余", None)]),
    ("PM2.5年均浓度为38微克/立方米", [("38微克/立方米", 38, "微克/立方米", None, None)]),
    ("4×100米接力，人均GDP 1.2万美元", [("100米", 100, "米", None, None),
                                ("1.2万美元", 12000, "美元", None, None)]),
    ("沪指下跌0.89%，收报2929.09点；晚7点开幕", [("0.89%", 0.89, "%", None, None),
                                     ("2929.09点", 2929.09, "点", None, None)]),
    ("衰退的比率为零至1%，期限为三至5年，统一到5个", [("零至1%", 0, "%", None, 1), ("三至5年", 3, "年", None, 5),
                                        ("5个", 5, "个", None, None)]),
    ("发生7.0级地震，登上100级台阶，21级辅导员，分3批次", [("7.0级", 7, "级", None, None),
                                           ("100级", 100, "级", None, None),
                                           ("3批次", 3, "批次", None, None)]),
    ("历时3个多月，降息25个基点", [("3个多月", 3, "个月", "多", None), ("25个基点", 25, "个基点", None, None)]),
    ("60周岁及以上人口28004万人", [("60周岁及以上", 60, "周岁", "及以上", None),
                            ("28004万人", 280040000, "人", None, None)]),
    ("拥有 12GB+128GB存储，功率25W", [("12GB", 12, "GB", None, None), ("128GB", 128, "GB", None, None),
                                ("25W", 25, "W", None, None)]),
    ("面向社区6-12岁流动儿童，用户的数据成本在2元—10元之间", [("6-12岁", 6, "岁", None, 12),
                                                ("2元—10元", 2, "元", None, 10)]),
]

# sentences whose digits are no quantity at all
NOT_NUMBERS = [
    "济宁市兖州区第一中学2022-2023年度重点工作任务",
    "自2018年宁化一中党建品牌创建实施以来",
    "日期:2022/10/21 0:02:01 浏览:",
    "及时回复、有效解决“12345”政府服务热线投诉问题",
    "联系电话：0516-83885555，邮编221116",
    "创新“336”工作法",
    "SLC26A4基因存在P.V306GfsX2A突变，5G网络，COVID-19疫情",
    "2019级新生，2020届毕业生，09届中文系校友，81级全体校友",
    "排名全省第3，第12次会议，第3名，前3位，第1、2、3名，第3、4届",
    "9:22开会，下午1:30分，晚19:00",
    "5月14日，8月29日，2008年2月至2009年1月",
    "3年级学生",
    "麒麟980分别实现了",
    "访问www.12306.cn或http://www.moe.gov.cn/a/2022/1.html",
    "资源学院2022本科教育教学工作",
    "陈同佳今日近9时在西贡，12月31日24时",
    "2636×1080 分辨率，20世纪20年代，80年代中期",
    "2022年1-9月，10时至12时，第1-3名，前10名，TOP10，No.1，3号楼，G20峰会，C919大飞机，5A级景区",
    "18年底完成，19年9月启动，获得第一至3名",
    "摩根大通(115.395, 2.79, 2.47%)等，贝莱德(431.2, 7.37, 1.74%)",
    "阅读量10W+，双11，3·15晚会，鲁政发〔2022〕3号，截至2022年底",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_numbers_in_sentences(text, expected):
    got = found(text)
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected):
        assert g[1] == pytest.approx(e[1], rel=1e-9), g
        assert g[2:] == e[2:], g


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_no_number(text):
    assert found(text) == []


def test_blocked_spans_hide_digits():
    text = "实施“343”党建工作机制，帮扶560余人次"
    assert [g[0] for g in found(text)] == ["560余人次"]
    s = text.index("560")
    assert found(text, [(s, s + 3)]) == []


def test_every_match_slices_exactly():
    text = "全区362名教师跨区域竞聘交流，完成2007年以来920名交流轮岗教师编制备案工作"
    for m in find_numbers(text):
        assert text[m.start:m.end] in ("362名", "920名")


TABLE = "\n".join([
    "2022年主要产品产量",
    "指标\t单位\t绝对数\t比上年增长(%)",
    "粮食\t万吨\t68653\t0.5",
    "钢材\t万吨\t134034\t-0.8",
    "发电量\t亿千瓦时\t88487\t3.7",
])


def test_table_cells_take_units_from_headers():
    got = {g[0]: g[1:3] for g in found(TABLE)}
    assert got["68653"] == (686530000, "吨")
    assert got["88487"] == (8848700000000, "千瓦时")
    assert got["0.5"] == (0.5, "%")
    assert got["0.8"] == (0.8, "%")  # a change keeps its size, no sign
    assert "2022" not in got


def test_table_row_header_unit_and_row_numbers():
    text = "序号\t项目\t2021年\t2022年\n1\t招生人数（人）\t4500\t4800\n2\t经费（万元）\t1.5\t2.5"
    got = {g[0]: g[1:3] for g in found(text)}
    assert got == {"4500": (4500, "人"), "4800": (4800, "人"), "1.5": (15000, "元"), "2.5": (25000, "元")}


def test_caption_unit():
    text = "单位：亿元\n地区\t2022年\n徐州\t8457.8"
    assert found(text) == [("8457.8", 845780000000, "元", None, None)]


@pytest.mark.parametrize("expr,expected", [("万吨", ("万", "吨")), ("%", ("", "%")), ("元/吨", ("", "元/吨")),
                                           ("单位：亿元", ("亿", "元")), ("合计", None)])
def test_parse_unit_expr(expr, expected):
    assert parse_unit_expr(expr, load()) == expected


def test_resources_are_loaded_as_data():
    res = load()
    assert "人次" in res.units and res.units.index("人次") < res.units.index("人")
    assert res.multipliers["万"] == 10000 and res.multipliers["亿"] == 10 ** 8
    assert "余" in res.mid and "以上" in res.post and "超过" in res.pre
    assert expand_digits("(?<![D.])D{2}") == "(?<![0-9０-９.])[0-9０-９]{2}"


def test_component_sets_spans_and_attributes(nlp):
    from pipeline.nlp import make_doc

    doc = make_doc(nlp, "全市共有中小学校2211所，在校学生143.83万人，“336”工作法，2020年撰写体会1400余篇。")
    doc.ents = [doc.char_span(doc.text.index("2020年"), doc.text.index("2020年") + 5, label="DATE",
                              alignment_mode="expand")]
    doc = nlp.get_pipe("cn_numbers")(doc)
    spans = list(doc.spans["numbers"])
    assert [s.text for s in spans] == ["2211所", "143.83万人", "1400余篇"]
    assert [s._.num_value for s in spans] == [2211, 1438300, 1400]
    assert [s._.num_unit for s in spans] == ["所", "人", "篇"]
    assert [s._.num_qualifier for s in spans] == [None, None, "余"]
    assert all(s.label_ == "NUMBER" for s in spans)


def test_component_skips_digits_of_formula_ents(nlp):
    from pipeline.nlp import make_doc

    doc = make_doc(nlp, "推行“3+2”模式，共5所学校参与。")
    a = doc.text.index("3+2")
    doc.ents = [doc.char_span(a, a + 3, label="FORMULA", alignment_mode="expand")]
    doc = nlp.get_pipe("cn_numbers")(doc)
    assert [s.text for s in doc.spans["numbers"]] == ["5所"]


def _canon(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def test_seed_gold_numbers(seed_docs):
    """On the seeds the numbers are all found, with the right value and unit."""
    tp = npred = ngold = 0
    for doc in seed_docs:
        gold_path = DATA / "seed_gold" / f"{doc['doc_id']}.json"
        gold = {_canon(n["text"]): n for n in json.loads(gold_path.read_text(encoding="utf-8"))["numbers"]}
        pred = {}
        for n in doc["numbers"]:
            pred.setdefault(_canon(n["text"]), n)
        both = set(gold) & set(pred)
        tp, npred, ngold = tp + len(both), npred + len(pred), ngold + len(gold)
        for k in both:
            assert pred[k]["value"] == pytest.approx(gold[k]["value"]), k
            assert _canon(pred[k]["unit"]) == _canon(gold[k].get("unit", "")), k
    assert ngold > 50
    assert tp / npred >= 0.98 and tp / ngold >= 0.98


@pytest.mark.parametrize("text,org,expected", [
    ("来自国内11所专业音乐学院、30余所艺术学院参赛", "30余所艺术学院", ["11所", "30余所"]),
    ("出版专著5部，论文集8部", "论文集8部", ["5部", "8部"]),
    ("中国人民解放军61001部队官兵", "中国人民解放军61001部队", []),
    ("联合全国30多家电视台共同推出", "全国30多家电视台", ["30多家"]),
])
def test_org_entities_hide_only_digits_inside_names(nlp, text, org, expected):
    from pipeline.nlp import make_doc

    doc = make_doc(nlp, text)
    a = text.index(org)
    doc.ents = [doc.char_span(a, a + len(org), label="ORG", alignment_mode="expand")]
    doc = nlp.get_pipe("cn_numbers")(doc)
    assert [s.text for s in doc.spans["numbers"]] == expected

PIECES = st.sampled_from(list("0123456789１２.,:/-~至到%％万亿千百余多约近超第年月日级届个人名元吨米点时分\t\n 、（）()《》AbG+")
                         + ["以上", "左右", "百分点", "千米", "2022", "143.83", "1/3", "10-20"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_never_fails_and_spans_are_sound(text):
    prev_end = 0
    for m in find_numbers(text):
        assert prev_end <= m.start < m.end <= len(text)
        assert any(ch in "0123456789１２" for ch in text[m.start:m.end])
        assert m.value == m.value and m.value >= 0  # not NaN, no sign
        assert m.value_max is None or m.value_max >= m.value
        prev_end = m.end


def test_word_lists_are_consistent():
    res = load()
    assert all(any(w.startswith(u) for u in res.units) for w in res.not_unit), "a not_unit word starts no unit"
    assert not set(res.units) & set(res.mult_words), "a word is both a unit and a multiplier"
    assert not {"月", "日", "号", "时"} & set(res.units), "date and clock words are no units"
    raw = [line.strip() for line in _lines("num_units.txt")]
    assert len(raw) == len(set(raw)), "a unit is listed twice"
