"""Shapes of real news prose the written corpus did not have (sentences written for these
tests; fictional people, real institutions and places)."""

from __future__ import annotations

from test_extract_entities import entities, people, read


def test_a_body_name_stops_at_its_short_form_and_at_a_comma_before_a_person():
    x = read("Pemerintah Kabupaten Garut menggelar rapat. Kepala Dinas Pengendalian Penduduk dan "
             "KB (DPPKB), Rina Marlina menyebutkan, kader bertambah. Sekretaris Dinas PPKB, Asep "
             "Hidayat mengatakan, data sudah lengkap.")
    orgs = {label for label, _ in entities(x, "org").values()}
    assert not any("Rina" in o or "Asep" in o for o in orgs)
    assert ("Rina Marlina", "Kepala Dinas Pengendalian Penduduk dan KB (DPPKB)",
            "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Garut") in people(x)
    assert {p[0] for p in people(x)} >= {"Rina Marlina", "Asep Hidayat"}


def test_words_after_a_comma_stay_in_a_body_name_that_ends_at_its_place():
    x = read("Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
             "Perlindungan Anak Kabupaten Hulu Sungai Tengah membuka layanan baru.")
    label = ("Dinas Sosial Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
             "Perlindungan Anak Kabupaten Hulu Sungai Tengah")
    assert (label, "RegionalAgency") in entities(x, "org").values()


def test_villages_in_an_enumeration_after_one_head_and_after_a_lower_case_head():
    x = read("Kampung KB di Kota Banda Aceh meliputi gampong Lam Baru, Meunasah Tuha, Gp. Keude "
             "dan Lhok Seudu. Pencanangan berikutnya di desa Sukajaya Kecamatan Cibeber. Kegiatan "
             "lain digelar di Kecamatan Wolowae, Keo Tengah dan Boawae.")
    places = {label for label, _ in entities(x, "place").values()}
    assert places >= {"Gampong Lam Baru", "Gampong Meunasah Tuha", "Gampong Keude",
                      "Gampong Lhok Seudu", "Desa Sukajaya", "Kecamatan Cibeber",
                      "Kecamatan Wolowae", "Kecamatan Keo Tengah", "Kecamatan Boawae"}
    keude = next(k for k, (label, _) in entities(x, "place").items() if label == "Gampong Keude")
    assert {m.text for m in x.entities[keude].mentions} == {"Gp. Keude"}
    assert not any(p.startswith("Gp") or p == "Gampong Gp" for p in places)


def test_an_enumeration_stops_at_posts_and_heads_and_an_unexplained_abbreviation_is_no_place():
    x = read("Bupati hadir di Desa Sukamaju, Ketua PKK dan Camat. Desa Tabat Kecamatan LAU dan "
             "Desa Nateh Kecamatan BAT ikut dicanangkan.")
    places = {label for label, _ in entities(x, "place").values()}
    assert "Desa Ketua PKK" not in places and "Desa Camat" not in places
    assert not places & {"Kecamatan LAU", "Kecamatan BAT"}
    assert {"Desa Tabat", "Desa Nateh", "Desa Sukamaju"} <= places


def test_a_post_whose_organization_follows_a_dash():
    x = read("Narasumber hari itu Rina Marlina, SE (Plt. Direktur Bina Lini Lapangan – "
             "Kemendukbangga/BKKBN) dan para kader.")
    (name, post, org), = people(x)
    assert (name, org) == ("Rina Marlina", "Direktorat Bina Lini Lapangan BKKBN")
    assert post.startswith("Plt. Direktur Bina Lini Lapangan")


def test_a_governor_s_official_residence_is_a_venue_not_an_agency():
    x = read("Rapat koordinasi digelar di Rumah Dinas Gubernur Sulawesi Selatan, Makassar. "
             "Kepala Dinas Kesehatan Provinsi Sulawesi Selatan hadir dengan mobil dinas.")
    found = entities(x, "org", "place").values()
    assert ("Rumah Dinas Gubernur Sulawesi Selatan", "Venue") in found
    assert not any(label.startswith("Dinas Gubernur") for label, _ in found)
    assert ("Dinas Kesehatan Provinsi Sulawesi Selatan", "RegionalAgency") in found


