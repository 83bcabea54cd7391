from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogContext

from accounts.models import Agency, CoordinatorScope, Region, User
from accounts.services import user_erase
from courses.models import CoursePage


class CoordinatorScopeInline(admin.TabularInline):
    model = CoordinatorScope
    extra = 0
    verbose_name_plural = _("Coordinator scopes (what this user may see in reports)")


class AuditedAdminMixin:
    """Changes made here are logged with the acting user, as in Wagtail's admin (whose
    views set the same log context): role and scope changes are recorded by signals."""

    def changeform_view(self, request, *args, **kwargs):
        with LogContext(user=request.user):
            return super().changeform_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        with LogContext(user=request.user):
            return super().changelist_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with LogContext(user=request.user):
            return super().delete_view(request, *args, **kwargs)


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    inlines = [CoordinatorScopeInline]
    actions = ["erase_personal_data"]
    readonly_fields = ["erased_at"]
    ordering = ["email"]
    list_display = ["email", "full_name", "agency", "region", "is_staff", "is_active"]
    list_filter = ["agency", "region", "is_staff", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    list_select_related = ["agency", "region"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "agency", "region", "position", "preferred_language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined", "erased_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]

    @admin.action(description=_("Erase personal data"), permissions=["change"])
    def erase_personal_data(self, request, queryset):
        """Erase the selected users' names and e-mail addresses (after a confirmation page);
        their training records stay, without the name, for the reports."""
        skipped_self = queryset.filter(pk=request.user.pk).exists()
        candidates = queryset.exclude(pk=request.user.pk).filter(erased_at__isnull=True)
        if not request.user.is_superuser:
            candidates = candidates.filter(is_superuser=False)
        if request.POST.get("post") == "yes":
            erased = 0
            for user in candidates:
                user_erase(user=user, by=request.user)
                erased += 1
            if erased:
                self.message_user(
                    request,
                    ngettext(
                        "The personal data of %(count)d user was erased.",
                        "The personal data of %(count)d users was erased.",
                        erased,
                    )
                    % {"count": erased},
                    messages.SUCCESS,
                )
            if skipped_self:
                self.message_user(
                    request, _("You cannot erase your own data here; use the “Your data” page."), messages.WARNING
                )
            if not erased and not skipped_self:
                self.message_user(request, _("Nobody's data was erased."), messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase personal data"),
            "subtitle": None,
            "users": list(candidates.select_related("agency", "region")),
            "skipped": queryset.count() - candidates.count(),
            "queryset": candidates,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/accounts/user/erase_confirmation.html", context)


class RequiredCourseInline(admin.TabularInline):
    """The courses an agency requires (the same list as "Required for" on each course page)."""

    model = CoursePage.audiences.through
    extra = 1
    verbose_name = _("required course")
    verbose_name_plural = _("required courses")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "coursepage":
            kwargs["queryset"] = CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    inlines = [RequiredCourseInline]
    list_display = ["name", "code", "parent", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["name", "name_ru", "name_tg", "code"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    list_filter = ["kind"]
    search_fields = ["name", "name_ru", "name_tg", "code"]
