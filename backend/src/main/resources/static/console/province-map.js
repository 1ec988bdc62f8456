// The province pages' maps (Leaflet): every ward's area (the wards list; the province's figures,
// coloured by each ward's on-time rate as the page's own table states it), one ward's area
// versions, and a file of boundaries over the wards as they are, coloured by what the preview
// says each feature would do. Every name is set as text; tiles are the console's setting.
(() => {
  'use strict';

  const MAX_ZOOM = 19;
  const FALLBACK = { center: [21.0285, 105.8542], zoom: 10 };
  // On-time rate bands, as the figures page's legend names them (lowest first).
  const RATE_BANDS = [
    { below: 50, colour: '#c62828' },
    { below: 75, colour: '#ef6c00' },
    { below: 90, colour: '#c0a000' },
    { below: Infinity, colour: '#2e7d32' },
  ];
  const NOTHING_DUE = '#9e9e9e';
  const KIND_COLOURS = {
    added: '#2e7d32',
    changed: '#d08700',
    unchanged: '#1565c0',
    problem: '#c62828',
  };
  const AREA_STYLES = {
    inForce: { color: '#7a1f1f', weight: 2.5, fillOpacity: 0.2, fillColor: '#a11919' },
    coming: { color: '#1565c0', weight: 2, dashArray: '8 6', fillOpacity: 0.08, fillColor: '#1565c0' },
    past: { color: '#757575', weight: 1.5, dashArray: '3 5', fillOpacity: 0 },
  };

  const escaped = (text) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  function textElement(text) {
    const node = document.createElement('span');
    node.textContent = text;
    return node;
  }

  async function geojson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } });
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !type.includes('json')) throw new Error(url + ': ' + response.status);
    return response.json();
  }

  function baseMap(el) {
    const map = L.map(el, { maxZoom: MAX_ZOOM, scrollWheelZoom: false });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: MAX_ZOOM, attribution: escaped(el.dataset.attribution || '') }).addTo(map);
    }
    return map;
  }

  function fit(map, bounds) {
    if (bounds && bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16, padding: [12, 12] });
    else map.setView(FALLBACK.center, FALLBACK.zoom);
  }

  function rateColour(rate) {
    if (rate === null) return NOTHING_DUE;
    return RATE_BANDS.find((band) => rate < band.below).colour;
  }

  /** The figures of each ward from the page's table: its rows carry data-code and data-rate. */
  function ratesFrom(selector) {
    const rates = new Map();
    const table = selector ? document.querySelector(selector) : null;
    if (!table) return null;
    table.querySelectorAll('tbody tr[data-code]').forEach((row) => {
      const rate = row.dataset.rate;
      rates.set(row.dataset.code, {
        rate: rate === undefined || rate === '' ? null : Number(rate),
        label: row.dataset.label || '',
      });
    });
    return rates;
  }

  async function wards(el) {
    const map = baseMap(el);
    const rates = ratesFrom(el.dataset.rows);
    let drawn = 0;
    try {
      const collection = await geojson(el.dataset.wards);
      const layer = L.geoJSON(collection, {
        style: (f) => {
          if (!rates) return { color: '#7a1f1f', weight: 1.5, fillColor: '#a11919', fillOpacity: 0.12 };
          const found = rates.get(f.properties.code);
          return {
            color: '#424242',
            weight: 1,
            fillColor: rateColour(found ? found.rate : null),
            fillOpacity: 0.6,
          };
        },
        onEachFeature: (f, shape) => {
          const found = rates ? rates.get(f.properties.code) : null;
          const label = f.properties.name + (found && found.label ? ': ' + found.label : '');
          shape.bindTooltip(textElement(label), { sticky: true });
          if (el.dataset.link && f.properties.id) {
            shape.on('click', () => {
              window.location.assign(el.dataset.link + encodeURIComponent(f.properties.id));
            });
          }
          drawn += 1;
        },
      });
      fit(map, layer.getLayers().length ? layer.getBounds() : null);
      layer.addTo(map);
    } catch (error) {
      console.warn('province: wards not loaded', error);
      fit(map, null);
    }
    el.dataset.shown = String(drawn);
    el.dataset.state = 'ready';
  }

  async function areas(el) {
    const map = baseMap(el);
    let drawn = 0;
    try {
      const collection = await geojson(el.dataset.areas);
      // The area in force last, on top.
      const order = { past: 0, coming: 1, inForce: 2 };
      collection.features.sort((a, b) => order[a.properties.state] - order[b.properties.state]);
      const layer = L.geoJSON(collection, {
        style: (f) => AREA_STYLES[f.properties.state] || AREA_STYLES.past,
        onEachFeature: (f, shape) => {
          const from = new Date(f.properties.validFrom).toLocaleDateString('vi-VN');
          shape.bindTooltip(textElement(f.properties.name + ' · ' + from), { sticky: true });
          drawn += 1;
        },
      });
      fit(map, layer.getLayers().length ? layer.getBounds() : null);
      layer.addTo(map);
    } catch (error) {
      console.warn('province: areas not loaded', error);
      fit(map, null);
    }
    el.dataset.shown = String(drawn);
    el.dataset.state = 'ready';
  }

  /** A file of boundaries over the wards as they are; redrawn when the file or its preview changes. */
  async function importing(el) {
    const map = baseMap(el);
    let bounds = null;
    try {
      const existing = L.geoJSON(await geojson(el.dataset.wards), {
        style: () => ({ color: '#616161', weight: 1, dashArray: '4 4', fillOpacity: 0.04 }),
        onEachFeature: (f, shape) => shape.bindTooltip(textElement(f.properties.name), { sticky: true }),
      });
      if (existing.getLayers().length) bounds = existing.getBounds();
      fit(map, bounds);
      existing.addTo(map);
    } catch (error) {
      console.warn('province: wards not loaded', error);
      fit(map, null);
    }
    const input = document.querySelector(el.dataset.file);
    let overlay = null;
    const redraw = async () => {
      if (overlay) overlay.remove();
      overlay = null;
      el.dataset.shown = '0';
      const file = input && input.files && input.files[0];
      if (!file) {
        el.dataset.state = 'ready';
        return;
      }
      let collection;
      try {
        collection = JSON.parse(await file.text());
      } catch (unreadable) {
        el.dataset.state = 'ready';
        return;
      }
      const kinds = new Map();
      const table = document.querySelector(el.dataset.items);
      if (table) {
        table.querySelectorAll('tbody tr[data-feature]').forEach((row) => {
          kinds.set(Number(row.dataset.feature), row.dataset.kind);
        });
      }
      document.querySelectorAll('#import-problems tr[data-feature]').forEach((row) => {
        const number = Number(row.dataset.feature);
        if (number > 0) kinds.set(number - 1, 'problem');
      });
      const features = Array.isArray(collection.features) ? collection.features : [];
      const valid = features
        .map((feature, index) => ({ feature, index }))
        .filter(({ feature }) => feature && feature.geometry && feature.geometry.type);
      overlay = L.featureGroup();
      valid.forEach(({ feature, index }) => {
        const kind = kinds.get(index) || 'unchanged';
        try {
          const shape = L.geoJSON(feature, {
            style: () => ({
              color: KIND_COLOURS[kind] || KIND_COLOURS.unchanged,
              weight: kind === 'unchanged' ? 1.5 : 2.5,
              fillOpacity: kind === 'unchanged' ? 0.05 : 0.2,
            }),
          });
          const props = feature.properties || {};
          shape.bindTooltip(textElement((props.code || '') + ' ' + (props.name || '')), { sticky: true });
          shape.addTo(overlay);
        } catch (notAShape) {
          // A geometry Leaflet cannot draw: the preview lists its error.
        }
      });
      overlay.addTo(map);
      if (overlay.getLayers().length) map.fitBounds(overlay.getBounds(), { maxZoom: 16, padding: [12, 12] });
      el.dataset.shown = String(overlay.getLayers().length);
      el.dataset.state = 'ready';
    };
    if (input) input.addEventListener('change', redraw);
    document.body.addEventListener('htmx:afterSwap', redraw);
    await redraw();
  }

  function start() {
    if (typeof L === 'undefined') return;
    document.querySelectorAll('#wards-map, #province-map').forEach(wards);
    document.querySelectorAll('#ward-map').forEach(areas);
    document.querySelectorAll('#import-map').forEach(importing);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
