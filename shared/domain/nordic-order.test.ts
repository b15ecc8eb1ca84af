import { describe, expect, it } from 'vitest';
import { compareNordic, nordicOrderKey } from './nordic-order';

const sorted = (texts: string[]) => [...texts].sort(compareNordic);

describe('Norwegian and Danish order', () => {
  it('puts Æ, Ø and Å after Z in that order, in either letter case', () => {
    expect(sorted(['Åna fengsel', 'ålesund', 'Østfold', 'ærø', 'Ærø', 'Zulu', 'oslo', 'Bergen'])).toEqual([
      'Bergen',
      'oslo',
      'Zulu',
      'Ærø',
      'ærø',
      'Østfold',
      'ålesund',
      'Åna fengsel',
    ]);
  });

  it('ignores letter case but breaks ties by code unit, so equal keys keep one order', () => {
    expect(sorted(['oslo-2', 'OSLO-1', 'Oslo-1', 'oslo-1'])).toEqual(['OSLO-1', 'Oslo-1', 'oslo-1', 'oslo-2']);
    expect(nordicOrderKey('Ørsta')).toBe(nordicOrderKey('øRSTA'));
  });

  it('orders a text the same as itself, and before or after another as the key says', () => {
    expect(compareNordic('Øst', 'Øst')).toBe(0);
    expect(compareNordic('Øst', 'øst')).toBeLessThan(0);
    expect(compareNordic('øst', 'Øst')).toBeGreaterThan(0);
    expect(compareNordic('Åna', 'Zulu')).toBeGreaterThan(0);
    expect(compareNordic('Zulu', 'Åna')).toBeLessThan(0);
  });

  it('sorts Ä as Æ, Ö as Ø, é and è as e, ü as y', () => {
    expect(nordicOrderKey('Ärø')).toBe(nordicOrderKey('Ærø'));
    expect(nordicOrderKey('Öst')).toBe(nordicOrderKey('Øst'));
    expect(sorted(['Andrf', 'André', 'Andrd'])).toEqual(['Andrd', 'André', 'Andrf']);
    expect(sorted(['Zaza', 'Müller', 'Mylund', 'Mxz'])).toEqual(['Mxz', 'Müller', 'Mylund', 'Zaza']);
  });

  it('sorts each letter, in either case and either Unicode form, as the letter the languages file it under', () => {
    const under: Record<string, string> = { Æ: 'æÆäÄ', Ø: 'øØöÖ', Å: 'åÅ', E: 'éÉèÈ', Y: 'üÜ' };
    for (const [letter, forms] of Object.entries(under))
      for (const form of [...forms]) {
        expect([form, nordicOrderKey(form)]).toEqual([form, nordicOrderKey(letter)]);
        expect([form, nordicOrderKey(form.normalize('NFD'))]).toEqual([form, nordicOrderKey(letter)]);
      }
    expect(sorted(['Å', 'Y', 'Ø', 'E', 'Æ', 'Z'])).toEqual(['E', 'Y', 'Z', 'Æ', 'Ø', 'Å']);
  });

  it('files aa as å, in any letter case, as Danish and Norwegian names are filed (and ICU da and nb)', () => {
    expect(sorted(['Aarhus', 'Zealand', 'Aabenraa', 'Ærø', 'Abe', 'Åbyhøj', 'Haakon', 'Hz', 'Haag'])).toEqual([
      'Abe',
      'Hz',
      'Haag',
      'Haakon',
      'Zealand',
      'Ærø',
      'Aabenraa',
      'Åbyhøj',
      'Aarhus',
    ]);
    expect(nordicOrderKey('AALBORG')).toBe(nordicOrderKey('Ålborg'));
    expect(nordicOrderKey('aalborg')).toBe(nordicOrderKey('Aalborg'));
    // Taken from the left, two at a time: aaa is å and a.
    expect(nordicOrderKey('aaa')).toBe(nordicOrderKey('åa'));
  });

  it('sorts a letter stored decomposed as the letter', () => {
    for (const text of ['Åna', 'Ärø', 'Östfold', 'André', 'Müller'])
      expect(nordicOrderKey(text.normalize('NFD'))).toBe(nordicOrderKey(text));
  });

  it('keeps digits and punctuation in ASCII order, before every letter', () => {
    expect(sorted(['A-10', 'A-2', 'A 3', '9', 'Å'])).toEqual(['9', 'A 3', 'A-10', 'A-2', 'Å']);
  });
});
