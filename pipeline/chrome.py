"""Page chrome: lines of a pasted web page that are the page's interface, not speech.

A transcript copied from a video site, a transcript tool or a podcast page brings the page
around it (and sometimes inside it): buttons ("Like", "Share", "Copy transcript"), prompts
to the page's tool ("Generate a brief summary…", glued labels such as "GenerateIdentify"),
calls to action ("Call or Book a Meeting Now", "We're Ready to Help"), navigation
("Home > Podcasts > Episode 12", "Skip to main content"), share/subscribe/like rows with
counts ("1.2K likes · Share · Save") and cookie notices. :func:`chrome_kind` classifies one
line; the cleaner drops such lines from plain-text input wherever they are, each with a
warning naming it.

The detector works on classes of lines, not on a list of known strings:

* *glued interface words*: two words run together without a space where the first is an
  interface verb ("GenerateIdentify", "LikeShare") — what copying a row of buttons gives;
* *tool prompt*: an imperative request to a text tool ("Summarize this video", "Generate a
  concise title for …", "List the key takeaways") — a prompt verb plus what a tool makes,
  with no "I"/"we"/"you" of a speaker talking to people;
* *interface row*: a short line made only of interface words, counts and separators
  ("Show transcript", "Like 1.2K Share Save", "12,345 views • 3 years ago", "Sign in");
* *call to action*: a short line opening with a sales or sign-up imperative ("Book a Demo
  Today", "Start your free trial", "Get started");
* *heading*: a Title-Case heading or slogan without sentence punctuation ("We're Ready to
  Help", "Episode 87: The Quiet Life of Fungi") in a text whose lines are sentence case;
* *navigation*: breadcrumbs and menus (three or more short items joined by ``>``, ``|``,
  ``/``, ``›``, ``»``, ``•``) and "Skip to content" / "Back to top" / "Next episode" lines;
* *social*: "Follow us on …", "Listen on Apple Podcasts", "Rate and review", "Share this
  episode", "Subscribe to our newsletter";
* *cookie notice*: a line about cookies together with consent words (accept, consent,
  preferences, privacy, experience, website), or "Accept all" / "Manage preferences";
* *tool notice*: what a transcript tool says about its transcript ("Transcribed by …",
  "May contain errors", "Was this transcript helpful?");
* *legal notice* and bare web addresses: "© 2024 …", "Rev.com".

What keeps a speaker's sentence: chrome is short, has no sentence punctuation (except
cookie notices and prompts), and does not talk to people as a speaker does ("I", "we",
"you" in a prompt or a social line). All patterns are anchored or bounded; one line costs one short scan.
"""

from __future__ import annotations

import re

