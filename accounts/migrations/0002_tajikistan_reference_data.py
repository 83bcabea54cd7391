"""The country pack's agencies and regions, so a fresh installation can take sign-ups at once.

The pack is ``settings.COUNTRY_PACK_DIR`` (Tajikistan's, ``countries/tj``, unless set), hence
the migration's name. Administrators edit or extend the rows later (Wagtail admin, "Reference
data"); ``manage.py load_country_pack`` loads a changed or another pack.
"""

from django.db import migrations

from accounts.country_packs import current_pack
from accounts.reference_data import country_pack_load


def load(apps, schema_editor):
    country_pack_load(
        pack=current_pack(), agency_model=apps.get_model("accounts", "Agency"), region_model=apps.get_model("accounts", "Region")
    )


def unload(apps, schema_editor):
    pack = current_pack()
    Agency = apps.get_model("accounts", "Agency")
    Agency.objects.filter(code__in=[a.code for a in pack.agencies]).delete()
    apps.get_model("accounts", "Region").objects.filter(code__in=[r.code for r in pack.regions]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
