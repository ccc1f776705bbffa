"""HTML pages: boilerplate dropped, quotes and comments voiced, title and date read."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph.ingest.html import parse_html


def blocks(markup: str) -> list[tuple[str, str | None, int, str]]:
    page = parse_html(markup)
    return [(b.voice, b.speaker, b.depth, page.text[b.start:b.end]) for b in page.blocks]


def texts(markup: str) -> list[str]:
    return [t for *_, t in blocks(markup)]


COMMENT_LIST = """
<ol class="comment-list">
 <li id="comment-1" class="comment even thread-even depth-1 parent">
  <article class="comment-body">
   <footer class="comment-meta">
    <div class="comment-author vcard"><cite class="fn">Layla H.</cite>
     <span class="says">says:</span></div>
    <div class="comment-metadata"><a href="#c1">
     <time datetime="2024-06-08T10:14:00+00:00">June 8, 2024</time></a></div>
   </footer>
   <div class="comment-content"><p>The tribes are not tools of Damascus.</p></div>
   <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
  </article>
  <ol class="children">
   <li id="comment-2" class="comment byuser odd alt depth-2">
    <article class="comment-body">
     <footer class="comment-meta">
      <div class="comment-author vcard"><cite class="fn">Omar</cite>
     <span class="says">says:</span></div>
     </footer>
     <div class="comment-content"><p>Agreed, the elders refused the offer.</p></div>
     <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
    </article>
   </li>
  </ol>
 </li>
 <li id="comment-3" class="comment even thread-odd depth-1">
  <article class="comment-body">
   <footer class="comment-meta">
    <div class="comment-author vcard"><cite class="fn">Mark T.</cite>
     <span class="says">says:</span></div>
   </footer>
   <div class="comment-content"><p>Kataib Hezbollah threatened US bases.</p></div>
  </article>
 </li>
</ol>"""

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Three Wars on One Riverbank &#8211; Euphrates Notebook</title>
<meta property="article:published_time" content="2024-06-08T07:30:00+00:00">
<script>var tracking = "do-not-keep";</script>
<style>p {{ color: red; }}</style>
</head>
<body>
<header id="site-header"><div class="site-title">Euphrates Notebook</div></header>
<nav class="primary-menu"><ul><li>Home</li><li>About</li></ul></nav>
<main>
<article class="post">
 <h1 class="entry-title">Three Wars on One Riverbank</h1>
 <div class="entry-content">
  <p>Iranian-backed militias attacked American troops.</p>
  <blockquote><p>US warplanes struck three depots near Albu Kamal.</p>
   <cite>Reuters</cite></blockquote>
  <p>I doubt that one meeting will be enough.</p>
  <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3>
   <ul><li class="share-twitter">Share on X</li><li class="share-email">Email</li></ul></div>
  <script>alert(1)</script>
 </div>
</article>
<aside class="widget-area"><p>Recent posts: something else</p></aside>
<div id="comments" class="comments-area">
 <h2 class="comments-title">3 thoughts on this</h2>
 {COMMENT_LIST}
 <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
  <form><p><textarea>type here</textarea></p></form></div>
</div>
</main>
<footer id="site-footer"><p>Copyright 2024 Euphrates Notebook</p></footer>
</body></html>"""


def test_full_page_blocks() -> None:
    assert blocks(PAGE) == [
        ("author", None, 0, "Three Wars on One Riverbank"),
        ("author", None, 0, "Iranian-backed militias attacked American troops."),
        ("quoted", "Reuters", 0, "US warplanes struck three depots near Albu Kamal."),
        ("author", None, 0, "I doubt that one meeting will be enough."),
        ("comment", "Layla H.", 1, "The tribes are not tools of Damascus."),
        ("comment", "Omar", 2, "Agreed, the elders refused the offer."),
        ("comment", "Mark T.", 1, "Kataib Hezbollah threatened US bases."),
    ]


def test_title_and_published_date() -> None:
    page = parse_html(PAGE)
    assert page.title == "Three Wars on One Riverbank – Euphrates Notebook"
    assert page.published == dt.date(2024, 6, 8)


@pytest.mark.parametrize(
    "dropped",
    ["Home", "About", "Euphrates Notebook", "Share this:", "Share on X", "Recent posts",
     "Copyright", "Leave a Reply", "type here", "alert(1)", "do-not-keep", "color: red",
     "says:", "Reply"],
)
def test_boilerplate_is_dropped(dropped: str) -> None:
    assert dropped not in parse_html(PAGE).text


@pytest.mark.parametrize(
    "widget",
    [
        '<nav><p>Menu item</p></nav>',
        '<footer><p>Menu item</p></footer>',
        '<aside><p>Menu item</p></aside>',
        '<header><p>Menu item</p></header>',
        '<form><p>Menu item</p></form>',
        '<div class="share-buttons"><p>Menu item</p></div>',
        '<div class="social-links"><a>Menu item</a></div>',
        '<div id="related-posts"><p>Menu item</p></div>',
        '<div class="newsletter"><p>Menu item</p></div>',
        '<div class="sharedaddy sd-sharing-enabled"><a>Menu item</a></div>',
        '<ul class="addtoany_share_save_container"><li>Menu item</li></ul>',
        '<noscript><p>Menu item</p></noscript>',
    ],
)
def test_widgets_are_dropped(widget: str) -> None:
    markup = (f"<html><body><p>Russia bombed Idlib.</p>{widget}<p>Iran condemned it.</p>"
              "</body></html>")
    assert texts(markup) == ["Russia bombed Idlib.", "Iran condemned it."]


