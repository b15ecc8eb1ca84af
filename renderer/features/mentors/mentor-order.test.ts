import { describe, expect, it } from 'vitest';
import { mentorsInOrder } from './mentor-order';

const names = (locale: 'nb' | 'da' | 'en') =>
  mentorsInOrder(
    ['Åse Fiktiv', 'Zara Fiktiv', 'Øystein Fiktiv', 'Ærling Fiktiv', 'Anne Fiktiv'].map((name) => ({ name })),
    locale,
  ).map((m) => m.name);

describe('the mentor register order', () => {
  it('follows the UI language, whatever the machine is set to', () => {
    expect(names('nb')).toEqual(['Anne Fiktiv', 'Zara Fiktiv', 'Ærling Fiktiv', 'Øystein Fiktiv', 'Åse Fiktiv']);
    expect(names('da')).toEqual(names('nb'));
    // English files Å under A and Ø under O.
    expect(names('en')).toEqual(['Ærling Fiktiv', 'Anne Fiktiv', 'Åse Fiktiv', 'Øystein Fiktiv', 'Zara Fiktiv']);
  });
});
