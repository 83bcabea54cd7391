"""What a course asks of a trainee beyond its lessons.

A course is complete when every lesson is and its gate, if it has one, is passed. The gate is a
child page (today the assessment) whose type mixes in ``CourseGate``, so ``courses`` states the
rule and asks the gate, and never needs to know which app the gate comes from.
"""


class CourseGate:
    """Mixed into a page type that may sit below a course as the step that completes it."""

    def is_passed_by(self, user) -> bool:
        """Whether the trainee has passed this gate, in any language."""
        raise NotImplementedError(f"{type(self).__name__} must say when a trainee has passed it")