@pytest.mark.parametrize(
    ("cite", "speaker"),
    [("<cite>Reuters</cite>", "Reuters"), ("<footer><cite>— The BBC</cite></footer>", "The BBC"),
     ("", None)],
)
def test_blockquote_is_quoted_with_its_cite_as_speaker(cite: str, speaker: str | None) -> None:
    markup = f"<p>Kept.</p><blockquote><p>Iran condemned the raid.</p>{cite}</blockquote>"
    assert blocks(markup) == [
        ("author", None, 0, "Kept."),
        ("quoted", speaker, 0, "Iran condemned the raid."),
    ]


def test_bare_text_blockquote_is_quoted() -> None:
    assert blocks("<p>Kept.</p><blockquote>Said. <cite>AP</cite></blockquote>") == [
        ("author", None, 0, "Kept."),
        ("quoted", "AP", 0, "Said."),
    ]


def test_wordpress_comment_list_without_article_wrapper() -> None:
    markup = f"<html><body><p>The post body.</p>{COMMENT_LIST}</body></html>"
    assert blocks(markup) == [
        ("author", None, 0, "The post body."),
        ("comment", "Layla H.", 1, "The tribes are not tools of Damascus."),
        ("comment", "Omar", 2, "Agreed, the elders refused the offer."),
        ("comment", "Mark T.", 1, "Kataib Hezbollah threatened US bases."),
    ]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta property="article:published_time" content="2024-06-08T07:30:00+00:00">',
         dt.date(2024, 6, 8)),
        ('<meta property="og:published_time" content="2023-01-02">', dt.date(2023, 1, 2)),
        ('<meta name="pubdate" content="2022-12-31">', dt.date(2022, 12, 31)),
        ('<meta itemprop="datePublished" content="2021-05-06">', dt.date(2021, 5, 6)),
        ('<meta property="article:published_time" content="not a date">', None),
        ('<meta property="article:published_time" content="2024-02-30">', None),
        ('<meta name="author" content="someone">', None),
    ],
)
def test_published_from_meta(meta: str, expected: dt.date | None) -> None:
    page = parse_html(f"<html><head>{meta}</head><body><p>Body.</p></body></html>")
    assert page.published == expected


def test_published_from_time_element_when_no_meta() -> None:
    page = parse_html('<p>Posted <time datetime="2024-04-10T08:00:00Z">today</time></p>')
    assert page.published == dt.date(2024, 4, 10)


@pytest.mark.parametrize(
    ("markup", "title"),
    [("<html><head><title>  Syria\n  talks </title></head><body><p>x</p></body></html>",
      "Syria talks"),
     ("<html><body><p>x</p></body></html>", None),
     ("<html><head><title></title></head><body><p>x</p></body></html>", None)],
)
def test_title(markup: str, title: str | None) -> None:
    assert parse_html(markup).title == title


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<p>Hello</p><script>alert(1)</script><p>World</p>",
        "<html><head><script>alert(1)</script></head><body><p>Hello</p></body></html>",
        "<div>Hello <script>alert(1)</script> world</div>",
        "<article><p>Hello</p><script>alert(1)</script></article>",
    ],
)
def test_script_text_never_reaches_blocks(markup: str) -> None:
    page = parse_html(markup)
    assert "alert" not in page.text
    assert all("alert" not in page.text[b.start:b.end] for b in page.blocks)


@pytest.mark.parametrize(
    "markup",
    ["<p>Hello <script>alert(1)</script> world</p>",
     "<p>Hello <style>.alert { color: red }</style> world</p>"],
    ids=["script-in-p", "style-in-p"],
)
def test_script_inside_a_paragraph_is_dropped(markup: str) -> None:
    page = parse_html(markup)
    assert "alert" not in page.text
    assert page.text == "Hello world"


def test_blocks_index_the_text_and_are_separated_by_blank_lines() -> None:
    page = parse_html(PAGE)
    for n, b in enumerate(page.blocks):
        assert b.index == n
        assert page.text[b.start:b.end].strip() == page.text[b.start:b.end]
    assert page.text == "\n\n".join(page.text[b.start:b.end] for b in page.blocks)


@pytest.mark.parametrize("markup", ["", "<html></html>", "<nav>Menu</nav>", "<p> </p>"])
def test_pages_without_content_have_no_blocks(markup: str) -> None:
    page = parse_html(markup)
    assert page.blocks == ()
    assert page.text == ""


@pytest.mark.parametrize("markup", ["   ", "<!-- draft -->", "<!DOCTYPE html>"],
                         ids=["whitespace", "comment-only", "doctype-only"])
def test_markup_with_no_element_has_no_blocks(markup: str) -> None:
    page = parse_html(markup)
    assert page.blocks == ()
    assert page.text == ""


DISQUS = """<html><body><article><p>Turkish jets struck PKK positions in northern Iraq.</p></article>
<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-1"><div class="post-content">
  <header class="comment__header"><span class="post-byline"><span class="author">Kawa R.</span></span>
   <span class="post-meta"><a class="time-ago">2 days ago</a></span></header>
  <div class="post-body-inner"><div class="post-message"><p>Ankara will keep bombing Qandil.</p></div></div>
 </div>
 <ul class="children"><li class="post" id="post-2"><div class="post-content">
  <header><span class="post-byline"><span class="author">Deniz</span></span></header>
  <div class="post-message"><p>The PKK attacked first.</p></div></div></li></ul>
 </li>
</ul></div></body></html>"""


def test_disqus_comment_threads() -> None:
    page = parse_html(DISQUS)
    got = [(b.voice, b.depth, b.speaker, page.text[b.start:b.end]) for b in page.blocks]
    assert got == [
        ("author", 0, None, "Turkish jets struck PKK positions in northern Iraq."),
        ("comment", 1, "Kawa R.", "Ankara will keep bombing Qandil."),
        ("comment", 2, "Deniz", "The PKK attacked first."),
    ]
