from django.urls import path

from courses import views

urlpatterns = [
    path("courses/<id:course_id>/start/", views.course_start, name="course_start"),
    path("lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
]
