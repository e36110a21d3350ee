'use strict'
// The `--help` texts of `cors-native` and its commands. Short: the tarball has a size budget.
module.exports = {
  main: `cors-native: a native (Rust) drop-in for the Express cors middleware, and CORS tools.

usage: cors-native <command> [options]

commands:
  check <url>   ask a server the way browsers do and say if, why and how to fix CORS
  why <line>    explain a browser's CORS console line (or a HAR) and check the server
  playground    try cors options in your own browser, on a local page
  build         build the native addon from source (needs Rust)

cors-native <command> --help lists its options; cors-native --version prints the version.

examples:
  npx cors-native check https://api.example.com/items --origin https://app.example.com
  npx cors-native why "Access to fetch at 'https://api.example.com/items' from origin ..."
  npx cors-native playground --port 8080

exit codes: 0 ok (check: every engine allows), 1 check, why: an engine blocks, 2 usage or network error
`,
  check: `usage: cors-native check <url> --origin <origin> [options]
       cors-native check <url> --origins a,b [--methods GET,PUT] [options]

Sends the preflight and the request as a browser would, says whether Chromium, Firefox and
WebKit allow the response, and why not, with the fix for the server.

options:
  --origin <origin>        the page's origin, e.g. https://app.example.com (required)
  --method <M>             request method (default GET)
  --header 'Name: value'   a request header the page sets; repeatable (default none)
  --data <body>            request body (default none)
  --credentials            send as fetch(url, { credentials: 'include' }) (default off)
  --cookie 'n=v; attrs'    a cookie the browser holds from a visit to the URL's site: is it
                           sent, per engine? Repeatable (default none; never sent by check)
  --resolve host:port:ip   connect to ip for host:port, as curl does; repeatable
  --insecure               accept the server's certificate unchecked (self-signed), as curl -k
  --json                   print one JSON object instead of text (default off)
  --timeout <ms>           for the whole check, 1 to 600000 (default 10000)
  --no-probes              skip the "works but unsafe" probes (default: probe)
  --page-address-space S   where the page is for Local Network Access: public, local or
                           loopback (default: from the page origin's host)
  --server-address-space S where the server is: public, local or loopback (default: from
                           the address the URL resolves to)
  --permission P=STATE     the page's loopback-network or local-network permission: granted,
                           denied or prompt; repeatable (default prompt: the user is asked)
  --target-address-space S fetch(url, { targetAddressSpace }): local, loopback or public
                           (default none)
  --origins a,b            a matrix for CI: one check per origin (instead of --origin)
  --methods M,N            with --origins: and per method (default GET)
  -h, --help               this help

examples:
  cors-native check https://api.example.com/items --origin https://app.example.com \\
    --method PUT --header 'Content-Type: application/json' --data '{"a":1}' --credentials
  cors-native check http://127.0.0.1:8000/ --origin http://localhost:5173 --json > result.json

exit codes: 0 every engine allows, 1 an engine blocks, 2 usage or network error
`,
  why: `usage: cors-native why "<console line>" [options]
       cors-native why [options] < line.txt
       cors-native why --har <file> [--json]

Reads the line a browser printed for a blocked fetch (Chromium, Firefox or WebKit; Chromium's
local network and mixed-content lines; or DevTools' reason such as MissingAllowOriginHeader),
says in plain words what failed, at which step, and the fix; then, when the URL answers from
here, checks the server with the line's origin and method. With --har, judges every
cross-origin fetch recorded in a HAR file offline, as check reports it.

options:
  --url <url>              the URL, when the line does not name it (DevTools' reason, WebKit)
  --origin <origin>        the page's origin, when the line does not name it (Firefox)
  --method <M>             the page's method, for the check (default: the line's, else GET)
  --header 'Name: value'   a header the page sets, for the check; repeatable
  --credentials            check with credentials: 'include' (default: as the line says)
  --no-check               only explain the line; send nothing (default: check)
  --timeout <ms>           for the check, 1 to 600000 (default 10000)
  --har <file>             judge a HAR instead of a line (at most 64 MiB, 20000 entries)
  --json                   print one JSON object (with --har: a list) instead of text
  -h, --help               this help

examples:
  cors-native why "Access to fetch at 'http://127.0.0.1:8000/items' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
  cors-native why --har ~/Downloads/app.example.com.har

exit codes: 0 explained (and the server allows it now), 1 an engine still blocks (the check,
or a request in the HAR), 2 usage error, a line it cannot read or a malformed HAR
`,
  playground: `usage: cors-native playground [--port N]

Starts a local page (on 127.0.0.1) to edit cors options, send real requests from your browser,
and compare the browser's verdict with the model's. Ctrl-C stops it.

options:
  --port N     the page's port (default: a free one)
  -h, --help   this help

examples:
  cors-native playground
  cors-native playground --port 8080

exit codes: 0 stopped, 2 usage error or port in use
`,
  build: `usage: cors-native build

Builds the native addon from source with cargo into ./cors-native.node, for a platform with
no prebuilt package. Needs Rust (https://rustup.rs) and a C linker.

options:
  -h, --help   this help

examples:
  cors-native build
  CARGO_TARGET_DIR=~/.cache/cors-native cors-native build   (keeps cargo's cache)

exit codes: 0 built, 1 build failed
`,
}
