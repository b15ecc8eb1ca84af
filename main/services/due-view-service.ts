import type { Handlers } from '../ipc/router';
import type { IsoDate, Profile } from '../../shared/domain';
import type { DueViewItem } from '../../shared/ipc/due-view';
import { distinctCaseUnits } from '../db/repositories/case-units-repo';
import { changeMark } from '../db/repositories/due-facts-repo';
import type { Db } from '../db/connection';
import { caseNamesFor, liveCaseUnits, meetingActions, type ActionRow } from '../db/repositories/due-view-repo';
import { computeDueList } from './due-list';
import { countRows, filterRows, kindsOf, pageByCase, pageByStatus, toRows, type DueRow } from './due-view';
import { context, type ServiceDeps } from './service-context';

const actionKey = (documentId: string | undefined, actionId: string | undefined) =>
  `${documentId ?? ''}|${actionId ?? ''}`;

function actionsOf(rows: readonly DueRow[], read: (ids: string[]) => ActionRow[]): Map<string, ActionRow> {
  const ids = rows.filter((row) => row.actionId && row.documentId).map((row) => row.documentId ?? '');
  return new Map(read(ids).map((action) => [actionKey(action.documentId, action.actionId), action]));
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The page's rows with the person's name and, for a meeting action, its text and owner. */
function enrich(
  rows: readonly DueRow[],
  names: ReadonlyMap<string, string>,
  actions: ReadonlyMap<string, ActionRow>,
): DueViewItem[] {
  return rows.map((row) => {
    const action = row.actionId ? actions.get(actionKey(row.documentId, row.actionId)) : undefined;
    const item: DueViewItem = { ...row, personName: names.get(row.caseId) };
    if (action) item.action = { description: text(action.description), owner: text(action.owner) };
    // Absent details are undefined in the list's entries; the IPC output leaves them out.
    for (const key of Object.keys(item) as (keyof DueViewItem)[]) if (item[key] === undefined) delete item[key];
    return item;
  });
}

/**
 * The whole list as rows, kept per open vault until something is written or the day changes: each
 * filter or grouping the person tries then costs a pass over the rows, not the due list again. The
 * unfiltered counts and the kinds go with them: the home screen asks for those on every call.
 */
interface Prepared {
  key: string;
  rows: DueRow[];
  counts: ReturnType<typeof countRows>;
  kinds: string[];
}
const cache = new WeakMap<Db, Prepared>();

/** What the kept rows were made for: the vault's profile, the day, and nothing written since. */
const preparedKey = (db: Db, profile: Profile, today: IsoDate) => `${profile}|${today}|${changeMark(db)}`;

function prepared(db: Db, profile: Profile, today: IsoDate): Prepared {
  const key = preparedKey(db, profile, today);
  const kept = cache.get(db);
  if (kept?.key === key) return kept;
  const rows = toRows(computeDueList(db, { profile, today }), liveCaseUnits(db));
  const made = { key, rows, counts: countRows(rows), kinds: kindsOf(rows) };
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
      const filtered = input.unit !== undefined || input.kind !== undefined || input.mine === true;
      const narrowed = filtered ? filterRows(whole.rows, { unit: input.unit, kind: input.kind }) : whole.rows;
      // "Mine" needs each action's owning agency: read for the actions still on the list only.
      const agencies = input.mine ? actionsOf(narrowed, (ids) => meetingActions(ctx.db, ids)) : new Map();
      const foreign = (row: DueRow) => {
        const agency = agencies.get(actionKey(row.documentId, row.actionId))?.ownerAgency;
        return typeof agency === 'string' && agency !== 'kriminalomsorgen';
      };
      const kept = input.mine ? filterRows(narrowed, { mine: true }, foreign) : narrowed;
      const page = input.groupBy === 'case' ? pageByCase(kept, input.limit) : pageByStatus(kept, input.limit);
      const names = caseNamesFor(
        ctx.db,
        page.map((row) => row.caseId),
      );
      const actions = actionsOf(page, (ids) => meetingActions(ctx.db, ids));
      return {
        items: enrich(page, names, actions),
        ...(filtered ? countRows(kept) : whole.counts),
        units: distinctCaseUnits(ctx.db),
        kinds: whole.kinds,
      };
    },
  };
}
