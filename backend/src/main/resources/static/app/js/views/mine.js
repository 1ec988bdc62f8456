// The officer's own reports, newest first: status, unit and deadline. The first page is kept on
// the phone, so the list still shows (with its age) when offline.
import { NetworkError, getJson } from '../api.js';
import * as db from '../db.js';
import { h, show } from '../dom.js';
import * as format from '../format.js';
import { photoAddress } from '../photos.js';
import { categories, categoryName } from '../reference-data.js';
import * as session from '../session.js';
import { t } from '../text.js';

const PAGE = 20;

export async function render(root, app) {
  const user = await session.user();
  const categoryList = await categories();
  const list = h('ul', { class: 'reports' });
  const status = h('p', { class: 'hint', role: 'status' }, t('mine.loading'));
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('mine.more'));
  const account = h(
    'p',
    { class: 'account' },
    t('mine.signedInAs', { name: user.displayName, username: user.username }),
    ' ',
    h('button', { type: 'button', class: 'link', onclick: () => app.signOut() }, t('signOut')),
  );
  show(root, h('h1', {}, t('mine.title')), account, status, list, more);

  const base = `/reports?reporterId=${encodeURIComponent(user.id)}&limit=${PAGE}`;
  let cursor = null;
  const load = async (first) => {
    more.disabled = true;
    try {
      const page = await getJson(first ? base : `${base}&cursor=${encodeURIComponent(cursor)}`);
      if (first) {
        await db.put(db.VALUES, { at: Date.now(), items: page.items }, 'mine');
        list.replaceChildren();
        status.textContent = page.items.length === 0 ? t('mine.empty') : '';
      }
      list.append(...page.items.map((report) => item(report, categoryList)));
      cursor = page.nextCursor ?? null;
      more.hidden = !cursor;
    } catch (e) {
      if (!first) {
        status.textContent = t('mine.failed');
        return;
      }
      const kept = await db.get(db.VALUES, 'mine');
      status.textContent = kept ? t('mine.kept', { when: format.when(kept.at) }) : e instanceof NetworkError ? t('mine.offline') : t('mine.failed');
      if (kept) list.replaceChildren(...kept.items.map((report) => item(report, categoryList, true)));
      more.hidden = true;
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => load(false));
  await load(true);
}

function item(report, categoryList, offline = false) {
  const thumb = h('span', { class: 'thumb' });
  if (report.photos[0] && !offline) {
    photoAddress(report.photos[0].url, 'thumb')
      .then((src) => thumb.replaceChildren(h('img', { src, alt: '' })))
      .catch(() => {});
  }
  const open = ['ASSIGNED', 'IN_PROGRESS', 'REOPENED'].includes(report.status);
  return h(
    'li',
    {},
    h(
      'a',
      { href: `#/report/${report.id}`, class: 'report-link' },
      thumb,
      h(
        'span',
        { class: 'what' },
        h('strong', {}, report.reference),
        ' ',
        h('span', { class: `status s-${report.status}` }, format.status(report.status)),
        h('span', { class: 'block' }, categoryName(categoryList, report.category)),
        report.assignment?.unit ? h('span', { class: 'hint block' }, report.assignment.unit.name) : null,
        open && report.dueAt ? h('span', { class: report.overdue ? 'warn block' : 'hint block' }, format.deadline(report.dueAt)) : null,
        h('span', { class: 'hint block' }, format.when(report.observedAt)),
      ),
    ),
  );
}
