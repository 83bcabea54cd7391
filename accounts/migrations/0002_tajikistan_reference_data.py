"""Tajikistan's agencies and regions, so a fresh installation can take sign-ups at once.

Administrators edit or extend them later (Wagtail admin, "Reference data").
"""

from django.db import migrations

AGENCIES = [
    # code, English, Russian, Tajik, parent code
    ("police", "Police (Ministry of Internal Affairs)", "Милиция (Министерство внутренних дел)",
     "Милитсия (Вазорати корҳои дохилӣ)", None),
    ("mia-ctip", "Centre on Trafficking in Persons (Ministry of Internal Affairs)",
     "Центр по противодействию торговле людьми (МВД)",
     "Маркази муқовимат ба хариду фурӯши одамон (ВКД)", "police"),
    ("border-troops", "Border Troops (State Committee for National Security)",
     "Пограничные войска (Государственный комитет национальной безопасности)",
     "Қӯшунҳои сарҳадӣ (Кумитаи давлатии амнияти миллӣ)", None),
    ("consular", "Consular Service (Ministry of Foreign Affairs)",
     "Консульская служба (Министерство иностранных дел)",
     "Хадамоти консулӣ (Вазорати корҳои хориҷӣ)", None),
    ("migration", "Migration Service (Ministry of Labour, Migration and Employment)",
     "Миграционная служба (Министерство труда, миграции и занятости населения)",
     "Хадамоти муҳоҷират (Вазорати меҳнат, муҳоҷират ва шуғли аҳолӣ)", None),
    ("prosecutor", "Prosecutor General's Office", "Генеральная прокуратура", "Прокуратураи генералӣ", None),
    ("customs", "Customs Service", "Таможенная служба", "Хадамоти гумрук", None),
    ("drug-control", "Drug Control Agency", "Агентство по контролю за наркотиками",
     "Агентии назорати маводи нашъадор", None),
    ("labour-inspectorate", "Labour Inspectorate", "Трудовая инспекция", "Нозироти меҳнат", None),
]

REGIONS = [
    # code, English, Russian, Tajik, kind
    ("dushanbe", "Dushanbe", "Душанбе", "Душанбе", "domestic"),
    ("sughd", "Sughd", "Согдийская область", "Вилояти Суғд", "domestic"),
    ("khatlon", "Khatlon", "Хатлонская область", "Вилояти Хатлон", "domestic"),
    ("gbao", "Gorno-Badakhshan (GBAO)", "Горно-Бадахшанская автономная область (ГБАО)",
     "Вилояти Мухтори Кӯҳистони Бадахшон (ВМКБ)", "domestic"),
    ("drs", "Districts of Republican Subordination", "Районы республиканского подчинения",
     "Ноҳияҳои тобеи ҷумҳурӣ", "domestic"),
    ("abroad-ru", "Russian Federation (duty station abroad)", "Российская Федерация (загранучреждение)",
     "Федератсияи Россия (намояндагӣ дар хориҷа)", "abroad"),
    ("abroad-kz", "Kazakhstan (duty station abroad)", "Казахстан (загранучреждение)",
     "Қазоқистон (намояндагӣ дар хориҷа)", "abroad"),
    ("abroad-tr", "Türkiye (duty station abroad)", "Турция (загранучреждение)",
     "Туркия (намояндагӣ дар хориҷа)", "abroad"),
    ("abroad-ae", "United Arab Emirates (duty station abroad)", "Объединённые Арабские Эмираты (загранучреждение)",
     "Аморатҳои Муттаҳидаи Араб (намояндагӣ дар хориҷа)", "abroad"),
]


def load(apps, schema_editor):
    Agency = apps.get_model("accounts", "Agency")
    Region = apps.get_model("accounts", "Region")
    for order, (code, name, name_ru, name_tg, parent_code) in enumerate(AGENCIES):
        Agency.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_ru": name_ru,
                "name_tg": name_tg,
                "sort_order": order,
                "parent": Agency.objects.get(code=parent_code) if parent_code else None,
            },
        )
    for order, (code, name, name_ru, name_tg, kind) in enumerate(REGIONS):
        Region.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_ru": name_ru, "name_tg": name_tg, "kind": kind, "sort_order": order},
        )


def unload(apps, schema_editor):
    apps.get_model("accounts", "Agency").objects.filter(code__in=[a[0] for a in AGENCIES]).delete()
    apps.get_model("accounts", "Region").objects.filter(code__in=[r[0] for r in REGIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
