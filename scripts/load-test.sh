#!/usr/bin/env bash
# HTTP load run against the real server: Release build, Production settings, a SQLite file with the
# demo tenants plus ROWS generated imports, wrk on loopback only. Bounded: for each of three scenarios, a
# warm-up of WARMUP (its numbers printed, then discarded) and a measured run of DURATION.
#
# The warm-up is there because a freshly started .NET server is not yet the server that runs in production:
# for its first 20-30 s under load the JIT recompiles the hot methods (tiered compilation with dynamic PGO),
# which on two cores takes CPU from requests (docs/performance.md measures both). WARMUP=0 skips it.
#
#   scripts/load-test.sh                      # 1,000,000 extra rows, 30 s warm-up and 30 s measured per scenario
#   ROWS=100000 DURATION=10s WARMUP=5s scripts/load-test.sh
#   SCENARIOS="first windows" scripts/load-test.sh   # a subset of: first deep filtered windows
set -euo pipefail

ROWS=${ROWS:-1000000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5081}
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

. "$(dirname "$0")/lib/lifted-server.sh"

start=$(date +%s.%N)
# A throwaway database, so the demo credentials may be created outside Development.
dotnet "$api" seed --imports "$ROWS" --allow-demo-credentials
echo "seed of $ROWS rows took $(echo "$(date +%s.%N) - $start" | bc) s (including start-up)"

dotnet "$api" --urls "$BASE" >"$work/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$BASE/health/ready" >/dev/null || { cat "$work/api.log"; exit 1; }

auth=(-H 'Authorization: Token demo-api-key' -H 'Account-Token: demo-account-token')

# Pages all through the walk (by id desc, and by created_at asc): the cursors a real client would send.
collect() { # $1: first path, $2: pages
    local path=$1
    for _ in $(seq 1 "$2"); do
        echo "$path"
        cursor=$(curl -fs "${auth[@]}" "$BASE$path" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next_cursor"] or "")')
        [ -n "$cursor" ] || break
        path="/api/v1/imports?start_cursor=$cursor"
    done
}
{ collect '/api/v1/imports?per_page=100' 300; collect '/api/v1/imports?per_page=100&sort%5Bcreated_at%5D=asc' 300; } >"$work/deep.txt"
echo '/api/v1/imports?per_page=50&filter%5Bstatus%5D%5Binclude%5D=failed,complete&filter%5Bcreated_at%5D%5Bgte%5D=2024-03-01&sort%5Bupdated_at%5D=desc' >"$work/filtered.txt"
echo '/api/v1/imports' >"$work/first.txt"
# First pages of one-month created_at windows all through the demo history (2022-01 to 2025-12), default sort (issue 16).
for year in 2022 2023 2024 2025; do
    for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
        next=$(date -u -d "$year-$month-01 +1 month" +%Y-%m-01)
        echo "/api/v1/imports?filter%5Bcreated_at%5D%5Bgte%5D=$year-$month-01&filter%5Bcreated_at%5D%5Blt%5D=$next"
    done
done >"$work/windows.txt"

for scenario in ${SCENARIOS:-first deep filtered windows}; do
    if [ "$WARMUP" != 0 ]; then
        echo "== warm-up (discarded): $scenario page(s), ${WARMUP}"
        WRK_PATHS="$work/$scenario.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --latency -s "$root/scripts/wrk-paths.lua" "$BASE" | grep -E 'Requests/sec| 50%| 99%|Non-2xx' || true
    fi
    echo "== $scenario page(s): $(wc -l <"$work/$scenario.txt") distinct path(s), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}"
    WRK_PATHS="$work/$scenario.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/scripts/wrk-paths.lua" "$BASE"
done
