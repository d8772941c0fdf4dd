"""stages/segment.py: the section tree (SPEC.md "sections") on real sentences from the seeds and
the corpus, the seed gold, property checks over the whole corpus, and innermost_section."""
from __future__ import annotations

import json
import re
import sys
import time

import pytest

from pipeline.models import Block, CleanedDoc, Section
from pipeline.stages.segment import innermost_section, segment

from tests.conftest import CORPUS, SEEDS, SHARED, needs_corpus, needs_shared

GOLD = SHARED / "gold"


def doc(body: str, title: str | None = "标题", blocks=(), fmt="txt") -> CleanedDoc:
    text = f"{title}\n{body}" if title else body
    return CleanedDoc(doc_id="t", source_path="t.txt", format=fmt, title=title, text=text,
                      blocks=list(blocks))


def secs(body: str, **kw) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in segment(doc(body, **kw)).sections]


# --- marker kinds and nesting -------------------------------------------------------------------

SEED_000 = """在省、市委召开“三零”单位创建动员会后,大同北岳中学以“号召就是命令,行动就是落实”的态度,闻令而动,令出行随。
一、落实三项工作,全面提升治理效能。在开展“三零”单位创建工作中,我校重点从强化组织领导、坚持“三个导向”和构建共治格局三方面加以落实,取得了初步成效。
(一)强化组织领导,提升治理效能。工作先想一层。在第一时间成立了由校长徐心一、党委书记杨占森任组长的领导组。
(二)强化工作落实,坚持“三个导向”。工作先出一招。一是坚持目标导向,确保矛盾不出校。最大限度激发一线教师的工作热情。
二是坚持问题导向,防控化解在基层。在工作开展上,处室与级部实现宏观指导与微观管理相统一。
三是坚持结果导向,守住“稳定、安全、和谐”三条底线。以省级、市级文明校园创建工作为契机。
二、重视基础建设,突出抓好“三强三主”工作。学校坚持以党建为统领。
(一)强党建引领,发挥党委工团主阵地作用。学校党委充分发挥政治核心作用。"""


def test_nested_markers_levels_titles_and_parents():
    d = segment(doc(SEED_000))
    got = [(s.level, s.marker, s.title) for s in d.sections]
    assert got == [
        (1, "一、", "落实三项工作,全面提升治理效能"),
        (2, "(一)", "强化组织领导,提升治理效能"),
        (2, "(二)", "强化工作落实,坚持“三个导向”"),
        (3, "一是", "坚持目标导向"),
        (3, "二是", "坚持问题导向"),
        (3, "三是", "坚持结果导向"),
        (1, "二、", "重视基础建设,突出抓好“三强三主”工作"),
        (2, "(一)", "强党建引领,发挥党委工团主阵地作用"),
    ]
    by_id = {s.id: s for s in d.sections}
    assert by_id[d.sections[3].parent_id].marker == "(二)"
    assert d.sections[0].parent_id is None and d.sections[6].parent_id is None
    # 二是/三是 open their own paragraphs: the last one runs to the next heading
    assert d.text[d.sections[5].end - 1] == "。" and d.sections[5].end <= d.sections[6].start
    assert d.sections[2].end == d.sections[5].end  # (二) ends where its last child ends


def test_inline_items_sit_below_the_heading_they_appear_under():
    body = """一、成效与反响
(一)完善了“运行机制”,推动工作责任全面压实。按照与教育管理体制相适应的原则。
二、经验与探讨
一是坚持引领,是教育事业发展的根本保证。加强对教育工作的全面领导。
二是坚持规范建设,是夯实战斗堡垒的关键所在。中小学校组织是在中小学全部工作的基础。
三是坚持融合发展,是促进提质增效的必然要求。与教学工作融合是教育发展的助推器。"""
    assert secs(body) == [(1, "一、", "成效与反响"), (2, "(一)", "完善了“运行机制”,推动工作责任全面压实"),
                          (1, "二、", "经验与探讨"), (2, "一是", "坚持引领"), (2, "二是", "坚持规范建设"),
                          (2, "三是", "坚持融合发展")]


def test_inline_items_in_one_paragraph_without_heading():
    body = ("9月19日上午，学院新生开学典礼隆重举行。同时，他对新生提出三点希望，一是要坚定理想信念，担当作为强志气。"
            "应站在国家、民族和人类未来的大视野大格局中。二是要练就过硬本领，终身学习强骨气。实学实干、脚踏实地。"
            "三是要勇于创新创造，全面发展强底气。珍惜大学时光。\n典礼在校歌声中落下帷幕，新生们了解到学院辉煌的发展历程。")
    d = segment(doc(body))
    assert [(s.level, s.marker, s.title) for s in d.sections] == [
        (1, "一是", "要坚定理想信念"), (1, "二是", "要练就过硬本领"), (1, "三是", "要勇于创新创造")]
    last = d.sections[-1]
    assert d.text[last.start:last.end].endswith("珍惜大学时光。")  # ends with its paragraph


