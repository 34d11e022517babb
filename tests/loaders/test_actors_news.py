"""People, organizations and statements in shapes real news takes that the earlier rules
missed (issue 15, session 7: generalisation to unseen articles).

Every sentence here is written for these tests (fictional people, real institutions).
"""

from __future__ import annotations

from test_extract_entities import people
from test_people_news import orgs, persons, read

_DPRD_SAMBAS = "Dewan Perwakilan Rakyat Daerah Kabupaten Sambas"


def relations(x, name: str) -> set[tuple[str, str]]:
    """(subject label, object label) of every fact whose predicate ends with ``name``."""
    label = {k: e.label for k, e in x.entities.items()}
    return {(label[f.subject], label[f.obj.key]) for f in x.facts
            if str(f.predicate).endswith(name) and hasattr(f.obj, "key")}


def test_a_regional_legislature_with_its_members_and_no_parent():
    x = read("Rapat di Kabupaten Sambas dihadiri Wakil Ketua DPRD Kabupaten Sambas H. Budi "
             "Hartono, S.E. dan Anggota DPRD Sambas Rina Marlina. Sebelumnya Anggota DPRD Agus "
             "Salim, S.H. menyampaikan bahwa anggaran cukup.")
    assert orgs(x) == {_DPRD_SAMBAS: {"DPRD Kabupaten Sambas", "DPRD Sambas", "DPRD"}}
    assert {(n, o) for n, _, o in people(x)} == {
        ("Budi Hartono", _DPRD_SAMBAS), ("Rina Marlina", _DPRD_SAMBAS),
        ("Agus Salim", _DPRD_SAMBAS)}
    assert relations(x, "subOrganizationOf") == set()  # a DPRD is no unit of the Pemkab
    assert set(persons(x)) == {"Budi Hartono", "Rina Marlina", "Agus Salim"}


def test_a_body_named_after_the_bare_name_of_a_regency_the_article_names_in_full():
    # "Kapuas" alone is no place for the place stage (a river, Kapuas Hulu): after the
    # name of a body it is the Kabupaten Kapuas the article names in full
    x = read("Rapat stunting Kabupaten Kapuas digelar di Aula Bappeda Kapuas. Hadir Anggota DPRD "
             "Kapuas Rudi Santoso dan para camat.")
    assert people(x) == {("Rudi Santoso", "Anggota DPRD Kapuas",
                          "Dewan Perwakilan Rakyat Daerah Kabupaten Kapuas")}
    assert "Badan Perencanaan Pembangunan Daerah Kabupaten Kapuas" in orgs(x)


def speakers(x) -> list[tuple[str, str]]:
    label = {k: e.label for k, e in x.entities.items()}
    return [(label[s.speaker], " ".join(s.text.split()[:3])) for s in x.statements]


def test_one_word_after_a_verb_that_attributes_a_quote_is_its_speaker():
    x = read('Presiden Joko Widodo meresmikan program itu. "Semua desa sudah punya posyandu," '
             'ujar Saryanto Kepala Dinas Kesehatan Kabupaten Batanghari. "Kami terus bekerja," '
             'tutur Mulyadi. "Jadwalnya sudah jelas," kata Pjs. Bupati Batanghari.')
    assert set(persons(x)) == {"Joko Widodo", "Saryanto", "Mulyadi"}
    assert ("Saryanto", "Kepala Dinas Kesehatan Kabupaten Batanghari",
            "Dinas Kesehatan Kabupaten Batanghari") in people(x)
    assert speakers(x)[:2] == [("Saryanto", "Semua desa sudah"), ("Mulyadi", "Kami terus bekerja")]


def test_words_of_the_name_of_a_body_are_no_name():
    x = read('"Inovasi desa itu penting," kata Penata Kependudukan dan Keluarga Berencana Ahli '
             'Muda BKKBN Sulastri dalam webinar.')
    assert persons(x) == {}
    assert x.statements == []  # better no speaker than a wrong one


def test_a_name_then_the_talk_it_gave_then_a_verb_of_saying():
    x = read("Bupati Nagekeo, Elias Djo, hadir. Ketua Panitia Pencanangan Kampung KB, Darius "
             "Angi dalam laporannya, mengatakan, kampung itu dibentuk tahun lalu.")
    assert "Darius Angi" in persons(x)
    assert speakers(x) == [("Darius Angi", "kampung itu dibentuk")]


def test_a_title_with_another_post_word_after_it_is_not_the_holder_of_the_post():
    x = read('Acara dihadiri Menteri Sosial Saifullah Yusuf. "Program ini untuk semua anak," kata '
             'Menteri Pertanian di Karawang. "Bantuan sudah disalurkan," ujar Menteri Sosial di '
             'lokasi.')
    assert speakers(x) == [("Saifullah Yusuf", "Bantuan sudah disalurkan")]


def test_the_minister_of_population_by_the_short_name_of_the_ministry():
    x = read('"Program ini untuk satu juta anak," kata Menteri Dukbangga/BKKBN, Wihaji di Karawang.')
    assert people(x) == {("Wihaji", "Menteri Dukbangga/BKKBN",
                          "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")}
    assert speakers(x) == [("Wihaji", "Program ini untuk")]


def test_a_legislature_without_its_place_after_one_with_it_and_a_member_s_party():
    x = read("Hadir wakil Ketua DPRD PALI H. Darmadi Suhaimi, S.H., Kepala Perwakilan BKKBN "
             "Provinsi Sumsel Hj. Rina Wati, dan Anggota DPRD Partai Nasdem Budi Santoso ST.")
    dprd = "Dewan Perwakilan Rakyat Daerah Kabupaten Penukal Abab Lematang Ilir"
    assert {p for p in people(x) if p[2] == dprd} == {
        ("Darmadi Suhaimi", "wakil Ketua DPRD PALI", dprd),
        ("Budi Santoso", "Anggota DPRD Partai Nasdem", dprd)}
    assert persons(x)["Budi Santoso"] == {"Budi Santoso ST"}


def test_the_pkk_team_of_a_region_also_goes_by_its_half_short_name():
    x = read("Ketua TP PKK Kota Ambon, Hj. Rina Wati, membuka kegiatan itu.")
    team = next(e for e in x.entities.values() if e.label.startswith("Tim Penggerak"))
    assert team.label == "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kota Ambon"
    assert "Tim Penggerak PKK Kota Ambon" in team.aliases


