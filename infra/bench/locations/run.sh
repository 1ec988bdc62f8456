#!/usr/bin/env bash
# Location matching benchmark: the SQL LocationStore.nearest runs for every new report (nearest
# violation location of the ward and category within 25 m: GiST box on the anchor, then the exact
# haversine) against 10,000 and 1,000,000 locations, with pgbench on a local PostgreSQL.
#
# Density is one location per 400 m² at every size (AREA=scaled, the default): 10,000 locations
# fill a 2 km square, a ward's worth; 1,000,000 a 20 km one, a city's. That is near the densest
# the data can be, since two anchors of one category lie more than 25 m apart, and it measures
# what the table's size costs. AREA=fixed puts every size in the 20 km square instead, so the
# density grows with N: at 1M a 25 m box holds a few rows of the category, at 10k almost never one.
# Per size: scratch database from the Flyway migrations (V1..V19 in order, plain psql), one ward,
# N seeded locations, VACUUM ANALYZE, a warm-up, then pgbench -M prepared at 1 client (latency)
# and 8 clients (throughput). Prints tps and p50/p99/max per transaction from pgbench's log, and
# EXPLAIN (ANALYZE, BUFFERS) of one match at the largest N.
#
# Needs: psql and pgbench, a PostgreSQL reachable as PGHOST/PGPORT/PGUSER (default
# 127.0.0.1:5432, postgres) that may create databases.
# Usage: infra/bench/locations/run.sh [N ...]        (default: 10000 1000000)
#   env: AREA (scaled or fixed, see above), DURATION (seconds per run, 20), WARMUP (seconds, 5),
#        DB (urbanorder_bench_locations),
#        SEED (0.42, for the locations; pgbench uses --random-seed 42), KEEP=1 keeps the database.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
migrations="$here/../../../backend/src/main/resources/db/migration"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${DB:-urbanorder_bench_locations}" duration="${DURATION:-20}" warmup="${WARMUP:-5}" seed="${SEED:-0.42}"
sizes=$(printf '%s\n' "${@:-10000 1000000}" | tr ' ' '\n' | sort -n)
largest=$(echo "$sizes" | tail -n 1)
ward=b0000000-0000-4000-8000-000000000001
lat0=21.04 lon0=105.88 area="${AREA:-scaled}"
# Half-side of the square in metres for N locations, and in degrees on the service's sphere.
half_m() { if [ "$area" = fixed ]; then echo 10000; else awk -v n="$1" 'BEGIN { printf "%.3f", 10 * sqrt(n) }'; fi; }
dlat() { awk -v m="$1" 'BEGIN { printf "%.12f", m / (6371008.8 * atan2(0, -1) / 180) }'; }
dlon() { awk -v d="$1" -v lat=$lat0 'BEGIN { printf "%.12f", d / cos(lat * atan2(0, -1) / 180) }'; }
work=$(mktemp -d)
trap 'rm -rf "$work"; [ "${KEEP:-0}" = 1 ] || psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" > /dev/null' EXIT
sql() { psql -qX -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# One pgbench script per category, each binding its own -D variable.
categories=(SIDEWALK_ENCROACHMENT CONSTRUCTION SANITATION)
scripts=() categoryDefines=()
for i in 0 1 2; do
  sed "s/:category\b/:category_$i/" "$here/nearest.sql" > "$work/nearest_$i.sql"
  scripts+=(-f "$work/nearest_$i.sql") categoryDefines+=(-D "category_$i=${categories[$i]}")
done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(psql -AtX -d postgres -c 'SELECT version()' | cut -d' ' -f1-2), shared_buffers $(psql -AtX -d postgres -c 'SHOW shared_buffers')"
rows=()
echo "area: $area"
for n in $sizes; do
  dlat=$(dlat "$(half_m "$n")") && dlon=$(dlon "$dlat")
  defines=(-D "ward=$ward" -D "lat0=$lat0" -D "lon0=$lon0" -D "dlat=$dlat" -D "dlon=$dlon" "${categoryDefines[@]}")
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" > /dev/null
  for f in $(ls "$migrations"/V*__*.sql | sort -V); do sql -1 -f "$f" > /dev/null; done
  start=$SECONDS
  sql -v ward="$ward" -v n="$n" -v seed="$seed" -v lat0=$lat0 -v lon0=$lon0 -v dlat="$dlat" -v dlon="$dlon" \
    -f "$here/seed.sql" > /dev/null
  sql -c 'VACUUM ANALYZE'
  echo "N=$n: seeded and analysed in $((SECONDS - start)) s," \
    "table+indexes $(sql -AtX -c "SELECT pg_size_pretty(pg_total_relation_size('violation_location'))")"
  pgbench -n -M prepared -c 1 -j 1 -T "$warmup" "${defines[@]}" "${scripts[@]}" "$db" > /dev/null 2> "$work/err" \
    || { cat "$work/err"; exit 1; }
  for c in 1 8; do
    j=$(( c < $(nproc) ? c : $(nproc) ))
    out=$(pgbench -n -M prepared -c "$c" -j "$j" -T "$duration" --random-seed=42 --log \
      --log-prefix="$work/log_${n}_$c" "${defines[@]}" "${scripts[@]}" "$db" 2> "$work/err") \
      || { cat "$work/err"; exit 1; }
    tps=$(echo "$out" | awk '/^tps/ { printf "%.0f", $3 }')
    # Third field of each log line: the transaction's latency in microseconds.
    stats=$(cat "$work/log_${n}_$c".* | awk '{ print $3 }' | sort -n | awk '
      function at(q) { i = int(q * NR); if (i < q * NR) i++; return v[i < 1 ? 1 : i] / 1000 }
      { v[NR] = $1 } END { printf "%.3f | %.3f | %.3f", at(0.5), at(0.99), v[NR] / 1000 }')
    rows+=("| $n | $c | $tps | $stats |")
  done
  if [ "$n" = "$largest" ]; then
    # One match near an existing location (10 m north of it), the box as Proximity.around makes it.
    explain=$( { cat <<'SQL'
SELECT p.lat, p.lon, quote_literal(p.category) AS category, quote_literal(p.ward_id) AS ward,
       p.lon - s.lon_span AS "minLon", p.lat - s.lat_span AS "minLat", p.lon + s.lon_span AS "maxLon",
       p.lat + s.lat_span AS "maxLat", 25 + 1e-6 AS radius
  FROM (SELECT lat + 0.00009 AS lat, lon, category, ward_id FROM violation_location ORDER BY id LIMIT 1) p,
       LATERAL (SELECT 25 / (6371008.8 * pi() / 180 / 1.01) AS lat_span,
                       25 / (6371008.8 * pi() / 180 / 1.01 * greatest(0.01, cos(radians(p.lat)))) AS lon_span) s \gset
\echo 'lat' :lat 'lon' :lon 'category' :category 'box' :minLon :minLat :maxLon :maxLat
\pset format unaligned
\pset footer off
EXPLAIN (ANALYZE, BUFFERS)
SQL
      grep -v -e '^\\' -e '^--' "$here/nearest.sql"; } | sql -f -)
  fi
done

echo
echo "| N locations | clients | tps | p50 ms | p99 ms | max ms |"
echo "|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "EXPLAIN (ANALYZE, BUFFERS) at N=$largest:"
echo "$explain"
