#!/usr/bin/env bash
# Statistics on a read replica, checked on real PostgreSQL (issue 22, point 4). Starts a primary
# cluster of its own and a streaming replica of it made with `pg_basebackup -R`, both logging every
# statement (log_min_duration_statement = 0), then the service's jar on the primary with the
# replica configured. As the demo admin it fetches the month's figures, the month's CSV export and
# the console's month page (/console/figures, signed in through its form), and checks from the two
# servers' logs that the statistics queries ran on the replica and not on the primary, and that the
# figures count as many reports as the primary holds. Then it stops the replica and checks that the
# figures still come, now from the primary. Everything it started is stopped and removed at the end
# (KEEP=1 keeps the folder with the logs).
#
#   ./mvnw -B -o -q package -DskipTests -Dspotless.check.skip=true -pl backend -am   # the jar
#   infra/replica/run.sh
#
# Needs PostgreSQL's server binaries (PG_BIN, default Debian's /usr/lib/postgresql/15/bin), curl,
# jq and a JDK. Run as root, it runs PostgreSQL as the `postgres` user (runuser). Ports:
# PRIMARY_PORT (55432), REPLICA_PORT (55433), SERVICE_PORT (8096).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-55432}
REPLICA_PORT=${REPLICA_PORT:-55433}
SERVICE_PORT=${SERVICE_PORT:-8096}
jar=$(ls "$root"/backend/target/urban-order-backend-*.jar 2> /dev/null | grep -v plain | head -n 1)
[ -n "$jar" ] || { echo "FAIL: no jar; build it first: ./mvnw -B -o -q package -DskipTests -Dspotless.check.skip=true -pl backend -am"; exit 2; }
for tool in initdb pg_ctl pg_basebackup psql; do
  [ -x "$PG_BIN/$tool" ] || { echo "FAIL: $PG_BIN/$tool not found (set PG_BIN)"; exit 2; }
done

work=$(mktemp -d /var/tmp/replica-check.XXXX)
chmod 755 "$work"
pg="$work/pg"; mkdir -p "$pg"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$pg"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
cd "$work"
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2> /dev/null && wait "$service_pid" 2> /dev/null
  for cluster in replica primary; do
    [ -f "$pg/$cluster/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$pg/$cluster" -m immediate -w stop > /dev/null 2>&1
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failures=0
pass() { echo "  ok:   $*"; }
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
psql_at() { as_pg "$PG_BIN/psql" -X -h "$pg" -p "$1" -U postgres -d postgres -Atc "$2"; }
# Log bytes written since an offset (the logs grow; each check reads only its own part).
since() { tail -c +"$(($2 + 1))" "$pg/$1.log"; }
size() { stat -c %s "$pg/$1.log"; }

echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): primary on :$PRIMARY_PORT, replica on :$REPLICA_PORT, in $work"
as_pg "$PG_BIN/initdb" -D "$pg/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; echo "FAIL: initdb"; exit 1; }
cat >> "$pg/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg'
wal_level = replica
max_wal_senders = 5
hot_standby = on
timezone = 'UTC'
log_min_duration_statement = 0
log_line_prefix = '%m [%p] %q%u@%d '
CONF
as_pg "$PG_BIN/pg_ctl" -D "$pg/primary" -l "$pg/primary.log" -w start > /dev/null || { echo "FAIL: primary did not start"; exit 1; }
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$pg/replica" -R -X stream -c fast \
  || { echo "FAIL: pg_basebackup"; exit 1; }
echo "port = $REPLICA_PORT" >> "$pg/replica/postgresql.conf"
as_pg "$PG_BIN/pg_ctl" -D "$pg/replica" -l "$pg/replica.log" -w start > /dev/null || { echo "FAIL: replica did not start"; exit 1; }
for _ in $(seq 100); do
  [ "$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ] && break
  sleep 0.1
done
echo "   replica in recovery: $(psql_at "$REPLICA_PORT" "SELECT pg_is_in_recovery()"), streaming from the primary: $(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")"

echo "== The service ($(basename "$jar")) on :$SERVICE_PORT, on the primary, with the replica configured"
java -Xmx384m -jar "$jar" --server.port="$SERVICE_PORT" --spring.profiles.active=demo \
  --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:$PRIMARY_PORT/postgres" --spring.r2dbc.username=postgres \
  --spring.flyway.url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/postgres" --spring.flyway.user=postgres \
  --urbanorder.database.replica.url="r2dbc:postgresql://127.0.0.1:$REPLICA_PORT/postgres" \
  --urbanorder.database.replica.max-lag=30s --urbanorder.database.replica.check-every=1s \
  --urbanorder.photos.folder="$work/photos" --urbanorder.stats.export-dir="$work/exports" \
  --urbanorder.http.multipart-dir="$work/multipart" > "$work/service.log" 2>&1 &
service_pid=$!
base="http://127.0.0.1:$SERVICE_PORT"
started=$(date +%s)
until curl -sf "$base/actuator/health/readiness" > /dev/null; do
  kill -0 "$service_pid" 2> /dev/null || { tail -30 "$work/service.log"; echo "FAIL: the service exited"; exit 1; }
  [ $(($(date +%s) - started)) -lt 240 ] || { tail -30 "$work/service.log"; echo "FAIL: the service was not ready in 240 s"; exit 1; }
  sleep 0.5
