// Dates, distances and the service's codes as an officer reads them.
import { locale, t } from './text.js';

const parts = new Intl.DateTimeFormat(locale, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "07/12/2026 23:50": the date first, as a ward's papers write it. */
export function when(value) {
  if (!value) return '';
  const part = Object.fromEntries(parts.formatToParts(new Date(value)).map(({ type, value: text }) => [type, text]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** "23:50" */
export function time(value) {
  return when(value).slice(-5);
}

export function metres(value) {
  return `${Math.round(value)} m`;
}

export function position(location) {
  return `${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`;
}

export function status(code) {
  return t(`status.${code}`);
}

/** "còn 5 giờ" or "quá hạn 2 giờ" for a deadline. */
export function deadline(dueAt) {
  if (!dueAt) return '';
  const ms = new Date(dueAt).getTime() - Date.now();
  const hours = Math.round(Math.abs(ms) / 3600_000);
  const span = hours >= 48 ? t('time.days', { n: Math.round(hours / 24) }) : t('time.hours', { n: Math.max(hours, 1) });
  return ms >= 0 ? t('deadline.left', { span }) : t('deadline.over', { span });
}

export function bytes(size) {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
}
