// The ward's map on the set-up page: the map in force (or a past version), and, once a zone file
// is previewed, the file drawn over it: what it adds, changes (the old shape dashed beneath) and
// removes, and the features with errors. The file is read here, in the browser, from the file
// input: it is never kept on the server before it is applied. Statuses come from the preview
// section's data- attributes, which the server filled from the API's dry run. Everything shown
// from the data is set as text, never as HTML.
(() => {
  'use strict';

  const MAX_ZOOM = 19;
  /** Hà Nội, for a ward with no map yet. */
  const FALLBACK = { center: [21.0285, 105.8542], zoom: 13 };

  const STYLE = {
    current: { color: '#4a5560', weight: 2, opacity: 0.9, fillColor: '#4a5560', fillOpacity: 0.06 },
    unchanged: { color: '#4a5560', weight: 2, opacity: 0.9, fillColor: '#4a5560', fillOpacity: 0.06 },
    was: { color: '#4a5560', weight: 2, opacity: 0.9, dashArray: '4 6', fill: false },
    added: { color: '#17663a', weight: 3, opacity: 1, fillColor: '#17663a', fillOpacity: 0.25 },
    changed: { color: '#8a4b00', weight: 3, opacity: 1, fillColor: '#d98a1c', fillOpacity: 0.25 },
    removed: { color: '#a11919', weight: 3, opacity: 1, dashArray: '8 6', fillColor: '#a11919', fillOpacity: 0.1 },
    problem: { color: '#a11919', weight: 4, opacity: 1, fillColor: '#a11919', fillOpacity: 0.4 },
  };

  const indexes = (text) => new Set((text || '').split(',').filter(Boolean).map(Number));
  const codes = (text) => new Set((text || '').split(',').filter(Boolean));

  function label(feature) {
    const p = (feature && feature.properties) || {};
    const span = document.createElement('span');
    span.textContent = [p.code, p.name].filter(Boolean).join(' – ');
    return span;
  }

  function setupMap(el) {
    const map = L.map(el, { maxZoom: MAX_ZOOM });
    // The tile server's credit stays; Leaflet's own link would be a target too small for a finger.
    map.attributionControl.setPrefix(false);
    if (el.dataset.tiles) {
      const credit = document.createElement('span');
      credit.textContent = el.dataset.attribution || '';
      L.tileLayer(el.dataset.tiles, { maxZoom: MAX_ZOOM, attribution: credit.innerHTML }).addTo(map);
    }
    const drawn = L.featureGroup().addTo(map);
    const status = document.getElementById('setup-map-status');
    const title = document.getElementById('setup-map-title');
    const titleInForce = title ? title.textContent : '';
    let current = { type: 'FeatureCollection', features: [] };
    let framed = false;

    function layer(features, style, counted) {
      const group = L.geoJSON({ type: 'FeatureCollection', features }, {
        style: () => style,
        onEachFeature: (feature, shape) => shape.bindTooltip(label(feature), { sticky: true }),
      });
      group.addTo(drawn);
      el.dataset['drawn' + counted] = String(features.length);
      return group;
    }

    function frame() {
      const bounds = drawn.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17, padding: [12, 12], animate: false });
      else if (!framed) map.setView(FALLBACK.center, FALLBACK.zoom);
      framed = true;
    }

    function drawCurrent() {
      drawn.clearLayers();
      layer(current.features, STYLE.current, 'Current');
      el.dataset.drawing = 'current';
      if (title) title.textContent = titleInForce;
      frame();
    }

    /** The features a browser can draw; one it cannot read is left out (the errors name it). */
    function drawable(feature) {
      try {
        L.geoJSON(feature);
        return true;
      } catch (unreadable) {
        return false;
      }
    }

    async function drawPreview(section) {
      const added = indexes(section.dataset.added);
      const changed = indexes(section.dataset.changed);
      const problems = indexes(section.dataset.problems);
      const removed = codes(section.dataset.removed);
      const input = document.getElementById('map-file');
      const file = input && input.files && input.files[0];
      let features = [];
      if (file) {
        try {
          const parsed = JSON.parse(await file.text());
          features = Array.isArray(parsed.features) ? parsed.features : [];
        } catch (unreadable) {
          features = [];
        }
      }
      const byStatus = { added: [], changed: [], unchanged: [], problem: [] };
      const changedCodes = new Set();
      features.forEach((feature, i) => {
        if (!feature || !feature.geometry || !drawable(feature)) return;
        const kind = problems.has(i) ? 'problem' : added.has(i) ? 'added' : changed.has(i) ? 'changed' : 'unchanged';
        if (kind === 'changed' && feature.properties) changedCodes.add(feature.properties.code);
        byStatus[kind].push(feature);
      });
      const mine = (f) => f.properties && f.properties.code;
      drawn.clearLayers();
      // Without the file (a page posted without scripts), the map in force stands in for it.
      if (!file) layer(current.features.filter((f) => !removed.has(mine(f))), STYLE.current, 'Current');
      else el.dataset.drawnCurrent = '0';
      layer(byStatus.unchanged, STYLE.unchanged, 'Unchanged');
      layer(current.features.filter((f) => changedCodes.has(mine(f))), STYLE.was, 'Was');
      layer(current.features.filter((f) => removed.has(mine(f))), STYLE.removed, 'Removed');
      layer(byStatus.changed, STYLE.changed, 'Changed');
      layer(byStatus.added, STYLE.added, 'Added');
      layer(byStatus.problem, STYLE.problem, 'Problem');
      el.dataset.drawing = 'preview';
      if (title && file) title.textContent = el.dataset.textPreview || titleInForce;
      frame();
    }

    function redraw() {
      const section = document.getElementById('map-preview');
      if (section && section.dataset.previewed === 'true') drawPreview(section).finally(ready);
      else {
        drawCurrent();
        ready();
      }
    }

    function ready() {
      el.dataset.state = 'ready';
      el.dataset.draws = String(Number(el.dataset.draws || 0) + 1);
    }

    // Each preview is compared with the map in force at that moment (another admin may have
    // imported one since the page loaded): read it again before drawing the file over it.
    document.body.addEventListener('htmx:afterSettle', (event) => {
      if (event.target && event.target.id === 'map-preview') load(el.dataset.current).finally(redraw);
    });
    const input = document.getElementById('map-file');
    if (input) {
      // Another file: the preview shown is not its own, so it goes (and with it the apply button).
      input.addEventListener('change', () => {
        const section = document.getElementById('map-preview');
        if (section && section.dataset.previewed === 'true') {
          section.replaceChildren();
          section.dataset.previewed = 'false';
          redraw();
        }
      });
    }

    function load(url) {
      return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
        .then((response) => {
          const type = response.headers.get('Content-Type') || '';
          if (!response.ok || response.redirected || !type.includes('json')) throw new Error('failed: ' + response.status);
          return response.json();
        })
        .then((collection) => {
          current = { type: 'FeatureCollection', features: collection.features || [] };
          if (status) {
            status.textContent = '';
            status.classList.remove('error');
          }
        })
        .catch((error) => {
          console.warn('setup map: the map in force was not loaded', error);
          if (status) {
            status.textContent = el.dataset.textFailed || '';
            status.classList.add('error');
          }
        });
    }

    load(el.dataset.zones).finally(redraw);
  }

  function start() {
    if (typeof L === 'undefined') return;
    document.querySelectorAll('[data-map="setup"]').forEach(setupMap);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
