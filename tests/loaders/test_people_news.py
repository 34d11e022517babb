"""Persons and posts in the shapes real news takes (issue 15, item 3 "people").

Every sentence here is written for these tests (fictional people, real institutions).
"""

from __future__ import annotations

from kbgraph.loaders.extract import extract
from kbgraph.loaders.model import Article, CleanText, Extraction
from rdflib.namespace import ORG
from test_extract_entities import (
    people,  # (name, post as written, organization), as the gold
)


def read(text: str) -> Extraction:
    article = Article(id="snippet", text=text, source="snippet.txt")
    return extract(article, CleanText(text=text, offsets=tuple(range(len(text) + 1))))


def persons(x: Extraction) -> dict[str, set[str]]:
    """label → mentions as written, for every person."""
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith("person/")}


def test_honorifics_without_a_period_stay_out_of_the_name():
    x = read("Rapat dibuka Sekda Kabupaten Sambas H Ahmad Rizal. Hadir pula Hj Nurul Aini "
             "mengatakan program berjalan, dan Tgk Hasan menyampaikan doa.")
    assert persons(x) == {"Ahmad Rizal": {"H Ahmad Rizal"}, "Nurul Aini": {"Hj Nurul Aini"},
                          "Hasan": {"Tgk Hasan"}}
    assert people(x) == {("Ahmad Rizal", "Sekda Kabupaten Sambas", "Pemerintah Kabupaten Sambas")}


def test_a_regulation_a_number_or_a_military_unit_is_no_person():
    x = read("Hal itu diatur dalam Peraturan Bupati Sambas Nomor 12 Tahun 2020. Kegiatan juga "
             "didukung Korem 071/Wijayakusuma dan Kodim 0703 Cilacap.")
    assert persons(x) == {}


def test_degrees_written_without_commas_belong_to_the_mention():
    x = read("Sekretaris Dinas Kesehatan Kota Palu, Budiman SH MH mengatakan stok aman. "
             "Hadir pula dr. H. Rudi Santoso M.Kes MMR., yang memberi materi.")
    assert persons(x) == {"Budiman": {"Budiman SH MH"},
                          "Rudi Santoso": {"dr. H. Rudi Santoso M.Kes MMR."}}


def test_a_post_in_brackets_after_the_name():
    x = read("Narasumber kegiatan ini antara lain Rina Marlina, S.E. (Kepala Dinas Kesehatan Kota "
             "Palu) dan Dra. Wayan Sari, M.Si. (Kepala DP3AP2KB Kota Denpasar).")
    assert people(x) == {
        ("Rina Marlina", "Kepala Dinas Kesehatan Kota Palu", "Dinas Kesehatan Kota Palu"),
        ("Wayan Sari", "Kepala DP3AP2KB Kota Denpasar",
         "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
         "Berencana Kota Denpasar")}


def test_a_street_named_after_a_person_and_a_courtesy_word_are_no_cue():
    x = read("Acara digelar di JL KH. Ahmad Dahlan. Tim meninjau posyandu di Jalan Moh Yamin, "
             "Palu. Kelas Ibu Hamil digelar setiap "
             "bulan. Ketua TP PKK Kota Palu, Ibu Ratna Dewi, hadir.")
    assert persons(x) == {"Ratna Dewi": {"Ibu Ratna Dewi"}}


def test_a_secretary_written_with_the_abbreviation_of_the_province_in_brackets():
    x = read("Sekretaris Daerah Provinsi (Sekdaprov) Riau Hendra Saputra membuka rapat itu.")
    assert people(x) == {("Hendra Saputra", "Sekretaris Daerah Provinsi (Sekdaprov) Riau",
                          "Pemerintah Provinsi Riau")}


def orgs(x: Extraction) -> dict[str, set[str]]:
    return {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
            if k.startswith("org/")}


def test_a_commission_of_the_house_and_its_members_in_both_word_orders():
    x = read("Anggota Komisi IX DPR RI, Hj. Ratna Sari, S.Sos membuka acara. Sebelumnya anggota "
             "DPR-RI Komisi IX, Drs. Budi Santoso, M.Si, hadir, begitu pula Anggota Komisi IX "
             "DPR RI Dapil Jawa Barat, dr. Agus Salim.")
    commission = "Komisi IX Dewan Perwakilan Rakyat"
    assert orgs(x)[commission] == {"Komisi IX DPR RI", "DPR-RI Komisi IX"}
    # one post held by all three members: it keeps the spelling it was first read in
    assert people(x) == {("Ratna Sari", "Anggota Komisi IX DPR RI", commission),
                         ("Budi Santoso", "Anggota Komisi IX DPR RI", commission),
                         ("Agus Salim", "Anggota Komisi IX DPR RI", commission)}
    posts = {m.text for k, e in x.entities.items() if k.startswith("post/") for m in e.mentions}
    assert posts == {"Anggota Komisi IX DPR RI", "anggota DPR-RI Komisi IX",
                     "Anggota Komisi IX DPR RI Dapil Jawa Barat"}
    units = {(x.entities[f.subject].label, x.entities[f.obj.key].label) for f in x.facts
             if f.predicate == ORG.unitOf}
    assert units == {(commission, "Dewan Perwakilan Rakyat")}