def test_quoted_lead_phrases():
    body = """一、“四条措施”促发展
“上好一堂党课”，用先进理论武装教师思想，突出政治引领作用。每学期初制定党课计划，结合“三会一课”制度。
“建好一支队伍”，以党政协同提升管理效能，建构科学管理体系。结合学校扁平化管理实情，在年段建立党小组。
“抓好一个学科”，借教科研升级促进学校发展，落实科研强校战略。学校领导、党员骨干教师挂钩一门学科。
二、“三个帮好”育新人
“帮好一个团支部”，党建工作与德育工作融合，落实立德树人任务。定期开展党员上团课活动。
“帮好每名贫困生”，党建工作与精准扶贫融合，打造有温度的教育。党总支安排党员与贫困学生结对帮扶。"""
    assert secs(body, title=None) == [
        (1, "一、", "“四条措施”促发展"), (2, "", "“上好一堂党课”"), (2, "", "“建好一支队伍”"),
        (2, "", "“抓好一个学科”"), (1, "二、", "“三个帮好”育新人"), (2, "", "“帮好一个团支部”"),
        (2, "", "“帮好每名贫困生”")]


SEED_004 = """十堰市郧阳区教育局始终坚持以党建引领为核心,以立德树人为根本,以“三同三联”为载体,着力打造党建品牌,为全区教育事业高质量发展提供坚强的组织保障。
同轴运转,以“党建联抓”强化工作合力
聚焦思想武装,筑牢信仰之基。区教育局坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的十九大精神。
聚焦基层基础,建强战斗堡垒。区教育局对照党支部标准化、规范化建设标准,按“五好”标准建设每一个党支部。
聚焦正风肃纪,优化教育生态。区教育局一体推进不敢腐、不能腐、不想腐,大力弘扬真、实、严、廉的工作作风。
同频共振,以“质量联提”强化发展动力
用好党建“导航仪”,坚持正确办学方向。区教育局为党员干部订阅读本1000余本,组织全区教育工作者深入学习。
用好党建“桥头堡”,促进教育均衡发展。区教育局充分发挥党建引领作用,深化教育改革,常抓理想信念。“一个党员一面旗”引领作用得到充分彰显。   同向发力,以“资源联享”强化治理能力
坚持发挥行业优势,积极服务基层治理。区教育局号召和鼓励教育系统党员教师闻令而动战疫情、倾情竭力助脱贫。
坚持发展信息化,贴心服务广大师生。为让全区学生享受更优质的教育,区教育局以“三通两平台”建设为主要目标。
坚持夯实安防基础,全力维护校园安全。区教育局全力完善细化安防体系,落实校园安全“十到位”制度。
雄关漫道真如铁,而今迈步从头越。郧阳区教育系统始终牢记“为党育人、为国育才”的光荣使命,努力办好人民满意的教育。"""


def test_markerless_headings_and_parallel_lead_sentences():
    got = secs(SEED_004)
    assert got == [
        (1, "", "同轴运转,以“党建联抓”强化工作合力"), (2, "", "聚焦思想武装,筑牢信仰之基"),
        (2, "", "聚焦基层基础,建强战斗堡垒"), (2, "", "聚焦正风肃纪,优化教育生态"),
        (1, "", "同频共振,以“质量联提”强化发展动力"), (2, "", "用好党建“导航仪”,坚持正确办学方向"),
        (2, "", "用好党建“桥头堡”,促进教育均衡发展"),
        (1, "", "同向发力,以“资源联享”强化治理能力"),  # after a flattened paragraph break
        (2, "", "坚持发挥行业优势,积极服务基层治理"), (2, "", "坚持发展信息化,贴心服务广大师生"),
        (2, "", "坚持夯实安防基础,全力维护校园安全")]  # the closing couplet is not a lead


