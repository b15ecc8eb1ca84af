import type { ContactRole, NewContactEntry } from '../../../shared/domain/contact-register';

export interface ContactForm {
  role: ContactRole;
  name: string;
  unit: string;
  region: string;
  phone: string;
  email: string;
  since: string;
  until: string;
}

export const EMPTY_CONTACT_FORM: ContactForm = {
  role: 'radikaliseringskontakt',
  name: '',
  unit: '',
  region: '',
  phone: '',
  email: '',
  since: '',
  until: '',
};

export function formFromEntry(entry: NewContactEntry): ContactForm {
  return { ...entry, since: entry.since ?? '', until: entry.until ?? '' };
}

export function entryFromForm(form: ContactForm): NewContactEntry {
  return {
    role: form.role,
    name: form.name.trim(),
    unit: form.unit.trim(),
    region: form.region.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    since: form.since || undefined,
    until: form.until || undefined,
  };
}

/** Problems the form can see before saving: a name, and an end date that is not before the start. */
export function contactFormErrors(form: ContactForm): { name?: 'required'; until?: 'beforeSince' } {
  const errors: { name?: 'required'; until?: 'beforeSince' } = {};
  if (!form.name.trim()) errors.name = 'required';
  if (form.since && form.until && form.until < form.since) errors.until = 'beforeSince';
  return errors;
}

/** Current holders first, then by region, role (coordinators first) and name. */
export function sortEntries<T extends NewContactEntry>(entries: readonly T[], locale: string): T[] {
  const roleRank = (role: ContactRole) => (role === 'radikaliseringskoordinator' ? 0 : 1);
  return [...entries].sort(
    (a, b) =>
      Number(Boolean(a.until)) - Number(Boolean(b.until)) ||
      a.region.localeCompare(b.region, locale) ||
      roleRank(a.role) - roleRank(b.role) ||
      a.name.localeCompare(b.name, locale),
  );
}