def test_a_head_of_state_by_his_short_name_and_staff_named_by_region():
    x = read("Kampung KB adalah program Presiden Jokowi. Asisten I Sambas Rudi Hartono dan Asisten "
             "Administrasi Umum Sekda Kabupaten Kupang, Maria Lede, hadir.")
    assert people(x) == {
        ("Joko Widodo", "Presiden", None),
        ("Rudi Hartono", "Asisten I Sambas", "Pemerintah Kabupaten Sambas"),
        ("Maria Lede", "Asisten Administrasi Umum Sekda Kabupaten Kupang",
         "Sekretariat Daerah Kabupaten Kupang")}


def test_the_provincial_office_written_out_is_one_office():
    x = read("Kepala Perwakilan Badan Kependudukan dan Keluarga Berencana (BKKBN) Aceh, Drs Rahmat "
             "Hidayat MPd, hadir. Badan Kependudukan Keluarga Berencana Nasional (BKKBN) Provinsi "
             "Bengkulu juga datang, bersama BKKBN Propinsi Kalsel.")
    names = orgs(x)
    assert names["Perwakilan BKKBN Provinsi Aceh"] == {
        "Perwakilan Badan Kependudukan dan Keluarga Berencana (BKKBN) Aceh"}
    assert names["Perwakilan BKKBN Provinsi Bengkulu"] == {
        "Badan Kependudukan Keluarga Berencana Nasional (BKKBN) Provinsi Bengkulu"}
    assert names["Perwakilan BKKBN Provinsi Kalimantan Selatan"] == {"BKKBN Propinsi Kalsel"}
    assert not any(n.startswith("Badan Kependudukan dan Keluarga Berencana Provinsi") for n in names)
    assert people(x) == {("Rahmat Hidayat",
                          "Kepala Perwakilan Badan Kependudukan dan Keluarga Berencana (BKKBN) Aceh",
                          "Perwakilan BKKBN Provinsi Aceh")}


def test_offices_governments_and_long_dinas_names_as_the_news_writes_them():
    x = read("Kepala BKKBN perwakilan Provinsi Gorontalo Yusuf Hamzah hadir. Pemko Medan melalui Dinas "
             "Pengendalian Penduduk dan Keluarga Berencana (DPPKB) menggelar rapat. Kepala Dinas "
             "Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana "
             ")DP3AP2KB) Provinsi Jambi Rina Sari mengatakan stok aman. Kepala Perwakilan BPKP "
             "Provinsi Jambi Ahmad Fauzi juga hadir.")
    names = orgs(x)
    assert names["Perwakilan BKKBN Provinsi Gorontalo"] == {"BKKBN perwakilan Provinsi Gorontalo"}
    assert names["Pemerintah Kota Medan"] == {"Pemko Medan"}
    assert "Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Medan" in names
    dinas = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
             "Berencana Provinsi Jambi")
    assert people(x) == {
        ("Yusuf Hamzah", "Kepala BKKBN perwakilan Provinsi Gorontalo",
         "Perwakilan BKKBN Provinsi Gorontalo"),
        ("Rina Sari", "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian "
         "Penduduk dan Keluarga Berencana )DP3AP2KB) Provinsi Jambi", dinas),
        ("Ahmad Fauzi", "Kepala Perwakilan BPKP Provinsi Jambi", "Perwakilan BPKP Provinsi Jambi")}


def test_a_director_heads_the_directorate_of_the_agency_named_after_the_post():
    x = read("Direktur Advokasi dan KIE (KIE) BKKBN pusat, Budi Santoso, membuka acara.")
    assert people(x) == {("Budi Santoso", "Direktur Advokasi dan KIE (KIE) BKKBN pusat",
                          "Direktorat Advokasi dan Komunikasi, Informasi, dan Edukasi BKKBN")}
    units = {(x.entities[f.subject].label, x.entities[f.obj.key].label) for f in x.facts
             if f.predicate == ORG.unitOf}
    assert units == {("Direktorat Advokasi dan Komunikasi, Informasi, dan Edukasi BKKBN",
                      "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")}


