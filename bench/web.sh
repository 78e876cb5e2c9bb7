#!/usr/bin/env bash
# Load benchmark of the site on loopback, in one run: the search page, the answer API and the
# document page, each under wrk with a realistic mix (200 distinct questions, or the active
# documents, asked with a Zipf-like repeat pattern), after a warm-up. Prints requests/s, p50 and
# p99 for each, and the server's resident memory before and after.
#
#   bench/web.sh [SECONDS] [CONNECTIONS]     defaults: 30 s, 8 connections, 2 wrk threads
# Needs wrk (Debian package 'wrk') and curl; serves the bundled KB from a data folder under
# target/bench/web (the index is built on the first run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
SECONDS_EACH="${1:-30}"
CONNS="${2:-8}"
PORT="${PORT:-18095}"
WORK="$ROOT/target/bench/web"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "bench/web.sh: wrk is needed (apt-get install wrk)" >&2; exit 64; }

bench_lists
bench_serve
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
echo "$(wc -l <"$WORK/questions.txt") questions, $(wc -l <"$WORK/documents.txt") documents;" \
  "$SECONDS_EACH s each, $CONNS connections, 2 threads; load average: $(cut -d' ' -f1-3 /proc/loadavg);" \
  "server RSS $(rss "$JPID")"
printf '| %-40s | %10s | %8s | %8s | %s |\n' what requests/s p50 p99 errors
run() {
  local what="$1" file="$2" prefix="$3" out
  wrk -t2 -c"$CONNS" -d5s -s "$ROOT/bench/mix.lua" "http://127.0.0.1:$PORT" -- "$file" "$prefix" >/dev/null
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s "$ROOT/bench/mix.lua" \
    "http://127.0.0.1:$PORT" -- "$file" "$prefix")
  printf '| %-40s | %10s | %8s | %8s | %s |\n' "$what" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF " non-2xx"}' <<<"$out")"
}
run "document page /docs/{id}" "$WORK/documents.txt" "/docs/"
run "search page /search?q=" "$WORK/questions.txt" "/search?q="
run "answer API /api/v1/answer?q=" "$WORK/questions.txt" "/api/v1/answer?q="
echo "server RSS after: $(rss "$JPID"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
