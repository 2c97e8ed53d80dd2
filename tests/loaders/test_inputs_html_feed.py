"""HTML pages through trafilatura, RSS and Atom feeds through feedparser."""

from __future__ import annotations

from pathlib import Path

from inputs_helpers import Read

from sinograph.loaders.inputs import detect_format

PAGE = """<!DOCTYPE html>
<html><head>
<title>Lenovo lists in Saudi Arabia | Gulf Desk</title>
<meta property="og:title" content="Lenovo opens a regional base in Riyadh">
<meta property="og:site_name" content="Gulf Desk">
<meta property="article:published_time" content="2024-05-29T10:00:00+03:00">
<link rel="canonical" href="https://example.org/lenovo-riyadh">
</head><body>
<nav><a href="/">Home</a> | <a href="/tech">Tech</a> | <a href="/markets">Markets</a></nav>
<article>
<h1>Lenovo opens a regional base in Riyadh</h1>
<p>Lenovo Group agreed to sell $2 billion of convertible bonds to Alat, a company owned by
Saudi Arabia's Public Investment Fund, and to build a regional headquarters in Riyadh.</p>
<p>The Chinese computer maker said it would also open a factory in the kingdom that will make
millions of computers and servers a year from 2026.</p>
</article>
<aside>Read more: unrelated links and advertising.</aside>
<footer>Copyright notice</footer>
</body></html>
"""


def test_html_page_text_and_metadata(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "lenovo.html"
    path.write_text(PAGE, encoding="utf-8")

    [story], problems = read(path, publisher="Caller", published="2030-01-01")

    assert problems == []
    assert story.title == "Lenovo opens a regional base in Riyadh"
    assert story.publisher == "Gulf Desk"
    assert story.published == "2024-05-29"
    assert story.url == "https://example.org/lenovo-riyadh"
    assert story.text.startswith("Lenovo Group agreed to sell $2 billion")
    assert "factory in the kingdom" in story.text
    assert "Home" not in story.text and "Copyright" not in story.text


def test_html_without_metadata_takes_the_callers_values(tmp_path: Path, read: Read) -> None:
    bare = (
        "<html><body><article><p>(Reuters) - Lenovo Group agreed to sell convertible bonds "
        "to a fund owned by Saudi Arabia and will build a factory in Riyadh that makes "
        "computers and servers.</p></article></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_text(bare)

    [story], _ = read(path, published="2024-05-29")

    assert (story.publisher, story.published) == ("Reuters", "2024-05-29")


def test_html_page_without_article_text_is_a_problem(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")

    stories, [problem] = read(path)

    assert stories == []
    assert problem.message == "no article text found in the HTML page"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Auto Desk</title>
<item>
<title>Chery files for Hong Kong listing</title>
<link>https://example.org/chery</link>
<pubDate>Fri, 30 May 2025 09:00:00 +0800</pubDate>
<description>&lt;p&gt;Chery Automobile filed to list its shares in
&lt;b&gt;Hong Kong&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item>
<title>Leapmotor sells a stake to Stellantis</title>
<link>https://example.org/leapmotor</link>
<pubDate>not a real date at all</pubDate>
<description>Stellantis bought about a fifth of Leapmotor.</description>
</item>
<item>
<title>Empty item</title>
<link>https://example.org/empty</link>
</item>
<item>
<title>Seres buys the AITO brand from Huawei</title>
<source url="https://example.org/other">Other Desk</source>
<description>Seres agreed to pay Huawei for the AITO trademarks.</description>
</item>
</channel></rss>
"""


def test_rss_items_become_stories_and_bad_items_are_reported(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "autos.rss"
    path.write_text(RSS, encoding="utf-8")

    stories, problems = read(path, published="2025-06-01")

    assert [(s.origin, s.title, s.publisher, s.published) for s in stories] == [
        (f"{path}#item 1", "Chery files for Hong Kong listing", "Auto Desk", "2025-05-30"),
        (f"{path}#item 4", "Seres buys the AITO brand from Huawei", "Other Desk", "2025-06-01"),
    ]
    assert stories[0].text == "Chery Automobile filed to list its shares in Hong Kong."
    assert stories[0].url == "https://example.org/chery"
    assert [(p.origin, p.message) for p in problems] == [
        (
            f"{path}#item 2",
            "bad date 'not a real date at all' in the item's published/updated; item skipped",
        ),
        (f"{path}#item 3", "item has no summary or content text"),
    ]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Battery Desk</title>
<entry>
<title>Gotion plans a plant in Morocco</title>
<link href="https://example.org/gotion"/>
<updated>2024-06-03T08:00:00Z</updated>
<content type="html">&lt;p&gt;Gotion High-Tech will build a battery factory
in Morocco.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_atom_entries_are_read_too(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "battery.xml"
    path.write_text(ATOM)

    [story], problems = read(path)

    assert problems == []
    assert (story.title, story.publisher, story.published) == (
        "Gotion plans a plant in Morocco",
        "Battery Desk",
        "2024-06-03",
    )
    assert story.text == "Gotion High-Tech will build a battery factory in Morocco."
    assert detect_format(path) == "feed"


def test_a_broken_feed_is_one_problem(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Half")

    stories, [problem] = read(path)

    assert stories == []
    assert problem.origin == str(path)
    assert "feed" in problem.message


def test_formats_are_sniffed_when_the_extension_says_nothing(tmp_path: Path) -> None:
    cases = {
        "page": PAGE,
        "feed": RSS,
        "lines": '{"title": "x", "body": "y"}\n',
        "export": '{"entities": [], "facts": []}',
        "plain": "Title\nSome text.",
    }
    for name, content in cases.items():
        (tmp_path / name).write_text(content)

    found = {name: detect_format(tmp_path / name) for name in cases}

    assert found == {
        "page": "html",
        "feed": "feed",
        "lines": "jsonl",
        "export": "json-graph",
        "plain": "text",
    }


def test_an_html_page_in_gbk_is_decoded_by_its_meta_charset(tmp_path: Path, read: Read) -> None:
    page = (
        '<html><head><meta charset="gbk"><title>比亚迪在匈牙利建厂</title></head><body>'
        "<article><p>比亚迪表示，这座位于塞格德的工厂将生产面向欧洲市场的电动汽车。"
        "公司还在土耳其建设另一座工厂，以降低欧盟关税带来的影响。</p></article></body></html>"
    )
    path = tmp_path / "byd.html"
    path.write_bytes(page.encode("gbk"))

    [story], problems = read(path)

    assert problems == []
    assert story.title == "比亚迪在匈牙利建厂"
    assert story.text.startswith("比亚迪表示，这座位于塞格德的工厂")
