"""HTML pages to text blocks with voices, using the page's own structure.

Scripts, navigation, headers, footers, forms, asides and share/related widgets are dropped;
``<blockquote>`` is quoted voice (its ``<cite>`` names the speaker); comment lists of the
common blog engines (WordPress ``li.comment``, Disqus ``#disqus_thread``) are comment voice
with their reply depth and commenter.

Example:
    >>> page = parse_html("<p>Kept.</p><nav>Menu</nav><blockquote>Said.</blockquote>")
    >>> [(b.voice, page.text[b.start:b.end]) for b in page.blocks]
    [('author', 'Kept.'), ('quoted', 'Said.')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from actorgraph.records import Block, Voice

__all__ = ["HtmlPage", "parse_html"]

_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "aside",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "template",
    "menu",
}
_BOILERPLATE_ATTR = re.compile(
    r"(^|[\s_-])(share|sharing|social|related|subscribe|newsletter|nav|navigation|menu|sidebar|"
    r"widget|footer|breadcrumbs?|comment-respond|respond|reply|cookie|advert|ads?|promo|"
    r"byline|meta|tags|comment-meta|comment-metadata|reply-title|comments-title)([\s_-]|$)",
    re.IGNORECASE,
)
_COMMENT_ATTR = re.compile(r"(^|\s)(comment|depth-\d+|disqus|post-comment)(\s|$)", re.IGNORECASE)
# Inside a comment section, Disqus marks each comment <li class="post">.
_COMMENT_ITEM = re.compile(r"(^|\s)(comment|depth-\d+|post)(\s|$)", re.IGNORECASE)
_CONTAINER_TAGS = {
    "div",
    "article",
    "section",
    "ol",
    "ul",
    "blockquote",
    "main",
    "table",
    "tbody",
    "tr",
    "dl",
    "figure",
}
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "caption",
}
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "DC.date.issued",
    "sailthru.date",
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    blocks: tuple[Block, ...]
    title: str | None
    published: dt.date | None
    section: str | None = None  # article:section and the like: "Opinion", "World News"


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_boilerplate(el: HtmlElement) -> bool:
    if el.tag in _DROP_TAGS:
        return True
    attrs = _classes(el)
    # Comment containers carry "reply" and "meta" words in their class lists: keep them.
    return bool(_BOILERPLATE_ATTR.search(attrs)) and not _COMMENT_ATTR.search(el.get("class", ""))


def _comment_depth(el: HtmlElement) -> int:
    m = re.search(r"depth-(\d+)", el.get("class", ""))
    if m:
        return int(m.group(1))
    depth = 0
    for anc in el.iterancestors():
        if anc.tag == "li" and _COMMENT_ITEM.search(anc.get("class", "")):
            depth += 1
    return depth + 1


def _commenter(el: HtmlElement) -> str | None:
    for node in el.iter():
        cls = node.get("class", "") if isinstance(node.tag, str) else ""
        if re.search(r"\b(fn|comment-author|author-name|username|author)\b", cls):
            name = " ".join(node.text_content().split())
            return name.removesuffix(" says").removesuffix(" says:") or None
    return None


class _Walker:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.pos = 0

    def add(self, text: str, voice: Voice, speaker: str | None, depth: int) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        self.parts.append(text)
        self.blocks.append(Block(len(self.blocks), self.pos, self.pos + len(text), voice, speaker, depth))
        self.pos += len(text)

    def walk(self, el: HtmlElement, voice: Voice, speaker: str | None, depth: int) -> None:
        if not isinstance(el.tag, str) or _is_boilerplate(el):
            return
        tag = el.tag.lower()
        if tag == "blockquote" and voice != "comment":
            cite = el.find(".//cite")
            if cite is not None:
                speaker = " ".join(cite.text_content().split()).lstrip("—–- ") or None
                cite.drop_tree()
            voice = "quoted"
        elif (
            voice != "comment"
            and (tag == "li" or tag == "div")
            and _COMMENT_ATTR.search(el.get("class", "") + " " + el.get("id", ""))
            and "comments" not in el.get("id", "")
            and "comment-list" not in el.get("class", "")
        ):
            voice, depth, speaker = "comment", _comment_depth(el), _commenter(el)
        elif voice == "comment" and tag == "li" and _COMMENT_ITEM.search(el.get("class", "")):
            depth, speaker = _comment_depth(el), _commenter(el)
        if voice == "comment" and re.search(
            r"\b(fn|comment-author|vcard|comment-meta|"
            r"commentmetadata|reply)\b",
            el.get("class", ""),
        ):
            return
        if tag in _BLOCK_TAGS and not any(
            isinstance(c.tag, str) and c.tag in _BLOCK_TAGS | _CONTAINER_TAGS for c in el.iterdescendants()
        ):
            self.add(el.text_content(), voice, speaker, depth)
            return
        # Text directly inside a container (a <div> with bare text) is a block of its own.
        if el.text and el.text.strip():
            self.add(el.text, voice, speaker, depth)
        for child in el:
            self.walk(child, voice, speaker, depth)
            if child.tail and child.tail.strip():
                self.add(child.tail, voice, speaker, depth)


def _published(root: HtmlElement) -> dt.date | None:
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key in _DATE_META and meta.get("content"):
            return _iso_date(meta.get("content", ""))
    for t in root.iter("time"):
        if t.get("datetime"):
            return _iso_date(t.get("datetime", ""))
    return None


def _iso_date(value: str) -> dt.date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse_html(markup: str) -> HtmlPage:
    """Extract the content blocks, title and publication date of an HTML page."""
    # lxml refuses a str that declares its encoding ("<?xml ... encoding=...?>", XHTML pages):
    # the text is decoded already, so the declaration says nothing more.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        # Nothing but whitespace, a comment or a doctype: a page with no content.
        return HtmlPage("", (), None, None)
    # Script and style text is never content, wherever it sits (even inside a <p>).
    for el in list(root.iter("script", "style", "noscript", "template")):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:  # the text after the element stays where it was
            # Control characters the parser let through cannot go back into the tree.
            tail = _XML_UNSAFE.sub(" ", el.tail)
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
    title_el = root.find(".//title")
    title = " ".join(str(title_el.text or "").split()) if title_el is not None else None
    published = _published(root)
    section = next(
        (
            m.get("content")
            for m in root.iter("meta")
            if (m.get("property") or m.get("name") or "") in ("article:section", "section", "og:type")
            and m.get("content")
            and m.get("content") != "article"
        ),
        None,
    )
    body = root.find(".//body")
    main = body if body is not None else root
    articles = main.findall(".//article")
    walker = _Walker()
    if len(articles) == 1:
        walker.walk(articles[0], "author", None, 0)
        # Comment sections usually sit outside <article>.
        for el in main.iter():
            is_comments = isinstance(el.tag, str) and re.search(
                r"\b(comments|disqus_thread)\b", el.get("id", "")
            )
            if is_comments and not any(a is articles[0] for a in el.iterancestors()):
                walker.walk(el, "comment", None, 1)
    else:
        walker.walk(main, "author", None, 0)
    return HtmlPage("".join(walker.parts), tuple(walker.blocks), title or None, published, section)
