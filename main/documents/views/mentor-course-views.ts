import type { DkMentorCourseContent, NoMentorCourseContent } from '../../../shared/domain';
import { statusReportElements } from '../../../shared/templates/dk-status-report';
import { EMPTY, type ViewBuilder } from './view-builder';

/**
 * Mentor courses (NO pkt 13, DK mentorordning). Only the course itself: conversation records are kept
 * in the mentor scheme's compartment and are never part of an export (NO pkt 13.5, 13.10).
 */

type MentorNames = Readonly<Record<string, string>>;

const mentorName = (b: ViewBuilder, names: MentorNames, id: string) => names[id] ?? b.t('export.view.unknownMentor');

export function noMentorCourseBlocks(b: ViewBuilder, c: NoMentorCourseContent, names: MentorNames): void {
  b.keyValues([
    [b.t('domain.mentorCourse.kdiDecision.outcome'), b.enumLabel('kdiOutcome', c.kdiDecision.outcome)],
    [b.t('domain.mentorCourse.kdiDecision.decidedOn'), b.date(c.kdiDecision.decidedOn)],
    [b.t('domain.mentorCourse.kdiDecision.basis'), b.enumLabel('kdiBasis', c.kdiDecision.basis)],
    [b.t('domain.mentorCourse.kdiDecision.basisDetail'), b.text(c.kdiDecision.basisDetail)],
    [b.t('domain.mentorCourse.notInTargetGroupFeedback.sentOn'), b.date(c.notInTargetGroupFeedback.sentOn)],
    [b.t('domain.mentorCourse.notInTargetGroupFeedback.text'), b.text(c.notInTargetGroupFeedback.text)],
    // NO pkt 13.1 and 13.3: the person informed and encouraged; other measures when no course is offered.
    [b.t('regulatory.noCourse.personInformedOn'), b.date(c.personInformed?.informedOn)],
    [b.t('regulatory.noCourse.personInformedNotes'), b.text(c.personInformed?.notes)],
    [b.t('regulatory.noCourse.otherMeasuresOn'), b.date(c.otherMeasures?.consideredOn)],
    [b.t('regulatory.noCourse.otherMeasures'), b.text(c.otherMeasures?.measures)],
    [b.t('domain.mentorCourse.personConsents'), b.yesNo(c.personConsents)],
    [b.t('domain.mentorCourse.startDate'), b.date(c.startDate)],
  ]);
  b.heading(b.t('domain.mentorCourse.preliminaryTalks'));
  b.table(
    [
      [b.t('export.view.date'), 2],
      [b.t('export.view.talkWith'), 2],
      [b.t('export.view.notes'), 6],
    ],
    c.preliminaryTalks.map((talk) => [
      b.date(talk.date),
      b.enumLabel('preliminaryTalkWith', talk.with),
      b.text(talk.notes),
    ]),
  );
  b.heading(b.t('export.view.coursePlan'));
  b.keyValues([
    [b.t('domain.mentorCourse.plan.meetingPlace'), b.text(c.plan.meetingPlace)],
    [b.t('domain.mentorCourse.plan.frequency'), b.text(c.plan.frequency)],
  ]);
  b.section('focusAreas', 'domain.mentorCourse.plan.focusAreas', c.plan.focusAreas, 2);
  b.heading(b.t('domain.mentorCourse.mentors'));
  // NO pkt 13.2 and 13.5: each mentor's suitability assessment, and that the person was told the mentor
  // is not their representative.
  b.table(
    [
      [b.t('domain.mentor.name'), 3],
      [b.t('domain.mentorCourse.contractSignedOn'), 2],
      [b.t('regulatory.noCourse.suitabilityOn'), 2],
      [b.t('regulatory.noCourse.suitable'), 1],
      [b.t('regulatory.noCourse.notProxyToldOn'), 2],
    ],
    c.mentors.map((m) => [
      mentorName(b, names, m.mentorId),
      b.date(m.contractSignedOn),
      b.date(m.suitabilityAssessment?.assessedOn),
      b.yesNo(m.suitabilityAssessment?.suitable),
      b.date(m.notProxyToldOn),
    ]),
  );
  for (const m of c.mentors.filter((mentor) => mentor.suitabilityAssessment?.notes.trim()))
    b.keyValues([
      [
        `${b.t('regulatory.noCourse.suitabilityNotes')} (${mentorName(b, names, m.mentorId)})`,
        b.text(m.suitabilityAssessment?.notes),
      ],
    ]);
  b.heading(b.t('domain.mentorCourse.cooperationMeetings'));
  b.table(
    [
      [b.t('export.view.date'), 2],
      [b.t('export.view.notes'), 8],
    ],
    c.cooperationMeetings.map((m) => [b.date(m.date), b.text(m.notes)]),
  );
  if (c.objections?.length) {
    b.heading(b.t('regulatory.noCourse.objections'));
    b.table(
      [
        [b.t('regulatory.noCourse.raisedOn'), 2],
        [b.t('regulatory.noCourse.raisedBy'), 2],
        [b.t('regulatory.noCourse.objectionText'), 4],
        [b.t('regulatory.noCourse.reportedToKdiOn'), 2],
      ],
      c.objections.map((o) => [
        b.date(o.raisedOn),
        b.t(`regulatory.noCourse.raisedBy.${o.by}`),
        b.text(o.text),
        b.date(o.reportedToKdiOn),
      ]),
    );
  }
  b.heading(b.t('export.view.courseEnd'));
  b.keyValues([
    [b.t('domain.mentorCourse.end.endDate'), b.date(c.end.endDate)],
    [b.t('domain.mentorCourse.end.endedBy'), b.enumLabel('endedBy', c.end.endedBy)],
    [b.t('domain.mentorCourse.end.kdiWrittenConfirmationOn'), b.date(c.end.kdiWrittenConfirmationOn)],
    [b.t('export.view.notes'), b.text(c.end.notes)],
  ]);
  b.heading(b.t('export.view.municipalityHandover'));
  b.keyValues([
    [b.t('domain.mentorCourse.municipalityHandover.municipality'), b.text(c.municipalityHandover.municipality)],
    [b.t('domain.mentorCourse.municipalityHandover.contactedOn'), b.date(c.municipalityHandover.contactedOn)],
    [
      b.t('domain.mentorCourse.municipalityHandover.responsibilityTransferredTo'),
      b.text(c.municipalityHandover.responsibilityTransferredTo),
    ],
    [b.t('export.view.notes'), b.text(c.municipalityHandover.notes)],
  ]);
}

