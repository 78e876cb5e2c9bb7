#!/usr/bin/env bash
# Memory over a long run: `serve` on the bundled KB under wrk for SECONDS (default 300) with one
# mix of the three page kinds (document pages, search pages and answers, interleaved, each drawn
# with the Zipf-like pattern of bench/web.sh). Every INTERVAL seconds (default 30) it prints the
# requests served so far, the server's resident memory and its live heap (heap in use right
# after a full collection asked for with jcmd), so a leak shows as a live heap that keeps growing.
#
#   bench/soak.sh [SECONDS] [INTERVAL] [CONNECTIONS]    defaults: 300 s, 30 s, 8 connections
# Needs wrk, curl and the JDK's jcmd; works in target/bench/soak (index built on the first run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
TOTAL="${1:-300}"
EVERY="${2:-30}"
CONNS="${3:-8}"
PORT="${PORT:-18096}"
WORK="$ROOT/target/bench/soak"
mkdir -p "$WORK"
for tool in wrk curl jcmd; do
  command -v "$tool" >/dev/null || { echo "bench/soak.sh: $tool is needed" >&2; exit 64; }
done

# The same 200 questions and active documents as bench/web.sh, as one interleaved mix.
bench_lists
paste -d'\n' \
  <(sed 's|^|/docs/\t|' "$WORK/documents.txt" | head -n 200) \
  <(sed 's|^|/search?q=\t|' "$WORK/questions.txt") \
  <(sed 's|^|/api/v1/answer?q=\t|' "$WORK/questions.txt") | grep -v '^$' > "$WORK/mix.txt"

bench_serve
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$JPID/status"; }
live() {
  jcmd "$JPID" GC.run >/dev/null
  jcmd "$JPID" GC.heap_info | awk '/used/ && /total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); printf "%.0f", v / 1024; exit}}'
}
echo "$(wc -l <"$WORK/mix.txt") URLs in the mix; ${TOTAL} s, ${CONNS} connections; load average:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %6s | %8s | %14s |\n' "time" "RSS MB" "live heap MB"
printf '| %6s | %8s | %14s |\n' "0 s" "$(rss)" "$(live)"
wrk -t2 -c"$CONNS" -d"${TOTAL}s" --latency -s "$ROOT/bench/mix.lua" "http://127.0.0.1:$PORT" \
  -- "$WORK/mix.txt" - >"$WORK/wrk.txt" 2>&1 &
WRK=$!
for ((t = EVERY; t <= TOTAL; t += EVERY)); do
  sleep "$EVERY"
  printf '| %6s | %8s | %14s |\n' "$t s" "$(rss)" "$(live)"
done
wait "$WRK"
echo "wrk: $(awk '/Requests\/sec/ {print $2 " req/s"}' "$WORK/wrk.txt"), $(awk '/requests in/ {print $1 " requests"}' "$WORK/wrk.txt"), p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt"), $(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt" | grep . || echo 0) non-2xx"
echo "after: RSS $(rss) MB, live heap $(live) MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
