"""The Wagtail admin's item analysis of an assessment, for the editors and moderators who may
edit it: which questions work, which are too easy or too hard, and which read differently in
another language (a mistranslation shows itself as a facility gap)."""

import csv

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from assessments import item_analysis as ia
from assessments.models import AssessmentPage
from assessments.selectors import item_statistics
from cms.i18n import canonical_page
from web.spreadsheet import spreadsheet_safe

CSV_FORMAT = "csv"


def flag_labels() -> dict[str, str]:
    return {
        ia.FLAG_LOW_DISCRIMINATION: _("Low discrimination"),
        ia.FLAG_TOO_EASY: _("Too easy"),
        ia.FLAG_TOO_HARD: _("Too hard"),
        ia.FLAG_LANGUAGE_GAP: _("Languages differ"),
    }


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}"


def correlation(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


class ItemAnalysisView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessments/admin/item_analysis.html"
    header_icon = "table"

    @cached_property
    def assessment(self) -> AssessmentPage:
        page = get_object_or_404(AssessmentPage, pk=self.kwargs["page_id"])
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        # Attempts in every language are stored against the default-language page.
        return canonical_page(page)

    @cached_property
    def languages(self) -> list[tuple[str, str]]:
        return list(settings.LANGUAGES)

    @cached_property
    def sort(self) -> str:
        return ia.sort_key(self.request.GET.get("sort"))

    @cached_property
    def rows(self) -> list[ia.ItemRow]:
        stats = item_statistics(assessment=self.assessment)
        # The question texts in the admin user's language where the assessment is translated.
        shown = self.assessment.localized
        questions = ia.assessment_questions(shown.questions, true_label=_("True"), false_label=_("False"))
        return ia.sorted_rows(ia.item_rows(questions, stats), self.sort)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == CSV_FORMAT:
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Item analysis")

    def get_page_subtitle(self):
        return self.assessment.localized.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_pages:edit", args=[self.assessment.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        labels = flag_labels()
        rows = self.rows
        return super().get_context_data(
            assessment=self.assessment,
            rows=[self.row_context(row, labels) for row in rows],
            any_responses=any(row.figures.n for row in rows),
            languages=self.languages,
            sort=self.sort,
            sort_links=self.sort_links(),
            csv_url=f"?format={CSV_FORMAT}&sort={self.sort}",
            thresholds={
                "discrimination": f"{ia.LOW_DISCRIMINATION:.1f}",
                "easy": percent(ia.TOO_EASY),
                "hard": percent(ia.TOO_HARD),
                "gap": percent(ia.LANGUAGE_GAP),
                "per_language": ia.MIN_RESPONSES_PER_LANGUAGE,
                "min_responses": ia.MIN_RESPONSES_FOR_DISCRIMINATION,
            },
            **kwargs,
        )

    def sort_links(self) -> dict[str, str]:
        """Per sortable column, the link that sorts by it (descending first for figures, and the
        other way round when it is the current sort)."""
        links = {"position": "?sort=position", "flags": "?sort=flags"}
        for column in ("facility", "discrimination", "responses"):
            links[column] = f"?sort={column if self.sort == '-' + column else '-' + column}"
        return links

    def row_context(self, row: ia.ItemRow, labels: dict[str, str]) -> dict:
        figures = row.figures
        return {
            "position": row.position,
            "id": row.question_id,
            "text": row.question.text if row.question else None,
            "n": figures.n,
            "facility": percent(figures.facility),
            "discrimination": correlation(figures.discrimination),
            "flags": [labels[flag] for flag in row.flags],
            "gap": self.gap_text(row),
            "languages": [
                {
                    "code": code,
                    "n": row.language(code).n,
                    "facility": percent(row.language(code).facility),
                    "discrimination": correlation(row.language(code).discrimination),
                }
                for code, _name in self.languages
            ],
            "options": [
                {
                    "text": option.text,
                    "correct": option.correct,
                    "count": count,
                    "share": percent(count / figures.n) if figures.n else "",
                }
                for option, count in row.options()
            ],
        }

    def gap_text(self, row: ia.ItemRow) -> str:
        if ia.FLAG_LANGUAGE_GAP not in row.flags:
            return ""
        high, low, gap = row.stats.language_gap
        return _("%(high)s is %(points)s points above %(low)s") % {
            "high": high.upper(),
            "low": low.upper(),
            "points": percent(gap),
        }

    def csv_response(self) -> HttpResponse:
        labels = flag_labels()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="item-analysis-{self.assessment.slug}.csv"'
        response.write("\ufeff")  # so that spreadsheets read the file as UTF-8
        writer = csv.writer(response)
        header = [_("Position"), _("Question ID"), _("Question"), _("Responses"), _("Facility (%)")]
        header += [_("Discrimination"), _("Flags")]
        for code, _name in self.languages:
            header += [
                _("Responses (%(language)s)") % {"language": code},
                _("Facility (%%) (%(language)s)") % {"language": code},
                _("Discrimination (%(language)s)") % {"language": code},
            ]
        header.append(_("Options (times chosen)"))
        writer.writerow([spreadsheet_safe(cell) for cell in header])
        for row in self.rows:
            figures = row.figures
            cells = [row.position or "", row.question_id, row.question.text if row.question else ""]
            cells += [figures.n, percent(figures.facility), correlation(figures.discrimination)]
            cells.append("; ".join(labels[flag] for flag in row.flags))
            for code, _name in self.languages:
                language = row.language(code)
                cells += [language.n, percent(language.facility), correlation(language.discrimination)]
            cells.append(
                "; ".join(
                    f"{option.text}{' (' + _('correct') + ')' if option.correct else ''}: {count}"
                    for option, count in row.options()
                )
            )
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
        return response
