from django.urls import path

from programme import views

urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/welcome/", views.welcome, name="welcome"),
]
