from django.urls import path

from assessments import views

urlpatterns = [
    path("attempts/<id:attempt_id>/", views.attempt_detail, name="attempt_detail"),
    path("attempts/<id:attempt_id>/submit/", views.attempt_submit, name="attempt_submit"),
]
