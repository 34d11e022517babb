"""Compare one article's prediction with its gold, section by section (:func:`score_article`).

Both sides are in the gold format; :func:`~kbgraph.loaders.evaluate.convert.to_gold`
makes the prediction. Entities are aligned first, and the alignment then translates
every predicted label (in people, meeting slots, statements, relations) to the gold
label of the entity it was matched with, so one naming difference is counted once,
in the entity table, and not again in every section that refers to the entity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from .convert import RENAMED_TO
from .text import contains, norm, speech, split_place, unique, ws

__all__ = [
    "CLASSES", "SLOTS", "Counts", "SlotCounts", "Finding", "ArticleScore", "Report",
    "score_article",
]

CLASSES: tuple[str, ...] = ("ORG", "PER", "PROG", "FRAME", "EVENT", "PLACE")
SLOTS: tuple[str, ...] = (
    "organizer", "location", "city", "start", "end", "participants", "chair", "opened_by",
    "follows_up",
)
OPENING_WINDOW = 15  # a gold opening may sit anywhere in the first ~15 words said

def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


class _Tally:
    """Integer counters that add up field by field, and report their rates."""

    __slots__ = ()
    RATES: tuple[str, ...] = ()

    def __iadd__(self, other: Any) -> Any:
        for f in fields(self):  # type: ignore[arg-type]
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def to_dict(self) -> dict[str, Any]:
        counts = {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]
        return counts | {rate: getattr(self, rate) for rate in self.RATES}


@dataclass(slots=True)
class Counts(_Tally):
    """True positives, false positives, false negatives; P/R/F1 are None when undefined."""

    RATES = ("precision", "recall", "f1")
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)


@dataclass(slots=True)
class SlotCounts(_Tally):
    """One meeting slot over matched (and unmatched) meetings.

    ``correct``: both filled and equal; ``both_null``: neither filled (correct, reported
    apart); ``wrong``: both filled, different; ``missed``: only the gold filled;
    ``spurious``: only the prediction filled.
    """

    RATES = ("precision", "recall", "f1", "accuracy")
    correct: int = 0
    both_null: int = 0
    wrong: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.correct + self.wrong + self.spurious)

    @property
    def recall(self) -> float | None:
        return _ratio(self.correct, self.correct + self.wrong + self.missed)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    @property
    def accuracy(self) -> float | None:
        total = self.correct + self.both_null + self.wrong + self.missed + self.spurious
        return _ratio(self.correct + self.both_null, total)


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference: ``kind`` is "missed", "false positive" or "wrong"."""

    article: str
    section: str  # entities | mentions | people | meetings | statements | relations
    kind: str
    gold: str = ""
    predicted: str = ""
    note: str = ""


@dataclass(slots=True)
class ArticleScore:
    """Everything :func:`score_article` measured on one article."""

    file: str
    entities: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    mentions: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})
    people: Counts = field(default_factory=Counts)
    meetings: Counts = field(default_factory=Counts)
    slots: dict[str, SlotCounts] = field(default_factory=lambda: {s: SlotCounts() for s in SLOTS})
    statements: Counts = field(default_factory=Counts)
    relations: dict[str, Counts] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def _sum(items: Iterable[Any], start: Any) -> Any:
    for item in items:
        start += item
    return start