def test_an_organization_name_never_runs_over_another_post_or_a_degree():
    x = read("Bupati Sambas didampingi Sekretaris BKKBN Provinsi Papua Barat Widi, SH dan Kepala "
             "Dinas Kesehatan Kabupaten Sambas Rina Sari membuka acara.")
    assert ("Rina Sari", "Kepala Dinas Kesehatan Kabupaten Sambas",
            "Dinas Kesehatan Kabupaten Sambas") in people(x)
    assert {post for name, post, _ in people(x) if name == "Widi"} <= {
        "Sekretaris BKKBN Provinsi Papua Barat"}  # never "… Widi, SH dan Kepala Dinas …"


def test_an_acting_prefix_before_any_title_stays_in_the_post():
    x = read("Prasasti ditandatangani Pjs. Bupati Sambas, Yohanes Warsito, di Desa Sekura. "
             "Hadir pula Pelaksana Harian Wali Kota Palu Rina Dewanti.")
    assert people(x) == {
        ("Yohanes Warsito", "Pjs. Bupati Sambas", "Pemerintah Kabupaten Sambas"),
        ("Rina Dewanti", "Pelaksana Harian Wali Kota Palu", "Pemerintah Kota Palu")}


def test_degrees_glued_together_or_ending_in_a_period_belong_to_the_mention():
    x = read("Kepala Dinas Kesehatan Kota Palu Budi Hartono, SE.M.Si dan Sekretaris Daerah Kota "
             "Palu Dr. Ani Lestari, SE, MM. didampingi dr. Rudi Santoso, M.For., MARS., hadir.")
    assert persons(x) == {"Budi Hartono": {"Budi Hartono, SE.M.Si"},
                          "Ani Lestari": {"Dr. Ani Lestari, SE, MM."},
                          "Rudi Santoso": {"dr. Rudi Santoso, M.For., MARS."}}


def test_a_team_leader_holds_the_post_in_the_team_a_unit_of_the_office_and_the_name_follows():
    x = read("Kepala Perwakilan BKKBN Provinsi Jambi diwakili Ketua Tim Kerja Bina Peran serta "
             "Masyarakat, IMP, Humas dan Informasi Publik Rina Kartika menghadiri rapat. "
             "Hadir pula Ketua Tim Kerja Advokasi dan KIE Kementerian Kependudukan dan "
             "Pembangunan Keluarga / Perwakilan BKKBN Provinsi Jambi, Ibu Sri Wahyuni.")
    team = ("Tim Kerja Bina Peran serta Masyarakat, IMP, Humas dan Informasi Publik "
            "Perwakilan BKKBN Provinsi Jambi")
    assert people(x) == {
        ("Rina Kartika", "Ketua Tim Kerja Bina Peran serta Masyarakat, IMP, Humas dan Informasi "
                         "Publik", team),
        ("Sri Wahyuni", "Ketua Tim Kerja Advokasi dan KIE Kementerian Kependudukan dan "
                        "Pembangunan Keluarga / Perwakilan BKKBN Provinsi Jambi",
         "Tim Kerja Advokasi dan KIE Perwakilan BKKBN Provinsi Jambi")}
    units = {(x.entities[f.subject].label, x.entities[f.obj.key].label) for f in x.facts
             if f.predicate == ORG.unitOf}
    assert (team, "Perwakilan BKKBN Provinsi Jambi") in units


def test_a_shortened_head_of_a_division_holds_the_post_in_that_division():
    x = read("Hadir Kabid Adpin Perwakilan BKKBN Provinsi Jambi Herman Sujatmiko dan Kasubdit "
             "Hubungan Antar Lembaga BKKBN Provinsi Jambi Rudi Kurnia. Kabid Dinas Kesehatan "
             "Kota Palu, Ani Lestari, juga hadir.")
    assert people(x) == {
        ("Herman Sujatmiko", "Kabid Adpin Perwakilan BKKBN Provinsi Jambi",
         "Bidang Adpin Perwakilan BKKBN Provinsi Jambi"),
        ("Rudi Kurnia", "Kasubdit Hubungan Antar Lembaga BKKBN Provinsi Jambi",
         "Subdirektorat Hubungan Antar Lembaga Perwakilan BKKBN Provinsi Jambi"),
        ("Ani Lestari", "Kabid Dinas Kesehatan Kota Palu", "Dinas Kesehatan Kota Palu")}


def test_a_post_after_selaku_and_a_regency_named_bare_after_its_head():
    x = read("Narasumber kegiatan ialah Drs. Budi Santoso, M.Pd selaku Deputi Bidang Advokasi "
             "BKKBN Pusat, dan dr. Rina Sari selaku Kepala Perwakilan BKKBN Provinsi Jambi. "
             "Bupati Banjar KH Ahmad Fauzi membuka acara.")
    assert people(x) == {
        ("Budi Santoso", "Deputi Bidang Advokasi BKKBN Pusat",
         "Kedeputian Bidang Advokasi BKKBN"),
        ("Rina Sari", "Kepala Perwakilan BKKBN Provinsi Jambi", "Perwakilan BKKBN Provinsi Jambi"),
        ("Ahmad Fauzi", "Bupati Banjar", "Pemerintah Kabupaten Banjar")}


