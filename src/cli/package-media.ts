/**
 * The media a lesson references (audio, captions, images) and where each
 * file goes in a package. Local files keep their path relative to the
 * lesson when they can, so the lesson JSON is copied unchanged; files
 * outside the lesson's folder move to `media/` and the lesson is rewritten
 * to match.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { formatPath, type Lesson } from '../core/schema.js';

/** One media URL in the lesson, with the JSON path of its field. */
export interface MediaReference {
  /** `["dialogues", 0, "audio", "src"]` */
  path: (string | number)[];
  url: string;
}

/** Every media URL in the lesson, in document order. */
export function mediaReferences(lesson: Lesson): MediaReference[] {
  const refs: MediaReference[] = [];
  const add = (url: string | undefined, ...path: (string | number)[]) => {
    if (url) refs.push({ path, url });
  };
  lesson.dialogues?.forEach((dialogue, i) => {
    add(dialogue.audio?.src, 'dialogues', i, 'audio', 'src');
    add(dialogue.audio?.captions, 'dialogues', i, 'audio', 'captions');
  });
  lesson.flashcards?.forEach((card, i) => {
    add(card.image?.src, 'flashcards', i, 'image', 'src');
    add(card.audio?.front, 'flashcards', i, 'audio', 'front');
    add(card.audio?.back, 'flashcards', i, 'audio', 'back');
  });
  lesson.memoryAids?.forEach((aid, i) => {
    if (aid.kind === 'story') add(aid.image?.src, 'memoryAids', i, 'image', 'src');
  });
  return refs;
}

/** A file to copy into the package. */
export interface MediaFile {
  /** Where it goes, relative to the package root (forward slashes). */
  target: string;
  /** The file on disk. */
  source: string;
}

export interface MediaPlan {
  files: MediaFile[];
  /** Fields whose URL changes in the packaged lesson. */
  rewrites: { path: (string | number)[]; url: string }[];
  /** Remote media: kept as is, needs the network. */
  warnings: string[];
  /** Missing or unpackageable files. */
  errors: string[];
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Decides where each referenced file goes. `reserved` holds package paths
 * the media must not take (index.html, the bundle…); `lessonFile` is the
 * lesson's path on disk, which relative URLs resolve against.
 */
export function planMedia(refs: MediaReference[], lessonFile: string, reserved: ReadonlySet<string>): MediaPlan {
  const plan: MediaPlan = { files: [], rewrites: [], warnings: [], errors: [] };
  const lessonDir = dirname(resolve(lessonFile));
  const bySource = new Map<string, string>();
  const taken = new Set(reserved);

  for (const ref of refs) {
    const field = formatPath(ref.path);
    if (REMOTE.test(ref.url)) {
      if (/^(?:https?:)?\/\//i.test(ref.url)) plan.warnings.push(`${field}: ${ref.url} is not packaged; learners need a network connection to reach it`);
      else plan.errors.push(`${field}: ${ref.url} is not a media file URL`);
      continue;
    }
    if (ref.url.startsWith('/')) {
      plan.errors.push(`${field}: "${ref.url}" is relative to a web site's root and cannot be packaged; write it relative to the lesson file`);
      continue;
    }
    const cut = ref.url.search(/[?#]/);
    const pathPart = cut < 0 ? ref.url : ref.url.slice(0, cut);
    const suffix = cut < 0 ? '' : ref.url.slice(cut);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      plan.errors.push(`${field}: "${ref.url}" is not a valid URL (bad %-escape)`);
      continue;
    }
    const source = resolve(lessonDir, decoded);
    if (!existsSync(source) || !statSync(source).isFile()) {
      plan.errors.push(`${field}: file not found: ${decoded} (looked for ${source})`);
      continue;
    }
    let target = bySource.get(source);
    if (!target) {
      const inside = relative(lessonDir, source);
      const natural = inside.split(sep).join('/');
      target = !isAbsolute(inside) && !natural.startsWith('../') && !taken.has(natural) && !natural.startsWith('chunks/') ? natural : freeName(taken, basename(source));
      taken.add(target);
      bySource.set(source, target);
      plan.files.push({ target, source });
    }
    const url = `${target.split('/').map(encodeURIComponent).join('/')}${suffix}`;
    if (posix.normalize(decoded) !== target) plan.rewrites.push({ path: ref.path, url });
  }
  return plan;
}

/** `media/<name>`, numbered when taken. */
function freeName(taken: ReadonlySet<string>, name: string): string {
  let candidate = `media/${name}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `media/${n}-${name}`;
  return candidate;
}

/** Sets the value at `path` in parsed JSON. */
export function setAtPath(data: unknown, path: (string | number)[], value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
