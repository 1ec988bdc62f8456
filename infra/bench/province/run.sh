#!/usr/bin/env bash
# Province scale benchmark (issue 22, point 5): one province of 126 wards holding REPORTS reports
# in all (3,000,000) over the 24 whole months before this one. Times, with the service running
# (-Xmx256m), one request at a time:
#   - one ward's month, GET /api/v1/stats/monthly?month=<last whole month>, as that ward's admin,
#     for the smallest, the median and the largest ward of that month (goal ≤ 1 s): the first call
#     (nothing of the month kept yet; the first ward's also warms the JIT) and N more;
#   - the province's month, GET /api/v1/province/stats?month=…, as the province admin tinh1
#     (goal ≤ 2 s): the first call and N more. A build without that endpoint (404) says so.
# Each line carries the load average, since the machine's other work skews every figure.
# INTAKE=1 then runs infra/bench/intake/run.sh twice, on an empty database and on this one (the
# demo ward, the largest, takes the load), INTAKE_SECONDS (20) per load.
#
# The data: the service starts once on a new database to migrate it and make the demo province,
# ward, users and units (demo profile, without its random reports), its map is imported through
# PUT /api/v1/zones, then seed.sql adds 125 wards and the reports (see there).
#
# Needs: the jar (./mvnw -B -o package -DskipTests -pl backend -am), a local PostgreSQL reachable
# as PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres, a superuser: the seed loads without
# foreign-key checks) that may create databases, curl, unzip; for INTAKE=1 also wrk and pgbench.
# Usage: infra/bench/province/run.sh
#   env: REPORTS (3000000), MONTHS (24), SEED (0.42), N (10 timed calls after the first), PORT (8099),
#        DB (urban_order_province_bench), JAR, JAVA_OPTS (-Xmx256m), WORK (a new temporary
#        directory, kept), MONTH (YYYY-MM, default the last whole one), INTAKE (0), INTAKE_SECONDS,
#        KEEP=1 keeps the database, and reuses it when it already holds REPORTS seeded reports.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-urban_order_province_bench}" port="${PORT:-8099}" reports="${REPORTS:-3000000}" seed="${SEED:-0.42}"
months="${MONTHS:-24}" n="${N:-10}" java_opts="${JAVA_OPTS:--Xmx256m}"
jar="${JAR:-$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)}"
work="${WORK:-$(mktemp -d /tmp/province-bench.XXXXXX)}"
mkdir -p "$work"
gt=a1000000-0000-4000-8000-000000000001 province=a1000000-0000-4000-8000-000000000000 tz=Asia/Ho_Chi_Minh
last=$(date -d "$(TZ=$tz date +%Y-%m-01) -1 month" +%Y-%m-01)
month="${MONTH:-${last%-01}}"
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
load() { cut -d' ' -f1-3 /proc/loadavg; }

start() {  # java options...
  (cd "$work" && exec java "$@" -jar "$jar" --server.port="$port" --spring.profiles.active=demo \
      --urbanorder.demo.reports=false --urbanorder.photos.folder="$work/photos" \
      --spring.r2dbc.url="r2dbc:postgresql://$PGHOST:$PGPORT/$db" --spring.r2dbc.username="$PGUSER" \
      --spring.flyway.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.flyway.user="$PGUSER" \
      --logging.level.vn.urbanorder.access=WARN > "$log" 2>&1) &
  pid=$!
  local deadline=$((SECONDS + 300))
  until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { pid=""; echo "the service stopped during start-up" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "the service was not ready within 300 s" >&2; exit 1; }
    sleep 0.5
  done
}
stop() { kill "$pid" && wait "$pid" 2> /dev/null || true; pid=""; }
token() {  # username
  curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
seeded() { [ "$(sql -c "SELECT count(*) >= $reports AND count(DISTINCT ward_id) = 126 FROM report" 2> /dev/null)" = t ]; }

if [ "${KEEP:-0}" = 1 ] && seeded; then
  echo "reusing $db: $(sql -c "SELECT count(*) FROM report") reports"
else
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" > /dev/null
  log="$work/setup.log"
  start
  unzip -p "$jar" BOOT-INF/classes/demo/gia-thuy-zones.geojson | curl -sf -X PUT "localhost:$port/api/v1/zones" \
    -H "Authorization: Bearer $(token admin)" -H 'Content-Type: application/geo+json' --data-binary @- > /dev/null
  stop
  echo "seeding $reports reports in 126 wards over $months months (load average $(load))"
  begin=$SECONDS
  sql -v gt="$gt" -v province="$province" -v reports="$reports" -v months="$months" -v last_month="$last" \
    -v seed="$seed" -f "$here/seed.sql" > "$work/seed.log"
  echo "seeded in $((SECONDS - begin)) s (load average now $(load))"
  for table in ward app_user unit zone inspection_round violation_location report report_event; do
    echo "  $table: $(sql -c "SELECT count(*) FROM $table") rows"
  done
  echo "  database: $(sql -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
fi

from="$month-01" to=$(date -d "$month-01 +1 month" +%F)
# Reports per ward observed in the month, in the ward's calendar; the wards to time.
sql -c "SELECT w.code, count(r.id) FROM ward w LEFT JOIN report r ON r.ward_id = w.id
          AND r.observed_at >= '$from'::timestamp AT TIME ZONE '$tz' AND r.observed_at < '$to'::timestamp AT TIME ZONE '$tz'
         GROUP BY w.code ORDER BY 2, 1" > "$work/ward-month.txt"
wards=$(wc -l < "$work/ward-month.txt")
small=$(sed -n 1p "$work/ward-month.txt") median=$(sed -n "$(((wards + 1) / 2))p" "$work/ward-month.txt")
largest=$(sed -n "${wards}p" "$work/ward-month.txt")
echo "month $month: $(awk -F'|' '{ s += $2 } END { print s }' "$work/ward-month.txt") reports observed in $wards wards;" \
  "smallest ${small/|/ (} reports), median ${median/|/ (} reports), largest ${largest/|/ (} reports)"

# Each run measures the first reading of a month's workload from the audit trail too.
sql -c "DELETE FROM workload_snapshot" > /dev/null 2>&1 || true
log="$work/service.log"
start $java_opts -Xlog:gc:file="$work/gc.log"
commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- backend || echo "+changes")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)," \
  "$(psql -qAtX -d postgres -c 'SHOW server_version') (shared_buffers $(psql -qAtX -d postgres -c 'SHOW shared_buffers'))"
