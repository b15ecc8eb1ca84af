import { describe, expect, it } from 'vitest';
import type { Profile } from '../domain';
import { DOCUMENT_KINDS, DOCUMENT_KINDS_BY_PROFILE, isKindOfProfile } from '../domain';
import { newDraft } from '../templates/drafts';
import type { Citation, RuleDef } from './finding';
import * as rules from './index';
import { DK_GRADING, NO_GRADING } from './test-fixtures';

const PROFILES = ['NO', 'DK'] as const;
const OTHER: Record<Profile, Profile> = { NO: 'DK', DK: 'NO' };

/** The country a citation rests on: its source, or for Bro's practice the provision it reads. */
function countriesOf(citation: Citation): string[] {
  if (citation.source !== 'local') return [citation.source];
  const reading = citation.localPractice.reading ?? '';
  return ['NO', 'DK'].filter((country) => reading.includes(`${country} `));
}

function isRuleDef(value: unknown): value is RuleDef {
  return typeof value === 'object' && value !== null && 'messageKey' in value && 'citation' in value && 'id' in value;
}

function declaredRules(): RuleDef[] {
  return Object.values(rules).flatMap((value) => {
    if (isRuleDef(value)) return [value];
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return Object.values(value).filter(isRuleDef);
    return [];
  });
}

describe('one country at a time', () => {
  it.each(PROFILES)("a %s vault's rule set cites no provision of the other country's text", (profile) => {
    const foreign = rules.RULE_SETS[profile].filter((rule) => countriesOf(rule.citation).includes(OTHER[profile]));
    expect(foreign.map((rule) => rule.id)).toEqual([]);
    const foreignDue = rules.DUE_DEFINITIONS.filter(
      (d) => d.profile === profile && countriesOf(d.citation).includes(OTHER[profile]),
    );
    expect(foreignDue.map((d) => d.kind)).toEqual([]);
  });

  it('gives every due kind of the rules exactly one profile, the one its name says', () => {
    for (const kind of rules.DueKindSchema.options) {
      const owners = rules.DUE_DEFINITIONS.filter((d) => d.kind === kind).map((d) => d.profile);
      expect(owners, kind).toEqual([kind.startsWith('dk_') ? 'DK' : 'NO']);
    }
  });

  it('puts every declared rule in the set of at least one profile', () => {
    const inSets = new Set(PROFILES.flatMap((p) => rules.RULE_SETS[p].map((rule) => rule.id)));
    expect(
      declaredRules()
        .filter((rule) => !inSets.has(rule.id))
        .map((rule) => rule.id),
    ).toEqual([]);
  });

  it('gives a DK vault the mentor course only, and a NO vault every kind', () => {
    expect(DOCUMENT_KINDS_BY_PROFILE.DK).toEqual(['mentor_course']);
    expect([...DOCUMENT_KINDS_BY_PROFILE.NO].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it.each(PROFILES)('walks every kind in a %s vault: its own kinds by its own rules, others refused', (profile) => {
    const grading = profile === 'NO' ? NO_GRADING : DK_GRADING;
    const ownIds = new Set(rules.RULE_SETS[profile].map((rule) => rule.id));
    for (const kind of DOCUMENT_KINDS) {
      const content = newDraft(kind, { profile, grading });
      const findings = rules.findingsFor(kind, { profile, content, mentors: [] } as never, '2025-03-01');
      if (isKindOfProfile(profile, kind)) {
        const strangers = findings.filter((f) => !ownIds.has(f.ruleId) && !f.ruleId.startsWith('due.'));
        expect(
          strangers.map((f) => f.ruleId),
          kind,
        ).toEqual([]);
        expect(
          findings.filter((f) => countriesOf(f.citation).includes(OTHER[profile])),
          kind,
        ).toEqual([]);
      } else {
        expect(
          findings.map((f) => [f.ruleId, f.severity]),
          kind,
        ).toEqual([['profile.kind', 'blocking']]);
      }
    }
  });

  it("refuses the other profile's mentor-course variant instead of judging it", () => {
    const content = newDraft('mentor_course', { profile: 'NO', grading: DK_GRADING });
    const findings = rules.findingsFor('mentor_course', { profile: 'DK', content, mentors: [] }, '2025-03-01');
    expect(findings.map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
