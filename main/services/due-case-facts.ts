import type { CaseScope } from '../db/repositories/case-filter';
import type { IsoDate } from '../../shared/domain';
import type { NoCourseDueFacts } from '../../shared/rules';
import type { Db } from '../db/connection';
import {
  documentAgencyProblems,
  documentCaseRows,
  documentCasesHolding,
  documentNoCourseRows,
  storedAgencyProblems,
  storedCaseRows,
  storedCasesHolding,
  storedNoCourseRows,
  type AgencyProblemRow,
  type CaseDueRow,
  type NoCourseRow,
} from '../db/repositories/due-case-facts-repo';
import type { LiveDocumentRow } from '../db/repositories/due-list-repo';
import { isDate, parseJsonArray } from './due-values';

/**
 * The facts of the NO case events (issue 13): a case's arrival and release, its NO courses (pkt 9,
 * 13.4, 13.7), whether it holds a visit routine or future plan (pkt 9, 10), and problems with other
 * agencies not yet reported to KDI (pkt 11). Read from the stored facts or from the documents; both
 * give the same values, which test/integration/due-facts.test.ts holds them to.
 */

export interface CaseDueFacts {
  caseId: string;
  caseReference: string;
  status: string;
  expectedRelease?: IsoDate;
  arrivalDate?: IsoDate;
  /** NO pkt 10: in the target group by the case's own record (terror-related or vulnerable), from this day. */
  targetGroupSince?: IsoDate;
}

export interface AgencyProblem {
  documentId: string;
  caseId: string;
  caseReference: string;
  notedOn: IsoDate;
}

export interface NoCourse {
  doc: LiveDocumentRow;
  facts: NoCourseDueFacts;
}

export interface CaseFactsSource {
  cases(db: Db, scope: CaseScope): CaseDueFacts[];
  noCourses(db: Db, scope: CaseScope): NoCourse[];
  casesHolding(db: Db, kind: 'visit_routine' | 'future_plan', scope: CaseScope): string[];
  agencyProblems(db: Db, scope: CaseScope): AgencyProblem[];
}

function caseFacts(row: CaseDueRow): CaseDueFacts {
  return {
    caseId: row.caseId,
    caseReference: row.caseReference,
    status: row.status,
    ...(isDate(row.expectedRelease) ? { expectedRelease: row.expectedRelease } : {}),
    ...(isDate(row.arrivalDate) ? { arrivalDate: row.arrivalDate } : {}),
    ...(isDate(row.targetGroupSince) ? { targetGroupSince: row.targetGroupSince } : {}),
  };
}

function noCourse(row: NoCourseRow): NoCourse {
  const { documentId, caseId, caseReference, version } = row;
  const facts: NoCourseDueFacts = {
    ...(typeof row.outcome === 'string' ? { outcome: row.outcome } : {}),
    ...(isDate(row.startDate) ? { startDate: row.startDate } : {}),
    ...(isDate(row.endDate) ? { endDate: row.endDate } : {}),
    cooperationMeetings: parseJsonArray(row.cooperation).filter(isDate),
    ...(isDate(row.municipalityContactedOn) ? { municipalityContactedOn: row.municipalityContactedOn } : {}),
  };
  return { doc: { documentId, caseId, caseReference, version }, facts };
}

function agencyProblems(rows: readonly AgencyProblemRow[]): AgencyProblem[] {
  return rows.flatMap((row) => (isDate(row.notedOn) ? [{ ...row, notedOn: row.notedOn }] : []));
}

export const storedCaseFacts: CaseFactsSource = {
  cases: (db, scope) => storedCaseRows(db, scope).map(caseFacts),
  noCourses: (db, scope) => storedNoCourseRows(db, scope).map(noCourse),
  casesHolding: storedCasesHolding,
  agencyProblems: (db, scope) => agencyProblems(storedAgencyProblems(db, scope)),
};

export const documentCaseFacts: CaseFactsSource = {
  cases: (db, scope) => documentCaseRows(db, scope).map(caseFacts),
  noCourses: (db, scope) => documentNoCourseRows(db, scope).map(noCourse),
  casesHolding: documentCasesHolding,
  agencyProblems: (db, scope) => agencyProblems(documentAgencyProblems(db, scope)),
};
