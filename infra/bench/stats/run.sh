#!/usr/bin/env bash
# Monthly statistics benchmark: GET /api/v1/stats/monthly for the last whole month and for the
# month a year before it (one cold call, then 10), and the export of three months (~120,000
# reports at the default size) as XLSX (a warm-up, then 3 timed) and as a CSV zip (1 timed), with
# the service's peak heap (from its GC log) and peak RSS, on a ward with a million reports.
#
# The data: the demo ward (service started once with the demo profile, without its 200 random
# reports, and its map imported through PUT /api/v1/zones), then seed.sql: REPORTS reports spread
# evenly over the 25 whole months before this one, with violation locations, inspection rounds,
# 20 more patrol officers and every report's audit trail (see seed.sql). The service then runs
# with -Xmx256m. A call answering other than 200 is reported and the run goes on.
#
# Needs: the jar (./mvnw package -DskipTests), a local PostgreSQL reachable as PGHOST/PGPORT/PGUSER
# (default 127.0.0.1:5432, postgres) that may create databases, curl, unzip and xxd.
# Usage: infra/bench/stats/run.sh
#   env: REPORTS (1000000), SEED (0.42), PORT (8097), DB (urban_order_stats_bench), JAR (the built
#        jar), JAVA_OPTS (-Xmx256m), WORK (a new temporary directory: logs and exported files, kept),
#        KEEP=1 keeps the database, and reuses it when it already holds this run's seeded reports.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-urban_order_stats_bench}" port="${PORT:-8097}" reports="${REPORTS:-1000000}" seed="${SEED:-0.42}"
jar="${JAR:-$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)}"
work="${WORK:-$(mktemp -d /tmp/stats-bench.XXXXXX)}"
mkdir -p "$work"
ward=a1000000-0000-4000-8000-000000000001 tz=Asia/Ho_Chi_Minh months=25
# Months in the ward's calendar: the last whole one, the export's three, the one a year earlier.
this_month=$(TZ=$tz date +%Y-%m-01)
last=$(date -d "$this_month -1 month" +%Y-%m-01)
year_before=$(date -d "$last -12 months" +%Y-%m-01)
export_from=$(date -d "$last -2 months" +%Y-%m-%d) export_to=$(date -d "$this_month -1 day" +%Y-%m-%d)
pid="" log="$work/service.log"
cleanup() {
  local rc=$?
  set +e
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
  if [ "$rc" != 0 ]; then echo "failed; the service log ($log) ends:" >&2; tail -n 30 "$log" >&2 2> /dev/null; fi
  [ "${KEEP:-0}" = 1 ] || psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" > /dev/null 2>&1
  echo "work dir: $work"
}
trap cleanup EXIT
sql() { psql -qAtX -v ON_ERROR_STOP=1 -d "$db" "$@"; }

