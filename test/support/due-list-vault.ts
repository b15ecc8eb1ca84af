import { afterEach } from 'vitest';
import type {
  DocumentContent,
  DocumentKind,
  Infoflyt,
  IsoDate,
  MeetingAction,
  MeetingContent,
  TargetGroupReason,
} from '../../shared/domain';
import { addDays } from '../../shared/domain';
import { newDraft, newMeetingDraft } from '../../shared/templates/drafts';
import { insertCase } from '../../main/db/repositories/cases-repo';
import { recordDistribution } from '../../main/db/repositories/distributions-repo';
import { saveVersion } from '../../main/db/repositories/documents-repo';
import type { Db } from '../../main/db/connection';
import { VaultSession } from '../../main/vault/vault-session';
import type { DueListEntry } from '../../main/services/due-list';
import { tempDirs } from './temp-dir';

/** Helpers of the due-list tests: a fast-KDF vault, fictional cases, saved versions, meetings and actions. */

export const TODAY = '2026-03-15';
export const AT = '2026-01-10T09:00:00.000Z';

/** Makes a fresh vault per call; each is locked and its folder removed after the test. */
export function dueVaults(): (profile: 'NO' | 'DK') => Promise<Db> {
  const dirs = tempDirs('bro-due-');
  const sessions: VaultSession[] = [];
  afterEach(() => {
    sessions.splice(0).forEach((s) => s.lock());
    dirs.cleanup();
  });
  return async (profile) => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: { logN: 10, r: 8, p: 1 } });
    await session.create(profile, 'Fiktiv-hvelv-passord-2026');
    sessions.push(session);
    return session.current().db;
  };
}

export function addCase(
  db: Db,
  reference: string,
  extra: {
    status?: string;
    expectedRelease?: string;
    arrivalDate?: IsoDate;
    targetGroup?: TargetGroupReason;
    infoflyt?: Infoflyt;
  } = {},
): string {
  return insertCase(db, {
    reference,
    unit: 'Fiktivby fengsel',
    status: extra.status ?? 'fengsel',
    grading: 'BEGRENSET',
    expectedRelease: extra.expectedRelease ?? null,
    data: {
      name: 'Ola Testmann',
      ...(extra.arrivalDate ? { arrivalDate: extra.arrivalDate } : {}),
      ...(extra.targetGroup ? { targetGroup: { reason: extra.targetGroup, grounds: '' } } : {}),
      ...(extra.infoflyt ? { infoflyt: extra.infoflyt } : {}),
    },
    at: AT,
    searchText: reference,
  }).id;
}

/**
 * `count` cases with no documents, in one transaction: many cases quickly (a demo case takes far longer
 * to make). Each lists its release meeting: released within the next 60 days, none held.
 */
export function addBareCases(db: Db, count: number): void {
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const expectedRelease = addDays(TODAY, i % 60);
      addCase(db, `GRENSE-${String(i).padStart(5, '0')}`, { expectedRelease, arrivalDate: '2025-01-10' });
    }
  })();
}

export function save(
  db: Db,
  caseId: string,
  kind: DocumentKind,
  content: DocumentContent,
  options: { id?: string; status?: 'draft' | 'final'; at?: string } = {},
) {
  return saveVersion(db, {
    documentId: options.id,
    caseId,
    kind,
    content,
    grading: content.grading.level,
    status: options.status ?? 'final',
    author: 'user-test',
    at: options.at ?? AT,
    searchTitle: 'test',
  }).document;
}

/**
 * A future plan on the case (NO pkt 10): a case with a finalised plan or concern is otherwise asked for
 * one, so a test about other items gives its case one.
 */
/** A future plan offered to the person (NO pkt 10): it answers the case's future-plan item. */
export function holdsFuturePlan(db: Db, caseId: string): void {
  save(db, caseId, 'future_plan', {
    ...newDraft('future_plan', { profile: 'NO', grading: { level: 'BEGRENSET' } }),
    offeredOn: '2026-03-01',
  });
}

export const ACTION_ID = '5b0e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b';
export function action(deadline: IsoDate, status: MeetingAction['status'] = 'open', id = ACTION_ID): MeetingAction {
  return { id, description: 'Avklare skoleplass.', owner: 'Kari Fiktiv', deadline, status };
}

export function meeting(
  date: IsoDate | undefined,
  actions: MeetingAction[],
  next?: IsoDate,
  type: MeetingContent['meetingType'] = 'startup',
): MeetingContent {
  return {
    ...newMeetingDraft(type, { level: 'BEGRENSET' }),
    ...(date ? { date } : {}),
    actions,
    nextMeeting: { ...(next ? { date: next } : {}), place: '', notes: '' },
  };
}

export const brief = (items: DueListEntry[]) => items.map((i) => [i.kind, i.dueDate, i.status]);

/** Records that version `version` of a document went to `recipient` on `sentOn` (on paper), as the log has it. */
export function sent(db: Db, documentId: string, recipient: string, sentOn: IsoDate, version = 1): void {
  recordDistribution(db, {
    documentId,
    version,
    recipient,
    sentOn,
    format: 'paper',
    fileSha256: null,
    recordedAt: `${sentOn}T10:00:00.000Z`,
  });
}

/** NO pkt 6: a concern report's first version sent to police and PST with a copy to region and KDI. */
export const PKT6_RECIPIENTS = ['politi', 'pst', 'region', 'kdi'] as const;
