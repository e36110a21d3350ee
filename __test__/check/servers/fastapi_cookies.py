"""A FastAPI app that starts a session with response.set_cookie, one way per path, behind
Starlette's CORSMiddleware for the origins in PAGE_ORIGINS (comma-separated)."""
import os
import socket
import sys

import uvicorn
from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=os.environ["PAGE_ORIGINS"].split(","), allow_credentials=True)


@app.get("/default/login")
def default_login(response: Response):
    # Starlette's defaults: Path=/ and SameSite=lax.
    response.set_cookie("session", "abc")
    return {"ok": True}


@app.get("/none/login")
def none_login(response: Response):
    response.set_cookie("session", "abc", samesite="none", secure=True, httponly=True)
    return {"ok": True}


@app.get("/logout")
def logout(response: Response):
    response.delete_cookie("session")
    return {"ok": True}


if __name__ == "__main__":
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    print(f"http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    sys.exit(0)
