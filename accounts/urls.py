from django.urls import path

from accounts import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export.json", views.my_data_export, name="my_data_export"),
    path("my-data/erase/", views.my_data_erase, name="my_data_erase"),
    path("my-data/erased/", views.my_data_erased, name="my_data_erased"),
]
