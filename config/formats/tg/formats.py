# Django's Tajik dates end in the Russian abbreviation "г."; Tajik documents write the year bare.
from django.conf.locale.tg.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"
YEAR_MONTH_FORMAT = "F Y"
