"""kbgraph.graph.network.page: the offline HTML page and the static picture, read as files."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from kbgraph.cli import main
from kbgraph.graph.store import open_store
from kbgraph.graph.network.page import script_json, write_html, write_static
from kbgraph.errors import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ID = "https://w3id.org/kbgraph/id/"
MEETING = ID + "event/pertemuan-pokja-kampung-kb-2019"
PERWAKILAN = ID + "org/perwakilan-bkkbn-provinsi-kalimantan-barat"
EVIL_ORG = ID + "org/evil-org"
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def load(name: str) -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURES / name, format="trig")
    return ds


@pytest.fixture(scope="module")
def handmade() -> Dataset:
    return load("viz-handmade.trig")


@pytest.fixture(scope="module")
def hostile() -> Dataset:
    return load("viz-hostile.trig")


class Page(HTMLParser):
    """Every tag's attributes, and the text of every <script> and <style>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data):
        if self._open:
            tag, attrs = self._open
            (self.scripts.append((attrs, data)) if tag == "script" else self.styles.append(data))

    def handle_endtag(self, tag):
        self._open = None


def absent(needle: str, text: str) -> bool:
    """``needle not in text``, without pytest diffing a 700 kB page on failure."""
    return needle not in text


def data_of(page: Page) -> dict:
    (block,) = [text for attrs, text in page.scripts if attrs.get("id") == "kbgraph-data"]
    return json.loads(block)


def assert_offline(text: str) -> None:
    """No src/href/@import/url() that points outside the file."""
    page = Page(text)
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "action", "data", "poster"):
            value = attrs.get(name)
            assert value is None or not EXTERNAL.match(value), f"<{tag} {name}={value!r}>"
        assert not (tag == "link" and attrs.get("rel") == "stylesheet"), "a linked stylesheet"
    assert all("src" not in attrs for attrs, _ in page.scripts), "a script loaded from a file or URL"
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.IGNORECASE)
    assert "@import" not in text
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", text, re.IGNORECASE)


def test_page_is_self_contained_and_offline(handmade, tmp_path):
    path = tmp_path / "graph.html"
    report = write_html(handmade, path)
    # the overview: 14 entities less the news outlet and the post (folded into Muslimat's edge)
    assert (report.nodes, report.edges, report.total_nodes, report.omitted, report.notice) == (12, 14, 12, (), None)
    text = path.read_text(encoding="utf-8")
    assert_offline(text)
    page = Page(text)
    assert len(page.scripts) == 3  # the JSON data, vis-network, kbgraph's script
    assert "vis-network" in page.scripts[1][1][:200]
    assert absent("sourceMappingURL", text)