def test_posts_in_a_list_of_guests_each_with_the_next_name():
    x = read("Kegiatan dicanangkan Wali Kota yang diwakili Asisten II Bidang Perekonomian dan "
             "Pembangunan, Setda Kota Langsa, Abdul Gani. Hadir Kepala Perwakilan BkkbN Aceh, "
             "Drs Rudi Hartono, Ketua TP PKK Kota Langsa, Nur Aini, Camat Langsa Timur, Hasan "
             "Basri dan Kepala Dinas Kesehatan (Dinkes) Kota Langsa, Ani Lestari. Kepala Dinkes "
             "Langsa, Ani Lestari mengatakan posyandu aktif.")
    # the same post written short again ("Kepala Dinkes Langsa") is the same post
    assert people(x) == {
        ("Abdul Gani", "Asisten II Bidang Perekonomian dan Pembangunan, Setda Kota Langsa",
         "Sekretariat Daerah Kota Langsa"),
        ("Rudi Hartono", "Kepala Perwakilan BkkbN Aceh", "Perwakilan BKKBN Provinsi Aceh"),
        ("Nur Aini", "Ketua TP PKK Kota Langsa",
         "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kota Langsa"),
        ("Hasan Basri", "Camat Langsa Timur", "Pemerintah Kota Langsa"),
        ("Ani Lestari", "Kepala Dinas Kesehatan (Dinkes) Kota Langsa", "Dinas Kesehatan Kota Langsa")}
    assert persons(x)["Abdul Gani"] == {"Abdul Gani"}  # "Gani." ends a sentence, not a name


def test_a_staff_post_over_its_field_and_a_dinas_name_joined_another_way_is_the_lexicons():
    x = read("Gong dipukul Staf Ahli Bupati Sambas Bidang Administrasi dan Umum H Rudi Hartono. "
             "Hadir Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian "
             "Penduduk dan Keluarga Berencana Kabupaten Sambas, Ani Lestari.")
    assert people(x) == {
        ("Rudi Hartono", "Staf Ahli Bupati Sambas Bidang Administrasi dan Umum",
         "Pemerintah Kabupaten Sambas"),
        ("Ani Lestari", "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak, "
                        "Pengendalian Penduduk dan Keluarga Berencana Kabupaten Sambas",
         "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
         "Berencana Kabupaten Sambas")}


def test_a_unit_or_secretariat_named_inside_a_post_is_a_mention_and_acronyms_stay():
    x = read("Hadir Plh. Direktur Bina Peran Serta Masyarakat – Kemendukbangga/BKKBN, Rina Sari, "
             "Asisten Administrasi Umum Sekda Kabupaten Kupang Nova Lestari, dan Kepala Dinas "
             "OPD KB Kota Ternate Budi Santoso dari Fraksi Partai Golkar.")
    mentions = {e.label: {m.text for m in e.mentions} for k, e in x.entities.items()
                if k.startswith("org/")}
    assert mentions["Direktorat Bina Peran Serta Masyarakat BKKBN"] == {
        "Bina Peran Serta Masyarakat"}
    assert mentions["Sekretariat Daerah Kabupaten Kupang"] == {"Sekda Kabupaten Kupang"}
    assert mentions["Dinas OPD KB Kota Ternate"] == {"Dinas OPD KB Kota Ternate"}
    assert mentions["Partai Golongan Karya"] == {"Partai Golkar"}
    assert ("Budi Santoso", "Kepala Dinas OPD KB Kota Ternate", "Dinas OPD KB Kota Ternate") \
        in people(x)


def test_a_head_named_without_the_region_heads_the_one_region_of_that_kind_named():
    x = read("Enam Kampung KB di Kecamatan Randublatung, Kabupaten Blora, diresmikan Bupati "
             "Joko Susanto. Hadir pula Gubernur H Budi Santoso bersama Hj Rina A. Santoso, dan "
             "Wabup Rina.")
    assert people(x) == {("Joko Susanto", "Bupati", "Pemerintah Kabupaten Blora")}
    assert persons(x)["Budi Santoso"] == {"H Budi Santoso"}  # no province: no post
    assert "Rina" not in persons(x)  # one word after a title: maybe a nickname


def test_a_post_written_right_after_a_name_in_a_list_of_speakers():
    x = read("Narasumber kegiatan yaitu Rudi Hartono Wakil Ketua Komisi IX DPR RI, dan Ani "
             "Lestari Kepala Dinas Kesehatan Kota Palu.")
    assert people(x) == {
        ("Rudi Hartono", "Wakil Ketua Komisi IX DPR RI", "Komisi IX Dewan Perwakilan Rakyat"),
        ("Ani Lestari", "Kepala Dinas Kesehatan Kota Palu", "Dinas Kesehatan Kota Palu")}


