import type { Profile } from '../../shared/domain/profile';

/**
 * Words for the demo vault. Every person, unit and place is invented and meant to look invented
 * ("Testmann", "Fiktivby"), so no one mistakes demo data for a real case or a real person.
 */
export interface Vocabulary {
  firstNames: readonly string[];
  surnames: readonly string[];
  staff: readonly string[];
  units: readonly string[];
  probationOffices: readonly string[];
  referencePrefix: string;
  observations: readonly string[];
  contexts: readonly string[];
  rooms: readonly string[];
  /** A fictional phone number with placeholder digits. */
  phone: string;
}

const NO: Vocabulary = {
  firstNames: ['Ola', 'Kari', 'Per', 'Lise', 'Jonas', 'Sara', 'Emil', 'Nora', 'Ali', 'Ida', 'Markus', 'Hanne'],
  surnames: [
    'Testmann',
    'Fiktiv',
    'Oppdiktet',
    'Eksempel',
    'Prøvesen',
    'Demostad',
    'Tenktsen',
    'Påfunnsen',
    'Modellsen',
    'Uekte',
  ],
  staff: ['Kari Fiktiv', 'Ola Testmann', 'Berit Prøvesen', 'Trond Eksempel', 'Åse Demostad', 'Geir Oppdiktet'],
  units: [
    'Fiktivby fengsel',
    'Testvik fengsel, avdeling B',
    'Eksempelstad fengsel',
    'Oppdiktet fengsel, høy sikkerhet',
    'Prøvøya fengsel',
  ],
  probationOffices: ['Fiktivby friomsorgskontor', 'Testvik friomsorgskontor', 'Eksempelstad friomsorgskontor'],
  referencePrefix: 'KOMPIS-DEMO',
  observations: [
    'Uttalte støtte til voldelig ekstremisme under felles lufting.',
    'Ble sett vise fram symboler knyttet til en ekstrem gruppe på cellen.',
    'Forsøkte å få medinnsatte til å se propagandavideoer på biblioteket.',
    'Har trukket seg unna tidligere venner og snakker mye om «fienden».',
    'Fortalte en betjent at vold er eneste løsning, og ga uttrykk for hat mot en folkegruppe.',
    'Mottok brev med innhold som kan peke mot radikalisering; brevet ble kopiert etter rutine.',
  ],
  contexts: [
    'Observert av to betjenter på skift; ingen andre innsatte involvert.',
    'Skjedde etter en konflikt på avdelingen samme dag.',
    'Gjentar tidligere uttalelser fra august; se også observasjonsloggen.',
    'Informasjonen kom fra skoleavdelingen og er ikke bekreftet.',
  ],
  rooms: ['Besøksrom 2', 'Samtalerom ved avdeling B', 'Besøksavdelingen, rom 4'],
  phone: '+47 000 00 000',
};

const DK: Vocabulary = {
  firstNames: [
    'Jens',
    'Anna',
    'Mads',
    'Sofie',
    'Lars',
    'Mette',
    'Karim',
    'Freja',
    'Rasmus',
    'Camilla',
    'Ahmed',
    'Line',
  ],
  surnames: [
    'Opdigtet',
    'Eksempel',
    'Fiktiv',
    'Testesen',
    'Prøvegaard',
    'Demosen',
    'Tænktsen',
    'Påfundsen',
    'Modelsen',
    'Uægte',
  ],
  staff: ['Anna Eksempel', 'Jens Opdigtet', 'Birthe Testesen', 'Henrik Prøvegaard', 'Lone Demosen', 'Kim Tænktsen'],
  units: [
    'Fiktivby Fængsel',
    'Eksempelby Arresthus',
    'KiF Fiktivby afdeling',
    'KiF Opdigtet afdeling',
    'Prøvelund Fængsel',
  ],
  probationOffices: ['KiF Fiktivby afdeling', 'KiF Opdigtet afdeling', 'KiF Eksempelby afdeling'],
  referencePrefix: 'KLIENT-DEMO',
  observations: [
    'Udtrykte støtte til voldelig ekstremisme under gårdtur.',
    'Har trukket sig fra tidligere venner og taler om «fjenden».',
  ],
  contexts: ['Observeret af to betjente på vagt.', 'Oplysningen kom fra undervisningen og er ikke bekræftet.'],
  rooms: ['Mødelokale 1', 'Samtalerum i afdelingen'],
  phone: '+45 00 00 00 00',
};

export function vocabulary(profile: Profile): Vocabulary {
  return profile === 'DK' ? DK : NO;
}

/** Deciding and supervising areas for DK courses (§ 7), all invented. */
export const DK_AREAS = [
  'Kriminalforsorgsområde Fiktivby',
  'Kriminalforsorgsområde Opdigtet',
  'Kriminalforsorgsområde Eksempelby',
] as const;

/** Mentors of the demo vault: invented people with e-mail addresses under the reserved .invalid domain. */
export const MENTOR_NAMES: Readonly<Record<Profile, readonly string[]>> = {
  NO: ['Jens Opdigtet', 'Anna Eksempel', 'Ingrid Påfunnsen', 'Yusuf Tenktsen'],
  DK: ['Jens Opdigtet', 'Anna Eksempel', 'Bodil Påfundsen', 'Omar Tænktsen', 'Karen Modelsen', 'Peter Uægte'],
};

export function fictionalEmail(name: string): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z]+/g, '.');
  return `${local}@example.invalid`;
}
