// Photos the service keeps are fetched with the officer's token (an <img> cannot send one), then
// shown from a blob: address. Addresses are released when the view that asked for them goes.
import { call } from './api.js';

let shown = [];

/** A blob: address for a photo's url at the given size (thumb, view or original). */
export async function photoAddress(url, size = 'thumb') {
  const path = url.replace(/^\/api\/v1/, '');
  const response = await call(`${path}${path.includes('?') ? '&' : '?'}size=${size}`);
  const address = URL.createObjectURL(await response.blob());
  shown.push(address);
  return address;
}

export function releaseAll() {
  for (const address of shown) URL.revokeObjectURL(address);
  shown = [];
}
