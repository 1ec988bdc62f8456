#!/usr/bin/env bash
# Photo intake benchmark: multipart reports with three photos of about 3 MB at 8 clients, in
# reports/s and photo MB/s, against the floor of writing the same bytes with dd to the same disk
# in the same run, with the service's heap capped at 256 MB.
#
# Needs: the jar (./mvnw package -DskipTests), a local PostgreSQL reachable as PGHOST/PGPORT/PGUSER
# (default 127.0.0.1:5432, postgres), wrk (Debian: apt-get install wrk).
# Usage: infra/bench/photos/run.sh [seconds per run, default 30]
#   STORAGE=s3: photos in an S3 protocol server (S3Mock's exec jar, started here from the local
#   Maven repository, fetched there if missing; S3PORT and the port after it, default 9590)
#   instead of the local folder.
#   JAR=path: the service jar to run (default: this checkout's).
#   DIR=path: where the photos, the database's files and the floor's files go (default: a
#   temporary folder under /var/tmp, on the disk the service would use).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
duration="${1:-30}"
clients=8
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=urban_order_bench_photos
port=${PORT:-8095}
jar="${JAR:-$(ls "$root"/backend/target/urban-order-backend-*.jar | head -n 1)}"
work=$(mktemp -d "${DIR:-/var/tmp}/urbanorder-bench-photos.XXXXXX")
pid=""
s3pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; [ -n "$s3pid" ] && kill "$s3pid" 2> /dev/null; rm -rf "$work"' EXIT

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "disk: $(df -h "$work" | tail -1 | awk '{print $1, $2, "(" $5 " used)"}')"
java "$here/MakePhotos.java" "$work/input" | sed 's/^/photo /'

storage=(--urbanorder.photos.folder="$work/photos")
if [ "${STORAGE:-local}" = s3 ]; then
  s3jar=~/.m2/repository/com/adobe/testing/s3mock/4.11.0/s3mock-4.11.0-exec.jar
  [ -f "$s3jar" ] || (cd "$root" && ./mvnw -q dependency:get -Dartifact=com.adobe.testing:s3mock:4.11.0:jar:exec -Dtransitive=false)
  s3port=${S3PORT:-9590}
  java -Xmx512m -jar "$s3jar" --com.adobe.testing.s3mock.httpPort=$s3port --server.port=$((s3port + 1)) \
    --com.adobe.testing.s3mock.store.root="$work/s3" --com.adobe.testing.s3mock.store.initialBuckets=photos \
    --com.adobe.testing.s3mock.store.retainFilesOnExit=false > "$work/s3mock.log" 2>&1 &
  s3pid=$!
  until curl -s "localhost:$s3port" > /dev/null; do
    kill -0 "$s3pid" 2> /dev/null || { echo "S3Mock did not start:"; tail -20 "$work/s3mock.log"; exit 1; }
    sleep 0.5
  done
  storage=(--urbanorder.photos.storage=s3 --urbanorder.photos.s3.endpoint="http://localhost:$s3port"
    --urbanorder.photos.s3.region=us-east-1 --urbanorder.photos.s3.bucket=photos
    --urbanorder.photos.s3.access-key=bench --urbanorder.photos.s3.secret-key=bench
    --urbanorder.photos.s3.path-style=true --urbanorder.photos.incoming="$work/incoming")
  echo "storage: S3Mock 4.11.0 on localhost:$s3port (its files in $work/s3)"
else
  echo "storage: local folder $work/photos"
fi

psql -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
(cd "$work" && exec java -Xmx256m -Xlog:gc:file="$work/gc.log" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
    --spring.profiles.active=demo --urbanorder.demo.reports=false \
    --spring.r2dbc.url="r2dbc:postgresql://$PGHOST:$PGPORT/$db" --spring.r2dbc.username="$PGUSER" \
    --spring.flyway.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.flyway.user="$PGUSER" \
    --urbanorder.http.multipart-dir="$work/multipart" \
    "${storage[@]}" --logging.level.vn.urbanorder.access=WARN > "$work/service.log" 2>&1) &
pid=$!
until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
  kill -0 "$pid" 2> /dev/null || { echo "the service did not start:"; tail -20 "$work/service.log"; exit 1; }
  sleep 0.5
done
token() {
  curl -s -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"patrol1","password":"demo-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

warmup="${WARMUP:-20}"
echo "warm-up (${warmup} s)"
PHOTOS="$work/input" TOKEN=$(token) wrk -t2 -c$clients -d"${warmup}s" --timeout 60s -s "$here/submit.lua" \
  "http://localhost:$port" > /dev/null 2> "$work/warm.err"

# CPU seconds a process has used (user + system), to tell the service's share from the store's.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
service_cpu=$(cpu "$pid"); store_cpu=$([ -n "$s3pid" ] && cpu "$s3pid" || echo 0)
echo "== service, $clients clients, ${duration}s, three photos of $(stat -c %s "$work/input/photo-1.jpg") bytes each"
PHOTOS="$work/input" TOKEN=$(token) wrk -t2 -c$clients -d"${duration}s" --timeout 60s --latency -s "$here/submit.lua" \
  "http://localhost:$port" 2> "$work/wrk.err" | grep -E 'Requests/sec|Latency  |50%|99%|requests in|Non-2xx|reports created'
[ -s "$work/wrk.err" ] && { echo "unexpected answers:"; head -3 "$work/wrk.err"; }
echo "CPU seconds in the run: service $(echo "$(cpu "$pid") - $service_cpu" | bc)$([ -n "$s3pid" ] && echo ", S3 protocol server $(echo "$(cpu "$s3pid") - $store_cpu" | bc)") (of $(( $(nproc) * duration )) on $(nproc) cores)"
if grep -q OutOfMemoryError "$work/service.log"; then echo "OutOfMemoryError in the service's log"; fi
echo "heap: -Xmx256m; the most in use before a collection: $(grep -oE '[0-9]+M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1) MB"
echo "reports stored: $(psql -Atc 'SELECT count(*) FROM report' "$db"), photos: $(psql -Atc 'SELECT count(*) FROM photo' "$db")"
kill "$pid"; wait "$pid" 2> /dev/null || true; pid=""

# The floor: the same bytes written to the same disk, 3 MB at a time, each file made durable
# (as storage does with every photo), and once more as one stream made durable at its end.
mkdir -p "$work/floor"
count=${FLOOR_FILES:-300}
start=$(date +%s.%N)
for i in $(seq 1 "$count"); do
  dd if="$work/input/photo-$(( (i % 3) + 1 )).jpg" of="$work/floor/$i" bs=4M conv=fsync status=none
done
end=$(date +%s.%N)
bytes=$(du -sb "$work/floor" | cut -f1)
echo "== floor, dd one file per photo with fsync: $(echo "$bytes / ($end - $start) / 1000000" | bc -l | xargs printf '%.1f') MB/s ($count files)"
rm -rf "$work/floor"; mkdir -p "$work/floor"
echo "== floor, dd one stream of the same bytes, fdatasync at its end: $(dd if=/dev/zero of="$work/floor/stream" bs=3M count="$count" conv=fdatasync 2>&1 | tail -1 | awk -F, '{print $NF}' | xargs)"