#: Interface verbs: what buttons and tool prompts start with (lower case).
INTERFACE_VERBS: tuple[str, ...] = (
    "ask", "cancel", "clip", "close", "copy", "create", "delete", "download", "edit", "explain",
    "export", "extract", "generate", "get", "identify", "like", "list", "load", "make", "open",
    "outline", "paste", "play", "print", "rewrite", "save", "search", "share", "show", "sign",
    "start", "submit", "subscribe", "summarise", "summarize", "translate", "try", "upload", "write",
)
#: Verbs that open a request to a text tool.
PROMPT_VERBS: tuple[str, ...] = (
    "ask", "compose", "convert", "create", "draft", "explain", "extract", "generate", "give", "identify",
    "list", "make", "outline", "produce", "provide", "rewrite", "simplify", "suggest",
    "summarise", "summarize", "translate", "turn", "write",
)
#: What a text tool makes (regex sources): a prompt names one of these.
TOOL_OBJECTS: tuple[str, ...] = (
    r"action items?", r"blog post", r"bullet(?:ed)? (?:points?|list)", r"captions?", r"chapters?",
    r"description", r"email", r"faqs?", r"flash ?cards?", r"headlines?", r"highlights",
    r"hashtags", r"key (?:points|ideas|takeaways|phrases|terms|moments|insights|quotes)",
    r"keywords", r"lesson plan", r"main (?:points|ideas|topics)", r"notes", r"outline",
    r"questions", r"quiz(?:zes)?", r"quotes", r"recap", r"study guide", r"summary",
    r"takeaways", r"timestamps", r"titles?", r"tl;?dr", r"topics", r"transcript", r"tweets?",
    r"(?:this|the) (?:video|talk|transcript|episode|podcast|lecture|meeting|text|content|clip)",
    r"(?:with|using) (?:ai|gpt|chatgpt)",
)
#: Words a row of interface elements is made of (lower case; counts and separators aside).
INTERFACE_WORDS: tuple[str, ...] = (
    "about", "accept", "account", "ago", "all", "app", "apple", "as", "audio", "auto-generated",
    "back", "blog", "bookmark", "by", "cancel", "captions", "chapters", "clip", "close", "comment",
    "comments", "complete", "completed", "contact", "content", "cookie", "cookies", "copy", "copied", "dashboard", "day",
    "days", "description", "dislike", "download", "duration", "edit", "email", "embed", "english",
    "episode", "episodes", "export", "faq", "features", "feed", "follow", "followers", "following",
    "full", "google", "help", "hide", "home", "hour", "hours", "in", "language", "less", "like",
    "likes", "link", "listen", "live", "load", "log", "login", "logout", "main", "manage", "mark", "menu", "min",
    "mins", "minute", "minutes", "month", "months", "more", "mute", "navigation", "new", "next",
    "now", "of", "on", "open", "out", "pause", "play", "playlist", "podcast", "podcasts",
    "policy", "preferences", "premiered", "previous", "pricing", "privacy", "profile",
    "published", "read", "register", "reject", "related", "replies", "reply", "report", "rss",
    "save", "saved", "search", "see", "sec", "seconds", "service", "settings", "share",
    "shares", "show", "sign", "skip", "sort", "spotify", "streamed", "subscribe", "subscribed",
    "subscribers", "terms", "the", "this", "thumbs", "to", "toggle", "top", "transcript", "tweet",
    "up", "upload", "uploaded", "video", "videos", "view", "views", "watch", "week", "weeks",
    "year", "years", "youtube",
)
#: Openings of calls to action (regex sources, matched at the line start, lower case).
CALL_TO_ACTION_OPENINGS: tuple[str, ...] = (
    r"(?:book|schedule|request) (?:a|an|your) (?:free )?(?:call|demo|meeting|consultation|session|appointment)",
    r"(?:buy|order|shop|donate|enroll|enrol|register|join|apply) (?:now|today|here|free|for free)",
    r"call (?:us|now|today|or)",
    r"claim (?:your|a|the) ",
    r"contact (?:us|sales|our team)",
    r"download (?:the|our) (?:app|guide|ebook|e-book|checklist|pdf)",
    r"get (?:started|in touch|access|a (?:free )?(?:quote|demo|trial)|your (?:free )?\w+|\d+% off)",
    r"join (?:our|the) (?:newsletter|mailing list|community|waitlist|waiting list)",
    r"learn more",
    r"(?:sign|log) (?:up|in)\b",
    r"start (?:your|a|my) (?:free )?(?:trial|account|subscription)",
    r"start (?:now|today|for free|free)",
    r"subscribe (?:to|for) (?:our|my|the) (?:newsletter|mailing list|updates)",
    r"try (?:it |us |\w+ )?(?:for )?free",
    r"(?:unlock|upgrade) (?:to |your |premium|pro|full)",
)
#: Navigation lines (regex sources, the whole line, lower case).
NAVIGATION_LINES: tuple[str, ...] = (
    r"back to (?:top|home|all [\w ]{1,30}|the (?:blog|episodes?|podcast|list|videos?))",
    r"(?:go|jump|skip) to (?:main |the )?(?:content|navigation|transcript|comments|top|search)",
    r"(?:main |site )?(?:menu|navigation)",
    r"(?:next|previous|prev|older|newer|up next)(?: (?:episode|post|article|video|page|lesson|chapter))?(?::[^.!?]{0,80})?",
    r"table of contents",
    r"(?:lesson|module|part|chapter|episode|step|page|slide|video|unit|question) \d+ (?:of|/) \d+",
)
#: Instructions from a tool to its user about what to give it ("Paste your transcript below").
TOOL_INSTRUCTIONS = re.compile(
    r"^(?:paste|upload|drop|drag|enter|type|insert|add|choose|select)(?: (?:or|and|&) (?:paste|upload|drop|drag))?"
    r" (?:your|a|the|in|here)\b[^.!?]{0,60}?"
    r"\b(?:transcript|text|file|video|url|link|audio|recording|youtube)s?\b[^.!?]{0,30}$",
    re.IGNORECASE,
)
#: Words that make an interface row a share/subscribe/like row rather than plain buttons.
SOCIAL_WORDS = frozenset(
    ("comment", "comments", "dislike", "follow", "followers", "like", "likes", "share", "shares",
     "subscribe", "subscribed", "subscribers", "views")
)
#: Social lines (regex sources, matched at the line start, lower case).
SOCIAL_OPENINGS: tuple[str, ...] = (
    r"(?:share|post|pin) (?:on|to|it\b|via)",
    r"(?:follow|find) (?:us|me) on ",
    r"(?:listen|watch|available|subscribe) on (?:apple|spotify|google|youtube|amazon|stitcher|overcast|pocket ?casts|castbox|itunes)",
    r"(?:rate|review),? (?:and|&) (?:review|subscribe|share|rate)",
    r"(?:leave|write) (?:us |me )?a (?:review|rating|comment)",
    r"share (?:this|the) (?:episode|video|post|article|page|podcast)",
    r"(?:like|share|subscribe)(?:,? (?:and |& )?(?:like|share|subscribe|comment))+",
    r"(?:\d[\d.,]*\s*[km]? )?(?:views|likes|comments|subscribers|followers|shares)\b",
    r"(?:published|premiered|streamed live|uploaded|posted) (?:on|by) ",
)
#: A cookie line needs one of these words besides "cookie(s)".
COOKIE_CONTEXT: tuple[str, ...] = (
    "accept", "agree", "analytics", "browsing", "consent", "continuing", "experience", "manage",
    "personalise", "personalize", "policy", "preferences", "privacy", "settings", "site",
    "third-party", "website",
)
#: Consent buttons that stand alone.
CONSENT_BUTTONS = re.compile(
    r"(?:accept|reject|decline|allow|deny) (?:all|all cookies|cookies|necessary(?: cookies)?|optional cookies)"
    r"|(?:manage|cookie) (?:preferences|settings|options)|privacy policy|terms (?:of (?:service|use)|and conditions)"
    r"|do not sell(?: or share)? my personal information|all rights reserved"
)

