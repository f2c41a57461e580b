#!/usr/bin/env bash
# The search-cost attack of issue 12: six clients send the costliest queries we know while a seventh
# times GET /health and one ordinary search. Prints per-query latencies (p50/p99/max, ms) for each.
#
#   [CLIENTS=6] [WARMUP=0] bench/search-attack.sh CONTENT_DIR [SECONDS]   (CLIENTS=1: one costly query at a time)
#
# serve imports CONTENT_DIR into $DB (default /tmp/formulary-attack-<folder>.db, kept between runs so
# only the first run pays the import). A 100,000-document folder: dotnet artifacts/bin/Formulary.Benchmarks/release/Formulary.Benchmarks.dll \
#   generate-corpus --out /tmp/corpus-100k --count 100000
# Needs the Release build of src/Formulary.Cli (or CLI=path/to/formulary.dll) and curl. Starts and stops its own server.
set -euo pipefail
content=${1:?usage: bench/search-attack.sh CONTENT_DIR [SECONDS]}
seconds=${2:-20}
repo=$(cd "$(dirname "$0")/.." && pwd)
cli=${CLI:-$repo/artifacts/bin/Formulary.Cli/release/formulary.dll}
port=${PORT:-5093}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db=${DB:-/tmp/formulary-attack-$(basename "$content").db}
dotnet "$cli" serve --content "$content" --db "$db" --urls "$base" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 6000); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
# WARMUP=SECONDS waits after the server is ready, e.g. for its in-process search index to be built (ADR 0003);
# without it the first searches are answered by the store's SQL search while the index builds.
sleep "${WARMUP:-0}"

attacks=(
  "q=t%20a%20o%20i%20n%20s%20h%20r%20d%20l%20c%20u&limit=100"
  "q=the%20and%20for%20with%20dos%20pat%20tre%20eff%20may%20use%20inf%20adm&limit=100"
  "q=pat%20dos&limit=100"
  "q=zzzqxv%20qqqwz%20vvvxq%20xqzzv%20wqxzq%20zqvxw%20qxqzz%20vqzxq%20xvqzq%20qzvxq%20zxqvq%20qvzxx"
  # Five-letter prefixes beyond the prefix index ('2 3 4') that expand to the commonest words: FTS5 merges each
  # one's posting lists inside one call the progress handler cannot interrupt (ADR 0005 decision 12).
  "q=inter%20contr%20combi%20effec%20gener&limit=100"
)
attack() { # one client: cycles through the attacks
  local i=$1 n=0
  while :; do
    local q=${attacks[$(( (i + n) % ${#attacks[@]} ))]}
    # A distinct offset per request (deep ones too): the site's cache keys on the query, limit, offset and
    # collection, so an ignored parameter would not stop repeats from being answered from the cache.
    curl -s -o /dev/null -w '%{time_total} %{time_starttransfer} %{time_pretransfer}\n' "$base/api/search?$q&offset=$(( (i * 997 + n) % 9900 ))" >>"$work/attack.times" || true
    n=$((n + 1))
  done
}
probe() { # health and an ordinary (uncached) search, one after the other
  local n=0
  while :; do
    curl -s -o /dev/null -w '%{time_total} %{time_starttransfer} %{time_pretransfer}\n' "$base/health" >>"$work/health.times" || true
    curl -s -o /dev/null -w '%{time_total} %{time_starttransfer} %{time_pretransfer}\n' "$base/api/search?q=clofarabine&offset=$((n % 50))" >>"$work/search.times" || true
    n=$((n + 1)); sleep 0.05
  done
}
for i in $(seq 1 "${CLIENTS:-6}"); do attack "$i" & done
probe &
sleep "$seconds"
jobs -p | xargs -r kill 2>/dev/null || true
wait 2>/dev/null || true

# Each line: the client's total, and the server's share (time to first byte less the time to send the request).
report() { # name file: n, p50, p99, max in ms, of the client's totals and of the server's shares
  awk '{ print $1 }' "$2" | sort -n | summary "$1"
  awk '{ printf "%.6f\n", $2 - $3 }' "$2" | sort -n | summary "  server's share"
}
summary() {
  awk -v name="$1" '{ v[NR] = $1 * 1000 } END {
    if (NR == 0) { printf "%-22s no samples\n", name; exit }
    p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
    printf "%-22s n=%-6d p50=%8.1f ms  p99=%8.1f ms  max=%8.1f ms\n", name, NR, p50, p99, v[NR] }'
}
report "attack searches" "$work/attack.times"
report "GET /health" "$work/health.times"
report "ordinary search" "$work/search.times"
