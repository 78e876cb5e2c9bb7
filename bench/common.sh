# shellcheck shell=bash
# Shared by bench/web.sh and bench/soak.sh (sourced, not run): the 200-question and document
# lists of the load mix, and a `serve` on the bundled KB that is ready before the load starts.
# Expects ROOT, WORK and PORT to be set.

# WORK/questions.txt: 200 distinct questions (the lay queries, the first turns of the answer
# cases, then MedQuAD's); WORK/documents.txt: the ids of the active documents.
bench_lists() {
  {
    sed -n 's/.*"question": "\([^"]*\)".*/\1/p' "$ROOT/eval/lay-queries.jsonl"
    sed -n 's/^  turns: \["\([^"]*\)".*/\1/p' "$ROOT/eval/answers.yaml"
    if [[ -f "$ROOT/../shared/eval/medquad-cancergov/queries.jsonl" ]]; then
      sed -n 's/.*"question": "\([^"]*\)".*/\1/p' "$ROOT/../shared/eval/medquad-cancergov/queries.jsonl"
    fi
  } | awk '!seen[$0]++ && n++ < 200' > "$WORK/questions.txt"
  grep -rl '^status: active' "$ROOT/kb" --include='*.md' | xargs grep -h '^id: ' \
    | sed 's/^id: //' > "$WORK/documents.txt"
}

# Starts `serve` on WORK/data, stops it when the script exits, waits for /readyz; sets PID (the
# launcher) and JPID (its java process).
bench_serve() {
  "$ROOT/metshub" serve --port "$PORT" --data "$WORK/data" >"$WORK/serve.log" 2>&1 &
  PID=$!
  trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
  until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "serve stopped; see $WORK/serve.log" >&2; exit 70; }
    sleep 1
  done
  # shellcheck disable=SC2034  # JPID is read by the scripts that source this file
  JPID=$(pgrep -P "$PID" java || echo "$PID")
}
