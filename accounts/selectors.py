from django.db.models import QuerySet

from accounts.models import Agency, CoordinatorScope, Region


def active_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).order_by("sort_order", "name")


def active_regions() -> QuerySet[Region]:
    return Region.objects.filter(is_active=True).order_by("sort_order", "name")


def is_coordinator(user) -> bool:
    """Administrators, and users holding at least one coordinator scope."""
    return user.is_authenticated and (user.is_superuser or CoordinatorScope.objects.filter(user=user).exists())