#: Longest chrome line, in words (a cookie notice or a prompt can be longer).
MAX_CHROME_WORDS = 12
MAX_PROMPT_WORDS = 30
MAX_COOKIE_WORDS = 60
MAX_CHROME_CHARS = 600
#: The Title-Case slogan rule is off when this share of the lines look like slogans: the
#: whole text is then typed that way and the style says nothing.
MAX_SLOGAN_SHARE = 0.25

_INTERFACE_VERB_SET = frozenset(INTERFACE_VERBS)  # membership only
_INTERFACE_WORD_SET = frozenset(INTERFACE_WORDS)
_COOKIE_CONTEXT_SET = frozenset(COOKIE_CONTEXT)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_GLUED = re.compile(r"\b([A-Z][a-z]{1,12})([A-Z][a-z]{1,12})\b")
_PROMPT = re.compile(
    rf"^(?:{'|'.join(PROMPT_VERBS)})\b[^.!?]{{0,160}}?\b(?:{'|'.join(TOOL_OBJECTS)})\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|i'll|me|my|we|we've|we'll|us|our|you|your|you're|let's)\b", re.IGNORECASE)
_CALL_TO_ACTION = re.compile(rf"^(?:{'|'.join(CALL_TO_ACTION_OPENINGS)})", re.IGNORECASE)
_NAVIGATION = re.compile(rf"^(?:{'|'.join(NAVIGATION_LINES)})[\s:…]*$", re.IGNORECASE)
_SOCIAL = re.compile(rf"^(?:{'|'.join(SOCIAL_OPENINGS)})", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[>|›»•·/]\s*")
#: Sentence punctuation anywhere ("Yeah . So", "Next.", "Got it."): speech, not a label.
_SENTENCE_PUNCT = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
_COUNT = re.compile(
    r"^[\d.,:]+[kKmM]?$|^\(\d[\d.,]*[kKmM]?\)$"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?$",  # a date ("Apr 4")
    re.IGNORECASE,
)
#: Notices a transcript tool or site puts on its transcript ("Transcribed by otter.ai",
#: "Auto-generated by AI. May contain errors.", "Was this transcript helpful? Yes No").
TOOL_NOTICES = re.compile(
    r"^(?:auto-?generated|automatically generated|machine-generated|transcribed|transcript generated|"
    r"generated|powered|captions?|subtitles?) by \S"
    r"|^(?:this )?(?:transcript|summary|captions?) (?:may|might|can) contain (?:errors|mistakes)"
    r"|^(?:was|is|did) this (?:transcript|page|article|answer|summary|episode|video)\b[^.!?]{0,20}\b(?:helpful|useful)",
    re.IGNORECASE,
)
#: A line that is only a web address ("Rev.com", "www.example.org/episodes").
_WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ai|fm|co|tv|app|me|uk|de)(?:/\S*)?$", re.IGNORECASE)
#: Legal lines of a page footer.
_LEGAL = re.compile(r"^(?:©|\([cC]\)\s|[Cc]opyright\s*(?:©|\([cC]\)|\d{4}))")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_BRACKETED_LINE = re.compile(r"^[\[(][^\[\]()]*[\])]$")
#: One-word lines that are buttons: interface verbs and share/like words, not nouns
#: such as "Home" or "Help" that a speaker may say on their own.
_LONE_BUTTONS = frozenset(
    ("bookmark", "clip", "copied", "copy", "download", "email", "embed", "export", "follow", "menu",
     "print", "report", "save", "saved", "share", "subscribe", "subscribed", "transcript", "tweet",
     "upload")
)
#: Interface words too common in speech to make a row on their own ("About the", "In in").
_WEAK_INTERFACE_WORDS = frozenset(
    ("about", "ago", "all", "as", "back", "by", "in", "less", "more", "new", "now", "of", "on", "out",
     "the", "this", "to", "top", "up")
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_LOWER_FUNCTION_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with")
)


