import type { Grading, IsoDate, NewContactEntry } from '../../shared/domain';
import { addDays } from '../../shared/domain';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { getDocument, saveVersion } from '../db/repositories/documents-repo';
import { fictionalEmail } from './fictional-words';
import { randomFor } from './prng';

const CONTACTS_INDEX = -2_000;

/** NO pkt 2: a coordinator for the (invented) region and a contact in each invented unit. */
function entries(today: IsoDate): NewContactEntry[] {
  const since = addDays(today, -700);
  const entry = (role: NewContactEntry['role'], name: string, unit: string): NewContactEntry => ({
    role,
    name,
    unit,
    region: 'Region Oppdiktet',
    phone: '+47 000 00 000',
    email: fictionalEmail(name),
    since,
  });
  return [
    entry('radikaliseringskoordinator', 'Kari Fiktiv', 'Region Oppdiktet'),
    entry('radikaliseringskontakt', 'Ola Testmann', 'Fiktivby fengsel'),
    entry('radikaliseringskontakt', 'Berit Prøvesen', 'Testvik fengsel'),
    entry('radikaliseringskontakt', 'Trond Eksempel', 'Fiktivby friomsorgskontor'),
  ];
}

/** The contact register of a NO demo vault: vault records of kind 'contact_entry' (shared/ipc/records.ts). */
export function writeContacts(db: Db, actor: string, seed: number, today: IsoDate): number {
  const random = randomFor(seed, CONTACTS_INDEX);
  const grading: Grading = { level: 'UGRADERT' };
  const at = `${addDays(today, -700)}T10:00:00.000Z`;
  let written = 0;
  for (const value of entries(today)) {
    const id = random.uuid();
    if (getDocument(db, id)) continue;
    saveVersion(db, {
      documentId: id,
      caseId: null,
      kind: 'contact_entry',
      content: { ...value, grading },
      grading: grading.level,
      status: 'final',
      author: actor,
      at,
      searchTitle: value.name,
    });
    appendAudit(db, { at, actor, action: 'create', objectType: 'contact_entry', objectId: id });
    written += 1;
  }
  return written;
}
