from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class LocalizedName(models.Model):
    """Reference data named in each interface language; English is the fallback."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name (English)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    name_tg = models.CharField(_("name (Tajik)"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive entries are kept for history but not offered at sign-up.")
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        language = (get_language() or "en").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name


class Agency(LocalizedName):
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )

    class Meta(LocalizedName.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")


class Region(LocalizedName):
    class Kind(models.TextChoices):
        DOMESTIC = "domestic", _("Region of the country")
        ABROAD = "abroad", _("Duty station abroad")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DOMESTIC)

    class Meta(LocalizedName.Meta):
        verbose_name = _("region or duty station")
        verbose_name_plural = _("regions and duty stations")


class FrontlineUserManager(UserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region or duty station"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    erased_at = models.DateTimeField(
        _("personal data erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the holder's name and e-mail address were erased at their request."),
    )

    objects = FrontlineUserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        indexes = [models.Index(fields=["agency", "region"])]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name.split() or [self.email])[0]

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class CoordinatorScope(models.Model):
    """What a training coordinator may see: one agency or all, one region or all.

    A coordinator may hold several scopes; what they see is the union. Every report, list,
    export and certificate download goes through ``accounts.scope``.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coordinator_scopes")
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty for all agencies."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region or duty station"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty for all regions."),
    )

    class Meta:
        verbose_name = _("coordinator scope")
        verbose_name_plural = _("coordinator scopes")
        # The same scope twice is one scope. "All" is NULL, which a plain unique constraint lets
        # repeat, and SQLite has no NULLS NOT DISTINCT: one constraint per place "all" can stand.
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "region"], name="one_scope_per_agency_region"),
            models.UniqueConstraint(
                fields=["user", "region"], condition=models.Q(agency__isnull=True), name="one_scope_per_region"
            ),
            models.UniqueConstraint(
                fields=["user", "agency"], condition=models.Q(region__isnull=True), name="one_scope_per_agency"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(agency__isnull=True, region__isnull=True),
                name="one_national_scope",
            ),
        ]

    def __str__(self):
        agency = self.agency.display_name if self.agency else _("all agencies")
        region = self.region.display_name if self.region else _("all regions")
        return f"{agency} / {region}"
