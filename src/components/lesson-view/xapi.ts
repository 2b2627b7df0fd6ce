/**
 * xAPI statements for a lesson: what happened (verb), to which part of the
 * lesson (activity), with what result. Pure functions: no DOM, no network.
 */

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Verb = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  module: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export interface XapiActor {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  account?: { homePage: string; name: string };
}

export interface XapiResult {
  success?: boolean;
  completion?: boolean;
  response?: string;
  score?: { raw: number; min: number; max: number; scaled: number };
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiActor;
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: Record<string, string> };
  };
  result?: XapiResult;
  context: {
    registration: string;
    language: string;
    contextActivities?: { parent: { objectType: 'Activity'; id: string }[] };
  };
  timestamp: string;
  [key: string]: unknown;
}

/** An RFC 4122 version 4 UUID; statement ids are chosen once, so a resent statement is never counted twice. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The activity IRI of the lesson, or of one part of it. */
export const activityId = (lessonActivity: string, partId?: string): string =>
  partId ? `${lessonActivity}/${encodeURIComponent(partId)}` : lessonActivity;

export interface StatementInput {
  verb: Verb;
  /** The id of the lesson part, or undefined for the lesson itself. */
  partId?: string;
  /** The part's display name. */
  name: string;
  /** An interaction (a single answer) rather than a section. */
  interaction?: boolean;
  result?: XapiResult;
}

export interface StatementContext {
  actor: XapiActor;
  /** The lesson's activity IRI. */
  lessonActivity: string;
  /** One id for this attempt, shared by all its statements. */
  registration: string;
  lang: string;
  now?: () => Date;
}

/** Builds one statement. Part statements name the lesson as their parent activity. */
export function buildStatement(input: StatementInput, context: StatementContext): XapiStatement {
  const type = input.interaction ? 'interaction' : input.partId ? 'module' : 'lesson';
  const statement: XapiStatement = {
    id: uuid(),
    actor: { objectType: 'Agent', ...context.actor },
    verb: { id: VERBS[input.verb], display: { 'en-US': input.verb } },
    object: {
      objectType: 'Activity',
      id: activityId(context.lessonActivity, input.partId),
      definition: { type: ACTIVITY_TYPES[type], name: { [context.lang]: input.name } },
    },
    context: { registration: context.registration, language: context.lang },
    timestamp: (context.now?.() ?? new Date()).toISOString(),
  };
  if (input.partId) {
    statement.context.contextActivities = { parent: [{ objectType: 'Activity', id: context.lessonActivity }] };
  }
  if (input.result) statement.result = input.result;
  return statement;
}

/** An xAPI score from points, with `scaled` rounded to 4 decimals. */
export function score(raw: number, max: number): NonNullable<XapiResult['score']> {
  return { raw, min: 0, max, scaled: max > 0 ? Math.round((raw / max) * 10_000) / 10_000 : 0 };
}
