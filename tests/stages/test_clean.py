"""tests for pipeline/stages/clean.py and pipeline/clean/ (real sentences from the seeds and corpus)."""
from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from pipeline.clean.classify import rule_reason
from pipeline.clean.fields import clean_title, iso_date
from pipeline.models import CleanedDoc, LoadedDoc
from pipeline.stages.clean import clean, compute_signals
from pipeline.stages.load import load_file

from tests.conftest import CORPUS, DATA, SEEDS, needs_corpus

NAV_WORDS = {"首页", "返回顶部", "上一篇", "下一篇", "返回首页", "打印", "关闭", "分享到", "相关阅读"}


def canon(s):
    """The scorer's comparison form: NFKC, no whitespace, straight quotes."""
    s = unicodedata.normalize("NFKC", s or "")
    s = "".join(ch for ch in s if not ch.isspace())
    return s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def doc(raw: str, fmt: str = "txt", doc_id: str = "t") -> LoadedDoc:
    return LoadedDoc(doc_id=doc_id, source_path=f"{doc_id}.{fmt}", format=fmt, encoding="utf-8",
                     n_bytes=len(raw.encode()), raw=raw)


BODY = ("在省、市委召开“三零”单位创建动员会后,大同北岳中学以“号召就是命令,行动就是落实”的态度,闻令而动,令出行随。\n"
        "领导组下设办公室,主任由分管政教安全工作的校级领导担任,副主任由政教处主任、副主任担任,成员为各级部主任和各班班主任。\n")


# --- cue rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("line,reason", [
    ("责任编辑/杨亮亮", "credits"),
    ("审核:睢步成", "credits"),
    ("策划:徐心一 杨占森", "credits"),
    ("返回首页 > 位置: 学校网 > 宁化县 > 正文", "navigation"),
    ("日期:2022/10/21 0:02:01 浏览:", "metadata"),
    ("来源 :湖北教育·中小学党建 | 被引量 : 0次 | 上传用户:beibeigou", "metadata"),
    ("网站内容来源于网络,其真实性与本站无关,请网友慎重判断", "disclaimer"),
    ("预览结束,获取全文或定制代笔此类文章,请联系老师!", "paywall"),
    ("下载到本地 , 更方便阅读", "paywall"),
    ("原标题:支部好案例|宁化一中深化“343”党建工作机制,引领学校教育教学高质量发展", "title"),
    ("Copyright © 1996-2019 SINA Corporation", "footer"),
])
def test_boilerplate_lines_get_their_reason(line, reason):
    assert rule_reason(canon(line)) == reason


@pytest.mark.parametrize("line", [
    "宁化是红军长征出发地之一,被誉为“中央苏区乌克兰”,也是举世闻名的客家祖地。",
    "这条朋友圈，刺痛了汪勇。",
    "今晚，中国铁路总公司通过官方微博发布辟谣消息称：网传信息不实。",
    "学校党建案例入选《中国教育报》党建案例征集。",
])
def test_article_sentences_match_no_rule(line):
    assert rule_reason(canon(line)) is None


# --- fields ----------------------------------------------------------------------------------

def test_clean_title_strips_tag_column_and_speaker_prefixes():
    assert clean_title("【北岳中学团委】大同市北岳中学深入开展“三零”单位创建工作") == (
        "大同市北岳中学深入开展“三零”单位创建工作", "北岳中学团委")
    assert clean_title("支部好案例|宁化一中深化“343”党建工作机制,引领学校教育教学高质量发展")[0] == \
        "宁化一中深化“343”党建工作机制,引领学校教育教学高质量发展"
    assert clean_title("午间公告：天奇股份中标广汽丰田项目；运达股份中标7亿元项目")[0] == \
        "天奇股份中标广汽丰田项目；运达股份中标7亿元项目"
    assert clean_title("“三同三联”促发展 同心育人著华章")[0] == "“三同三联”促发展 同心育人著华章"


@pytest.mark.parametrize("s,iso", [
    ("日期:2022/10/21 0:02:01 浏览:", "2022-10-21"),
    ("2019年09月07日 04:04", "2019-09-07"),
    ("2022-07-12 01:22:09.335810", "2022-07-12"),
    ("2019-09-3007:42", "2019-09-30"),
    ("2021年3月", "2021-03"),
    ("浏览: 25", None),
])
def test_iso_date(s, iso):
    assert iso_date(s) == iso


