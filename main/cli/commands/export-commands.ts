import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DistributionRecipientSchema,
  DocumentKindSchema,
  DOCUMENT_KINDS,
  isRecipientOfProfile,
  LocaleSchema,
  PROFILE_RECIPIENTS,
  type DistributionRecipient,
  type Profile,
} from '../../../shared/domain';
import { AppError } from '../../ipc/app-error';
import { caseByReference, caseDocuments, type DocumentRecord } from '../../services/vault-listing';
import { recordExport, renderExport } from '../../services/export-service';
import { writeThenRecord } from '../../fs/atomic-write';
import { refuseInsideVault } from '../../files/vault-folder-guard';
import { signingTokenConfig } from '../../services/export-signer';
import { PKCS11_OPTIONS, tokenFromFlags } from './pkcs11-flags';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { UsageError } from './vault-commands';
import { waitForOtherWriters } from '../../db/connection';

/** Recipient words as an administrator types them, in either language, to the distribution log's values. */
const RECIPIENT_ALIASES: Readonly<Record<string, DistributionRecipient>> = {
  police: 'politi',
  municipality: 'kommune',
  kommune: 'kommune',
  unit: 'other_unit',
  enhet: 'other_unit',
  enhed: 'other_unit',
};

export function parseRecipient(text: string): DistributionRecipient | null {
  const word = text.trim().toLowerCase().replace(/-/g, '_');
  const direct = DistributionRecipientSchema.safeParse(word);
  return direct.success ? direct.data : (RECIPIENT_ALIASES[word] ?? null);
}

function exportArgs(io: CliIo, rest: string[]) {
  const { values } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      case: { type: 'string' },
      doc: { type: 'string' },
      id: { type: 'string' },
      version: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      recipient: { type: 'string' },
      lang: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      ...PKCS11_OPTIONS,
    },
    strict: true,
    allowPositionals: false,
  });
  const required = (name: 'vault' | 'case' | 'doc' | 'format' | 'out'): string => {
    const value = values[name];
    if (!value) throw new UsageError(`--${name}`);
    return value;
  };
  const [vault, reference, doc, formatWord, out] = [
    required('vault'),
    required('case'),
    required('doc'),
    required('format'),
    required('out'),
  ];
  const kind = DocumentKindSchema.safeParse(doc);
  if (!kind.success) throw new UsageError(io.t('export.cli.badKind', { kinds: DOCUMENT_KINDS.join(', ') }));
  const format: 'pdf' | 'asice' | null = formatWord === 'pdf' || formatWord === 'asice' ? formatWord : null;
  if (!format) throw new UsageError(io.t('export.cli.badFormat'));
  const recipient = values.recipient === undefined ? undefined : parseRecipient(values.recipient);
  if (recipient === null)
    throw new UsageError(
      io.t('export.cli.badRecipient', { recipients: DistributionRecipientSchema.options.join(', ') }),
    );
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new UsageError('--version');
  // The document's language: the vault's (NO: nb, DK: da) unless --lang says otherwise; never the terminal's.
  const lang = values.lang === undefined ? undefined : LocaleSchema.safeParse(values.lang);
  if (lang && !lang.success) throw new UsageError('--lang nb|da|en');
  return {
    vault,
    reference,
    out,
    kind: kind.data,
    format,
    recipient,
    version,
    locale: lang?.data,
    id: values.id,
    force: values.force,
    json: values.json,
    token: tokenFromFlags(io, values),
  };
}

/** The one document of the kind in the case, or the one named by --id; several without --id are listed, not guessed. */
function pickDocument(io: CliIo, docs: DocumentRecord[], id: string | undefined): DocumentRecord | null {
  if (id !== undefined) return docs.find((doc) => doc.id === id) ?? null;
  if (docs.length === 1) return docs[0] ?? null;
  if (docs.length > 1) {
    io.err(io.t('export.cli.ambiguous', { count: docs.length }));
    for (const doc of docs) io.err(`  ${doc.id}  ${doc.createdAt}  v${doc.currentVersion} ${doc.status}`);
  }
  return null;
}

