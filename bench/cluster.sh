#!/usr/bin/env bash
# Runs the deployment of docs/scaling.md on this machine: two `metshub serve` nodes on one copy
# of the bundled KB and one PostgreSQL database, nginx in front of them on loopback; then loads
# the site through nginx and through one node with wrk, and prints requests/s, latency and each
# node's resident memory. Stops everything on exit.
#
#   METSHUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/DB METSHUB_DB_USER=U METSHUB_DB_PASSWORD=P \
#     bench/cluster.sh [SECONDS]            default: 15 s per run
# Needs nginx, wrk and curl. Work files go to target/bench/cluster.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-15}"
WORK="$ROOT/target/bench/cluster"
PA=18121 PB=18122 PN=18120
: "${METSHUB_DB_URL:?set METSHUB_DB_URL (and METSHUB_DB_USER, METSHUB_DB_PASSWORD) to a PostgreSQL database}"
for tool in nginx wrk curl; do
  command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] \
    || { echo "bench/cluster.sh: $tool is needed" >&2; exit 64; }
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
rm -rf "$WORK/kb" "$WORK/nginx" && mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cp -r "$ROOT/kb" "$WORK/kb"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for node in a b; do
  port=$PA; [[ $node == b ]] && port=$PB
  "$ROOT/metshub" serve --kb "$WORK/kb" --data "$WORK/data-$node" --port "$port" --kb-poll 3 \
    --trusted-proxy 127.0.0.1 >"$WORK/$node.log" 2>&1 &
  PIDS+=($!)
done
sed -e "s/10.0.0.11:8080/127.0.0.1:$PA/; s/10.0.0.12:8080/127.0.0.1:$PB/" \
    -e "s/listen 80;/listen 127.0.0.1:$PN;/" "$ROOT/docs/deploy/nginx-metshub.conf" \
  > "$WORK/nginx/metshub.conf"
USER_LINE=""; [[ "$(id -u)" -eq 0 ]] && USER_LINE="user root;"
cat >"$WORK/nginx/nginx.conf" <<CONF
$USER_LINE
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  include $WORK/nginx/metshub.conf;
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/logs/stdout.log" 2>&1 &
PIDS+=($!)
for port in $PA $PB $PN; do
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 1; done
done
rss() { local p; p=$(pgrep -f -- "--port $1" | head -1); awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$p/status"; }
echo "two nodes and nginx up; load average $(cut -d' ' -f1-3 /proc/loadavg); RSS a $(rss $PA), b $(rss $PB)"
echo "| through | what | requests/s | p50 | p99 |"
for target in "nginx:$PN" "node a:$PA"; do
  name=${target%%:*} port=${target##*:}
  for path in "/docs/bone-metastases" "/api/v1/answer?q=what+is+palliative+care"; do
    wrk -t2 -c8 -d5s "http://127.0.0.1:$port$path" >/dev/null
    out=$(wrk -t2 -c8 -d"${SECONDS_EACH}s" --latency "http://127.0.0.1:$port$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    echo "| $name | $path | $rps | $p50 | $p99 |"
  done
done
echo "RSS after: a $(rss $PA), b $(rss $PB); load average $(cut -d' ' -f1-3 /proc/loadavg)"
