from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.country_packs import current_pack
from accounts.decorators import coordinator_required
from cms.i18n import localized_titles
from programme.status import programme_settings
from reports import at_risk, charts, exports, selectors, services
from reports.forms import AtRiskFilterForm, HeadcountForm, ReportFilterForm
from reports.models import Headcount
from web.converters import is_database_id
from web.http_methods import require_GET_or_POST, require_safe

TRAINEES_PER_PAGE = 25
AT_RISK_PER_PAGE = 50
# The at-risk list's sortable columns and the order a first click gives.
AT_RISK_COLUMNS = {
    "name": "name",
    "agency": "agency",
    "region": "region",
    "due": "due",
    "days": "-days",
    "activity": "activity",
}


def _filters(request):
    form = ReportFilterForm(request.GET, scope=request.scope)
    return form, form.filters()


def _course_title(filters) -> str:
    if filters.course is None:
        return ""
    return localized_titles([filters.course])[filters.course.translation_key]


def _course_rows(matrix) -> list:
    """(course coverage, title in the reader's language) for the "by course" table."""
    titles = localized_titles([row.course for row in matrix.courses])
    return [(row, titles[row.course.translation_key]) for row in matrix.courses]


@coordinator_required
@require_safe
def dashboard(request):
    form, filters = _filters(request)
    scope = request.scope

    def figures(name, function):
        return selectors.cached_figures(
            name, scope=scope, filters=filters, compute=lambda: function(scope=scope, filters=filters)
        )

    matrix = figures("matrix", selectors.completion_matrix)
    series = figures("series", selectors.completions_by_month)
    today = timezone.localdate()
    pack = current_pack()
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "course_title": _course_title(filters),
            "filter_query": urlencode(
                filters.as_query() | ({"period": request.GET["period"]} if filters.since else {})
            ),
            "matrix": matrix,
            "chart": charts.bar_chart(series, today=today),
            "today": today,
            "course_rows": _course_rows(matrix),
            "bands": selectors.COVERAGE_BANDS + selectors.OTHER_BANDS,
            "country_name": pack.name(get_language()),
            "map": charts.country_map(matrix.regions, matrix.region_totals, pack=pack),
            "expiring": figures("expiring", selectors.certificates_expiring),
            "expiry_days": selectors.EXPIRY_HORIZON_DAYS,
            "uncovered_regions": [r for r in matrix.regions if matrix.region_totals[r.pk].uncovered],
            "uncovered_agencies": [a for a in matrix.agencies if matrix.agency_totals[a.pk].uncovered],
            "due_soon_days": programme_settings().due_soon_window,
            "at_risk_query": urlencode(filters.as_query()),
        },
    )


def _trainee_list(request):
    form, filters = _filters(request)
    if filters.course is None:
        filters = selectors.Filters(
            course=selectors.report_courses().first(), agency=filters.agency, region=filters.region, since=filters.since
        )
    search = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "name")
    if sort not in selectors.SORTS:
        sort = "name"
    rows = selectors.trainee_rows(scope=request.scope, filters=filters, search=search, sort=sort)
    trainee = _trainee_id(request)
    if trainee is not None:  # one trainee, from the at-risk list's links (no name in the address)
        rows = rows.filter(pk=trainee)
    return form, filters, search, sort, rows


def _trainee_id(request) -> int | None:
    value = request.GET.get("trainee", "")
    return int(value) if value.isdigit() and is_database_id(int(value)) else None


@coordinator_required
@require_safe
def trainees(request):
    """The drill-down: trainees of a cell (or of any filter), searchable, sortable, paginated."""
    form, filters, search, sort, rows = _trainee_list(request)
    page = Paginator(rows, TRAINEES_PER_PAGE).get_page(request.GET.get("page"))
    base_query = filters.as_query() | ({"q": search} if search else {})
    if _trainee_id(request) is not None:
        base_query["trainee"] = _trainee_id(request)
    return render(
        request,
        "reports/trainees.html",
        {
            "form": form,
            "filters": filters,
            "course_title": _course_title(filters),
            "page": page,
            "search": search,
            "sort": sort,
            "base_query": urlencode(base_query),
            "sort_query": urlencode(base_query | {"sort": sort}),
            "today": timezone.localdate(),
        },
    )


@coordinator_required
@require_safe
def export_matrix(request, file_format: str):
    _form, filters = _filters(request)
    matrix = selectors.cached_figures(
        "matrix",
        scope=request.scope,
        filters=filters,
        compute=lambda: selectors.completion_matrix(scope=request.scope, filters=filters),
    )
    rows = list(exports.matrix_rows(matrix))
    if len(rows) > settings.EXPORT_INLINE_MAX_ROWS:  # the worker prepares it (digests app) and e-mails a link
        return redirect(f"{resolve_url('digests_export_prepare', 'matrix', file_format)}?{request.GET.urlencode()}")
    services.export_record(
        user=request.user, kind="matrix", file_format=file_format, filters=filters.as_query(), rows=len(rows)
    )
    name = f"frontline-coverage-{timezone.localdate().isoformat()}"
    if file_format == "xlsx":
        return exports.xlsx_response(name, exports.matrix_header(), rows, title=_("Coverage"))
    return exports.csv_response(name, exports.matrix_header(), rows)


