"""Scoring against gold files (../shared/gold/SPEC.md): the project's copy of the reference scorer.

The metric code below is the reference scorer `shared/tools/score.py`, vendored
so that a fresh clone (without ../shared) can run `pipeline eval`; a test checks
that both give the same numbers on the same files. `evaluate()` is the library
entry point; `pipeline eval` prints its result.
"""
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

def canon(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = "".join(ch for ch in s if not ch.isspace())
    return s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def prf(tp, npred, ngold):
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def title_match(g, p):
    g, p = canon(g), canon(p)
    if not g or not p:
        return g == p
    if g == p:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return len(short) >= 4 and long_.startswith(short) and len(short) >= 0.6 * len(long_)


def match_sections(gold, pred):
    """Greedy in-order alignment on (marker, title)."""
    used = set()
    pairs = []
    j0 = 0
    for g in gold:
        for j in range(j0, len(pred)):
            if j in used:
                continue
            p = pred[j]
            if canon(g.get("marker")) == canon(p.get("marker")) and title_match(g.get("title"), p.get("title")):
                used.add(j)
                pairs.append((g, p))
                j0 = j + 1
                break
    return pairs


def expansion_match(gold, pred):
    """Same number of members, and each gold member contains or is contained in a distinct predicted one."""
    g, p = [canon(x) for x in gold], [canon(x) for x in pred]
    if len(g) != len(p):
        return False
    free = list(p)
    for gm in g:
        hit = next((x for x in free if x and (gm in x or x in gm)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def num_key(n):
    return canon(n.get("text"))


def score(doc_path, gold_dir, only=None):
    preds = {}
    with open(doc_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                d = json.loads(line)
                preds[d.get("doc_id")] = d
    golds = sorted(Path(gold_dir).glob("*.json"))
    if only:
        golds = [g for g in golds if g.stem in only]
    agg = defaultdict(lambda: [0, 0, 0])  # key -> tp, npred, ngold
    meta = defaultdict(lambda: [0, 0])  # field -> correct, total
    keep = [0, 0]
    drop = [0, 0]
    level = [0, 0]
    values = [0, 0]
    units = [0, 0]
    roles = [0, 0]
    expansions = [0, 0]
    date_values = [0, 0]
    grounded = [0, 0]
    ranges = [0, 0]
    missing_docs = []
    per_doc = {}
    for gp in golds:
        g = json.loads(gp.read_text(encoding="utf-8"))
        did = g["doc_id"]
        p = preds.get(did)
        if p is None:
            missing_docs.append(did)
            p = {}
        text = canon(p.get("text", ""))
        for field in ("title", "date", "source"):
            meta[field][1] += 1
            if canon(g.get(field)) == canon(p.get(field)):
                meta[field][0] += 1
        for k in g.get("keep", []):
            keep[1] += 1
            keep[0] += canon(k) in text
        for k in g.get("drop", []):
            drop[1] += 1
            drop[0] += canon(k) not in text
        gs, ps = g.get("sections", []), p.get("sections", []) or []
        pairs = match_sections(gs, ps)
        agg["sections"][0] += len(pairs)
        agg["sections"][1] += len(ps)
        agg["sections"][2] += len(gs)
        for gg, pp in pairs:
            level[1] += 1
            level[0] += gg.get("level") == pp.get("level")
        gset = {(e["type"], canon(e["text"])): e for e in g.get("entities", [])}
        pset = {}
        for e in p.get("entities", []) or []:
            merged = pset.setdefault((e.get("type"), canon(e.get("text"))), {})
            for k, v in e.items():
                if v not in (None, "", []) and merged.get(k) in (None, "", []):
                    merged[k] = v
        raw_text = p.get("text", "") or ""
        for item in (p.get("entities", []) or []) + (p.get("numbers", []) or []):
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                grounded[1] += 1
                grounded[0] += raw_text[item["start"]:item["end"]] == item.get("text")
        types = {t for t, _ in gset} | {t for t, _ in pset}
        dtp = dnp = dng = 0
        for t in types:
            gk = {k for k in gset if k[0] == t}
            pk = {k for k in pset if k[0] == t}
            tp = len(gk & pk)
            agg["ent:" + t][0] += tp
            agg["ent:" + t][1] += len(pk)
            agg["ent:" + t][2] += len(gk)
            dtp, dnp, dng = dtp + tp, dnp + len(pk), dng + len(gk)
        agg["entities"][0] += dtp
        agg["entities"][1] += dnp
        agg["entities"][2] += dng
        for k in set(gset) & set(pset):
            ge, pe = gset[k], pset[k]
            if ge.get("role"):
                roles[1] += 1
                roles[0] += canon(ge.get("role")) == canon(pe.get("role"))
            if ge.get("value"):
                date_values[1] += 1
                date_values[0] += canon(ge.get("value")) == canon(pe.get("value"))
            if ge.get("expansion"):
                expansions[1] += 1
                expansions[0] += expansion_match(ge["expansion"], pe.get("expansion") or [])
        gn = {num_key(n): n for n in g.get("numbers", [])}
        pn = {}
        for n in p.get("numbers", []) or []:
            pn.setdefault(num_key(n), n)
        both = set(gn) & set(pn)
        agg["numbers"][0] += len(both)
        agg["numbers"][1] += len(pn)
        agg["numbers"][2] += len(gn)
        for k in both:
            values[1] += 1
            try:
                gv, pv = float(gn[k]["value"]), float(pn[k].get("value"))
                values[0] += abs(gv - pv) <= 1e-6 * max(1.0, abs(gv))
            except (TypeError, ValueError):
                pass
            if gn[k].get("value_max") is not None:
                ranges[1] += 1
                try:
                    ranges[0] += abs(float(gn[k]["value_max"]) - float(pn[k].get("value_max"))) <= 1e-6 * max(1.0, abs(float(gn[k]["value_max"])))
                except (TypeError, ValueError):
                    pass
            units[1] += 1
            units[0] += canon(gn[k].get("unit")) == canon(pn[k].get("unit"))
        per_doc[did] = {
            "sections_f1": round(prf(len(pairs), len(ps), len(gs))[2], 3),
            "entities_f1": round(prf(dtp, dnp, dng)[2], 3),
            "numbers_f1": round(prf(len(both), len(pn), len(gn))[2], 3),
        }
    out = {"docs": len(golds), "missing_docs": missing_docs}
    for k, (tp, npred, ngold) in sorted(agg.items()):
        p, r, f = prf(tp, npred, ngold)
        out[k] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": ngold, "pred": npred}
    ratio = lambda a: round(a[0] / a[1], 3) if a[1] else None  # noqa: E731
    out["keep_recall"] = ratio(keep)
    out["drop_recall"] = ratio(drop)
    out["section_level_acc"] = ratio(level)
    out["number_value_acc"] = ratio(values)
    out["number_unit_acc"] = ratio(units)
    out["person_role_acc"] = ratio(roles)
    out["formula_expansion_acc"] = ratio(expansions)
    out["date_value_acc"] = ratio(date_values)
    out["grounding_acc"] = ratio(grounded)
    out["number_range_acc"] = ratio(ranges)
    for field, (c, t) in meta.items():
        out[field + "_acc"] = ratio([c, t])
    out["per_doc"] = per_doc
    return out


def evaluate(documents_jsonl, gold_dir, only=None) -> dict:
    """Scores of `documents_jsonl` against every `<doc_id>.json` in `gold_dir`."""
    return score(str(documents_jsonl), str(gold_dir), only)