function dkConditions(b: ViewBuilder, c: DkMentorCourseContent): void {
  b.heading(b.t('export.view.conditions'));
  b.keyValues([
    [b.t('domain.mentorCourse.basis'), b.enumLabel('dkBasis', c.basis)],
    [b.t('domain.mentorCourse.underSupervision'), b.yesNo(c.underSupervision)],
    [b.t('domain.mentorCourse.lsRnrLevel'), b.enumLabel('lsRnrLevel', c.lsRnrLevel)],
    [b.t('domain.mentorCourse.lsRnrExceptionJustification'), b.text(c.lsRnrExceptionJustification)],
    [b.t('domain.mentorCourse.specialNeed'), b.yesNo(c.specialNeed)],
    [b.t('domain.mentorCourse.specialNeedDescription'), b.text(c.specialNeedDescription)],
    [b.t('domain.mentorCourse.motivated'), b.yesNo(c.motivated)],
    [b.t('domain.mentorCourse.inmate.partOfReleasePreparation'), b.yesNo(c.inmate.partOfReleasePreparation)],
    [b.t('domain.mentorCourse.inmate.expectedReleaseDate'), b.date(c.inmate.expectedReleaseDate)],
    [b.t('domain.mentorCourse.inmate.continuesAfterRelease'), b.yesNo(c.inmate.continuesAfterRelease)],
    [b.t('domain.mentorCourse.inmate.noContinuationJustification'), b.text(c.inmate.noContinuationJustification)],
    [b.t('domain.mentorCourse.voluntarySupervision'), b.yesNo(c.voluntarySupervision)],
    [b.t('domain.mentorCourse.hadMentorDuringSupervision'), b.yesNo(c.hadMentorDuringSupervision)],
    [b.t('domain.mentorCourse.decidingArea'), b.text(c.decidingArea)],
    [b.t('regulatory.dkCourse.assessingArea'), b.text(c.assessingArea)],
    [b.t('domain.mentorCourse.supervisionArea'), b.text(c.supervisionArea)],
    [b.t('regulatory.dkCourse.supervisionAreaContactedOn'), b.date(c.supervisionAreaContactedOn)],
    [b.t('domain.mentorCourse.personUnit'), b.text(c.personUnit)],
    [b.t('domain.mentorCourse.afterReleaseUnit'), b.text(c.afterReleaseUnit ?? '')],
    [b.t('domain.mentorCourse.mentorProposal.opportunityGiven'), b.yesNo(c.mentorProposal.opportunityGiven)],
    [b.t('domain.mentorCourse.mentorProposal.proposal'), b.text(c.mentorProposal.proposal)],
  ]);
}