def test_content_security_policy_allows_only_the_inlined_scripts(handmade, tmp_path):
    path = tmp_path / "graph.html"
    write_html(handmade, path)
    page = Page(path.read_text(encoding="utf-8"))
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; ")
    for attrs, text in page.scripts:
        if attrs.get("type") == "application/json":
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_page_data_nodes_edges_and_tooltips(handmade, tmp_path):
    path = tmp_path / "graph.html"
    write_html(handmade, path)
    text = path.read_text(encoding="utf-8")
    assert not absent("not drawn: 1 penerbit berita / news publishers, 0 tanpa relasi / without relations", text)
    data = data_of(Page(text))
    drawn = [n for n in data["nodes"] if not n.get("hidden")]
    ids = [n["id"] for n in drawn]
    assert len(ids) == 12 and ids == sorted(ids)
    assert ID + "org/antara-news-kalimantan-barat" not in {n["id"] for n in data["nodes"]}  # no publisher
    meeting = next(n for n in data["nodes"] if n["id"] == MEETING)
    assert meeting["shape"] == "star" and meeting["color"] == "#d62728"
    assert meeting["value"] == 5  # degree: distinct neighbours
    assert "label" not in meeting  # the page draws labels itself
    assert isinstance(meeting["x"], float) and isinstance(meeting["y"], float)  # laid out in Python
    kb = meeting["kb"]
    assert kb["label"] == kb["short"] == "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"
    assert (kb["cls"], kb["top"], kb["articles"], kb["degree"]) == ("Meeting", "Meeting", 1, 5)
    assert (kb["provinces"], kb["years"]) == (["Provinsi Kalimantan Barat"], [2019])
    assert ["participantCount", "133"] in kb["attrs"] and ["startDate", "2019-11-25"] in kb["attrs"]
    assert len(kb["evidence"]) == 3  # capped
    assert kb["evidence"][0]["title"] == "BKKBN Kalbar gelar pertemuan Pokja Kampung KB"
    assert kb["evidence"][0]["date"] == "2019-11-26"
    assert kb["evidence"][0]["url"] == "https://kalbar.antaranews.com/berita/a1"
    office = next(n for n in data["nodes"] if n["id"] == PERWAKILAN)
    assert (office["shape"], office["color"]) == ("square", "#1f77b4")  # provincial, BKKBN's
    assert (office["kb"]["kind"], office["kb"]["level"], office["kb"]["short"]) == ("bkkbn", "provincial", "BKKBN Kalbar")
    assert office["kb"]["rank"] == 0  # most neighbours: labelled first
    kalbar = next(n for n in data["nodes"] if n["id"].endswith("place/provinsi-kalimantan-barat"))
    assert kalbar["kb"]["wikidata"] == "Q3916" and kalbar["kb"]["aliases"] == ["Kalbar"]
    edge = next(e for e in data["edges"] if e["from"] == MEETING and e["to"] == PERWAKILAN)
    assert edge["arrows"] == "to" and "label" not in edge
    assert edge["kb"] == {"predicate": "https://w3id.org/kbgraph/ontology#organizedBy", "articles": 1}
    assert data["relations"][edge["kb"]["predicate"]] == {"labelEn": "organized by",
                                                          "labelId": "diselenggarakan oleh"}
    # the post is the label of Muslimat's edge to her division; as a node it waits behind the switch
    folded = next(e for e in data["edges"] if e["kb"].get("folded"))
    assert (folded["from"], folded["to"]) == (ID + "person/muslimat", ID + "org/bidang-adpin")
    assert folded["kb"]["post"].startswith("Kepala Bidang Advokasi Pergerakan dan Informasi (Adpin)")
    post = next(n for n in data["nodes"] if n["id"] == ID + "post/kepala-bidang-adpin")
    assert post["hidden"] is True and post["kb"]["postNode"] is True
    parts = [(e["from"], e["to"]) for e in data["edges"] if e["kb"].get("postPart")]
    assert parts == [(ID + "person/muslimat", post["id"]), (post["id"], ID + "org/bidang-adpin")]
    assert all(e["hidden"] for e in data["edges"] if e["kb"].get("postPart"))
    assert [e["id"] for e in data["edges"]] == [f"e{i}" for i in range(len(data["edges"]))]
    assert [c["name"] for c in data["classes"]] == [
        "Organization", "Person", "Post", "Place", "Meeting", "Program", "PolicyFramework"]
    assert [(k["name"], k["count"]) for k in data["kinds"]] == [("bkkbn", 3), ("regional-government", 1)]
    assert [(lv["name"], lv["count"]) for lv in data["levels"]] == [("national", 1), ("provincial", 3)]
    assert data["years"] == [2019, 2020] and data["provinces"] == ["Provinsi Kalimantan Barat"]
    assert data["sizeBy"]["name"] == "degree" and "degree" in data["sizeBy"]["label"]
    assert sum(c["count"] for c in data["communities"]) == 12
    assert data["options"]["physics"] == {"enabled": False}


def test_posts_as_nodes(handmade, tmp_path):
    path = tmp_path / "graph.html"
    report = write_html(handmade, path, posts=True)
    data = data_of(Page(path.read_text(encoding="utf-8")))
    assert (report.nodes, report.edges) == (13, 15)
    assert not any(e["kb"].get("folded") for e in data["edges"])
    assert ID + "post/kepala-bidang-adpin" in {n["id"] for n in data["nodes"] if not n.get("hidden")}


def test_size_by_articles(handmade, tmp_path):
    path = tmp_path / "graph.html"
    write_html(handmade, path, size_by="articles")
    values = {n["id"]: n["value"] for n in data_of(Page(path.read_text(encoding="utf-8")))["nodes"]}
    assert values[MEETING] == 1 and values[PERWAKILAN] == 2
    write_html(handmade, path, size_by="betweenness")
    data = data_of(Page(path.read_text(encoding="utf-8")))
    values = {n["id"]: n["value"] for n in data["nodes"]}
    assert max(values, key=values.get) == MEETING  # the broker between the meeting's five neighbours
    assert values[ID + "framework/rpjmn-2015-2019"] == 0.0  # a leaf
    assert data["sizeBy"]["name"] == "betweenness"


