#!/usr/bin/env bash
# Noisy neighbour: does one tenant's expensive traffic slow another tenant down?
#
# The Release server on loopback only (Production settings, a throwaway SQLite file holding the demo tenants
# plus ROWS generated imports in the demo account). The demo account ("noisy") sends its most expensive listing
# shapes — filters that match nothing or little, so the page and its count each read the account's whole index
# range — while other-account ("quiet") asks for a 5-row first page, paced to QUIET_SHARE of the same quota
# (the per-account limit applies to it too) in every phase. Each tenant has its own wrk; both report p50/p99
# (wrk measures from request to response; the pacing delay is not latency). Three phases of DURATION each, so
# the run is bounded:
#
#   1. baseline    quiet alone;
#   2. quota       noisy at its full per-account quota, set through configuration as an operator would
#                  (RateLimiting__PermitsPerWindow / RateLimiting__WindowSeconds; default 10 per 1 s, the
#                  default 600 per minute spread evenly), its wrk paced to that rate;
#   3. unlimited   noisy unpaced with the per-account limit lifted: only the statement time budget
#                  (Database__StatementTimeoutMs) and the CPU stand between the tenants.
#
# The per-address limiter (RateLimiting__PermitsPerClientPerWindow) is lifted in every phase: both wrk run
# from 127.0.0.1 and would otherwise share one address's permits. Goal (issue 9): in phase 2 the quiet
# tenant's p50 stays within 3x of the baseline and its p99 under 100 ms.
#
#   scripts/noisy-neighbour.sh                                  # ROWS=1000000 DURATION=30s
#   ROWS=200000 DURATION=15s scripts/noisy-neighbour.sh         # a smaller run
set -euo pipefail

ROWS=${ROWS:-1000000}
DURATION=${DURATION:-30s}
PERMITS=${PERMITS:-10}
WINDOW=${WINDOW:-1}
NOISY_CONNECTIONS=${NOISY_CONNECTIONS:-16}
QUIET_CONNECTIONS=${QUIET_CONNECTIONS:-2}
QUIET_SHARE=${QUIET_SHARE:-0.8}
BUDGET_MS=${BUDGET_MS:-2000}
PORT=${PORT:-5083}
BASE="http://127.0.0.1:${PORT}"
LIFTED=1000000000

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=
stop_server() {
    if [ -n "${pid:-}" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

if curl -s -o /dev/null "$BASE/health/live"; then
    echo "Something already answers on $BASE; set PORT to a free port." >&2
    exit 1
fi

dotnet build -c Release -v q "$root/src/Api" >/dev/null
api="$root/src/Api/bin/Release/net10.0/ImportsService.Api.dll"

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Imports="Data Source=$work/noisy.db"
export Cursors__SigningKeys__0="noisy-neighbour-cursor-signing-key-0123456789abcdef"
export ApiKeys__Pepper__0="noisy-neighbour-api-key-pepper-0123456789abcdef"
export Database__StatementTimeoutMs="$BUDGET_MS"
export RateLimiting__PermitsPerClientPerWindow=$LIFTED
export Serilog__MinimumLevel__Default=Warning

echo "== machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
start=$(date +%s.%N)
# A throwaway database, so the demo credentials may be created outside Development.
dotnet "$api" seed --imports "$ROWS" --allow-demo-credentials >"$work/seed.log"
tail -n 2 "$work/seed.log"
echo "seed of $ROWS rows took $(echo "$(date +%s.%N) - $start" | bc) s (including start-up)"

start_server() { # $1: per-account permits, $2: window seconds
    RateLimiting__PermitsPerWindow=$1 RateLimiting__WindowSeconds=$2 dotnet "$api" --urls "$BASE" >"$work/api.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 1; done
    curl -fs "$BASE/health/ready" >/dev/null || { cat "$work/api.log"; exit 1; }
}

# Status counts per thread, summed in done(): wrk's Lua threads share numbers only.
cat >"$work/common.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
ok, limited, budget, other = 0, 0, 0, 0
function count(status)
  if status == 200 then ok = ok + 1 elseif status == 429 then limited = limited + 1
  elseif status == 503 then budget = budget + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local t = { ok = 0, limited = 0, budget = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("statuses: 200=%d 429=%d 503=%d other=%d\n", t.ok, t.limited, t.budget, t.other))
end
LUA

cat >"$work/noisy.lua" <<'LUA'
dofile(os.getenv("WRK_COMMON"))
-- The demo account's most expensive shapes: a bound that matches nothing on a column other than the sort key
-- (page and count both read every index entry of the account), and a selective mix sorted by another key.
local paths = {
  "/api/v1/imports?per_page=100&filter%5Bcreated_at%5D%5Blt%5D=2000-01-01",
  "/api/v1/imports?per_page=100&filter%5Bcreated_at%5D%5Blt%5D=2000-01-01&sort%5Bupdated_at%5D=desc",
  "/api/v1/imports?per_page=100&filter%5Bupdated_at%5D%5Bgt%5D=2030-01-01&sort%5Bcreated_at%5D=asc",
  "/api/v1/imports?per_page=100&filter%5Bstatus%5D%5Binclude%5D=failed,complete&filter%5Bcreated_at%5D%5Bgte%5D=2024-03-01&sort%5Bupdated_at%5D=desc",
}
local headers = { ["Authorization"] = "Token demo-api-key", ["Account-Token"] = "demo-account-token" }
local pace = tonumber(os.getenv("NOISY_DELAY_MS") or "0")
local n = 0
function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], headers)
end
function delay() return pace end
function response(status) count(status) end
LUA

