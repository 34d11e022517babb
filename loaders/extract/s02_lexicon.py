"""Stage 2, ``kb_lexicon``: every name the lexicon knows, on ``doc._.lexicon_hits``, and
the lexicon's token patterns, on ``doc.spans``.

A ``PhraseMatcher`` fed from ``ontology/lexicon`` (every match, nested ones included —
"BKKBN" and "Kalbar" inside a longer name — which the entity stages need). There is no
``entity_ruler``: nothing reads ``doc.ents``, and feeding it the ~7,000 lexicon phrases
ran the whole pipeline over each of them, about a second of every process's start-up.

Match keys are lexicon references (``province:Kalimantan Barat``,
``regency:Kota Pontianak``, ``org:<label>``, ``program:<label>``, ``framework:<label>``);
one phrase may carry several (bare "Jambi" is a province and a city). The component also
puts its :meth:`LexiconNames.phrase_hits` on ``doc._.phrase_hits``: the names in a short
text that cleaning cut from the doc (a dateline, a "Baca juga" line).

Token patterns are data too: each ``ontology/lexicon/patterns/<name>.jsonl`` (spaCy
``Matcher`` patterns, one ``{"label": …, "pattern": […]}`` a line) gives the span group
``doc.spans[<name>]``, every match a span with its label (``governments``: "Pemprov",
"Pemerintah Kota (Pemkot)" … before a place; read by ``s04_organizations``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kbgraph.ontology.lexicon import Lexicon, load_lexicon, load_token_patterns
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .text import doc_text, keep_text

__all__ = ["LexHit", "LexiconNames", "lexicon_patterns"]

if not Doc.has_extension("lexicon_hits"):
    Doc.set_extension("lexicon_hits", default=None)
    Doc.set_extension("phrase_hits", default=None)


@dataclass(frozen=True, slots=True)
class LexHit:
    """One lexicon name found in the text (clean-text character offsets)."""

    start: int
    end: int
    ref: str  # lexicon reference, e.g. "province:Kalimantan Barat"
    label: str  # PLACE | ORG | PROG | FRAME
    text: str


_LABELS = {"province": "PLACE", "regency": "PLACE", "listed": "LISTED", "org": "ORG", "program": "PROG",
           "framework": "FRAME"}


def _kind_label(ref: str) -> str:
    return _LABELS[ref.split(":", 1)[0]]


def lexicon_patterns(lex: Lexicon) -> list[tuple[str, str]]:
    """Every (phrase, lexicon reference) the ruler matches, in a stable order."""
    out: list[tuple[str, str]] = []

    def add(phrase: str, ref: str, upper: bool = False) -> None:
        for p in (phrase, phrase.upper()) if upper else (phrase,):
            if p and (p, ref) not in seen:
                seen.add((p, ref))
                out.append((p, ref))

    seen: set[tuple[str, str]] = set()
    # the words before a region's name (words.csv): "Provinsi" also in capitals, its old
    # spelling and short form ("Propinsi", "Prov.") as written; "Kota", "Kabupaten",
    # "Kab." also in capitals, a misspelling ("Kabupeten") as written
    province, province_other = lex.word_list("province_prefix"), lex.word_list("province_prefix_other")
    region = {kind: (lex.word_list(f"{kind}_prefix"), lex.word_list(f"{kind}_prefix_other"))
              for kind in ("kota", "kabupaten")}
    for prov in lex.provinces:
        ref = f"province:{prov.name}"
        names = (prov.name, *prov.aliases, *prov.short_forms)
        for name in names:
            add(name, ref, upper=True)
            for prefix in province:
                add(f"{prefix} {name}", ref, upper=True)
            for prefix in province_other:
                add(f"{prefix} {name}", ref)
    for reg in lex.regencies:
        ref = f"regency:{reg.label}"
        prefixes, others = region[reg.kind]
        for name in _spellings(reg.name, reg.aliases):
            for prefix in prefixes:
                add(f"{prefix} {name}", ref, upper=True)
            for prefix in others:
                add(f"{prefix} {name}", ref)
            if reg.bare:
                add(name, ref, upper=True)
            else:  # "Sarmi", "Asmat": a place only in a list of places (s03_places)
                add(name, f"listed:{reg.label}")
    heads = lex.word_list("program_head")
    for entry in lex.entries:
        ref = f"{entry.kind}:{entry.label}"
        for name in (entry.label, entry.abbreviation, *entry.aliases,
                     *(n for n, _ in entry.former_names), *entry.patterns):
            if name:
                add(name, ref)
        if entry.kind == "program":  # "kampung KB", "bangga kencana": the news writes a
            for name in (entry.label, entry.abbreviation, *entry.aliases,  # program in lower
                         *entry.patterns):                                     # case
                if (name and len(name.split()) >= 2 and name[:1].isupper()
                        and name.split()[0] not in heads):  # not "program X": X is the name
                    add(name[:1].lower() + name[1:], ref)
                    if name == entry.abbreviation or len(name.split()) >= 4:
                        add(name.lower(), ref)  # all in lower case: a short name, or a long
                        #                         one no ordinary phrase is ("pendewasaan usia
                        #                         perkawinan" may be just words)
    return out


def _spellings(name: str, aliases: tuple[str, ...]) -> list[str]:
    """A place's names and their usual spelling variants: written as one word or with a
    hyphen ("Gunung Kidul" / "Gunungkidul" / "Gunung-Kidul", "Tanjung Pinang" /
    "Tanjungpinang")."""
    out = [name, *aliases]
    for n in (name, *aliases):
        words = n.split()
        if len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words):
            out += [words[0] + "".join(w.lower() for w in words[1:]), "-".join(words)]
    return list(dict.fromkeys(out))


@Language.factory("kb_lexicon")
def make_lexicon_names(nlp: Language, name: str) -> LexiconNames:
    return LexiconNames(nlp)


class LexiconNames:
    """The lexicon's phrases, one matcher key per lexicon reference."""

    def __init__(self, nlp: Language) -> None:
        self.make_doc = nlp.make_doc
        self.matcher = PhraseMatcher(nlp.vocab)
        self._short: dict[str, tuple[LexHit, ...]] = {}
        by_ref: dict[str, list[str]] = {}
        for phrase, ref in lexicon_patterns(load_lexicon()):
            by_ref.setdefault(ref, []).append(phrase)
        orths = _phrase_orths(nlp, list(dict.fromkeys(p for group in by_ref.values() for p in group)))
        for ref, group in by_ref.items():
            self.matcher.add(ref, [orths[p] for p in group])
        self.groups = load_token_patterns()
        self.token_matcher = Matcher(nlp.vocab)
        for group, rows in self.groups.items():
            for i, (label, pattern) in enumerate(rows):
                self.token_matcher.add(f"{group}\t{i}\t{label}", [pattern])

    def __call__(self, doc: Doc) -> Doc:
        doc._.lexicon_hits = self.hits(doc)
        doc._.phrase_hits = self.phrase_hits
        spans: dict[str, list[Span]] = {group: [] for group in self.groups}
        strings = doc.vocab.strings
        for match_id, start, end in self.token_matcher(doc):
            group, _, label = strings[match_id].split("\t")
            spans[group].append(Span(doc, start, end, label=label))
        for group, found in spans.items():
            doc.spans[group] = sorted(found, key=lambda s: (s.start, -s.end, s.label_))
        return doc

    def hits(self, doc: Doc) -> list[LexHit]:
        """Every lexicon match in the doc, overlapping and nested ones included, in text order."""
        matches = self.matcher(doc)
        if not matches:
            return []
        strings = doc.vocab.strings
        text = doc_text(doc)
        # character offsets of every token (a Span per match costs more than the match)
        bounds = doc.to_array([IDX, LENGTH]).tolist()
        out = []
        for match_id, start, end in matches:
            start_char = bounds[start][0]
            end_char = bounds[end - 1][0] + bounds[end - 1][1]
            ref = strings[match_id]
            out.append(LexHit(start_char, end_char, ref, _kind_label(ref), text[start_char:end_char]))
        out.sort(key=lambda h: (h.start, -h.end, h.ref))
        return out

    def phrase_hits(self, text: str) -> tuple[LexHit, ...]:
        """:meth:`hits` of a short text (a dateline, a "Baca juga" line), remembered.

        Only the tokenizer runs: matches depend on the tokens alone, not on sentences.
        """
        out = self._short.get(text)
        if out is None:
            if len(self._short) >= 4096:
                self._short.clear()
            out = self._short[text] = tuple(self.hits(keep_text(self.make_doc(text), text)))
        return out


