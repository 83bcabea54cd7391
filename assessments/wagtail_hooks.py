"""The item analysis of an assessment in the Wagtail admin: its address, and a button to it on
the assessment's header and in the page listing's "More" menu, for those who may edit it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from assessments.admin_views import ItemAnalysisView
from assessments.models import AssessmentPage
from web.http_methods import require_safe


@hooks.register("register_admin_urls")
def register_item_analysis_url():
    return [
        path(
            "assessments/<int:page_id>/items/",
            require_safe(ItemAnalysisView.as_view()),
            name="assessment_item_analysis",
        )
    ]


def _item_analysis_button(page, user, priority: int):
    if issubclass(page.specific_class or type(page), AssessmentPage) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Item analysis"),
            reverse("assessment_item_analysis", args=[page.pk]),
            icon_name="table",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def item_analysis_header_button(page, user, view_name, next_url=None):
    yield from _item_analysis_button(page, user, priority=90)


@hooks.register("register_page_listing_more_buttons")
def item_analysis_listing_button(page, user, next_url=None):
    yield from _item_analysis_button(page, user, priority=70)