def test_max_nodes_keeps_the_most_central_and_says_so(handmade, tmp_path):
    path = tmp_path / "graph.html"
    report = write_html(handmade, path, max_nodes=3)
    text = path.read_text(encoding="utf-8")
    ids = sorted(n["id"] for n in data_of(Page(text))["nodes"])
    assert ids == sorted([MEETING, PERWAKILAN, ID + "program/kampung-kb"])
    assert len(report.omitted) == 9
    assert report.omitted_by_class == (("Organization", 3), ("Person", 1), ("Place", 2),
                                       ("Meeting", 1), ("Program", 1), ("PolicyFramework", 1))
    assert report.notice.startswith("showing the 3 most central of 12 entities; left out 9 (Organization 3,")
    assert not absent(f'<p id="kb-notice">{report.notice}</p>', text)


def test_focus_draws_the_ego_network(handmade, tmp_path):
    path = tmp_path / "graph.html"
    report = write_html(handmade, path, focus="BKKBN Kalbar", depth=1)
    ids = sorted(n["id"] for n in data_of(Page(path.read_text(encoding="utf-8")))["nodes"])
    assert ids == sorted([PERWAKILAN, MEETING, ID + "org/bidang-adpin", ID + "org/bkkbn",
                          ID + "place/provinsi-kalimantan-barat"])
    assert report.focus == PERWAKILAN and report.notice is None
    assert not absent("ego network of Perwakilan BKKBN Provinsi Kalimantan Barat", path.read_text(encoding="utf-8"))
    report = write_html(handmade, path, focus="BKKBN Kalbar", depth=2, max_nodes=2)
    assert PERWAKILAN not in report.omitted  # the focus stays whatever its rank


def test_bad_requests_raise_input_error_and_write_nothing(handmade, tmp_path):
    path = tmp_path / "graph.html"
    with pytest.raises(InputError, match="no entity matches --focus 'Pontianek'.*did you mean: Pontianak"):
        write_html(handmade, path, focus="Pontianek")
    with pytest.raises(InputError, match="--size-by"):
        write_html(handmade, path, size_by="pagerank")
    with pytest.raises(InputError, match="no province in the graph is called 'Bali'.*Provinsi Kalimantan Barat"):
        write_html(handmade, path, province="Bali")
    with pytest.raises(InputError, match="unknown organization kind 'ngo'"):
        write_html(handmade, path, kinds=["ngo"])
    with pytest.raises(InputError, match="nothing is left to draw"):
        write_html(handmade, path, years=(2001, 2002))
    with pytest.raises(InputError, match="--max-nodes"):
        write_html(handmade, path, max_nodes=0)
    with pytest.raises(InputError, match="no entities to draw"):
        write_html(Dataset(), path)
    assert list(tmp_path.iterdir()) == []