def chrome_kind(line: str, *, slogans: bool = True) -> str | None:
    """What kind of page chrome ``line`` is (``"tool prompt"``, ``"tool notice"``,
    ``"button"``, ``"call to action"``, ``"navigation"``, ``"share/subscribe/like"``,
    ``"cookie notice"``, ``"legal notice"``, ``"heading"``), or ``None`` for a line that may be speech. ``slogans``: whether a
    Title-Case line without sentence punctuation counts as a page heading or slogan (off
    when the whole text is typed in Title Case)."""
    text = line.strip().strip("\"'“”")
    if len(text) > MAX_CHROME_CHARS:
        return None  # a paragraph: speech (and a long line costs nothing more to judge)
    if _WEB_ADDRESS.match(text):
        return "navigation"
    if not text or text[0] in "[(" or not _starts_upper(text):
        # "[45 Days]", "(Video) …": an annotation; "older …": page chrome is capitalised
        return None
    words = _WORD.findall(text)
    n_words = len(words)
    if n_words == 0 or n_words > MAX_COOKIE_WORDS:
        return None
    low = text.lower()
    if _COOKIE.search(text) and any(w.lower() in _COOKIE_CONTEXT_SET for w in words):
        return "cookie notice"
    if n_words <= MAX_PROMPT_WORDS and _is_prompt(text):
        return "tool prompt"
    if n_words > MAX_CHROME_WORDS:
        return None
    if _glued_interface(text):
        return "button"
    if TOOL_NOTICES.match(text):
        return "tool notice"
    if _LEGAL.match(text):
        return "legal notice"
    if _SENTENCE_PUNCT.search(text):
        # a short sentence ("Next.", "Got it.", "Yeah . So"): speech unless it is a call to
        # action or a share/like line that pages also end with a full stop
        if _SOCIAL.match(low):
            return "share/subscribe/like"
        if _CALL_TO_ACTION.match(low) and n_words <= 5:
            return "call to action"
        return None
    if CONSENT_BUTTONS.fullmatch(low.rstrip(" …")):
        return "cookie notice"
    if TOOL_INSTRUCTIONS.match(text):
        return "tool prompt"
    if _NAVIGATION.match(low):
        return "navigation"
    if _SOCIAL.match(low):
        return "share/subscribe/like"
    if _CALL_TO_ACTION.match(low):
        return "call to action"
    if (n_words > 1 or low.strip(" :…") in _LONE_BUTTONS) and _is_interface_row(text):
        return "share/subscribe/like" if any(w.lower() in SOCIAL_WORDS for w in words) else "button"
    if _is_menu(text):
        return "navigation"
    if slogans and is_slogan(text):
        return "heading"
    return None


