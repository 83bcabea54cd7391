"""The site's URLs plus a bare Django view, for ``bench/load.py`` only (selected by
``bench.settings``, never by the site's own settings): the bare view answers through the same
gunicorn, settings and middleware as every page, so its throughput is the framework's ceiling
on this machine."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"Hello, world\n", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *site_urlpatterns]
