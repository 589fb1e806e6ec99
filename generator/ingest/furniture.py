"""Rules, as data, that recognise publisher furniture and metadata lines in pasted articles.

Cues describe the *kind* of line (a copyright notice, a newsletter prompt, a photo credit,
a byline), never the sentences of any one site. Pure: patterns and predicates only.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Lines that are furniture wherever they stand, as long as they are short: credits, notices, prompts.
ANYWHERE = tuple(
    re.compile(p, _I)
    for p in (
        r"^(?:copyright\b|©|\(c\)\s*\d{4})",
        r"\ball rights reserved\b",
        r"^(?:image|photo|picture|pictured|photograph|video|caption|illustration)s?\b\s*(?::|-|–|—|credit)",
        r"\b(?:photo|image|picture)?\s*credits?\s*:",
        r"^(?:photo|image|picture)s?\s*(?:by|courtesy)\b",
        r"\b(?:getty images|shutterstock|alamy|afp via getty|ap photo|epa-efe)\b|\breuters/(?-i:[A-Z][a-z]+ [A-Z])",
        r"^(?:read|see) (?:more|also|next)\b|^(?:related|recommended|more on this)\b",
        r"^advertisement\b|^sponsored\b|^(?:\d+\s+)?min(?:ute)?s? read\b|\b\d+\s+min(?:ute)?s? read$",
        r"^thank you for (?:reading|taking the time|your support)",
        r"^(?:written|words|reporting|edited|additional reporting) by\b",
        r"^(?:about the author|author|by)\s*:?$",
        r"^\d*\s*comments?\b|^(?:leave a|add a|view|show) comments?\b|^join the (?:conversation|discussion)\b",
        r"\b(?:log ?in|sign in|register|create an account) to (?:comment|reply|continue reading)\b",
        r"\b(?:click|tap) here\b|\bdownload (?:our|the) app\b",
        r"\bread our (?:editorial|privacy|terms|code)\b|\beditorial (?:charter|standards|policy)\b",
        r"\bcookies?\b.*\b(?:accept|consent|settings|policy)\b",
        r"[\w.+-]+@[\w-]+\.[\w.]+",
        # Credits and notices about the article itself, not its news.
        r"\bcontributed (?:reporting )?to (?:this|the) (?:report|article|story)\b|\bcontributed reporting\b",
        r"\bthis (?:article|story) (?:appears|appeared|was (?:first |originally )?(?:published|posted))\b",
        r"^by (?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}),?\s+(?:[\w-]+\s+){0,3}"
        r"(?:editor|reporter|correspondent|writer|journalist|author|contributor|columnist)\b",
        # A writer's bio: a full name, then what the writer is or covers.
        r"^(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+(?:is|has been) (?:an? |the )(?:[\w-]+ ){0,4}"
        r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)\b",
        r"^(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+"
        r"(?:has (?:covered|written about|reported on)|covers|writes about)\b",
    )
)

# Words of prompts that news prose uses too ("the newsletter said"): a line with one is furniture
# when it speaks to the reader, is not prose, or stands after the article.
TOPICAL = tuple(
    re.compile(p, _I)
    for p in (
        r"^(?:image|photo|picture|pictured|photograph|video|caption|illustration)s?\b\s*of\b",
        r"\b(?:sign|signing) up\b.*\b(?:newsletter|updates|alerts|email)",
        r"\bsubscri(?:be|ption|bers? only)\b",
        r"\bnewsletters?\b",
        r"\bfollow us\b|\bfollow (?:@|on (?:twitter|x|facebook|instagram))",
        r"\bshare (?:this|on)\b|^share\b|\bcopy link\b",
        r"\bget in touch\b|\bcontact us\b|\btip(?:s)? (?:line|off)\b",
        r"\bprivacy (?:policy|notice)\b|\bterms of (?:service|use)\b",
    )
)

# Share buttons pasted as text and glued to the first words of a paragraph ("Share this withEmail
# FacebookTwitter...Copy this linkThe minister said..."): two or more platforms' names, not a site's wording.
SHARE_RESIDUE = re.compile(
    r"^share(?: this| on)?(?: with)?:?\s*(?:(?:e-?mail|facebook|messenger|twitter|pinterest|whatsapp|linkedin|"
    r"reddit|telegram|flipboard|print|copy (?:this )?link)\s*){2,}",
    _I,
)

# A short self-promotional line: the outlet speaking to its reader.
PROMO = re.compile(
    r"(?-i:\b(?:[Oo]ur|us|[Ww]e)\b).*\b(?:news|website|site|app|stories|journalism|readers?|coverage|team)\b"
    r"|\b(?:trusted|independent) (?:source|news)\b|\bprovided free\b|\bstay informed\b",
    _I,
)

# Short lines of these shapes are bylines or datelines.
BYLINE = re.compile(r"^(?:written |words |reporting |story )?by\s*:?\s+(?P<name>.+)$|^author\s*:\s*(?P<name2>.+)$", _I)
BYLINE_MARKER = re.compile(r"^(?:written by|words by|by|author|about the author)\s*:?$", _I)
DATELINE = re.compile(r"^(?:(?:first )?published|updated|posted|last updated|date)\b\s*:?\s*(?:on\s+)?", _I)

# Words that make a byline a desk or an agency rather than a person.
NOT_A_PERSON = re.compile(
    r"\b(?:staff|desk|newsroom|team|editors?|editorial|reporters?|correspondents?|agenc(?:y|ies)|"
    r"wires?|news|press|associated|reuters|afp|bloomberg|online|digital|media|service)\b",
    _I,
)
PERSON_NAME = re.compile(r"^(?:[A-Z][\w’'.-]+)(?:\s+(?:[A-Z][\w’'.-]+|de|van|von|der|da|al|bin|le|la)){1,4}$")

# Where a publisher names itself.
PUBLISHER_CUES = tuple(
    re.compile(p)
    for p in (
        r"(?i:copyright|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?i:by\s+)?(?P<name>(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4})",
        r"(?i:subscription to|newsletter from|subscribe to|reporter for|journalist for|editor (?:at|of)|check)\s+(?P<name>(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4})",  # noqa: E501 (a pattern reads best on one line)
        r"(?P<name>(?:The\s+)?[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4})\s+(?:is a (?:trusted|leading|independent)|website\b|app\b|newsletter\b)",  # noqa: E501 (a pattern reads best on one line)
    )
)
# A furniture line that names the site: a notice, a credit, a prompt or the site's address.
PUBLISHER_HINT = re.compile(r"©|\bcopyright\b|\ball rights\b|\bnewsletter\b|\bsubscri|\bfollow\b|\bwww\.|\.com\b", _I)
DOMAIN = re.compile(r"(?:@|www\.|https?://)(?P<host>[a-z0-9-]+)\.[a-z.]+", _I)

TERMINAL = ".!?:;,…\"”’)'"