echo "service: $java_opts, commit $commit"

# GET path N+1 times as user: the first call, then p50 / p95 / max of the next N, with the load.
timed() {  # label username path goal-seconds
  local label=$1 user=$2 path=$3 goal=$4 token status seconds first load_before codes
  token=$(token "$user")
  load_before=$(load)
  read -r status seconds < <(curl -s -o "$work/answer-$label.json" -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $token" "localhost:$port$path")
  if [ "$status" = 404 ] || [ "$status" = 403 ]; then
    echo "$label: HTTP $status for $path ($(head -c 200 "$work/answer-$label.json")); not measured"
    return
  fi
  first=$seconds
  : > "$work/times-$label.txt"
  codes="$status"
  for _ in $(seq "$n"); do
    read -r status seconds < <(curl -s -o "$work/answer-$label.json" -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $token" "localhost:$port$path")
    echo "$seconds" >> "$work/times-$label.txt"
    codes="$codes $status"
  done
  sort -n "$work/times-$label.txt" | awk -v label="$label" -v first="$first" -v goal="$goal" -v n="$n" \
    -v codes="$(echo "$codes" | tr ' ' '\n' | sort | uniq -c | xargs)" -v lb="$load_before" -v la="$(load)" '
    { v[NR] = $1 }
    END {
      p50 = v[int((n + 1) / 2)]; p95 = v[int(n * 0.95 + 0.999)]; max = v[n]
      worst = first > max ? first : max
      printf "%s: first %.3f s; next %d: p50 %.3f, p95 %.3f, max %.3f s; goal %s s: %s; HTTP %s; load %s -> %s\n",
        label, first, n, p50, p95, max, goal, (worst <= goal ? "met" : (max <= goal ? "met once warm, first call over" : "NOT met")),
        codes, lb, la }'
}
admin_of() { [ "$1" = GT ] && echo admin || echo "admin.$(echo "$1" | tr 'A-Z' 'a-z')"; }
for which in small median largest; do
  code=${!which%%|*}
  timed "ward-$which-${code}" "$(admin_of "$code")" "/api/v1/stats/monthly?month=$month" 1
done
timed province tinh1 "/api/v1/province/stats?month=$month" 2
echo "service peak RSS: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status");" \
  "GC: $({ grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" || true; } | tr -d M | tr '>-' '  ' \
    | awk '{ if ($1 > b) b = $1 } END { printf "%d collections, at most %d MB in use before one", NR, b }')"
stop

if [ "${INTAKE:-0}" = 1 ]; then
  echo "== intake on an empty database"
  "$root/infra/bench/intake/run.sh" "${INTAKE_SECONDS:-20}"
  echo "== intake on $db ($(sql -c "SELECT count(*) FROM report") reports)"
  DB="$db" REUSE=1 "$root/infra/bench/intake/run.sh" "${INTAKE_SECONDS:-20}"
  # The intake benchmark keeps its own database for inspection; this run leaves nothing behind.
  [ "${KEEP:-0}" = 1 ] || psql -qX -d postgres -c "DROP DATABASE IF EXISTS urban_order_bench" > /dev/null 2>&1
fi
