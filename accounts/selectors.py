from django.db.models import QuerySet

from accounts.models import Agency, Region


def active_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).order_by("sort_order", "name")


def active_regions() -> QuerySet[Region]:
    return Region.objects.filter(is_active=True).order_by("sort_order", "name")
