'use strict'
// The `--help` texts of `cors-native` and its commands. Short: the tarball has a size budget.
module.exports = {
  main: `cors-native: a native (Rust) drop-in for the Express cors middleware, and CORS tools.

usage: cors-native <command> [options]

commands:
  check <url>   ask a server the way browsers do and say if, why and how to fix CORS
  playground    try cors options in your own browser, on a local page
  build         build the native addon from source (needs Rust)

cors-native <command> --help lists its options; cors-native --version prints the version.

examples:
  npx cors-native check https://api.example.com/items --origin https://app.example.com
  npx cors-native playground --port 8080

exit codes: 0 ok (check: every engine allows), 1 check: an engine blocks, 2 usage or network error
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
  --origins a,b            a matrix for CI: one check per origin (instead of --origin)
  --methods M,N            with --origins: and per method (default GET)
  -h, --help               this help

examples:
  cors-native check https://api.example.com/items --origin https://app.example.com \\
    --method PUT --header 'Content-Type: application/json' --data '{"a":1}' --credentials
  cors-native check http://127.0.0.1:8000/ --origin http://localhost:5173 --json > result.json

exit codes: 0 every engine allows, 1 an engine blocks, 2 usage or network error
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
