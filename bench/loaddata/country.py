"""The made-up country the load data is drawn from: how trainees spread over agencies and
regions, their names and positions (what trainees answer: ``responses``)."""

from datetime import timedelta

DOMAIN = "load.frontline.test"
EMAIL_SUFFIX = f"@{DOMAIN}"
GENERATOR_EMAIL = f"generator{EMAIL_SUFFIX}"

DEFAULT_TRAINEES = 100_000
DEFAULT_BATCH_SIZE = 5_000
DAY = timedelta(days=1)
HISTORY_DAYS = 730  # 24 months

# --------------------------------------------------------------------------- the country

# Share of trainees per agency (codes from accounts' reference-data migration). An agency
# not listed here (added by an administrator) gets UNKNOWN_AGENCY_WEIGHT.
AGENCY_WEIGHTS = {
    "police": 36,
    "border-troops": 26,
    "migration": 9,
    "customs": 8,
    "consular": 6,
    "prosecutor": 5,
    "mia-ctip": 4,
    "drug-control": 4,
    "labour-inspectorate": 2,
}
UNKNOWN_AGENCY_WEIGHT = 1

# Where an agency's staff serve. Regions missing from an agency's row have none of its staff.
DEFAULT_REGION_WEIGHTS = {"dushanbe": 22, "sughd": 28, "khatlon": 30, "gbao": 4, "drs": 16}
REGION_WEIGHTS = {
    "police": DEFAULT_REGION_WEIGHTS,
    "prosecutor": DEFAULT_REGION_WEIGHTS,
    # The Afghan border runs through Khatlon and GBAO.
    "border-troops": {"dushanbe": 6, "sughd": 22, "khatlon": 34, "gbao": 30, "drs": 8},
    "consular": {"dushanbe": 40, "abroad-ru": 30, "abroad-kz": 12, "abroad-tr": 10, "abroad-ae": 8},
    "migration": {
        "dushanbe": 20,
        "sughd": 22,
        "khatlon": 22,
        "gbao": 3,
        "drs": 13,
        "abroad-ru": 14,
        "abroad-kz": 4,
        "abroad-tr": 1,
        "abroad-ae": 1,
    },
    "mia-ctip": {"dushanbe": 55, "sughd": 18, "khatlon": 17, "gbao": 3, "drs": 7},
    "customs": {"dushanbe": 18, "sughd": 35, "khatlon": 27, "gbao": 10, "drs": 10},
    # Drug control has staff in GBAO (see STAFF_WITHOUT_TRAINEES) but none of them registered.
    "drug-control": {"dushanbe": 40, "sughd": 20, "khatlon": 25, "drs": 15},
    "labour-inspectorate": {"dushanbe": 50, "sughd": 25, "khatlon": 25},
}

# Gaps the dashboard should show.
NO_CERTIFICATES_AGENCIES = {"labour-inspectorate"}  # they study, nobody has passed yet
NO_CERTIFICATES_REGIONS = {"abroad-ae"}
STAFF_WITHOUT_TRAINEES = {("drug-control", "gbao"): 0.0012}  # headcount = share x trainees

MALE_NAMES = [
    "Abdullo",
    "Akmal",
    "Alisher",
    "Anvar",
    "Bahodur",
    "Bakhtiyor",
    "Behruz",
    "Daler",
    "Dilshod",
    "Farhod",
    "Farrukh",
    "Firdavs",
    "Ismoil",
    "Jamshed",
    "Khurshed",
    "Komron",
    "Mahmadali",
    "Manuchehr",
    "Muhammad",
    "Nurullo",
    "Parviz",
    "Rustam",
    "Saidali",
    "Sharif",
    "Shavkat",
    "Sino",
    "Sunnatullo",
    "Umed",
    "Zafar",
    "Zoir",
]
FEMALE_NAMES = [
    "Dilnoza",
    "Farangis",
    "Firuza",
    "Gulnora",
    "Madina",
    "Malika",
    "Manizha",
    "Mavjuda",
    "Mehrangez",
    "Munisa",
    "Nargis",
    "Nigina",
    "Parvina",
    "Rukhshona",
    "Sabrina",
    "Shahnoza",
    "Sitora",
    "Tahmina",
    "Zarina",
    "Zebo",
]
SURNAMES = [  # -ov/-ev take -a for women
    "Azimov",
    "Boboev",
    "Davlatov",
    "Hakimov",
    "Ismoilov",
    "Karimov",
    "Kholov",
    "Mirzoev",
    "Nazarov",
    "Nurov",
    "Qodirov",
    "Rahimov",
    "Rasulov",
    "Safarov",
    "Saidov",
    "Sattorov",
    "Sharipov",
    "Sultonov",
    "Yusupov",
    "Aliev",
]
ZODA_SURNAMES = [
    "Davlatzoda",
    "Hakimzoda",
    "Mirzozoda",
    "Nazarzoda",
    "Qurbonzoda",
    "Rahmonzoda",
    "Saidzoda",
    "Sharifzoda",
]
POSITIONS = {
    "police": ["District inspector", "Patrol officer", "Investigator", "Senior investigator", "Duty officer"],
    "mia-ctip": ["Investigator", "Senior investigator", "Analyst", "Victim liaison officer"],
    "border-troops": ["Border guard", "Checkpoint officer", "Post commander", "Patrol leader"],
    "consular": ["Consul", "Vice-consul", "Consular officer", "Attaché"],
    "migration": ["Migration officer", "Senior specialist", "Registration officer"],
    "prosecutor": ["Assistant prosecutor", "Prosecutor", "Senior prosecutor"],
    "customs": ["Customs inspector", "Senior inspector", "Shift supervisor"],
    "drug-control": ["Operative", "Senior operative", "Analyst"],
    "labour-inspectorate": ["Labour inspector", "Senior labour inspector"],
}
DEFAULT_POSITIONS = ["Officer", "Senior officer", "Specialist"]
LANGUAGES = (("tg", 50), ("ru", 42), ("en", 8))
REVOCATION_REASONS = [
    "Issued in error; the assessment was taken by another person.",
    "Duplicate record corrected by the training coordinator.",
    "Holder's identity could not be confirmed.",
]
