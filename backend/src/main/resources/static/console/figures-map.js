// The figures page's map: the period's repeat points as circles sized by their violations in the
// period (the largest, the hot spots, stand out), over the ward's zones shaded by their
// violations. The figures come from the page's own tables (the repeat points, the chart by zone),
// so the map shows exactly what the page says; every name is set as text.
(() => {
  'use strict';

  const MAX_ZOOM = 19;
  const FALLBACK = { center: [21.0285, 105.8542], zoom: 13 };

  const escaped = (text) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  function textElement(text) {
    const node = document.createElement('span');
    node.textContent = text;
    return node;
  }

  function rows(selector) {
    const table = selector ? document.querySelector(selector) : null;
    return table ? Array.from(table.querySelectorAll('tbody tr')) : [];
  }

  async function zones(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } });
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !type.includes('json')) throw new Error('zones: ' + response.status);
    return response.json();
  }

  async function draw(el) {
    const map = L.map(el, { maxZoom: MAX_ZOOM, scrollWheelZoom: false });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: MAX_ZOOM, attribution: escaped(el.dataset.attribution || '') }).addTo(map);
    }
    const byZone = new Map();
    rows(el.dataset.zoneChart).forEach((row) => {
      if (row.dataset.code) byZone.set(row.dataset.code, Number(row.dataset.value) || 0);
    });
    const most = Math.max(1, ...byZone.values());
    // The view is set before anything is drawn: Leaflet draws vector layers only on a map that has one.
    let zoneLayer = null;
    let bounds = null;
    try {
      const collection = await zones(el.dataset.zones);
      zoneLayer = L.geoJSON(collection, {
        filter: (f) => f.properties && f.properties.kind === 'ZONE',
        style: (f) => ({
          color: '#7a1f1f',
          weight: 1.5,
          opacity: 0.8,
          fillColor: '#a11919',
          fillOpacity: 0.05 + 0.45 * ((byZone.get(f.properties.code) || 0) / most),
        }),
        onEachFeature: (f, zone) => {
          const count = byZone.get(f.properties.code) || 0;
          zone.bindTooltip(textElement((f.properties.name || f.properties.code) + ': ' + count), { sticky: true });
        },
      });
      if (zoneLayer.getLayers().length) bounds = zoneLayer.getBounds();
    } catch (error) {
      // Without zones the map still shows the repeat points.
      console.warn('figures: zones not loaded', error);
    }
    const points = rows(el.dataset.points).map((row) => ({
      latlng: L.latLng(Number(row.dataset.lat), Number(row.dataset.lon)),
      count: Number(row.dataset.count) || 0,
      name: row.querySelector('th').textContent.trim(),
    }));
    points.forEach((point) => {
      bounds = bounds ? bounds.extend(point.latlng) : L.latLngBounds(point.latlng, point.latlng);
    });
    if (bounds && bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17, padding: [12, 12] });
    else map.setView(FALLBACK.center, FALLBACK.zoom);
    if (zoneLayer) zoneLayer.addTo(map);
    const largest = Math.max(1, ...points.map((point) => point.count));
    const label = el.dataset.textPoint || '{0}: {1}';
    points.forEach((point) => {
      const circle = L.circleMarker(point.latlng, {
        radius: 8 + 16 * Math.sqrt(point.count / largest),
        color: '#7a1010',
        weight: 2,
        fillColor: '#d93a1e',
        fillOpacity: 0.55,
        className: 'repeat-point',
      });
      circle.bindTooltip(textElement(label.replace('{0}', point.name).replace('{1}', String(point.count))));
      circle.addTo(map);
    });
    el.dataset.shown = String(points.length);
    el.dataset.state = 'ready';
  }

  function start() {
    if (typeof L === 'undefined') return;
    document.querySelectorAll('#figures-map').forEach(draw);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