def test_the_pkk_of_a_region_is_its_pkk_team_also_written_with_a_period():
    x = read("Rombongan mengunjungi kebun PKK Lampung, lalu bertemu Ketua TP. PKK Kota Medan. "
             "Gerakan PKK terus berjalan.")
    teams = {label: mentions for label, mentions in orgs(x).items() if label.startswith("Tim")}
    assert teams == {
        "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Provinsi Lampung": {"PKK Lampung"},
        "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kota Medan": {"TP. PKK Kota Medan"}}
    assert orgs(x)["Pemberdayaan Kesejahteraan Keluarga"] >= {"Gerakan PKK"}


def test_a_body_s_short_name_in_brackets_is_its_name_later_even_with_no_place_after_it():
    x = read("Rapat digelar di Dinas Kesehatan, Pengendalian Penduduk dan KB (Dinkes Dalduk KB) "
             "Kabupaten Sambas. Hadir Sekretaris Dinkes Dalduk KB Sambas, Joni Iskandar.")
    dinas = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kabupaten Sambas"
    assert set(orgs(x)) == {dinas}  # not the Dinkes "Dinkes Dalduk KB" begins with
    assert "Dinkes Dalduk KB" in orgs(x)[dinas]
    assert people(x) == {("Joni Iskandar", "Sekretaris Dinkes Dalduk KB Sambas", dinas)}
    x = read("Kegiatan itu digelar Dinas Kesehatan, Pengendalian Penduduk dan KB (Dinkes Dalduk "
             "KB) kabupaten Sambas. Sekretaris Dinkes Dalduk KB, Joni Iskandar, hadir.")
    assert set(orgs(x)) == {dinas}
    # the lexicon's short form of every region's body stays generic without a place
    x = read("Pemprov Sulteng membentuk Tim Percepatan Penurunan Stunting (TPPS) tingkat provinsi. "
             "Ia meminta kabupaten segera mengukuhkan TPPS hingga tingkat desa.")
    assert orgs(x)["Tim Percepatan Penurunan Stunting Provinsi Sulawesi Tengah"] == {
        "Tim Percepatan Penurunan Stunting (TPPS)"}


def test_a_regional_body_without_its_place_after_the_province_s_office_of_the_agency():
    x = read("Perwakilan BKKBN Provinsi Jambi melaksanakan rapat di Kabupaten Kerinci. Rapat "
             "dibuka Kepala Bappeda, Joni Iskandar.")
    assert people(x) == {("Joni Iskandar", "Kepala Bappeda",
                          "Badan Perencanaan Pembangunan Daerah Kabupaten Kerinci")}


def test_bodies_of_every_region_of_a_province_are_no_one_s():
    x = read("Perwakilan BKKBN Provinsi Jambi menggelar lokakarya. Pesertanya pejabat Bappeda, "
             "Dinas Kesehatan, dan Dinas Pemerintahan Desa se Provinsi Jambi.")
    assert set(orgs(x)) == {"Perwakilan BKKBN Provinsi Jambi",
                            "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"}
    x = read("Perwakilan BKKBN Provinsi Jambi menggelar lokakarya. Pesertanya pejabat Dinas "
             "Kesehatan dan Dinas Pemerintahan Desa se-Jambi.")
    assert not any(label.startswith("Dinas") for label in orgs(x))


def test_the_chapters_of_an_association_by_their_board_and_region():
    x = read("Ketua Pengurus Wilayah Muslimat NU Jambi, Hj. Dewi Sartika, beraudiensi. Ketua PW "
             "Muslimat NU Jambi itu didampingi Ketua Umum PP Muslimat NU, Rina Wati, dan Ketua "
             "IBI Cabang Kabupaten Kerinci, Hj Sri Rahayu.")
    chapters = {label: mentions for label, mentions in orgs(x).items()
                if label.startswith(("Pengurus", "Pimpinan")) or "Cabang" in label}
    assert chapters == {
        "Pengurus Wilayah Muslimat Nahdlatul Ulama Provinsi Jambi": {
            "Pengurus Wilayah Muslimat NU Jambi", "PW Muslimat NU Jambi"},
        "Pimpinan Pusat Muslimat Nahdlatul Ulama": {"PP Muslimat NU"},
        "Ikatan Bidan Indonesia Cabang Kabupaten Kerinci": {"IBI Cabang Kabupaten Kerinci"}}
    assert people(x) == {
        ("Dewi Sartika", "Ketua Pengurus Wilayah Muslimat NU Jambi",
         "Pengurus Wilayah Muslimat Nahdlatul Ulama Provinsi Jambi"),
        ("Rina Wati", "Ketua Umum PP Muslimat NU", "Pimpinan Pusat Muslimat Nahdlatul Ulama"),
        ("Sri Rahayu", "Ketua IBI Cabang Kabupaten Kerinci",
         "Ikatan Bidan Indonesia Cabang Kabupaten Kerinci")}
    assert ("Ikatan Bidan Indonesia Cabang Kabupaten Kerinci", "Ikatan Bidan Indonesia") in \
        relations(x, "subOrganizationOf")


def test_a_list_of_bodies_that_ends_with_its_place_names_each_body_of_that_place():
    x = read("Rapat dihadiri Dinas Tenaga Kerja, Dinas Kesehatan, Disdukcapil, Dinas Tanaman "
             "Pangan dan Dinas PPKB Kota Kendari. Hadir pula Kepala Dinas Kominfo, Kadis "
             "Disnakertrans dan Kepala Bapenda Kabupaten Sambas.")
    assert set(orgs(x)) == {
        "Dinas Tenaga Kerja Kota Kendari", "Dinas Kesehatan Kota Kendari",
        "Dinas Kependudukan dan Pencatatan Sipil Kota Kendari", "Dinas Tanaman Pangan Kota Kendari",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Kendari",
        "Dinas Komunikasi dan Informatika Kabupaten Sambas",
        "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sambas",
        "Badan Pendapatan Daerah Kabupaten Sambas"}
    assert orgs(x)["Dinas Tenaga Kerja Kota Kendari"] == {"Dinas Tenaga Kerja"}


def test_a_planning_agency_that_also_does_research_is_one_body():
    x = read("Hadir Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah "
             "Kabupaten Sambas, Budi Santoso, dan Kabid Bappelitbangda Sambas.")
    body = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Sambas"
    assert people(x) == {("Budi Santoso", "Kepala Badan Perencanaan Pembangunan, Penelitian dan "
                          "Pengembangan Daerah Kabupaten Sambas", body)}
    assert "Bappelitbangda Sambas" in orgs(x)[body]


