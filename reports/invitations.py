"""Bulk invitation of trainees from a CSV file (being written)."""


def upload(request):
    raise NotImplementedError


def preview(request, batch_id):
    raise NotImplementedError
