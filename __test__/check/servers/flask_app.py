"""A Flask app with Flask-CORS, one configuration per blueprint: the typical one and the
classic mistakes, for the cors-native check tests. PAGE_ORIGIN is the origin of the test page;
FIX, when set, is the CORS(...) call of the fix under test, whose keyword arguments configure
/fixed over FIX_BASE's (fix_config.py)."""
import logging
import os
import socket

from flask import Blueprint, Flask, abort, jsonify, request
from flask_cors import CORS
from werkzeug.serving import make_server

from fix_config import call_keywords, fixed

ORIGIN = os.environ["PAGE_ORIGIN"]

CONFIGS = {
    "typical": dict(origins=[ORIGIN], supports_credentials=True),
    "slash": dict(origins=[ORIGIN + "/"]),
    "star-credentials": dict(origins="*", supports_credentials=True),
    "limited-methods": dict(origins=[ORIGIN], methods=["GET", "POST"]),
    "limited-headers": dict(origins=[ORIGIN], allow_headers=["Content-Type"]),
    "auth-first": dict(origins=[ORIGIN]),
}


def blueprint(name):
    routes = Blueprint(name, __name__, url_prefix=f"/{name}")

    @routes.route("/items", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def items():
        return jsonify([{"id": 1}])

    @routes.route("/folder/", methods=["GET", "PUT"])
    def folder():
        return jsonify([{"id": 1}])

    @routes.route("/boom")
    def boom():
        raise RuntimeError("the database is down")

    return routes


def application():
    app = Flask(__name__)
    configs = dict(CONFIGS)
    if "FIX" in os.environ:
        configs["fixed"] = fixed(CONFIGS[os.environ["FIX_BASE"]], call_keywords)
    for name, options in configs.items():
        routes = blueprint(name)
        CORS(routes, **options)
        app.register_blueprint(routes)

    @app.before_request
    def authenticate():
        # Authentication that runs before the preflight is answered refuses it too.
        if request.path.startswith("/auth-first/") and "Authorization" not in request.headers:
            abort(401)

    app.register_blueprint(blueprint("no-cors"))
    return app


if __name__ == "__main__":
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, application(), threaded=True)
    print(f"http://127.0.0.1:{server.socket.getsockname()[1]}", flush=True)
    server.serve_forever()
