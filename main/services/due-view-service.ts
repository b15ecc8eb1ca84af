import type { Handlers } from '../ipc/router';
import type { IsoDate, Profile } from '../../shared/domain';
import type { DueViewItem } from '../../shared/ipc/due-view';
import { distinctCaseUnits } from '../db/repositories/case-units-repo';
import { changeMark } from '../db/repositories/due-facts-repo';
import type { Db } from '../db/connection';
import {
  casesOnPage,
  liveCaseUnits,
  meetingActions,
  openActionAgencies,
  type ActionRow,
} from '../db/repositories/due-view-repo';
import type { DueListEntry } from './due-list';
import { computeDueList } from './due-list';
import { zoneOf } from './due-list-store';
import {
  allRows,
  countRows,
  filterRows,
  kindsOf,
  pageByCase,
  pageByStatus,
  rowAt,
  toRows,
  type DueRows,
} from './due-view';
import { context, type ServiceDeps } from './service-context';

const actionKey = (documentId: string | undefined, actionId: string | undefined) =>
  `${documentId ?? ''}|${actionId ?? ''}`;

/** The actions of the page's meetings, by document and action (read with the page, as its cases are). */
function pageActions(db: Db, page: readonly DueListEntry[]): Map<string, ActionRow> {
  const meetings = page.flatMap((entry) => (entry.actionId && entry.documentId ? [entry.documentId] : []));
  return new Map(meetingActions(db, meetings).map((action) => [actionKey(action.documentId, action.actionId), action]));
}

/** The agency owning each open meeting action that names one (as stored), by document and action. */
function agenciesByAction(db: Db): Map<string, unknown> {
  const byKey = new Map<string, unknown>();
  for (const row of openActionAgencies(db))
    if (typeof row.actionId === 'string') byKey.set(actionKey(row.documentId, row.actionId), row.agency);
  return byKey;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The page's rows with the case's unit, the person's name and, for a meeting action, its text and owner. */
function pageItems(db: Db, whole: Prepared, chosen: readonly number[]): DueViewItem[] {
  const { rows } = whole;
  const cases = casesOnPage(
    db,
    chosen.map((at) => rows.entries[at]!.caseId),
  );
  const page = chosen.map((at) => rowAt(rows, at, cases.get(rows.entries[at]!.caseId)?.unit ?? ''));
  const actions = pageActions(db, page);
  return page.map((row) => {
    const action = row.actionId ? actions.get(actionKey(row.documentId, row.actionId)) : undefined;
    const item: DueViewItem = { ...row, personName: cases.get(row.caseId)?.name };
    if (action) item.action = { description: text(action.description), owner: text(action.owner) };
    // Absent details are undefined in the list's entries; the IPC output leaves them out.
    for (const key of Object.keys(item) as (keyof DueViewItem)[]) if (item[key] === undefined) delete item[key];
    return item;
  });
}

/**
 * The whole list as rows, kept per open vault until something is written or the day changes: each
 * filter or grouping the person tries then costs a pass over the rows, not the due list again. The
 * unfiltered counts and the kinds go with them: the home screen asks for those on every call. Every
 * live case's unit is read the first time a unit filter asks for it.
 */
interface Prepared {
  key: string;
  rows: DueRows;
  all: number[];
  counts: ReturnType<typeof countRows>;
  kinds: string[];
  units?: Map<string, string>;
  agencies?: Map<string, unknown>;
}
const cache = new WeakMap<Db, Prepared>();

/**
 * What the kept rows were made for: the vault's profile, the day, the machine's time zone (it may
 * change while the vault is open) and nothing written since.
 */
const preparedKey = (db: Db, profile: Profile, today: IsoDate) => `${profile}|${today}|${zoneOf()}|${changeMark(db)}`;

function prepared(db: Db, profile: Profile, today: IsoDate): Prepared {
  const key = preparedKey(db, profile, today);
  const kept = cache.get(db);
  if (kept?.key === key) return kept;
  const rows = toRows(computeDueList(db, { profile, today }));
  const all = allRows(rows);
  const made = { key, rows, all, counts: countRows(rows, all), kinds: kindsOf(rows) };
  cache.set(db, made);
  return made;
}

/** Works out the whole list as rows now (due-warm.ts, right after unlock), so due.view answers from memory. */
export function prepareDueRows(db: Db, profile: Profile, today: IsoDate): void {
  prepared(db, profile, today);
}

/** Whether due.view would answer from memory for this vault and day, with nothing written since. */
export function dueRowsReady(db: Db, profile: Profile, today: IsoDate): boolean {
  return cache.get(db)?.key === preparedKey(db, profile, today);
}

/**
 * due.view: the due list filtered and paged for the home screen. The list itself is the due list's
 * (computeDueList); this adds the case's unit to every row, and names and action details to the page.
 */
export function dueViewHandlers(deps: ServiceDeps): Pick<Handlers, 'due.view'> {
  return {
    'due.view': (input) => {
      const ctx = context(deps);
      const whole = prepared(ctx.db, ctx.profile, input.today ?? ctx.today);
      const { rows } = whole;
      const filtered = input.unit !== undefined || input.kind !== undefined || input.mine === true;
      const unitOf = (caseId: string) => (whole.units ??= liveCaseUnits(ctx.db)).get(caseId);
      const narrowed = filtered
        ? filterRows(rows, whole.all, { unit: input.unit, kind: input.kind }, { unitOf })
        : whole.all;
      // "Mine" needs each open action's owning agency, read once per prepared list from the due facts.
      const agencyOf = (entry: DueListEntry) =>
        (whole.agencies ??= agenciesByAction(ctx.db)).get(actionKey(entry.documentId, entry.actionId));
      const ownedElsewhere = (entry: DueListEntry) => {
        const agency = agencyOf(entry);
        return typeof agency === 'string' && agency !== 'kriminalomsorgen';
      };
      const kept = input.mine ? filterRows(rows, narrowed, { mine: true }, { unitOf, ownedElsewhere }) : narrowed;
      const chosen =
        input.groupBy === 'case' ? pageByCase(rows, kept, input.limit) : pageByStatus(rows, kept, input.limit);
      return {
        items: pageItems(ctx.db, whole, chosen),
        ...(filtered ? countRows(rows, kept) : whole.counts),
        units: distinctCaseUnits(ctx.db),
        kinds: whole.kinds,
      };
    },
  };
}
