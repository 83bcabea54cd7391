from django.urls import path

from programme import notice_views, views

urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/welcome/", views.welcome, name="welcome"),
    path("learning/notices/", notice_views.notice_list, name="notices"),
    path("learning/notices/read/", notice_views.notice_read_all, name="notices_read_all"),
    path("learning/notices/<id:reminder_id>/read/", notice_views.notice_read, name="notice_read"),
    path("email/unsubscribe/<str:token>/", notice_views.email_unsubscribe, name="email_unsubscribe"),
]
