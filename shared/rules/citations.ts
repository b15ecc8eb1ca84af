import type { Citation, LocalPracticeCitation } from './finding';

/**
 * Every provision the rules cite, in one place: a change in the regulation is a change here.
 * NO = Kriminalomsorgen's guideline of 11.12.2018, DK = Kriminalforsorgen's mentor circular of 2024.
 * Bro's own figures and readings are `local` practice, with their reason (DOMAIN.md).
 */

function no(point: string): Citation {
  return { source: 'NO', point, text: `NO pkt ${point}` };
}

function dk(paragraph: number, stk?: number, nr?: number): Citation {
  let text = `DK § ${paragraph}`;
  if (stk !== undefined) text += `, stk. ${stk}`;
  if (nr !== undefined) text += `, nr. ${nr}`;
  const citation: Citation = { source: 'DK', paragraph, text };
  if (stk !== undefined) citation.stk = stk;
  if (nr !== undefined) citation.nr = nr;
  return citation;
}

function dkRange(from: number, to: number): Citation {
  return { source: 'DK', paragraph: from, toParagraph: to, text: `DK §§ ${from}-${to}` };
}

/** Bro's practice: `reasonKey` in the rules catalog says why; `reading` names the provision it reads. */
function local(id: string, reading?: string): LocalPracticeCitation {
  const localPractice =
    reading === undefined ? { reasonKey: `rules.local.${id}` } : { reasonKey: `rules.local.${id}`, reading };
  // `text` names no provision as if it were the source: "Bro" alone, or "Bro (NO pkt 12)" for a reading.
  return { source: 'local', id, text: reading === undefined ? 'Bro' : `Bro (${reading})`, localPractice };
}

export const CITATIONS = {
  /** Who the guideline covers ("innsatte i varetekt, domfelte i fengsel, domfelte som gjennomfører straff i samfunnet mv."). */
  no1: no('1'),
  /** The contact register: kept by the regional coordinator and sent to KDI on every change. */
  no2: no('2'),
  no4: no('4'),
  no5: no('5'),
  no6: no('6'),
  /** Infoflyt registration (requested from KDI) and grading under sikkerhetsloven/beskyttelsesinstruksen. */
  no7: no('7'),
  no8: no('8'),
  no9: no('9'),
  no10: no('10'),
  no11: no('11'),
  no12: no('12'),
  no13_1: no('13.1'),
  no13_2: no('13.2'),
  no13_3: no('13.3'),
  no13_4: no('13.4'),
  no13_5: no('13.5'),
  no13_6: no('13.6'),
  no13_7: no('13.7'),

  dk1_2: dk(1, 2),
  dk2to4: dkRange(2, 4),
  dk2_1: dk(2, 1),
  dk2_1_1: dk(2, 1, 1),
  dk2_1_2: dk(2, 1, 2),
  dk2_1_3: dk(2, 1, 3),
  dk2_2: dk(2, 2),
  dk3_1: dk(3, 1),
  dk3_2: dk(3, 2),
  dk4_1_2: dk(4, 1, 2),
  dk4_2: dk(4, 2),
  dk4_2_2: dk(4, 2, 2),
  dk5_1: dk(5, 1),
  dk5_1_1: dk(5, 1, 1),
  dk5_1_2: dk(5, 1, 2),
  dk5_1_3: dk(5, 1, 3),
  dk5_1_4: dk(5, 1, 4),
  dk5_2: dk(5, 2),
  dk5_3: dk(5, 3),
  dk6_1: dk(6, 1),
  dk6_2: dk(6, 2),
  dk7: dk(7),
  dk8_1: dk(8, 1),
  dk8_2: dk(8, 2),
  dk9_2: dk(9, 2),
  dk10: dk(10),
  dk11_1: dk(11, 1),
  dk12: dk(12),
  dk13_1: dk(13, 1),
  dk13_2: dk(13, 2),
  dk13_3: dk(13, 3),
  dk13_4: dk(13, 4),
  dk14_2: dk(14, 2),
  dk14_3: dk(14, 3),
  dk15: dk(15),
  dk16: dk(16),
  dk17_1_1: dk(17, 1, 1),
  dk17_1_2: dk(17, 1, 2),
  dk17_2: dk(17, 2),
  dk18: dk(18),
  dk19: dk(19),

  /** DOMAIN.md: the profile decides the kinds; the circular has none of NO pkt 4-12's documents. */
  localProfileKinds: local('profileKinds'),
  /** Bro's own rules on gradings (DOMAIN.md "Grading"): neither text says how an export is graded. */
  localGrading: local('grading'),
  /** NO pkt 7 in a NO vault; a DK vault has no text on gradings, so the scale is Bro's practice there. */
  localGradingScaleDk: local('gradingScaleDk'),
  /** "Når det nærmer seg løslatelse" (NO pkt 12) gives no figure; Bro asks 30 days ahead. */
  localReleaseLead: local('releaseMeetingLead', 'NO pkt 12'),
  /** Pkt 8 asks for the information to be passed on, with no deadline: Bro asks for the package the day before. */
  localHandoverPackageLead: local('handoverPackageLead', 'NO pkt 8'),
  /** Security measures are named in NO pkt 5 and 8, not pkt 11; the plan keeps a section for them. */
  localPlanSecuritySection: local('planSecuritySection', 'NO pkt 5, NO pkt 8'),
  /** The § 2, stk. 2 exception is written into § 2; Bro does not stretch it to §§ 3-4 courses. */
  localLsRnrExceptionBasis: local('lsRnrExceptionBasis', 'DK § 2, stk. 2'),
  /** A course without a start date has no periods to count; Bro flags it so the duties are not lost. */
  localCourseStart: local('courseStartDate', 'DK § 13, stk. 3, DK § 17, stk. 1'),
  /** Neither text asks for an acknowledgement; Bro records the day the mentor acknowledged the duty to notify. */
  localNotifyDutyNo: local('notifyDutyAcknowledged', 'NO pkt 13.5'),
  localNotifyDutyDk: local('notifyDutyAcknowledged', 'DK § 8, stk. 2'),
  /** DK § 8, stk. 1 states the confidentiality duty; Bro records the day the mentor acknowledged it. */
  localConfidentialityDutyDk: local('confidentialityDutyAcknowledged', 'DK § 8, stk. 1'),
  /** "en halvtidsstilling" (DK § 15) gives no hours; Bro's default is half of a 37-hour week, 18.5, set per vault. */
  localHalfTimeHours: local('halfTimeHours', 'DK § 15'),
  /** NO 13.4 gives no frequency for KDI-unit cooperation meetings; Bro asks for one every third month. */
  localCooperationInterval: local('cooperationMeetingInterval', 'NO pkt 13.4'),
  /** NO 13.7 ties the municipality contact to planning the release, with no figure; Bro asks 30 days before it. */
  localMunicipalityLead: local('municipalityContactLead', 'NO pkt 13.7'),
  /** § 17, stk. 2 names "en særlig skabelon" without its contents; Bro's template holds the elements §§ 13, 17 name. */
  localStatusReportTemplate: local('statusReportTemplate', 'DK § 17, stk. 2'),
  /** § 18 binds the area to appoint mentortovholdere, not a course to name one; Bro asks each course for one. */
  localMentortovholder: local('mentortovholder', 'DK § 18'),
} as const satisfies Record<string, Citation>;

export type CitationId = keyof typeof CITATIONS;