def test_a_team_whose_short_form_is_written_in_brackets_inside_its_name():
    x = read("Bupati didampingi Ketua Tim Penggerak (TP) PKK Kabupaten Bantaeng, Sri Wahyuni.")
    assert people(x) == {("Sri Wahyuni", "Ketua Tim Penggerak (TP) PKK Kabupaten Bantaeng",
                          "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Bantaeng")}


def test_short_forms_of_a_dinas_read_whole_and_a_first_name_that_is_a_weekday():
    x = read("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
             "Berencana Kabupaten Kotabaru menggelar rakor. Sekretaris DPPPAPPKB Kotabaru Sri "
             "Wahyuni hadir. Acara dibuka Asisten I Bidang Pemerintahan Setda Kotabaru, Drs H Minggu "
             "Basuki MAP. Kepala Dinas P3AP2KB Maisuri menegaskan bahwa data harus akurat. Hadir "
             "pula Arya Nugraha, SKM. (Kabid Kesmas Dinkes Kotabaru) dan Hj. Rina (Kabid Sosbud "
             "Bapperida).")
    dinas = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
             "Keluarga Berencana Kabupaten Kotabaru")
    assert people(x) == {
        ("Sri Wahyuni", "Sekretaris DPPPAPPKB Kotabaru", dinas),
        ("Minggu Basuki", "Asisten I Bidang Pemerintahan Setda Kotabaru",
         "Sekretariat Daerah Kabupaten Kotabaru"),
        ("Maisuri", "Kepala Dinas P3AP2KB", dinas),
        ("Arya Nugraha", "Kabid Kesmas Dinkes Kotabaru",
         "Bidang Kesmas Dinas Kesehatan Kabupaten Kotabaru"),
        # Bapperida (Bappeda's newer name) is in bodies.csv: its Kabid is read too
        ("Rina", "Kabid Sosbud Bapperida", "Bidang Sosbud Badan Perencanaan Pembangunan, "
         "Riset dan Inovasi Daerah Kabupaten Kotabaru")}


def test_one_person_named_again_by_a_first_name_after_a_post_and_heads_without_place():
    x = read("CILEGON - Kepala BKKBN Budi Hartono mengatakan kampung KB bertambah. Kepala BKKBN "
             "Budi menilai kampung itu maju. Wali Kota Cilegon Rina Agustina hadir.")
    assert set(persons(x)) == {"Budi Hartono", "Rina Agustina"}
    assert ("Rina Agustina", "Wali Kota Cilegon", "Pemerintah Kota Cilegon") in people(x)
    x = read("Kepala Dinas Pemberdayaan Perempuan dan Keluarga Berencana (DP2KB), Yasir Hamid, "
             "melapor kepada Sekkab Sambas, Muchlis. Acara digelar di Kabupaten Sambas.")
    assert people(x) == {
        ("Yasir Hamid", "Kepala Dinas Pemberdayaan Perempuan dan Keluarga Berencana (DP2KB)",
         "Dinas Pemberdayaan Perempuan dan Keluarga Berencana Kabupaten Sambas"),
        ("Muchlis", "Sekkab Sambas", "Pemerintah Kabupaten Sambas")}


def test_a_faction_stays_in_the_post_and_a_national_agency_is_no_regional_body():
    x = read("Sosialisasi dibuka Anggota Komisi IX DPR RI Fraksi Demokrat, Hj. Rina Mustika, SE, "
             "didampingi Kepala Perwakilan BKKBN Provinsi Jambi Hj. Ani Lestari. Hj. Ani Selaku "
             "narasumber menyebut Badan POM ikut hadir di Kabupaten Sarolangun.")
    assert people(x) == {
        ("Rina Mustika", "Anggota Komisi IX DPR RI Fraksi Demokrat",
         "Komisi IX Dewan Perwakilan Rakyat"),
        ("Ani Lestari", "Kepala Perwakilan BKKBN Provinsi Jambi", "Perwakilan BKKBN Provinsi Jambi")}
    assert set(persons(x)) == {"Rina Mustika", "Ani Lestari"}
    orgs = {e.label for k, e in x.entities.items() if k.startswith("org/")}
    assert "Badan Pengawas Obat dan Makanan" in orgs
    assert not any(label.startswith("Badan POM") for label in orgs)


def test_a_doctor_title_without_a_period_and_an_honorary_doctorate_leave_the_name():
    x = read("Wakil Gubernur Jambi Dr H Ahmad Rizal membuka acara. Kepala Dinas Kesehatan Kota "
             "Palu, Dr (H.C) dr Budi Santoso, Sp OG (K) mengatakan stok aman.")
    assert persons(x) == {"Ahmad Rizal": {"Dr H Ahmad Rizal"},
                          "Budi Santoso": {"Dr (H.C) dr Budi Santoso, Sp OG (K)"}}