def test_a_long_body_name_written_with_its_later_words_in_lower_case():
    x = read("Bupati Sambas mengukuhkan Tim percepatan penurunan Stunting ( TPPS ) Kabupaten "
             "Sambas Tahun 2022.")
    assert orgs(x) == {"Tim Percepatan Penurunan Stunting Kabupaten Sambas": {
        "Tim percepatan penurunan Stunting ( TPPS ) Kabupaten Sambas"}}


def test_the_pkk_team_written_bare_among_local_guests_is_the_region_s():
    x = read("Bupati Sambas hadir di Kabupaten Sambas bersama para camat, Kepala Puskesmas, "
             "TP. PKK, Kades dan tamu. Hadir pula TP PKK kecamatan.")
    teams = {label: mentions for label, mentions in orgs(x).items() if label.startswith("Tim")}
    assert teams == {"Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Sambas": {"TP. PKK"}}


def test_staff_of_a_regional_government_with_an_arabic_numeral_or_the_short_title_asda():
    x = read("Rakerda dibuka oleh Asisten 1 Gubernur Sulawesi Tenggara, Suharno. Hadir pula Asda I "
             "Pemprov Banten Komarudin.")
    assert people(x) == {
        ("Suharno", "Asisten 1 Gubernur Sulawesi Tenggara", "Pemerintah Provinsi Sulawesi Tenggara"),
        ("Komarudin", "Asda I Pemprov Banten", "Pemerintah Provinsi Banten")}


def test_the_agency_by_its_old_spelled_name_and_in_mixed_case():
    x = read("Badan Koordinasi Keluarga Berencana (BKKBN) Provinsi Aceh menetapkan Kampung KB. "
             "Hadir Koordinator Bidang Dalduk Perwakilan Bkkbn Provinsi Jawa Barat, Hj. Sofiah.")
    assert {"Perwakilan BKKBN Provinsi Aceh", "Perwakilan BKKBN Provinsi Jawa Barat",
            "Bidang Dalduk Perwakilan BKKBN Provinsi Jawa Barat"} <= set(orgs(x))
    assert not any(o.startswith("Badan Koordinasi") for o in orgs(x))


def test_a_unit_of_the_renamed_agency_by_the_short_name_it_kept():
    x = read("Kepala Biro Umum dan Humas BKKBN RI, Putra Wijaya, M.Kes membuka acara.")
    assert people(x) == {("Putra Wijaya", "Kepala Biro Umum dan Humas BKKBN RI",
                          "Biro Umum dan Humas BKKBN")}


def test_a_verb_a_headline_case_lead_capitalises_ends_the_name():
    x = read("Kuala Kapuas - Sekretaris Daerah (Sekda) Kabupaten Kapuas Septedy Pimpin Rapat "
             "Koordinasi di Aula Bappeda Kapuas.")
    assert people(x) == {("Septedy", "Sekretaris Daerah (Sekda) Kabupaten Kapuas",
                          "Pemerintah Kabupaten Kapuas")}


def test_a_second_post_after_the_name_and_its_degrees():
    x = read("Rapat dibuka oleh Wakil Bupati Kotabaru, Rudi Hartono, S.Sos, yang juga menjabat "
             "sebagai Ketua TPPS Kabupaten Kotabaru. Hadir Agus Salim, SH, M.Si, selaku "
             "Sekretaris BkkbN Provinsi Sumsel, dan para camat.")
    assert people(x) == {
        ("Rudi Hartono", "Wakil Bupati Kotabaru", "Pemerintah Kabupaten Kotabaru"),
        ("Rudi Hartono", "Ketua TPPS Kabupaten Kotabaru",
         "Tim Percepatan Penurunan Stunting Kabupaten Kotabaru"),
        ("Agus Salim", "Sekretaris BkkbN Provinsi Sumsel",
         "Perwakilan BKKBN Provinsi Sumatera Selatan")}


def test_the_stunting_audit_team_of_a_city_and_its_head_in_a_chain_of_posts():
    x = read("Kepala DPPKB Kota Ambon yang juga Ketua Tim Audit Stunting Kota Ambon Maria Lestari "
             "menjelaskan, audit sudah berjalan.")
    assert people(x) == {
        ("Maria Lestari", "Kepala DPPKB Kota Ambon",
         "Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Ambon"),
        ("Maria Lestari", "Ketua Tim Audit Stunting Kota Ambon", "Tim Audit Kasus Stunting Kota Ambon")}
    team = next(e for e in x.entities.values() if e.label == "Tim Audit Kasus Stunting Kota Ambon")
    assert "Tim Audit Stunting Kota Ambon" in team.aliases


def test_a_body_then_the_government_it_belongs_to():
    x = read('"Setiap kecamatan punya Kampung KB," kata Kepala DPPKBP3A Pemkab Blitar Wahyu Rosadi, '
             'MM pada wartawan.')
    body = ("Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
            "Perlindungan Anak Kabupaten Blitar")
    assert people(x) == {("Wahyu Rosadi", "Kepala DPPKBP3A Pemkab Blitar", body)}
    assert orgs(x)[body] == {"DPPKBP3A Pemkab Blitar"}


def test_a_division_s_name_ends_at_a_comma_no_list_of_fields_follows():
    x = read("Tamu itu didampingi Plt. Kepala Bidang Urusan Agama Islam, Afif Munir bertempat di "
             "ruang tamu. Hadir Kepala Bidang Advokasi, Penggerakan dan Informasi Perwakilan BKKBN "
             "Provinsi Jawa Barat, Hj. Rina Wati.")
    assert "Afif Munir" in persons(x)
    assert not any("Afif" in o for o in orgs(x))
    assert ("Rina Wati", ("Kepala Bidang Advokasi, Penggerakan dan Informasi Perwakilan BKKBN "
            "Provinsi Jawa Barat"), ("Bidang Advokasi, Penggerakan dan Informasi Perwakilan BKKBN "
            "Provinsi Jawa Barat")) in people(x)


def test_one_word_several_persons_share_is_the_one_named_last():
    x = read("Ketua TP PKK Kaltim dr Yuliana Zubir Akmal menjelaskan, rakor itu penting. Rakor dibuka "
             'Gubernur Kaltim Akmal Malik secara daring. "PKK akan menjadi mitra," kata Akmal')
    assert persons(x) == {"Yuliana Zubir Akmal": {"dr Yuliana Zubir Akmal"},
                          "Akmal Malik": {"Akmal Malik", "Akmal"}}
    assert speakers(x) == [("Yuliana Zubir Akmal", "rakor itu penting."),
                           ("Akmal Malik", "PKK akan menjadi")]


