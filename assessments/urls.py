from django.urls import path

from assessments import views

urlpatterns = [
    path("attempts/start/<id:assessment_id>/", views.attempt_start, name="attempt_start"),
    path("attempts/<id:attempt_id>/", views.attempt_detail, name="attempt_detail"),
    path("attempts/<id:attempt_id>/save/", views.attempt_save, name="attempt_save"),
    path("attempts/<id:attempt_id>/submit/", views.attempt_submit, name="attempt_submit"),
]