def test_a_police_or_army_rank_before_the_name_is_no_name():
    x = read("Penjabat Gubernur Papua Barat, Komjen Pol. ( Purn ) Drs. Budi Santoso M.Si, "
             "membuka rapat itu. Hadir pula Dandim 1409 Gowa, Letkol Inf. M. Rudi Hartono.")
    assert people(x) == {("Budi Santoso", "Penjabat Gubernur Papua Barat",
                          "Pemerintah Provinsi Papua Barat")}
    assert set(persons(x)) == {"Budi Santoso", "M. Rudi Hartono"}


def test_a_degree_spelled_like_a_name_word_ends_the_name():
    x = read("Inspektur Utama BKKBN Drs Agus Salim Ak MM. hadir pada acara itu.")
    assert persons(x) == {"Agus Salim": {"Drs Agus Salim Ak MM"}}


def test_a_title_with_its_later_word_in_lower_case():
    x = read("Sekretaris utama Dinas Kesehatan Kota Palu, Budi Santoso, hadir.")
    assert people(x) == {
        ("Budi Santoso", "Sekretaris utama Dinas Kesehatan Kota Palu", "Dinas Kesehatan Kota Palu")}


def test_an_agency_spelled_short_of_its_name_with_its_abbreviation_is_the_agency():
    # no "Nasional", but "(BKKBN) RI": the national agency, not a body of the city named
    x = read("Kepala Badan Kependudukan dan Keluarga Berencana (BKKBN) RI, Budi Santoso, "
             "berkunjung ke Kota Palu.")
    assert orgs(x) == {"Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN": {
        "Badan Kependudukan dan Keluarga Berencana (BKKBN) RI"}}
    x = read("Kegiatan digelar Dinas Pengendalian Penduduk dan Keluarga Berencana (DPPKB) di "
             "Kota Jambi.")  # a regional body's abbreviation: the body of the place named
    assert "Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Jambi" in orgs(x)


def test_a_deputy_heads_a_deputyship_named_with_the_agency_abbreviation():
    x = read("Deputi Pengendalian Penduduk Badan Kependudukan dan Keluarga Berencana (BKKBN) "
             "Republik Indonesia, Rina Marlina, hadir. Deputi Bidang Advokasi Badan Koordinasi "
             "Keluarga Berencana Nasional (BKKBN), Budi Santoso, juga hadir.")
    assert {(name, org) for name, _, org in people(x)} == {
        ("Rina Marlina", "Kedeputian Bidang Pengendalian Penduduk BKKBN"),
        ("Budi Santoso", "Kedeputian Bidang Advokasi BKKBN")}


def test_an_acting_post_in_lower_case_with_its_short_form_in_brackets_after_it():
    x = read('"Program harus berjalan," ujar Pelaksana tugas (Plt) Sekretaris Daerah Provinsi '
             'Sumatera Utara (Sekdaprovsu) Budi S Santoso ketika membuka rapat.')
    assert people(x) == {("Budi S Santoso", "Pelaksana tugas (Plt) Sekretaris Daerah Provinsi "
                          "Sumatera Utara (Sekdaprovsu)", "Pemerintah Provinsi Sumatera Utara")}


def test_the_government_short_form_of_a_province_names_the_province():
    x = read("Hadir pula Kepala Perwakilan BKKBN Provsu Drs Budi Santoso MKes, dan para kepala OPD.")
    assert people(x) == {("Budi Santoso", "Kepala Perwakilan BKKBN Provsu",
                          "Perwakilan BKKBN Provinsi Sumatera Utara")}


def test_initials_written_together_and_two_capitals_after_an_honorific():
    x = read("Kepala Dinas Kesehatan Kota Ambon Ir.J.W. Santoso, usai rapat, mengatakan stok "
             "aman. Wali Kota Palu, Dr H AS Rahman hadir. Kepala BKKBN RI Budi Hartono juga hadir.")
    assert persons(x) == {"J.W. Santoso": {"Ir.J.W. Santoso"}, "AS Rahman": {"Dr H AS Rahman"},
                          "Budi Hartono": {"Budi Hartono"}}


def test_an_expert_staff_of_a_commission_and_a_dash_typed_as_a_hyphen():
    x = read("Tenaga Ahli Komisi IX DPR RI, Budi Santoso-mewakili anggota dewan-menyampaikan "
             "bahwa program berjalan.")
    assert people(x) == {("Budi Santoso", "Tenaga Ahli Komisi IX DPR RI",
                          "Komisi IX Dewan Perwakilan Rakyat")}