def test_degrees_without_a_comma_and_honorifics_in_capitals():
    x = read("Hadir Kepala BKKBN Dr (H.C) dr Hasta Wardana Sp.OG (K), Direktur Jenderal Bimbingan "
             "Masyarakat Islam Kemenag Prof. Dr. Phil. Kamal Amin, MA, dan Kepala Perwakilan BKKBN "
             "Jawa Tengah, Drg. Widodo M.Kes.")
    assert persons(x) == {"Hasta Wardana": {"Dr (H.C) dr Hasta Wardana Sp.OG (K)"},
                          "Kamal Amin": {"Prof. Dr. Phil. Kamal Amin, MA"},
                          "Widodo": {"Drg. Widodo M.Kes"}}


def test_the_offices_of_the_ministry_of_religious_affairs_in_a_regency_and_a_province():
    x = read("Hadir Kepala Kemenag Gunungkidul Saban Nuroni dan Kepala Kanwil Kemenag Provinsi Jawa "
             "Tengah Mustain Ahmad. Kemenag mendukung program itu bersama Dinas Dukcapil "
             "Gunungkidul.")
    assert people(x) == {
        ("Saban Nuroni", "Kepala Kemenag Gunungkidul", "Kantor Kementerian Agama Kabupaten Gunungkidul"),
        ("Mustain Ahmad", "Kepala Kanwil Kemenag Provinsi Jawa Tengah",
         "Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah")}
    assert relations(x, "subOrganizationOf") >= {
        ("Kantor Kementerian Agama Kabupaten Gunungkidul", "Kementerian Agama")}
    # the article's own spelling of the regency in the labels of its bodies
    assert "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Gunungkidul" in orgs(x)


def test_no_office_of_the_ministry_of_religious_affairs_of_a_province_by_the_regency_s_name():
    x = read("Kemenag Provinsi Jawa Tengah mendukung program itu.")
    assert set(orgs(x)) == {"Kementerian Agama"}


def test_a_person_who_stands_in_for_an_office_and_a_sentence_about_someone_else():
    x = read("Asep Ridwana mewakili Dinas Kesehatan Kabupaten Bandung mengatakan, program berjalan. "
             "Rakor dibuka Bupati Bandung Dadang Supriatna secara daring.")
    assert set(persons(x)) == {"Asep Ridwana", "Dadang Supriatna"}
    assert [s.text for s in x.statements] == ["program berjalan."]


def test_a_speech_read_out_by_someone_else_is_its_author_s():
    x = read("Gubernur Nusa Tenggara Timur (NTT), Viktor Laisa dalam sambutan yang dibacakan oleh "
             "Bupati Belu, Willy Lay, SH mengatakan, program KKBPK dilaksanakan untuk keluarga.")
    assert speakers(x) == [("Viktor Laisa", "program KKBPK dilaksanakan")]


def test_one_word_then_its_post_between_commas_then_a_verb_of_saying():
    x = read("Waspi, Kepala BKKBN Provinsi Sumsel, mengatakan jumlah KB meningkat. Hadir pejabat "
             "Administrator, Ketua TP PKK Kota Langsa, Nur Hanifah, dan lainnya.")
    assert set(persons(x)) == {"Waspi", "Nur Hanifah"}
    assert ("Waspi", "Kepala BKKBN Provinsi Sumsel", "Perwakilan BKKBN Provinsi Sumatera Selatan") \
        in people(x)


def test_a_deputy_head_whose_name_has_an_initial_and_a_governor_with_a_glued_one():
    x = read("Kegiatan di Kabupaten Gorontalo dihadiri Bupati Gorontalo Sofyan Puhi dan Wakil "
             "Bupati Tonny S. Junus. Gubernur Lampung M.Ridho Ficardo hadir bersama Wakil Bupati "
             "Ferdian Lacony S.Kom MM.")
    assert ("Tonny S. Junus", "Wakil Bupati", "Pemerintah Kabupaten Gorontalo") in people(x)
    assert ("M.Ridho Ficardo", "Gubernur Lampung", "Pemerintah Provinsi Lampung") in people(x)
    assert "S.Kom" not in persons(x)


def test_staff_of_a_head_of_region_whose_field_runs_up_to_the_name():
    x = read("Rakor di Kabupaten Tanah Bumbu dibuka Bupati Zainal Abidin diwakili Staf Ahli Bupati "
             "Bidang Kemasyarakatan dan SDM I Made Wirawan. Di Bandar Lampung, Gubernur "
             "Lampung Ridho Ficardo dalam sambutan yang dibacakan oleh Staf Ahli Bidang "
             "Pemerintahan, Hukum dan Politik Theresia Pardede menyampaikan bahwa keluarga penting. "
             "Sambutan itu dibacakan Asisten III Setda Biak Numfor, Andreas Lameki. Asisten III "
             "Andreas Lameki juga hadir.")
    assert {p for p in people(x) if p[1].startswith(("Staf", "Asisten"))} == {
        ("I Made Wirawan", "Staf Ahli Bupati Bidang Kemasyarakatan dan SDM",
         "Pemerintah Kabupaten Tanah Bumbu"),
        ("Theresia Pardede", "Staf Ahli Bidang Pemerintahan, Hukum dan Politik",
         "Pemerintah Provinsi Lampung"),
        ("Andreas Lameki", "Asisten III Setda Biak Numfor", "Sekretariat Daerah Kabupaten Biak Numfor")}


def test_degrees_after_a_period_and_the_head_of_a_working_group_of_an_office():
    x = read("Ketua Pokja Kampung KB Perwakilan BKKBN Provinsi Aceh Efi Yanti SH. M.A.P mengatakan, "
             "desa sudah siap. Ketua Pokja Kampung KB Kabupaten Garut, Asep Hidayat, hadir.")
    assert persons(x)["Efi Yanti"] == {"Efi Yanti SH. M.A.P"}
    assert people(x) == {
        ("Efi Yanti", "Ketua Pokja Kampung KB Perwakilan BKKBN Provinsi Aceh",
         "Pokja Kampung KB Perwakilan BKKBN Provinsi Aceh"),
        ("Asep Hidayat", "Ketua Pokja Kampung KB Kabupaten Garut",
         "Kelompok Kerja Kampung KB Kabupaten Garut")}
    assert ("Pokja Kampung KB Perwakilan BKKBN Provinsi Aceh", "Perwakilan BKKBN Provinsi Aceh") \
        in relations(x, "unitOf")


