// Making a report, or fixing one the service refused: photos, the position, what and where, and a
// look at what was already reported nearby. The report goes into the outbox (on the phone) first;
// sending is the outbox's job.
import { getJson } from '../api.js';
import { h, show } from '../dom.js';
import { takenAt } from '../exif.js';
import * as format from '../format.js';
import { GOOD_ACCURACY_M, distanceM, watchPosition } from '../geo.js';
import * as outbox from '../outbox.js';
import { photoAddress } from '../photos.js';
import { categories, categoryName, myOpenRounds } from '../reference-data.js';
import * as session from '../session.js';
import { t } from '../text.js';

const MAX_PHOTOS = 6;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const NEARBY_RADIUS_M = 50;
/** The phone's clock may run ahead of the camera's; the service takes up to 5 minutes ahead. */
const FUTURE_SLACK_MS = 60_000;

export async function render(root, app, { fix }) {
  const user = await session.user();
  const entry = fix ? await outbox.get(fix) : null;
  if (fix && (!entry || entry.state !== outbox.REFUSED)) {
    app.go('#/queue');
    return;
  }
  const [categoryList, rounds] = await Promise.all([categories(), myOpenRounds(user)]);
  const form = new ReportForm(user, categoryList, rounds, entry, app);
  show(root, form.element);
  return () => form.stop();
}

class ReportForm {
  constructor(user, categoryList, rounds, entry, app) {
    this.user = user;
    this.categories = categoryList;
    this.rounds = rounds;
    this.entry = entry;
    this.app = app;
    this.clientReportId = entry?.clientReportId ?? newId();
    this.photos = entry ? entry.photos.map((photo) => ({ ...photo })) : [];
    // A fix keeps the position it was refused with until the officer takes the current one.
    this.pinned = entry ? entry.submission.location : null;
    this.live = null;
    this.nearbyAt = null;
    this.element = this.build();
    this.showPhotos();
    this.showPosition();
    this.showErrors(entry?.problem);
    this.stopWatching = watchPosition(
      (fixed) => {
        this.live = fixed;
        this.showPosition();
        this.checkNearby();
      },
      (reason) => {
        this.positionTrouble = reason;
        this.showPosition();
      },
    );
    this.onOnline = () => this.checkNearby(true);
    addEventListener('online', this.onOnline);
  }

  stop() {
    for (const address of this.previews ?? []) URL.revokeObjectURL(address);
    this.stopWatching();
    removeEventListener('online', this.onOnline);
  }

  get position() {
    return this.pinned ?? this.live;
  }