@coordinator_required
@require_safe
def export_trainees(request, file_format: str):
    _form, filters, _search, _sort, rows = _trainee_list(request)
    count = rows.count()
    if count > settings.EXPORT_INLINE_MAX_ROWS:  # the worker prepares it (digests app) and e-mails a link
        return redirect(f"{resolve_url('digests_export_prepare', 'trainees', file_format)}?{request.GET.urlencode()}")
    services.export_record(
        user=request.user, kind="trainees", file_format=file_format, filters=filters.as_query(), rows=count
    )
    name = f"frontline-trainees-{timezone.localdate().isoformat()}"
    if file_format == "xlsx":
        return exports.xlsx_response(name, exports.trainee_header(), exports.trainee_rows(rows), title=_("Trainees"))
    return exports.csv_response(name, exports.trainee_header(), exports.trainee_rows(rows))


def _at_risk_list(request):
    form = AtRiskFilterForm(request.GET, scope=request.scope)
    filters = form.filters()
    sort = form.chosen_sort()
    settings = programme_settings()
    trainees = at_risk.at_risk(scope=request.scope, filters=filters, sort=sort, settings=settings)
    return form, filters, sort, settings, trainees


def _sort_links(sort: str) -> dict:
    """Per sortable column: the ?sort= its heading links to, and its aria-sort when it is the
    current order."""
    links = {}
    for column, first in AT_RISK_COLUMNS.items():
        other = first[1:] if first.startswith("-") else f"-{first}"
        current = sort in (first, other)
        links[column] = {
            "sort": other if sort == first else first,
            "aria": ("descending" if sort.startswith("-") else "ascending") if current else "",
        }
    return links


@coordinator_required
@require_safe
def at_risk_list(request):
    """Trainees in scope who are overdue, or inactive with an assigned course unfinished."""
    form, filters, sort, settings, trainees = _at_risk_list(request)
    page = Paginator(trainees, AT_RISK_PER_PAGE).get_page(request.GET.get("page"))
    base_query = filters.as_query()
    return render(
        request,
        "reports/at_risk.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "rows": at_risk.at_risk_rows(page.object_list, filters=filters, settings=settings),
            "sort": sort,
            "sort_links": _sort_links(sort),
            "base_query": urlencode(base_query),
            "sort_query": urlencode(base_query | {"sort": sort}),
            "inactive_after_days": settings.inactive_after_days,
            "today": timezone.localdate(),
        },
    )


@coordinator_required
@require_safe
def export_at_risk(request, file_format: str):
    _form, filters, _sort, _settings, trainees = _at_risk_list(request)
    services.export_record(
        user=request.user, kind="at_risk", file_format=file_format, filters=filters.as_query(), rows=trainees.count()
    )
    name = f"frontline-at-risk-{timezone.localdate().isoformat()}"
    rows = exports.at_risk_rows(at_risk.iter_at_risk_rows(trainees, filters=filters))
    if file_format == "xlsx":
        return exports.xlsx_response(name, exports.at_risk_header(), rows, title=_("At risk"))
    return exports.csv_response(name, exports.at_risk_header(), rows)


@coordinator_required
@require_GET_or_POST
def headcounts(request):
    """Coordinators enter staff numbers for the cells in their scope."""
    scope = request.scope
    cells = [
        (agency, region)
        for agency in scope.agencies()
        for region in scope.regions()
        if scope.allows(agency.pk, region.pk)
    ]
    current = {
        (a, r): staff
        for a, r, staff in Headcount.objects.filter(
            agency__in=[a for a, _r in cells], region__in=[r for _a, r in cells]
        ).values_list("agency_id", "region_id", "staff")
    }
    form = HeadcountForm(request.POST or None, cells=cells, initial_counts=current)
    if request.method == "POST":
        if form.is_valid():
            changed = services.headcounts_save(scope=scope, counts=form.counts(), by=request.user)
            messages.success(request, _("Staff numbers saved (%(count)s cells).") % {"count": changed})
            return redirect("reports_headcounts")
        messages.error(request, _("Some numbers could not be saved; correct the highlighted cells."))
    agencies = list({agency.pk: agency for agency, _r in cells}.values())
    regions = list({region.pk: region for _a, region in cells}.values())
    grid = [
        (
            agency,
            [
                form[form.field_name(agency.pk, region.pk)] if scope.allows(agency.pk, region.pk) else None
                for region in regions
            ],
        )
        for agency in agencies
    ]
    return render(request, "reports/headcounts.html", {"form": form, "regions": regions, "grid": grid})
