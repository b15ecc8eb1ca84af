import { describe, expect, it } from 'vitest';
import { NewContactEntrySchema } from '../../../shared/domain/contact-register';
import { contactFormErrors, EMPTY_CONTACT_FORM, entryFromForm, formFromEntry, sortEntries } from './contact-form-model';

describe('the contact register form', () => {
  it('saves an entry with only a name and leaves the dates out', () => {
    const entry = entryFromForm({ ...EMPTY_CONTACT_FORM, name: ' Kari Fiktiv ' });
    expect(NewContactEntrySchema.safeParse(entry).success).toBe(true);
    expect(entry).toMatchObject({ name: 'Kari Fiktiv', since: undefined, until: undefined });
  });

  it('round-trips an entry', () => {
    const form = {
      ...EMPTY_CONTACT_FORM,
      role: 'radikaliseringskoordinator' as const,
      name: 'Ola Testmann',
      region: 'Region Testnord',
      since: '2024-01-01',
    };
    expect(formFromEntry(entryFromForm(form))).toEqual(form);
  });

  it('asks for a name and refuses an end date before the start', () => {
    expect(contactFormErrors(EMPTY_CONTACT_FORM)).toEqual({ name: 'required' });
    expect(
      contactFormErrors({ ...EMPTY_CONTACT_FORM, name: 'Kari Fiktiv', since: '2025-05-01', until: '2025-04-30' }),
    ).toEqual({ until: 'beforeSince' });
  });

  it('lists current holders by region with the coordinator first, and former holders last', () => {
    const base = { ...entryFromForm({ ...EMPTY_CONTACT_FORM, name: 'x' }) };
    const rows = sortEntries(
      [
        { ...base, name: 'Former', region: 'A', until: '2025-01-01' },
        { ...base, name: 'Kontakt B', region: 'B' },
        { ...base, name: 'Kontakt A', region: 'A' },
        { ...base, name: 'Koordinator A', region: 'A', role: 'radikaliseringskoordinator' as const },
      ],
      'nb',
    );
    expect(rows.map((r) => r.name)).toEqual(['Koordinator A', 'Kontakt A', 'Kontakt B', 'Former']);
  });
});
