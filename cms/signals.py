"""Keep what is remembered of the published content (cms.published) in step with what is
published. Only publishing moves a version: a draft save or an autosave changes nothing a
reader sees, so it invalidates nothing."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import HelplineSettings
from cms.published import page_changed, site_changed


@receiver(page_published, dispatch_uid="frontline-content-published")
def _page_published(sender, instance, revision=None, **kwargs):
    page_changed(instance, revision=revision)


@receiver(page_unpublished, dispatch_uid="frontline-content-unpublished")
def _page_unpublished(sender, instance, **kwargs):
    page_changed(instance)


# A move changes URLs and outlines across courses; a delete may take a whole subtree.
post_page_move.connect(site_changed, dispatch_uid="frontline-content-moved")


@receiver(post_delete, dispatch_uid="frontline-content-page-deleted")
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        site_changed()


for model in (Site, Locale, PageViewRestriction, HelplineSettings):
    post_save.connect(site_changed, sender=model, dispatch_uid=f"frontline-content-{model.__name__}-saved")
    post_delete.connect(site_changed, sender=model, dispatch_uid=f"frontline-content-{model.__name__}-deleted")
m2m_changed.connect(
    site_changed, sender=PageViewRestriction.groups.through, dispatch_uid="frontline-content-restriction-groups"
)