def test_heading_pairs_in_news():
    body = """长江网10月4日讯 国庆中秋长假过半，但外媒关注武汉的热情不减，“中国”“武汉”依然频频出现在各大主流媒体的新闻报道中。
英国《泰晤士报》：
蓬勃发展的武汉再次充满欢声笑语
英国《泰晤士报》网站10月2日发表了题为《蓬勃发展的武汉再次充满欢声笑语》的报道，报道称，这座城市再度充满活力。
美国《纽约时报》：
游客蜂拥前往黄鹤楼游览
美国《纽约时报》网站在10月1日发表题为《中国启动“十一”黄金周，提振遭受重创的旅游业》的报道。"""
    assert secs(body) == [(1, "", "英国《泰晤士报》"), (2, "", "蓬勃发展的武汉再次充满欢声笑语"),
                          (1, "", "美国《纽约时报》"), (2, "", "游客蜂拥前往黄鹤楼游览")]


def test_caption_runs_and_broken_lines_are_not_headings():
    body = """会议现场
院党委副书记于基伯寄语新生班主任
杨丽老师介绍班主任经验
为加强班主任队伍建设，做好2021级迎新工作，9月15日下午，电力学院于A229会议室举办2021级新生班主任工作会议。
本次讲座以“如何成为走近孩子的家长”为主题，围绕
“家长对孩子未来生活的影响”、“你是什么样的家长”四个方面展开。课堂开始，顾老师用生动的案例说明了家庭教育的重要性。"""
    assert secs(body) == []


def test_other_marker_kinds():
    body = """第一章　总　则
第一条　为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督，制定本法。
第二条　坚持中国共产党对国家监察工作的领导，构建集中统一、权威高效的中国特色国家监察体制。
第二章　监察机关及其职责
第三条　监察委员会依照本法和有关法律规定履行监督、调查、处置职责：
（一）对公职人员开展廉政教育，对其依法履职情况进行监督检查；
（二）对涉嫌贪污贿赂、滥用职权的职务违法和职务犯罪进行调查；"""
    assert secs(body) == [
        (1, "第一章", "总　则"), (2, "第一条", "为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督，制定本法"),
        (2, "第二条", "坚持中国共产党对国家监察工作的领导，构建集中统一、权威高效的中国特色国家监察体制"),
        (1, "第二章", "监察机关及其职责"), (2, "第三条", "监察委员会依照本法和有关法律规定履行监督、调查、处置职责"),
        (3, "（一）", "对公职人员开展廉政教育，对其依法履职情况进行监督检查"),
        (3, "（二）", "对涉嫌贪污贿赂、滥用职权的职务违法和职务犯罪进行调查")]


@pytest.mark.parametrize("body,expected", [
    ("1.加强组织领导。成立工作专班。\n2．压实工作责任。明确任务分工。\n（1）细化清单。逐项落实。\n（2）定期调度。每月通报。",
     [(1, "1.", "加强组织领导"), (1, "2．", "压实工作责任"), (2, "（1）", "细化清单"), (2, "（2）", "定期调度")]),
    ("①坚持问题导向。聚焦短板弱项。\n②坚持目标导向。对标一流。",
     [(1, "①", "坚持问题导向"), (1, "②", "坚持目标导向")]),
    ("主要做法如下：\n——坚持高位推动，成立领导小组。\n——坚持部门联动，形成工作合力。",
     [(1, "——", "坚持高位推动，成立领导小组"), (1, "——", "坚持部门联动，形成工作合力")]),
    ("余老师就如何规划大学生活提出四点建议。第一，抓好学业，为未来打好基础；第二，提高综合素质，积极参与实践活动。",
     [(1, "第一，", "抓好学业"), (1, "第二，", "提高综合素质")]),
    ("王院长提出了几点期望。一要坚持与先进分子为友，提升思想境界；二要立大志、干大事，勇担时代重任。",
     [(1, "一要", "坚持与先进分子为友"), (1, "二要", "立大志、干大事")]),
    ("他强调了三点。首先，要立大志，为国家而学习；其次，要担大任，敢于担当；最后，要求真知，勤学苦练。",
     [(1, "首先", "要立大志"), (1, "其次", "要担大任"), (1, "最后", "要求真知")]),
])
def test_marker_kinds_full_and_half_width(body, expected):
    assert secs(body) == expected


@pytest.mark.parametrize("body", [
    "济宁市兖州区第一中学召开大会。第一中学校长讲话。",
    "最大限度激发一线教师的工作热情，一线教师积极参与。",
    "在第一时间成立了领导组。实行师德“一票否决制”，第一时间上报。",
    "1.5亿元资金已经到位，用于改善办学条件。\n2022.10 学校召开总结大会。",
    "一、二年级学生参加了活动，三、四年级学生观看了演出。",
    "一方面要加强学习，另一方面要注重实践。",
    "二、主要做法\n三、成效与反响",  # 二、 without 一、
    "会上，他指出一是要加强学习。随后大家进行了讨论。",  # 一是 with no 二是
    "第二节一开始，教师队展开积极的回攻。\n第三节时，老师们将主力阵容换下。",
    "最后一公里问题得到解决。最后，会议圆满结束。",
])
def test_not_markers(body):
    assert secs(body) == []


