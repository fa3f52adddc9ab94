# Sourced by the scripts that measure load, not quotas (load-test.sh, peer-load-test.sh, time-window-latency.sh).
# Sets root, work (removed on exit, the server in $pid stopped) and api (src/Api built in Release), and exports the
# settings of a throwaway Production server on ${SERVER_DB:-$work/load.db}. One account sends everything, so its rate
# limits and in-flight cap are lifted through configuration, as an operator raising a tenant's plan would; the
# instance's own concurrency cap (RateLimiting:MaxConcurrentRequests, 2 per processor, with its short queue) stays as
# deployed.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release -v q "$root/src/Api" >/dev/null
api="$root/src/Api/bin/Release/net10.0/ImportsService.Api.dll"

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Imports="Data Source=${SERVER_DB:-$work/load.db}"
export Cursors__SigningKeys__0="load-test-cursor-signing-key-0123456789abcdef"
export ApiKeys__Pepper__0="load-test-api-key-pepper-0123456789abcdef"
export RateLimiting__PermitsPerWindow=1000000000 RateLimiting__PermitsPerClientPerWindow=1000000000
export RateLimiting__MaxConcurrentRequestsPerAccount=1000 RateLimiting__MaxQueuedRequests=256
export Serilog__MinimumLevel__Default=Warning
