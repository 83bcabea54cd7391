"""Light stemming for search: each query word becomes the prefix its other forms share.

A reader types "признак" and the lesson says "признаки"; she types "нишонаҳо" and the title says
"Нишонаҳои…". Russian and Tajik words change their endings (Tajik stacks them: нишона-ҳо-и,
нишона-ҳо-ро), so a search that needs the exact form misses most of the text. Removing the common
endings from the query word and matching what is left as the start of a word finds the other
forms. This is deliberately light: it only ever shortens a word, never below ``MIN_STEM``
letters, so a wrong cut finds a few more passages rather than none, and it needs no dictionary
(there is none for Tajik in PostgreSQL or in Python's standard library).
"""

import re

MIN_STEM = 3
MAX_TERMS = 12

# Longest first, so "ами" is tried before "и". Nouns, adjectives and the commonest verb forms.
RUSSIAN_ENDINGS = sorted(
    """
    иями ями ами ыми ими ого его ому ему ая яя ое ее ые ие ый ий ой ую юю ых их ым им ом ем
    ах ях ам ям ов ев ей ия ию ии ью ться тся ать ять ить еть ешь ишь ете ите ет ит ут ют ат ят
    ся сь а я о е ы и у ю ь й
    """.split(),
    key=len,
    reverse=True,
)

# Tajik endings come in layers after the word: plural (-ҳо, -он), then the izofat, object or
# possessive ending (-и, -ро, -аш); "нишона-ҳо-ро", "қурбон-иён", "китоб-ҳо-ям". The outer layer
# goes first (at most twice: "китоб-ам-ро"), then the plural once. "-он" and "-ён" also end many
# stems (инсон, нишон), so they are removed only from longer words.
TAJIK_OUTER = sorted(
    "амон атон ашон ямон ятон яшон ам аш ям яш ро йи и ӣ у ю е".split(),
    key=len,
    reverse=True,
)
TAJIK_PLURAL = sorted("иён ҳо гон".split(), key=len, reverse=True)
TAJIK_PLURAL_OF_LONG_WORDS = ["он", "ён"]
LONG_STEM = 4

ENGLISH_ENDINGS = ["ings", "ing", "ied", "ies", "ed", "es", "'s", "s", "ly"]

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def fold(text: str, language: str) -> str:
    """``text`` as it is compared: case folded; in Russian "ё" is read as "е" (texts and readers
    use both, as PostgreSQL's Russian configuration does). Tajik "ё" is a letter of its own."""
    text = text.casefold().replace("’", "'")
    return text.replace("ё", "е") if language == "ru" else text


def words(text: str, language: str) -> list[str]:
    """The words of ``text``, folded; punctuation and symbols separate words and are dropped."""
    return WORD.findall(fold(text, language))


def _strip_one(word: str, endings: list[str], *, min_stem: int = MIN_STEM) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= min_stem:
            return word[: -len(ending)]
    return word


def _tajik_stem(word: str) -> str:
    word = _strip_one(_strip_one(word, TAJIK_OUTER), TAJIK_OUTER)
    plural_removed = _strip_one(word, TAJIK_PLURAL)
    if plural_removed == word:
        plural_removed = _strip_one(word, TAJIK_PLURAL_OF_LONG_WORDS, min_stem=LONG_STEM)
    return plural_removed


def stem(word: str, language: str) -> str:
    """The start shared by the forms of the folded ``word`` in ``language`` (en, ru or tg)."""
    if language == "tg":
        return _tajik_stem(word)
    if language == "ru":
        return _strip_one(word, RUSSIAN_ENDINGS)
    if word.endswith("ss"):
        return word
    word = _strip_one(word, ENGLISH_ENDINGS)
    if word.endswith(("e", "y")) and len(word) > MIN_STEM:
        word = word[:-1]  # abuse/abused/abusing, identify/identified/identification
    return word


def search_terms(query: str, language: str) -> list[str]:
    """The prefixes to look for: one per distinct word of ``query``, in the order typed."""
    terms = []
    for word in words(query, language):
        term = stem(word, language)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]
