import type { IsoDate } from '../../shared/domain/common';
import { localDayOf } from '../../shared/domain/iso-date';
import type { Profile } from '../../shared/domain/profile';
import type { Handlers } from '../ipc/router';
import type { DeletedCase, PurgePlan, PurgeReason } from '../../shared/ipc/purge';
import type { RetentionSettings } from '../../shared/rules/retention';
import type { Db } from '../db/connection';
import {
  caseForPurgeById,
  deletePurged,
  casesForPurge,
  logEmptied,
  overwriteFreedPages,
  purgeInventory,
  secureDeleteOn,
  type PurgeInventory,
} from '../db/repositories/purge-repo';
import { deletedCaseRows } from '../db/repositories/due-facts-repo';
import type { CompartmentState } from '../vault/compartment';
import { AppError } from '../ipc/app-error';
import { audit, context, invalid, notFound, write, type Ctx, type ServiceDeps } from './service-context';
import { retentionSettings } from './retention-settings';
import { retentionOf } from './case-retention';

export interface PurgeDeps extends ServiceDeps {
  /** The mentor compartment in this session: open, its records of the case may go; none, there are none. */
  compartment: () => CompartmentState;
  retention?: () => RetentionSettings;
}

function planOf(inventory: PurgeInventory, retention: ReturnType<typeof retentionOf>, today: IsoDate): PurgePlan {
  const dueOn = retention?.dueOn ?? null;
  return {
    caseId: inventory.caseId,
    caseReference: inventory.reference,
    closedOn: retention?.closedOn ?? null,
    dueOn,
    due: dueOn !== null && dueOn <= today,
    retentionYears: retention?.period.years ?? 0,
    documents: inventory.documents,
    versions: inventory.versions,
    distributions: inventory.distributionIds.length,
    exportLogEntries: inventory.exportLogIds.length,
    receivedFiles: inventory.receivedIds.length + inventory.handoverReceiptIds.length,
    mentorRecords: inventory.mentorRecordIds.length,
    compartmentNeeded:
      inventory.mentorRecordIds.length > 0 || inventory.documents.some((doc) => doc.kind === 'mentor_course'),
    searchEntries: inventory.searchEntries,
    handoverRecords: inventory.transfers + inventory.handoverPackageIds.length,
    innsynCopies: inventory.innsynCopyIds.length,
  };
}

type Target = ReturnType<typeof casesForPurge>[number];

/**
 * The plan as it may be shown: how many conversation records a case holds is the compartment's to
 * tell (NO pkt 13.10, taking part in mentor talks must not weigh in the case), so with the compartment
 * shut the count is withheld for a case with a mentor course (one without holds none: its 0 tells
 * nothing). That the case holds a mentor course, the case views show anyway.
 */
export function shownPlan(plan: PurgePlan, compartment: CompartmentState): PurgePlan {
  return compartment === 'locked' && plan.compartmentNeeded ? { ...plan, mentorRecords: null } : plan;
}

/**
 * Whether the compartment must be opened first: with it shut, for any case with a mentor course,
 * whatever it holds (a refusal that depended on the count would tell it); a vault without a
 * compartment holds no records to protect.
 */
export function waitsForCompartment(plan: PurgePlan, compartment: CompartmentState): boolean {
  if (compartment === 'locked') return plan.compartmentNeeded;
  return compartment === 'none' && (plan.mentorRecords ?? 0) > 0;
}

/** The vault's own retention periods apply unless the caller names others. */
function describe(db: Db, target: Target, profile: Profile, today: IsoDate, settings: RetentionSettings) {
  const inventory = purgeInventory(db, target);
  const retention = retentionOf(target, profile, { ...retentionSettings(db), ...settings }, today);
  return { inventory, plan: planOf(inventory, retention, today) };
}

/**
 * The deleted cases still in the file, each with the day its retention runs out, counted as the purge
 * counts it (planOf): a deleted case is in no other list, and this is where it is purged.
 */
export function deletedCases(db: Db, profile: Profile, today: IsoDate, settings: RetentionSettings): DeletedCase[] {
  const periods = { ...retentionSettings(db), ...settings };
  return deletedCaseRows(db).flatMap((row) => {
    // A deleted case is closed, and its courses ended, on the day it was deleted at the latest: never
    // null here.
    const retention = retentionOf(row, profile, periods, today);
    if (retention === null || retention.dueOn === null) return [];
    const { closedOn, period, dueOn } = retention;
    return [
      {
        caseId: row.caseId,
        caseReference: row.caseReference,
        deletedOn: localDayOf(row.deletedAt),
        reason: row.reason ?? '',
        closedOn,
        dueOn,
        due: dueOn <= today,
        retentionYears: period.years,
      },
    ];
  });
}

/** What purging the case with this reference would remove; reads only. */
export function planPurgeByReference(
  db: Db,
  profile: Profile,
  reference: string,
  today: IsoDate,
  settings: RetentionSettings = {},
  caseId?: string,
): { inventory: PurgeInventory; plan: PurgePlan } {
  const found = casesForPurge(db, reference);
  // More than one case has had the reference (a deleted one, and the case that took it since): the
  // administrator names the one meant by its id, never the live one by default.
  if (found.length > 1 && caseId === undefined)
    throw new AppError('conflict', 'purge.cli.ambiguous', {
      count: found.length,
      ids: found.map((row) => `${row.id}${row.deletedAt ? ` (${localDayOf(row.deletedAt)})` : ''}`).join(', '),
    });
  const target = caseId === undefined ? found[0] : found.find((row) => row.id === caseId);
  if (!target) throw new AppError('not_found', 'purge.error.caseNotFound');
  return describe(db, target, profile, today, settings);
}

