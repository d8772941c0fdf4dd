"""tests for pipeline/stages/clean.py and pipeline/clean/ (real sentences from the seeds and corpus)."""
from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from pipeline.clean.classify import rule_reason
from pipeline.clean.fields import iso_date
from pipeline.clean.title import clean_title
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
    # who speaks, or a clause of the headline, is not a column (holdout and dev gold)
    assert clean_title("交通运输部：着力打造京津冀区域综合立体交通网络")[0] == "交通运输部：着力打造京津冀区域综合立体交通网络"
    assert clean_title("海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果")[0] == "海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果"


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


def test_contact_footer_line_is_dropped():
    c = clean(doc("中华人民共和国监察法\n" + BODY + "地址：太原市新建南路56号 邮编：030001 电话：0351-3985088\n"))
    assert "邮编" not in c.text and "footer" in {r.reason for r in c.removed}


def test_dateline_and_tag_sources():
    c = clean(doc("新华社北京10月1日电 国庆假期首日,全国铁路发送旅客1500万人次,同比增长。\n"))
    assert c.source == "新华社" and c.title is None
    c = clean(doc("【北岳中学团委】大同市北岳中学深入开展“三零”单位创建工作\n" + BODY))
    assert c.source == "北岳中学团委" and c.title.startswith("大同市北岳中学")
    c = clean(doc("【全国样板党支部交流活动】材料学院研究生第二党支部举行线上共建交流会\n" + BODY))
    assert c.source != "全国样板党支部交流活动"   # a topic tag, not a publisher


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


def test_markdown_table_broken_into_one_cell_per_line_is_rejoined():
    """A crawler's html2text output: cells on their own lines, lone | between cells, ---|--- under the header."""
    raw = ("---\ntitle: 中国矿业大学->化工学院获批项目 | cumt.net.cn\ndate: 2022-09-10 01:00:00\n---\n"
           "化工学院共有20项获得资助。\n\n获批项目清单：\n\n"
           "**负责人** ****\n\n|\n\n**项目名称** ****\n\n|\n\n**经费（万元）** ****  \n\n---|---|---  \n\n"
           "张海军\n\n|\n\n矿物分离过程强化\n\n|\n\n400\n\n"
           "赵跃民\n\n|\n\n宽尺度多组分气固分选\n\n|\n\n260\n\n"
           "今年获批项目数再创新高。\n")
    c = clean(doc(raw, "md"))
    assert "负责人\t项目名称\t经费（万元）\n张海军\t矿物分离过程强化\t400\n赵跃民\t宽尺度多组分气固分选\t260" in c.text
    assert [b.kind for b in c.blocks].count("table") == 1
    assert c.text.endswith("今年获批项目数再创新高。") and "|" not in c.text


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


# --- truncation at inline elements, empty articles, captions, dates, titles ------------------

def _news_page(title: str, body: str, head: str = "", foot: str = "") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body>"
            "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/a'>国际</a></li></ul>"
            f"<div class='article'>{body}</div>{foot}</body></html>")


PARAS = "".join(f"<p>法国全国大罢工9日进入第五天，巴黎公共交通仍严重受阻，第{i}条地铁线路关闭，许多市民不得不步行或骑车上班。</p>"
                for i in range(1, 6))


def test_paragraph_is_not_cut_at_an_empty_inline_element():
    """trafilatura's favor_precision pruning dropped the tail of an empty <span> (sina_4)."""
    lead = ('<p>新浪科技讯 北京时间9月11日凌晨消息，<span id="usstock_AAPL"><a href="http://stock.x/AAPL.html" '
            'class="keyword f_st">苹果</a></span><span id="quote_AAPL"></span>2019秋季发布会开幕，'
            '新iPad为第一个出场的硬件产品。</p>')
    c = clean(doc(_news_page("苹果秋季发布会开幕", lead + PARAS), "html"))
    assert "新浪科技讯 北京时间9月11日凌晨消息，苹果2019秋季发布会开幕，新iPad为第一个出场的硬件产品。" in c.text.split("\n")
    assert not any("2019秋季发布会开幕" in r.text for r in c.removed)


def test_truncated_paragraph_takes_the_rest_of_its_visible_line():
    from pipeline.clean.blocks import RawBlock
    from pipeline.clean.htmlpage import restore_truncated

    lines = ["首页", "新浪科技讯 北京时间9月11日凌晨消息，苹果2019秋季发布会开幕。", "第二段，写完了。"]
    blocks = [RawBlock(text="新浪科技讯 北京时间9月11日凌晨消息，苹果"), RawBlock(text="第二段，写完了。")]
    restore_truncated(blocks, lines)
    assert [b.text for b in blocks] == lines[1:]
    whole = [RawBlock(text="正文结束了。"), RawBlock(text="返回首页")]  # a sentence-final cut stays cut
    restore_truncated(whole, ["正文结束了。返回首页>>"])
    assert whole[0].text == "正文结束了。"


