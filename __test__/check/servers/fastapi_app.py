"""FastAPI apps behind Starlette's CORSMiddleware, one configuration per path prefix, for
the cors-native check tests. PAGE_ORIGIN is the origin of the test page. With FIX_BASE set,
/fixed has that configuration with the fix under test applied (fix_config.py)."""
import os
import socket
import sys

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.applications import Starlette
from starlette.routing import Mount

from fix_config import call_keywords, fixed

ORIGIN = os.environ["PAGE_ORIGIN"]

CONFIGS = {
    "typical": dict(allow_origins=[ORIGIN], allow_credentials=True, allow_methods=["*"], allow_headers=["*"]),
    "slash": dict(allow_origins=[ORIGIN + "/"], allow_credentials=True),
    "star-credentials": dict(allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"]),
    "star": dict(allow_origins=["*"]),
    "limited-headers": dict(allow_origins=[ORIGIN], allow_methods=["*"], allow_headers=["content-type"]),
    "get-only": dict(allow_origins=[ORIGIN], allow_methods=["GET"]),
}


def api():
    app = FastAPI()

    @app.api_route("/items", methods=["GET", "POST", "PUT", "DELETE"])
    def items():
        return [{"id": 1}]

    @app.get("/boom")
    def boom():
        raise RuntimeError("the database is down")

    return app


def application():
    configs = dict(CONFIGS)
    if "FIX_BASE" in os.environ:
        configs["fixed"] = fixed(CONFIGS[os.environ["FIX_BASE"]], call_keywords)
    routes = []
    for name, options in configs.items():
        inner = api()
        inner.add_middleware(CORSMiddleware, **options)
        routes.append(Mount(f"/{name}", app=inner))
    return Starlette(routes=routes)


if __name__ == "__main__":
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    print(f"http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(application(), log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])
    sys.exit(0)