function planById(ctx: Ctx, caseId: string, settings: RetentionSettings) {
  const target = caseForPurgeById(ctx.db, caseId);
  if (!target) throw notFound();
  return describe(ctx.db, target, ctx.profile, ctx.today, settings);
}

/**
 * Refuses a purge the case's retention does not allow, for the app and `bro purge` alike: an open case
 * (not released, not deleted) is never purged, whatever the reason; "retention run out" only once it
 * has, which a running mentor course holds off.
 */
export function assertPurgeable(plan: PurgePlan, reason: PurgeReason): void {
  if (plan.closedOn === null) throw new AppError('rule_blocked', 'purge.error.caseOpen');
  if (reason !== 'retention_expired' || plan.due) return;
  if (plan.dueOn === null) throw new AppError('rule_blocked', 'purge.error.courseRunning');
  throw new AppError('rule_blocked', 'purge.error.notDue', { dueOn: plan.dueOn });
}

/**
 * Purges: refuses (writing nothing) when the confirmation does not name the case, when its retention
 * does not allow it (assertPurgeable), when the compartment must be opened first
 * (waitsForCompartment), or when another connection is reading the vault (its read would keep the purged pages in
 * the file and the log). Deletes every row, logs ids and the reason, then overwrites the freed pages;
 * `overwritten` is false when a read begun meanwhile kept the log from being emptied.
 */
export function purgeCase(
  ctx: Ctx,
  found: { inventory: PurgeInventory; plan: PurgePlan },
  input: { confirmReference: string; reason: PurgeReason; compartment: CompartmentState },
): { plan: PurgePlan; overwritten: boolean } {
  const { inventory, plan } = found;
  if (input.confirmReference !== plan.caseReference) throw invalid('purge.error.confirmMismatch', ['confirmReference']);
  assertPurgeable(plan, input.reason);
  if (waitsForCompartment(plan, input.compartment)) throw new AppError('forbidden', 'purge.error.compartmentLocked');
  const overwritten = eraseForGood(ctx, (actor) => {
    deletePurged(ctx.db, inventory);
    const log = (objectType: string, id: string) => audit(ctx, actor, 'delete', objectType, id);
    log(`case_purged.${input.reason}`, inventory.caseId);
    inventory.documents.forEach((d) => log('document_purged', d.id));
    inventory.distributionIds.forEach((id) => log('distribution_purged', id));
    inventory.exportLogIds.forEach((id) => log('export_purged', id));
    inventory.receivedIds.forEach((id) => log('received_purged', id));
    inventory.mentorRecordIds.forEach((id) => log('mentor_record_purged', id));
    inventory.handoverPackageIds.forEach((id) => log('handover_package_purged', id));
    inventory.handoverReceiptIds.forEach((id) => log('handover_receipt_purged', id));
    inventory.innsynCopyIds.forEach((id) => log('innsyn_copy_purged', id));
  });
  return { plan, overwritten };
}

/**
 * Deletes for good what `remove` deletes and logs, in one transaction: refused (nothing written) while
 * another connection reads the vault, whose read would keep the old pages in the file and the log;
 * then the freed pages are overwritten. False when a read begun meanwhile left that pending.
 */
export function eraseForGood(ctx: Ctx, remove: (actor: string) => void): boolean {
  if (!logEmptied(ctx.db)) throw new AppError('busy', 'purge.error.otherReader');
  secureDeleteOn(ctx.db);
  write(ctx, remove);
  return overwriteFreedPages(ctx.db);
}

/**
 * The integrity check an unlock starts reads the whole file on a connection of its own: a purge waits
 * for it, so that read does not keep the purged pages (purgeCase would refuse while it runs).
 */
export async function afterIntegrityCheck<T>(
  session: { settledHealth(): Promise<unknown> },
  run: () => T | Promise<T>,
): Promise<T> {
  await session.settledHealth();
  return run();
}

export function purgeHandlers(
  deps: PurgeDeps,
): Pick<Handlers, 'cases.deletedList' | 'cases.purgePreview' | 'cases.purge'> {
  const settings = () => deps.retention?.() ?? {};
  return {
    'cases.deletedList': () => {
      const ctx = context(deps);
      return { cases: deletedCases(ctx.db, ctx.profile, ctx.today, settings()) };
    },
    'cases.purgePreview': ({ caseId }) =>
      shownPlan(planById(context(deps), caseId, settings()).plan, deps.compartment()),
    'cases.purge': (input) =>
      afterIntegrityCheck(deps.session, () =>
        deps.session.exclusive(() => {
          const ctx = context(deps);
          const found = planById(ctx, input.caseId, settings());
          const { plan, overwritten } = purgeCase(ctx, found, {
            ...input,
            compartment: deps.compartment(),
          });
          return { purged: shownPlan(plan, deps.compartment()), overwritten };
        }),
      ),
  };
}