def _visible_text_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("visible_text", CORPUS.parent / "tools" / "visible_text.py")
    vt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vt)
    return vt


def truncated_paragraphs(path: Path, c: CleanedDoc, vt) -> list[tuple[str, str]]:
    """Kept lines that are a strict piece of a longer visible block whose rest was removed, cut mid-sentence.

    The headline line and the <title> block are left out (the title drops its site name on
    purpose), and so are pieces cut off on purpose (`b.cut`, e.g. 返回腾讯网首页>>) and
    pieces that end and start at sentence boundaries (a summary lead repeating a sentence).
    """
    import html as html_mod

    raw = path.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<title[^>]*>(.*?)</title>", raw, re.S | re.I)
    title_key = canon(html_mod.unescape(m.group(1))) if m else None
    blocks = [canon(l) for l in vt.visible(str(path)).split("\n")]
    blocks = [v for v in blocks if v and v != title_key]
    text = canon(c.text)
    cuts = {canon(r.text) for r in c.removed if r.start is None}
    lines = c.text.split("\n")
    if c.title and lines and lines[0] == c.title:
        lines = lines[1:]
    ends = tuple(canon("。！？!?；;…”"))
    out = []
    for line in lines:
        k = canon(line)
        if len(k) < 4:
            continue
        for v in blocks:
            i = v.find(k)
            if i < 0 or len(v) == len(k):
                continue
            before, after = v[:i], v[i + len(k):]
            rest = [r for r in (before, after) if len(r) >= 2 and r not in text and r not in cuts]
            aligned = (not before or before.endswith(ends)) and (not after or k.endswith(ends))
            if rest and not aligned:
                out.append((line, " / ".join(rest)))
                break
    return out


@needs_corpus
def test_no_kept_paragraph_is_a_truncated_visible_block(corpus_cleaned):
    out, _ = corpus_cleaned
    vt = _visible_text_module()
    bad = []
    for d, c in out.values():
        if d.format == "html":
            bad += [(d.doc_id, line[:40], rest[:40]) for line, rest in truncated_paragraphs(Path(d.source_path), c, vt)]
    assert bad == []


@pytest.mark.parametrize("raw,fmt", [
    ("<html><head><title>某某学校网站</title><script>var a = 1;</script></head><body>"
     "<ul><li><a href='/'>首页</a></li><li><a href='/x'>学校概况</a></li></ul></body></html>", "html"),
    ("返回首页 > 位置: 学校网 > 正文\n\n日期:2022/10/21 0:02:01 浏览:\n网站内容来源于网络,其真实性与本站无关,请网友慎重判断\n", "txt"),
    ("---\ntitle: 中国矿业大学->活动现场 | cumt.net.cn\n---\n![图](http://x/a.png)\n\n[转入文章首发地址](http://x/p.htm)\n", "md"),
])
def test_a_document_without_article_text_is_an_error(raw, fmt):
    from pipeline.stages.clean import EmptyArticleError

    with pytest.raises(ValueError, match="no article text found after removing boilerplate") as e:
        clean(doc(raw, fmt))
    assert isinstance(e.value, EmptyArticleError)


