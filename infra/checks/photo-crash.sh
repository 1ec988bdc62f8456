#!/usr/bin/env bash
# Operator check for issue 18, run by hand against the built jar (./mvnw package -DskipTests) and a
# local PostgreSQL (127.0.0.1:5432, user postgres); needs curl, psql and, for the privacy check,
# exiftool. Not part of the test suite: the integration tests check the same things in code.
# Operator check: kill -9 the service while reports with photos arrive (storage=s3, S3Mock),
# then count objects in the bucket that no photo row uses, and see the sweep remove them.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar=$(ls "$root"/backend/target/urban-order-backend-*.jar | head -1)
work=$(mktemp -d /var/tmp/photo-crash.XXXX)
db=urban_order_photo_crash; port=8096; s3port=9690
export PGHOST=127.0.0.1 PGUSER=postgres
java "$root/infra/bench/photos/MakePhotos.java" "$work/input" > /dev/null
java -Xmx512m -jar ~/.m2/repository/com/adobe/testing/s3mock/4.11.0/s3mock-4.11.0-exec.jar --com.adobe.testing.s3mock.httpPort=$s3port --server.port=9691 \
  --com.adobe.testing.s3mock.store.root="$work/s3" --com.adobe.testing.s3mock.store.initialBuckets=photos > "$work/s3mock.log" 2>&1 &
s3pid=$!
until curl -s localhost:$s3port > /dev/null; do sleep 0.5; done
psql -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
start() {
  (cd "$work" && exec java -Xmx256m -jar "$jar" --server.port=$port --spring.profiles.active=demo --urbanorder.demo.reports=false \
    --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$db" --spring.r2dbc.username=postgres \
    --spring.flyway.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.flyway.user=postgres \
    --urbanorder.photos.storage=s3 --urbanorder.photos.s3.endpoint=http://localhost:$s3port --urbanorder.photos.s3.region=us-east-1 \
    --urbanorder.photos.s3.bucket=photos --urbanorder.photos.s3.access-key=k --urbanorder.photos.s3.secret-key=s \
    --urbanorder.photos.s3.path-style=true --urbanorder.photos.incoming="$work/incoming" --urbanorder.http.multipart-dir="$work/multipart" \
    --urbanorder.photos.sweep-after=${SWEEP_AFTER:-1h} >> "$work/service.log" 2>&1) &
  pid=$!
  until curl -sf localhost:$port/actuator/health/readiness > /dev/null; do sleep 0.5; done
}
objects() { curl -s "localhost:$s3port/photos?list-type=2&max-keys=1000" | grep -o '<Key>[^<]*</Key>' | sed 's/<[^>]*>//g' | grep -v '/copies/\|^copies/' ; }
start
token=$(curl -s -X POST localhost:$port/api/v1/auth/token -H 'Content-Type: application/json' -d '{"username":"patrol1","password":"demo-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
for attempt in $(seq 1 ${ATTEMPTS:-12}); do
  for i in 1 2 3 4 5 6; do cp "$work/input/photo-$(( (i % 3) + 1 )).jpg" "$work/p$i.jpg"; head -c 24 /dev/urandom >> "$work/p$i.jpg"; done
  curls=()
  for c in 1 2 3; do
    curl -s -o /dev/null -X POST localhost:$port/api/v1/reports/with-photos -H "Authorization: Bearer $token" \
      -F "report={\"clientReportId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"category\":\"SANITATION\",\"subtype\":\"LITTERING\",\"addressText\":\"Số 5\",\"location\":{\"lat\":21.0452,\"lon\":105.8853,\"accuracyM\":6},\"observedAt\":\"$(date -Iseconds)\"};type=application/json" \
      $(for i in 1 2 3 4 5 6; do echo -F photos=@$work/p$i.jpg\;type=image/jpeg; done) &
    curls+=($!)
  done
  sleep "$(( attempt % 6 + 2 )).$(( RANDOM % 10 ))"
  kill -9 $pid; wait $pid 2>/dev/null; wait "${curls[@]}"
  echo "attempt $attempt: reports $(psql -Atc 'select count(*) from report' $db), photo rows $(psql -Atc 'select count(distinct sha256) from photo' $db), stagings open $(psql -Atc 'select count(*) from photo_staging' $db), objects $(objects | wc -l), incoming $(ls $work/incoming | wc -l), multipart $(ls $work/multipart 2>/dev/null | wc -l)"
  [ $attempt -lt ${ATTEMPTS:-12} ] && start
done
used=$(psql -Atc 'select sha256 from photo' $db | sort -u)
orphans=$(objects | awk -F/ '{print $NF}' | sort -u | comm -23 - <(echo "$used"))
echo "objects no photo row uses: $(echo -n "$orphans" | grep -c .)"
echo "of them with an open staging row: $(for o in $orphans; do psql -Atc "select count(*) from photo_staging where sha256='$o'" $db; done | paste -sd+ | bc)"
echo "restarting with sweep-after=1s; the sweep runs 5 min after start"
SWEEP_AFTER=1s start
sleep ${WAIT:-320}
orphans2=$(objects | awk -F/ '{print $NF}' | sort -u | comm -23 - <(echo "$used"))
echo "after the sweep: objects no photo row uses: $(echo -n "$orphans2" | grep -c .); recorded photos still there: $(objects | awk -F/ '{print $NF}' | sort -u | comm -12 - <(echo "$used") | wc -l) of $(echo "$used" | grep -c .); stagings open $(psql -Atc 'select count(*) from photo_staging' $db); incoming $(ls $work/incoming | wc -l)"
grep -i "sweep" "$work/service.log" | tail -3
kill $pid $s3pid; echo "work: $work"
