"""Question blocks for assessments.

Questions are StreamField blocks so editors author and translate them like any content.
Block ids (of questions and of their answer choices) are kept by wagtail-localize in every
translation, and answers are recorded by id, so grading is identical in every language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from cms.blocks import AnswerChoiceBlock, NamedRichTextBlock


def _correct_count(value) -> int:
    return sum(1 for choice in value["choices"] if choice["is_correct"])


def _keep_order_block():
    # A new child with a default: question blocks stored before it existed load as "shuffle".
    return blocks.BooleanBlock(
        label=_("Keep this order"),
        required=False,
        default=False,
        help_text=_(
            "Show the answers in the order written even when the assessment shuffles answers, "
            "for answers such as “None of the above”."
        ),
    )


class SingleChoiceQuestionBlock(blocks.StructBlock):
    """One correct answer among several."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Answer choices"), min_num=2)
    keep_order = _keep_order_block()
    explanation = blocks.TextBlock(label=_("Explanation"), help_text=_("Shown to the trainee after submission."))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        if _correct_count(value) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value


class MultipleChoiceQuestionBlock(blocks.StructBlock):
    """Several correct answers; scored all-or-nothing or with partial credit."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Answer choices"), min_num=2)
    keep_order = _keep_order_block()
    scoring = blocks.ChoiceBlock(
        label=_("Scoring"),
        choices=[("all_or_nothing", _("All or nothing")), ("partial", _("Partial credit"))],
        default="all_or_nothing",
        help_text=_("Partial credit: each correct answer chosen earns a share, each wrong one takes a share away."),
    )
    explanation = blocks.TextBlock(label=_("Explanation"), help_text=_("Shown to the trainee after submission."))

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")

    def clean(self, value):
        value = super().clean(value)
        if _correct_count(value) < 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value


class TrueFalseQuestionBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("Statement"))
    is_true = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"), help_text=_("Shown to the trainee after submission."))

    class Meta:
        icon = "help"
        label = _("True or false")


class ScenarioQuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1


class ScenarioBlock(blocks.StructBlock):
    """A case, then several questions about it; each question is worth one point."""

    case = NamedRichTextBlock(label=_("Case"), features=["bold", "italic", "ol", "ul"])
    questions = ScenarioQuestionsBlock(label=_("Questions about the case"))

    class Meta:
        icon = "user"
        label = _("Scenario")


class PoolQuestionsBlock(ScenarioQuestionsBlock):
    scenario = ScenarioBlock()


class QuestionPoolBlock(blocks.StructBlock):
    """A pool from which each attempt draws a number of questions at random."""

    title = blocks.CharBlock(label=_("Pool name"), required=False, help_text=_("For editors only."))
    draw = blocks.IntegerBlock(label=_("Questions to draw"), min_value=1)
    questions = PoolQuestionsBlock(label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Question pool")

    def clean(self, value):
        value = super().clean(value)
        # An autosave checks a draft, whose required "draw" may still be empty.
        if value["draw"] is not None and value["draw"] > len(value["questions"]):
            raise StructBlockValidationError(
                block_errors={
                    "draw": ValidationError(
                        _("The pool has only %(count)s questions; draw that many or fewer."),
                        params={"count": len(value["questions"])},
                    )
                }
            )
        return value


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    scenario = ScenarioBlock()
    pool = QuestionPoolBlock()
