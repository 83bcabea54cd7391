"""The one place that decides what a coordinator may see.

Every report, drill-down, export and certificate download builds a ``Scope`` for the
requesting user and reads trainees only through ``Scope.trainees()``.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from accounts.models import Agency, CoordinatorScope, Region


@dataclass(frozen=True)
class Scope:
    """The (agency, region) pairs a user may see; ``None`` in a pair means "all"."""

    pairs: tuple[tuple[int | None, int | None], ...]

    @classmethod
    def for_user(cls, user) -> "Scope":
        if not user.is_authenticated:
            return cls(pairs=())
        if user.is_superuser:
            return cls(pairs=((None, None),))
        return cls(pairs=tuple(CoordinatorScope.objects.filter(user=user).values_list("agency_id", "region_id")))

    @property
    def is_empty(self) -> bool:
        return not self.pairs

    def _condition(self, agency_field: str, region_field: str) -> Q:
        condition = None
        for agency_id, region_id in self.pairs:
            part = Q()
            if agency_id is not None:
                part &= Q(**{agency_field: agency_id})
            if region_id is not None:
                part &= Q(**{region_field: region_id})
            if not part:  # all agencies in all regions
                return Q()
            condition = part if condition is None else condition | part
        return condition if condition is not None else Q(pk__in=[])

    def trainees(self) -> QuerySet:
        """Active users with an agency and region inside the scope."""
        if self.is_empty:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(
            self._condition("agency_id", "region_id"),
            is_active=True,
            agency__isnull=False,
            region__isnull=False,
        )

    def allows(self, agency_id: int | None, region_id: int | None) -> bool:
        return any((a is None or a == agency_id) and (r is None or r == region_id) for a, r in self.pairs)

    def agencies(self) -> QuerySet[Agency]:
        ids = {a for a, _r in self.pairs}
        queryset = Agency.objects.filter(is_active=True)
        return queryset if None in ids else queryset.filter(pk__in=ids)

    def regions(self) -> QuerySet[Region]:
        ids = {r for _a, r in self.pairs}
        queryset = Region.objects.filter(is_active=True)
        return queryset if None in ids else queryset.filter(pk__in=ids)
