import type { IsoDate, NewMentor, Profile } from '../../shared/domain';
import { addDays } from '../../shared/domain';
import { fictionalEmail, MENTOR_NAMES, vocabulary } from './fictional-words';
import { randomFor } from './prng';

export interface DemoMentor {
  id: string;
  record: NewMentor;
}

const REGISTERED_REASONING: Readonly<Record<Profile, string>> = {
  DK: 'Ældre forhold uden betydning for opgaven; vurderet egnet (opdigtet eksempel).',
  NO: 'Eldre forhold uten betydning for oppdraget; vurdert egnet (oppdiktet eksempel).',
};

/** Index used for the mentor pool's generator, apart from every case index. */
const MENTOR_POOL_INDEX = -1_000;

/**
 * The demo vault's mentors: invented people who meet DK §§ 5-6 and NO 13.2 / 13.5, except one who
 * is on the criminal register and found suitable with recorded reasons (DK § 6, stk. 2).
 */
export function demoMentors(profile: Profile, seed: number, today: IsoDate): DemoMentor[] {
  const random = randomFor(seed, MENTOR_POOL_INDEX);
  const words = vocabulary(profile);
  return MENTOR_NAMES[profile].map((name, i) => {
    const registered = i === 2;
    const year = Number(today.slice(0, 4)) - random.int(28, 62);
    const record: NewMentor = {
      name,
      phone: words.phone,
      email: fictionalEmail(name),
      address: profile === 'DK' ? 'Opdigtet Allé 1, 9999 Fiktivby' : 'Oppdiktet gate 1, 9999 Fiktivby',
      birthDate: `${year}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      languages: profile === 'DK' ? ['dansk', ...(i % 2 ? ['arabisk'] : [])] : ['norsk', ...(i % 2 ? ['somali'] : [])],
      ...(profile === 'DK' ? { understandsAndSpeaksDanish: true } : {}),
      willingToCooperate: true,
      willingToDocument: true,
      employment: { isStaff: i === 3, unit: i === 3 ? (words.units[0] ?? '') : '' },
      criminalRecordCheck: {
        writtenConsentDate: addDays(today, -400 - i),
        checkedOn: addDays(today, -395 - i),
        result: registered ? 'registered' : 'not_registered',
        suitabilityReasoning: registered ? REGISTERED_REASONING[profile] : '',
      },
      policeCertificate: { presentedOn: addDays(today, -390 - i), comprehensive: true },
      confidentialityDeclarationSignedOn: addDays(today, -389 - i),
      dutiesAcknowledged: {
        notifyDutyOn: addDays(today, -389 - i),
        ...(profile === 'DK' ? { confidentialityDutyOn: addDays(today, -389 - i) } : {}),
      },
      training: { completedOn: addDays(today, -380 - i), notes: '' },
      notes: '',
    };
    return { id: random.uuid(), record };
  });
}
