#!/usr/bin/env bash
# Measures a fresh clone's time to its first search answer: clones the repository into a
# temporary folder (with shared/ beside it, as CI lays it out), runs ./metshub serve there and
# polls the search API with curl until it answers with results. Prints the seconds to the first
# answer from /healthz, /readyz and the search API, and when the jar's build was done, all
# counted from the start of `serve` (which builds the jar first).
#
#   bench/fresh-clone.sh [REPO] [PORT]     REPO defaults to this repository, PORT to 18090
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="${1:-$ROOT}"
PORT="${2:-18090}"
TMP="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$TMP"' EXIT
git clone -q "$REPO" "$TMP/metshub"
if [[ -d "$ROOT/../shared" ]]; then ln -s "$(cd "$ROOT/../shared" && pwd)" "$TMP/shared"; fi
cd "$TMP/metshub"
start=$(date +%s.%N)
./metshub serve --port "$PORT" >"$TMP/serve.log" 2>&1 &
PID=$!
since() { echo "$(date +%s.%N) - $start" | bc; }
health="" ready="" search="" built=""
while kill -0 "$PID" 2>/dev/null; do
  if [[ -z "$built" && -f target/.metshub-build ]]; then
    built=$(since)
  fi
  if [[ -z "$health" ]] && curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null; then
    health=$(since)
  fi
  if [[ -z "$ready" ]] && curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null; then
    ready=$(since)
  fi
  if curl -fs "http://127.0.0.1:$PORT/api/v1/search?q=bone+metastases+pain" 2>/dev/null \
      | grep -q '"docId"'; then
    search=$(since)
    break
  fi
  sleep 0.5
done
said=$(grep -m1 -oE '(ready|up) in [0-9.]* s' "$TMP/serve.log" || true)
printf 'build done %s s, healthz %s s, readyz %s s, first search answer %s s (serve said: %s)\n' \
  "${built:-?}" "${health:-never}" "${ready:-never}" "${search:-never}" "${said:-nothing}"
grep -E "build|index|embedd|shipped|ready" "$TMP/serve.log" | head -8 || true