def test_text_copy_fields_and_boilerplate():
    raw = ("返回首页 > 位置: 学校网 > 宁化县 > 正文\n\n"
           "支部好案例|宁化一中深化“343”党建工作机制,引领学校教育教学高质量发展\n\n"
           "日期:2022/10/21 0:02:01 浏览:\n\n" + BODY +
           "文章来源于:http://www.ljyz.com.cn 学校网\n"
           "网站内容来源于网络,其真实性与本站无关,请网友慎重判断\n"
           "最新资讯\n现场直击!黔南开学第一天09-08\n8月29日,都匀市中小学、幼儿园全面开学。\n")
    c = clean(doc(raw))
    assert c.title == "宁化一中深化“343”党建工作机制,引领学校教育教学高质量发展"
    assert c.date == "2022-10-21" and c.source == "学校网"
    assert c.text.split("\n")[0] == c.title
    assert "闻令而动" in c.text and "班主任。" in c.text
    for gone in ("返回首页", "日期:", "文章来源于", "本站无关", "最新资讯", "都匀市"):
        assert gone not in c.text
    reasons = {r.reason for r in c.removed}
    assert {"navigation", "metadata", "disclaimer", "related"} <= reasons


def test_dateline_and_tag_sources():
    c = clean(doc("新华社北京10月1日电 国庆假期首日,全国铁路发送旅客1500万人次,同比增长。\n"))
    assert c.source == "新华社" and c.title is None
    c = clean(doc("【北岳中学团委】大同市北岳中学深入开展“三零”单位创建工作\n" + BODY))
    assert c.source == "北岳中学团委" and c.title.startswith("大同市北岳中学")


# --- structure -------------------------------------------------------------------------------

def test_html_fragments_in_text_become_paragraphs_and_credits_and_tags_go():
    raw = ('【北岳中学团委】大同市北岳中学深入开展“三零”单位创建工作\n\n'
           '<p><b style="font-size: 20px;">  在省、市委召开“三零”单位创建动员会后,大同北岳中学闻令而动。</b></p> '
           '<p><b style="font-size: 20px;">一、落实三项工作,全面提升治理效能。我校重点从强化组织领导加以落实。</b></p>'
           '<p style="text-align: center;"><b style="font-size: 18px;">审核:睢步成</b></p><p><br></p>\n\n'
           "工作\n\n教育\n\n学生\n\n三零\n\n创建\n")
    c = clean(doc(raw))
    lines = c.text.split("\n")
    assert lines[1] == "在省、市委召开“三零”单位创建动员会后,大同北岳中学闻令而动。"
    assert lines[2].startswith("一、落实三项工作")
    assert "<" not in c.text and "审核" not in c.text and "教育" not in c.text.split("\n")[-1]
    assert {r.reason for r in c.removed} >= {"credits", "tags"}
    for r in c.removed:
        if r.start is not None:
            assert canon(r.text) in canon(raw[r.start:r.end]) or r.reason == "script"


def test_markdown_front_matter_more_marker_emphasis_images_links_tables():
    raw = ("---\ntitle: 中国矿业大学->第二届“学思·镜湖”研究生学术创新论坛在我校举行 | cumt.net.cn\n"
           "date: 2022-07-12 01:22:09.335810\ncategories:\n- cumt.net.cn\n- 中国矿业大学\n---\n"
           "论坛合影\n\n"
           "近日，中国矿业大学第二届研究生学术创新论坛在公共管理学院举行，论坛由\n<!--more-->\n研究生院主办。\n\n"
           "## 主旨报告\n\n**复旦大学竺乾威教授**作报告，**市的代表也参加了。\n\n"
           "| 奖项 | 人数 |\n|---|---|\n| 一等奖 | 9名 |\n\n"
           "![图](http://xwzx.cumt.edu.cn/_upload/a.png)\n\n"
           "[转入文章首发地址](http://xwzx.cumt.edu.cn/91/c7/c523a627143/page.htm)")
    c = clean(doc(raw, "md"))
    assert c.title == "第二届“学思·镜湖”研究生学术创新论坛在我校举行"
    assert c.date == "2022-07-12" and c.source == "中国矿业大学"
    assert "论坛由研究生院主办。" in c.text and "<!--" not in c.text
    assert "复旦大学竺乾威教授作报告，**市的代表也参加了。" in c.text  # emphasis pair gone, lone ** kept
    assert "奖项\t人数\n一等奖\t9名" in c.text
    for gone in ("论坛合影", "![", "png", "转入文章首发地址", "slug", "categories"):
        assert gone not in c.text
    heads = [(c.text[b.start:b.end], b.level) for b in c.blocks if b.kind == "heading"]
    assert heads == [(c.title, 1), ("主旨报告", 2)]
    assert [b.kind for b in c.blocks].count("table") == 1
    assert {"front-matter", "image", "metadata"} <= {r.reason for r in c.removed}


