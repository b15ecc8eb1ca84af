// How a finding reads on screen: Bro's own practice with its badge, reason and the provision it reads,
// and a param value that has no label shown as it is.
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { describeFinding, localPracticeText } from './finding-text';

const BADGE = "Bro's practice";

describe('a finding citing Bro’s own practice', () => {
  it('shows the badge, the reason and the provision it reads', () => {
    const finding = { messageKey: 'rules.no.due.releaseMeeting', params: {}, citation: CITATIONS.localReleaseLead };
    expect(describeFinding('en', finding).practice).toStrictEqual({
      badge: BADGE,
      reason:
        'Pkt 12 says "as release or transfer approaches" and gives no figure. Bro asks for the release meeting 30 days ahead.',
      reading: 'NO pkt 12',
    });
  });

  it('shows the badge and the reason alone when it reads no provision', () => {
    expect(localPracticeText('en', CITATIONS.localGrading)).toStrictEqual({
      badge: BADGE,
      reason:
        'Neither text says how an export is graded. Bro grades an export at least as high as the highest grading it contains, and logs a downgrade with its reason.',
    });
  });

  it('has no practice text when it cites a provision', () => {
    expect(localPracticeText('en', CITATIONS.no12)).toBeUndefined();
  });
});

describe('a param value without a label', () => {
  it('is shown as it is', () => {
    const finding = {
      messageKey: 'rules.no.plan.emptySection',
      params: { section: 'newerSection' },
      citation: CITATIONS.no11,
    };
    expect(describeFinding('en', finding).text).toBe('The section “newerSection” is empty (NO pkt 11)');
  });
});
