from accounts.models import Agency, Region
from accounts.scope import Scope
from invitations.checks import language_names
from invitations.models import InvitationBatch, InvitedAddress


def email_invited(email: str) -> bool:
    """Whether ``email`` is on an invitation list a coordinator has uploaded but not yet sent."""
    return InvitedAddress.objects.filter(email=email.lower(), batch__status=InvitationBatch.Status.PREVIEW).exists()


def batch_rows_shown(*, batch: InvitationBatch) -> list[dict]:
    """The batch's rows with the agency, region and language named in the reader's language."""
    agencies = Agency.objects.in_bulk({row.get("agency_id") for row in batch.rows} - {None})
    regions = Region.objects.in_bulk({row.get("region_id") for row in batch.rows} - {None})
    languages = language_names()
    return [
        row
        | {
            "agency_label": agencies[row["agency_id"]].display_name
            if row.get("agency_id") in agencies
            else row["agency"],
            "region_label": regions[row["region_id"]].display_name
            if row.get("region_id") in regions
            else row["region"],
            "language_label": languages.get(row["language"], row["language"]),
        }
        for row in batch.rows
    ]


def template_example(*, scope: Scope) -> tuple[str, str]:
    """Codes of an agency and a region the coordinator may invite to, for the template's example row."""
    agency = scope.agencies().first()
    region = scope.regions().first()
    return (agency.code if agency else "", region.code if region else "")
