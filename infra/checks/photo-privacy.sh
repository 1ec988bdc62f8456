#!/usr/bin/env bash
# Operator check for issue 18, run by hand against the built jar (./mvnw package -DskipTests) and a
# local PostgreSQL (127.0.0.1:5432, user postgres); needs curl, psql and, for the privacy check,
# exiftool. Not part of the test suite: the integration tests check the same things in code.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar=$(ls "$root"/backend/target/urban-order-backend-*.jar | head -1)
work=$(mktemp -d /var/tmp/photo-privacy.XXXX); db=urban_order_photo_privacy; port=8097
export PGHOST=127.0.0.1 PGUSER=postgres
psql -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
(cd "$work" && exec java -Xmx256m -jar "$jar" --server.port=$port --spring.profiles.active=demo --urbanorder.demo.reports=false \
  --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$db" --spring.r2dbc.username=postgres \
  --spring.flyway.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.flyway.user=postgres \
  --urbanorder.photos.folder="$work/photos" > "$work/service.log" 2>&1) &
pid=$!
until curl -sf localhost:$port/actuator/health/readiness > /dev/null; do sleep 0.5; done
java "$root/infra/bench/photos/MakePhotos.java" "$work/in" > /dev/null
cp "$work/in/photo-1.jpg" "$work/gps.jpg"
exiftool -q -overwrite_original -GPSLatitude=21.0452 -GPSLatitudeRef=N -GPSLongitude=105.8853 -GPSLongitudeRef=E \
  -Make=TestPhone -Model=X1 -SerialNumber=SN123456 -Orientation#=6 -DateTimeOriginal="$(date '+%Y:%m:%d %H:%M:%S')" "$work/gps.jpg"
echo "== sent photo:"; exiftool -a -G1 -s -GPS:all -Make -Model -SerialNumber -Orientation -ImageSize "$work/gps.jpg"
token=$(curl -s -X POST localhost:$port/api/v1/auth/token -H 'Content-Type: application/json' -d '{"username":"patrol1","password":"demo-password-1"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
answer=$(curl -s -X POST localhost:$port/api/v1/reports/with-photos -H "Authorization: Bearer $token" \
  -F "report={\"clientReportId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"category\":\"SANITATION\",\"subtype\":\"LITTERING\",\"addressText\":\"Số 5\",\"location\":{\"lat\":21.0452,\"lon\":105.8853,\"accuracyM\":6},\"observedAt\":\"$(date -Iseconds)\"};type=application/json" \
  -F "photos=@$work/gps.jpg;type=image/jpeg")
url=$(echo "$answer" | grep -oE '"url":"[^"]+"' | head -1 | cut -d'"' -f4)
echo "photo url: $url"
sleep 3
for size in thumb view original; do
  curl -s -D "$work/$size.h" -o "$work/$size.jpg" "localhost:$port$url?size=$size" -H "Authorization: Bearer $token"
  echo "== size=$size: $(head -1 "$work/$size.h" | tr -d '\r'), $(grep -i '^etag\|^cache-control\|^photo-copy' "$work/$size.h" | tr -d '\r' | paste -sd' ')"
  exiftool -a -G1 -s "$work/$size.jpg" | grep -v "^\[System\]\|^\[ExifTool\]"
  echo "GPS tags found: $(exiftool -a -GPS:all "$work/$size.jpg" | wc -l)"
done
cmp "$work/gps.jpg" "$work/original.jpg" && echo "original byte-identical: yes ($(sha256sum < "$work/original.jpg" | cut -c1-16)…)"
kill $pid; echo "work: $work"
