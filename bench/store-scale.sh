#!/usr/bin/env bash
# Issue 7, point 7: the store's whole-corpus jobs on one generated corpus, each beside the bare parse of
# the same folder (../shared/bench/parse-floor) in the same hyperfine call, and the serve figures.
#   1. fresh import into an empty SQLite file (cold process) vs the floor
#   2. import with nothing changed vs the floor
#   3. export-site --db (streamed from the store): time and peak RSS, vs the floor and vs `cp -r` of the exported site
#   4. serve on the unchanged store (no --content): time from process start to /health answering 200,
#      then RSS after 1,000 distinct monograph pages and 1,000 distinct searches
#   5. database bytes per source byte
# Usage: bench/store-scale.sh CORPUS_DIR [RUNS]   (STORE=path/to/imported.db: only steps 4 and 5, on that
# store; a Release build, hyperfine and the floor built with
# ../shared/bench/parse-floor/build.sh; generate a corpus with
# `dotnet artifacts/bin/Formulary.Benchmarks/release/Formulary.Benchmarks.dll generate-corpus --out DIR --count N`)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(realpath "$1")
RUNS=${2:-1}
CLI=${FORMULARY_CLI:-$PWD/artifacts/bin/Formulary.Cli/release/formulary}
FLOOR=${PARSE_FLOOR:-/tmp/parse-floor/ParseFloor.dll}
PORT=${PORT:-5395}
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
DB=${STORE:-$WORK/store.db}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), corpus $CORPUS ($(find "$CORPUS" -name '*.md' | wc -l) files, $(find "$CORPUS" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes)"

if [ -z "${STORE:-}" ]; then
echo "## 1. fresh import vs floor"
hyperfine -i -r "$RUNS" --export-json "$WORK/fresh.json" \
  "dotnet $FLOOR $CORPUS" \
  --prepare "rm -f $DB $DB-wal $DB-shm" "$CLI import $CORPUS --db $DB --json"
# hyperfine's last prepared run left a full store behind.

echo "## 2. unchanged import vs floor"
hyperfine -i -w 1 -r "$((RUNS + 2))" "dotnet $FLOOR $CORPUS" "$CLI import $CORPUS --db $DB --json"

echo "## 3. export-site --db vs floor, and vs copying the exported site (the cost of writing its files alone)"
/usr/bin/time -f "export peak RSS %M KB, user %U s, system %S s, wall %e s" "$CLI" export-site --db "$DB" --out "$WORK/site2" --json >/dev/null
# The write floor: `cp -r` of the site just exported, into a fresh folder: the directories and files the export must
# create, with no rendering at all. Timed in the same call as the parse floor and the export (each run's output removed
# before it, untimed), so the three are comparable on a shared machine.
hyperfine -i -r "$RUNS" --prepare "rm -rf $WORK/site $WORK/copy" "dotnet $FLOOR $CORPUS" \
  "$CLI export-site --db $DB --out $WORK/site --json" "cp -r $WORK/site2 $WORK/copy"
rm -rf "$WORK/site" "$WORK/site2" "$WORK/copy"
fi

echo "## 4. serve: start to /health, RSS after 1,000 pages and 1,000 searches"
started=$(date +%s.%N)
"$CLI" serve --db "$DB" --urls "http://127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.05; done
echo "serve /health answered $(echo "$(date +%s.%N) - $started" | bc) s after process start"
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
echo "RSS at /health: $(rss) MB"
# WARMUP=SECONDS: wait, e.g. for the in-process search index to be built (ADR 0003), so its memory is counted.
if [ "${WARMUP:-0}" != 0 ]; then sleep "$WARMUP"; echo "RSS after ${WARMUP} s: $(rss) MB"; fi
find "$CORPUS/compositions" -name '*.md' | sort | sed -n '1,1000p' | sed -E 's#.*/([^/]+)\.md$#/composition/\1/#' >"$WORK/pages"
# Distinct two-word searches: a drug's name (the first word of its slug) with a clinical word.
find "$CORPUS/compositions" -name '*.md' | sort | sed -n '1001,2000p' | sed -E 's#.*/([^/-]+)[^/]*\.md$#\1#' \
  | awk 'BEGIN { split("dose renal pregnancy children tablets infusion", w, " ") } { print "/search?q=" $1 "+" w[NR % 6 + 1] }' >"$WORK/searches"
for list in pages searches; do
  codes=$(sed "s#^#http://127.0.0.1:$PORT#" "$WORK/$list" | xargs -P 4 -n 1 curl -s -o /dev/null -w '%{http_code}\n' | sort | uniq -c | tr -s ' \n' ' ')
  echo "$(wc -l <"$WORK/$list") distinct $list: status counts $codes; RSS $(rss) MB"
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

echo "## 5. size"
src=$(find "$CORPUS" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
db=$(du -cb "$DB"* | tail -1 | cut -f1)
echo "database $db bytes for $src bytes of source: $(echo "scale=2; $db / $src" | bc) bytes per source byte"
