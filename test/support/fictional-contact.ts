import type { NewContactEntry } from '../../shared/domain';

/** A fictional radicalisation contact for the contact-register tests. */
export const FICTIONAL_CONTACT: NewContactEntry = {
  role: 'radikaliseringskontakt',
  name: 'Kari Fiktiv',
  unit: 'Fiktivby fengsel',
  region: 'Region Øst',
  phone: '+47 00 00 00 00',
  email: 'kari@example.invalid',
};
