// The outbox as the officer sees it: each report waiting, being sent, sent (with its reference)
// or refused (with the service's reasons, to fix and send again, or delete).
import { h, show } from '../dom.js';
import * as format from '../format.js';
import * as outbox from '../outbox.js';
import { categories, categoryName } from '../reference-data.js';
import { t } from '../text.js';

export async function render(root, app) {
  const categoryList = await categories();
  const draw = async () => show(root, listing(await outbox.entries(), categoryList, app));
  await draw();
  const stopListening = outbox.onChange(draw);
  addEventListener('online', draw);
  addEventListener('offline', draw);
  // Times like "thử lại lúc 17:35" stay true; a redraw a minute keeps countdowns fresh.
  const clock = setInterval(draw, 30_000);
  return () => {
    stopListening();
    removeEventListener('online', draw);
    removeEventListener('offline', draw);
    clearInterval(clock);
  };
}

function listing(entries, categoryList, app) {
  const waiting = entries.filter((entry) => entry.state === outbox.WAITING).length;
  return [
    h('h1', {}, t('queue.title')),
    entries.length === 0 ? h('p', { class: 'empty' }, t('queue.empty')) : null,
    waiting > 0 && navigator.onLine ? h('button', { type: 'button', class: 'secondary', onclick: () => outbox.retryNow() }, t('queue.sendNow', { n: waiting })) : null,
    h('ul', { class: 'queue' }, entries.map((entry) => item(entry, categoryList, app))),
  ];
}

function item(entry, categoryList, app) {
  const submission = entry.submission;
  return h(
    'li',
    { class: `entry ${entry.state}`, dataset: { id: entry.clientReportId } },
    h('div', { class: 'head' }, h('span', { class: `state ${entry.state}` }, t(`queue.state.${entry.state}`)), h('span', { class: 'hint' }, format.when(entry.createdAt))),
    h('p', { class: 'what' }, h('strong', {}, categoryName(categoryList, submission.category)), submission.addressText ? ` · ${submission.addressText}` : ''),
    h('p', { class: 'hint' }, t('queue.photos', { n: entry.photos.length }), ' · ', format.position(submission.location)),
    detail(entry, app),
  );
}

function detail(entry, app) {
  switch (entry.state) {
    case outbox.SENT:
      return sent(entry);
    case outbox.REFUSED:
      return refused(entry, app);
    default:
      return pending(entry);
  }
}

function sent(entry) {
  const report = entry.report;
  return h(
    'div',
    { class: 'outcome' },
    h('p', {}, t('queue.reference'), ' ', h('a', { class: 'reference', href: `#/report/${report.id}` }, report.reference)),
    report.status === 'DUPLICATE' ? h('p', { class: 'warn' }, t('queue.duplicate')) : null,
    report.unit ? h('p', {}, t('queue.unit', { unit: report.unit })) : report.status === 'UNASSIGNED' ? h('p', { class: 'hint' }, t('queue.unassigned')) : null,
    report.dueAt ? h('p', { class: 'hint' }, t('queue.due', { when: format.when(report.dueAt) })) : null,
    h('button', { type: 'button', class: 'link', onclick: () => outbox.discard(entry.clientReportId) }, t('queue.forget')),
  );
}

function refused(entry, app) {
  const problem = entry.problem ?? {};
  return h(
    'div',
    { class: 'outcome problem' },
    h('p', {}, h('strong', {}, t('queue.refusedBecause')), ' ', problem.errors?.length ? '' : problem.detail || problem.title || ''),
    problem.errors?.length ? h('ul', {}, problem.errors.map((error) => h('li', {}, h('span', { class: 'field' }, fieldLabel(error.field, entry.submission)), ': ', error.message))) : null,
    problem.requestId ? h('p', { class: 'hint' }, t('queue.requestId', { id: problem.requestId })) : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => app.go(`#/fix/${entry.clientReportId}`) }, t('queue.fix')),
      h('button', { type: 'button', class: 'danger', onclick: () => remove(entry) }, t('queue.delete')),
    ),
  );
}

function pending(entry) {
  const trouble = entry.trouble;
  const next = entry.nextAttemptAt > Date.now() ? format.time(entry.nextAttemptAt) : null;
  return h(
    'div',
    { class: 'outcome' },
    !navigator.onLine ? h('p', { class: 'warn' }, t('queue.trouble.offline')) : trouble ? h('p', { class: 'warn' }, t(`queue.trouble.${trouble.kind}`, { status: trouble.status ?? '' })) : null,
    next ? h('p', { class: 'hint' }, t('queue.nextTry', { at: next, n: entry.attempts })) : null,
    outbox.deletable(entry) ? h('button', { type: 'button', class: 'link', onclick: () => remove(entry) }, t('queue.delete')) : null,
  );
}

async function remove(entry) {
  const question = outbox.mayHaveArrived(entry) ? t('queue.confirmDeleteTried', { n: entry.attempts }) : t('queue.confirmDelete');
  if (!confirm(question)) return;
  if (!(await outbox.discard(entry.clientReportId))) alert(t('queue.notDeleted'));
}

const FIELDS = ['photos', 'location', 'category', 'subtype', 'addressText', 'description', 'inspectionRoundId', 'observedAt', 'clientReportId'];

/** "Vị trí (21.03000, 105.80000)": a refused position is named with its coordinates. */
function fieldLabel(path, submission) {
  const head = String(path ?? '').split(/[.[]/)[0];
  const label = t(`field.${FIELDS.includes(head) ? head : 'other'}`);
  return head === 'location' ? `${label} (${format.position(submission.location)})` : label;
}
