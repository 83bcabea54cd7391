from django.urls import path

from courses import views, welcome

urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/welcome/", welcome.welcome, name="welcome"),
    path("courses/<id:course_id>/start/", views.course_start, name="course_start"),
    path("lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
]
