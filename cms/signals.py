"""Keep what is remembered of the published content (cms.published) and the header's
coordinator link (cms.context_processors) in step with the database."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import CoordinatorScope, User
from cms.context_processors import coordinator_key
from cms.models import HelplineSettings
from cms.published import content_changed

page_published.connect(content_changed, dispatch_uid="frontline-content-published")
page_unpublished.connect(content_changed, dispatch_uid="frontline-content-unpublished")
post_page_move.connect(content_changed, dispatch_uid="frontline-content-moved")
for model in (Site, Locale, PageViewRestriction, HelplineSettings):
    post_save.connect(content_changed, sender=model, dispatch_uid=f"frontline-content-{model.__name__}-saved")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"frontline-content-{model.__name__}-deleted")
m2m_changed.connect(
    content_changed, sender=PageViewRestriction.groups.through, dispatch_uid="frontline-content-restriction-groups"
)


@receiver(post_save, dispatch_uid="frontline-content-page-saved")
@receiver(post_delete, dispatch_uid="frontline-content-page-deleted")
def _page_changed(sender, instance, **kwargs):
    # Any save, not only publishing: code, the shell and data migrations change pages directly.
    if isinstance(instance, Page):
        content_changed()


@receiver(post_save, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-saved")
@receiver(post_delete, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-deleted")
def _scope_changed(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.user_id))


@receiver(post_save, sender=User, dispatch_uid="frontline-nav-user-saved")
def _user_saved(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.pk))