def test_runner_records_an_empty_article_in_errors_jsonl(tmp_path):
    from pipeline.runner import Options, run

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("【北岳中学团委】大同市北岳中学深入开展“三零”单位创建工作\n" + BODY, encoding="utf-8")
    (src / "chrome.html").write_text("<html><head><title>某某学校网站</title></head><body>"
                                     "<a href='/'>首页</a> <a href='/x'>学校概况</a></body></html>", encoding="utf-8")
    run(Options(input_dir=src, out_dir=tmp_path / "out", to_stage="clean"))
    errors = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["doc_id"], e["stage"], e["error"]) for e in errors] == [("chrome", "clean", "EmptyArticleError")]
    assert "no article text found" in errors[0]["message"]
    cleaned = (tmp_path / "out" / "stages" / "clean.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(l)["doc_id"] for l in cleaned] == ["good"]


def _post(body: str) -> LoadedDoc:
    return doc("---\ntitle: 中国矿业大学->机电工程学院实践团开展暑期社会实践活动 | cumt.net.cn\n"
               "date: 2021-09-12 03:24:05.098196\ncategories:\n- cumt.net.cn\n- 中国矿业大学\n---\n" + body +
               "\n\n![图](http://xwzx.cumt.edu.cn/_upload/a.jpg)\n\n![图](http://xwzx.cumt.edu.cn/_upload/b.jpg)\n", "md")


REST = "实践团队由六名机电工程学院的同学组成，以徐州市淮海战役纪念馆为主要实践地点，结合周边红色景区开展调研。"


@pytest.mark.parametrize("glued,first", [
    ("实践团成员们在观看陈列实践团成员们在聆听战场故事踏访燎原星火，传承红色基因。近期，机电工程学院实践团在徐州开展社会实践。",
     "踏访燎原星火，传承红色基因。近期，"),
    ("参观西安事变纪念馆参观八路军驻西安办事处纪念馆参观革命旧址，缅怀革命先烈，传承红色精神。近期，实践团前往西安进行红色革命旧址寻访。",
     "参观革命旧址，缅怀革命先烈，传承红色精神。"),
    ("徐州市第一人民医院院感处主任欧阳林辉讲授防控知识要点线上学习《高等学校新冠肺炎疫情防控技术方案（第四版）》说明"
     "为认真落实常态化疫情防控部署要求，8月29-30日，学校通过线上培训的方式开展防控知识培训。", "为认真落实常态化"),
    ("同学观看线上培训讲座１同学观看线上培训讲座２为认真落实常态化疫情防控部署要求，建筑与设计学院组织学生观看培训讲座。",
     "为认真落实常态化"),
])
def test_glued_captions_are_cut_where_the_article_opens(glued, first):
    c = clean(_post(glued + "\n\n" + REST))
    body = c.text.split("\n")[1]
    assert body.startswith(first) and glued.endswith(body)
    assert any(r.reason == "image" and glued.startswith(r.text) for r in c.removed)


@pytest.mark.parametrize("line", [
    "《徐州日报》2021年9月2日第4版以《打通软硬实力“任督二脉”》为题报道了煤炭资源与安全开采国家重点实验室与徐工筑路携手合作新模式。",
    "中国矿业大学第十届运动会于南湖校区体育场隆重开幕，场面热烈。近日，学校召开总结会。",  # no caption words in the run
    "中国矿业大学计算机科学与技术学院为进一步加强研究生学风建设，学院召开研究生学风建设推进会。",  # the subject
])
def test_first_paragraphs_without_glued_captions_stay_whole(line):
    c = clean(_post(line + "\n\n" + REST))
    assert c.text.split("\n")[1] == line


def test_leading_lines_that_go_on_in_the_next_line_are_not_captions():
    c = clean(_post("活动现场\n\n嘉宾合影\n\n2022年6月22日下午，“一针一线绣党徽\n\n一心一意跟党走”徐州香包非遗文化传承与制作体验活动在江苏省"
                    "中华优秀传统文化传承基地开展，各民族师生40余人参加了活动。\n\n"
                    "加泰罗尼亚理工大学信号理论与通信学院教授Carlos López Martinez作报告\n\n" + REST))
    lines = c.text.split("\n")
    assert lines[1] == "2022年6月22日下午，“一针一线绣党徽"
    assert "活动现场" not in c.text and "嘉宾合影" not in c.text
    c = clean(_post("论坛现场\n\n加泰罗尼亚理工大学信号理论与通信学院教授Carlos López Martinez作报告\n\n" + REST))
    assert c.text.split("\n")[1:] == [REST]


def test_html_date_only_from_the_page_or_its_meta_tags():
    # trafilatura dates this page from its URL; the page itself shows no date
    page = _news_page("法国全国大罢工再次严重影响交通-新华网", PARAS,
                      head='<link rel="canonical" href="http://www.xinhuanet.com/world/2019-12/10/c_1125327143.htm">')
    assert clean(doc(page, "html")).date is None
    page = _news_page("标题", PARAS, head='<meta name="others" content="页面生成时间 2023-10-23 11:23:36">'
                      '<meta name="firstpublishedtime" content="2007-08-20-23:59:59">')
    assert clean(doc(page, "html")).date == "2007-08-20"
    page = _news_page("标题", PARAS, head='<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/'
                      'cambrian.jsonld", "pubDate": "2019-09-07T09:27:48"}</script>')
    assert clean(doc(page, "html")).date == "2019-09-07"
    page = _news_page("标题", PARAS, head='<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">')
    assert clean(doc(page, "html")).date == "2019-10-08"
    page = _news_page("标题", PARAS + "<div class='foot'>发布日期：2019-09-23 14:34:05 所属分类：头条</div>")
    assert clean(doc(page, "html")).date == "2019-09-23"


@pytest.mark.parametrize("title,foot,want", [
    ("法国全国大罢工再次严重影响交通--当代商报", "<p>版权所有 当代商报</p>", "法国全国大罢工再次严重影响交通"),
    ("大罢工影响交通_中华人民共和国国家发展和改革委员会", "<div>主办单位：中华人民共和国国家发展和改革委员会</div>", "大罢工影响交通"),
    ("法国全国大罢工再次严重影响交通——人民网", "<div>人民网版权所有，未经书面授权禁止使用</div>", "法国全国大罢工再次严重影响交通"),
    ("大罢工影响交通_国际_新华网", "<div>首页 > 国际 > 正文</div><div>Copyright © 新华网</div>", "大罢工影响交通"),
    ("法国全国大罢工再次严重影响交通，人民网", "<div><a href='/'>返回人民网首页</a></div>", "法国全国大罢工再次严重影响交通"),
    ("女儿出嫁，郑板桥画了几笔兰花当嫁妆", "<div>人民网版权所有</div>", "女儿出嫁，郑板桥画了几笔兰花当嫁妆"),
    ("中华人民共和国监察法-纪检", "<div>首页 > 纪检 > 中华人民共和国监察法</div>", "中华人民共和国监察法"),
    ("国际新闻频道_法国全国大罢工再次严重影响交通", "<div>国际新闻频道</div>", "法国全国大罢工再次严重影响交通"),
])
def test_html_title_without_headline_element_drops_the_site_part(title, foot, want):
    assert clean(doc(_news_page(title, PARAS, foot=foot), "html")).title == want


def test_html_title_from_the_page_when_the_title_tag_holds_column_and_site_only():
    body = ("<div class='crumb'>首页 - 新闻动态</div><div class='tit'>2019年中国人文地理学术年会在重庆成功举行！</div>"
            "<div class='info'>发布时间：2019-05-18 来源：中国地理学会</div>" + PARAS)
    c = clean(doc(_news_page("新闻动态--中国地理学会官网", body, foot="<p>版权所有：© 2001-2012 中国地理学会</p>"), "html"))
    assert c.title == "2019年中国人文地理学术年会在重庆成功举行！" and c.date == "2019-05-18"
    body = "<div>当前位置：主页 > 股市消息</div><div>最新出炉联合国贸发报告：全球经济增长率降至2.3%</div>" + PARAS
    c = clean(doc(_news_page("明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%", body), "html"))
    assert c.title == "最新出炉联合国贸发报告：全球经济增长率降至2.3%"


def test_header_zone_starts_at_the_headline_line_not_at_the_title_tag():
    body = ("<div>上一篇：今日股市行情分析--2019年8月19日</div><div>当前位置：主页 > 股市消息</div>"
            "<div>最新出炉联合国贸发报告：全球经济增长率降至2.3%</div><div>发布时间： 2019-09-26 10:09:11</div>"
            "<div><span>\ue60e4</span></div><div><span>\ue6143573</span></div>" + PARAS)
    c = clean(doc(_news_page("明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%", body), "html"))
    assert c.title == "最新出炉联合国贸发报告：全球经济增长率降至2.3%" and c.date == "2019-09-26"
    assert "3573" not in c.text  # a view counter above the body


def test_recall_output_that_glues_the_precision_paragraphs_is_not_taken():
    from pipeline.clean.blocks import RawBlock
    from pipeline.clean.htmlpage import _glued

    before = [RawBlock(text="最新出炉联合国贸发报告：全球经济增长率降至2.3%"), RawBlock(text="联合国贸发会议发布了报告，全球贸易增长也将严重减缓。")]
    blob = [RawBlock(text="Toggle navigation 首页 股市行情 " + before[0].text + " 发布时间 4 3573 " + before[1].text + " 相关新闻")]
    assert _glued(blob, before)
    assert not _glued(before + [RawBlock(text="另一段正文，写得很长很长的一段。")], before)


def test_site_owner_from_the_footer_zhuban_line():
    raw = ("<html><head><title>关于加强纪律建设的通知</title></head><body>"
           "<div class='nav'><a href='/'>首页</a> <a href='/a'>工作动态</a></div>"
           "<h1>关于加强纪律建设的通知</h1>"
           "<p>为深入贯彻全面从严治党要求，进一步加强学校纪律建设，现就有关事项通知如下。各单位要高度重视，认真组织学习。</p>"
           "<p>各党总支要结合实际制定工作方案，明确责任分工，确保各项要求落到实处，并于月底前报送工作总结。</p>"
           "<div class='footer'>版权所有 © 2018 主办单位：某某医科大学纪检监察室 地址：某某路56号</div>"
           "</body></html>")
    c = clean(doc(raw, "html"))
    assert c.source == "某某医科大学纪检监察室"


def test_a_caption_that_names_a_work_stays_in_the_article():
    c = clean(_post("作品展示：郝宇航《矿大研究生的一天》\n\n作品展示：武业忱《土木人的一天》\n\n" + REST))
    assert "作品展示：郝宇航《矿大研究生的一天》" in c.text and "武业忱《土木人的一天》" in c.text
    c = clean(_post("活动现场\n\n" + REST))
    assert "活动现场" not in c.text   # a plain caption is still dropped