done
echo "   ready in $(($(date +%s) - started)) s"
# The demo's 200 past reports are added after start-up; the figures are read once they are in.
for _ in $(seq 360); do grep -q "demo reports to" "$work/service.log" && break; sleep 0.5; done
echo "   $(grep -oE "Added [0-9]+ demo reports" "$work/service.log" || echo "no demo reports added yet") after $(($(date +%s) - started)) s"
in_use() { curl -s "$base/actuator/prometheus" | grep -E '^urbanorder_database_replica_in_use' | awk '{print $2}'; }
for _ in $(seq 60); do [ "$(in_use)" = 1.0 ] && break; sleep 0.5; done
[ "$(in_use)" = 1.0 ] && pass "the service reads reports from the replica (urbanorder_database_replica_in_use 1.0)" \
  || fail "the service did not take the replica into use (urbanorder_database_replica_in_use $(in_use))"

token=$(curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"demo-password-1"}' | jq -r .accessToken)
[ -n "$token" ] && [ "$token" != null ] || { echo "FAIL: the demo admin could not sign in"; exit 1; }
# The month with the most demo reports, and how many the primary holds for it.
in_month="to_char(observed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')"
month=$(psql_at "$PRIMARY_PORT" "SELECT $in_month FROM report GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1")
[ -n "$month" ] || month=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
on_primary=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM report WHERE $in_month = '$month'")

# The statistics' own SQL, as each server logs it: the figures' grouping (FiguresStore), the
# units' hours (FiguresStore) and the export's lines (ReportLines).
check_logs() { # where-expected where-not marker label
  local hits_expected hits_other
  hits_expected=$(since "$1" "$5" | grep -c "$3")
  hits_other=$(since "$2" "$6" | grep -c "$3")
  if [ "$hits_expected" -gt 0 ] && [ "$hits_other" = 0 ]; then
    pass "$4: $hits_expected log line(s) on the $1, none on the $2"
  else
    fail "$4: $hits_expected log line(s) on the $1, $hits_other on the $2"
  fi
}

echo "== Month $month on the replica"
p0=$(size primary); r0=$(size replica)
answer=$(curl -s -w '\n%{http_code}' "$base/api/v1/stats/monthly?month=$month" -H "Authorization: Bearer $token")
status=$(tail -1 <<< "$answer")
[ "$status" = 200 ] && pass "GET /api/v1/stats/monthly?month=$month: 200, $(head -1 <<< "$answer" | jq -c '.totals.counts | {received, violations, resolved}')" \
  || fail "GET /api/v1/stats/monthly?month=$month: $status"
received=$(head -1 <<< "$answer" | jq -r '.totals.counts.received')
[ "$received" = "$on_primary" ] && pass "received $received, as many as the primary holds for $month" \
  || fail "received $received, but the primary holds $on_primary reports for $month"
csv=$(curl -s -o "$work/month.zip" -w '%{http_code}' "$base/api/v1/stats/monthly/$month/export?format=csv" -H "Authorization: Bearer $token")
[ "$csv" = 200 ] && pass "GET /api/v1/stats/monthly/$month/export?format=csv: 200, $(stat -c %s "$work/month.zip") bytes" \
  || fail "GET /api/v1/stats/monthly/$month/export?format=csv: $csv"
sleep 0.5
check_logs replica primary "GROUPING SETS" "the figures' grouping query" "$r0" "$p0"
check_logs replica primary "percentile_cont" "the units' hours query" "$r0" "$p0"
check_logs replica primary "AS observed_s" "the export's report lines" "$r0" "$p0"

echo "== The console's month page on the replica"
jar_cookies="$work/cookies"
csrf=$(curl -s -c "$jar_cookies" "$base/console/sign-in" | grep -oE 'name="csrf-token" content="[^"]+"' | cut -d'"' -f4)
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null "$base/console/sign-in" \
  --data-urlencode "_csrf=$csrf" --data-urlencode username=admin --data-urlencode password=demo-password-1
p0=$(size primary); r0=$(size replica)
page=$(curl -s -b "$jar_cookies" -o "$work/figures.html" -w '%{http_code}' "$base/console/figures?period=$month")
[ "$page" = 200 ] && pass "GET /console/figures?period=$month: 200, $(stat -c %s "$work/figures.html") bytes" \
  || fail "GET /console/figures?period=$month: $page"
sleep 0.5
check_logs replica primary "GROUPING SETS" "the month page's grouping query" "$r0" "$p0"
echo "   meanwhile: $(since primary "$p0" | grep -c 'duration:') statement log line(s) on the primary (the session, the ward, the kept workloads), $(since replica "$r0" | grep -c 'duration:') on the replica"

echo "== The replica goes away: the figures come from the primary"
as_pg "$PG_BIN/pg_ctl" -D "$pg/replica" -m fast -w stop > /dev/null
for _ in $(seq 40); do [ "$(in_use)" = 0.0 ] && break; sleep 0.5; done
[ "$(in_use)" = 0.0 ] && pass "the service stopped reading from the replica" || fail "the service still reads from the stopped replica"
p2=$(size primary)
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/stats/monthly?month=$month" -H "Authorization: Bearer $token")
[ "$status" = 200 ] && pass "GET /api/v1/stats/monthly?month=$month without the replica: 200" || fail "without the replica: $status"
sleep 0.5
hits=$(since primary "$p2" | grep -c "GROUPING SETS")
[ "$hits" -gt 0 ] && pass "the figures' grouping query now logged on the primary ($hits)" || fail "the figures' query was not logged on the primary"
echo "   the service's log about it:"
grep -E "ReportingReads" "$work/service.log" | sed -E 's/^.*ReportingReads +: /     /'

echo
if [ "$failures" = 0 ]; then echo "PASS: the statistics were read on the replica, and on the primary once the replica was away"; exit 0
else echo "FAIL: $failures check(s) failed (KEEP=1 keeps $work with the logs)"; exit 1; fi