def test_title_line_is_never_a_section():
    assert secs("一是加强学习。二是注重实践。", title="一、学校召开大会") == [(1, "一是", "加强学习"), (1, "二是", "注重实践")]
    assert secs("正文第一段，介绍了基本情况。", title="一、学校召开大会") == []


def test_heading_blocks_and_markdown_headings():
    body = "## 总体要求\n全面贯彻党的教育方针，落实立德树人根本任务，办好人民满意的教育。\n### 工作目标\n到2025年，基本建成高质量教育体系，全面提升育人水平。"
    assert secs(body, fmt="md") == [(1, "", "总体要求"), (2, "", "工作目标")]
    title, body = "标题", "工作举措\n全面贯彻党的教育方针，落实立德树人根本任务，办好人民满意的教育。"
    start = len(title) + 1
    blocks = [Block(start=start, end=start + 4, kind="heading", level=2),
              Block(start=start + 5, end=start + len(body), kind="paragraph")]
    assert secs(body, title=title, blocks=blocks) == [(1, "", "工作举措")]


def test_markdown_emphasis_around_markers():
    body = "**一、总体要求**\n全面贯彻党的教育方针。**一是**加强党的领导，把方向。**二是**完善制度，强管理。\n**二、工作措施**\n强化保障。"
    assert secs(body, fmt="md") == [(1, "一、", "总体要求"), (2, "一是", "加强党的领导"), (2, "二是", "完善制度"),
                                    (1, "二、", "工作措施")]


def test_tables_are_not_segmented():
    title, body = "标题", "1.学生人数\n2.教师人数"
    start = len(title) + 1
    blocks = [Block(start=start, end=start + len(body), kind="table")]
    assert secs(body, title=title, blocks=blocks) == []


# --- innermost_section ---------------------------------------------------------------------------

def _brute(sections: list[Section], a: int, b: int):
    best = None
    for s in sections:
        if s.start <= a and b <= s.end and (best is None or (s.start >= best.start and s.end <= best.end)):
            best = s
    return best.id if best else None


def test_innermost_section_matches_brute_force_and_is_fast():
    d = segment(doc(SEED_000))
    n = len(d.text)
    for a in range(0, n, 3):
        for b in (a + 1, a + 5, a + 40):
            assert innermost_section(d.sections, a, min(b, n)) == _brute(d.sections, a, min(b, n))
    i = d.text.index("坚持问题导向")
    assert innermost_section(d.sections, i, i + 6) == d.sections[4].id
    assert innermost_section(d.sections, 0, 3) is None
    assert innermost_section([], 0, 1) is None
    t0 = time.perf_counter()
    for k in range(20000):
        innermost_section(d.sections, k % n, k % n + 1)
    assert time.perf_counter() - t0 < 0.5


# --- seed gold and corpus properties -------------------------------------------------------------

def seed_doc(path, gold) -> CleanedDoc:
    """The seed's own lines from its title to the line of its last keep string (a stand-in for the
    cleaner, so this test measures the segmenter alone)."""
    raw = re.sub(r"(?i)</?(p|div|br)[^>]*>", "\n", path.read_text(encoding="utf-8"))
    lines = [l.strip(" \t\u3000\xa0") for l in re.sub(r"<[^>]+>", "", raw).splitlines()]
    lines = [l for l in lines if l]
    canon = lambda s: re.sub(r"\s", "", s)  # noqa: E731
    keep = [canon(k) for k in gold["keep"]]
    hits = [i for i, l in enumerate(lines) if any(k in canon(l) for k in keep)]
    title = gold["title"]
    body = lines[hits[0]:hits[-1] + 1]
    text = "\n".join(([title] if title else []) + body)
    return CleanedDoc(doc_id=path.stem, source_path=str(path), format="txt", title=title, text=text)


@needs_shared
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_gold_sections(path):
    sys.path.insert(0, str(SHARED / "tools"))
    from score import match_sections

    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    pred = [s.model_dump() for s in segment(seed_doc(path, gold)).sections]
    pairs = match_sections(gold["sections"], pred)
    assert len(pairs) == len(gold["sections"]) == len(pred)
    assert all(g["level"] == p["level"] for g, p in pairs)


