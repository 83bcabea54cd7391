"""Synthetic load data for the coverage reports (``manage.py generate_load_data``, in demo).

A made-up country's worth of trainees, spread over the real agencies and regions with a
realistic skew, working through the four seed courses over the last 24 months: lesson
completions, graded attempts, certificates (valid, expired, revoked, superseded by a
renewal), enrolments consistent with all of that, and a headcount for every agency x region
cell.

Everything generated belongs to a user whose e-mail address ends in ``@load.frontline.test``
(headcounts: ``updated_by`` is the generator's own account in that domain), so ``clear()``
removes exactly what was generated and nothing else.

The work is split in two:

* planning (``plan_trainee``): plain Python on plain data, seeded, no database. Each trainee's
  story is drawn here, dates included, so every rule is kept by construction: lessons are
  completed before the assessment, a certificate belongs to a passed attempt of the same
  user and course, an enrolment is completed exactly when the course was passed, a renewal
  supersedes the previous certificate, at most one certificate per user and course is
  ``valid``.
* writing (``generate``): chunks of planned trainees turned into model instances (``rows``) and
  inserted with ``bulk_create`` (a handful of INSERTs per chunk, no per-row queries, no
  signals). ``auto_now``/``auto_now_add`` are switched off while writing so the planned dates
  are stored.

Dates: trainees joined over the last 24 months; a small "first cohort" joined 24-30 months
ago, which is where certificates that have already expired (24-month validity) come from.
"""