def test_the_women_children_and_family_planning_office_is_not_the_one_with_population_control():
    x = read("Sekretaris Dinas (Sekdin) DP3AKB Kabupaten Bojonegoro, Supardi, membuka acara.")
    assert people(x) == {("Supardi", "Sekretaris Dinas (Sekdin) DP3AKB Kabupaten Bojonegoro",
                          ("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana "
                          "Kabupaten Bojonegoro"))}


def test_a_body_a_government_acts_through_blanks_in_brackets_and_a_post_then_yakni():
    x = read("Pemerintah Kabupaten Mamuju Tengah melalui Tim Percepatan Penurunan Stunting (TPPS) "
             "menggelar rakor. Hadir Kepala Dinas Pemberdayaan Perempuan, dan Keluarga Berencana "
             "( DPPKB ) Kabupaten Bengkulu Utara, drg. Andi Saputra. Kunjungan Ketua Komisi IX DPR RI "
             "yakni Dedy Yusuf berlangsung singkat.")
    assert "Tim Percepatan Penurunan Stunting Kabupaten Mamuju Tengah" in orgs(x)
    assert people(x) == {
        ("Andi Saputra", ("Kepala Dinas Pemberdayaan Perempuan, dan Keluarga Berencana ( DPPKB ) "
         "Kabupaten Bengkulu Utara"), ("Dinas Pemberdayaan Perempuan dan Keluarga Berencana "
         "Kabupaten Bengkulu Utara")),
        ("Dedy Yusuf", "Ketua Komisi IX DPR RI", "Komisi IX Dewan Perwakilan Rakyat")}


def test_the_one_represented_or_accompanied_does_not_speak():
    x = read("Asisten II Sumardiono, mewakili Ketua TPPS Kabupaten Kotabaru Syahrul Mukti, S.Sos, "
             "menyampaikan bahwa stunting turun. Ia menegaskan pentingnya enam pilar. Bupati "
             "Bantaeng H Ilham Azikin didampingi Ketua TP PKK Kabupaten Bantaeng, Sri Dewi Yanti "
             "mengungkapkan bahwa kependudukan tanggung jawab semua. Hadir pula Sri Dewi Yanti. "
             "Ia mengatakan kader siap.")
    assert speakers(x) == [("Sumardiono", "stunting turun."), ("Sumardiono", "pentingnya enam pilar."),
                           ("Ilham Azikin", "kependudukan tanggung jawab"),
                           ("Sri Dewi Yanti", "kader siap.")]


def test_said_by_a_post_and_a_name_after_a_passive_verb_and_admitted_and_blurted_out():
    x = read("Disampaikan Deputi Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga (KSPK) BKKBN, "
             "M. Yusuf, berbagai kegiatan akan digelar. Diakui, dengan warga yang banyak maka "
             'Maluku jadi prioritas. "Semua dinas ikut membantu," cetusnya.')
    assert speakers(x) == [("M. Yusuf", "berbagai kegiatan akan"),
                           ("M. Yusuf", "dengan warga yang"), ("M. Yusuf", "Semua dinas ikut")]


def test_a_unit_again_by_the_short_name_given_in_brackets_and_a_name_in_brackets_after_a_post():
    x = read("Bupati menerima audiensi dari Deputi Bidang Keluarga Sejahtera dan Pembangunan "
             "Keluarga (KSPK) BKKBN RI. Hadir Deputi Bidang KSPK BKKBN RI Novian Andika, S.E. "
             "Kegiatan dibuka Plt. Kadis DPPKB Kab. Karawang (Hj. Sofiah).")
    unit = "Kedeputian Bidang Keluarga Sejahtera dan Pembangunan Keluarga BKKBN"
    assert [o for o in orgs(x) if o.startswith("Kedeputian")] == [unit]
    assert people(x) == {
        ("Novian Andika", "Deputi Bidang KSPK BKKBN RI", unit),
        ("Sofiah", "Plt. Kadis DPPKB Kab. Karawang",
         "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Karawang")}


def test_the_outlet_that_opens_the_body_in_the_shapes_news_writes_it():
    """Read as production reads an article: clean() cuts the dateline, stage 3 reads it
    (tests/loaders/test_dateline_outlets.py has the shapes one by one)."""
    from kbgraph.loaders.clean import clean
    from kbgraph.loaders.extract import extract
    from kbgraph.loaders.model import Article

    def read(text: str):
        article = Article(id="snippet", text=text, source="snippet.txt")
        return extract(article, clean(article))

    for text, outlet in [("IAWNews.com – Dalam upaya menekan stunting, warga berkumpul.", "IAWNews.com"),
                         ("SMARTPEKANBARU.COM-Pekanbaru — Pemerintah Provinsi Riau hadir.",
                          "SMARTPEKANBARU.COM"),
                         ("Nganjuk (Uritanet) : Program berjalan baik.", "Uritanet"),
                         ("Hi!Pontianak – Kementerian hadir di sana.", "Hi!Pontianak"),
                         ("BANDA ACEH (Waspada): Perwakilan BKKBN hadir.", "Waspada"),
                         ("KlikMINUT – Guna mendapatkan data, petugas turun.", "KlikMINUT")]:
        x = read(text)
        assert [e.label for e in x.entities.values() if "NewsPublisher" in str(e.types[0])] \
            == [outlet], text
    for text in ("JAKARTA – Pemerintah pusat hadir.", "Makassar – Rakor digelar di sana.",
                 "Bantaeng, Kamis (04/10) malam. Pemerintah hadir."):
        x = read(text)
        assert not [e for e in x.entities.values() if "NewsPublisher" in str(e.types[0])], text


def test_the_faction_of_a_member_of_the_house_a_unit_of_it():
    x = read("Anggota Komisi IX DPR-RI dari Fraksi Partai Gerindra, Ir Hj Sri Wahyuni menggelar "
             "sosialisasi. Hadir Anggota Komisi IX DPR RI Fraksi Demokrat, Hj. Aliya Mustika, SE.")
    assert {"Fraksi Partai Gerindra", "Fraksi Demokrat"} <= set(orgs(x))
    assert relations(x, "unitOf") >= {("Fraksi Partai Gerindra", "Dewan Perwakilan Rakyat"),
                                      ("Fraksi Demokrat", "Dewan Perwakilan Rakyat")}
    # "dari Fraksi …" tells the member's faction after the post: not part of it
    assert ("Sri Wahyuni", "Anggota Komisi IX DPR-RI", "Komisi IX Dewan Perwakilan Rakyat") \
        in people(x)


