"""Seeded generator of realistic synthetic Indonesian family-planning news articles.

Every province and many regencies/cities, provincial BKKBN offices, regional agencies,
officials with posts and degrees, meetings with dates, venues and participant counts,
programs, frameworks, direct quotes and reported speech, and — now and then — the
noise real scraped news carries: a duplicated body, "Baca juga:" lines, a copyright
footer, a dateline, a weekday that is the only date.

    python benchmarks/generate.py --n 1000 --out benchmarks/out/corpus-1k --format txt
    python benchmarks/generate.py --n 10000 --out /tmp/c10k --format jsonl --per-file 1000

The same --seed gives byte-identical files. People are fictional; institutions, programs,
frameworks and places are real (places come from the shipped lexicon).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "ontology" / "lexicon"

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
FIRST = [
    "Ahmad", "Budi", "Siti", "Dewi", "Rahmat", "Nur", "Agus", "Sri", "Hendra", "Yuliana",
    "Made", "Putu", "Andi", "Fitri", "Rudi", "Wahyu", "Rina", "Hasan", "Maria", "Yohanes",
    "Slamet", "Ratna", "Teguh", "Lestari", "Bambang", "Indah", "Fajar", "Kurnia", "Ilham", "Melati",
]
LAST = [
    "Santoso", "Hidayat", "Lubis", "Siregar", "Wijaya", "Saputra", "Rahmawati", "Nasution",
    "Pratama", "Kusuma", "Syamsuddin", "Harahap", "Simanjuntak", "Gunawan", "Purnomo",
    "Manurung", "Sitompul", "Tanjung", "Hakim", "Setiawan", "Wulandari", "Kartika",
]
PREFIX = ["", "", "", "H. ", "Hj. ", "Dr. ", "dr. ", "Ir. ", "Drs. "]
SUFFIX = ["", "", ", S.Sos", ", M.Si", ", M.Kes", ", S.H., M.H.", ", S.E., M.M.", ", M.Pd"]
MEETINGS = [
    ("Rapat Koordinasi Program Bangga Kencana Provinsi {prov} Tahun {year}", "Rakor"),
    ("Rapat Kerja Daerah (Rakerda) Program Bangga Kencana Tahun {year}", "Rakerda"),
    ("Pertemuan Kelompok Kerja Kampung KB Provinsi {prov}", "pertemuan"),
    ("Bimbingan Teknis (Bimtek) Tim Pendamping Keluarga", "Bimtek"),
    ("Sosialisasi Percepatan Penurunan Stunting bagi Mitra Kerja se-{prov}", "sosialisasi"),
    ("Rapat Koordinasi Tim Percepatan Penurunan Stunting Kabupaten {reg}", "Rakor"),
]
VENUES = ["Hotel Santika {city}", "Aula Kantor Gubernur {prov}", "Gedung Serbaguna {city}", "Hotel Grand {city}"]
PROGRAMS = [
    "Kampung KB", "Bina Keluarga Balita (BKB)", "Bina Keluarga Remaja (BKR)", "Bina Keluarga Lansia (BKL)",
    "Pusat Informasi dan Konseling Remaja (PIK-R)", "Tim Pendamping Keluarga (TPK)",
]
FRAMEWORKS = [
    "Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 2020-2024",
    "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting",
    "Renstra BKKBN 2020-2024",
    "Undang-Undang Nomor 52 Tahun 2009",
]
QUOTES = [
    "Kami ingin seluruh desa memiliki Kampung KB yang aktif dan terukur",
    "Penurunan stunting membutuhkan kerja sama lintas sektor hingga tingkat desa",
    "Pendampingan keluarga berisiko stunting harus menjadi prioritas semua pihak",
    "Data keluarga yang akurat menjadi dasar perencanaan program di daerah",
]
REPORTED = [
    "angka prevalensi stunting di daerahnya terus menurun dalam dua tahun terakhir",
    "pihaknya akan memperkuat peran penyuluh KB di setiap kecamatan",
    "kegiatan ini bertujuan menyamakan persepsi para pemangku kepentingan",
    "pemerintah daerah telah menyiapkan anggaran untuk pelayanan KB gratis",
]
PUBLISHERS = ["ANTARA", "Kabar Nusantara", "Warta Daerah", "Suara Keluarga"]


@dataclass(frozen=True)
class Place:
    name: str  # "Kota Pontianak" / "Kabupaten Kubu Raya"
    short: str  # "Pontianak"
    province: str


def load_places() -> tuple[list[str], list[Place]]:
    """Provinces and regencies/cities from the shipped lexicon (falls back to a few)."""
    provinces: set[str] = set()
    places: list[Place] = []
    path = LEXICON / "places.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                kind = (row.get("kind") or row.get("class") or "").lower()
                label = row.get("label") or row.get("name") or ""
                prov = row.get("province") or ""
                if kind in {"province", "provinsi"}:
                    provinces.add(label.removeprefix("Provinsi ").strip())
                elif kind in {"city", "kota", "regency", "kabupaten"} and prov:
                    short = label.removeprefix("Kota ").removeprefix("Kabupaten ").strip()
                    places.append(Place(label, short, prov.removeprefix("Provinsi ").strip()))
    if not provinces or not places:
        fallback = [
            ("Kalimantan Barat", "Kota Pontianak"), ("Jambi", "Kota Jambi"),
            ("Sulawesi Selatan", "Kota Makassar"), ("Jawa Barat", "Kabupaten Garut"),
            ("Bali", "Kota Denpasar"), ("Bengkulu", "Kota Bengkulu"),
        ]
        provinces = {p for p, _ in fallback}
        places = [Place(c, c.split(" ", 1)[1], p) for p, c in fallback]
    provinces_sorted = sorted(provinces)
    places = sorted({p for p in places if p.province in provinces}, key=lambda p: (p.province, p.name))
    return provinces_sorted, places


def person(rng: random.Random) -> tuple[str, str]:
    """(as written with degrees, bare name)."""
    bare = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"{rng.choice(PREFIX)}{bare}{rng.choice(SUFFIX)}", bare


def article(i: int, rng: random.Random, provinces: list[str], places: list[Place]) -> dict:
    """One synthetic article as a record (title, date, url, publisher, text)."""
    prov = rng.choice(provinces)
    local = [p for p in places if p.province == prov] or places
    city = rng.choice(local)
    reg = rng.choice(local)
    year = rng.randint(2016, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 26)
    start = dt.date(year, month, day)
    days = rng.choice([1, 2, 2, 3])
    end = start + dt.timedelta(days=days - 1)
    published = end + dt.timedelta(days=rng.choice([0, 1, 2]))
    name_tpl, short = rng.choice(MEETINGS)
    meeting = name_tpl.format(prov=prov, year=year, reg=reg.short)
    venue = rng.choice(VENUES).format(city=city.short, prov=prov)
    n = rng.choice([45, 60, 80, 120, 133, 150, 180, 250, 300, 1100])
    head, head_bare = person(rng)
    kabid, kabid_bare = person(rng)
    kadis, kadis_bare = person(rng)
    prog = rng.choice(PROGRAMS)
    frame = rng.choice(FRAMEWORKS)
    if days == 1:
        when = f"{start.day} {BULAN[month - 1]} {year}"
    else:
        when = f"{start.day}-{end.day} {BULAN[end.month - 1]} {end.year}" if start.month == end.month else (
            f"{start.day} {BULAN[start.month - 1]} hingga {end.day} {BULAN[end.month - 1]} {end.year}")
    weekday = HARI[published.weekday()]
    paras = []
    dateline = rng.random() < 0.5
    lead = f"Perwakilan BKKBN Provinsi {prov} menggelar {meeting} di {venue}, {when}."
    paras.append((f"{city.short.upper()} (ANTARA) - " if dateline else "") + lead)
    paras.append(f"Kegiatan itu diikuti sebanyak {n:,} peserta dari kabupaten dan kota se-Provinsi {prov}.".replace(",", "."))
    paras.append(
        f"Kepala Perwakilan BKKBN Provinsi {prov} {head} di {city.short}, {weekday}, mengatakan, "
        f"{rng.choice(REPORTED)}."
    )
    paras.append(f"\"{rng.choice(QUOTES)}. Program {prog} menjadi ujung tombak kami,\" katanya.")
    paras.append(
        f"Menurut dia, seluruh program Bangga Kencana di daerah itu mengacu pada {frame}."
    )
    paras.append(
        f"Sementara itu, Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana {reg.name}, "
        f"{kadis}, menjelaskan bahwa {rng.choice(REPORTED)}."
    )
    if rng.random() < 0.6:
        paras.append(
            f"Kepala Bidang Keluarga Berencana dan Kesehatan Reproduksi Perwakilan BKKBN Provinsi {prov} "
            f"{kabid} menambahkan, {rng.choice(REPORTED)}."
        )
        paras.append(f"\"{rng.choice(QUOTES)},\" ujar {kabid_bare.split()[0]}.")
    if rng.random() < 0.15:
        paras.insert(2, f"Baca juga: BKKBN {prov} gencarkan {prog} di {reg.short}")
    publisher = rng.choice(PUBLISHERS)
    body = "\n\n".join(paras)
    if rng.random() < 0.1:  # the scraping artefact of the seed: the whole body twice
        body = body + "\n\n" + "\n\n".join(paras[1:])
    if rng.random() < 0.5:
        body += f"\n\nCOPYRIGHT © {publisher} {published.year}"
    return {
        "title": f"{short} {prov}: {prog} diperkuat",
        "date": published.isoformat(),
        "url": f"https://example.org/synthetic/{i:07d}",
        "publisher": publisher,
        "text": body,
    }


def write_txt(path: Path, rec: dict) -> None:
    front = "".join(f"{k}: {rec[k]}\n" for k in ("title", "date", "url", "publisher"))
    path.write_text(front + "---\n" + rec["text"] + "\n", encoding="utf-8")


def write_html(path: Path, rec: dict) -> None:
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in rec["text"].split("\n\n"))
    path.write_text(
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(rec['title'])}</title>"
        f"<meta property=\"article:published_time\" content=\"{rec['date']}\"></head>"
        f"<body><article><h1>{html.escape(rec['title'])}</h1>{paras}</article></body></html>\n",
        encoding="utf-8",
    )


def generate(n: int, out: Path, *, seed: int = 2019, fmt: str = "txt", per_file: int = 1000) -> int:
    """Write ``n`` articles under ``out``; returns the number written."""
    rng = random.Random(seed)
    provinces, places = load_places()
    out.mkdir(parents=True, exist_ok=True)
    records = (article(i, rng, provinces, places) for i in range(n))
    if fmt in {"txt", "html"}:
        for i, rec in enumerate(records):
            sub = out / f"{i // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (write_txt if fmt == "txt" else write_html)(sub / f"article-{i:07d}.{fmt}", rec)
    elif fmt in {"jsonl", "csv"}:
        batch: list[dict] = []
        part = 0

        def flush() -> None:
            nonlocal part
            if not batch:
                return
            path = out / f"part-{part:05d}.{fmt}"
            with path.open("w", encoding="utf-8", newline="") as fh:
                if fmt == "jsonl":
                    for rec in batch:
                        fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                else:
                    w = csv.DictWriter(fh, fieldnames=["title", "date", "url", "publisher", "text"])
                    w.writeheader()
                    w.writerows(batch)
            part += 1
            batch.clear()

        for rec in records:
            batch.append(rec)
            if len(batch) >= per_file:
                flush()
        flush()
    else:
        raise SystemExit(f"unknown format {fmt!r}: use txt, html, jsonl or csv")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (1000, 10000, 100000)")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--format", default="txt", choices=["txt", "html", "jsonl", "csv"])
    ap.add_argument("--per-file", type=int, default=1000, help="records per file for jsonl/csv")
    args = ap.parse_args(argv)
    n = generate(args.n, args.out, seed=args.seed, fmt=args.format, per_file=args.per_file)
    print(f"wrote {n} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
