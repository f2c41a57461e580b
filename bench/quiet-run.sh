#!/usr/bin/env bash
# The lead's quiet-machine re-measure of every open speed target, one after another, with one build:
#   1. issue 11.4: CDS Hooks order-sign (vector 01-child, dates moved to yesterday) vs nginx answering the same bytes,
#      at 32 connections and at 1 connection (../shared/bench/post-vs-nginx.sh), after one discarded warm-up run;
#   2. issue 9.4: full search at 100,000 documents, indexed vs raw FTS5 vs SQL (bench/indexed-search.sh);
#   3. issue 7.7: bench/store-scale.sh on the 100,000 corpus (1 run) and the 5,000 corpus (3 runs).
# Usage: bench/quiet-run.sh CORPUS_5K CORPUS_100K SEARCH_STORE OUT_DIR
#   CORPUS_*      folders made by `Formulary.Benchmarks generate-corpus --count N`
#   SEARCH_STORE  a SQLite store imported from CORPUS_100K (copied once into OUT_DIR/search; never modified)
#   OUT_DIR       one log per step; `summary` greps the figures
# Needs: a Release build of the solution (artifacts/bin/…/release), hyperfine, wrk, nginx, sqlite3, curl, bc, and the
# floor built with ../shared/bench/parse-floor/build.sh (PARSE_FLOOR, default /tmp/parse-floor/ParseFloor.dll).
# STEPS="cds search store" (default: all three) runs only the steps named.
# Nothing else may run on the machine: the figures are only comparable on a quiet machine (load is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
C5K=$(realpath "$1")
C100K=$(realpath "$2")
SEARCH_STORE=$(realpath "$3")
OUT=$(mkdir -p "$4" && realpath "$4")
SHARED_BENCH=${SHARED_BENCH:-$(realpath ../shared/bench)}
CLI=$PWD/artifacts/bin/Formulary.Cli/release/formulary
PORT=${PORT:-5611}
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; true' EXIT
stamp() { echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) — $*"; }

STEPS=${STEPS:-cds search store}
step() { [[ " $STEPS " == *" $1 "* ]]; }

# 1. CDS Hooks. The server as `dotnet run` starts it (launchSettings.json: a 64 MB first-generation budget).
if step cds; then
stamp "CDS order-sign" | tee "$OUT/cds.log"
CONTENT=$(mktemp -d)
cp -r content/. "$CONTENT/"
YESTERDAY=$(date -u -d yesterday +%F)
DAY_BEFORE=$(date -u -d '2 days ago' +%F)
# The vector's measurements are dated 2026-03-01 and 2026-02-28; the server's clock is real time, so move them to
# this week, or the answer is a "too old for day 1" card instead of the dose.
sed -e "s/2026-03-01/$YESTERDAY/g" -e "s/2026-02-28/$DAY_BEFORE/g" docs/cds-hooks/vectors/01-child.request.json >"$OUT/cds-request.json"
DOTNET_GCgen0size=0x4000000 "$CLI" serve --content "$CONTENT" --db "$CONTENT/store.db" \
  --urls "http://127.0.0.1:$PORT" --cds-insecure-dev >"$OUT/cds-server.log" 2>&1 &
SERVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.2; done
SERVICE=/cds-services/formulary-dose-check
curl -s -H 'Content-Type: application/json' --data-binary @"$OUT/cds-request.json" "http://127.0.0.1:$PORT$SERVICE" >"$OUT/cds-response.json"
python3 - "$OUT/cds-response.json" <<'PY' | tee -a "$OUT/cds.log"
import json, sys
cards = json.load(open(sys.argv[1]))["cards"]
print("answer: " + "; ".join(f'{c["indicator"]}: {c["summary"]}' for c in cards))
if not any(c["indicator"] == "info" for c in cards):
    sys.exit("the request did not get the computed-dose card: check its dates")
PY
export APP_BASE="http://127.0.0.1:$PORT"
(cd "$SHARED_BENCH" && ROUNDS=2 ./post-vs-nginx.sh "$SERVICE" "$OUT/cds-request.json") >"$OUT/cds-warmup.log" 2>&1
echo "warm-up (discarded): $(grep "^RATIO" "$OUT/cds-warmup.log")" | tee -a "$OUT/cds.log"
(cd "$SHARED_BENCH" && ./post-vs-nginx.sh "$SERVICE" "$OUT/cds-request.json") >"$OUT/cds-32.log" 2>&1
(cd "$SHARED_BENCH" && THREADS=1 CONNS=1 ./post-vs-nginx.sh "$SERVICE" "$OUT/cds-request.json") >"$OUT/cds-1.log" 2>&1
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
rm -rf "$CONTENT"
for f in cds-32 cds-1; do grep -E '^(app|nginx|RATIO)|median' "$OUT/$f.log" | sed "s/^/$f: /" | tee -a "$OUT/cds.log"; done
stamp "CDS done" | tee -a "$OUT/cds.log"
fi

# 2. Search at 100,000 documents.
if step search; then
bench/indexed-search.sh "$SEARCH_STORE" "$OUT/search" >"$OUT/search.log" 2>&1
stamp "search done" >>"$OUT/search.log"
fi

# 3. The store's whole-corpus jobs.
if step store; then
bench/store-scale.sh "$C100K" 1 >"$OUT/store-100k.log" 2>&1
bench/store-scale.sh "$C5K" 3 >"$OUT/store-5k.log" 2>&1
stamp "store done" >>"$OUT/store-5k.log"
fi
echo "logs in $OUT"