def test_a_regency_by_its_common_short_form():
    x = read("Pemkab HST melalui dinas terkait mencanangkan Kampung KB di Kecamatan Haruyan. "
             "Wakil Bupati Lutim Budi Santoso hadir.")
    orgs = {label for label, _ in entities(x, "org").values()}
    assert {"Pemerintah Kabupaten Hulu Sungai Tengah", "Pemerintah Kabupaten Luwu Timur"} <= orgs
    assert ("Budi Santoso", "Wakil Bupati Lutim", "Pemerintah Kabupaten Luwu Timur") in people(x)


def test_a_regency_named_like_a_common_word_is_read_in_a_list_of_regencies():
    x = read("Kampung KB sudah ada di Jayawijaya (41), Puncak (14), Nabire (16) dan Asmat (19). "
             "Warga naik ke puncak bukit.")
    places = {label for label, _ in entities(x, "place").values()}
    assert {"Kabupaten Jayawijaya", "Kabupaten Puncak", "Kabupaten Nabire", "Kabupaten Asmat"} <= places
    puncak = next(k for k, (label, _) in entities(x, "place").items() if label == "Kabupaten Puncak")
    assert {m.text for m in x.entities[puncak].mentions} == {"Puncak"}


def test_a_name_set_off_by_dashes_after_its_post():
    x = read("Kepala Perwakilan BKKBN Provinsi Jawa Barat – Rina Marlina – mengatakan program "
             "berjalan. Bupati Garut - yang hadir sejak pagi - membuka acara.")
    assert people(x) == {("Rina Marlina", "Kepala Perwakilan BKKBN Provinsi Jawa Barat",
                          "Perwakilan BKKBN Provinsi Jawa Barat")}


def test_a_dateline_that_names_the_site_is_the_outlet_not_a_place():
    from kbgraph.loaders.clean import clean
    from kbgraph.loaders.extract import extract
    from kbgraph.loaders.model import Article

    text = "KABAR SELATAN – Pemerintah Kabupaten Garut menggelar rapat koordinasi Kampung KB."
    article = Article(id="s", text=text, source="s.txt", url="https://kabarselatan.co.id/berita/1")
    x = extract(article, clean(article))
    kinds = {e.label: k.split("/")[0] for k, e in x.entities.items()}
    assert kinds.get("KABAR SELATAN") == "org"
    assert not any(k.startswith("place/") and "selatan" in k for k in x.entities)


def test_an_unknown_name_after_a_place_is_no_place_in_a_list_of_posts():
    x = read("Hadir Camat Kramat, Kapolsek Kramat, Danramil, dan kepala desa. Rapat digelar di "
             "Desa Sukamaju, Cibodas, Kabupaten Garut.")
    places = {label for label, _ in entities(x, "place").values()}
    assert "Danramil" not in places
    assert "Kecamatan Cibodas" in places  # after "di", an unknown name in the chain is a
    #                                       place: between a village and a regency, the district


def test_a_post_naming_the_ministry_then_its_office_after_a_slash():
    x = read("Materi disampaikan Ketua Tim Kerja Advokasi Kementerian Kependudukan dan Pembangunan "
             "Keluarga / Perwakilan BKKBN Provinsi Jawa Tengah, Ibu Rina Marlina. Rina mengatakan, "
             "kader harus bergerak.")
    (name, post, org), = people(x)  # a team leader holds the post in the team (a unit)
    assert (name, org) == ("Rina Marlina", "Tim Kerja Advokasi Perwakilan BKKBN Provinsi Jawa Tengah")
    assert post.endswith("/ Perwakilan BKKBN Provinsi Jawa Tengah")
    assert [x.entities[s.speaker].label for s in x.statements] == ["Rina Marlina"]


def test_a_staff_post_without_a_region_serves_the_one_government_its_sentence_names():
    x = read("Asisten Umum (Asmum), Rudi Hartono mengatakan Pemko Medan terus membina kelurahan. "
             "Asisten Ekonomi (Asek), Budi Santoso mengatakan Pemkab Garut dan Pemkot Bandung siap.")
    assert people(x) == {("Rudi Hartono", "Asisten Umum (Asmum)", "Pemerintah Kota Medan")}
