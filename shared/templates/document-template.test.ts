import { describe, expect, it } from 'vitest';
import type { KindedContent } from '../domain';
import { newDraft } from './drafts';
import { builtinTemplateIdFor, templateChoiceFor } from './document-template';

const grading = { level: 'BEGRENSET' } as const;
const meeting = (template?: { id: string; version: number }): KindedContent => ({
  kind: 'meeting',
  content: {
    ...newDraft('meeting', { profile: 'NO', grading, meetingType: 'release' }),
    ...(template ? { template } : {}),
  },
});
const plan = (template?: { id: string; version: number }): KindedContent => {
  const { template: _none, ...draft } = newDraft('follow_up_plan', { profile: 'NO', grading });
  return { kind: 'follow_up_plan', content: { ...draft, ...(template ? { template } : {}) } };
};

describe('the template a document is shown and printed with', () => {
  it('is the vault copy it names, whatever the meeting type became', () => {
    const copy = { id: 'vault-1a2b', version: 3 };
    expect(templateChoiceFor(meeting(copy))).toEqual({ source: 'vault', ...copy });
    expect(templateChoiceFor(plan(copy))).toEqual({ source: 'vault', ...copy });
  });

  it("is else the built-in one: a meeting's current type's, a plan's own when it names none or another kind's", () => {
    expect(templateChoiceFor(meeting({ id: 'no-meeting-startup', version: 1 }))).toEqual({
      source: 'builtin',
      id: 'no-meeting-release',
    });
    expect(templateChoiceFor(plan())).toEqual({ source: 'builtin', id: 'no-follow-up-plan' });
    expect(templateChoiceFor(plan({ id: 'no-meeting-release', version: 1 }))).toEqual({
      source: 'builtin',
      id: 'no-follow-up-plan',
    });
  });

  it('falls back, for a vault copy not held here, to the built-in one of the kind or meeting type', () => {
    expect(builtinTemplateIdFor(meeting({ id: 'vault-1a2b', version: 1 }))).toBe('no-meeting-release');
    expect(builtinTemplateIdFor(plan({ id: 'vault-1a2b', version: 1 }))).toBe('no-follow-up-plan');
  });

  it('is none for the kinds without templates', () => {
    const observation = { kind: 'observation', content: newDraft('observation', { profile: 'NO', grading }) };
    expect(templateChoiceFor(observation as KindedContent)).toBeNull();
    expect(builtinTemplateIdFor(observation as KindedContent)).toBeNull();
  });
});
