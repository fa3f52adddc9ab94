#!/usr/bin/env bash
# First pages of time windows over HTTP as a user measures them (issue 16): the Release server in Production on
# loopback, rate limits lifted through configuration, sequential requests on one keep-alive connection, the median
# of REPEAT per request, each case at five window positions beside the unfiltered first page measured in the same
# run. Prints a Markdown table (milliseconds, and × the unfiltered first page).
#
#   DB=/tmp/imports-bench-1000000.db scripts/time-window-latency.sh     # a file the service seeded (and migrated)
#   ROWS=100000 scripts/time-window-latency.sh                           # seeds a throwaway file first
set -euo pipefail

ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-15}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
BASE="http://127.0.0.1:${PORT}"

SERVER_DB=${DB:-}
. "$(dirname "$0")/lib/lifted-server.sh"

[ -n "${DB:-}" ] || dotnet "$api" seed --imports "$ROWS" --allow-demo-credentials >/dev/null
dotnet "$api" migrate >/dev/null
dotnet "$api" --urls "$BASE" >"$work/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "$BASE/health/ready" && break; sleep 1; done

PORT=$PORT REPEAT=$REPEAT python3 - <<'EOF'
import http.client, os, statistics, time
from datetime import date

REPEAT = int(os.environ["REPEAT"])
HEADERS = {"Authorization": "Token demo-api-key", "Account-Token": "demo-account-token"}
CASES = [
    ("created month, id desc", "filter[created_at][gte]={a}&filter[created_at][lt]={b}"),
    ("created lt, id desc", "filter[created_at][lt]={b}"),
    ("created month, id asc", "filter[created_at][gte]={a}&filter[created_at][lt]={b}&sort[id]=asc"),
    ("created gt, id asc", "filter[created_at][gt]={a}&sort[id]=asc"),
    ("updated month, id desc", "filter[updated_at][gte]={a}&filter[updated_at][lt]={b}"),
    ("updated month, id asc", "filter[updated_at][gte]={a}&filter[updated_at][lt]={b}&sort[id]=asc"),
    ("updated gte, id asc", "filter[updated_at][gte]={a}&sort[id]=asc"),
    ("status failed + created month, id desc", "filter[status][include]=failed&filter[created_at][gte]={a}&filter[created_at][lt]={b}"),
    ("status failed + created month, id asc", "filter[status][include]=failed&filter[created_at][gte]={a}&filter[created_at][lt]={b}&sort[id]=asc"),
    ("created month, created_at desc", "filter[created_at][gte]={a}&filter[created_at][lt]={b}&sort[created_at]=desc"),
    ("updated month, updated_at asc", "filter[updated_at][gte]={a}&filter[updated_at][lt]={b}&sort[updated_at]=asc"),
    ("created month, updated_at desc", "filter[created_at][gte]={a}&filter[created_at][lt]={b}&sort[updated_at]=desc"),
    ("updated month, created_at asc", "filter[updated_at][gte]={a}&filter[updated_at][lt]={b}&sort[created_at]=asc"),
    ("status failed + created month, updated_at desc", "filter[status][include]=failed&filter[created_at][gte]={a}&filter[created_at][lt]={b}&sort[updated_at]=desc"),
]
# The benchmark's positions: 5, 25, 50, 75 and 95 % of the demo history 2022-01 … 2026-01, a month from the first.
MONTHS = [date(2022, 3, 1), date(2023, 1, 1), date(2024, 1, 1), date(2024, 12, 1), date(2025, 10, 1)]

connection = http.client.HTTPConnection("127.0.0.1", int(os.environ["PORT"]))

def median_ms(query):
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        connection.request("GET", "/api/v1/imports?per_page=50" + ("&" + query if query else ""), headers=HEADERS)
        response = connection.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status == 200, (response.status, query)
    return statistics.median(times)

for _ in range(3):  # warm-up: JIT, caches
    for _, template in CASES:
        median_ms(template.format(a="2023-01-01", b="2023-02-01"))

bases = []
rows = []
for name, template in CASES:
    cells = []
    for month in MONTHS:
        until = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        bases.append(median_ms(""))
        cells.append(median_ms(template.format(a=month.isoformat(), b=until.isoformat())))
    rows.append((name, cells))
base = statistics.median(bases)
print(f"unfiltered first page: median {base:.2f} ms (of {len(bases)} medians, {min(bases):.2f}–{max(bases):.2f})\n")
print("| case | " + " | ".join(m.strftime("%Y-%m") for m in MONTHS) + " | worst |")
print("| --- |" + " ---: |" * (len(MONTHS) + 1))
for name, cells in rows:
    print(f"| {name} | " + " | ".join(f"{c:.2f} (×{c / base:.1f})" for c in cells) + f" | **×{max(cells) / base:.1f}** |")
EOF
