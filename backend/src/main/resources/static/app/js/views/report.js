// One report: what was reported, where it stands, its photos and its story (the audit trail).
import { getJson } from '../api.js';
import { h, show } from '../dom.js';
import * as format from '../format.js';
import { photoAddress } from '../photos.js';
import { categories, categoryName, subtypeName } from '../reference-data.js';
import { has, t } from '../text.js';

export async function render(root, app, id) {
  show(root, h('p', { class: 'hint' }, t('report.loading')));
  let report;
  let events;
  try {
    [report, events] = await Promise.all([getJson(`/reports/${id}`), getJson(`/reports/${id}/events`)]);
  } catch (e) {
    show(root, h('p', { class: 'error' }, e.status === 404 ? t('report.notFound') : t('report.offline')), h('a', { href: '#/mine', class: 'back' }, t('report.back')));
    return;
  }
  const categoryList = await categories();
  const viewer = h('dialog', { class: 'viewer' });
  show(
    root,
    h('p', {}, h('a', { href: '#/mine', class: 'back' }, t('report.back'))),
    h('h1', {}, report.reference, ' ', h('span', { class: `status s-${report.status}` }, format.status(report.status))),
    h(
      'dl',
      { class: 'facts' },
      fact(t('report.category'), [categoryName(categoryList, report.category), report.subtype ? ` – ${subtypeName(categoryList, report.category, report.subtype)}` : '']),
      report.addressText ? fact(t('report.address'), report.addressText) : null,
      report.description ? fact(t('report.description'), report.description) : null,
      fact(t('report.position'), [format.position(report.location), report.location.accuracyM !== undefined ? ` (±${format.metres(report.location.accuracyM)})` : '']),
      fact(t('report.observed'), format.when(report.observedAt)),
      fact(t('report.received'), format.when(report.receivedAt)),
      report.assignment?.unit ? fact(t('report.unit'), report.assignment.unit.name) : fact(t('report.unit'), t('report.unassigned')),
      report.assignment?.zone ? fact(t('report.zone'), [report.assignment.zone.name, report.assignment.segment ? ` – ${report.assignment.segment.name}` : '']) : null,
      report.dueAt ? fact(t('report.due'), [format.when(report.dueAt), ' ', h('span', { class: report.overdue ? 'warn' : 'hint' }, format.deadline(report.dueAt))]) : null,
      report.flags.length ? fact(t('report.flags'), report.flags.map((flag) => (has(`flag.${flag}`) ? t(`flag.${flag}`) : flag)).join(', ')) : null,
      report.violationLocation?.repeat ? fact(t('report.repeat'), t('report.repeatCount', { n: report.violationLocation.repeatCount })) : null,
    ),
    h('h2', {}, t('report.photos')),
    h('ul', { class: 'photos gallery' }, report.photos.map((photo, index) => thumbnail(photo, index, viewer))),
    h('h2', {}, t('report.history')),
    h('ol', { class: 'timeline' }, events.items.map(event)),
    viewer,
  );
  return () => viewer.close?.();
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function thumbnail(photo, index, viewer) {
  const button = h('button', { type: 'button', class: 'thumb', 'aria-label': t('report.photoOpen', { n: index + 1 }) });
  photoAddress(photo.url, 'thumb')
    .then((src) => button.replaceChildren(h('img', { src, alt: t('report.photoAlt', { n: index + 1 }) })))
    .catch(() => button.replaceChildren(t('report.photoUnavailable')));
  let view = null;
  button.addEventListener('click', async () => {
    const close = () => h('button', { type: 'button', class: 'secondary', onclick: () => viewer.close() }, t('report.photoClose'));
    show(viewer, h('p', { class: 'hint' }, t('report.photoLoading')), close());
    viewer.showModal();
    try {
      // The viewer copy once per photo, however often it is opened.
      view ??= await photoAddress(photo.url, 'view');
      show(viewer, h('img', { src: view, alt: t('report.photoAlt', { n: index + 1 }) }), close());
    } catch {
      show(viewer, h('p', { class: 'error' }, t('report.photoUnavailable')), close());
    }
  });
  return h('li', {}, button);
}

function event(item) {
  const label = has(`event.${item.type}`) ? t(`event.${item.type}`) : item.type;
  return h(
    'li',
    {},
    h('span', { class: 'hint' }, format.when(item.at)),
    ' ',
    h('strong', {}, label),
    item.toStatus ? h('span', {}, ' → ', format.status(item.toStatus)) : null,
    item.actor ? h('span', { class: 'hint block' }, item.actor.displayName) : null,
    item.note ? h('span', { class: 'block' }, item.note) : null,
  );
}
