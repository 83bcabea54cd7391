"""Wagtail's and wagtail-localize's admin strings that ship without a Russian translation.

Their catalogues lag behind their source: strings added in recent releases (the page editor's
autosave and conflict messages, listing counts, wagtail-localize's list of locales) show in
English on an otherwise Russian admin. Translations in the project's catalogue (``locales/``,
which LOCALE_PATHS puts before every app's) take their place; makemessages keeps only msgids
it finds in the project's source, so they are marked here. Never imported: the strings are
looked up by Wagtail's own gettext calls.

tests/admin/test_admin_russian.py renders the admin's pages in Russian and fails on English.
"""

from django.utils.translation import gettext_noop

WAGTAIL_ADMIN = (
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("Actions (footer)"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("View latest version"),
    gettext_noop("Currently idle"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. "
        "Open the editor in a separate tab to view the last saved version."
    ),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("- Select an option -"),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
)

WAGTAIL_LOCALIZE_LOCALES = (
    gettext_noop("Language"),
    gettext_noop("Select a new language"),
    gettext_noop("Yes, delete"),
    gettext_noop("Back"),
    gettext_noop("Save"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language or delete this locale."
    ),
    gettext_noop("Usage"),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop("Locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '{0}' created."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Delete locale"),
    gettext_noop("Locale '{0}' updated."),
    gettext_noop("This locale cannot be deleted because there are pages and/or other objects using it."),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("Locale '{0}' deleted."),
)