def test_a_nickname_the_full_name_begins_with_and_cues_that_open_a_sentence():
    x = read("Direktur Bina Lini Lapangan BKKBN RI, Pintauli Romauli Siregar, hadir. “Kami ingin "
             "memperluas cakupan ini,” jelas Pinta dalam acara itu. Yang sudah dilakukan, lanjut "
             "Kakanwil, antara lain sosialisasi. Dipimpin Ismail Pribadi, rombongan tiba.")
    assert persons(x) == {"Pintauli Romauli Siregar": {"Pintauli Romauli Siregar", "Pinta"},
                          "Ismail Pribadi": {"Ismail Pribadi"}}


def test_a_quote_standing_alone_after_words_whose_speaker_is_unknown_has_none():
    # (a named Kasubag is a speaker now: test_a_subsection_head_of_a_region_without_…)
    x = read("Kata Budi Santoso, angka stunting turun. Sementara seorang petugas humas kota "
             "menjelaskan, kasus harus ditekan lagi.\n\n“Program KB kita sudah bagus sekali.”")
    assert speakers(x) == [("Budi Santoso", "angka stunting turun.")]


def test_city_secretaries_venue_brand_words_in_names_and_the_representative_office_as_kp_bkkbn():
    x = read("Kegiatan dibuka oleh Wakil Bupati H. Abdul Sahid. pada kamis pagi di Parigi Moutong. "
             "Tifa dipukul Sekretaris Kota Ambon Anton Latuheru didampingi Sekretaris KP-BKKBN "
             "Maluku, Renta Rego.")
    assert people(x) == {
        ("Abdul Sahid", "Wakil Bupati", "Pemerintah Kabupaten Parigi Moutong"),
        ("Anton Latuheru", "Sekretaris Kota Ambon", "Pemerintah Kota Ambon"),
        ("Renta Rego", "Sekretaris KP-BKKBN Maluku", "Perwakilan BKKBN Provinsi Maluku")}


def test_a_regional_legislature_spelled_out_its_lettered_commission_and_names_before_posts():
    x = read("Rapat digelar Dewan Perwakilan Rakyat Daerah (DPRD) Kota Samarinda. Hadir Koordinator "
             "Komisi D DPRD DIY Anton Prabu, Kepala Dinas Kesehatan Kabupaten Karanganyar Agam "
             "Bintoro beserta jajarannya Rina Satya (Kepala Bidang Pengendalian Penduduk), Yayuk "
             "Lestari ( Kepala Seksi Informasi Keluarga) dan lainnya. Ketua Komisi II DPRD Kabupaten "
             "Indramayu, Rudi Hartono, juga hadir.")
    assert "Dewan Perwakilan Rakyat" not in orgs(x)  # the DPR's name inside the DPRD's
    komisi = next(e for e in x.entities.values() if e.label.startswith("Komisi II"))
    assert "Komisi II DPRD Kabupaten Indramayu" in komisi.aliases
    got = {(n, o) for n, _, o in people(x)}
    assert ("Anton Prabu", ("Komisi D Dewan Perwakilan Rakyat Daerah Provinsi Daerah Istimewa "
            "Yogyakarta")) in got
    assert ("Rina Satya", "Bidang Pengendalian Penduduk Dinas Kesehatan Kabupaten Karanganyar") in got
    assert ("Yayuk Lestari", "Seksi Informasi Keluarga Dinas Kesehatan Kabupaten Karanganyar") in got


def test_a_passive_verb_of_saying_inside_the_sentence_and_a_last_initial_before_the_degrees():
    x = read("Rombongan diterima Sekretaris Perwakilan BKKBN Provinsi Jawa Barat, Drs Hendra S, MSi "
             "beserta jajaran. Kepala Perwakilan BKKBN Papua Markus Wenda hadir. Lebih lanjut "
             "dikatakan Markus Wenda membangun SDM berarti membina remaja. Program "
             "itu berjalan. Hal ini disampaikan Markus Wenda pada rapat itu.")
    assert persons(x)["Hendra S"] == {"Drs Hendra S, MSi"}
    assert speakers(x) == [("Markus Wenda", "membangun SDM berarti"),
                           ("Markus Wenda", "Program itu berjalan.")]


def test_a_division_s_name_ends_where_a_name_with_degrees_begins_and_an_ampersand_in_brackets():
    x = read("Rapat dipimpin Kaper BKKBN Aceh, Drs. Sahidal Kastri, M.Pd. didampingi Koordinator "
             "Bidang Latbang Irma Dimyati, SE. Kepala Dinas Pengendalian Penduduk dan Keluarga "
             "Berencana (Kadisdalduk & KB) Kabupaten Jayapura, Yohanes Kogoya mengatakan, data penting.")
    assert ("Irma Dimyati", "Koordinator Bidang Latbang", "Bidang Latbang Perwakilan BKKBN Provinsi Aceh") \
        in people(x)
    assert ("Yohanes Kogoya", ("Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana (Kadisdalduk & KB) "
            "Kabupaten Jayapura"), ("Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten "
            "Jayapura")) in people(x)


def test_one_word_after_a_post_then_a_name_that_speaks_ends_the_post():
    x = read("Kepala Dinas Kesehatan Kabupaten Tanah Bumbu hadir. Kepala Dinas Pemberdayaan Perempuan "
             "dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana (P3AP2KB) Tanbu, "
             "Nurul Susanti mengatakan kegiatan ini penting. Bupati Banjar Ahmad, Rina Sari dan "
             "lainnya hadir.")
    got = {(n, p) for n, p, _ in people(x)}
    assert ("Nurul Susanti", ("Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian "
            "Penduduk dan Keluarga Berencana (P3AP2KB) Tanbu")) in got
    assert ("Ahmad", "Bupati Banjar") in got  # a list: the one word is the name


def test_a_title_with_a_rank_word_before_the_name_of_a_body_and_a_degree_written_with_a_blank():
    x = read("Pelaksana tugas (Plt.) Direktur Jenderal Pendidikan Tinggi, Riset, dan Teknologi "
             "menilai bahwa prevalensi stunting masih tinggi. Hadir pula Dra. Yulia, S. Ag, MM dan Kepala "
             "Perwakilan BKKBN Sultra, Drs As.")
    assert set(persons(x)) == {"Yulia", "As"}


