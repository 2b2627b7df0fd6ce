/**
 * The codec of `cmi.suspend_data`: every saved progress entry of a lesson in
 * one short ASCII string. SCORM 1.2 allows 4,096 characters, SCORM 2004
 * 64,000, and an LMS rejects anything longer, so the encoding is as tight as
 * it can be while staying lossless:
 *
 * - `{…}`: compact JSON, keys grouped by lesson with the common
 *   `lesson-elements:<lessonId>:` prefix written once. Used while it fits:
 *   it stays readable in an LMS's reports.
 * - `~` + pad digit + base-85 text of the raw-deflated JSON, when the JSON
 *   does not fit. The alphabet leaves out `"'&<>\` and space, so the value
 *   survives LMSs that store it in HTML, XML or SQL without escaping it.
 *
 * When even the compressed form does not fit, the largest entries are left
 * out (and reported) until it does: the LMS never receives a value it would
 * reject, and nothing is dropped silently.
 */
import { deflateSync, inflateSync } from 'fflate';

/** The suspend_data limits of the standards. */
export const SUSPEND_DATA_LIMIT = { '1.2': 4096, '2004': 64000 } as const;

const PREFIX = 'lesson-elements:';
/** The group of keys without the lesson-elements prefix (`:` is never part of a lesson id). */
const RAW_GROUP = ':';
const COMPRESSED = '~';

/** Printable ASCII without `"&'<>\` and space: 88 characters, the first 85 are used. */
const ALPHABET = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => !`"&'<>\\`.includes(c))
  .slice(0, 85)
  .join('');
const DIGITS = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes to base-85 text: four bytes become five characters; the input is zero-padded to a multiple of four. */
export function toBase85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let word = ((bytes[i]! << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
    let chunk = '';
    for (let j = 0; j < 5; j++) {
      chunk = ALPHABET[word % 85] + chunk;
      word = Math.floor(word / 85);
    }
    out += chunk;
  }
  return out;
}

/** Base-85 text back to bytes (`length` drops the padding). Throws on a foreign character. */
export function fromBase85(text: string, length: number): Uint8Array {
  if (text.length % 5) throw new Error('Truncated base-85 text');
  const bytes = new Uint8Array((text.length / 5) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    let word = 0;
    for (let j = 0; j < 5; j++) {
      const digit = DIGITS.get(text[i + j]!);
      if (digit === undefined) throw new Error(`Unexpected character ${JSON.stringify(text[i + j])}`);
      word = word * 85 + digit;
    }
    if (word > 0xffffffff) throw new Error('Corrupted base-85 text');
    bytes[o] = word >>> 24;
    bytes[o + 1] = (word >>> 16) & 255;
    bytes[o + 2] = (word >>> 8) & 255;
    bytes[o + 3] = word & 255;
  }
  return bytes.subarray(0, length);
}

/** Splits `lesson-elements:<lesson>:<rest>` into its group and the rest. */
function splitKey(key: string): [group: string, rest: string] {
  if (!key.startsWith(PREFIX)) return [RAW_GROUP, key];
  const body = key.slice(PREFIX.length);
  const colon = body.indexOf(':');
  return colon < 0 ? [RAW_GROUP, key] : [body.slice(0, colon), body.slice(colon + 1)];
}

const joinKey = (group: string, rest: string) => (group === RAW_GROUP ? rest : `${PREFIX}${group}:${rest}`);

/** Compact JSON of the entries (values are JSON texts already), grouped by lesson. */
function toJson(entries: ReadonlyMap<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const [group, rest] = splitKey(key);
    let members = groups.get(group);
    if (!members) groups.set(group, (members = []));
    members.push(`${JSON.stringify(rest)}:${value}`);
  }
  return `{${[...groups].map(([group, members]) => `${JSON.stringify(group)}:{${members.join(',')}}`).join(',')}}`;
}

function compress(json: string): string {
  const bytes = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return COMPRESSED + ((4 - (bytes.length % 4)) % 4) + toBase85(bytes);
}

export interface EncodedSuspendData {
  /** The value for `cmi.suspend_data`, never longer than the limit. */
  value: string;
  /** Keys left out because even compressed they did not fit, largest first. */
  omitted: string[];
}

/**
 * Encodes progress entries (key to JSON text) in at most `limit` characters:
 * plain JSON when it fits, compressed otherwise; leaves out the largest
 * entries only when nothing else fits.
 */
export function encodeSuspendData(entries: ReadonlyMap<string, string>, limit: number): EncodedSuspendData {
  const json = toJson(entries);
  if (json.length <= limit) return { value: json, omitted: [] };
  let value = compress(json);
  if (value.length <= limit) return { value, omitted: [] };
  const kept = new Map(entries);
  const omitted: string[] = [];
  const bySize = [...entries].sort((a, b) => b[1].length - a[1].length).map(([key]) => key);
  for (const key of bySize) {
    kept.delete(key);
    omitted.push(key);
    value = compress(toJson(kept));
    if (value.length <= limit) break;
  }
  // Compressed "{}" is a few characters: only a limit below that can end here without a value.
  return { value: value.length <= limit ? value : '', omitted };
}

/** Reads `cmi.suspend_data` back into entries (key to JSON text). Throws when it is not ours or is damaged. */
export function decodeSuspendData(value: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!value) return entries;
  let json = value;
  if (value[0] === COMPRESSED) {
    const pad = Number(value[1]);
    const text = value.slice(2);
    if (!(pad >= 0 && pad <= 3)) throw new Error('Unknown suspend_data format');
    json = new TextDecoder().decode(inflateSync(fromBase85(text, (text.length / 5) * 4 - pad)));
  } else if (value[0] !== '{') {
    throw new Error('Unknown suspend_data format');
  }
  const groups = JSON.parse(json) as Record<string, Record<string, unknown>>;
  for (const [group, members] of Object.entries(groups)) {
    for (const [rest, data] of Object.entries(members)) entries.set(joinKey(group, rest), JSON.stringify(data));
  }
  return entries;
}
