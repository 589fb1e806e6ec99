"""Pure: which language an article is in, and whether Briefing can summarise it.

Detection counts the share of each language's stop words (the lists sumy ships) among
the words, and the share of letters in scripts those lists don't cover. Never fetches data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from sumy.utils import get_stop_words

SUMMARISABLE = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "cs": "czech",
    "pl": "polish",
    "el": "greek",
    "sv": "swedish",
    "uk": "ukrainian",
    "ar": "arabic",
}
"""Language codes sumy has both a stemmer and stop words for, to sumy's language names."""

NAMES = {
    **{code: name.capitalize() for code, name in SUMMARISABLE.items()},
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "th": "Thai",
    "he": "Hebrew",
    "sk": "Slovak",
    "ru": "Russian",
}
_STOP_LISTS = {**SUMMARISABLE, "sk": "slovak"}
_SCRIPTS = (("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("THAI", "th"), ("HEBREW", "he"))
_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_SHARE = 0.08


@cache
def _stop_words(name: str) -> frozenset[str]:
    return frozenset(get_stop_words(name))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it can't tell."""
    sample = text[:20_000]
    script = _script_language(sample)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return None
    shares = {code: sum(w in _stop_words(name) for w in words) / len(words) for code, name in _STOP_LISTS.items()}
    best = max(sorted(shares), key=lambda code: shares[code])
    if shares[best] < _MIN_SHARE:
        return None
    return best


def code_for(name: str) -> str:
    """The language code for one of sumy's language names (`english` → `en`)."""
    return next((code for code, known in SUMMARISABLE.items() if known == name.lower()), name.lower()[:2])


def normalise_code(lang: str | None) -> str | None:
    """`en-GB`, `EN`, `en_US` → `en`; None stays None."""
    if not lang:
        return None
    return re.split(r"[-_]", lang.strip().lower())[0] or None


def _script_language(sample: str) -> str | None:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for ch in letters[:5000]:
        name = unicodedata.name(ch, "")
        for marker, code in _SCRIPTS:
            if name.startswith(marker):
                counts[code] = counts.get(code, 0) + 1
                break
        else:
            if name.startswith("CYRILLIC"):
                counts["cyrillic"] = counts.get("cyrillic", 0) + 1
    if "cyrillic" in counts:
        counts["uk" if re.search(r"[іїєґ]", sample, re.IGNORECASE) else "ru"] = counts.pop("cyrillic")
    if not counts:
        return None
    code = max(sorted(counts), key=lambda c: counts[c])
    if counts.get("ja") and code == "zh":
        code = "ja"  # Japanese mixes kanji with kana
    return code if sum(counts.values()) / min(len(letters), 5000) > 0.3 else None
