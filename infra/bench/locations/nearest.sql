-- One match, as LocationStore.nearest runs it: a random point in the seeded square, the box of
-- Proximity.around for a 25 m radius, then the service's SQL word for word (only the bind values
-- are pgbench variables). run.sh makes one copy of this script per category (:category becomes
-- :category_0, _1 or _2) and pgbench picks one of the three per transaction.
-- Set by run.sh: lat0, lon0 (centre), dlat, dlon (half-side in degrees), ward.
-- pgbench has no cos(), so cos(lat) is its Taylor series to x^12 (error < 1e-15 below 30 degrees).
\set lat :lat0 + (random(0, 1000000000) / 1000000000.0 - 0.5) * 2 * :dlat
\set lon :lon0 + (random(0, 1000000000) / 1000000000.0 - 0.5) * 2 * :dlon
\set radiusM 25
\set metresPerDegree 6371008.8 * pi() / 180 / 1.01
\set x2 (:lat * pi() / 180) * (:lat * pi() / 180)
\set cosLat 1 - :x2 / 2 * (1 - :x2 / 12 * (1 - :x2 / 30 * (1 - :x2 / 56 * (1 - :x2 / 90 * (1 - :x2 / 132)))))
\set latSpan :radiusM / :metresPerDegree
\set lonSpan :radiusM / (:metresPerDegree * greatest(0.01, :cosLat))
\set minLon :lon - :lonSpan
\set minLat :lat - :latSpan
\set maxLon :lon + :lonSpan
\set maxLat :lat + :latSpan
\set radius :radiusM + 0.000001
SELECT id FROM (SELECT l.id, 6371008.8 * 2 * asin(sqrt(power(sin(radians(l.lat - :lat) / 2), 2) + cos(radians(:lat)) * cos(radians(l.lat)) * power(sin(radians(l.lon - :lon) / 2), 2))) AS distance_m FROM violation_location l WHERE l.ward_id = :ward AND l.category = :category AND l.anchor <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))) near WHERE distance_m <= :radius ORDER BY distance_m, id LIMIT 1;
