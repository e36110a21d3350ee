#!/usr/bin/env bash
# npm run fuzz: each cargo-fuzz target for FUZZ_SECONDS (default 60). Not part of CI.
# Needs a nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${FUZZ_SECONDS:-60}"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzzing needs a nightly toolchain: rustup toolchain install nightly" >&2; exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzzing needs cargo-fuzz: cargo install cargo-fuzz" >&2; exit 1
fi
for target in origin_matching pattern_compilation js_regex_translation header_lists; do
  echo "== $target for ${seconds} s"
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=512 2>&1 | grep -E "^(Done|==|INFO: -max_total_time|#[0-9]+ +DONE)|panicked|ERROR|SUMMARY" || true
  # A crash leaves an input in artifacts/; add it as a regression test in src/properties.rs.
  if compgen -G "artifacts/$target/crash-*" >/dev/null; then echo "crash found for $target: see fuzz/artifacts/$target" >&2; exit 1; fi
done