def corpus_docs():
    for p in sorted((CORPUS / "cumt").glob("*.md")):
        raw = p.read_text(encoding="utf-8")
        m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
        title = None
        if m:
            t = re.search(r"^title:\s*(.*)$", m.group(1), re.M)
            title = t.group(1).split("->")[-1].split(" | ")[0].strip() if t else None
            raw = raw[m.end():]
        raw = re.sub(r"\n?<!--more-->\n?", "", raw)
        lines = [l.strip() for l in re.sub(r"!?\[[^\]]*\]\([^)]*\)", "", raw).splitlines()]
        text = "\n".join(([title] if title else []) + [l for l in lines if l])
        yield CleanedDoc(doc_id=p.stem, source_path=str(p), format="md", title=title, text=text)
    for p in sorted((CORPUS / "news-html").glob("*.html")):  # whole pages, tags stripped: any text
        raw = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", "", p.read_text(encoding="utf-8", errors="replace"))
        lines = [l.strip() for l in re.sub(r"<[^>]+>", "", re.sub(r"(?i)</?(p|div|br|h\d|li)[^>]*>", "\n", raw)).splitlines()]
        yield CleanedDoc(doc_id=p.stem, source_path=str(p), format="html", text="\n".join(l for l in lines if l))


NAME_AT = re.compile(r"第?[一二三四五六七八九十]+(中学|小学|中|小|线|时间|票|流|批|届|级|等奖|名)")


@needs_corpus
def test_corpus_properties_and_speed():
    docs = list(corpus_docs())
    assert len(docs) > 500
    t0 = time.perf_counter()
    out = [segment(d) for d in docs]
    assert time.perf_counter() - t0 < 10
    n_sections = 0
    for d in out:
        by_id = {s.id: s for s in d.sections}
        assert len(by_id) == len(d.sections)
        body = d.text.find("\n") + 1 if d.title else 0
        for s in d.sections:
            n_sections += 1
            assert body <= s.start < s.end <= len(d.text)
            assert d.text[s.start:s.start + len(s.marker)] == s.marker
            # 第一中学, 一中, 一线, 第一时间: a marker never starts inside a name
            assert not (s.marker and NAME_AT.match(d.text, s.start)), (d.doc_id, s)
            prev = d.text[s.start - 1] if s.start else "\n"
            # starts a line or clause, but for 首先 after its subject (张教授首先就…)
            assert prev in "\n 　。；;：:，,！？!?、）)”\"】]…*" or s.marker.startswith("首先"), (d.doc_id, s)
            if s.parent_id is None:
                assert s.level == 1
            else:
                p = by_id[s.parent_id]
                assert s.level == p.level + 1
                assert p.start < s.start and s.end <= p.end
        for a, b in zip(d.sections, d.sections[1:]):  # siblings or nested, never overlapping
            assert b.start >= a.end or b.end <= a.end
    assert n_sections > 200


def test_short_parallel_lead_sentences_in_a_government_report():
    body = """一、过去五年工作回顾
经济实力显著增强。全市地区生产总值年均增长6.5%，一般公共预算收入突破百亿元大关。
改革开放纵深推进。重点领域改革取得突破，营商环境持续优化，外贸进出口总额稳步增长。
民生福祉持续改善。累计新增城镇就业12万人，城乡居民收入增速跑赢经济增长。
二、今后五年目标任务
今后五年，要全面贯彻新发展理念，推动高质量发展。这是全市人民的共同期盼。"""
    assert secs(body) == [(1, "一、", "过去五年工作回顾"), (2, "", "经济实力显著增强"), (2, "", "改革开放纵深推进"),
                          (2, "", "民生福祉持续改善"), (1, "二、", "今后五年目标任务")]


def test_parallel_lead_sentences_across_a_broken_line():
    body = """两个报告，赓续初心。9月20日上午，委员邱慎耕为大家做了题为《当好基层党干部》的辅导报告
，他指出党支部是党建工作的最小细胞，是党组织开展工作的基础。
一场研学，收获感悟。9月22日下午，老党员们来到了位于铜山区汉王镇的康养产业园实地研学。
一次培训，数智共享。为帮助老同志学习掌握信息应用技术，更好地开展线上学习活动，培训如何使用。"""
    assert [t for _, _, t in secs(body)] == ["两个报告，赓续初心", "一场研学，收获感悟", "一次培训，数智共享"]


def test_reported_speech_openings_are_not_lead_sentences():
    body = """会议指出，要提高思想认识。各单位要把思想和行动统一到学校的决策部署上来，切实增强责任感和紧迫感。
会议强调，要压实工作责任。各单位主要负责人要亲自抓、负总责，确保各项任务落到实处、取得实效。
会议要求，要强化督促检查。学校将定期开展专项督查，对工作不力的单位进行通报批评并限期整改。"""
    assert secs(body) == []


