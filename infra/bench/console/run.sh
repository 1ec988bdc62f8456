#!/usr/bin/env bash
# Console pages benchmark (issue 20: the unit queue page and a report page each ≤ 300 ms with
# 100,000 reports in the ward; issue 21: the month page ≤ 1 s with 1,000,000): signs in to the console as a unit's staff member, then times, one
# request at a time after 20 untimed ones each, N × GET /console/queue (default filters) and
# N × GET /console/reports/{id} (N different reports of the unit, open and closed), and the API
# calls the pages make underneath (the unit's queue, a report) for comparison; then, as the ward
# admin, N × GET /console/figures (the last whole month) and the JSON figures under it. Prints p50, p95,
# p99 and max of curl's time_total per page, and the service's CPU time per request (its own
# threads, and apart the JIT compilers', which are still busy after a short warm-up).
#
# The data: as infra/bench/stats/run.sh makes it (the demo ward, its map, then that script's
# seed.sql with REPORTS reports over the 25 whole months before this one, with their locations
# and audit trails; about 2.7 % of them still open). The service then runs with -Xmx256m.
#
# Needs: the jar (./mvnw -B -o package -DskipTests -pl backend -am), a local PostgreSQL reachable
# as PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres) that may create databases, curl, unzip.
# Usage: infra/bench/console/run.sh
#   env: REPORTS (100000; 1000000 for the month page's goal), FIGURES (1; 0 skips the month page), N (100 timed requests per page), WARM (20 untimed before them), DESK_USER (ttdt1: the unit with the
#        most reports; vsmt1 works too), SEED (0.42), PORT (8098), DB (urban_order_console_bench),
#        JAR (the built jar), JAVA_OPTS (-Xmx256m), WORK (a new temporary directory, kept),
#        KEEP=1 keeps the database, and reuses it when it already holds REPORTS reports.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-urban_order_console_bench}" port="${PORT:-8098}" reports="${REPORTS:-100000}" seed="${SEED:-0.42}"
n="${N:-100}" warm="${WARM:-20}" user="${DESK_USER:-ttdt1}" password=demo-password-1 java_opts="${JAVA_OPTS:--Xmx256m}"
jar="${JAR:-$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)}"
work="${WORK:-$(mktemp -d /tmp/console-bench.XXXXXX)}"
mkdir -p "$work"
ward=a1000000-0000-4000-8000-000000000001 tz=Asia/Ho_Chi_Minh months=25
last=$(date -d "$(TZ=$tz date +%Y-%m-01) -1 month" +%Y-%m-01)
pid="" log="$work/service.log" jar_cookies="$work/cookies.txt"
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
token() {  # username
  curl -sf -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
seeded() { [ "$(sql -c "SELECT count(*) = $reports FROM report" 2> /dev/null)" = t ]; }

# The data, as the statistics benchmark makes it, with its seed.sql.
if [ "${KEEP:-0}" = 1 ] && seeded; then
  echo "reusing $db: $reports reports"
else
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" > /dev/null
  log="$work/setup.log"
  start
  # The service imports the demo map in the background at start-up; importing it here too makes
  # sure it is there before seeding.
  unzip -p "$jar" BOOT-INF/classes/demo/gia-thuy-zones.geojson | curl -sf -X PUT "localhost:$port/api/v1/zones" \
    -H "Authorization: Bearer $(token admin)" -H 'Content-Type: application/geo+json' --data-binary @- > /dev/null
  stop
  begin=$SECONDS
  sql -v ward="$ward" -v reports="$reports" -v months="$months" -v last_month="$last" -v seed="$seed" \
    -f "$root/infra/bench/stats/seed.sql" > /dev/null
  echo "seeded $reports reports over $months months in $((SECONDS - begin)) s"
fi

unit=$(sql -c "SELECT unit_id FROM app_user WHERE username = '$user'")
echo "data: $(sql -c "SELECT count(*) FROM report WHERE ward_id = '$ward'") reports in the ward;" \
  "$user's unit $(sql -c "SELECT code FROM unit WHERE id = '$unit'"):" \
  "$(sql -c "SELECT count(*) FROM report WHERE assigned_unit_id = '$unit'") reports," \
  "$(sql -c "SELECT count(*) FROM report WHERE assigned_unit_id = '$unit'
               AND status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED')") open;" \
  "$(sql -c "SELECT count(*) FROM report_event") audit-trail events;" \
  "database $(sql -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
# Reports of the unit to open, spread over its whole history (a fixed draw): every third one open,
# the rest closed, so location timelines, trails and reviews of every length come up.
sql -c "(SELECT id FROM report WHERE assigned_unit_id = '$unit' AND status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED')
          ORDER BY md5(id::text) LIMIT $(((n + warm) / 3)))
        UNION ALL
        (SELECT id FROM report WHERE assigned_unit_id = '$unit' AND status NOT IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED')
          ORDER BY md5(id::text) LIMIT $((n + warm - (n + warm) / 3)))" | sort > "$work/ids.txt"
[ "$(wc -l < "$work/ids.txt")" -ge $((n + warm)) ] || { echo "the unit has fewer than $((n + warm)) reports" >&2; exit 1; }

