"""Programs and the bodies that run them, the larger programs they belong to and the
regulations they follow, as real news writes them (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from extractkit import article
from kbgraph.loaders.clean import clean
from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Extraction
from kbgraph.ontology.namespaces import KB

BKKBN = "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"
BANGGA = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"


def read(text: str, published: dt.date = dt.date(2023, 5, 2)) -> Extraction:
    art = article(text, published)
    return extract(art, clean(art))


def pairs(x: Extraction, predicate) -> set[tuple[str, str]]:
    """(subject label, object label) of the facts of one predicate between entities."""
    label = {k: e.label for k, e in x.entities.items()}
    return {(label[f.subject], label[f.obj.key]) for f in x.facts
            if f.predicate == predicate and hasattr(f.obj, "key")}


# ------------------------------------------------------------------------ run by

def test_a_program_called_an_agencys_flagship_is_run_by_it():
    x = read("Menurut warga, Kampung KB merupakan salah satu program unggulan BKKBN di desa itu.")
    assert pairs(x, KB.runBy) == {("Kampung Keluarga Berencana", BKKBN)}


def test_the_programs_an_agency_lists_after_yakni_are_each_run_by_it():
    x = read("Rapat itu membahas pelaksanaan program BKKBN yakni Bangga Kencana dan "
             "Percepatan Penurunan Stunting (PPS) di daerah.")
    assert pairs(x, KB.runBy) == {(BANGGA, BKKBN), ("Percepatan Penurunan Stunting", BKKBN)}


def test_a_program_launched_by_an_agency_in_a_passive_clause_is_run_by_it():
    x = read('Pembentukan "Kampung Keluarga Berencana (KB)" yang dicanangkan BKKBN sudah '
             "mencapai separuh target.")
    assert pairs(x, KB.runBy) == {("Kampung Keluarga Berencana", BKKBN)}


def test_the_agency_leading_a_program_runs_it():
    x = read("Kami di BKKBN sebagai ketua percepatan penurunan stunting terus bekerja keras.")
    assert pairs(x, KB.runBy) == {("Percepatan Penurunan Stunting", BKKBN)}


def test_a_parliament_commission_between_agency_and_program_leaves_the_agency_running_it():
    x = read("BKKBN bersama Komisi IX DPR RI menyelenggarakan kegiatan sosialisasi "
             "Program Bangga Kencana di Denpasar.")
    assert pairs(x, KB.runBy) == {(BANGGA, BKKBN)}


def test_an_agency_merely_present_where_a_program_runs_runs_nothing():
    x = read("Warga desa bersama jajaran BKKBN dan mitra kerja hadir di Kampung KB itu.")
    assert pairs(x, KB.runBy) == set()