# --- bare numeral headings, 一， items, 首先/其次 sequences, captions (held-out misses) -----------

SINA_3 = """随着低增长、低利率、低通胀成为新的常态，资金不断涌入避险资产，债券收益率不断下行，负利率债券的市场也不断扩大，那么当前的债市是否存在泡沫？
1
AMUNDI副首席投资官：Vincent Mortier
债券市场存在泡沫吗？
估值确实过高，因此这可以被视为泡沫。负利率从长期来看是不可持续的。
2
贝莱德(431.2, 7.37, 1.74%)固定收益业务全球首席投资官：Rick Rieder
债券市场存在泡沫吗？
完全没有泡沫。由于人口结构的变化，以及养老基金和保险公司对收入的需求不断上升，债券需求已远远超过供应。
3
摩根大通首席投资官兼全球固定收益主管：Bob Michele
债券市场存在泡沫吗？
不。各国央行正在准备出台新的政策，来应对通胀预期大幅下降的新政策。
3
LGIM首席投资官：Sonja Laud
债券市场存在泡沫吗？
不。负收益率令人不安，但我们几乎看不到与泡沫相关的繁荣迹象。
4
英国M&G固定收益副主管：Stefan Isaacs
债券市场存在泡沫吗？
发达经济体的政府债券估值过高。目前的定价已经走得太远。"""


def test_bare_numeral_headings_with_subheadings():
    # marker = the numeral, title ""; the line under it is a heading one level below (it may be
    # long and end in a Latin name); a repeated number (3, 3, 4) is a slip of the page, not a stop
    assert secs(SINA_3) == [
        (1, "1", ""), (2, "", "AMUNDI副首席投资官：Vincent Mortier"),
        (1, "2", ""), (2, "", "贝莱德(431.2, 7.37, 1.74%)固定收益业务全球首席投资官：Rick Rieder"),
        (1, "3", ""), (2, "", "摩根大通首席投资官兼全球固定收益主管：Bob Michele"),
        (1, "3", ""), (2, "", "LGIM首席投资官：Sonja Laud"),
        (1, "4", ""), (2, "", "英国M&G固定收益副主管：Stefan Isaacs")]


BARE_BODY = [
    "7月18日上午，公管学院土地资源管理专业举行江苏省产教融合型品牌专业建设项目任务书专家论证会。",
    "会议伊始，王义保代表学院致辞。他介绍了公共管理学院的改革及发展状况。",
    "论证阶段，李永峰教授分别从专业建设现状、共建单位概况、师资基本情况等方面汇报了建设内容。",
    "此次会议得到了各位专家务实、深入且具有启发性的意见与建议。",
]


@pytest.mark.parametrize("nums", [("1", "2", "3"), ("01", "02", "03"), ("一", "二", "三"), ("**1**", "**2**", "**3**")])
def test_bare_numeral_lines_over_paragraphs(nums):
    body = BARE_BODY[0] + "".join(f"\n{n}\n{p}" for n, p in zip(nums, BARE_BODY[1:]))
    want = [n.strip("*") for n in nums]
    assert secs(body, fmt="md") == [(1, want[0], ""), (1, want[1], ""), (1, want[2], "")]


def test_bare_numerals_nest_over_other_markers():
    body = (BARE_BODY[0] + "\n1\n" + BARE_BODY[1] + "\n2\n对“八国”，也想说两点：\n"
            "一，论证阶段，李永峰教授汇报了建设内容。各位专家提出了意见与建议。\n"
            "二，此次会议让兄弟院校更加深入的了解了土地资源管理专业的发展状况。有利于专业建设。")
    assert secs(body) == [(1, "1", ""), (1, "2", ""), (2, "一，", "论证阶段，李永峰教授汇报了建设内容"),
                          (2, "二，", "此次会议让兄弟院校更加深入的了解了土地资源管理专业的发展状况")]


