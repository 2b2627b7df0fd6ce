/**
 * The text files a package is made of: `imsmanifest.xml` for SCORM 1.2 and
 * SCORM 2004 4th Edition, the launch page, the script that connects it to
 * the LMS, and the single-file HTML page. Pure functions of the lesson.
 */
import type { Lesson } from '../core/schema.js';

export type ScormFormat = 'scorm12' | 'scorm2004';

/** Escapes text for XML and HTML content and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An xs:ID (NCName) made from a lesson id, which may start with a digit. */
const xmlId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/** A file's path as a URI reference for `href`. */
export const hrefOf = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export interface ManifestOptions {
  format: ScormFormat;
  lesson: Lesson;
  /** Every file of the package except imsmanifest.xml, the launch page first. */
  files: string[];
  /** Scaled score (0 to 1) needed to pass, if any. */
  passingScore?: number | undefined;
}

/** The namespaces and schema locations of each SCORM version (ADL's published bindings). */
const NAMESPACES: Record<ScormFormat, { attributes: string; schemaVersion: string }> = {
  scorm12: {
    schemaVersion: '1.2',
    attributes: [
      'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
    ].join('\n          '),
  },
  scorm2004: {
    schemaVersion: '2004 4th Edition',
    attributes: [
      'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
      'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
      'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
      'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"',
    ].join('\n          '),
  },
};

/** `imsmanifest.xml`: one organization, one item, one SCO listing every file. */
export function manifestXml({ format, lesson, files, passingScore }: ManifestOptions): string {
  const { attributes, schemaVersion } = NAMESPACES[format];
  const title = escapeXml(lesson.title);
  const org = xmlId('org', lesson.id);
  const sco = xmlId('sco', lesson.id);
  let mastery = '';
  if (passingScore !== undefined) {
    mastery =
      format === 'scorm12'
        ? `\n        <adlcp:masteryscore>${Math.round(passingScore * 100)}</adlcp:masteryscore>`
        : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId('passed', lesson.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${passingScore}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  }
  const scormType = format === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const fileList = files.map((file) => `      <file href="${escapeXml(hrefOf(file))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('lesson-elements', lesson.id)}" version="${escapeXml((lesson.version ?? '1').slice(0, 20))}"
          ${attributes}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${title}</title>
      <item identifier="${xmlId('item', lesson.id)}" identifierref="${sco}">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${sco}" type="webcontent" ${scormType}="sco" href="${escapeXml(hrefOf(files[0]!))}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

const pageStyle = `:root { color-scheme: light dark; }
      body { margin: 0; background: var(--lesson-color-surface, Canvas); color: var(--lesson-color-text, CanvasText); font-family: var(--lesson-font-family, system-ui, sans-serif); }
      main { max-width: 60rem; margin-inline: auto; padding: 1rem; }`;

function page(lesson: Lesson, head: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeXml(lesson.lang)}"${lesson.dir ? ` dir="${lesson.dir}"` : ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeXml(lesson.title)}</title>
    <style>
      ${pageStyle}
    </style>
${head}
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

/** A page showing the whole lesson after loading `script`. No inline script: LMSs and hosts may forbid them (CSP). */
function lessonPage(lesson: Lesson, script: string): string {
  return page(
    lesson,
    `    <script type="module" src="${script}"></script>`,
    `      <lesson-view src="lesson.json"></lesson-view>
      <noscript>This lesson needs JavaScript.</noscript>`,
  );
}

/** The SCO's launch page: the LMS connection (which loads the bundle), then the lesson. */
export const scormIndexHtml = (lesson: Lesson): string => lessonPage(lesson, 'launch.js');

/** The lesson page of a web folder (`--format embed`). */
export const sitePageHtml = (lesson: Lesson): string => lessonPage(lesson, 'lesson-elements.js');

/**
 * `launch.js`: connects to the LMS and hands the elements a store inside
 * suspend_data. Both imports are evaluated before its body runs, and the
 * body runs before any element's first update, so no progress is read
 * from the browser store first.
 */
export function launchScript(lesson: Lesson, passingScore: number | undefined): string {
  const options = JSON.stringify({ lessonId: lesson.id, ...(passingScore === undefined ? {} : { passingScore }) });
  return `// Generated by \`lesson-elements package\`: reports this lesson to the LMS that launched it.
import { connectScorm } from './scorm-runtime.js';
import { getDefaultStore, setDefaultStore } from './lesson-elements.js';

const scorm = connectScorm({ ...${options}, overflow: getDefaultStore() });
if (scorm) setDefaultStore(scorm.store);
`;
}

/** Makes script text safe inside `<script>…</script>`. Returns undefined when it cannot be made safe. */
export function inlineScriptText(code: string): string | undefined {
  // `<\/script` means the same in strings, templates, regular expressions and comments.
  const escaped = code.replace(/<\/(script)/gi, '<\\/$1');
  // `<!--` followed by `<script` changes how HTML finds the end of the script.
  return /<!--/.test(escaped) ? undefined : escaped;
}

/** One HTML file: the bundle inline, the lesson inline as JSON inside the view. */
export function singleFileHtml(lesson: Lesson, lessonJson: string, bundle: string): string {
  const inline = inlineScriptText(bundle);
  const script = inline
    ? `    <script type="module">\n${inline}\n    </script>`
    : `    <script type="module" src="data:text/javascript;base64,${Buffer.from(bundle).toString('base64')}"></script>`;
  // `<` as \u003c: the JSON can never close the script element it sits in.
  const json = lessonJson.replace(/</g, '\\u003c');
  return page(
    lesson,
    script,
    `      <lesson-view>
        <script type="application/json">${json}</script>
      </lesson-view>
      <noscript>This lesson needs JavaScript.</noscript>`,
  );
}