def test_blocks_tile_the_text():
    c = clean(load_file(SEEDS / "003_c020b616ad99d7c6.txt", "003"))
    assert isinstance(c, CleanedDoc)
    assert [c.text[b.start:b.end] for b in c.blocks] == c.text.split("\n")
    assert c.blocks[0].kind == "heading" and c.blocks[0].level == 1


def test_document_without_boilerplate_comes_out_whole():
    path = SEEDS / "001_cd28634c774223a4.txt"
    c = clean(load_file(path, "001"))
    raw_lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert c.text.split("\n") == [" ".join(l.split()) for l in raw_lines]
    assert c.removed == []


def test_html_page_main_content():
    raw = ("<html><head><title>法国全国大罢工再次严重影响交通-新华网</title>"
           "<style>.nav{color:red}</style><script>var x = function(){return 1};</script></head><body>"
           "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/a'>国际</a></li><li><a href='/b'>财经</a></li></ul>"
           "<h1>法国全国大罢工再次严重影响交通</h1><div class='info'>2019-12-10 07:57:40 来源：新华网</div>"
           "<div class='article'>" +
           "".join(f"<p>新华社巴黎12月9日电 法国全国大罢工9日进入第五天，巴黎公共交通仍严重受阻，第{i}条地铁线路关闭，"
                   f"许多市民不得不步行或骑车上班。</p>" for i in range(1, 7)) +
           "<p>【纠错】 责任编辑： 尹世杰</p></div>"
           "<div class='footer'><p>Copyright © 2000-2019 XINHUANET.com All Rights Reserved.</p></div>"
           "</body></html>")
    c = clean(doc(raw, "html"))
    assert c.title == "法国全国大罢工再次严重影响交通"
    assert c.date == "2019-12-10" and c.source == "新华网"
    assert "第6条地铁线路关闭" in c.text
    for gone in ("function", "color:red", "Copyright", "尹世杰", "首页"):
        assert gone not in c.text
    assert "script" in {r.reason for r in c.removed}


def test_signals_count_lines_across_documents_and_drop_repeats_outside_the_article():
    docs = [doc(f"本站首页 学校概况 新闻中心\n第{i}期简报\n{BODY}欢迎访问本校网站\n", doc_id=str(i)) for i in range(5)]
    sig = compute_signals(docs)
    assert sig.n_docs == 5 and sig.repeated_lines["欢迎访问本校网站"] == 5
    assert "第1期简报" not in sig.repeated_lines
    c = clean(docs[0], sig)
    assert "欢迎访问本校网站" not in c.text and "闻令而动" in c.text
    assert "repeated" in {r.reason for r in c.removed}


# --- gold ------------------------------------------------------------------------------------

def _gold_cases(gold_dir: Path, roots: list[Path]):
    cases = []
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        for root in roots:
            hits = [p for p in root.rglob(gold["doc_id"] + ".*") if p.suffix in (".txt", ".md", ".html")]
            if hits:
                cases.append((gold, hits[0]))
                break
    return cases


def _check_gold(gold, path):
    c = clean(load_file(path, gold["doc_id"]))
    text = canon(c.text)
    assert [k for k in gold["keep"] if canon(k) not in text] == []
    assert [d for d in gold["drop"] if canon(d) in text] == []
    for field in ("title", "date", "source"):
        assert canon(getattr(c, field)) == canon(gold.get(field)), field


@pytest.mark.parametrize("gold,path", _gold_cases(DATA / "seed_gold", [SEEDS]), ids=lambda x: getattr(x, "stem", ""))
def test_seed_gold(gold, path):
    _check_gold(gold, path)


CORPUS_CASES = _gold_cases(DATA / "corpus_gold", [CORPUS]) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("gold,path", CORPUS_CASES, ids=lambda x: getattr(x, "stem", ""))
def test_corpus_gold(gold, path):
    _check_gold(gold, path)