def test_the_page_is_deterministic(handmade, tmp_path):
    write_html(handmade, tmp_path / "a.html")
    write_html(handmade, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_script_json_cannot_end_a_script_block():
    text = script_json({"t": "</script><img src=x onerror=alert(1)> & \u2028\u2029"})
    assert text == '{"t":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e \\u0026 \\u2028\\u2029"}'
    assert json.loads(text) == {"t": "</script><img src=x onerror=alert(1)> & \u2028\u2029"}


def test_hostile_article_text_stays_text(hostile, tmp_path):
    path = tmp_path / "evil.html"
    write_html(hostile, path)
    text = path.read_text(encoding="utf-8")
    page = Page(text)
    ours = text.replace(page.scripts[1][1], "")  # the page less vis-network's own code
    assert absent("</script><img", text)
    for needle in ("<img", "<svg", "<b>", "\u2028", "\u2029"):
        assert absent(needle, ours), needle
    assert text.lower().count("</script") == 3  # only the page's own three blocks end
    assert_offline(text)
    data = data_of(page)
    evil = next(n for n in data["nodes"] if n["id"] == EVIL_ORG)
    assert evil["kb"]["label"] == 'Dinas </script><img src=x onerror="window.__pwned=1"> & <b>Kesehatan</b>'
    assert evil["kb"]["aliases"] == ["line\u2028separator\u2029paragraph 'quote' \"dq\" \\ backslash"]
    person = next(n for n in data["nodes"] if n["id"] == ID + "person/evil-person")
    (ev,) = person["kb"]["evidence"]
    assert ev["title"].startswith("</script><img")
    assert "url" not in ev  # a javascript: address is not kept as a link
    write_html(hostile, path, focus=EVIL_ORG, title="<i>t</i>")  # the label in the page's summary line
    text = path.read_text(encoding="utf-8")
    assert absent("</script><img", text) and absent("<i>t</i>", text)
    assert not absent("ego network of Dinas &lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;", text)


def test_filters_in_python(handmade, tmp_path):
    path = tmp_path / "graph.html"
    report = write_html(handmade, path, years=(2020, 2020))
    ids = {n["id"] for n in data_of(Page(path.read_text(encoding="utf-8")))["nodes"]}
    # only what a 2020 article named, and still related
    assert ids == {PERWAKILAN, ID + "org/bkkbn", ID + "org/pemerintah-provinsi-kalimantan-barat",
                   ID + "place/provinsi-kalimantan-barat", ID + "program/kampung-kb"}
    assert report.nodes == 5
    report = write_html(handmade, path, kinds=["regional-government"])
    ids = {n["id"] for n in data_of(Page(path.read_text(encoding="utf-8")))["nodes"]}
    assert not {PERWAKILAN, ID + "org/bkkbn", ID + "org/bidang-adpin"} & ids
    assert ID + "org/pemerintah-provinsi-kalimantan-barat" in ids
    write_html(handmade, path, province="Kalimantan Barat")
    ids = {n["id"] for n in data_of(Page(path.read_text(encoding="utf-8")))["nodes"] if not n.get("hidden")}
    # what is in West Kalimantan and its neighbours; the national framework and the
    # parent program only touch the Kampung KB program, which has no province
    assert len(ids) == 10 and not {ID + "framework/rpjmn-2015-2019", ID + "program/kkbpk"} & ids


def test_figure_png_svg_pdf(handmade, hostile, tmp_path):
    report = write_static(handmade, tmp_path / "graph.png")
    png = (tmp_path / "graph.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (2100, 1380)  # 7 x 4.6 inches at 300 dpi
    assert (report.nodes, report.edges) == (12, 14)
    write_static(handmade, tmp_path / "a.svg")
    write_static(handmade, tmp_path / "b.svg", "svg")
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    for text in ("BKKBN Kalbar", "BKKBN and its offices (3)", "provincial (3)", "Node area: degree"):
        assert f">{text}<" in svg, text  # labels and legend are text in the SVG
    write_static(handmade, tmp_path / "f.pdf", focus="Muslimat", depth=2)
    assert (tmp_path / "f.pdf").read_bytes()[:5] == b"%PDF-"
    write_static(hostile, tmp_path / "evil.svg")
    evil = (tmp_path / "evil.svg").read_text(encoding="utf-8")
    assert "<img" not in evil and "<script" not in evil and "<svg onload" not in evil
    assert "&lt;/script&gt;&lt;img" in evil  # label text is escaped
    with pytest.raises(InputError, match="a figure is png, svg, pdf, not 'gif'"):
        write_static(handmade, tmp_path / "graph.gif")


def test_cli_viz(handmade, tmp_path, capsys):
    store_dir = tmp_path / "store"
    with open_store(store_dir) as st:
        for g in handmade.graphs():
            if isinstance(g.identifier, URIRef) and len(g) and "/kbgraph/graph/" in str(g.identifier):
                st.replace_graph(g.identifier, g)
    out = tmp_path / "g.html"
    assert main(["viz", "--store", str(store_dir), "--out", str(out), "--max-nodes", "4"]) == 0
    captured = capsys.readouterr()
    assert f"wrote {out}: 4 entities" in captured.out
    assert "kbgraph: note: showing the 4 most central of 12 entities; left out 8" in captured.err
    assert_offline(out.read_text(encoding="utf-8"))
    assert main(["viz", "--store", str(store_dir), "--out", str(tmp_path / "g.svg"), "--format", "svg",
                 "--focus", "Muslimat", "--depth", "2"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["viz", "--store", str(store_dir), "--out", str(tmp_path / "g.pdf"), "--format", "pdf",
                 "--years", "2020", "--kind", "bkkbn", "--size-by", "betweenness"]) == 0
    assert f"wrote {tmp_path / 'g.pdf'}: 4 entities" in capsys.readouterr().out
    assert main(["viz", "--store", str(store_dir), "--out", str(tmp_path / "y.html"), "--years", "20x"]) == 2
    assert "not a year or a range of years" in capsys.readouterr().err
    assert main(["viz", "--store", str(store_dir), "--out", str(tmp_path / "x.html"), "--focus", "Kemenkes"]) == 2
    assert "kbgraph: error: no entity matches --focus 'Kemenkes'" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
    assert main(["viz", "--store", str(tmp_path / "nostore"), "--out", str(tmp_path / "x.html")]) == 2
    assert not (tmp_path / "nostore").exists()