  build() {
    const submission = this.entry?.submission ?? {};
    // Hidden inputs, reached through their labels, which look and act as buttons.
    this.camera = h('input', { id: 'camera', type: 'file', accept: 'image/*', capture: 'environment', class: 'file', tabindex: '-1' });
    this.gallery = h('input', { id: 'gallery', type: 'file', accept: 'image/*', multiple: true, class: 'file', tabindex: '-1' });
    for (const input of [this.camera, this.gallery]) {
      input.addEventListener('change', () => this.addPhotos(input));
    }
    this.photoList = h('ul', { class: 'photos' });
    this.observed = h('p', { class: 'hint' });
    this.positionText = h('p', { class: 'position' });
    this.useCurrent = h('button', { type: 'button', class: 'secondary', hidden: !this.pinned, onclick: () => this.takeCurrentPosition() }, t('compose.useCurrent'));
    this.category = h(
      'select',
      { id: 'category', name: 'category', required: true },
      h('option', { value: '' }, t('compose.category.choose')),
      this.categories.map((c) => h('option', { value: c.code, selected: c.code === submission.category }, c.name)),
    );
    this.subtype = h('select', { id: 'subtype', name: 'subtype' });
    this.category.addEventListener('change', () => this.showSubtypes());
    this.showSubtypes(submission.subtype);
    this.address = h('input', { id: 'addressText', name: 'addressText', maxlength: 300, autocomplete: 'street-address', value: submission.addressText ?? '', placeholder: t('compose.address.example') });
    this.description = h('textarea', { id: 'description', name: 'description', maxlength: 2000, rows: 3 });
    this.description.value = submission.description ?? '';
    this.round = this.roundChoice(submission.inspectionRoundId);
    this.nearby = h('section', { class: 'nearby', hidden: true, 'aria-live': 'polite' });
    this.general = h('div', { class: 'problem', role: 'alert', hidden: true });
    this.submitButton = h('button', { type: 'submit', class: 'primary big' }, this.entry ? t('compose.resend') : t('compose.submit'));
    const form = h(
      'form',
      { class: 'compose', novalidate: true },
      h('h1', {}, this.entry ? t('compose.fixTitle') : t('compose.title')),
      this.general,
      section('photos', t('compose.photos'), [
        h('h2', {}, t('compose.photos')),
        h('div', { class: 'row' }, pickerButton('camera', 'primary', t('compose.camera')), pickerButton('gallery', 'secondary', t('compose.gallery'))),
        this.camera,
        this.gallery,
        this.photoList,
        this.observed,
      ]),
      section('location', t('compose.position'), [h('h2', {}, t('compose.position')), this.positionText, this.useCurrent]),
      this.nearby,
      section('category', t('compose.category'), [h('label', { for: 'category' }, t('compose.category')), this.category]),
      section('subtype', t('compose.subtype'), [h('label', { for: 'subtype' }, t('compose.subtype')), this.subtype]),
      section('addressText', t('compose.address'), [h('label', { for: 'addressText' }, t('compose.address')), this.address]),
      section('description', t('compose.description'), [h('label', { for: 'description' }, t('compose.description')), this.description]),
      this.round,
      this.submitButton,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.form = form;
    return form;
  }

  roundChoice(chosen) {
    const inspector = this.user.roles.includes('INSPECTOR');
    if (this.rounds.length === 0 && !inspector) return null;
    this.roundSelect = h(
      'select',
      { id: 'inspectionRoundId', name: 'inspectionRoundId' },
      inspector ? h('option', { value: '' }, t('compose.round.choose')) : h('option', { value: '' }, t('compose.round.none')),
      this.rounds.map((round) => h('option', { value: round.id, selected: round.id === chosen || (inspector && this.rounds.length === 1) }, round.title)),
    );
    return section('inspectionRoundId', t('compose.round'), [
      h('label', { for: 'inspectionRoundId' }, t('compose.round')),
      this.roundSelect,
      inspector && this.rounds.length === 0 ? h('p', { class: 'hint warn' }, t('compose.round.noneOpen')) : null,
    ]);
  }

  showSubtypes(chosen) {
    const category = this.categories.find((c) => c.code === this.category.value);
    show(
      this.subtype,
      h('option', { value: '' }, t('compose.subtype.none')),
      (category?.subtypes ?? []).map((s) => h('option', { value: s.code, selected: s.code === chosen }, s.name)),
    );
    this.subtype.disabled = !category;
  }

  async addPhotos(input) {
    const files = [...input.files];
    input.value = '';
    const refused = [];
    for (const file of files) {
      if (this.photos.length >= MAX_PHOTOS) {
        refused.push(t('compose.photos.tooMany', { n: MAX_PHOTOS }));
        break;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        refused.push(t('compose.photos.tooBig', { name: file.name, size: format.bytes(file.size) }));
        continue;
      }
      const taken = (await takenAt(file)) ?? (file.lastModified ? new Date(file.lastModified) : null);
      this.photos.push({ blob: file, name: file.name || `anh-${this.photos.length + 1}.jpg`, type: file.type, size: file.size, takenAt: taken?.getTime() ?? null });
    }
    this.showPhotos(refused);
  }

  showPhotos(refused = []) {
    for (const address of this.previews ?? []) URL.revokeObjectURL(address);
    this.previews = [];
    show(
      this.photoList,
      this.photos.map((photo, index) =>
        h(
          'li',
          {},
          photo.blob ? h('img', { src: this.preview(photo.blob), alt: t('compose.photos.alt', { n: index + 1 }) }) : h('span', { class: 'missing' }, t('compose.photos.missing')),
          h('button', { type: 'button', class: 'remove', 'aria-label': t('compose.photos.remove', { n: index + 1 }), onclick: () => this.removePhoto(index) }, '×'),
        ),
      ),
    );
    const when = this.observedAt();
    show(
      this.observed,
      this.photos.length === 0 ? t('compose.photos.none', { n: MAX_PHOTOS }) : t('compose.photos.count', { n: this.photos.length, max: MAX_PHOTOS, when: format.when(when) }),
      refused.map((text) => h('span', { class: 'error' }, ' ', text)),
    );
  }

  preview(blob) {
    const address = URL.createObjectURL(blob);
    this.previews.push(address);
    return address;
  }

  removePhoto(index) {
    this.photos.splice(index, 1);
    this.showPhotos();
  }

  /** When the violation was seen: when the first photo was taken, as its EXIF (or the file) says. */
  observedAt() {
    const times = this.photos.map((photo) => photo.takenAt).filter((time) => Number.isFinite(time));
    const earliest = times.length > 0 ? Math.min(...times) : Date.now();
    return new Date(Math.min(earliest, Date.now() + FUTURE_SLACK_MS));
  }

  showPosition() {
    const position = this.position;
    this.useCurrent.hidden = !this.pinned;
    if (this.pinned && this.live) this.useCurrent.textContent = t('compose.useCurrentWith', { accuracy: format.metres(this.live.accuracyM) });
    if (!position) {
      const trouble = this.positionTrouble;
      show(this.positionText, h('span', { class: trouble ? 'error' : 'hint' }, trouble ? t(`geo.${trouble}`) : t('geo.waiting')));
      return;
    }
    const poor = position.accuracyM > GOOD_ACCURACY_M;
    show(
      this.positionText,
      h('strong', {}, format.position(position)),
      ' ',
      h('span', { class: poor ? 'badge warn' : 'badge ok' }, t('geo.accuracy', { accuracy: format.metres(position.accuracyM) })),
      poor ? h('span', { class: 'warn block' }, t('geo.poor', { limit: GOOD_ACCURACY_M })) : null,
      this.pinned ? h('span', { class: 'hint block' }, t('geo.pinned')) : h('span', { class: 'hint block' }, t('geo.live')),
    );
  }

  takeCurrentPosition() {
    this.pinned = null;
    this.clearError('location');
    this.showPosition();
    this.checkNearby(true);
  }

  /** "Already reported here?": open reports within 50 m, when online; asked again after moving 15 m. */
  async checkNearby(force = false) {
    const position = this.position;
    if (!position || !navigator.onLine) return;
    if (!force && this.nearbyAt && distanceM(this.nearbyAt, position) < 15) return;
    this.nearbyAt = position;
    let items;
    try {
      items = (await getJson(`/reports/nearby?lat=${position.lat}&lon=${position.lon}&radiusM=${NEARBY_RADIUS_M}`)).items;
    } catch {
      return;
    }
    if (position !== this.position) return;
    this.nearby.hidden = items.length === 0;
    show(
      this.nearby,
      h('h2', {}, t('nearby.title', { n: items.length, radius: NEARBY_RADIUS_M })),
      h('p', { class: 'hint' }, t('nearby.hint')),
      h(
        'ul',
        { class: 'reports' },
        items.map(({ distanceM: distance, report }) => {
          const thumb = h('span', { class: 'thumb' });
          if (report.photos[0]) {
            photoAddress(report.photos[0].url, 'thumb')
              .then((src) => thumb.replaceChildren(h('img', { src, alt: '' })))
              .catch(() => {});
          }
          return h(
            'li',
            {},
            thumb,
            h(
              'div',
              { class: 'what' },
              h('strong', {}, report.reference),
              ' · ',
              format.status(report.status),
              h('span', { class: 'block' }, categoryName(this.categories, report.category)),
              h('span', { class: 'hint block' }, t('nearby.where', { distance: format.metres(distance), when: format.when(report.observedAt) })),
              report.addressText ? h('span', { class: 'hint block' }, report.addressText) : null,
              h('button', { type: 'button', class: 'secondary', onclick: () => this.skipAsDuplicate(report) }, t('nearby.same')),
            ),
          );
        }),
      ),
    );
  }

  async skipAsDuplicate(report) {
    if (!confirm(t('nearby.confirmSkip', { reference: report.reference }))) return;
    if (this.entry) await outbox.discard(this.entry.clientReportId);
    this.app.go(`#/report/${report.id}`);
  }

  async submit() {
    this.showErrors(null);
    const problems = [];
    if (this.photos.length === 0) problems.push({ field: 'photos', message: t('compose.need.photo') });
    if (this.photos.some((photo) => !photo.blob)) problems.push({ field: 'photos', message: t('compose.photos.missing') });
    if (!this.position) problems.push({ field: 'location', message: t('compose.need.position') });
    if (!this.category.value) problems.push({ field: 'category', message: t('compose.need.category') });
    if (this.user.roles.includes('INSPECTOR') && !this.roundSelect?.value) problems.push({ field: 'inspectionRoundId', message: t('compose.need.round') });
    if (problems.length > 0) {
      this.showErrors({ errors: problems });
      return;
    }
    const position = this.position;
    if (position.accuracyM > GOOD_ACCURACY_M && !confirm(t('geo.confirmPoor', { accuracy: format.metres(position.accuracyM) }))) return;
    const submission = {
      clientReportId: this.clientReportId,
      category: this.category.value,
      subtype: this.subtype.value || undefined,
      description: this.description.value.trim() || undefined,
      addressText: this.address.value.trim() || undefined,
      location: { lat: position.lat, lon: position.lon, accuracyM: position.accuracyM },
      observedAt: this.observedAt().toISOString(),
      inspectionRoundId: this.roundSelect?.value || undefined,
    };
    this.submitButton.disabled = true;
    try {
      const photos = this.photos.map(({ blob, name, type, size, takenAt: taken }) => ({ blob, name, type, size, takenAt: taken }));
      if (this.entry) await outbox.resubmit(this.clientReportId, submission, photos);
      else await outbox.add(submission, photos);
      navigator.storage?.persist?.().catch(() => {});
      this.app.go('#/queue');
    } catch (e) {
      console.error('Saving the report', e);
      this.submitButton.disabled = false;
      this.showErrors({ detail: t('compose.saveFailed') });
    }
  }

  /** The service's (or the form's own) complaints, each beside its field; others at the top. */
  showErrors(problem) {
    for (const old of this.form.querySelectorAll('.field-error')) old.remove();
    for (const old of this.form.querySelectorAll('.has-error')) old.classList.remove('has-error');
    this.general.hidden = true;
    if (!problem) return;
    const loose = [];
    for (const error of problem.errors ?? []) {
      const field = fieldOf(error.field);
      const target = field && this.form.querySelector(`section[data-field="${field}"]`);
      const message = field === 'location' && this.position ? t('compose.error.position', { position: format.position(this.position), message: error.message }) : error.message;
      if (target) {
        target.classList.add('has-error');
        target.append(h('p', { class: 'field-error', role: 'alert' }, message));
      } else {
        loose.push(h('li', {}, `${error.field}: ${error.message}`));
      }
    }
    // With field errors, the service's summary ("some fields are invalid") says nothing more.
    const lead = problem.errors?.length ? (loose.length > 0 ? t('compose.refusedOther') : null) : problem.detail || problem.title;
    if (lead || loose.length > 0) {
      show(this.general, lead ? h('p', {}, lead) : null, loose.length > 0 ? h('ul', {}, loose) : null);
      this.general.hidden = false;
    }
    (this.form.querySelector('.has-error') ?? this.general).scrollIntoView({ block: 'center' });
  }

  clearError(field) {
    const target = this.form.querySelector(`section[data-field="${field}"]`);
    target?.classList.remove('has-error');
    target?.querySelector('.field-error')?.remove();
  }
}

/** A label that opens the file picker, as a button does: by tap, Enter or Space. */
function pickerButton(input, look, text) {
  const label = h('label', { for: input, class: `button ${look}`, role: 'button', tabindex: '0' }, text);
  label.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      document.getElementById(input)?.click();
    }
  });
  return label;
}

function section(field, title, children) {
  return h('section', { class: 'field', dataset: { field } }, children);
}

/** The form's section for a field the service named: location.lat is the position, photos[2] the photos. */
function fieldOf(path) {
  const head = String(path ?? '').split(/[.[]/)[0];
  if (head === 'observedAt') return 'photos';
  return ['photos', 'location', 'category', 'subtype', 'addressText', 'description', 'inspectionRoundId'].includes(head) ? head : null;
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
