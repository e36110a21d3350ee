"""A one-file Django 5.2 project whose /login starts a session with the session middleware
(signed-cookie sessions, so no database), behind django-cors-headers for the origins in
PAGE_ORIGINS (comma-separated). Django's session cookie: HttpOnly, SameSite=Lax, two weeks."""
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
from django.conf import settings
from django.http import JsonResponse
from django.urls import path


def login(request):
    request.session["user"] = "ada"
    return JsonResponse({"ok": True})


urlpatterns = [path("login", login)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="cors-native-test-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=[
        "corsheaders.middleware.CorsMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
    SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
    CORS_ALLOWED_ORIGINS=os.environ["PAGE_ORIGINS"].split(","),
    CORS_ALLOW_CREDENTIALS=True,
    LOGGING_CONFIG=None,
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