start() {  # java options...
  (cd "$work" && exec java "$@" -jar "$jar" --server.port="$port" --spring.profiles.active=demo \
      --urbanorder.demo.reports=false --urbanorder.photos.folder="$work/photos" \
      --spring.r2dbc.url="r2dbc:postgresql://$PGHOST:$PGPORT/$db" --spring.r2dbc.username="$PGUSER" \
      --spring.flyway.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.flyway.user="$PGUSER" \
      --logging.level.vn.urbanorder.access=WARN > "$log" 2>&1) &
  pid=$!
  local deadline=$((SECONDS + 180))
  until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { pid=""; echo "the service stopped during start-up" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "the service was not ready within 180 s" >&2; exit 1; }
    sleep 0.5
  done
}
stop() { kill "$pid" && wait "$pid" 2> /dev/null || true; pid=""; }
token() {
  curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"demo-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
# GET path into file; prints "status seconds bytes".
get() { curl -s -o "$2" -w '%{http_code} %{time_total} %{size_download}\n' -H "Authorization: Bearer $TOKEN" "localhost:$port$1"; }
# One export's line: seconds, bytes and, when it answered, reports per second.
timed() {  # label status seconds bytes
  printf '  %s: %.3f s, %s bytes' "$1" "$3" "$4"
  [ "$2" = 200 ] && awk -v n="$n" -v s="$3" 'BEGIN { printf ", %.0f reports/s", n / s }'
  echo " (HTTP $2)"
}
# Why a call failed: the problem's detail, or the start of the body.
why() { [ "$1" = 200 ] || echo "  HTTP $1: $(head -c 300 "$2" | tr '\n' ' ')"; }
# Reports observed from day $1 to day $2 (excluded), in the ward's calendar.
count() {
  sql -c "SELECT count(*) FROM report WHERE ward_id = '$ward'
            AND observed_at >= '$1'::timestamp AT TIME ZONE '$tz' AND observed_at < '$2'::timestamp AT TIME ZONE '$tz'"
}
seeded() {
  [ "$(sql -c "SELECT count(*) = $reports AND to_char(max(observed_at) AT TIME ZONE '$tz', 'YYYY-MM-01') = '$last'
                 FROM report" 2> /dev/null)" = t ]
}

if [ "${KEEP:-0}" = 1 ] && seeded; then
  echo "reusing $db: $reports reports up to ${last%-01}"
else
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" > /dev/null
  log="$work/setup.log"
  start
  # The service imports the demo map in the background at start-up; importing it here too, as an
  # admin would, makes sure it is there before seeding.
  TOKEN=$(token)
  unzip -p "$jar" BOOT-INF/classes/demo/gia-thuy-zones.geojson | curl -sf -X PUT "localhost:$port/api/v1/zones" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/geo+json' --data-binary @- > /dev/null
  stop
  begin=$SECONDS
  sql -v ward="$ward" -v reports="$reports" -v months="$months" -v last_month="$last" -v seed="$seed" \
    -f "$here/seed.sql" > /dev/null
  echo "seeded $reports reports over $months months in $((SECONDS - begin)) s"
  for table in report report_event violation_location inspection_round app_user; do
    echo "  $table: $(sql -c "SELECT count(*) FROM $table") rows"
  done
  echo "  database: $(sql -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
fi

# Each run measures the first reading of a month's workload from the audit trail too, not a kept one.
sql -c "DELETE FROM workload_snapshot" > /dev/null 2>&1 || true
log="$work/service.log"
start ${JAVA_OPTS:--Xmx256m} -Xlog:gc:file="$work/gc.log"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"

monthly() {  # first day of the month
  local month=${1%-01} status seconds times=() statuses=()
  TOKEN=$(token)
  echo "== GET /api/v1/stats/monthly?month=$month: $(count "$1" "$(date -d "$1 +1 month" +%F)") reports observed"
  read -r status seconds _ < <(get "/api/v1/stats/monthly?month=$month" "$work/monthly-$month.json")
  printf '  cold: %.3f s (HTTP %s)\n' "$seconds" "$status"
  why "$status" "$work/monthly-$month.json"
  for _ in $(seq 10); do
    read -r status seconds _ < <(get "/api/v1/stats/monthly?month=$month" "$work/monthly-$month.json")
    times+=("$seconds") statuses+=("$status")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v s="$(printf '%s\n' "${statuses[@]}" | sort -u | xargs)" \
    '{ v[NR] = $1 } END { printf "  10 more: min %.3f, median %.3f, max %.3f s (HTTP %s)\n", v[1], (v[5] + v[6]) / 2, v[10], s }'
}
monthly "$last"
monthly "$year_before"

# The heap after start-up and the calls above is not the export's: read the GC log from here on.
gc_from=$(($(wc -l < "$work/gc.log") + 1))
period="from=$export_from&to=$export_to"
n=$(count "$export_from" "$(date -d "$export_to +1 day" +%F)")
TOKEN=$(token)
echo "== GET /api/v1/stats/export?$period&format=xlsx: $n reports observed"
read -r status seconds _ < <(get "/api/v1/stats/export?$period&format=xlsx" "$work/export.xlsx")
printf '  warm-up: %.3f s (HTTP %s)\n' "$seconds" "$status"
why "$status" "$work/export.xlsx"
for i in 1 2 3; do
  read -r status seconds bytes < <(get "/api/v1/stats/export?$period&format=xlsx" "$work/export.xlsx")
  timed "run $i" "$status" "$seconds" "$bytes"
done
echo "  saved $work/export.xlsx: $(stat -c %s "$work/export.xlsx") bytes"

echo "== GET /api/v1/stats/export?$period&format=csv"
read -r status seconds bytes < <(get "/api/v1/stats/export?$period&format=csv" "$work/export.zip")
timed "run 1" "$status" "$seconds" "$bytes"
why "$status" "$work/export.zip"
if [ "$status" = 200 ]; then
  first=$(unzip -Z1 "$work/export.zip" | head -n 1)
  # head stops reading after three bytes, which can make unzip fail on a broken pipe.
  bom=$(unzip -p "$work/export.zip" "$first" 2> /dev/null | head -c 3 | xxd -p) || true
  echo "  first entry $first starts with $bom ($([ "$bom" = efbbbf ] && echo "UTF-8 BOM" || echo "NO BOM"))"
fi

# G1 logs each pause as "<before>M-><after>M(<committed>M)"; the peak use is the largest before.
tail -n +"$gc_from" "$work/gc.log" | { grep -oE '[0-9]+M->[0-9]+M' || true; } | tr -d M | tr '>-' '  ' \
  | awk '{ if ($1 > b) b = $1; if ($2 > a) a = $2 } END {
      printf "heap during the exports: %d GCs, at most %d MB before a GC, %d MB live after one\n", NR, b, a }'
echo "heap now: $(jcmd "$pid" GC.heap_info | grep -m1 -oE 'total [0-9]+K, used [0-9]+K')"
echo "service peak RSS (VmHWM, whole run): $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
