// The phone's position, refreshed while the officer fills in the report.

/** A fix of less than this many metres is good; a worse one is flagged before sending (as the service flags it). */
export const GOOD_ACCURACY_M = 50;

/**
 * Watches the position; onFix gets {lat, lon, accuracyM, at}, onError gets 'denied',
 * 'unavailable', 'timeout' or 'unsupported'. Returns a function that stops watching.
 */
export function watchPosition(onFix, onError) {
  if (!('geolocation' in navigator)) {
    onError('unsupported');
    return () => {};
  }
  const id = navigator.geolocation.watchPosition(
    (position) =>
      onFix({
        lat: round(position.coords.latitude, 7),
        lon: round(position.coords.longitude, 7),
        accuracyM: round(position.coords.accuracy, 1),
        at: position.timestamp,
      }),
    (error) => onError(error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'),
    { enableHighAccuracy: true, maximumAge: 5000, timeout: 30000 },
  );
  return () => navigator.geolocation.clearWatch(id);
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Metres between two positions (haversine; plenty for tens of metres). */
export function distanceM(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}