def test_a_regency_named_by_its_acronym():
    x = read("Hadir dalam acara tersebut, Bupati PALI Ir H. Budi Santoso MM, Wakil Bupati Rudi "
             "Hartono S.Kom MM, dan warga.")
    gov = "Pemerintah Kabupaten Penukal Abab Lematang Ilir"
    assert people(x) == {("Budi Santoso", "Bupati PALI", gov), ("Rudi Hartono", "Wakil Bupati", gov)}


def test_a_post_after_a_name_that_has_its_post_before_it_is_the_next_guest_of_a_list():
    x = read("Hadir pula Sekretaris Utama BKKBN RI, Budi Santoso, Kepala BKKBN Papua Barat, "
             "pimpinan OPD Papua Barat dan undangan.")
    assert people(x) == {("Budi Santoso", "Sekretaris Utama BKKBN RI",
                          "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")}


def test_a_bare_title_before_a_name_serves_the_office_its_sentence_names_before_it():
    x = read("Pelatihan kader hari itu dibuka Kepala Perwakilan BKKBN Provinsi Jambi yang diwakilkan "
             "kepada Sekretaris Budi Santoso. Rapat itu juga dihadiri Sekretaris Rudi Hartono.")
    assert people(x) == {("Budi Santoso", "Sekretaris", "Perwakilan BKKBN Provinsi Jambi")}


def test_a_staff_post_with_the_secretariat_in_lower_case():
    x = read("Asisten II setda Papua Barat, Budi Santoso, membuka rapat itu.")
    assert people(x) == {("Budi Santoso", "Asisten II setda Papua Barat",
                          "Sekretariat Daerah Provinsi Papua Barat")}


def test_degrees_written_with_a_blank_after_the_period_stay_out_of_the_name():
    x = read("Bupati Sambas Drs. H. Budi Santoso M. Ag membuka rapat. Kepala Dinas Kesehatan "
             "Kota Palu Dra. Hj. Rina Lestari Wahid, M. AP menjelaskan bahwa program berjalan. "
             "Hadir pula Agus Salim, S. Sos.")
    assert persons(x) == {"Budi Santoso": {"Drs. H. Budi Santoso M. Ag"},
                          "Rina Lestari Wahid": {"Dra. Hj. Rina Lestari Wahid, M. AP"},
                          "Agus Salim": {"Agus Salim, S. Sos"}}
    assert ("Budi Santoso", "Bupati Sambas", "Pemerintah Kabupaten Sambas") in people(x)


def test_a_name_repeated_by_its_first_and_last_word_is_the_same_person():
    x = read("Kampung itu dicanangkan oleh Wakil Gubernur NTT, Beni Aleksander Litamoni. "
             "Wakil Gubernur, Beni Litamoni, mengatakan program itu baik.")
    assert persons(x) == {"Beni Aleksander Litamoni": {"Beni Aleksander Litamoni",
                                                       "Beni Litamoni"}}


def test_a_district_head_named_without_a_comma_before_the_next_post_of_a_list():
    x = read("Hadir Camat Tamalate Umar Sadikin, Lurah Barombong Rudi Hartono dan warga. "
             "Camat Tamalate, Umar mengatakan warga senang.")
    assert persons(x)["Umar Sadikin"] == {"Umar Sadikin", "Umar"}
    assert ("Umar Sadikin", "Camat Tamalate", None) in people(x)
    assert not any(name != "Umar Sadikin" and post.startswith("Camat") for name, post, _ in people(x))


def test_the_name_of_a_division_or_a_body_after_a_title_is_no_person():
    x = read("Hadir Sekretaris Dinkes Dalduk KB Sambas, Joni Iskandar, Kabid Pengelolaan "
             "Pelayanan Kesehatan Masyarakat, Hj. Rina Wati, dan OPD terkait.")
    assert "Rina Wati" in persons(x)
    assert not {"Dalduk", "Pengelolaan Pelayanan Kesehatan Masyarakat"} & set(persons(x))


def test_a_post_after_a_guest_whose_post_came_before_the_name_is_the_next_guest():
    x = read("Hadir Anggota Komisi IX DPR RI Rina Wati, S. IP., MM , Kepala Perwakilan BKKBN "
             "Provinsi Bengkulu, Kepala Dinas Kesehatan Kota Bengkulu, dr. Budi Santoso, dan "
             "warga.")
    assert people(x) == {
        ("Rina Wati", "Anggota Komisi IX DPR RI", "Komisi IX Dewan Perwakilan Rakyat"),
        ("Budi Santoso", "Kepala Dinas Kesehatan Kota Bengkulu", "Dinas Kesehatan Kota Bengkulu")}