def test_the_short_form_an_article_gives_a_post_is_no_name_word():
    x = read('Mengawali sambutannya, Wakil Gubernur Riau (Wagubri), Budi Darma Siregar katakan, Riau '
             'punya TPPS. "Kinerja TPPS harus ditingkatkan," ucap Wagubri Budi Darma.')
    assert persons(x) == {"Budi Darma Siregar": {"Budi Darma Siregar", "Budi Darma"}}
    assert speakers(x) == [("Budi Darma Siregar", "Riau punya TPPS."),
                           ("Budi Darma Siregar", "Kinerja TPPS harus")]


def test_a_division_named_with_a_slash_and_a_name_after_it_and_a_name_after_a_body_s_name():
    x = read("Hadir Koordinator Bidang KB/KR Perwakilan BKKBN Aceh, Muhammad Razali, dan Koordinator "
             "Bidang Latbang Irma Dimyati. Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana "
             "Dra. Rina Wati dari Kabupaten Banjar menjelaskan programnya.")
    assert ("Muhammad Razali", "Koordinator Bidang KB/KR Perwakilan BKKBN Aceh",
            "Bidang KB/KR Perwakilan BKKBN Provinsi Aceh") in people(x)
    assert "Irma Dimyati" in persons(x)
    assert persons(x)["Rina Wati"] == {"Dra. Rina Wati"}
    assert not any(o.endswith(("Dra", "Irma")) or " Dra " in o for o in orgs(x))


def test_a_post_in_apposition_ended_by_a_demonstrative_or_a_companion():
    x = read("Rapat yang dipimpin oleh Rusli Bin Hasan, Wakil Ketua Komisi IV DPRD Samarinda itu, "
             "menyebut tiga hal. Rombongan diterima oleh Agam Bintoro, Kepala Dinas Kesehatan "
             "Kabupaten Karanganyar didampingi jajarannya.")
    assert people(x) == {
        ("Rusli Bin Hasan", "Wakil Ketua Komisi IV DPRD Samarinda",
         "Komisi IV Dewan Perwakilan Rakyat Daerah Kota Samarinda"),
        ("Agam Bintoro", "Kepala Dinas Kesehatan Kabupaten Karanganyar",
         "Dinas Kesehatan Kabupaten Karanganyar")}


def test_the_office_of_religious_affairs():
    x = read("Data terbatas pada pasangan yang menikah melalui Kantor Urusan Agama (KUA). Penyuluh KUA "
             "ikut membantu.")
    assert orgs(x) == {"Kantor Urusan Agama": {"Kantor Urusan Agama (KUA)", "KUA"}}


def test_a_division_an_office_acts_through():
    x = read("Pelatihan oleh Perwakilan BKKBN Provinsi Papua melalui Bidang Pelatihan dan Pengembangan "
             "(Latbang) resmi ditutup. BKKBN Sultra, melalui Bidang Pengendalian Penduduk menggelar "
             "lokakarya. Kemenag melalui Direktorat Bina KUA menyusun materi.")
    assert relations(x, "unitOf") == {
        ("Bidang Pelatihan dan Pengembangan Perwakilan BKKBN Provinsi Papua",
         "Perwakilan BKKBN Provinsi Papua"),
        ("Bidang Pengendalian Penduduk Perwakilan BKKBN Provinsi Sulawesi Tenggara",
         "Perwakilan BKKBN Provinsi Sulawesi Tenggara")}


def test_a_dinas_abbreviation_the_lexicon_lacks_names_the_body_of_the_region_after_it():
    # "DP5KB" is in no lexicon: marked as a family-planning body ("KB") and followed by a
    # regency the article names, it is that regency's Dinas, named as written
    x = read("Pemerintah Kabupaten Sambas menggelar rakor Kampung KB. Hadir Kepala DP5KB Sambas "
             "Budi Hartono dan Kepala Dinas Kesehatan Kabupaten Sambas Rina Marlina.")
    assert orgs(x)["DP5KB Kabupaten Sambas"] == {"DP5KB Sambas"}
    assert ("Budi Hartono", "Kepala DP5KB Sambas", "DP5KB Kabupaten Sambas") in people(x)
    assert ("DP5KB Kabupaten Sambas", "Pemerintah Kabupaten Sambas") in relations(
        x, "subOrganizationOf")
    # no place after it, or no "KB" in it: no body
    x = read("Rakor digelar di Kabupaten Sambas. Hadir Kepala DP5KB dan Kepala DPMPTSP Sambas.")
    assert not [o for o in orgs(x) if "DP5KB" in o or "DPMPTSP" in o]


def test_the_name_of_a_unit_after_a_short_title_is_no_person():
    # "Kabid" (Kepala Bidang) then the unit's name and only then the person: the unit's
    # words are no person, even with an office named in the sentence
    x = read("Hadir Kepala Perwakilan BKKBN Provinsi Jawa Tengah, Kabid Pengendalian Penduduk "
             "Penyuluhan dan Penggerakan Budi Santoso.")
    assert not [p for p in persons(x) if p.startswith("Pengendalian")]


def test_a_commission_numbered_in_arabic_is_the_roman_one_and_bare_it_is_the_one_named():
    x = read("Komisi III DPRD Kabupaten Sambas berkunjung ke Kantor Bupati Sambas. Rombongan "
             "didampingi Wakil Ketua Komisi 3 Rina Marlina.")
    komisi = f"Komisi III {_DPRD_SAMBAS}"
    assert orgs(x)[komisi] == {"Komisi III DPRD Kabupaten Sambas", "Komisi 3"}
    assert ("Rina Marlina", "Wakil Ketua Komisi 3", komisi) in people(x)
    # two legislatures with a Komisi III: a bare "Komisi 3" is neither
    x = read("Komisi III DPRD Kabupaten Sambas dan Komisi III DPRD Kabupaten Kapuas bertemu. "
             "Hadir Wakil Ketua Komisi 3 Rina Marlina.")
    assert not [p for p in people(x) if p[0] == "Rina Marlina"]


