"""`cn_entities`: rule-based Chinese entity recogniser (PERSON ORG GPE DATE WORK FORMULA).

Compute, then annotate: each type has its finder (ent_dates, ent_formula,
ent_org, ent_gpe, ent_person; Latin-script acronyms and names only with context,
below); overlaps are resolved by rank (WORK > DATE > FORMULA > ORG
> PERSON > GPE, longer first within a rank), so nothing inside an ORG or a WORK
is annotated separately; then the surviving spans become `doc.ents` at exact
character offsets (`char_spans`), with `span._.role` (PERSON), `span._.value`
(DATE) and `span._.expansion` (FORMULA) on every mention of the same text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from . import ent_dates, ent_formula, ent_gpe, ent_names, ent_org, ent_org_forms, ent_person, ent_person_model
from . import ent_resources as R
from .spans import char_spans, occurrences

WORK_RE = re.compile(r"《([^《》\n]{1,80}(?:\n[^《》\n]{1,80})?)》")   # one line break inside: a title wrapped by the page
ACRONYM_RE = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][A-Z&]{1,6}(?![A-Za-z0-9&\-])")
LATIN_NAME_RE = re.compile(r"(?<![A-Za-z.])([A-Z][a-zà-öø-ÿ]{1,12})(?:[ \n](?:[A-Z]\.|[A-Z][a-zà-öø-ÿ]{1,14}))?[ \n]"
                           r"([A-Z][a-zà-öø-ÿ]{1,14})(?![A-Za-zà-öø-ÿ])")   # Carlos López Martinez, Jordi J. Mallorqui
LATIN_ORG_RE = re.compile(r"(?<![A-Za-z])(?:[A-Z][A-Za-z'’.&-]+[ \n](?:(?:of|and|the|for)[ \n])?){1,5}"
                          r"(?:University|College|Institute|Court|Society|Association|Academy|Studio|Studios|News|Agency|"
                          r"Organization|Organisation|Council|Foundation|Laboratory|Corporation|Group|Bank)"
                          r"(?:[ \n]of(?:[ \n][A-Z][a-z]+){1,3})?(?![A-Za-z])")   # King's College of London, Sky News, Legend Studio
RANK = {"WORK": 0, "DATE": 1, "FORMULA": 2, "ORG": 3, "PERSON": 4, "GPE": 5}


@lru_cache(maxsize=1)
def _post_after() -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fff]{0,6}?" + ent_names.role_regex().pattern)


@lru_cache(maxsize=1)
def _post_before() -> re.Pattern:
    return re.compile("(?:" + ent_names.role_regex().pattern + r")[：:]?$")


def resolve(cands: list[tuple[int, int, str]], ranks: dict[str, int] = RANK) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: by rank, then longer first, then leftmost."""
    taken: list[tuple[int, int, str]] = []
    occupied = bytearray(max((e for _, e, _ in cands), default=0) + 1)
    for s, e, lab in sorted(set(cands), key=lambda x: (ranks[x[2]], -(x[1] - x[0]), x[0])):
        if s >= e or any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append((s, e, lab))
    return sorted(taken)


def all_mentions(text: str, spans: list[tuple[int, int, str]], label: str, starts: set[int]):
    """Every token-aligned occurrence of each found text of `label`."""
    out = list(spans)
    for name in {text[s:e] for s, e, lab in spans if lab == label}:
        for a in occurrences(text, name):
            if a in starts:
                out.append((a, a + len(name), label))
    return out


