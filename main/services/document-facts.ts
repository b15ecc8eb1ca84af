import type { Id, KindedContent, Mentor, MentorCourseContent } from '../../shared/domain';
import {
  DistributionRecipientSchema,
  localDayOf,
  MentorCourseContentSchema,
  type DistributionEntry,
} from '../../shared/domain';
import { MentorRecordContentSchema } from '../../shared/ipc/records';
import { DistributionFormatSchema } from '../../shared/ipc/distribution';
import {
  checkPlanDistribution,
  courseLoad,
  findingsForContent,
  type CourseLoad,
  type Finding,
} from '../../shared/rules';
import { getCase } from '../db/repositories/cases-repo';
import { listDistributions } from '../db/repositories/distributions-repo';
import { getDocument, getVersion, listDocuments, listVersions } from '../db/repositories/documents-repo';
import type { Db } from '../db/connection';
import { isAppError } from '../ipc/app-error';
import { storedContent } from './document-records';
import type { Ctx } from './service-context';
import { workloadLimitHours } from './workload-setting';

/**
 * The facts the rules need beyond a document's own content, gathered from the vault: a mentor
 * course's mentor records and the mentors' other courses (DK § 15), a follow-up plan's distribution
 * log (NO pkt 11). Conversation records are never read here (NO pkt 13.10).
 */

/**
 * A version read for another document's rules: one changed outside Bro is left out here (it is refused,
 * by name, where it is opened itself), so it does not make every other document's check fail in its name.
 */
function intactVersion(db: Db, id: Id, version: number) {
  try {
    return getVersion(db, id, version);
  } catch (error) {
    if (isAppError(error) && error.messageKey === 'error.version_altered') return null;
    throw error;
  }
}

/** The live mentor records with these ids; unknown (or altered) ids are left out (the rules flag them). */
export function mentorsByIds(db: Db, ids: readonly Id[]): Mentor[] {
  return [...new Set(ids)].flatMap((id) => {
    const doc = getDocument(db, id);
    if (!doc || doc.deletedAt || doc.kind !== 'mentor') return [];
    const version = intactVersion(db, id, doc.currentVersion);
    if (!version) return [];
    const { grading: _grading, ...mentor } = storedContent(MentorRecordContentSchema, version.content);
    return [{ ...mentor, id }];
  });
}

/** Every live mentor course with its current content (one altered outside Bro left out, see intactVersion). */
export function liveMentorCourses(db: Db): { id: Id; content: MentorCourseContent }[] {
  return listDocuments(db, { kind: 'mentor_course' }).flatMap((doc) => {
    const version = intactVersion(db, doc.id, doc.currentVersion);
    return version ? [{ id: doc.id, content: storedContent(MentorCourseContentSchema, version.content) }] : [];
  });
}

/** DK § 15: the load of every live DK course, to sum a mentor's hours over all of them. */
export function dkCourseLoads(db: Db): CourseLoad[] {
  return liveMentorCourses(db).flatMap(({ id, content }) =>
    content.variant === 'DK' ? [courseLoad(id, content)] : [],
  );
}

/** NO pkt 11: whether region and KDI have the newest finalised version of a follow-up plan. */
export function planDistributionFindings(db: Db, documentId: Id, today: string): Finding[] {
  const finals = listVersions(db, documentId).filter((v) => v.status === 'final');
  const latest = finals[finals.length - 1];
  if (!latest) return [];
  const log: DistributionEntry[] = listDistributions(db, documentId).flatMap((entry) => {
    const recipient = DistributionRecipientSchema.safeParse(entry.recipient);
    const via = DistributionFormatSchema.safeParse(entry.format);
    if (!recipient.success) return [];
    return [
      {
        version: entry.version,
        recipient: recipient.data,
        sentOn: entry.sentOn,
        ...(via.success ? { via: via.data } : {}),
      },
    ];
  });
  return checkPlanDistribution(
    { finalisedVersion: latest.version, finalisedOn: localDayOf(latest.createdAt), log },
    today,
  );
}

/**
 * What the course rules read from the document's case: its expected release (DK § 3, preferred to the
 * course's copy) and its unit (DK § 5, stk. 2, for a course that names none).
 */
function caseFacts(db: Db, documentId: Id): { caseExpectedReleaseDate?: string; caseUnit?: string } {
  const caseId = getDocument(db, documentId)?.caseId;
  const kase = caseId ? getCase(db, caseId) : null;
  return {
    ...(kase?.expectedRelease ? { caseExpectedReleaseDate: kase.expectedRelease } : {}),
    ...(kase?.unit ? { caseUnit: kase.unit } : {}),
  };
}

/** Every rule finding for one version of a document, with the facts its kind needs. */
export function ruleFindings(ctx: Ctx, documentId: Id, data: KindedContent): Finding[] {
  const { profile, today, db } = ctx;
  const findings = findingsForContent(data, {
    profile,
    today,
    mentorCourse: (content) => ({
      mentors: mentorsByIds(
        db,
        content.mentors.map((m) => m.mentorId),
      ),
      otherCourses: dkCourseLoads(db).filter((course) => course.courseId !== documentId),
      courseId: documentId,
      // DK § 15: the vault's own limit (a setting), not the default.
      workloadLimitHours: workloadLimitHours(db),
      ...caseFacts(db, documentId),
    }),
  });
  // NO pkt 11: the plan's copies to the region and KDI, from the distribution log.
  return data.kind === 'follow_up_plan' ? [...findings, ...planDistributionFindings(db, documentId, today)] : findings;
}
