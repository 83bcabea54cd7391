"""Text cells that a spreadsheet must not run as formulas (OWASP "CSV injection").

A spreadsheet runs a cell that starts with "=", "+", "-" or "@" (or with a tab or carriage
return, which some of them skip) as a formula. Every CSV the site writes (reports' exports, the
invitation template) quotes such cells, and files read back undo the quote.
"""

FORMULA_STARTS = ("=", "+", "-", "@")
IGNORED_BEFORE_FORMULA = ("\t", "\r")  # Excel skips these, then reads what follows as a formula
QUOTE = "'"  # the spreadsheets' own "this is text" prefix


def starts_a_formula(text: str) -> bool:
    """Whether a spreadsheet could read this text as a formula (also after leading spaces)."""
    return text.startswith(IGNORED_BEFORE_FORMULA) or text.lstrip().startswith(FORMULA_STARTS)


def spreadsheet_safe(value):
    """The value for a CSV cell: text that would start a formula gets a leading quote; numbers,
    dates and empty cells are left alone (a negative number is a number, not a formula)."""
    if isinstance(value, str) and starts_a_formula(value):
        return QUOTE + value
    return value


def spreadsheet_unquoted(text: str) -> str:
    """Undo ``spreadsheet_safe`` on a cell read back from a CSV the site wrote (the invitation
    template, an export edited and uploaded again)."""
    if text.startswith(QUOTE) and starts_a_formula(text[1:]):
        return text[1:]
    return text
