// The console's maps, drawn with Leaflet: the ward's map (reports of the visible area, grouped
// into numbered clusters, with zones, segments and repeat points as layers) and a report's
// place. Settings and texts come from the map element's data- attributes (no inline script);
// everything shown from the data is set as text, never as HTML.
(() => {
  'use strict';

  /** Screen pixels a cluster gathers; reports closer than this at the current zoom share one. */
  const CELL = 64;
  /** At this zoom and beyond every report stands alone. */
  const ALONE_FROM = 18;
  const MAX_ZOOM = 19;
  /** Hà Nội, for a ward with no zones and no reports yet. */
  const FALLBACK = { center: [21.0285, 105.8542], zoom: 13 };

  const say = (el, key, ...args) =>
    (el.dataset['text' + key] || '').replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));

  const escaped = (text) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  function textElement(tag, text, className) {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function newMap(el, options) {
    const map = L.map(el, Object.assign({ maxZoom: MAX_ZOOM, zoomControl: true }, options));
    const tiles = el.dataset.tiles;
    if (tiles) {
      // The attribution is a setting, still shown as text.
      L.tileLayer(tiles, { maxZoom: MAX_ZOOM, attribution: escaped(el.dataset.attribution || '') }).addTo(map);
    }
    return map;
  }

  /** GeoJSON from the console's own routes; null when the session ended or the service failed. */
  async function geojson(url, signal) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' }, signal });
    if (response.status === 401 || response.redirected) throw new Error('ended');
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !type.includes('json')) throw new Error('failed: ' + response.status + ' ' + url);
    return response.json();
  }

  const zoneStyle = { color: '#7a1f1f', weight: 2, opacity: 0.8, fillColor: '#7a1f1f', fillOpacity: 0.04 };
  const segmentStyle = { color: '#0a4f99', weight: 4, opacity: 0.7, dashArray: '6 6' };

  function zoneLayers(collection, only) {
    const named = (feature, layer) => {
      const name = feature.properties && feature.properties.name;
      if (name) layer.bindTooltip(textElement('span', name), { sticky: true });
    };
    const zones = L.geoJSON(collection, {
      filter: (f) => f.properties && f.properties.kind === 'ZONE' && (!only || only(f)),
      style: zoneStyle,
      onEachFeature: named,
    });
    const segments = L.geoJSON(collection, {
      filter: (f) => f.properties && f.properties.kind === 'SEGMENT' && (!only || only(f)),
      style: segmentStyle,
      onEachFeature: named,
    });
    return { zones, segments };
  }

  // ---- The ward's map -------------------------------------------------------------------

  function wardMap(el) {
    const form = document.getElementById('map-filters');
    const status = document.getElementById('map-status');
    const map = newMap(el, {});
    const reportIcon = new L.Icon.Default({ className: 'map-report' });
    const reports = L.layerGroup().addTo(map);
    const repeats = L.layerGroup().addTo(map);
    let zones = L.layerGroup().addTo(map);
    let segments = L.layerGroup().addTo(map);
    let features = [];
    let inFlight = null;
    let timer = null;

    const labels = (name) => {
      const found = {};
      if (!form) return found;
      form.querySelectorAll(name === 'status' ? 'input[name="status"]' : 'select[name="category"] option').forEach((input) => {
        const label = name === 'status' ? input.closest('label') : input;
        if (input.value && label) found[input.value] = label.textContent.trim();
      });
      return found;
    };
    const statusNames = labels('status');
    const categoryNames = labels('category');

    const layers = L.control.layers(null, {}, { collapsed: false }).addTo(map);
    layers.addOverlay(reports, say(el, 'Reports'));
    layers.addOverlay(repeats, say(el, 'Repeats'));

    function filterQuery() {
      const query = new URLSearchParams(form ? new FormData(form) : undefined);
      for (const [key, value] of [...query.entries()]) if (!value) query.delete(key);
      return query;
    }

    function bbox() {
      const b = map.getBounds().pad(0.1);
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
    }

    function tell(text, problem) {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle('error', Boolean(problem));
    }

    function open(id) {
      window.location.href = el.dataset.reportPage + encodeURIComponent(id);
    }

    function reportMarker(feature, latlng) {
      const p = feature.properties || {};
      const label = [p.reference, categoryNames[p.category] || p.category, statusNames[p.status] || p.status]
        .filter(Boolean)
        .join(' · ');
      const marker = L.marker(latlng, { icon: reportIcon, title: label, alt: label, keyboard: true });
      marker.on('click', () => open(feature.id));
      return marker;
    }

    function clusterMarker(members, latlng) {
      const size = members.length < 10 ? 'small' : members.length < 100 ? 'medium' : 'large';
      const label = say(el, 'Cluster', members.length);
      const icon = L.divIcon({
        className: 'map-cluster map-cluster-' + size,
        html: String(members.length),
        iconSize: [40, 40],
      });
      const marker = L.marker(latlng, { icon, title: label, alt: label, keyboard: true });
      marker.on('click', () => {
        const bounds = L.latLngBounds(members.map((m) => m.latlng));
        if (map.getZoom() < ALONE_FROM && bounds.getNorthEast().distanceTo(bounds.getSouthWest()) > 1) {
          map.fitBounds(bounds.pad(0.2), { maxZoom: ALONE_FROM });
        } else {
          // All at one spot: a list to choose from.
          const list = document.createElement('ul');
          list.className = 'map-list';
          members.forEach((m) => {
            const item = document.createElement('li');
            const link = textElement('a', m.label);
            link.href = el.dataset.reportPage + encodeURIComponent(m.feature.id);
            item.appendChild(link);
            list.appendChild(item);
          });
          marker.bindPopup(list).openPopup();
        }
      });
      return marker;
    }

    /** Reports grouped by pixel cells of the current zoom: one marker alone, a number for more. */
    function draw() {
      reports.clearLayers();
      const zoom = map.getZoom();
      const cells = new Map();
      features.forEach((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const latlng = L.latLng(lat, lon);
        const p = feature.properties || {};
        const member = { feature, latlng, label: [p.reference, statusNames[p.status] || p.status].join(' · ') };
        const point = map.project(latlng, zoom);
        const key = zoom >= ALONE_FROM ? feature.id : Math.floor(point.x / CELL) + ':' + Math.floor(point.y / CELL);
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(member);
      });
      let clusters = 0;
      cells.forEach((members) => {
        if (members.length === 1) {
          reports.addLayer(reportMarker(members[0].feature, members[0].latlng));
        } else {
          clusters += 1;
          const lat = members.reduce((sum, m) => sum + m.latlng.lat, 0) / members.length;
          const lng = members.reduce((sum, m) => sum + m.latlng.lng, 0) / members.length;
          reports.addLayer(clusterMarker(members, L.latLng(lat, lng)));
        }
      });
      el.dataset.clusters = String(clusters);
    }

    function drawRepeats(collection) {
      repeats.clearLayers();
      (collection.features || []).forEach((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const p = feature.properties || {};
        const ring = L.circleMarker(L.latLng(lat, lon), {
          radius: 14,
          color: '#a11919',
          weight: 3,
          fill: false,
          interactive: true,
          className: 'map-repeat',
        });
        ring.bindTooltip(textElement('span', say(el, 'RepeatPoint', p.reportCount, p.repeatCount)));
        repeats.addLayer(ring);
      });
    }

    async function load() {
      if (inFlight) inFlight.abort();
      const controller = new AbortController();
      inFlight = controller;
      el.dataset.state = 'loading';
      const query = filterQuery();
      query.set('bbox', bbox());
      el.dataset.bbox = query.get('bbox');
      const places = new URLSearchParams({ bbox: query.get('bbox') });
      if (query.get('category')) places.set('category', query.get('category'));
      if (query.get('zoneId')) places.set('zoneId', query.get('zoneId'));
      try {
        const [found, points] = await Promise.all([
          geojson(el.dataset.reports + '?' + query, controller.signal),
          map.hasLayer(repeats) ? geojson(el.dataset.locations + '?' + places, controller.signal) : null,
        ]);
        features = (found.features || []).filter((f) => f.geometry && f.geometry.type === 'Point');
        draw();
        if (points) drawRepeats(points);
        const shown = features.length;
        const repeatCount = points ? (points.features || []).length : 0;
        if (found.truncated) tell(say(el, 'Truncated'), true);
        else if (shown === 0) tell(say(el, 'None'));
        else tell(say(el, 'Shown', shown, repeatCount));
        el.dataset.shown = String(shown);
        el.dataset.state = 'ready';
        el.dataset.loads = String(Number(el.dataset.loads || 0) + 1);
      } catch (error) {
        if (error.name === 'AbortError') return;
        console.warn('map: reports not loaded', error);
        tell(say(el, error.message === 'ended' ? 'Ended' : 'Failed'), true);
        el.dataset.state = 'failed';
        el.dataset.loads = String(Number(el.dataset.loads || 0) + 1);
      }
    }

    function soon() {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    }

    map.on('moveend', soon);
    map.on('overlayadd', (event) => {
      if (event.layer === repeats) soon();
    });
    if (form) {
      form.addEventListener('change', () => {
        // The filters stay in the address, as the queue's do: a reload or a shared link keeps them.
        history.replaceState(null, '', form.action + '?' + filterQuery());
        soon();
      });
    }

    /** A place asked for in the address (?at=lat,lon&zoom=z), as a report's page links to it. */
    function spot() {
      const params = new URLSearchParams(window.location.search);
      const at = (params.get('at') || '').split(',').map(Number);
      if (at.length !== 2 || !at.every(Number.isFinite) || Math.abs(at[0]) > 90 || Math.abs(at[1]) > 180) return null;
      const zoom = Number(params.get('zoom'));
      return { center: L.latLng(at[0], at[1]), zoom: Number.isInteger(zoom) && zoom >= 3 && zoom <= MAX_ZOOM ? zoom : 18 };
    }

    async function start() {
      let bounds = null;
      try {
        const collection = await geojson(el.dataset.zones);
        map.removeLayer(zones);
        map.removeLayer(segments);
        ({ zones, segments } = zoneLayers(collection));
        zones.addTo(map);
        segments.addTo(map);
        layers.addOverlay(zones, say(el, 'Zones'));
        layers.addOverlay(segments, say(el, 'Segments'));
        if (zones.getLayers().length || segments.getLayers().length) {
          bounds = L.featureGroup([zones, segments]).getBounds();
        }
      } catch (error) {
        // Without zones the map still shows the reports.
        console.warn('map: zones not loaded', error);
      }
      if (!bounds) {
        try {
          const found = await geojson(el.dataset.reports + '?' + filterQuery());
          const points = (found.features || []).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
          if (points.length) bounds = L.latLngBounds(points);
        } catch (ignored) {
          // load() below tells what went wrong.
        }
      }
      const asked = spot();
      if (asked) map.setView(asked.center, asked.zoom);
      else if (bounds && bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17 });
      else map.setView(FALLBACK.center, FALLBACK.zoom);
      map.on('zoomend', draw);
      soon();
    }
    start();
  }

  // ---- A report's place -----------------------------------------------------------------

  function reportMap(el) {
    const at = L.latLng(Number(el.dataset.lat), Number(el.dataset.lon));
    const map = newMap(el, { scrollWheelZoom: false }).setView(at, 17);
    const label = el.dataset.textReport || '';
    L.marker(at, { icon: new L.Icon.Default({ className: 'map-report' }), title: label, alt: label, keyboard: false }).addTo(map);
    const { zone, zoneCode, segment, segmentCode } = el.dataset;
    if (!zone && !segment) {
      el.dataset.state = 'ready';
      return;
    }
    // The report keeps the zone's version it arrived in; a later import keeps the code.
    const mine = (f) =>
      (zone && (f.id === zone || (f.properties.kind === 'ZONE' && f.properties.code === zoneCode))) ||
      (segment && (f.id === segment || (f.properties.kind === 'SEGMENT' && f.properties.code === segmentCode)));
    geojson(el.dataset.zones)
      .then((collection) => {
        const { zones, segments } = zoneLayers(collection, mine);
        zones.addTo(map);
        segments.addTo(map);
        const drawn = L.featureGroup([zones, segments]);
        if (drawn.getLayers().length && drawn.getBounds().isValid()) {
          map.fitBounds(drawn.getBounds().extend(at), { maxZoom: 17, padding: [16, 16] });
        }
        el.dataset.state = 'ready';
      })
      .catch(() => {
        el.dataset.state = 'ready';
      });
  }

  function start() {
    if (typeof L === 'undefined') return;
    document.querySelectorAll('[data-map="ward"]').forEach(wardMap);
    document.querySelectorAll('[data-map="report"]').forEach(reportMap);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