cat >"$work/quiet.lua" <<'LUA'
dofile(os.getenv("WRK_COMMON"))
local headers = { ["Authorization"] = "Token other-api-key", ["Account-Token"] = "other-account-token" }
local pace = tonumber(os.getenv("QUIET_DELAY_MS") or "0")
function request() return wrk.format("GET", "/api/v1/imports?per_page=5", headers) end
function delay() return pace end
function response(status) count(status) end
LUA

# "p50 p99 requests/s" in milliseconds from wrk --latency output.
summarize() {
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
        END { printf "p50 %.2f ms, p99 %.2f ms, %s requests/s", p50, p99, rps }' "$1"
}

# The quiet tenant stays within its own quota: each connection waits connections / (share x rate) seconds.
quiet_pace=$(echo "$QUIET_CONNECTIONS * 1000 * $WINDOW / ($QUIET_SHARE * $PERMITS)" | bc)
quiet() { # $1: output file
    QUIET_DELAY_MS=$quiet_pace WRK_COMMON="$work/common.lua" wrk -t1 -c"$QUIET_CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$work/quiet.lua" "$BASE" >"$1"
}

noisy() { # $1: output file, $2: delay per request per connection (ms)
    NOISY_DELAY_MS=$2 WRK_COMMON="$work/common.lua" wrk -t1 -c"$NOISY_CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$work/noisy.lua" "$BASE" >"$1"
}

report() { # $1: phase, $2: wrk output, $3: who
    echo "$1 | $3 | $(summarize "$2") | $(grep '^statuses:' "$2")"
}

echo "== wrk on loopback, $DURATION per phase; quiet: other-account, per_page=5, $QUIET_CONNECTIONS connections paced to $QUIET_SHARE of $PERMITS per ${WINDOW}s; noisy: demo account, 4 expensive shapes, $NOISY_CONNECTIONS connections; statement budget $BUDGET_MS ms"

start_server "$PERMITS" "$WINDOW"
# Warm up both tenants' paths (JIT, SQLite page cache) before measuring.
QUIET_DELAY_MS=0 WRK_COMMON="$work/common.lua" wrk -t1 -c2 -d3s -s "$work/quiet.lua" "$BASE" >/dev/null
NOISY_DELAY_MS=0 WRK_COMMON="$work/common.lua" wrk -t1 -c2 -d3s -s "$work/noisy.lua" "$BASE" >/dev/null
sleep "$WINDOW"

quiet "$work/baseline.txt"
report "1 baseline" "$work/baseline.txt" "quiet"

# Paced so the noisy tenant asks at about its quota: each connection waits connections/rate seconds.
pace=$(echo "$NOISY_CONNECTIONS * 1000 * $WINDOW / $PERMITS" | bc)
noisy "$work/quota-noisy.txt" "$pace" &
noisy_pid=$!
quiet "$work/quota-quiet.txt"
wait "$noisy_pid"
report "2 quota ($PERMITS per ${WINDOW}s)" "$work/quota-quiet.txt" "quiet"
report "2 quota ($PERMITS per ${WINDOW}s)" "$work/quota-noisy.txt" "noisy"
stop_server

start_server "$LIFTED" 60
noisy "$work/unlimited-noisy.txt" 0 &
noisy_pid=$!
quiet "$work/unlimited-quiet.txt"
wait "$noisy_pid"
report "3 unlimited" "$work/unlimited-quiet.txt" "quiet"
report "3 unlimited" "$work/unlimited-noisy.txt" "noisy"
stop_server

echo "== load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
