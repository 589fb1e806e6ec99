"""Direct quotations in an article: the quoted words, who said them, who relayed them.

`extract_quotes` is the pipeline stage; `find_quotes` works on one text with offsets so
evaluation can score the very same logic. It must never quote a heading, invent a speaker
that is not written in the text, or let an unclosed quote mark swallow the rest of a text.
"""

from __future__ import annotations

import re

from generator.analysis.quotes import speakers, verbs
from generator.analysis.quotes.attribution import Attribution, attribute
from generator.analysis.quotes.cues import CUE
from generator.analysis.quotes.marks import Span, find_spans, masked, paragraphs, sentence_bounds
from generator.analysis.quotes.speakers import Mention
from generator.analysis.quotes.words import PERSON_PRONOUNS, TITLE_WORDS
from generator.models import Article, Quote, QuoteKind

_HEADLINE_WORD_CHARS = 4
_HEADLINE_MIN_WORDS = 3
HEADLINE_SHARE = 0.8
"""Share of capitalised longer words that makes a paragraph a headline (chosen on data, cross-validated)."""
_FULL_LEAD = ':.!?;—–("”’'
LOOKBACK_SUBJECTS = 12
"""How many named subjects back a pronoun may reach (chosen on data, cross-validated)."""


def _kind(text: str, span: Span) -> QuoteKind:
    """'full' when the quote starts a sentence of speech, 'fragment' inside the writer's own."""
    quoted = text[span.start : span.end].lstrip("…. ")
    if not quoted[:1].isupper() and not quoted[:1].isdigit():
        return "fragment"
    before = text[span.para_start : span.start - 1].rstrip()
    if not before or before[-1] in _FULL_LEAD:
        return "full"
    if before[-1] == "," and (CUE.search(before[-40:]) or verbs.VERB.fullmatch(before[:-1].split()[-1])):
        return "full"
    return "fragment"


def _antecedents(text: str, plain: str, spans: list[Span]) -> list[tuple[int, str, bool]]:
    """Named subjects of sentences and of cue verbs outside quotes, as (offset, name, person)."""
    found: list[tuple[int, str, bool]] = []
    for ps, pe in paragraphs(text):
        start = ps
        while start < pe:
            _, end = sentence_bounds(plain, ps, pe, start)
            lead = speakers.leading_subject(text, start, end)
            if lead and lead.name:
                found.append((lead.start, lead.name, lead.is_person))
            for cue in CUE.finditer(plain, start, end):
                subject = speakers.subject_before(text, start, cue.start())
                if subject and subject.name:
                    found.append((subject.start, subject.name, subject.is_person))
            start = end + 1
    found = [f for f in found if not any(q.start <= f[0] < q.end for q in spans)]
    people = {n.split()[-1] for _, n, person in found if person and " " in n}
    return sorted((pos, n, person or n.split()[-1] in people) for pos, n, person in found)


def _resolve(mention: Mention, candidates: list[tuple[int, str, bool]]) -> str | None:
    """The name a pronoun or a role noun stands for: the last fitting subject before it."""
    word = mention.written.lower()
    titled = word.split()[-1] in TITLE_WORDS
    if not mention.is_pronoun and not titled:
        return None
    person = word in PERSON_PRONOUNS or titled
    earlier = [c for c in candidates if c[0] < mention.start][-LOOKBACK_SUBJECTS:]
    for _, name, is_person in reversed(earlier):
        if is_person or not person:
            return name
    return None


def _speaker(mention: Mention | None, candidates: list[tuple[int, str, bool]]) -> str | None:
    """The speaker to show: the name, the resolved antecedent, or the words as written."""
    if mention is None:
        return None
    if mention.name:
        return mention.name
    return _resolve(mention, candidates) or mention.written


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every quotation in one text with its speaker, relaying outlet and offsets.

    Quotes from `extract_quotes` carry offsets into the article's paragraphs joined by blank
    lines, so a pronoun can be resolved across paragraphs.
    """
    spans = find_spans(text)
    plain = masked(text, spans)
    pars = paragraphs(text)
    candidates = _antecedents(text, plain, spans)
    quotes: list[Quote] = []
    previous: tuple[Span, Attribution] | None = None
    for span in spans:
        idx = pars.index((span.para_start, span.para_end))
        heading = _headline(text[span.para_start : span.para_end])
        found = None if heading else attribute(text, plain, span, pars[idx - 1] if idx else None)
        if found is None and previous and _continues(text, previous[0], span, pars):
            found = previous[1]
        mention = found.mention if found else None
        quotes.append(
            Quote(
                text=text[span.start : span.end],
                speaker=_speaker(mention, candidates),
                via=found.via if found else None,
                kind=_kind(text, span),
                start=span.start,
                end=span.end,
                speaker_start=mention.start if mention else -1,
                speaker_end=mention.end if mention else -1,
            )
        )
        if found:
            previous = (span, found)
        if mention and mention.name:
            candidates = sorted(candidates + [(mention.start, mention.name, mention.is_person)])
    return tuple(quotes)


def _headline(paragraph: str) -> bool:
    """A headline-shaped paragraph (most longer words capitalised): its quotes are a heading's, unattributed."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", paragraph) if len(w) >= _HEADLINE_WORD_CHARS]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= _HEADLINE_MIN_WORDS and capitalised >= HEADLINE_SHARE * len(words)


def _continues(text: str, prev: Span, span: Span, pars: list[tuple[int, int]]) -> bool:
    """Whether an unattributed quote carries on the previous quote's speech."""
    if prev.para_start == span.para_start:
        return _kind(text, span) == "full"
    idx = pars.index((span.para_start, span.para_end))
    opens_par = not text[span.para_start : span.start - 1].strip()
    return prev.continued and idx > 0 and pars[idx - 1][0] == prev.para_start and opens_par


def reported_span(text: str, quote: Quote) -> tuple[int, int]:
    """The reported content carrying a quote: the quote with its marks when full, else its
    clause, from the end of the cue or speaker before it to the sentence end (or the speaker)."""
    if quote.kind == "full":
        return max(0, quote.start - 1), min(len(text), quote.end + 1)
    spans = find_spans(text)
    plain = masked(text, spans)
    ps = text.rfind("\n", 0, quote.start) + 1
    pe = text.find("\n", quote.end)
    pe = len(text) if pe < 0 else pe
    start, _ = sentence_bounds(plain, ps, pe, quote.start)
    _, end = sentence_bounds(plain, ps, pe, quote.end)
    if start <= quote.speaker_start and quote.speaker_end <= quote.start:
        start = quote.speaker_end
    elif quote.end < quote.speaker_start < end:
        end = quote.speaker_start
    cues = list(CUE.finditer(plain, start, quote.start))
    start = cues[-1].end() if cues else start
    that = re.match(r"\s*(?:that\b)?\s*", plain[start:])
    return start + (that.end() if that else 0), end


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Quotations in an article's paragraphs (never its headings), in order, deduplicated."""
    body = "\n\n".join(article.paragraphs)
    seen: set[tuple[str, str | None]] = set()
    quotes: list[Quote] = []
    for quote in find_quotes(body):
        key = (" ".join(quote.text.split()).strip(" ,."), quote.speaker)
        if key not in seen:
            seen.add(key)
            quotes.append(quote)
    return tuple(quotes)
