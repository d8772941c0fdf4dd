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
            assert prev in "\n 　。；;：:，,！？!?、）)”\"】]…*", (d.doc_id, s)  # starts a line or clause
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


def test_reported_speech_openings_are_not_lead_sentences():
    body = """会议指出，要提高思想认识。各单位要把思想和行动统一到学校的决策部署上来，切实增强责任感和紧迫感。
会议强调，要压实工作责任。各单位主要负责人要亲自抓、负总责，确保各项任务落到实处、取得实效。
会议要求，要强化督促检查。学校将定期开展专项督查，对工作不力的单位进行通报批评并限期整改。"""
    assert secs(body) == []
