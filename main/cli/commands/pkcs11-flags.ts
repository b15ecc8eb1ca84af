import { Pkcs11ConfigSchema, type Pkcs11Config } from '../../../shared/domain/pkcs11';
import type { CliIo } from '../cli-io';
import { UsageError } from './vault-commands';

/** parseArgs options naming a key on a PKCS#11 token (a smartcard or HSM). */
export const PKCS11_OPTIONS = {
  'pkcs11-module': { type: 'string' },
  'pkcs11-token': { type: 'string' },
  'pkcs11-slot': { type: 'string' },
  'pkcs11-key': { type: 'string' },
  'pkcs11-key-id': { type: 'string' },
  'pkcs11-cert': { type: 'string' },
} as const;

type Pkcs11Flags = { [K in keyof typeof PKCS11_OPTIONS]?: string | undefined };

/** The token the flags name, or undefined when none of them is given; flags without --pkcs11-module are a usage error. */
export function tokenFromFlags(io: CliIo, values: Pkcs11Flags): Pkcs11Config | undefined {
  if (Object.keys(PKCS11_OPTIONS).every((name) => values[name as keyof Pkcs11Flags] === undefined)) return undefined;
  const config = Pkcs11ConfigSchema.safeParse({
    modulePath: values['pkcs11-module'],
    tokenLabel: values['pkcs11-token'],
    slotId: values['pkcs11-slot'],
    keyLabel: values['pkcs11-key'],
    keyId: values['pkcs11-key-id'],
    certificateFile: values['pkcs11-cert'],
  });
  if (!config.success) throw new UsageError(io.t('token.cli.incompleteFlags'));
  return config.data;
}
