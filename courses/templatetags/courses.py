from django import template

from courses.selectors import published_catalogue

register = template.Library()

TEASER_COURSES = 4


@register.inclusion_tag("courses/catalogue_teaser.html")
def catalogue_teaser(page):
    """The first courses of the catalogue in ``page``'s language, for the home page."""
    return {"courses": published_catalogue(locale_id=page.locale_id)[:TEASER_COURSES]}


@register.filter
def answer_for(check_answer, block_id):
    """The reader's answer (``selectors.CheckAnswer``) if it is to the knowledge check
    ``block_id``, else None: one lesson shows one answered check at a time."""
    if check_answer is not None and block_id and check_answer.block_id == block_id:
        return check_answer
    return None
