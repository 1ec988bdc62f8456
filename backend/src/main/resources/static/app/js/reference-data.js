// What the report form needs offline: the categories (public) and the inspection rounds the
// officer walks. Online, the service's answer is awaited for a moment; past that, or offline, the
// copy on the phone answers, so a slow connection never holds up the form for long.
import { getJson } from './api.js';
import * as db from './db.js';

const WAIT_MS = 2000;

async function keptThenFresh(key, load) {
  const fresh = load()
    .then(async (value) => {
      await db.put(db.VALUES, value, key);
      return value;
    })
    .catch(() => null);
  const kept = await db.get(db.VALUES, key);
  if (kept && navigator.onLine) {
    const quick = await Promise.race([fresh, new Promise((resolve) => setTimeout(resolve, WAIT_MS, null))]);
    return quick ?? kept;
  }
  return kept ?? (await fresh) ?? [];
}

/** Every category with its subtypes, in display order. */
export function categories() {
  return keptThenFresh('categories', async () => {
    const response = await fetch('/api/v1/categories', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`categories: ${response.status}`);
    return response.json();
  });
}

/** The rounds whose days include today and that the officer walks. */
export async function myOpenRounds(user) {
  const rounds = await keptThenFresh('rounds', async () => (await getJson('/inspection-rounds')).items ?? []);
  // The phone's calendar day: the ward's, for a phone in the ward.
  const today = localDay(new Date());
  return rounds.filter((round) => round.memberIds.includes(user.id) && round.startedOn <= today && today <= round.endedOn);
}

export function categoryName(list, code) {
  return list.find((category) => category.code === code)?.name ?? code;
}

export function subtypeName(list, code, subtype) {
  return list.find((category) => category.code === code)?.subtypes.find((s) => s.code === subtype)?.name ?? subtype;
}

function localDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