@pytest.mark.parametrize("body", [
    # a lone 1
    BARE_BODY[0] + "\n1\n" + BARE_BODY[1],
    # the rows of a flattened table (序号 / 姓名 / 论文题目 / 等级)
    "附件：2022年江苏省研究生“双碳”管理学术创新论坛（分论坛五）获奖名单\n序号\n姓名\n论文题目\n等级\n1\n武文琪\n"
    "Does urban agglomeration construction reduce carbon emission？——An empirical\n"
    "test based on the spatial difference-in-difference model\n一等奖\n2\n陈帆\n"
    "基于数据特征的工业统计数据缺失值填充建模方法：以中国电力统计数据为例\n一等奖\n3\n周国辉\n"
    "《客户能影响供应商企业社会责任履行吗？——基于供应链风险传递视角》\n一等奖",
    # page numbers
    BARE_BODY[0] + "\n1\n2\n3\n下一页",
    # numbering that does not continue
    BARE_BODY[0] + "\n1\n" + BARE_BODY[1] + "\n3\n" + BARE_BODY[2],
])
def test_not_bare_numeral_headings(body):
    assert secs(body) == []


@pytest.mark.parametrize("body,expected", [
    ("一，论证阶段，李永峰教授汇报了建设内容。随后各位专家提出了意见与建议。\n二,报告会后大家纷纷合影留念。现场学术氛围热烈。",
     [(1, "一，", "论证阶段，李永峰教授汇报了建设内容"), (1, "二,", "报告会后大家纷纷合影留念")]),
    ("他提出两点看法。其一，要有大的学科格局，学好专业知识；其二，要练就专业本领，服务区域发展。",
     [(1, "其一，", "要有大的学科格局"), (1, "其二，", "要练就专业本领")]),
])
def test_chinese_numeral_comma_items(body, expected):
    assert secs(body) == expected


@pytest.mark.parametrize("body", [
    "一，论证阶段，李永峰教授汇报了建设内容。随后各位专家提出了意见与建议。",  # alone
    "一，二，三，同学们齐声喊出口号，合影留念。\n随后大家回到教室。",  # counting
    "第一板斧是，5月28日拉布发出威胁。第二板斧是，6月2日拉布在议会中表示。",  # not followed by punctuation
])
def test_not_chinese_numeral_comma_items(body):
    assert secs(body) == []


@pytest.mark.parametrize("body,expected", [
    # 一是 … 其次是 (another kind continues the count); the marker keeps 是 as 一是 does
    ("一家数据公司产品负责人提到，一是客户方向转型，将目光投向银行等传统金融机构是大势所趋。\n"
     "此前，有报道指出，服务重心逐渐转向银行机构成了明显趋势。\n"
     "其次是业务方向转型，单纯的数据服务已不能满足市场需求，向科技赋能转型。",
     [(1, "一是", "客户方向转型"), (1, "其次是", "业务方向转型")]),
    ("活动共分三个环节。首先是“一起来装饰”环节，孩子们装饰主题墙；其次是“乐高拼搭”活动，大家互相合作；"
     "最后是“实现心愿”活动环节，小朋友们互赠礼物。",
     [(1, "首先是", "“一起来装饰”环节"), (1, "其次是", "“乐高拼搭”活动"), (1, "最后是", "“实现心愿”活动环节")]),
    # 首先 … 其次 … 第三，
    ("韩宝平教授首先回顾了我校环境学科的发展历程及在全国的地位；其次他介绍了我国新时代环境形势、压力和挑战，"
     "勉励青年教师要有大的学科格局；第三，他重点从环境问题的尺度效应三个层面系统阐述了环境学科的思维特点。",
     [(1, "首先", "回顾了我校环境学科的发展历程及在全国的地位"), (1, "其次", "他介绍了我国新时代环境形势、压力和挑战"),
      (1, "第三，", "他重点从环境问题的尺度效应三个层面系统阐述了环境学科的思维特点")]),
    # 首先 … 其次 … 三是 … 四是
    ("赵超副书记提出了四点希望：首先要立大志，为国家而学习；其次要担大任，不怕吃苦；三是要行大道，"
     "要一身正气；四是要成大器，做对国家有用的人。",
     [(1, "首先", "要立大志"), (1, "其次", "要担大任"), (1, "三是", "要行大道"), (1, "四是", "要成大器")]),
])
def test_order_words_across_kinds_and_with_shi(body, expected):
    assert secs(body) == expected


