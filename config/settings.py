"""Frontline settings, read from the environment.

Development needs nothing set: DEBUG defaults on only through ``DJANGO_DEBUG=1`` (the
README's start command sets it), SQLite is used when ``DATABASE_URL`` is unset, and e-mail
goes to the console. Production sets ``SECRET_KEY``, ``DATABASE_URL``, ``ALLOWED_HOSTS`` and
the ``EMAIL_*`` variables; ``manage.py check --deploy`` then reports no issues.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from accounts.country_packs import read_pack

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "cms",
    "courses",
    "assessments",
    "certificates",
    "reports",
    "demo",
    "invitations",
    "programme",
    "digests",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.FrontlineUsersAppConfig",  # wagtail.users with our user views
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    # No Django admin is served (the Wagtail admin is the one admin); the app stays for its
    # LogEntry table, whose old entries erasure still redacts (accounts.services).
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    "crontask",
]

MIDDLEWARE = [
    "cms.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.published.ContentVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionIdleTimeoutMiddleware",
    # Needs to know who is signed in, and must run before CsrfViewMiddleware.process_view reads the form.
    "cms.middleware.AnonymousRequestBodyLimitMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.helpline",
                "courses.context_processors.catalogue_link",
                "accounts.context_processors.reports_link",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend uses PostgreSQL full-text fields (system check postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")
    # The reports' aggregate queries cross PostgreSQL's JIT cost threshold; compiling them costs
    # 1-3 s per query and saves nothing at this size (bench/reports.py).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for SQLite's lock instead of failing with "database is locked" when two
    # requests write at once (the Wagtail admin autosaves in the background as editors type).
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Django's rules with the project's own (translated) messages; the length rule first, as the
# help under every new-password field lists them in this order.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.password_validation.NumericPasswordValidator"},
]
# Set-password links in invitations and password resets stay valid for a week.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 60 * 60
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: e-mail is the login; a trainee must confirm it before logging in.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.TraineeSignupForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A reset link proves the mailbox: whoever follows it is signed in (allauth's login stages still
# run, so an account with an authenticator gives its code first). Invitations do the same
# through their own page (invitations.accept).
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
# One address per account, as trainees log in with one: adding an address is a request to
# change to it, which replaces the old one once confirmed. The forms refuse addresses that
# another account holds, and no one's unconfirmed request blocks a sign-up or gets a password
# reset (accounts.allauth_forms, accounts.forms.TraineeSignupForm, accounts.adapters).
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_FORMS = {
    "add_email": "accounts.allauth_forms.AddEmailForm",
    "reset_password": "accounts.allauth_forms.ResetPasswordForm",
}
# Login attempts are throttled per IP and per account (allauth's defaults, stated explicitly).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Frontline"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("tg", _("Tajik")),
]
LANGUAGE_COOKIE_NAME = "frontline_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = not DEBUG
# The project's own catalogues, then its translations of third-party strings (django-allauth
# ships no Tajik).
LOCALE_PATHS = [BASE_DIR / "locales", BASE_DIR / "locales" / "vendor"]
FORMAT_MODULE_PATH = ["config.formats"]
# The country this installation serves (accounts/country_packs.py): its agencies and regions, the
# dashboard's map, the time zone (unless TIME_ZONE is set) and the trainees' default language.
COUNTRY_PACK_DIR = BASE_DIR / os.environ.get("COUNTRY_PACK_DIR", "countries/tj")
country_pack = read_pack(COUNTRY_PACK_DIR, languages=[code for code, _name in LANGUAGES])
TIME_ZONE = os.environ.get("TIME_ZONE") or country_pack.time_zone
TRAINEE_DEFAULT_LANGUAGE = country_pack.default_language
del country_pack
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Frontline"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin speaks the user's one language (accounts.admin_account); in Tajik, Wagtail's own
# strings are in Russian (accounts.translation_fallback).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ru", "Русский"), ("tg", "Тоҷикӣ")]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# accounts.views.admin_login: allauth's login for visitors, a 403 page for users without admin access.
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
# Pages and documents with a login restriction send visitors to allauth's login too (Wagtail's
# own front-end login would skip the rate limits, e-mail verification and the second factor).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No Gravatar in the admin: it would send a hash of every editor's e-mail address to a third
# party (and fails, with console errors, where the network is closed).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# "Translate this page" creates the new language's page as a draft (wagtail-localize would
# otherwise publish it at once, in the source language, whoever asked): it goes live when
# someone who may publish (a moderator) publishes the translation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Draftail, with its editable area named by the field's label (for screen readers).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "cms.widgets.LabelledDraftailRichTextArea"}}

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that hold personal data (certificate PDFs) live outside MEDIA_ROOT, which the web server
# publishes; they are only ever served by views that check who is asking.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # A string: Wagtail hands the storage's arguments to a background task as JSON when a
        # document is deleted (wagtail.documents.signal_handlers).
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Files editors upload must never run as a page of this site. A document published from
# MEDIA_ROOT is served inline on the site's own origin, so an HTML or JavaScript file would run
# with the session of whoever opens it. Documents (cms.PrivateDocument) therefore live in the
# private storage, under PRIVATE_MEDIA_ROOT/documents/. They leave only through Wagtail's serve
# view, which checks collection privacy; cms/documents.py adds a sandbox CSP to it. Every
# document is sent as an attachment, and only these types may be uploaded. Images are limited
# to raster formats, never SVG, which can carry script.
WAGTAILDOCS_DOCUMENT_MODEL = "cms.PrivateDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    *("doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp"),
    *("txt", "csv"),
    *("png", "jpg", "jpeg", "gif", "webp"),
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered fragments of published content, keyed by what they were rendered from (page,
    # revision, language), so a copy in each process is never stale and saves a round trip.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# E-mail: console in development; SMTP from EMAIL_* variables in production.
if os.environ.get("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS"),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Frontline <noreply@frontline.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: on by default, relaxed only for local development over plain HTTP.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Signed out after two idle hours (accounts.middleware), and after twelve hours in any case.
SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_SECONDS", str(2 * 60 * 60)))
SESSION_COOKIE_AGE = 12 * 60 * 60
# Sessions are read from the cache (Redis with REDIS_URL) and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
# Behind a proxy every request comes from the proxy's address: the rate limits (allauth's and
# web.ratelimit's) key on the client address the TRUSTED_PROXY_COUNT proxies appended to
# X-Forwarded-For, counted from the right, so one client's bad logins lock out only that client.
# The TLS proxy is one such hop unless TRUSTED_PROXY_COUNT says otherwise.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or (1 if env_bool("BEHIND_TLS_PROXY") else 0))
# web.ratelimit's counters (django-ratelimit): shared between processes once REDIS_URL is set.
RATELIMIT_USE_CACHE = "default"
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its preview views SAMEORIGIN itself; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

# Content Security Policy for the public and trainee pages: scripts only from the site itself
# or with the per-request nonce, never inline. (The Wagtail admin is exempt: see
# cms.middleware.) Inline style attributes are allowed for progress bars.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "media-src": [CSP.SELF, "https:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Request bodies (security review #17). Visitors who are not signed in only ever send small
# forms (sign-in, sign-up, password reset), so a larger body from them is refused with a 413
# before it is read (cms.middleware). Signed-in users have Django's limits: form fields up to
# DATA_UPLOAD_MAX_MEMORY_SIZE in all; files above FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to a
# temporary file. The proxy in front caps every body too (README, client_max_body_size).
ANONYMOUS_MAX_BODY_BYTES = int(os.environ.get("ANONYMOUS_MAX_BODY_BYTES") or 1_048_576)  # 1 MiB
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# No page uses these browser features; Permissions-Policy (cms.middleware) switches them off
# for the site and anything embedded in it (security review #18). Only features every current
# browser recognises: Chromium logs an unknown one (e.g. interest-cohort) as a console error.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Background work (certificate PDFs, invitation and reminder e-mails, digests, big exports) goes
# through Django's tasks framework into a durable queue in the database (django-tasks-db): the
# request only adds a row, and ``manage.py db_worker`` runs it (README, "Background work").
# TASKS_BACKEND picks another backend: ``django.tasks.backends.immediate.ImmediateBackend`` runs
# each task where it is enqueued (config/settings_test.py uses it).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Recurring jobs (``@cron`` above ``@task``) are enqueued by ``manage.py crontask``. With Redis
# configured the scheduler holds a lock there, so a second scheduler (on another host, or
# started by mistake) waits instead of enqueuing every job twice; without Redis its lock is
# local to the process, so run exactly one scheduler.
CRONTASK = {"REDIS_URL": os.environ.get("CRONTASK_REDIS_URL") or os.environ.get("REDIS_URL") or None}

# Exports of more rows than this are prepared by the worker and their link e-mailed (digests);
# the link works for EXPORT_LINK_DAYS days.
EXPORT_INLINE_MAX_ROWS = int(os.environ.get("EXPORT_INLINE_MAX_ROWS") or 5000)
EXPORT_LINK_DAYS = 7

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail logs every background task it runs; that is noise outside debugging.
    "loggers": {
        name: {"level": "WARNING"}
        # apscheduler (crontask's scheduler) logs each run of every job, its lock's too, every 5 s.
        for name in ("django.tasks", "django_tasks", "wagtail", "weasyprint", "fontTools", "apscheduler")
    }
    # Django's own console handler (DEBUG only) would print every django.* line a second time
    # beside the root's. (Its mail_admins handler goes too: ADMINS is not used.)
    | {"django": {"level": "INFO"}},
}
