import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate';
import { commandWords } from './run';

// `bro --help` is an administrator's list of what there is: every command, in every language
// (rotate-key and purge were missing, audit 5), and every variable a secret is read from.
describe('the usage text', () => {
  it.each(['nb', 'da', 'en'] as const)('names every command and every secret variable (%s)', (locale) => {
    const usage = translate(locale, 'cli.usage');
    for (const words of commandWords()) {
      // The trust subcommands share one line: "bro trust add FILE... | list | remove ID".
      const [first, second] = words.split(' ');
      expect(usage).toContain(first === 'trust' ? `bro trust` : `bro ${words}`);
      if (first === 'trust') expect(usage).toContain(second);
    }
    for (const variable of [
      'BRO_PASSPHRASE',
      'BRO_NEW_PASSPHRASE',
      'BRO_RECOVERY_KEY',
      'BRO_COMPARTMENT_PASSPHRASE',
      'BRO_PKCS11_PIN',
    ])
      expect(usage).toContain(variable);
  });
});