def is_slogan(text: str) -> bool:
    """A Title-Case line of 3-12 words with no sentence punctuation ("We're Ready to Help",
    "Call or Book a Meeting Now"): every word capitalised except short function words."""
    text = text.strip()
    if _SENTENCE_END.search(text) or text.endswith((",", ";")):
        return False
    words = _WORD.findall(text)
    if not 3 <= len(words) <= MAX_CHROME_WORDS:
        return False
    if text.endswith(":") or _SENTENCE_PUNCT.search(text):
        return False
    capitalised = 0
    for word in words:
        if word[0].isupper():
            if len(word) >= 2 and not word.isupper():
                capitalised += 1
        elif word.lower() not in _LOWER_FUNCTION_WORDS:
            return False
    # at least three capitalised words (initials and acronyms such as "L_C_D_" do not count)
    return capitalised >= 3 and not text.isupper()


def _is_prompt(text: str) -> bool:
    """An imperative request to a text tool, not a speaker's instruction to people."""
    body = _GLUED.sub(lambda m: m.group(2) if m.group(1).lower() in _INTERFACE_VERB_SET else m.group(0), text)
    if not _PROMPT.match(body.lstrip("•-*> ")):
        return False
    return not _speaks_to_people(body, allow_you=False)


def _speaks_to_people(text: str, *, allow_you: bool) -> bool:
    for match in _PERSONAL.finditer(text):
        word = match.group(0).lower()
        if allow_you and word.startswith("you"):
            continue
        return True
    return False


def _glued_interface(text: str) -> bool:
    """Two words run together where the first is an interface verb ("GenerateIdentify")."""
    for match in _GLUED.finditer(text):
        first, second = match.group(1).lower(), match.group(2).lower()
        if first in _INTERFACE_VERB_SET and (second in _INTERFACE_VERB_SET or second in _INTERFACE_WORD_SET or first == second):
            return True
        if first in _INTERFACE_VERB_SET and _PROMPT.match(match.group(2) + text[match.end():]):
            return True
    return False


def _is_menu(text: str) -> bool:
    """Three or more short items joined by separators ("Home > Podcasts > Episode 12")."""
    parts = [p for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(_WORD.findall(p)) <= 4 and _starts_upper(p) for p in parts)


def _is_interface_row(text: str) -> bool:
    """Only interface words, counts and separators, starting with a capital or a count
    ("Show transcript", "Like 1.2K Share Save", "12,345 views • 3 years ago")."""
    first = text.lstrip("•·-*>([ ")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    substantive = False
    for token in text.replace("•", " ").replace("·", " ").replace("|", " ").split():
        bare = token.strip("()[],:;.!?…\"'")
        if not bare or _COUNT.match(bare) or _COUNT.match(token):
            substantive = substantive or bool(bare)  # "12,345 views": a count is content
            continue
        if bare.lower() not in _INTERFACE_WORD_SET:
            return False
        substantive = substantive or bare.lower() not in _WEAK_INTERFACE_WORDS
    return substantive


def _starts_upper(text: str) -> bool:
    """Whether the first letter or digit of ``text`` is a capital or a digit."""
    for ch in text:
        if ch.isalnum():
            return ch.isupper() or ch.isdigit()
    return False


def slogan_share(lines: list[str]) -> float:
    """Share of ``lines`` that look like Title-Case slogans (see :func:`is_slogan`)."""
    if not lines:
        return 0.0
    return sum(1 for line in lines if is_slogan(line)) / len(lines)


__all__ = ["chrome_kind", "is_slogan", "slogan_share", "MAX_SLOGAN_SHARE"]
