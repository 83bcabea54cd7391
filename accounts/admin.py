from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, CoordinatorScope, Region, User
from courses.models import CoursePage


class CoordinatorScopeInline(admin.TabularInline):
    model = CoordinatorScope
    extra = 0
    verbose_name_plural = _("Coordinator scopes (what this user may see in reports)")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [CoordinatorScopeInline]
    ordering = ["email"]
    list_display = ["email", "full_name", "agency", "region", "is_staff", "is_active"]
    list_filter = ["agency", "region", "is_staff", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    list_select_related = ["agency", "region"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "agency", "region", "position", "preferred_language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]


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
