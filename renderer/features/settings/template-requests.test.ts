import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../../shared/ipc/templates';
import { isBlankText, templateLoadRequest, templateSaveRequest } from './template-requests';

const view = (over: Partial<TemplateView>): TemplateView => ({
  id: 'no-follow-up-plan',
  kind: 'follow_up_plan',
  version: 1,
  locale: 'nb',
  title: 'Oppfølgingsplan Fiktivby',
  intro: '',
  sections: [{ field: 'cooperation', heading: 'Samarbeid', guidance: '' }],
  source: 'builtin',
  basedOn: null,
  savedAt: null,
  ...over,
});

const draft = {
  title: 'Plan Fiktivby',
  intro: '',
  sections: [{ field: 'cooperation', heading: 'Samarbeid', guidance: '' }],
};

describe('template editor requests', () => {
  it("loads and saves in the vault's document language, not the interface language", () => {
    expect(templateLoadRequest('no-follow-up-plan', 'NO')).toEqual({ id: 'no-follow-up-plan', locale: 'nb' });
    expect(templateLoadRequest('no-follow-up-plan', 'DK')).toEqual({ id: 'no-follow-up-plan', locale: 'da' });
    // A copy saved earlier in English is saved on in bokmål.
    const copy = view({ id: 'vault-1', locale: 'en', source: 'vault', version: 3 });
    expect(templateSaveRequest(copy, draft, 'NO')).toMatchObject({ locale: 'nb' });
  });

  it('saves a copy as based on the version it loaded, and a built-in one as a new copy', () => {
    const copy = view({ id: 'vault-1', source: 'vault', version: 3, basedOn: 'no-follow-up-plan' });
    expect(templateSaveRequest(copy, draft, 'NO')).toEqual({
      id: 'vault-1',
      expectedVersion: 3,
      locale: 'nb',
      ...draft,
    });
    expect(templateSaveRequest(view({}), draft, 'NO')).toEqual({
      basedOn: 'no-follow-up-plan',
      locale: 'nb',
      ...draft,
    });
  });

  it('takes a title or heading of spaces or invisible characters as blank', () => {
    expect(['', '  ', '\u200b', '\u200b\u2060 \ufeff'].map(isBlankText)).toEqual([true, true, true, true]);
    expect(['A', '§', '4', ' Mål '].map(isBlankText)).toEqual([false, false, false, false]);
  });
});