def test_a_deputy_or_a_director_of_a_field_written_short_heads_the_unit_spelled_out():
    x = read("Hadir Deputi KSPK BKKBN Rina Wati dan Direktur Advokasi dan KIE BKKBN Pusat, "
             "Budi Santoso. Deputi KB-KR BKKBN, Dewi Lestari, mengatakan program baik.")
    assert people(x) == {
        ("Rina Wati", "Deputi KSPK BKKBN",
         "Kedeputian Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga BKKBN"),
        ("Budi Santoso", "Direktur Advokasi dan KIE BKKBN Pusat",
         "Direktorat Advokasi dan Komunikasi, Informasi, dan Edukasi BKKBN"),
        ("Dewi Lestari", "Deputi KB-KR BKKBN",
         "Kedeputian Bidang Keluarga Berencana dan Kesehatan Reproduksi BKKBN")}
    units = {e.label: {m.text for m in e.mentions} for e in x.entities.values()
             if e.label.startswith(("Kedeputian", "Direktorat"))}
    assert units["Kedeputian Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga BKKBN"] == {"KSPK"}


def test_an_acting_prefix_with_its_short_form_in_capitals_and_a_veterinarian_s_title():
    x = read("Pelaksana Tugas (PLT) Kepala Dinas Kesehatan Kota Palu, Rina Wati, menjelaskan "
             "bahwa program berjalan. Rombongan disambut Plt. Sekda Kabupaten Sambas drh. H. "
             "Budi Santoso.")
    assert people(x) == {
        ("Rina Wati", "Pelaksana Tugas (PLT) Kepala Dinas Kesehatan Kota Palu",
         "Dinas Kesehatan Kota Palu"),
        ("Budi Santoso", "Plt. Sekda Kabupaten Sambas", "Pemerintah Kabupaten Sambas")}
    assert persons(x)["Budi Santoso"] == {"drh. H. Budi Santoso"}


def test_an_older_family_planning_board_a_dinas_written_short_and_a_lower_case_honorific():
    x = read("Sekretaris BKBPP Kampar, Rina Wati, membuka acara. Kepala DisdaldukKB Kabupaten "
             "Bengkalis, Budi Santoso, hadir bersama Kepala BKKBN Provinsi Riau dra Sri Rahayu.")
    assert people(x) == {
        ("Rina Wati", "Sekretaris BKBPP Kampar",
         "Badan Keluarga Berencana dan Pemberdayaan Perempuan Kabupaten Kampar"),
        ("Budi Santoso", "Kepala DisdaldukKB Kabupaten Bengkalis",
         "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Bengkalis"),
        ("Sri Rahayu", "Kepala BKKBN Provinsi Riau", "Perwakilan BKKBN Provinsi Riau")}
    assert persons(x)["Sri Rahayu"] == {"dra Sri Rahayu"}


def test_two_initials_written_together_between_two_words_of_a_name():
    x = read("Hadir Wali Kota Tomohon Karel JA Sendouw SH dan Bupati Sambas Budi Santoso.")
    assert persons(x) == {"Karel JA Sendouw": {"Karel JA Sendouw SH"},
                          "Budi Santoso": {"Budi Santoso"}}
    assert ("Karel JA Sendouw", "Wali Kota Tomohon", "Pemerintah Kota Tomohon") in people(x)


def test_a_regional_secretary_named_without_the_region_serves_the_one_regency_named():
    x = read("Bupati Kabupaten Sambas membuka rapat. Sekretaris Daerah Ir. H. Budi Santoso M. Si "
             "selaku Wakil Ketua TPPS menyampaikan laporan.")
    assert ("Budi Santoso", "Sekretaris Daerah", "Pemerintah Kabupaten Sambas") in people(x)
    x = read("Gubernur Jambi hadir di Kabupaten Kerinci dan Kota Sungai Penuh. Sekretaris Daerah "
             "Budi Santoso menyampaikan laporan.")
    assert not any(post == "Sekretaris Daerah" for _, post, _ in people(x))  # which one?


def test_functional_posts_of_the_agency_trainers_and_family_planning_counsellors():
    x = read("Pelatihan ditutup didampingi Widyaiswara BKKBN Papua Drs Slamet Tegar, M.MT. "
             "Penyuluh KB Ahli Utama BKKBN H Nofal mengatakan program berjalan.")
    assert people(x) == {
        ("Slamet Tegar", "Widyaiswara BKKBN Papua", "Perwakilan BKKBN Provinsi Papua"),
        ("Nofal", "Penyuluh KB Ahli Utama BKKBN",
         "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")}


def test_a_circular_before_its_issuer_is_no_person_and_the_sultan_by_his_title():
    x = read("Pendataan mengacu pada Surat Edaran Kepala BKKBN Nomor 04 Tahun 2021. Gubernur DIY "
             "Sri Sultan HB X dalam sambutannya mengatakan keluarga adalah pondasi.")
    assert set(persons(x)) == {"Hamengku Buwono X"}
    assert ("Hamengku Buwono X", "Gubernur DIY",
            "Pemerintah Provinsi Daerah Istimewa Yogyakarta") in people(x)
