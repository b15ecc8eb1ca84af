import type { Grading, GradingLevel, Profile } from '../../shared/domain';
import { highestGrading, isGradingOfProfile } from '../../shared/domain';
import { appendAudit, type AuditAction } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { insertCase } from '../db/repositories/cases-repo';
import { recordDistribution } from '../db/repositories/distributions-repo';
import { getDocument, saveVersion } from '../db/repositories/documents-repo';
import type { DemoCase, DemoDocument } from './demo-case';
import type { DemoMentor } from './demo-mentors';

/** What a demo run wrote. */
export interface DemoCounts {
  cases: number;
  documents: number;
  versions: number;
  distributions: number;
  mentors: number;
}

export function emptyCounts(): DemoCounts {
  return { cases: 0, documents: 0, versions: 0, distributions: 0, mentors: 0 };
}

function audit(db: Db, actor: string, at: string, action: AuditAction, objectType: string, objectId: string): void {
  appendAudit(db, { at, actor, action, objectType, objectId });
}

/** A minute before `at`: the draft a final version was finalised from. */
function justBefore(at: string): string {
  return new Date(Date.parse(at) - 60_000).toISOString();
}

/**
 * Writes one document as the app would have: every final version is the finalisation of a draft
 * with the same content (documents.finalise), so stored version numbers differ from the demo's;
 * the distribution log refers to the stored numbers. `compact` leaves those drafts out, for large
 * benchmark vaults.
 */
function writeDocument(
  db: Db,
  actor: string,
  kase: { id: string; reference: string },
  doc: DemoDocument,
  counts: DemoCounts,
  compact: boolean,
): void {
  const caseId = kase.id;
  const reference = kase.reference;
  const stored: number[] = [];
  const save = (content: DemoDocument['versions'][number]['content'], status: 'draft' | 'final', at: string) => {
    const { version } = saveVersion(db, {
      documentId: doc.id,
      caseId,
      kind: doc.kind,
      content,
      grading: content.grading.level,
      status,
      author: actor,
      at,
      searchTitle: reference,
    });
    counts.versions += 1;
    audit(
      db,
      actor,
      at,
      version.version === 1 ? 'create' : status === 'final' ? 'finalise' : 'update',
      'document',
      doc.id,
    );
    return version.version;
  };
  let previous: { content: unknown; status: string } | null = null;
  for (const v of doc.versions) {
    const finalisesDraft = previous?.status === 'draft' && previous.content === v.content;
    if (v.status === 'final' && !finalisesDraft && !compact) save(v.content, 'draft', justBefore(v.at));
    stored.push(save(v.content, v.status, v.at));
    previous = v;
  }
  for (const d of doc.distributions) {
    const version = stored[d.version - 1];
    if (version === undefined) throw new RangeError('a demo distribution names a version the document does not have');
    recordDistribution(db, {
      documentId: doc.id,
      version,
      recipient: d.recipient,
      sentOn: d.sentOn,
      format: d.format,
      fileSha256: null,
      recordedAt: `${d.sentOn}T15:00:00.000Z`,
    });
    audit(db, actor, `${d.sentOn}T15:00:00.000Z`, 'distribute', 'document', doc.id);
    counts.distributions += 1;
  }
  counts.documents += 1;
}

/** The case's effective grading, as the case service keeps it: its own or its documents' highest. */
function effectiveGrading(profile: Profile, own: Grading, kase: DemoCase): GradingLevel {
  const current = kase.documents.flatMap((d) => d.versions.slice(-1).map((v) => v.content.grading.level));
  return highestGrading(profile, [own.level, ...current.filter((level) => isGradingOfProfile(profile, level))]);
}

export function writeCase(
  db: Db,
  profile: Profile,
  actor: string,
  kase: DemoCase,
  counts: DemoCounts,
  compact = false,
): void {
  const { record } = kase;
  insertCase(db, {
    id: kase.id,
    reference: record.caseReference,
    unit: record.unit,
    status: record.status,
    grading: effectiveGrading(profile, record.grading, kase),
    expectedRelease: record.expectedReleaseDate ?? null,
    data: { ...record, gradingChanges: [] },
    at: kase.at,
    searchText: [record.name, record.caseReference, record.unit].join('\n'),
  });
  audit(db, actor, kase.at, 'create', 'case', kase.id);
  counts.cases += 1;
  for (const doc of kase.documents)
    writeDocument(db, actor, { id: kase.id, reference: record.caseReference }, doc, counts, compact);
}

/** Mentors are vault records: documents of kind 'mentor' without a case (see shared/ipc/records.ts). */
export function writeMentors(
  db: Db,
  profile: Profile,
  actor: string,
  mentors: readonly DemoMentor[],
  at: string,
  counts: DemoCounts,
): void {
  const grading: Grading = { level: profile === 'DK' ? 'TIL TJENESTEBRUG' : 'BEGRENSET' };
  for (const mentor of mentors) {
    if (getDocument(db, mentor.id)) continue;
    saveVersion(db, {
      documentId: mentor.id,
      caseId: null,
      kind: 'mentor',
      content: { ...mentor.record, grading },
      grading: grading.level,
      status: 'final',
      author: actor,
      at,
      searchTitle: mentor.record.name,
    });
    audit(db, actor, at, 'create', 'mentor', mentor.id);
    counts.mentors += 1;
  }
}
