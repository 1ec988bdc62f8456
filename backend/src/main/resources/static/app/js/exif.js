// When a JPEG was taken, from its EXIF (DateTimeOriginal, with OffsetTimeOriginal when the camera
// wrote one). Only reads; the photo itself is sent byte for byte, since its EXIF is evidence.

const HEAD_BYTES = 256 * 1024;

/** The moment the photo was taken, or null when its bytes do not say. */
export async function takenAt(blob) {
  try {
    const view = new DataView(await blob.slice(0, HEAD_BYTES).arrayBuffer());
    const tiff = exifStart(view);
    return tiff === null ? null : readTaken(view, tiff);
  } catch {
    return null;
  }
}

function exifStart(view) {
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let at = 2;
  while (at + 4 <= view.byteLength) {
    const marker = view.getUint16(at);
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
    const length = view.getUint16(at + 2);
    // APP1 holding "Exif\0\0"
    if (marker === 0xffe1 && at + 10 <= view.byteLength && view.getUint32(at + 4) === 0x45786966 && view.getUint16(at + 8) === 0) {
      return at + 10;
    }
    at += 2 + length;
  }
  return null;
}

function readTaken(view, tiff) {
  const little = view.getUint16(tiff) === 0x4949;
  const u16 = (offset) => view.getUint16(tiff + offset, little);
  const u32 = (offset) => view.getUint32(tiff + offset, little);
  const entries = (ifd) => {
    const found = new Map();
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      found.set(u16(entry), { count: u32(entry + 4), value: entry + 8 });
    }
    return found;
  };
  const ascii = (entry) => {
    if (!entry) return null;
    const start = entry.count > 4 ? u32(entry.value) : entry.value;
    let text = '';
    for (let i = 0; i < entry.count - 1; i++) text += String.fromCharCode(view.getUint8(tiff + start + i));
    return text;
  };
  const exifIfd = entries(u32(4)).get(0x8769);
  if (!exifIfd) return null;
  const exif = entries(u32(exifIfd.value));
  const taken = ascii(exif.get(0x9003)) ?? ascii(exif.get(0x9004));
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(taken ?? '');
  if (!match) return null;
  const [, y, mo, d, hh, mm, ss] = match;
  const offset = ascii(exif.get(0x9011));
  const date = /^[+-]\d{2}:\d{2}$/.test(offset ?? '')
    ? new Date(`${y}-${mo}-${d}T${hh}:${mm}:${ss}${offset}`)
    : new Date(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss));
  return Number.isNaN(date.getTime()) ? null : date;
}
