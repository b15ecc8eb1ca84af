import type { Citation } from './finding';

/**
 * Every provision the rules cite, in one place: a change in the regulation is a change here.
 * NO = Kriminalomsorgen's guideline of 11.12.2018, DK = Kriminalforsorgen's mentor circular of 2024.
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

export const CITATIONS = {
  /** The contact register: kept by the regional coordinator and sent to KDI on every change. */
  no2: no('2'),
  no4: no('4'),
  no5: no('5'),
  no6: no('6'),
  /** Grading follows sikkerhetsloven and beskyttelsesinstruksen; the authoring unit decides. */
  no7: no('7'),
  no9: no('9'),
  no10: no('10'),
  no11: no('11'),
  no12: no('12'),
  no13_2: no('13.2'),
  no13_3: no('13.3'),
  no13_4: no('13.4'),
  no13_5: no('13.5'),
  no13_6: no('13.6'),
  no13_7: no('13.7'),

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
  dk5_1_1: dk(5, 1, 1),
  dk5_1_2: dk(5, 1, 2),
  dk5_1_3: dk(5, 1, 3),
  dk5_1_4: dk(5, 1, 4),
  dk5_2: dk(5, 2),
  dk5_3: dk(5, 3),
  dk6_1: dk(6, 1),
  dk6_2: dk(6, 2),
  dk7: dk(7),
  dk9_2: dk(9, 2),
  dk11_1: dk(11, 1),
  dk12: dk(12),
  dk13_1: dk(13, 1),
  dk13_2: dk(13, 2),
  dk13_3: dk(13, 3),
  dk14_3: dk(14, 3),
  dk15: dk(15),
  dk16: dk(16),
  dk17_1_1: dk(17, 1, 1),
  dk17_1_2: dk(17, 1, 2),
  dk19: dk(19),

  /** Bro's own rule (DOMAIN.md "Grading"): an export is graded at least as high as its contents. */
  policyGrading: {
    source: 'policy',
    id: 'grading',
    labelKey: 'rules.citation.policyGrading',
    text: 'Bro: grading',
  },
} as const satisfies Record<string, Citation>;

export type CitationId = keyof typeof CITATIONS;