@dataclass(slots=True)
class Report:
    """Scores of every article scored, summed on demand; warnings for what was skipped."""

    articles: list[ArticleScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def entities(self, cls: str | None = None) -> Counts:
        classes = CLASSES if cls is None else (cls,)
        return _sum((a.entities[c] for a in self.articles for c in classes), Counts())

    def mentions(self, cls: str | None = None) -> Counts:
        classes = CLASSES if cls is None else (cls,)
        return _sum((a.mentions[c] for a in self.articles for c in classes), Counts())

    def section(self, name: str) -> Counts:
        """``people``, ``meetings`` or ``statements`` summed over the articles."""
        return _sum((getattr(a, name) for a in self.articles), Counts())

    def slot(self, name: str | None = None) -> SlotCounts:
        slots = SLOTS if name is None else (name,)
        return _sum((a.slots[s] for a in self.articles for s in slots), SlotCounts())

    def relation_names(self) -> list[str]:
        return sorted({name for a in self.articles for name in a.relations})

    def relations(self, name: str | None = None) -> Counts:
        return _sum((c for a in self.articles for n, c in a.relations.items()
                     if name is None or n == name), Counts())

    @property
    def findings(self) -> list[Finding]:
        return [f for a in self.articles for f in a.findings]


Tier = Callable[[Any, Any], bool]


def _align(gold: Sequence[Any], pred: Sequence[Any],
           tiers: Sequence[Tier]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), strictest tier first, in order."""
    pairs: list[tuple[int, int]] = []
    free_gold, free_pred = list(range(len(gold))), list(range(len(pred)))
    for tier in tiers:
        for gi in list(free_gold):
            for pi in free_pred:
                if tier(gold[gi], pred[pi]):
                    pairs.append((gi, pi))
                    free_gold.remove(gi)
                    free_pred.remove(pi)
                    break
    return sorted(pairs)


def _names(record: Mapping[str, Any]) -> list[str]:
    return [record["label"], *record.get("aliases", ())]


def _same_label(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    return g["class"] == p["class"] and norm(g["label"]) == norm(p["label"])


def _alias_label(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    return g["class"] == p["class"] and norm(g["label"]) in {norm(a) for a in p.get("aliases", ())}


def _place_prefix(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """``Kota Pontianak`` ~ ``Pontianak`` when the gold writes the bare name as a mention;
    ``Kota Bandung`` is never ``Kabupaten Bandung``."""
    if g["class"] != "PLACE" or p["class"] != "PLACE":
        return False
    (g_prefix, g_name), (p_prefix, p_name) = split_place(g["label"]), split_place(p["label"])
    if g_name != p_name or g_prefix == p_prefix or (g_prefix and p_prefix):
        return False
    return g_name in {norm(m) for m in g.get("mentions", ())}


def _event_name(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """Meetings have no canonical names: a predicted name that the gold lists as a
    mention, or one name containing the other, is the same meeting."""
    if g["class"] != "EVENT" or p["class"] != "EVENT":
        return False
    gold_names = {norm(n) for n in (g["label"], *g.get("mentions", ()))}
    pred_names = {norm(n) for n in _names(p)}
    return bool(gold_names & pred_names) or any(
        contains(a, b) for a in gold_names for b in pred_names)


ENTITY_TIERS: tuple[Tier, ...] = (_same_label, _alias_label, _place_prefix, _event_name)


@dataclass(slots=True)
class _Keys:
    """Turns labels into comparable keys: predicted labels are first translated to the
    gold label of the entity they were aligned with, then every former name is folded
    into the current one (the gold's own ``renamed to`` relations), unless ``fold`` is off."""

    to_gold: dict[str, str]
    renamed: dict[str, str]

    def gold(self, label: str | None, fold: bool = True) -> str | None:
        if label is None:
            return None
        key = norm(label)
        return self.renamed.get(key, key) if fold else key

    def pred(self, label: str | None, fold: bool = True) -> str | None:
        if label is None:
            return None
        return self.gold(self.to_gold.get(norm(label), label), fold)


def _entity_text(record: Mapping[str, Any]) -> str:
    return f"{record['class']} {record['label']}"


def _score_entities(gold: Sequence[dict], pred: Sequence[dict],
                    score: ArticleScore) -> dict[str, str]:
    pairs = _align(gold, pred, ENTITY_TIERS)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    translation: dict[str, str] = {}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        score.entities[g["class"]].tp += 1
        for name in _names(p):
            translation.setdefault(norm(name), g["label"])
        found = {ws(m) for m in p.get("mentions", ())}
        for mention in unique(g.get("mentions", ())):
            if ws(mention) in found:
                score.mentions[g["class"]].tp += 1
            else:
                score.mentions[g["class"]].fn += 1
                score.findings.append(Finding(score.file, "mentions", "missed", mention,
                                              note=_entity_text(g)))
    for gi, g in enumerate(gold):
        if gi in matched_gold or not g.get("mentions"):
            # an entity the text only implies (no mention: the government behind a
            # "Sekda") is optional: found, it counts; not found, it is no miss
            continue
        score.entities[g["class"]].fn += 1
        score.mentions[g["class"]].fn += len(unique(g.get("mentions", ())))
        score.findings.append(Finding(score.file, "entities", "missed", _entity_text(g),
                                      note=_nearest(g, pred, matched_pred)))
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            score.entities[p["class"]].fp += 1
            score.findings.append(Finding(score.file, "entities", "false positive",
                                          predicted=_entity_text(p),
                                          note="mentions: " + " | ".join(p.get("mentions", ()))))
    return translation


def _nearest(g: Mapping[str, Any], pred: Sequence[dict], matched: set[int]) -> str:
    """A hint for a missed entity: the same name in another class, or a free predicted
    entity of its class whose name holds, or is held by, the gold's."""
    key = norm(g["label"])
    for p in pred:
        if norm(p["label"]) == key:
            return f"predicted as {_entity_text(p)}"
    for pi, p in enumerate(pred):
        if pi not in matched and p["class"] == g["class"] and contains(key, norm(p["label"]), 2):
            return f"closest predicted: {_entity_text(p)}"
    return ""


def _person_text(p: Mapping[str, Any]) -> str:
    return f"{p['name']} — {p['post']} — {p.get('organization')}"


def _score_people(gold: Sequence[dict], pred: Sequence[dict], keys: _Keys,
                  score: ArticleScore) -> None:
    def same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return (keys.gold(g["name"]) == keys.pred(p["name"])
                and ws(g["post"] or "") == ws(p["post"] or "")
                and keys.gold(g.get("organization")) == keys.pred(p.get("organization")))

    pairs = _align(gold, pred, (same,))
    _tally(score, "people", score.people, gold, pred, pairs, _person_text)


def _tally(score: ArticleScore, section: str, counts: Counts, gold: Sequence[Any],
           pred: Sequence[Any], pairs: list[tuple[int, int]], text: Callable[[Any], str],
           hint: Callable[[Any], str] | None = None) -> None:
    """Count TP/FP/FN from aligned pairs and record every miss and false positive."""
    counts.tp += len(pairs)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            counts.fn += 1
            score.findings.append(Finding(score.file, section, "missed", text(g),
                                          note=hint(g) if hint else ""))
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            counts.fp += 1
            score.findings.append(Finding(score.file, section, "false positive",
                                          predicted=text(p)))


def _score_meetings(gold: Sequence[dict], pred: Sequence[dict], keys: _Keys,
                    event_labels: Mapping[str, str], score: ArticleScore) -> None:
    """``event_labels``: normalised gold EVENT mention → that entity's gold label, so a
    meeting named as written in the gold also answers to its canonical entity label."""

    def gold_names(g: Mapping[str, Any]) -> set[str]:
        label = g["label"]
        return {norm(label), keys.gold(label) or "", keys.gold(event_labels.get(norm(label))) or ""}

    def pred_names(p: Mapping[str, Any]) -> set[str]:
        return {norm(n) for n in _names(p)} | {keys.pred(n) or "" for n in _names(p)}

    def exact(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return bool((gold_names(g) & pred_names(p)) - {""})

    def inside(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return any(contains(a, b) for a in gold_names(g) - {""} for b in pred_names(p) - {""})

    pairs = _align(gold, pred, (exact, inside))
    _tally(score, "meetings", score.meetings, gold, pred, pairs, lambda m: m["label"])
    slots = annotated_slots(gold)
    for gi, pi in pairs:
        for slot in slots:
            _score_slot(slot, gold[gi], pred[pi], keys, score)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            for slot in slots:
                if g.get(slot) is not None:
                    score.slots[slot].missed += 1
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            for slot in slots:
                if p.get(slot) is not None:
                    score.slots[slot].spurious += 1


def annotated_slots(gold: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The slots an article's gold meetings carry: a slot key that some gold meeting lacks
    (``opened_by`` in gold written before it was annotated) is not scored for that article;
    a gold without meetings scores every slot."""
    return tuple(s for s in SLOTS if all(s in g for g in gold))


def _score_slot(slot: str, g: Mapping[str, Any], p: Mapping[str, Any], keys: _Keys,
                score: ArticleScore) -> None:
    gv, pv = g.get(slot), p.get(slot)
    counts = score.slots[slot]
    if gv is None and pv is None:
        counts.both_null += 1
        return
    if gv is not None and pv is not None:
        if slot in ("start", "end", "participants"):
            same = str(gv) == str(pv)
        elif slot == "follows_up":
            gk, pk = keys.gold(str(gv)) or "", keys.pred(str(pv)) or ""
            same = gk == pk or contains(gk, pk)
        else:
            same = keys.gold(str(gv)) == keys.pred(str(pv))
        if same:
            counts.correct += 1
            return
        counts.wrong += 1
        kind = "wrong"
    elif gv is not None:
        counts.missed += 1
        kind = "missed"
    else:
        counts.spurious += 1
        kind = "false positive"
    score.findings.append(Finding(score.file, "meetings", kind,
                                  "" if gv is None else str(gv), "" if pv is None else str(pv),
                                  note=f"{slot} of {g['label']}"))


def _opening_matches(opening: str, said: str) -> bool:
    """The words said start with the gold opening, or hold it in their first ~15 words."""
    want = speech(opening).rstrip(".,;:!?").strip()
    have = speech(said)
    if not want:
        return False
    return have.startswith(want) or want in " ".join(have.split()[:OPENING_WINDOW])


def _score_statements(gold: Sequence[dict], pred: Sequence[dict], keys: _Keys,
                      score: ArticleScore) -> None:
    def said(p: Mapping[str, Any]) -> str:
        return p.get("text") or p["opening"]

    def same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return (keys.gold(g["speaker"]) == keys.pred(p["speaker"])
                and _opening_matches(g["opening"], said(p)))

    def hint(g: Mapping[str, Any]) -> str:
        others = [p["speaker"] for p in pred if _opening_matches(g["opening"], said(p))]
        return f"found, but attributed to {others[0]}" if others else ""

    pairs = _align(gold, pred, (same,))
    _tally(score, "statements", score.statements, gold, pred, pairs,
           lambda s: f"{s['speaker']}: {s['opening']}", hint)


def _score_relations(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], keys: _Keys,
                     score: ArticleScore) -> None:
    def keyed(triples: Sequence[Sequence[str]], side: Callable[..., str | None]) -> dict:
        out: dict[tuple, Sequence[str]] = {}
        for s, r, o in triples:
            fold = r != RENAMED_TO  # folding would turn "X renamed to Y" into "Y renamed to Y"
            out.setdefault((side(s, fold), r, side(o, fold)), (s, r, o))
        return out

    g_keys, p_keys = keyed(gold, keys.gold), keyed(pred, keys.pred)
    for key in sorted(set(g_keys) | set(p_keys), key=lambda k: tuple(str(x) for x in k)):
        counts = score.relations.setdefault(key[1], Counts())
        if key in g_keys and key in p_keys:
            counts.tp += 1
        elif key in g_keys:
            counts.fn += 1
            score.findings.append(Finding(score.file, "relations", "missed",
                                          " | ".join(g_keys[key])))
        else:
            counts.fp += 1
            score.findings.append(Finding(score.file, "relations", "false positive",
                                          predicted=" | ".join(p_keys[key])))


def score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> ArticleScore:
    """Compare one article's prediction (gold format, e.g. from :func:`to_gold`) with its gold."""
    score = ArticleScore(file=str(gold.get("file", "")))
    translation = _score_entities(gold.get("entities", []), predicted.get("entities", []), score)
    renamed = {norm(s): norm(o) for s, r, o in gold.get("relations", []) if r == RENAMED_TO}
    keys = _Keys(translation, renamed)
    _score_people(gold.get("people", []), predicted.get("people", []), keys, score)
    event_labels = {norm(m): e["label"] for e in gold.get("entities", []) if e["class"] == "EVENT"
                    for m in (e["label"], *e.get("mentions", ()))}
    _score_meetings(gold.get("meetings", []), predicted.get("meetings", []), keys, event_labels,
                    score)
    _score_statements(gold.get("statements", []), predicted.get("statements", []), keys, score)
    _score_relations(gold.get("relations", []), predicted.get("relations", []), keys, score)
    return score