def _phrase_orths(nlp: Language, phrases: list[str]) -> dict[str, tuple[int, ...]]:
    """The ``ORTH`` ids of each phrase's tokens.

    The phrases are tokenized together, one per line of a single text: the tokenizer
    cuts each run of non-blank characters on its own, so a phrase with single spaces
    between its words gets the tokens it gets alone, and the line breaks come out as
    tokens of their own between phrases. That is one Doc instead of ~7,000 (a quarter
    of a second of every start-up). Any other phrase is tokenized alone.

    Each distinct word is tokenized alone first, which fills the tokenizer's cache: in
    one long Doc the tokenizer stops caching after the first special case ("Kab."),
    and would cut "Kabupaten" again for each of its ~500 phrases.
    """
    out: dict[str, tuple[int, ...]] = {}
    simple = [p for p in phrases if p and p == " ".join(p.split())]
    if simple:
        for word in dict.fromkeys(w for p in simple for w in p.split(" ")):
            nlp.tokenizer(word)
        doc = nlp.make_doc("\n".join(simple))
        newline = nlp.vocab.strings["\n"]
        current: list[int] = []
        lines = []
        for orth in doc.to_array(ORTH).tolist():
            if orth == newline:
                lines.append(tuple(current))
                current = []
            else:
                current.append(orth)
        lines.append(tuple(current))
        if len(lines) == len(simple):
            out.update(zip(simple, lines))
    for p in phrases:
        if p not in out:
            out[p] = tuple(t.orth for t in nlp.tokenizer(p))
    return out