export function dkMentorCourseBlocks(b: ViewBuilder, c: DkMentorCourseContent, names: MentorNames): void {
  dkConditions(b, c);
  b.heading(b.t('export.view.coursePlan'));
  // § 1, stk. 2: the goals in the action plan the mentor supports the person to reach.
  b.section('actionPlan.goals', 'regulatory.dkCourse.goals', c.actionPlan.goals ?? '', 2);
  b.section('actionPlan.mentorNeed', 'domain.mentorCourse.actionPlan.mentorNeed', c.actionPlan.mentorNeed, 2);
  b.section(
    'actionPlan.divisionOfWork',
    'domain.mentorCourse.actionPlan.divisionOfWork',
    c.actionPlan.divisionOfWork,
    2,
  );
  b.keyValues([
    [b.t('domain.mentorCourse.startMeeting.date'), b.date(c.startMeeting.date)],
    [b.t('domain.mentorCourse.startMeeting.notes'), b.text(c.startMeeting.notes)],
    [b.t('domain.mentorCourse.responsiblePerson'), b.text(c.responsiblePerson)],
    [b.t('regulatory.dkCourse.mentortovholderName'), b.text(c.mentortovholder?.name)],
    [b.t('regulatory.dkCourse.mentortovholderUnit'), b.text(c.mentortovholder?.unit)],
    [b.t('domain.mentorCourse.startDate'), b.date(c.startDate)],
  ]);
  b.heading(b.t('domain.mentorCourse.mentors'));
  b.table(
    [
      [b.t('domain.mentor.name'), 4],
      [b.t('domain.mentorCourse.appointedOn'), 2],
      [b.t('domain.mentorCourse.agreedWeeklyHours'), 2],
      [b.t('domain.mentorCourse.relationDescription'), 3],
    ],
    c.mentors.map((m) => [
      mentorName(b, names, m.mentorId),
      b.date(m.appointedOn),
      b.number(m.agreedWeeklyHours, 'quantity'),
      b.text(m.relationDescription),
    ]),
  );
  // DK § 5: a close relation to the person, and why a mentor from the person's own unit was chosen.
  b.keyValues(
    c.mentors.flatMap((m) => {
      const who = mentorName(b, names, m.mentorId);
      return [
        [`${b.t('domain.mentorCourse.closeRelation')} (${who})`, b.yesNo(m.closeRelation)] as const,
        ...(m.ownUnitExceptionJustification.trim()
          ? [
              [
                `${b.t('domain.mentorCourse.ownUnitExceptionJustification')} (${who})`,
                b.text(m.ownUnitExceptionJustification),
              ] as const,
            ]
          : []),
      ];
    }),
  );
  dkFees(b, c, names);
  b.heading(b.t('domain.mentorCourse.meetingsHeld'));
  b.bullets(c.meetingsHeld.map((date) => b.date(date)));
  b.heading(b.t('domain.mentorCourse.mentorReports'));
  b.table(
    [
      [b.t('export.view.date'), 2],
      [b.t('export.view.reportPeriod'), 3],
      [b.t('export.view.reportForm'), 2],
      [b.t('domain.mentor.name'), 3],
    ],
    c.mentorReports.map((r) => [
      b.date(r.receivedOn),
      b.enumLabel('reportPeriod', r.period),
      b.enumLabel('reportForm', r.form),
      r.mentorId ? mentorName(b, names, r.mentorId) : EMPTY,
    ]),
  );
  dkStatusReportTexts(b, c);
  b.heading(b.t('domain.mentorCourse.subsidies'));
  b.table(
    [
      [b.t('export.view.subsidyPurpose'), 3],
      [b.t('export.view.subsidyAmount'), 2],
      [b.t('export.view.notes'), 5],
    ],
    c.subsidies.map((s) => [b.enumLabel('subsidyPurpose', s.purpose), b.number(s.amount, 'amount'), b.text(s.note)]),
  );
  b.heading(b.t('export.view.courseEnd'));
  b.keyValues([
    [b.t('domain.mentorCourse.endDate'), b.date(c.endDate)],
    [b.t('domain.mentorCourse.endReason'), b.enumLabel('dkEndReason', c.endReason)],
  ]);
}

/** DK § 14: each mentor's fee, the day it was set and its basis (the assessment of the task's scope). */
function dkFees(b: ViewBuilder, c: DkMentorCourseContent, names: MentorNames): void {
  const withFee = c.mentors.filter((m) => m.fee && (m.fee.amount !== undefined || m.fee.basis.trim() || m.fee.setOn));
  if (withFee.length === 0) return;
  b.heading(b.t('regulatory.dkCourse.feeHeading'));
  b.table(
    [
      [b.t('domain.mentor.name'), 3],
      [b.t('regulatory.dkCourse.feeAmount'), 2],
      [b.t('regulatory.dkCourse.feeSetOn'), 2],
      [b.t('regulatory.dkCourse.feeBasis'), 5],
    ],
    withFee.map((m) => [
      mentorName(b, names, m.mentorId),
      b.number(m.fee?.amount, 'amount'),
      b.date(m.fee?.setOn),
      b.text(m.fee?.basis),
    ]),
  );
}

/** DK § 17, stk. 2: each written status report's template elements, under the report's number. */
function dkStatusReportTexts(b: ViewBuilder, c: DkMentorCourseContent): void {
  c.mentorReports.forEach((report, index) => {
    const elements = statusReportElements(report);
    if (!elements.some((e) => (report[e.field] ?? '').trim() !== '')) return;
    b.heading(b.t('editors.dk.reportRow', { n: index + 1 }), 2);
    b.keyValues(elements.map((e) => [b.t(e.headingKey), b.text(report[e.field])] as const));
  });
}
