#!/usr/bin/env bash
# Issue 9 point 4: full search at 100,000 documents answered by the in-process index (ADR 0003), side by side with
# the raw FTS5 query and the SQL search on the same database, in one BenchmarkDotNet run (ScaleSearchBenchmarks:
# 400 distinct two-word queries, one query per iteration, so the iterations are the per-query distribution).
# Usage: bench/indexed-search.sh [STORE.db] [WORK_DIR]
#   STORE.db  a SQLite store of the 100,000-document corpus (default /tmp/qm-search.db; see BENCHMARKS.md for how
#             to generate and import one). It is copied into WORK_DIR once (opening migrates the copy, never it).
#   WORK_DIR  default /tmp/formulary-indexed-search; the copy, BenchmarkDotNet's artifacts and the percentiles.
# Prints load average before and after, and p50/p90/p99/max per method from the JSON export's measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=$(realpath "${1:-/tmp/qm-search.db}")
WORK=${2:-/tmp/formulary-indexed-search}
mkdir -p "$WORK"
if [ ! -f "$WORK/search.db" ]; then
  # The online backup API copies a consistent snapshot even if the WAL holds pages.
  sqlite3 "$SOURCE" ".backup '$WORK/search.db'" 2>/dev/null || cp "$SOURCE" "$WORK/search.db"
fi

dotnet build -c Release bench/Formulary.Benchmarks >/dev/null
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
FORMULARY_BENCH_SEARCH_DB="$WORK/search.db" dotnet artifacts/bin/Formulary.Benchmarks/release/Formulary.Benchmarks.dll \
  --filter '*ScaleSearchBenchmarks.RawFts5Search' '*ScaleSearchBenchmarks.StoreSearch' '*ScaleSearchBenchmarks.IndexedStoreSearch' \
  --inProcess --exporters json --artifacts "$WORK/bdn" | grep -E '^// search index built|^\| ' || true
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$WORK/bdn/results" <<'PY'
import glob, json, math, sys
for path in glob.glob(sys.argv[1] + "/*ScaleSearchBenchmarks*.json"):
    for b in json.load(open(path))["Benchmarks"]:
        t = sorted(m["Nanoseconds"] / m["Operations"] / 1e6 for m in b["Measurements"]
                   if m["IterationMode"] == "Workload" and m["IterationStage"] == "Actual")
        if not t:
            continue
        p = lambda q: t[min(len(t) - 1, math.ceil(q * len(t)) - 1)]
        print(f'{b["Method"]:>20}: n {len(t)}  p50 {p(.5):.2f} ms  p90 {p(.9):.2f}  p99 {p(.99):.2f}  max {t[-1]:.2f}')
PY
