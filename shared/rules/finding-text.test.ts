import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n/translate';
import { CITATIONS } from './citations';
import { dkCourseDueItems } from './dk-due';
import type { RuleDef } from './finding';
import * as rules from './index';
import { describeFinding } from './finding-text';
import { newMeetingDraft } from '../templates/drafts';
import { eligibleDkCourse, NO_GRADING, suitableMentor } from './test-fixtures';

const LOCALES = ['nb', 'da', 'en'] as const;

function isRuleDef(value: unknown): value is RuleDef {
  return typeof value === 'object' && value !== null && 'messageKey' in value && 'citation' in value && 'id' in value;
}

/** Every rule declared in the rule modules, found through their exported tables. */
function declaredRules(): RuleDef[] {
  return Object.values(rules).flatMap((value) => {
    if (isRuleDef(value)) return [value];
    if (typeof value === 'object' && value !== null) return Object.values(value).filter(isRuleDef);
    return [];
  });
}

describe('finding messages', () => {
  it('have a message in every locale for every rule and due item', () => {
    const keys = new Set([
      ...declaredRules().map((r) => r.messageKey),
      ...dkCourseDueItems(eligibleDkCourse(), '2026-01-01').map((i) => i.messageKey),
      'rules.local.badge',
      ...Object.values(CITATIONS).flatMap((c) => (c.source === 'local' ? [c.localPractice.reasonKey] : [])),
    ]);
    expect(keys.size).toBeGreaterThan(60);
    const missing = [...keys].flatMap((key) => LOCALES.filter((l) => !hasMessage(l, key)).map((l) => `${l}:${key}`));
    expect(missing).toEqual([]);
  });

  it('gives every rule a unique id', () => {
    const ids = declaredRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads with its citation in each language', () => {
    const [finding] = rules.checkDkMentorSuitability(
      suitableMentor({ birthDate: '2010-01-01' }),
      eligibleDkCourse().mentors[0]!,
      eligibleDkCourse(),
      '2025-03-01',
    );
    expect(describeFinding('nb', finding!).text).toBe('Mentor må være fylt 18 år (DK § 5, stk. 1, nr. 1)');
    expect(describeFinding('da', finding!).text).toBe('Mentor skal være fyldt 18 år (DK § 5, stk. 1, nr. 1)');
    expect(describeFinding('en', finding!).text).toBe(
      'The mentor must be at least 18 years old (DK § 5, stk. 1, nr. 1)',
    );
  });

  it('shows enum params by their label', () => {
    const [finding] = rules.checkMeeting({
      ...newMeetingDraft('release', NO_GRADING),
      date: '2025-03-01',
      participants: [
        { name: 'Kari Fiktiv', agency: 'kriminalomsorgen', unitKind: 'probation_office', role: '' },
        { name: 'Per Påfunn', agency: 'pst', role: '' },
      ],
    });
    expect(describeFinding('nb', finding!).text).toBe('Deltaker mangler: Politiet (Løslatelsesmøte) (NO pkt 12)');
    expect(describeFinding('en', finding!).message).toBe('Participant missing: Police (Release meeting)');
  });

  it("names Bro's own grading rule in the reader's language", () => {
    const [finding] = rules.checkExportGrading('DK', { level: 'IKKE KLASSIFICERET' }, [{ level: 'FORTROLIGT' }]);
    expect(describeFinding('da', finding!).citation).toBe('Bros praksis');
    expect(describeFinding('da', finding!).message).toBe(
      'Eksporten er klassificeret IKKE KLASSIFICERET, men indholdet kræver mindst FORTROLIGT',
    );
  });
});
