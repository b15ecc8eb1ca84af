import { describe, expect, it } from 'vitest';
import { namesOfUnit, oneNamePerUnit, unitKey } from './unit-name';

describe('unit names', () => {
  it('are the same unit whatever their letter case, white space or composition', () => {
    const key = unitKey('Ålesund fengsel');
    for (const same of ['ålesund fengsel', ' ÅLESUND   Fengsel ', 'A\u030alesund\tfengsel'])
      expect(unitKey(same), same).toBe(key);
    // Letters count: the old and new spelling of a town are two names, as are two units.
    expect(unitKey('Aalesund fengsel')).not.toBe(key);
    expect(unitKey('Ålesund fengsel avd. B')).not.toBe(key);
  });

  it('lists one name per unit, the one most cases carry, in the order given', () => {
    const inUse = [
      { name: 'Bergen fengsel', cases: 1 },
      { name: 'bergen fengsel', cases: 3 },
      { name: 'Trondheim fengsel', cases: 2 },
      { name: 'TRONDHEIM fengsel', cases: 2 },
      { name: 'Ullersmo fengsel', cases: 1 },
    ];
    expect(oneNamePerUnit(inUse)).toEqual(['bergen fengsel', 'Trondheim fengsel', 'Ullersmo fengsel']);
    expect(oneNamePerUnit([])).toEqual([]);
  });

  it('finds every stored name of the unit chosen, and none for a unit no case carries', () => {
    const stored = ['Bergen fengsel', 'bergen  Fengsel', 'Bergen fengsel, avd. B'];
    expect(namesOfUnit('BERGEN FENGSEL', stored)).toEqual(['Bergen fengsel', 'bergen  Fengsel']);
    expect(namesOfUnit('Bjørgvin fengsel', stored)).toEqual([]);
  });
});