log="$work/service.log"
start $java_opts
commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- backend || echo "+changes")
[ -z "${JAR:-}" ] || commit="$commit (the tree's; the jar is $jar)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)," \
  "$(psql -qAtX -d postgres -c 'SHOW server_version') (shared_buffers $(psql -qAtX -d postgres -c 'SHOW shared_buffers'))"
echo "service: $java_opts, commit $commit; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# The console as a browser signs in: the CSRF token from the sign-in page, then the form.
desk_sign_in() {  # username cookie-jar
  rm -f "$2"
  local csrf status
  csrf=$(curl -sf -c "$2" -b "$2" "localhost:$port/console/sign-in" \
    | sed -nE 's/.*<meta name="csrf-token" content="([^"]+)".*/\1/p')
  [ -n "$csrf" ] || { echo "no CSRF token on the sign-in page" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" -X POST \
    "localhost:$port/console/sign-in" --data-urlencode "username=$1" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf")
  case "$status" in 302 | 303) ;; *) echo "signing in as $1 answered $status" >&2; exit 1 ;; esac
  grep -qP '\tUO_DESK\t' "$2" || { echo "no UO_DESK cookie after signing in as $1" >&2; exit 1; }
}
desk_sign_in "$user" "$jar_cookies"
TOKEN=$(token "$user")
admin_cookies="$work/admin-cookies.txt"
desk_sign_in admin "$admin_cookies"
ADMIN_TOKEN=$(token admin)

# The service's CPU time so far in clock ticks: "work" (every thread but the JIT compilers') and "jit".
cpu() {
  local work=0 jit=0 task ticks
  for task in /proc/"$pid"/task/*; do
    ticks=$(awk '{ print $14 + $15 }' "$task/stat" 2> /dev/null) || continue
    case "$(cat "$task/comm" 2> /dev/null)" in C1\ * | C2\ *) jit=$((jit + ticks)) ;; *) work=$((work + ticks)) ;; esac
  done
  echo "$work $jit"
}
# Times path N times (after the warm-up), one request at a time; "{id}" takes the next report id.
# Prints "label: p50 p95 p99 max (HTTP codes)" and the service's CPU time per timed request (which
# the machine's other load changes far less than the times, though a busy machine raises it some),
# and keeps the last answer in $work.
measure() {  # label auth(desk|bearer: as DESK_USER; admin-desk|admin-bearer: as the ward admin) path
  local label=$1 auth=$2 path=$3 i=0 url args=() times="$work/times-$1.txt" codes="$work/codes-$1.txt"
  case "$auth" in
    desk) args=(-b "$jar_cookies") ;;
    admin-desk) args=(-b "$admin_cookies") ;;
    admin-bearer) args=(-H "Authorization: Bearer $ADMIN_TOKEN") ;;
    *) args=(-H "Authorization: Bearer $TOKEN") ;;
  esac
  : > "$times"
  : > "$codes"
  local work0 jit0 work1 jit1
  while read -r id; do
    i=$((i + 1))
    url="localhost:$port${path//\{id\}/$id}"
    if [ $i -le $warm ]; then
      curl -s -o /dev/null "${args[@]}" "$url"
      [ $i -lt $warm ] || read -r work0 jit0 < <(cpu)
    else
      curl -s -o "$work/answer-$label" -w '%{http_code} %{time_total}\n' "${args[@]}" "$url" \
        | { read -r code seconds; echo "$code" >> "$codes"; echo "$seconds" >> "$times"; }
    fi
  done < "$work/ids.txt"
  read -r work1 jit1 < <(cpu)
  sort -n "$times" | awk -v label="$label" -v codes="$(sort "$codes" | uniq -c | awk '{ printf "%s×%s", $1, $2 }')" \
    -v work=$((work1 - work0)) -v jit=$((jit1 - jit0)) -v hz="$(getconf CLK_TCK)" \
    '{ v[NR] = $1 * 1000 } END {
       printf "  %-12s p50 %4.0f  p95 %4.0f  p99 %4.0f  max %4.0f ms;  service CPU %5.1f ms + JIT %5.1f ms a request  (HTTP %s)\n",
              label, v[int(NR * 0.50)], v[int(NR * 0.95)], v[int(NR * 0.99)], v[NR],
              work * 1000 / hz / NR, jit * 1000 / hz / NR, codes }'
}
head -n $((n + warm)) "$work/ids.txt" > "$work/ids.tmp" && mv "$work/ids.tmp" "$work/ids.txt"
echo "== $n requests each, one at a time, after $warm untimed; times in ms (curl time_total)"
measure queue-page desk /console/queue
measure report-page desk '/console/reports/{id}'
measure queue-api bearer '/api/v1/reports?unitId=mine&status=ASSIGNED,IN_PROGRESS,REOPENED&sort=dueAt&limit=50'
measure report-api bearer '/api/v1/reports/{id}'
# The ward office's month page (issue 21: ≤ 1 s with 1,000,000 reports): the last whole month, and
# the JSON figures under it. FIGURES=0 leaves them out.
if [ "${FIGURES:-1}" = 1 ]; then
  measure figures-page admin-desk /console/figures
  measure figures-api admin-bearer "/api/v1/stats/monthly?month=${last:0:7}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "queue page: $(grep -c '<tr' "$work/answer-queue-page" || true) table rows, $(stat -c %s "$work/answer-queue-page") bytes;" \
  "last report page: $(stat -c %s "$work/answer-report-page") bytes"
