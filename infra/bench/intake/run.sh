#!/usr/bin/env bash
# Intake benchmark: JSON-only report submissions per second and latency at 8 and 32 concurrent
# clients, against pgbench running the same SQL on the same database in the same run.
#
# Needs: the jar (./mvnw package -DskipTests), a local PostgreSQL reachable as PGHOST/PGPORT/PGUSER
# (default 127.0.0.1:5432, postgres), wrk and pgbench (Debian: apt-get install wrk postgresql-client).
# Usage: infra/bench/intake/run.sh [seconds per run, default 30]
#   LOAD=spread: reports over the whole demo ward in all three categories, instead of one hot box
#   of one category where nearly every report is a duplicate.
#   JAR=path: the service jar to run (default: this checkout's), e.g. another build's, for a
#   before-and-after comparison on the same machine.
#   DB=name (default urban_order_bench, made anew); with REUSE=1 an existing database holding the
#   demo ward is used as it is and kept (infra/bench/province/run.sh: intake beside 3,000,000 reports).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-urban_order_bench}"
port=${PORT:-8096}
jar="${JAR:-$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)}"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$work"' EXIT

# Other work on the machine skews every figure: say how busy it was before this run began.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${REUSE:-0}" = 1 ] || psql -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
(cd "$work" && exec java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --spring.profiles.active=demo \
    --spring.r2dbc.url="r2dbc:postgresql://$PGHOST:$PGPORT/$db" --spring.r2dbc.username="$PGUSER" \
    --spring.flyway.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.flyway.user="$PGUSER" \
    --urbanorder.photos.folder="$work/photos" --logging.level.vn.urbanorder.access=WARN > "$work/service.log" 2>&1) &
pid=$!
until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
  kill -0 "$pid" 2> /dev/null || { echo "the service did not start:"; tail -20 "$work/service.log"; exit 1; }
  sleep 0.5
done
token() {
  curl -s -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"patrol1","password":"demo-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
warmup="${WARMUP:-60}"
echo "warm-up (${warmup} s, so the JIT has compiled the hot path)"
LOAD="${LOAD:-}" TOKEN=$(token) wrk -t2 -c8 -d"${warmup}s" -s "$here/submit.lua" "http://localhost:$port" > /dev/null 2> "$work/warm.err"

for clients in 8 32; do
  echo "== service, $clients clients, ${duration}s"
  LOAD="${LOAD:-}" TOKEN=$(token) wrk -t2 -c"$clients" -d"${duration}s" --latency -s "$here/submit.lua" "http://localhost:$port" \
    2> "$work/wrk-$clients.err" | grep -E 'Requests/sec|Latency  |50%|99%|requests in|Non-2xx'
  [ -s "$work/wrk-$clients.err" ] && { echo "unexpected answers:"; head -3 "$work/wrk-$clients.err"; }
  echo "== pgbench, same SQL, $clients clients, ${duration}s"
  pgbench -n -c "$clients" -j 2 -T "$duration" -r -D spread="$([ "${LOAD:-}" = spread ] && echo 1 || echo 0)" -f "$here/submit.pgbench.sql" "$db" 2> /dev/null \
    | grep -E '^tps|latency average'
done
echo "reports stored: $(psql -Atc 'SELECT count(*) FROM report' "$db")"
