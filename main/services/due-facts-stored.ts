import type { Db } from '../db/connection';
import {
  storedFactRows,
  storedFinalisedConcerns,
  storedFinalisedPlans,
  type StoredFactsRow,
} from '../db/repositories/due-facts-repo';
import {
  dkFacts,
  meetingFactsOf,
  openAction,
  type DkCourseFacts,
  type DueFactsSource,
  type MeetingFacts,
  type WithFacts,
} from './due-list-facts';
import { storedCaseFacts } from './due-case-facts';

/**
 * The due list's facts as the vault stores them (due_facts, written with every save). The parsed facts
 * are kept per open database with the row they came from (version, status, text), and a row is parsed
 * again only when one of those differs: comparing a short string costs far less than parsing it, and a
 * rebuilt or edited row is never answered from an older parse.
 */

type Parsed<T> = Map<string, { version: number; status: string; text: string | null; facts: T | null }>;

const meetingCache = new WeakMap<Db, Parsed<MeetingFacts>>();
const courseCache = new WeakMap<Db, Parsed<DkCourseFacts>>();

function objectOf(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function parseMeeting(row: StoredFactsRow): MeetingFacts | null {
  const json = objectOf(row.facts);
  const facts = meetingFactsOf({
    meetingType: json.type,
    finalRelease: json.finalRelease,
    date: json.date,
    nextDate: json.next,
    releaseDate: json.releaseDate,
  });
  if (!facts) return null;
  for (const triple of arrayOf(json.actions)) {
    const [actionId, deadline, actionStatus] = arrayOf(triple);
    const action = openAction({ actionId, deadline, actionStatus });
    if (action) facts.actions.push(action);
  }
  return facts;
}

function parseCourse(row: StoredFactsRow): DkCourseFacts | null {
  const json = objectOf(row.facts);
  return dkFacts({
    variant: json.variant,
    startDate: json.startDate,
    endDate: json.endDate,
    meetingsHeld: arrayOf(json.meetingsHeld),
    reports: arrayOf(json.reports),
    responsible: json.responsible,
  });
}

function withParsed<T>(
  caches: WeakMap<Db, Parsed<T>>,
  db: Db,
  rows: readonly StoredFactsRow[],
  parse: (row: StoredFactsRow) => T | null,
  wholeVault: boolean,
): WithFacts<T>[] {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const out: WithFacts<T>[] = [];
  for (const row of rows) {
    let known = cache.get(row.documentId);
    if (known?.version !== row.version || known.status !== row.status || known.text !== row.facts) {
      known = { version: row.version, status: row.status, text: row.facts, facts: parse(row) };
      cache.set(row.documentId, known);
    }
    if (known.facts) out.push({ doc: row, facts: known.facts });
  }
  // A whole-vault read also forgets documents that are gone, so the cache never outgrows the vault.
  if (wholeVault && cache.size > rows.length) {
    const live = new Set(rows.map((row) => row.documentId));
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  }
  return out;
}

export const storedFactsSource: DueFactsSource = {
  meetings: (db, scope) =>
    withParsed(meetingCache, db, storedFactRows(db, 'meeting', scope), parseMeeting, scope === null),
  courses: (db, scope) =>
    withParsed(courseCache, db, storedFactRows(db, 'mentor_course', scope), parseCourse, scope === null),
  plans: storedFinalisedPlans,
  concerns: storedFinalisedConcerns,
  ...storedCaseFacts,
};
