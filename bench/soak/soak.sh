#!/usr/bin/env bash
# Soak (issue 12.4): 32 connections of distinct pages, searches, 404s and dose-form posts for
# DURATION seconds against a freshly started `formulary serve`; prints the server's RSS at start
# (after a short warm-up), middle and end. Needs wrk (`apt-get install -y wrk`) and a Release build.
# Usage: bench/soak/soak.sh [DURATION_SECONDS]   (default 600; FORMULARY_DLL=… to soak another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-600}
PORT=${PORT:-5391}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet "${FORMULARY_DLL:-artifacts/bin/Formulary.Cli/release/formulary.dll}" serve --content "${CONTENT:-content}" --db "$WORK/soak.db" --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
echo "RSS idle: $(rss) MB"
wrk -t2 -c32 -d${WARMUP:-20}s -s bench/soak/soak.lua "http://127.0.0.1:$PORT" >/dev/null
echo "RSS after ${WARMUP:-20} s warm-up: $(rss) MB"

wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/soak/soak.lua "http://127.0.0.1:$PORT" >"$WORK/wrk.txt" &
LOAD=$!
SAMPLES=()
for step in 1 2 3 4; do
  sleep $((DURATION / 4))
  SAMPLES+=("$(rss)")
  echo "RSS at $((step * 25))% of ${DURATION} s: ${SAMPLES[-1]} MB"
done
wait "$LOAD"
grep -E "Requests/sec|Non-2xx|Socket errors|requests in" "$WORK/wrk.txt" || true
echo "errors logged: $(grep -c '"LogLevel":"Error"' "$WORK/server.log" || true)"
grep '"LogLevel":"Error"' "$WORK/server.log" | head -3 | cut -c1-600 || true
echo "RSS start/middle/end: ${SAMPLES[0]} / ${SAMPLES[1]} / ${SAMPLES[3]} MB"
