// The figures page's report files. A file takes a while to build, so the page fetches it itself:
// it says "Đang tạo tệp…" meanwhile, and when the service is building as many files as it may
// (503 with Retry-After) it says so, counts the seconds down and asks again by itself. The file
// then goes to the browser's downloads under the name the service gave it. Without this script
// the links still download the file.
const MAX_TRIES = 12;
const LONGEST_WAIT_S = 60;

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; 5 if neither. */
export function retryAfterSeconds(header, now = Date.now()) {
  if (header == null || String(header).trim() === '') return 5;
  const value = String(header).trim();
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  if (!Number.isFinite(seconds)) return 5;
  return Math.min(Math.max(seconds, 1), LONGEST_WAIT_S);
}

/** The file's name from Content-Disposition (filename* first, as RFC 6266 prefers), or a fallback. */
export function fileName(disposition, fallback) {
  const header = disposition || '';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch (ignored) {
      // A malformed name: the plain one, or the fallback.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function texts(container) {
  return (key, ...args) =>
    (container.dataset['text' + key] || '').replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

/**
 * Downloads one link's file. {@code fetchFile} and {@code wait} are the browser's fetch and a
 * timer, given so the retrying can be tried without a server.
 */
export async function download(link, status, say, { fetchFile = fetch, wait = sleep, save = saveBlob } = {}) {
  const tell = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
    status.classList.toggle('error', state === 'failed' || state === 'ended');
  };
  link.setAttribute('aria-busy', 'true');
  status.dataset.tries = '0';
  try {
    for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
      tell('building', say('Building'));
      status.dataset.tries = String(attempt);
      const response = await fetchFile(link.href, { credentials: 'same-origin' });
      if (response.status === 503 && attempt < MAX_TRIES) {
        for (let left = retryAfterSeconds(response.headers.get('Retry-After')); left > 0; left -= 1) {
          tell('waiting', say('Busy', left));
          await wait(1000);
        }
        continue;
      }
      const type = response.headers.get('Content-Type') || '';
      if (response.status === 401 || response.redirected || type.startsWith('text/html')) {
        tell('ended', say(response.ok ? 'Ended' : 'Failed'));
        return;
      }
      if (!response.ok) break;
      const name = fileName(response.headers.get('Content-Disposition'), 'bao-cao.' + link.dataset.format);
      save(await response.blob(), name);
      tell('done', say('Done', name));
      return;
    }
    tell('failed', say('Failed'));
  } catch (error) {
    console.warn('figures: the file was not downloaded', error);
    tell('failed', say('Failed'));
  } finally {
    link.removeAttribute('aria-busy');
  }
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function start() {
  const container = document.querySelector('.download-links');
  const status = document.getElementById('download-status');
  if (!container || !status) return;
  const say = texts(container);
  container.addEventListener('click', (event) => {
    const link = event.target.closest('a.download');
    if (!link) return;
    event.preventDefault();
    // One file at a time: a second click while one is being built would only queue behind it.
    if (container.querySelector('a.download[aria-busy="true"]')) return;
    download(link, status, say);
  });
  container.dataset.ready = 'true';
}

start();