/**
 * The recipient, refused before the vault is unlocked if its profile (`null`: not known before unlock)
 * does not send to it: KDI by default in a NO vault; a DK vault sends to none of the Norwegian ones, so
 * there the administrator names one.
 */
function recipientFor(profile: Profile | null, given: DistributionRecipient | undefined): DistributionRecipient {
  if (given === undefined) {
    if (profile === 'DK') throw new UsageError(`--recipient ${PROFILE_RECIPIENTS.DK.join('|')}`);
    return 'kdi';
  }
  if (profile && !isRecipientOfProfile(profile, given))
    throw new AppError('invalid_input', 'error.recipient_profile', { profile }, ['recipient']);
  return given;
}

async function passphrase(io: CliIo): Promise<string> {
  const secret = await io.secret('BRO_PASSPHRASE', 'cli.promptPassphrase');
  if (secret === null) throw new UsageError(io.t('cli.secretMissing', { env: 'BRO_PASSPHRASE' }));
  return secret;
}

/** The PIN for this signing only: BRO_PKCS11_PIN for scripts, else a hidden prompt. Never stored. */
async function tokenPin(io: CliIo): Promise<string> {
  const pin = await io.secret('BRO_PKCS11_PIN', 'token.cli.promptPin');
  if (pin === null) throw new UsageError(io.t('cli.secretMissing', { env: 'BRO_PKCS11_PIN' }));
  return pin;
}

/**
 * `bro export --vault DIR --case REF --doc KIND [--id DOC] [--version N] --format pdf|asice --out FILE
 * [--recipient kdi] [--force] [--json] [--pkcs11-module LIB --pkcs11-token LABEL|--pkcs11-slot ID
 * --pkcs11-key LABEL|--pkcs11-key-id HEX [--pkcs11-cert FILE]]`: the same export as the app's (signed
 * with the vault's identity or its token setting, or the token named by the flags; logged in the export
 * and distribution logs), written only to FILE, which is never overwritten without --force.
 */
export async function exportCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = exportArgs(io, rest);
  if (existsSync(args.out) && !args.force) {
    io.err(io.t('export.cli.exists', { file: args.out }));
    return EXIT.refused;
  }
  if (!existsSync(dirname(args.out)) || !statSync(dirname(args.out)).isDirectory()) {
    io.err(io.t('export.cli.noFolder', { file: args.out }));
    return EXIT.usage;
  }
  // As in the app: never into the vault's own folder, where it could replace the database.
  refuseInsideVault(args.out, args.vault);
  const session = new VaultSession({ dir: args.vault });
  // A locked vault's status names its profile from the key file, before anything is unlocked.
  const recipient = recipientFor(session.status().profile ?? null, args.recipient);
  await session.unlock(await passphrase(io));
  try {
    const { db } = session.current();
    waitForOtherWriters(db);
    const kase = caseByReference(db, args.reference);
    const doc = kase ? pickDocument(io, caseDocuments(db, kase.id, args.kind), args.id) : null;
    if (!doc) {
      io.err(io.t('export.cli.notFound'));
      return EXIT.refused;
    }
    const deps = { session, now: () => new Date(), locale: () => io.locale };
    const token = args.token ?? signingTokenConfig(db);
    const rendered = await renderExport(deps, args.format, {
      documentId: doc.id,
      version: args.version,
      recipient,
      ...(args.locale ? { locale: args.locale } : {}),
      ...(args.token ? { token: args.token } : {}),
      ...(token ? { pin: await tokenPin(io) } : {}),
    });
    // As in the app: logged only as the file is put in place.
    const { meta } = writeThenRecord(args.out, rendered.bytes, (putInPlace) =>
      recordExport(deps, rendered, putInPlace),
    );
    if (args.json)
      io.out(
        JSON.stringify({
          ok: true,
          file: args.out,
          format: args.format,
          recipient,
          sha256: meta.sha256,
          size: meta.size,
          grading: meta.grading.level,
        }),
      );
    else io.out(io.t('export.cli.done', { file: args.out, sha256: meta.sha256, grading: meta.grading.level }));
    return EXIT.ok;
  } finally {
    session.lock('shutdown');
  }
}