# --- properties over the whole corpus --------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_cleaned():
    out = {}
    t0 = time.perf_counter()
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        docs = [load_file(p, p.stem) for p in sorted(folder.iterdir()) if p.suffix in (".md", ".html", ".txt")]
        sig = compute_signals(docs)
        for d in docs:
            out[d.doc_id] = (d, clean(d, sig))
    return out, time.perf_counter() - t0


@needs_corpus
def test_corpus_cleans_fast_and_whole(corpus_cleaned):
    out, seconds = corpus_cleaned
    assert len(out) >= 800 and seconds < 60
    bad = []
    for d, c in out.values():
        lines = c.text.split("\n")
        if len(c.text) < 100 or any(l.strip() in NAV_WORDS for l in lines):
            bad.append(d.doc_id)
        if re.search(r"function\s*\(|var \w+\s*=|<!--|-->|\{[^}]*:[^}]*;\s*\}", c.text):
            bad.append(d.doc_id)
    assert bad == []


@needs_corpus
def test_corpus_markdown_keeps_its_longest_paragraph(corpus_cleaned):
    out, _ = corpus_cleaned
    lost = []
    for d, c in out.values():
        if d.format != "md":
            continue
        body = d.raw.split("\n---", 1)[-1]
        lines = [l for l in body.splitlines() if not l.startswith(("![", "[", "<!--"))]
        longest = re.sub(r"\*\*|\s+", "", max(lines, key=len))
        probe = longest[len(longest) // 2: len(longest) // 2 + 20]
        if probe not in re.sub(r"\s+", "", c.text):
            lost.append(d.doc_id)
    assert lost == []


@needs_corpus
def test_text_copies_of_whole_pages_lose_their_chrome():
    """The visible text of a gold news page, cleaned as a .txt: article kept, chrome gone."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("visible_text", CORPUS.parent / "tools" / "visible_text.py")
    vt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vt)
    keep = drop = n_keep = n_drop = 0
    titles = []
    for gold, path in CORPUS_CASES:
        if path.suffix != ".html":
            continue
        c = clean(doc(vt.visible(str(path)), "txt", gold["doc_id"]))
        text = canon(c.text)
        keep += sum(canon(k) in text for k in gold["keep"])
        drop += sum(canon(d) not in text for d in gold["drop"])
        n_keep, n_drop = n_keep + len(gold["keep"]), n_drop + len(gold["drop"])
        titles.append(canon(c.title) == canon(gold["title"]))
    assert n_keep and keep == n_keep
    assert drop / n_drop >= 0.95
    assert sum(titles) >= 0.8 * len(titles)


def test_layout_tables_are_paragraphs_data_tables_stay_tables_and_outlet_after_date_is_source():
    para = ("1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，位列三县两区第一。"
            "其中第三产业投资完成119.90亿元，同比增长15.2%，位列三县两区第二。")
    raw = ("<html><head><title>1-10月德清县固定资产投资结构趋稳趋优_浙江省发展和改革委员会</title></head><body>"
           "<table><tr><td><a href='/'>首页</a> | <a href='/x'>发展改革工作</a></td></tr></table>"
           "<h2>1-10月德清县固定资产投资结构趋稳趋优</h2>"
           "<div><span>2016年11月22日 09:30</span> <a href='http://www.zjdaily.com.cn'>浙江日报</a></div>"
           f"<table><tr><td><p>{para}</p><p>{para.replace('1-10月', '前三季度')}</p></td></tr></table>"
           "<table><tr><th>产业</th><th>投资</th></tr><tr><td>第一产业</td><td>1.7亿元</td></tr>"
           "<tr><td>第三产业</td><td>119.90亿元</td></tr></table>"
           f"<p>{para.replace('全县', '全市')}</p>"
           "</body></html>")
    c = clean(doc(raw, "html"))
    assert c.title == "1-10月德清县固定资产投资结构趋稳趋优"
    assert c.date == "2016-11-22" and c.source == "浙江日报"
    kinds = {c.text[b.start:b.end][:5]: b.kind for b in c.blocks}
    assert kinds["1-10月"] == "paragraph" and kinds["前三季度，"] == "paragraph"
    assert "首页" not in c.text
    tables = [c.text[b.start:b.end] for b in c.blocks if b.kind == "table"]
    assert tables == ["产业\t投资\n第一产业\t1.7亿元\n第三产业\t119.90亿元"]
