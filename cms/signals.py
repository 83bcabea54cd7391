"""Forget the cached navigation (cms.context_processors) when what it shows changes."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.models import CoordinatorScope, User
from cms.context_processors import catalogue_url_key, coordinator_key, helpline_key
from cms.models import HelplineSettings


def forget_catalogue_urls(**kwargs) -> None:
    from cms.routing import forget_sites

    forget_sites()  # the sites hold their root page, and its path may have changed
    site_ids = [*Site.objects.values_list("pk", flat=True), 0]
    cache.delete_many(
        [catalogue_url_key(site_id, code) for site_id in site_ids for code, _name in settings.LANGUAGES]
    )


page_published.connect(forget_catalogue_urls, dispatch_uid="frontline-nav-published")
page_unpublished.connect(forget_catalogue_urls, dispatch_uid="frontline-nav-unpublished")
post_page_move.connect(forget_catalogue_urls, dispatch_uid="frontline-nav-moved")


@receiver(post_delete, dispatch_uid="frontline-nav-page-deleted")
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_catalogue_urls()


@receiver(post_save, sender=Site, dispatch_uid="frontline-nav-site-saved")
@receiver(post_delete, sender=Site, dispatch_uid="frontline-nav-site-deleted")
def _site_changed(sender, instance, **kwargs):
    forget_catalogue_urls()
    cache.delete(helpline_key(instance.pk))


@receiver(post_save, sender=HelplineSettings, dispatch_uid="frontline-nav-helpline-saved")
@receiver(post_delete, sender=HelplineSettings, dispatch_uid="frontline-nav-helpline-deleted")
def _helpline_changed(sender, instance, **kwargs):
    cache.delete(helpline_key(instance.site_id))


@receiver(post_save, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-saved")
@receiver(post_delete, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-deleted")
def _scope_changed(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.user_id))


@receiver(post_save, sender=User, dispatch_uid="frontline-nav-user-saved")
def _user_saved(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.pk))
