"""One entity per real-world thing: canonical labels, keys and lexicon facts.

Extraction finds surface forms ("BKKBN Kalbar", "Pemprov Jambi", "DPPKB Kabupaten
Garut", "JAMBI"); this module says which entity each one is, with the label the graph
uses for it. The rules, all deterministic:

- Keys are ``"<kind>/<slugify(canonical label)>"``, so the same thing gets the same IRI
  in every article and every build. Regulations are keyed by type, number and year
  (``framework/peraturan-presiden-nomor-72-tahun-2021``) so that "Perpres 72/2021" and
  "Peraturan Presiden Nomor 72 Tahun 2021 tentang …" are one entity.
- Lexicon entries carry their aliases, abbreviation, English label and Wikidata ID
  (only IDs the lexicon has; none is guessed). A renamed entity is one entity whose label
  is its current name and whose ``former_names`` hold the old ones with the date the new
  name took effect (BKKBN → Kemendukbangga/BKKBN on 2024-10-21; KKBPK → Bangga Kencana
  early 2020, recorded as 2020-01-01).
- Places: provinces are labelled "Provinsi X" (short forms such as Kalbar, Jateng,
  NTB are aliases), cities "Kota X", regencies "Kabupaten X"; the bare name is an alias.
  Which place a bare name means is decided by :meth:`Resolver.choose_place`.
- Regional bodies are labelled with the full name and the canonical place:
  "Dinas Pengendalian Penduduk dan KB Kabupaten Kubu Raya" → "Dinas Pengendalian
  Penduduk dan Keluarga Berencana Kabupaten Kubu Raya"; "Setda Garut" → "Sekretariat
  Daerah Kabupaten Garut"; "Pemprov Kalbar" → "Pemerintah Provinsi Kalimantan Barat".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kbgraph.ontology.lexicon import Entry, Lexicon, Province, Regency, load_lexicon
from kbgraph.ontology.namespaces import FOAF, KB, ORG, SCHEMA, slugify
from rdflib import URIRef

from .model import Entity

__all__ = [
    "LEVELS",
    "TOP_CLASS",
    "PlaceInfo",
    "Resolver",
    "cls_of",
    "entity_key",
    "get_resolver",
    "new_entity",
    "person_label",
    "strip_abbreviation",
]

#: The top class of each entity kind (the mapper adds the classes in between).
TOP_CLASS: dict[str, URIRef] = {
    "org": ORG.Organization, "person": FOAF.Person, "post": ORG.Post,
    "place": SCHEMA.Place, "program": KB.Program, "framework": KB.PolicyFramework,
}
#: Government level (lexicon word or place kind) → the SKOS concept.
LEVELS: dict[str, URIRef] = {
    "pusat": KB.LevelPusat, "provinsi": KB.LevelProvinsi, "province": KB.LevelProvinsi,
    "kabupaten": KB.LevelKabupaten, "kota": KB.LevelKota, "district": KB.LevelKecamatan,
    "village": KB.LevelDesa,
}
_PREFIXES = {"kb": KB, "org": ORG, "schema": SCHEMA}
_ABBR_IN_PARENS = re.compile(r"\s*\([^()]*\)")
_KB_WORD = re.compile(r"\bKB\b")


@lru_cache(maxsize=1 << 16)
def entity_key(kind: str, label: str) -> str:
    """``"<kind>/<slug>"`` of a canonical label (remembered: the same lexicon names are
    keyed again and again in every article)."""
    return f"{kind}/{slugify(label)}"


@cache
def cls_of(curie: str) -> URIRef:
    """``"kb:Province"`` → the IRI (closed namespaces: a typo raises AttributeError)."""
    prefix, _, name = curie.partition(":")
    return getattr(_PREFIXES[prefix], name)


def new_entity(kind: str, label: str, cls: URIRef, **fields) -> Entity:
    """An entity with its key from the label and types [cls, top class of the kind]."""
    top = TOP_CLASS.get(kind)
    types = [cls] if top is None or top == cls else [cls, top]
    key = fields.pop("key", None) or entity_key(kind, label)
    return Entity(key=key, types=types, label=label, **fields)


def strip_abbreviation(name: str) -> str:
    """"Bidang Keluarga Berencana (KB) Dinas X" → "Bidang Keluarga Berencana Dinas X"."""
    return " ".join(_ABBR_IN_PARENS.sub("", name).split())


def _name_words(name: str) -> tuple[str, ...]:
    """The words of a body's name without the commas and "dan" that join them."""
    return tuple(w.casefold() for w in re.findall(r"[\w-]+", name) if w not in ("dan", "serta"))