@pytest.mark.parametrize("body,expected", [
    # a speaker's sequence: 首先 after the subject, the rest at clause starts, in one paragraph
    ("会议伊始，王义保代表学院致辞。他首先就各位专家长期以来的办学支持表示感谢，其次介绍了公共管理学院的改革及发展状况，"
     "最后希望土地资源管理专业抓住机遇，认真编写好建设任务书。",
     [(1, "首先", "就各位专家长期以来的办学支持表示感谢"), (1, "其次", "介绍了公共管理学院的改革及发展状况"),
      (1, "最后", "希望土地资源管理专业抓住机遇")]),
    ("她首先向广大同学介绍了时间的深度、边界等概念以及中西方时间观差异，其次介绍了心理时间的五条规律。",
     [(1, "首先", "向广大同学介绍了时间的深度、边界等概念以及中西方时间观差异"), (1, "其次", "介绍了心理时间的五条规律")]),
    # … or in consecutive paragraphs
    ("会上，孙云霄副书记首先从大学生涯非常重要的三本书入手，分别讲解了校规校纪、大学生的生涯规划等相关内容。\n"
     "最后，程铄博、黄天静老师对于即将开展的军训活动，向同学们提出了要求。",
     [(1, "首先", "从大学生涯非常重要的三本书入手"), (1, "最后", "程铄博、黄天静老师对于即将开展的军训活动")]),
])
def test_order_words_after_the_subject(body, expected):
    assert secs(body) == expected


@pytest.mark.parametrize("body", [
    # 首先 after the subject with no sequel close by (闭幕式最后 is not at a clause start)
    "开幕式上，张万海致欢迎辞。他首先围绕学校发展规划、学科建设、人才培养等方向，简要介绍了学校基本情况。\n"
    "与会专家围绕主题进行了报告。\n论坛分为开幕式、主题报告、闭幕式三个环节。\n"
    "闭幕式最后，王锋副院长宣读本次论坛的获奖名单。",
    "他首先对各位同仁致以诚挚问候，并简要介绍了灵璧县经济社会发展情况。",  # 首先 alone
    "最后，会议圆满结束。",  # 最后 alone
    "他首先介绍了基本情况。项目进入最后阶段，打通最后一公里。",  # 最后 as a noun
    "首先，他介绍了基本情况。\n大家进行了讨论。\n随后参观了实验室。\n又听取了汇报。\n最后，会议圆满结束。",  # too far
])
def test_not_order_sequences(body):
    assert secs(body) == []


def test_image_captions_are_not_headings():
    body = """“中美贸易战正在变成一场持久战，但我们已有准备。”在东莞洪梅镇，海新科技董事长杨敬辉当面告诉笔者。这句话代表了许多企业家的心声。
特朗普“速胜”企图已在穗莞深破产
全球25%智能手机、20%毛衣、30%玩具、10%眼镜与运动鞋均产自东莞，中美经贸摩擦对东莞市的影响无疑是直接的。
贸易战导致的原材料购进受限、环保与人工成本增加等原因，的确逼迫企业转型。在张华荣眼里，华坚志在全球。
华坚鞋业生产车间
在全球最大手机代工企业之一的华勤通讯，某高管表示，5G时代，美国技术不占有优势，肯定打垮不了中国企业。"""
    assert secs(body) == [(1, "", "特朗普“速胜”企图已在穗莞深破产")]


def test_a_heading_block_with_only_scraps_under_it_is_page_furniture():
    title = "标题"
    body = "工作举措\n全面贯彻党的教育方针，落实立德树人根本任务，办好人民满意的教育。\n公司资本论\n连接每日热点，\n点评股市众生相"
    start = len(title) + 1
    at = start + body.index("公司资本论")
    blocks = [Block(start=start, end=start + 4, kind="heading", level=2),
              Block(start=at, end=at + 5, kind="heading", level=2)]
    assert secs(body, title=title, blocks=blocks) == [(1, "", "工作举措")]


def test_tagged_series_headings():
    body = ("各学院精心组织、有序开展了各具特色的校庆系列活动，充分展示了学校的深厚底蕴、良好形象和师生昂扬向上的精神风貌。\n"
            "【文化校庆】感悟革命先贤精神，培养爱校爱国情怀，弘扬历史文化精神\n"
            "6月1日，学校举办校史与校园精神专题报告会，校党委副书记以校训校歌简释为题作专题报告，激励广大教师重温校情校史。\n"
            "【学术校庆】整合共享学术资源，拓宽国际学术视野，探索学术前沿\n"
            "学校举办青年学者创新论坛，邀请院士专家作学术报告，为青年教师搭建了交流平台，营造了良好的学术氛围和环境。\n")
    got = secs(body)
    assert [t for _, _, t in got] == ["【文化校庆】感悟革命先贤精神，培养爱校爱国情怀，弘扬历史文化精神",
                                      "【学术校庆】整合共享学术资源，拓宽国际学术视野，探索学术前沿"]
    assert not secs("【编者按】这是一段很长的编者按语，介绍了本期内容的背景和意义。\n正文第一段写得很长很长，足够作为正文段落来使用，并且以句号结尾。\n")
