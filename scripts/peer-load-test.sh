#!/usr/bin/env bash
# First pages of time windows over HTTP: the service (keyset, ADR 10) against the EF Core + OFFSET peer
# (benchmarks/ImportsService.EfCorePeer) on the same SQLite file, loopback, wrk. The two servers run one at a time and
# the runs alternate (service, peer, service, peer, …) so machine noise hits both alike. Both get the same 48 one-month
# created_at windows (2022-01 … 2025-12), newest id first, per_page 50.
#
#   scripts/peer-load-test.sh                         # ROWS=1000000 ROUNDS=2 DURATION=15s WARMUP=10s
set -euo pipefail

ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

SERVER_DB=${DB:-}
. "$(dirname "$0")/lib/lifted-server.sh"
dotnet build -c Release -v q "$root/benchmarks/ImportsService.EfCorePeer" >/dev/null
peer="$root/benchmarks/ImportsService.EfCorePeer/bin/Release/net10.0/ImportsService.EfCorePeer.dll"

# DB=<file> reuses a database the service already seeded (and migrated).
[ -n "${DB:-}" ] || dotnet "$api" seed --imports "$ROWS" --allow-demo-credentials >/dev/null
export PEER_ACCOUNT_ID
PEER_ACCOUNT_ID=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT id FROM accounts WHERE token = 'demo-account-token'\").fetchone()[0])" "${ConnectionStrings__Imports#Data Source=}")

for year in 2022 2023 2024 2025; do
    for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
        next=$(date -u -d "$year-$month-01 +1 month" +%Y-%m-01)
        echo "/api/v1/imports?filter%5Bcreated_at%5D%5Bgte%5D=$year-$month-01&filter%5Bcreated_at%5D%5Blt%5D=$next" >>"$work/service.txt"
        echo "/imports?created_gte=$year-$month-01&created_lt=$next&page=1&per_page=50" >>"$work/peer.txt"
    done
done

run() { # $1: service|peer
    if [ "$1" = service ]; then dotnet "$api" --urls "$BASE" >"$work/$1.log" 2>&1 & else dotnet "$peer" --urls "$BASE" >"$work/$1.log" 2>&1 & fi
    pid=$!
    for _ in $(seq 1 60); do curl -fs -o /dev/null "$BASE$(head -1 "$work/$1.txt")" -H 'Authorization: Token demo-api-key' -H 'Account-Token: demo-account-token' && break; sleep 1; done
    WRK_PATHS="$work/$1.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$root/scripts/wrk-paths.lua" "$BASE" >/dev/null
    echo "== $1: 48 window first pages, ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}"
    WRK_PATHS="$work/$1.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/scripts/wrk-paths.lua" "$BASE" | grep -E 'Requests/sec| 50%| 99%|Non-2xx|requests in'
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$ROUNDS"); do
    echo "# round $round"
    run service
    run peer
done
