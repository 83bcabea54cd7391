# Tajik dates as Tajik documents write them: "23 ноябри соли 2026" is long-winded and Django's
# defaults end in the Russian "г."; the year needs no suffix.
from django.conf.locale.tg.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"
YEAR_MONTH_FORMAT = "F Y"
