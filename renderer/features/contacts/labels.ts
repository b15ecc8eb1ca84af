import type { ContactRole } from '../../../shared/domain/contact-register';

export const ROLE_KEY = {
  radikaliseringskontakt: 'domain.contactRole.radikaliseringskontakt',
  radikaliseringskoordinator: 'domain.contactRole.radikaliseringskoordinator',
} as const satisfies Record<ContactRole, string>;
