import type { FollowUpPlanContent, MeetingContent, VisitRoutineContent } from '../../../shared/domain';
import { FOLLOW_UP_PLAN_SECTIONS } from '../../../shared/domain';
import { CITATIONS } from '../../../shared/rules/citations';
import type { ViewBuilder } from './view-builder';
import { orderedFields, type ViewTemplate } from './view-source';

/** The follow-up plan (NO pkt 11), in the template's section order and with its headings. */
export function followUpPlanBlocks(b: ViewBuilder, c: FollowUpPlanContent, template: ViewTemplate | undefined): void {
  if (c.preparedWithoutPersonParticipation === true) {
    b.notice(`${b.t('domain.followUpPlan.preparedWithoutPersonParticipation')} (${CITATIONS.no11.text})`);
  }
  for (const field of orderedFields(FOLLOW_UP_PLAN_SECTIONS, template)) {
    b.heading(b.headingFor(field, `domain.followUpPlan.${field}`));
    // Pkt 11 does not name security measures: the paper says where they come from and that the section is Bro's.
    if (field === 'securityMeasures') b.paragraph(b.t('export.view.securityMeasuresSource'));
    b.paragraph(c[field]);
  }
  b.keyValues([
    [b.headingFor('responsibleUnitHead', 'domain.followUpPlan.responsibleUnitHead'), b.text(c.responsibleUnitHead)],
    [b.headingFor('coordinatingContact', 'domain.followUpPlan.coordinatingContact'), b.text(c.coordinatingContact)],
  ]);
  // NO pkt 11: who took part in preparing the plan, and problems with other agencies (for KDI).
  if (c.involved?.length) {
    b.heading(b.t('regulatory.plan.involved'));
    b.table(
      [
        [b.t('regulatory.plan.involvedName'), 5],
        [b.t('regulatory.plan.involvedRole'), 5],
      ],
      c.involved.map((person) => [b.text(person.name), b.text(person.role)]),
    );
  }
  if (c.agencyProblems?.length) {
    b.heading(b.t('regulatory.plan.agencyProblems'));
    b.table(
      [
        [b.t('regulatory.plan.agencyNotedOn'), 2],
        [b.t('regulatory.plan.agency'), 2],
        [b.t('regulatory.plan.agencyDescription'), 4],
        [b.t('regulatory.plan.agencyReportedOn'), 2],
      ],
      c.agencyProblems.map((p) => [
        b.date(p.notedOn),
        b.text(p.agency),
        b.text(p.description),
        b.date(p.reportedToKdiOn),
      ]),
    );
  }
  const assessment = c.completionAssessment;
  b.heading(b.t('domain.followUpPlan.completionAssessment'));
  b.keyValues([
    [b.t('domain.followUpPlan.personalDataAssessed'), b.yesNo(assessment.personalDataAssessed)],
    [b.t('domain.followUpPlan.gradingAssessed'), b.yesNo(assessment.gradingAssessed)],
    [b.t('domain.followUpPlan.assessedOn'), b.date(assessment.assessedOn)],
    [b.t('domain.followUpPlan.notes'), b.text(assessment.notes)],
  ]);
}

const MEETING_TEXT_FIELDS = ['agenda', 'informationShared', 'decisions'] as const;

/** Minutes of a coordination meeting (NO pkt 12): who took part for which agency, what was decided. */
export function meetingBlocks(b: ViewBuilder, c: MeetingContent, template: ViewTemplate | undefined): void {
  b.keyValues([
    [b.t('domain.meeting.meetingType'), b.enumLabel('meetingType', c.meetingType)],
    [b.t('domain.meeting.date'), b.date(c.date)],
    [b.t('domain.meeting.place'), b.text(c.place)],
    ...(c.meetingType === 'release' ? [[b.t('domain.meeting.releaseDate'), b.date(c.releaseDate)] as const] : []),
  ]);
  b.heading(b.t('domain.meeting.participants'));
  b.table(
    [
      [b.t('domain.meeting.participant.name'), 3],
      [b.t('domain.meeting.participant.agency'), 3],
      [b.t('domain.meeting.participant.role'), 3],
    ],
    c.participants.map((p) => [
      b.text(p.name),
      p.unitKind
        ? `${b.enumLabel('agency', p.agency)} (${b.enumLabel('unitKind', p.unitKind)})`
        : b.enumLabel('agency', p.agency),
      b.text(p.role),
    ]),
  );
  for (const field of orderedFields(MEETING_TEXT_FIELDS, template))
    b.section(field, `domain.meeting.${field}`, c[field]);
  b.heading(b.t('domain.meeting.actions'));
  b.table(
    [
      [b.t('domain.meeting.action.description'), 5],
      [b.t('domain.meeting.action.owner'), 3],
      [b.t('domain.meeting.action.deadline'), 2],
      [b.t('domain.meeting.action.status'), 2],
    ],
    c.actions.map((a) => [
      b.text(a.description),
      a.ownerAgency ? `${b.text(a.owner)} (${b.enumLabel('agency', a.ownerAgency)})` : b.text(a.owner),
      b.date(a.deadline),
      b.enumLabel('actionStatus', a.status),
    ]),
  );
  b.heading(b.t('domain.meeting.nextMeeting'));
  b.keyValues([
    [b.t('domain.meeting.nextMeeting.date'), b.date(c.nextMeeting.date)],
    [b.t('domain.meeting.nextMeeting.place'), b.text(c.nextMeeting.place)],
    [b.t('domain.meeting.nextMeeting.notes'), b.text(c.nextMeeting.notes)],
  ]);
}

const ROUTINE_TEXT_FIELDS = [
  'visitFrequency',
  'visitBooking',
  'visitConduct',
  'visitRoom',
  'itemsMentorMayBring',
  'otherMatters',
] as const;

/** The routine for mentor visits (NO pkt 9), printed for the staff who need it. */
export function visitRoutineBlocks(b: ViewBuilder, c: VisitRoutineContent, template: ViewTemplate | undefined): void {
  b.keyValues([
    [b.headingFor('mentorName', 'domain.visitRoutine.mentorName'), b.text(c.mentorName)],
    [b.headingFor('mentorContact', 'domain.visitRoutine.mentorContact'), b.text(c.mentorContact)],
  ]);
  for (const field of orderedFields(ROUTINE_TEXT_FIELDS, template))
    b.section(field, `domain.visitRoutine.${field}`, c[field]);
  const contact = c.contactPerson;
  b.heading(b.t('domain.visitRoutine.contactPerson'));
  b.keyValues([
    [b.t('domain.visitRoutine.contactPerson.isLocalContact'), b.yesNo(contact.isLocalContact)],
    [b.t('domain.visitRoutine.contactPerson.name'), b.text(contact.name)],
    [b.t('domain.visitRoutine.contactPerson.otherArrangement'), b.text(contact.otherArrangement)],
  ]);
}
