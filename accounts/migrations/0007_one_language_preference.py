"""One language preference: Wagtail's admin language mirrors ``User.preferred_language`` from now
on (accounts.signals). An admin language someone chose before is the newer, deliberate choice
(the site's default is English, which few ever changed), so it becomes the user's preference;
a profile with no admin language takes the user's."""

from django.conf import settings
from django.db import migrations
from django.db.models import OuterRef, Subquery


def one_preference(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    languages = [code for code, _name in settings.LANGUAGES]
    chosen = UserProfile.objects.filter(user=OuterRef("pk"), preferred_language__in=languages)
    User.objects.filter(wagtail_userprofile__preferred_language__in=languages).update(
        preferred_language=Subquery(chosen.values("preferred_language")[:1])
    )
    UserProfile.objects.exclude(preferred_language__in=languages).update(
        preferred_language=Subquery(User.objects.filter(pk=OuterRef("user_id")).values("preferred_language")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_coordinatorscope_unique"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(one_preference, migrations.RunPython.noop)]