def same_spelling(a: str, b: str) -> bool:
    """Two spellings of one place name, ignoring case, spaces and hyphens."""
    def key(x: str) -> str:
        return "".join(c for c in x.casefold() if c.isalnum())
    return key(a) == key(b)


def person_label(tokens: list[str]) -> str:
    """A person's canonical name: the name words, without honorifics and degrees."""
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What the resolver knows of a place entity beyond the Entity record."""

    kind: str  # province | kota | kabupaten | district | village | venue | place
    name: str  # name without prefix ("Kalimantan Barat", "Pontianak")
    province: str | None = None  # key of the province entity
    kemendagri: str | None = None
    capital: str | None = None  # provinces: name of the capital


@dataclass
class Resolver:
    """Lexicon indexes, built once per process (:func:`get_resolver`)."""

    lex: Lexicon
    provinces: dict[str, Province] = field(default_factory=dict)  # name → province
    regencies: dict[str, Regency] = field(default_factory=dict)  # label → regency
    by_name: dict[str, list[Regency]] = field(default_factory=dict)  # bare name → regencies
    entries: dict[str, Entry] = field(default_factory=dict)  # "kind:label" → entry
    places: dict[str, PlaceInfo] = field(default_factory=dict)  # place key → info
    province_alias: dict[str, Province] = field(default_factory=dict)  # any name → province

    def __post_init__(self) -> None:
        for p in self.lex.provinces:
            self.provinces[p.name] = p
            for name in (p.name, *p.aliases, *p.short_forms):
                self.province_alias.setdefault(name.casefold(), p)
            self.places[entity_key("place", p.label)] = PlaceInfo(
                "province", p.name, entity_key("place", p.label), capital=p.capital)
        for r in self.lex.regencies:
            self.regencies[r.label] = r
            self.by_name.setdefault(r.name, []).append(r)
            prov = self.provinces[r.province]
            self.places[entity_key("place", r.label)] = PlaceInfo(
                r.kind, r.name, entity_key("place", prov.label), r.kemendagri)
        for e in self.lex.entries:
            self.entries[f"{e.kind}:{e.label}"] = e

    # ------------------------------------------------------------------ lexicon refs

    def entity_of(self, ref: str) -> Entity:
        """A fresh Entity for a lexicon reference ("province:…", "regency:…", "org:…")."""
        kind, _, name = ref.partition(":")
        if kind == "province":
            return self.province_entity(self.provinces[name])
        if kind == "regency":
            return self.regency_entity(self.regencies[name])
        return self.entry_entity(self.entries[ref])

    def entry(self, ref: str) -> Entry | None:
        return self.entries.get(ref)

    def entry_entity(self, e: Entry) -> Entity:
        aliases = [a for a in (*e.aliases, *(n for n, _ in e.former_names)) if a != e.label]
        return new_entity(e.kind, e.label, cls_of(e.cls), label_en=e.label_en,
                          aliases=list(dict.fromkeys(aliases)), abbreviation=e.abbreviation,
                          wikidata=e.wikidata, former_names=list(e.former_names))

    def province_entity(self, p: Province) -> Entity:
        aliases = [p.name, *p.aliases, *p.short_forms]
        return new_entity("place", p.label, KB.Province, aliases=list(dict.fromkeys(aliases)),
                          abbreviation=p.short_forms[0] if p.short_forms else None,
                          wikidata=p.wikidata)

    def regency_entity(self, r: Regency) -> Entity:
        cls = KB.City if r.kind == "kota" else KB.Regency
        prefix = r.label.split()[0]
        aliases = [r.name, *r.aliases, *(f"{prefix} {a}" for a in r.aliases)]
        return new_entity("place", r.label, cls, aliases=aliases, wikidata=r.wikidata)

    def province_by_alias(self, name: str) -> Province | None:
        """A province by name, short form or alias, any case, with or without "Provinsi"."""
        key = " ".join(name.split()).casefold()
        for prefix in ("provinsi ", "prov. "):
            key = key.removeprefix(prefix)
        return self.province_alias.get(key)

    # ------------------------------------------------------------------ places

    def choose_place(self, refs: list[str], *, hint: str | None, explicit: dict[str, str],
                     dateline: bool) -> str:
        """Which place a bare name means, among the lexicon references it matched.

        Rules, in order (``hint`` is what the text around the name says):
        1. a word before it decides: ``province`` (Provinsi, Gubernur, Pemprov,
           Perwakilan BKKBN), ``kota`` (Kota, Wali Kota, Pemkot), ``kabupaten``
           (Kabupaten, Bupati, Pemkab); ``local`` (inside a venue name, or a dateline)
           prefers a city or regency over a province of the same name;
        2. the article itself names the place with its prefix elsewhere ("Kota Cirebon"):
           ``explicit`` maps bare names to the reference it used;
        3. a province beats a city of the same name (bare "Jambi", "Bengkulu");
        4. between a city and a regency of the same name, the city when it is a
           provincial capital (Bandung, Semarang), else the regency (Cirebon, Bogor).
        """
        if len(refs) == 1:
            return refs[0]
        by_kind: dict[str, str] = {}
        for ref in refs:
            info = self.places[self._place_key(ref)]
            by_kind.setdefault(info.kind, ref)
        if hint in by_kind:
            return by_kind[hint]
        local = hint == "local" or dateline
        name = self.places[self._place_key(refs[0])].name
        if name in explicit and explicit[name] in refs and not (
                local and explicit[name] == by_kind.get("province")):
            return explicit[name]
        if "province" in by_kind and not local:
            return by_kind["province"]
        if "kota" in by_kind and "kabupaten" in by_kind:
            capitals = {p.capital for p in self.lex.provinces}
            return by_kind["kota"] if name in capitals else by_kind["kabupaten"]
        for kind in ("kota", "kabupaten", "province"):
            if kind in by_kind:
                return by_kind[kind]
        return refs[0]

    def _place_key(self, ref: str) -> str:
        kind, _, name = ref.partition(":")
        if kind == "province":
            return entity_key("place", self.provinces[name].label)
        return entity_key("place", name)

    def place_info(self, key: str) -> PlaceInfo | None:
        return self.places.get(key)

    def place_key_of_ref(self, ref: str) -> str:
        return self._place_key(ref)

    # ------------------------------------------------------------------ organizations

    def regional_government(self, place: Entity, spelling: str | None = None) -> Entity | None:
        """"Pemerintah Provinsi/Kabupaten/Kota X" for a province, regency or city entity;
        ``spelling`` is the article's own spelling of X ("Gunungkidul" for the lexicon's
        "Gunung Kidul"), used when it is the same name written with(out) spaces/hyphens."""
        info = self.places.get(place.key)
        if info is None or info.kind not in ("province", "kabupaten", "kota"):
            return None
        name = spelling if spelling and same_spelling(spelling, info.name) and not (
            spelling.isupper()) else info.name  # "Gunungkidul", but not a dateline's "CILEGON"
        word = {"province": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}[info.kind]
        short = {"province": "Pemprov", "kabupaten": "Pemkab", "kota": "Pemkot"}[info.kind]
        label = f"Pemerintah {word} {name}"
        return new_entity("org", label, KB.RegionalGovernment,
                          aliases=[f"{short} {name}"], abbreviation=f"{short} {name}")

    def representative_office(self, agency: Entity, province: Entity) -> Entity:
        """"Perwakilan BKKBN Provinsi X" (the office word and the agency's short name
        from the lexicon)."""
        entry = self.entries.get(f"org:{agency.label}")
        office = entry.office if entry and entry.office else "Perwakilan"
        short = agency.abbreviation or agency.label
        name = self.places[province.key].name
        short_province = next((p.short_forms[0] for p in self.lex.provinces
                               if p.name == name and p.short_forms), name)
        label = f"{office} {short} {province.label}"
        aliases = [f"{office} {short} {name}", f"{short} {short_province}",
                   f"{office} {short} {short_province}"]
        return new_entity("org", label, KB.RepresentativeOffice,
                          aliases=list(dict.fromkeys(a for a in aliases if a != label)),
                          abbreviation=f"{short} {short_province}")

    def spelled_label(self, place: Entity, spelling: str | None) -> str:
        """The place's label with the article's own spelling of its name ("Kabupaten
        Gunungkidul" where the lexicon writes "Gunung Kidul"), as ``regional_government``."""
        info = self.places.get(place.key)
        if (info is None or not spelling or spelling.isupper() or not place.label.endswith(
                info.name) or not same_spelling(spelling, info.name)):
            return place.label
        return place.label[:-len(info.name)] + spelling

    def body_label(self, head: str, topic: str, place: Entity, spelling: str | None = None) -> str:
        """Canonical label of a regional body: full name (KB spelled out) + place label
        (with the article's spelling of the place's name, ``spelled_label``)."""
        name = strip_abbreviation(f"{head} {topic}".strip())
        for body in self.lex.bodies:  # "Dinas DP3AP2KB" is the Dinas that abbreviation names
            if body.shape == "name" and topic.strip() in body.abbreviations:
                name = body.name
        acronyms = [w for w in topic.split() if w != "KB" and len(w) > 1 and w.isupper()]
        if head in ("Dinas", "Badan") and not acronyms:  # "Dinas OPD KB": acronyms stay
            name = _KB_WORD.sub("Keluarga Berencana", name)
            key = _name_words(name)
            # "Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan
            # Keluarga Berencana": the lexicon's body with the same words, however joined
            name = next((b.name for b in self.lex.bodies
                         if b.shape == "name" and _name_words(b.name) == key), name)
        return f"{name} {self.spelled_label(place, spelling)}"

    def regulation_type(self, written: str) -> tuple[str, str] | None:
        """(abbreviation, full name) of a regulation type as written ("Perpres", "UU", …)."""
        key = " ".join(written.split()).casefold()
        for t in self.lex.regulation_types:
            if key in {t.abbreviation.casefold(), t.full.casefold(),
                       *(a.casefold() for a in t.aliases)}:
                return t.abbreviation, t.full
        return None

    def regulation_title(self, abbreviation: str, number: str, year: str) -> str | None:
        for r in self.lex.regulations:
            if (r.type, r.number, r.year) == (abbreviation, number, year):
                return r.title
        return None

    # ------------------------------------------------------------------ news outlets

    def outlet(self, name: str) -> list[Entity]:
        """The outlet a publisher name stands for, ``[outlet]``, or ``[desk, outlet]`` for
        a regional desk of a known outlet: "ANTARA Kalbar", "ANTARA News Kalimantan Barat"
        → "ANTARA Kalimantan Barat", part of ANTARA (one entity per outlet, its desks under
        it). A name the lexicon does not know is an outlet of its own."""
        written = " ".join(name.split())
        want = written.casefold()
        outlets = [e for e in self.lex.entries if e.kind == "org" and e.cls == "kb:NewsPublisher"]
        for e in outlets:
            if want in {n.casefold() for n in (e.label, *e.aliases, *e.patterns)}:
                return [self.entry_entity(e)]
        for e, region in self._desk_of(written, outlets):
            label = f"{e.label} {region}"
            desk = new_entity("org", label, KB.NewsPublisher,
                              aliases=[written] if written != label else [])
            return [desk, self.entry_entity(e)]
        return [new_entity("org", written, KB.NewsPublisher)]

    def wire(self, name: str) -> Entity | None:
        """The news agency a dateline's bracket names, its desk aside: "(ANTARA)",
        "(ANTARA Kaltim)", "(Antaranews Papua)", "(ANTARAAceh)" → ANTARA. The bracket
        says whose wire the report is; which desk wrote it is not a second publisher
        (the footer's "ANTARA News Kalimantan Barat" is: :meth:`outlet`)."""
        written = " ".join(name.split())
        outlets = [e for e in self.lex.entries if e.kind == "org" and e.cls == "kb:NewsPublisher"]
        for e in outlets:
            if written.casefold() in {n.casefold() for n in (e.label, *e.aliases, *e.patterns)}:
                return self.entry_entity(e)
        for e, _region in self._desk_of(written, outlets, glued=True):
            return self.entry_entity(e)
        return None

    def _desk_of(self, written: str, outlets: list[Entry], glued: bool = False):
        """(outlet, region) when ``written`` is an outlet's name then a region ("ANTARA
        Kalbar"; ``glued``: also "ANTARAAceh", the region's capital right after)."""
        want = written.casefold()
        prefixes = sorted(((n, e) for e in outlets for n in {e.label, *e.aliases}),
                          key=lambda ne: (-len(ne[0]), ne[0]))
        for prefix, e in prefixes:
            rest = written[len(prefix):]
            if not want.startswith(prefix.casefold()) or not (
                    rest.startswith(" ") or (glued and rest[:1].isupper() and rest[1:2].islower())):
                continue
            rest = rest.strip()
            province = self.province_by_alias(rest)
            region = province.name if province else next(
                (n for n in self.by_name if n.casefold() == rest.casefold()), None)
            if region is not None:
                yield e, region
            return

    def priority(self, framework: str, number: int) -> str | None:
        for p in self.lex.priorities:
            if p.framework == framework and p.number == number:
                return p.description
        return None


@lru_cache(maxsize=1)
def get_resolver() -> Resolver:
    """The process-wide resolver over the shipped lexicon."""
    return Resolver(load_lexicon())