def test_members_listed_after_a_member_title_share_its_post():
    x = read("Rombongan Komisi III DPRD Kabupaten Sambas hadir. Turut hadir anggota Komisi III "
             "DPRD Kabupaten Sambas Drs. H. Budi Hartono, MM, Hj. Rina Marlina, Wardani, Sutrisno "
             "dan Mulyadi disambut Bupati Sambas.")
    komisi = f"Komisi III {_DPRD_SAMBAS}"
    assert {n for n, p, o in people(x) if o == komisi} == {
        "Budi Hartono", "Rina Marlina", "Wardani", "Sutrisno", "Mulyadi"}
    # the list stops at a post ("Kepala …") or at words that name a region or a body
    x = read("Hadir Anggota DPRD Kabupaten Sambas Budi Hartono, Unsur Forkopimda Sambas, "
             "Kepala Dinas Kesehatan Kabupaten Sambas Rina Marlina.")
    assert {n for n, p, o in people(x) if o == _DPRD_SAMBAS} == {"Budi Hartono"}
    assert "Unsur Forkopimda Sambas" not in persons(x)


def test_a_post_written_short_then_in_full_is_written_in_full():
    x = read("Hadir Anggota Komisi IX Rina Marlina di Kabupaten Sambas. Anggota Komisi IX DPR RI "
             "Rina Marlina mengatakan bahwa stunting harus turun.")
    assert people(x) == {("Rina Marlina", "Anggota Komisi IX DPR RI",
                          "Komisi IX Dewan Perwakilan Rakyat")}


def test_a_subsection_head_of_a_region_without_an_office_serves_its_government():
    x = read("Kunjungan itu diterima di Balai Kota Ambon. Kasubag Humas Kota Ambon Rina Marlina "
             "menjelaskan, angka stunting turun.")
    unit = "Subbagian Humas Pemerintah Kota Ambon"
    assert ("Rina Marlina", "Kasubag Humas Kota Ambon", unit) in people(x)
    assert (unit, "Pemerintah Kota Ambon") in relations(x, "unitOf")
    assert speakers(x) == [("Rina Marlina", "angka stunting turun.")]
    # a Kabid (a Bidang of some Dinas) after a region is no unit of the government
    x = read("Hadir Kabid Kesehatan Masyarakat Kota Ambon Rina Marlina.")
    assert not [p for p in people(x) if "Pemerintah" in (p[2] or "")]


def test_the_civil_registry_office_by_its_older_names():
    x = read("Dinas Kependudukan dan Catatan Sipil (Dispendukcapil) Kota Ambon hadir. Kepala "
             "Dispendukcapil Kota Ambon Budi Santoso membuka acara.")
    office = "Dinas Kependudukan dan Pencatatan Sipil Kota Ambon"
    assert ("Budi Santoso", "Kepala Dispendukcapil Kota Ambon", office) in people(x)


def test_a_staff_post_ends_where_a_name_or_another_post_begins():
    x = read("Rakor TPPS Kabupaten Sambas dihadiri Bupati Sambas Budi Santoso, Staf Ahli Bupati "
             "Sambas Bidang Kemasyarakatan dan SDM Rina Marlina, Asisten Perekonomian dan "
             "Pembangunan Wardani, Asisten Administrasi Umum Agus Salim, para camat.")
    gov = "Pemerintah Kabupaten Sambas"
    assert people(x) == {
        ("Budi Santoso", "Bupati Sambas", gov),
        ("Rina Marlina", "Staf Ahli Bupati Sambas Bidang Kemasyarakatan dan SDM", gov),
        ("Wardani", "Asisten Perekonomian dan Pembangunan", gov),
        ("Agus Salim", "Asisten Administrasi Umum", gov)}
    # a list of bare staff words, then a post with its name: the post is the last one
    x = read("Rakor dihadiri Bupati Sambas Budi Santoso, Forkopimda, Staf Ahli, Jajaran OPD, "
             "Ketua TP PKK Kabupaten Sambas Rina Marlina.")
    assert ("Rina Marlina", "Ketua TP PKK Kabupaten Sambas",
            "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Sambas") in people(x)
    assert not [p for p in people(x) if p[1].startswith("Staf Ahli")]


def test_a_bare_body_after_a_title_is_the_one_named_with_its_place_before():
    x = read("Rakor dihadiri Bupati Sambas Budi Santoso, Ketua TP PKK Kabupaten Sambas Rina "
             "Marlina, Wakil Ketua TP PKK Hj. Sri Wahyuni.")
    tp = "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Sambas"
    assert ("Sri Wahyuni", "Wakil Ketua TP PKK", tp) in people(x)
    assert orgs(x)[tp] == {"TP PKK Kabupaten Sambas", "TP PKK"}
    # not the national one ("Pusat"), nor one for each region
    x = read("Ketua TP PKK Kabupaten Sambas Rina Marlina hadir. Ketua TP PKK Pusat Hj. Sri "
             "Wahyuni dan para Ketua TP PKK masing-masing daerah.")
    tp = "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Sambas"
    assert orgs(x)[tp] == {"TP PKK Kabupaten Sambas"}


def test_a_branch_word_and_a_regency_short_form_after_a_body_are_no_name():
    x = read("Rakor di Kabupaten Tanah Bumbu dihadiri Ketua TP PKK Tanbu, Kepala SKPD dan Ketua "
             "IDI Cabang Tanah Bumbu.")
    assert persons(x) == {}
    assert "Tim Penggerak Pemberdayaan Kesejahteraan Keluarga Kabupaten Tanah Bumbu" in orgs(x)


def test_aceh_legislature_and_partners_in_a_list_of_attendees():
    x = read("Rakor diikuti unsur Perwakilan BKKBN Provinsi Aceh, Anggota DPRA, Asisten dan Staf "
             "Ahli Sekdakab Aceh Tamiang, Mitra Kerja serta kader.")
    assert "Dewan Perwakilan Rakyat Aceh" in orgs(x)
    assert persons(x) == {}


def test_the_planning_research_and_innovation_board_by_its_short_name():
    x = read("Rakor digelar di Kabupaten Sambas. Kepala Bapperida Sambas Budi Santoso menjelaskan "
             "bahwa rapat ini penting.")
    board = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Kabupaten Sambas"
    assert people(x) == {("Budi Santoso", "Kepala Bapperida Sambas", board)}


def test_one_word_after_any_attributing_verb_of_the_lexicon_is_the_speaker():
    for verb in ("ungkap", "terang", "pungkas", "tandas", "cetus"):
        x = read(f'Rakor digelar di Kabupaten Sambas.\n\n"Rapat ini penting sekali,” {verb} '
                 "Mulyadi.")
        assert speakers(x) == [("Mulyadi", "Rapat ini penting")], verb
