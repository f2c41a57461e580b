#!/usr/bin/env bash
# Issue 7, point 7: two builds side by side on one imported store, each beside the parse floor in the same
# hyperfine call: (1) `import` with nothing changed, (2) `serve` from process start to /health answering 200.
# Each build works on its own copy of STORE (never the original), so neither sees the other's writes.
# Usage: BASE=dir/of/old/formulary.dll NEW=dir/of/new/formulary.dll bench/unchanged-ab.sh CORPUS_DIR STORE.db [RUNS]
#   (STORE: a store already imported from CORPUS_DIR at the current schema; the floor built with
#   ../shared/bench/parse-floor/build.sh, or PARSE_FLOOR=path/to/ParseFloor.dll)
set -euo pipefail
CORPUS=$(realpath "$1"); STORE=$(realpath "$2"); RUNS=${3:-5}
BASE=${BASE:?folder of the old build}; NEW=${NEW:?folder of the new build}
FLOOR=${PARSE_FLOOR:-/tmp/parse-floor/ParseFloor.dll}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$STORE" "$WORK/base.db"; cp "$STORE" "$WORK/new.db"
cat > "$WORK/health.sh" <<'SH'
#!/usr/bin/env bash
dotnet "$1/formulary.dll" serve --db "$2" --urls "http://127.0.0.1:$3" >/dev/null 2>&1 &
until curl -sf -o /dev/null "http://127.0.0.1:$3/health"; do sleep 0.02; done
kill $!; wait $! 2>/dev/null || true
SH
chmod +x "$WORK/health.sh"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## 1. unchanged import: floor, base, new"
hyperfine -N -i -w 1 -r "$RUNS" \
  "dotnet $FLOOR $CORPUS" \
  "dotnet $BASE/formulary.dll import $CORPUS --db $WORK/base.db --json" \
  "dotnet $NEW/formulary.dll import $CORPUS --db $WORK/new.db --json"
echo "generation after (base, new; an unchanged import bumps none): $(sqlite3 "$WORK/base.db" "SELECT value FROM store_meta WHERE key = 'generation'"), $(sqlite3 "$WORK/new.db" "SELECT value FROM store_meta WHERE key = 'generation'")"
echo "## 2. serve: process start to /health 200 (polled every 20 ms)"
hyperfine -i -w 1 -r "$RUNS" "$WORK/health.sh $BASE $WORK/base.db 5396" "$WORK/health.sh $NEW $WORK/new.db 5397"
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
