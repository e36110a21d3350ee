"""A one-file Django 5.2 project with django-cors-headers 4.9, for the cors-native check
tests. CONFIG picks the settings: "typical" (listed origin, credentials) or "allow-all"
(any origin, credentials, literal * lists). PAGE_ORIGIN is the origin of the test page. The
fix under test, if any, is applied over CONFIG's settings (fix_config.py)."""
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
from corsheaders import defaults
from django.conf import settings
from django.http import JsonResponse
from django.urls import path

from fix_config import assignments, fixed

ORIGIN = os.environ["PAGE_ORIGIN"]
# What a fix's *default_headers / *default_methods stand for.
DEFAULTS = {"default_headers": defaults.default_headers, "default_methods": defaults.default_methods}
CORS = fixed({
    "typical": dict(CORS_ALLOWED_ORIGINS=[ORIGIN], CORS_ALLOW_CREDENTIALS=True),
    "allow-all": dict(CORS_ALLOW_ALL_ORIGINS=True, CORS_ALLOW_CREDENTIALS=True, CORS_ALLOW_METHODS=["*"], CORS_ALLOW_HEADERS=["*"]),
}[os.environ["CONFIG"]], lambda text: assignments(text, DEFAULTS))


def items(request):
    return JsonResponse([{"id": 1}], safe=False)


def boom(request):
    raise RuntimeError("the database is down")


urlpatterns = [path("items", items), path("boom", boom)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="cors-native-test-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=[
        "corsheaders.middleware.CorsMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    LOGGING_CONFIG=None,
    **CORS,
)
django.setup()


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    from django.core.wsgi import get_wsgi_application

    server = make_server("127.0.0.1", 0, get_wsgi_application(), server_class=ThreadingServer, handler_class=QuietHandler)
    print(f"http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()
    sys.exit(0)