def latin_orgs(text: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Upper-case acronyms that context shows to be organisations: in brackets after an ORG
    (欧洲央行（ECB）), before a post (LGIM首席投资官), or in a 、-list with an ORG (HTC、三星、LG)."""
    stop = R.word_set("ent_latin_stop.txt")
    org_ends = {e for _, e, _ in orgs}
    org_starts = {s for s, _, _ in orgs}
    found = []
    for m in ACRONYM_RE.finditer(text):
        s, e = m.start(), m.end()
        before, after = text[max(0, s - 2):s], text[e:e + 2]
        if m.group(0) in stop or re.search(r"[A-Za-z] ?$", before) or re.match(r" ?[A-Za-z]", after):
            continue   # part of an English phrase (DOUBLE KNOT), not a name
        bracketed = s > 0 and text[s - 1] in "(（" and (s - 1) in org_ends and text[e:e + 1] in ")）"
        post = _post_after().match(text[e:e + 14])
        found.append((s, e, bracketed or bool(post)))
    ok = {(s, e) for s, e, good in found if good}
    changed = True
    while changed:   # list neighbours of an ORG or an accepted acronym
        changed = False
        for s, e, _ in found:
            if (s, e) in ok:
                continue
            left = s >= 1 and text[s - 1] in "、和" and ((s - 1) in org_ends or any(b == s - 1 for _, b in ok))
            right = text[e:e + 1] in ("、", "和") and ((e + 1) in org_starts or any(a == e + 1 for a, _ in ok))
            if left or right:
                ok.add((s, e))
                changed = True
    return [(s, e, "ORG") for s, e in sorted(ok)]


def latin_names(text: str) -> list[tuple[int, int, str | None]]:
    """Two capitalised words inside Chinese text that context shows to be a person: after a post
    (院士Bernhard Mueller, 首席投资官：Bob Michele), before a post or a cue (…教授, …表示), or in
    brackets after a transliterated name (约翰逊(Boris Johnson))."""
    stop = R.word_set("ent_latin_stop.txt")
    translit = "".join(R.word_set("ent_translit.txt")) + "·"   # the characters of a transliterated name before a bracket
    out = []
    for m in LATIN_NAME_RE.finditer(text):
        s, e = m.start(), m.end()
        before, after = text[max(0, s - 12):s], text[e:e + 6]
        if m.group(1) in stop or re.search(r"[A-Za-z] ?$", before) or re.match(r" ?[A-Za-z]", after):
            continue
        after_post = _post_before().search(before)
        before_post = ent_names.role_regex().match(after) or ent_names.cue_regex().match(after)
        run = len(before[:-1]) - len(before[:-1].rstrip(translit)) if before[-1:] in ("(", "（") else 0
        bracket = after[:1] in (")", "）") and run >= 2   # 约翰逊(Boris Johnson), not 彩色塔（Colour Towers）
        if after_post or before_post or bracket:
            role = None
            if after_post:
                run = re.search(r"[\u4e00-\u9fff]{1,10}[：:]?$", before).group(0).rstrip("：:")
                run = re.split(r"[兼、及和]", run)[-1]
                role = run if len(run) <= 8 else after_post.group(0).rstrip("：:")
            elif before_post and before_post.re is ent_names.role_regex():
                role = before_post.group(0)
            out.append((s, e, (role, s, -1, -1) if role else None))
    return out


class EntityRecognizer:
    def __init__(self, nlp, name: str, *, propagate_orgs: bool = True, expansions: bool = True, person_model: bool = True):
        self.name = name
        self.propagate_orgs = propagate_orgs
        self.expansions = expansions
        self.person_model = person_model

    def __call__(self, doc):
        text = doc.text
        tokens = ent_names.split_glued_heads(text, [(t.idx, t.idx + len(t.text)) for t in doc])
        starts, ends = {a for a, _ in tokens}, {b for _, b in tokens}
        cands = [(m.start(1), m.end(1), "WORK") for m in WORK_RE.finditer(text)]
        works = [(s, e) for s, e, _ in cands]
        inside_work = lambda s, e: any(a <= s and e <= b for a, b in works)  # noqa: E731
        dates = ent_dates.find_dates(text, doc._.pub_date, taken=inside_work)
        values = {(s, e): v for s, e, _, v in dates}
        cands += [(s, e, lab) for s, e, lab, _ in dates]
        cands += ent_formula.find_formulas(text, starts, ends)
        known = ent_org_forms.find_known(text, "ent_org_known.txt", "ORG", starts, ends)
        grammar = ent_org.find_orgs(text, tokens)
        grammar += ent_org_forms.nested_units(text, tokens, grammar + known)
        orgs = grammar + ent_org_forms.quoted_teams(text, grammar, ends) + ent_org_forms.quoted_names(text, grammar) \
            + ent_org_forms.find_parties(text, tokens) + ent_org_forms.class_branches(text, starts) \
            + ent_org_forms.umbrella_organs(text, tokens) + known + ent_org_forms.media_names(text, starts, ends) + ent_org_forms.named_level_units(text, tokens, starts, ends)
        if self.propagate_orgs:
            orgs = all_mentions(text, resolve(orgs), "ORG", starts)
        orgs += ent_org_forms.national_branches(text, resolve(orgs))
        wrapped = ent_org_forms.quoted_inside(text, resolve(orgs))
        orgs += wrapped
        cands = [c for c in cands if not (c[2] == "FORMULA" and any(a <= c[0] and c[1] <= b for a, b, _ in wrapped))]   # part of the name
        orgs += ent_org_forms.inner_names(text, orgs, starts)
        orgs += ent_org_forms.university_abbrevs(text, resolve(orgs), starts, ends, doc._.source)
        orgs += ent_org_forms.company_short_forms(text, resolve(orgs), starts, ends)
        orgs += ent_org_forms.listed_with_orgs(text, resolve(orgs), starts, ends)
        cands += orgs + latin_orgs(text, resolve(orgs)) + [(m.start(), m.end(), "ORG") for m in LATIN_ORG_RE.finditer(text)]
        persons = ent_person.find_persons(text, starts, ends, frozenset(e for _, e, _ in resolve(orgs)))
        persons += latin_names(text)
        roles = {(s, e): r for s, e, r in persons}
        cands += [(s, e, "PERSON") for s, e, _ in persons]
        cands += ent_gpe.find_gpes(text, starts, ends)
        final = resolve(cands)
        if self.person_model:   # names the rules missed, from the trained fallback (ent_person_model)
            final = sorted(final + [(a, b, "PERSON") for a, b in
                                    ent_person_model.fallback_persons(text, [(a, b) for a, b, _ in final], starts)])
        org_spans = [(s, e) for s, e, lab in final if lab == "ORG"]
        attrs = self._attributes(doc, text, final, values, roles, org_spans)
        spans = char_spans(doc, final)
        for sp in spans:
            key = (sp.start_char, sp.end_char)
            kind, val = attrs.get(key, (None, None))
            if kind:
                setattr(sp._, kind, val)
        doc.set_ents(spans, default="outside")
        return doc

    def _attributes(self, doc, text, final, values, roles, org_spans):
        attrs, by_text = {}, {}
        for s, e, lab in final:
            val, kind, strength = None, None, 0
            if lab == "DATE":
                kind, val = "value", values.get((s, e))
            elif lab == "PERSON":
                kind, val = "role", ent_person.final_role(text, roles.get((s, e)), org_spans)
            elif lab == "FORMULA" and self.expansions:
                f = text[s:e]
                kind = "expansion"
                got = ent_formula.expand_ranked(text, s, e, ent_formula.count(re.sub(r"[“”\"]", "", f)),
                                                doc._.sections or [], doc._.title_end or 0)
                val, strength = got if got else (None, 0)
            if kind:
                attrs[(s, e)] = (kind, val)
                rank = strength if lab == "FORMULA" else 1
                old = by_text.get((lab, text[s:e]))
                if val and lab != "DATE" and (old is None or rank > old[2]):
                    by_text[(lab, text[s:e])] = (kind, val, rank)
        for s, e, lab in final:   # share role / expansion across mentions of the same text
            shared = by_text.get((lab, text[s:e]))
            if shared:
                attrs[(s, e)] = shared[:2]
        return attrs


@Language.factory("cn_entities", default_config={"propagate_orgs": True, "expansions": True, "person_model": True})
def make_entity_recognizer(nlp, name: str, propagate_orgs: bool, expansions: bool, person_model: bool):
    return EntityRecognizer(nlp, name, propagate_orgs=propagate_orgs, expansions=expansions, person_model=person_model)
