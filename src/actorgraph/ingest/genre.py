"""Genre: whether a document is news, opinion or a blog post, from metadata or text cues.

In an opinion piece or a blog post, what the author states in their own voice is a claim;
in a news report it is a report. Metadata wins (a JSONL ``genre``, an HTML
``article:section`` of "Opinion"); otherwise the text decides: a comment section or a
"Leave a Reply" makes a blog post, the author writing in the first person makes opinion.

Example:
    >>> genre_from_label("Opinion & Analysis")
    'opinion'
"""

from __future__ import annotations

import re

from actorgraph.records import Block

__all__ = ["GENRES", "genre_from_label", "guess_genre"]

GENRES = ("news", "opinion", "blog")
_OPINION = re.compile(r"\b(opinion|op-ed|oped|editorial|comment(ary)?|column|analysis|views?)\b", re.I)
_BLOG = re.compile(r"\bblog", re.I)
_NEWS = re.compile(r"\b(news|world|politics|middle east|europe|wire|report)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e)\b")
_QUESTION = re.compile(r"\?(\s|$)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Opinion cues per 1,000 words of the author's own text outside quotation marks: first-person
# words, and questions counted twice (news asks none in its own voice). Set by reading the
# samples: news 0, opinion 8-20.
OPINION_CUES_PER_1000 = 4.0


def genre_from_label(label: str | None) -> str | None:
    """Map a metadata label ("Opinion", "Middle East News", "blog") to a genre."""
    if not label:
        return None
    if label.lower() in GENRES:
        return label.lower()
    if _OPINION.search(label):
        return "opinion"
    if _BLOG.search(label):
        return "blog"
    if _NEWS.search(label):
        return "news"
    return None


def guess_genre(text: str, blocks: tuple[Block, ...]) -> str:
    """The genre the text itself shows: comments -> blog, first person -> opinion, else news."""
    if any(b.voice == "comment" for b in blocks) or re.search(r"(?im)^\s*leave a (reply|comment)\s*$", text):
        return "blog"
    own = " ".join(_QUOTED.sub(" ", text[b.start : b.end]) for b in blocks if b.voice == "author")
    words = max(len(own.split()), 1)
    cues = len(_FIRST_PERSON.findall(own)) + 2 * len(_QUESTION.findall(own))
    if cues * 1000 / words >= OPINION_CUES_PER_1000:
        return "opinion"
    return "news"
