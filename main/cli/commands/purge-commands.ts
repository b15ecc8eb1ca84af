import { parseArgs } from 'node:util';
import { PurgeReasonSchema, type PurgePlan } from '../../../shared/ipc/purge';
import { AppError } from '../../ipc/app-error';
import { context, localDate } from '../../services/service-context';
import {
  afterIntegrityCheck,
  assertPurgeable,
  planPurgeByReference,
  purgeCase,
  shownPlan,
  waitsForCompartment,
} from '../../services/purge-service';
import { vaultFiles } from '../../vault/vault-files';
import { kindLabel } from './list-commands';
import { MentorCompartment, stateWhenShut, type CompartmentState } from '../../vault/compartment';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { requireSecret } from './demo-commands';
import { UsageError } from './vault-commands';

function printPlan(io: CliIo, plan: PurgePlan): void {
  io.out(io.t('purge.plan.header', { reference: plan.caseReference, caseId: plan.caseId }));
  if (plan.closedOn === null) io.out(io.t('purge.plan.open'));
  else if (plan.dueOn === null) io.out(io.t('purge.plan.courseRunning', { closedOn: plan.closedOn }));
  else
    io.out(
      io.t('purge.plan.retention', {
        closedOn: plan.closedOn,
        years: plan.retentionYears,
        dueOn: plan.dueOn,
        state: io.t(plan.due ? 'purge.plan.stateDue' : 'purge.plan.stateNotDue'),
      }),
    );
  io.out(
    io.t('purge.plan.counts', {
      documents: plan.documents.length,
      versions: plan.versions,
      distributions: plan.distributions,
      exports: plan.exportLogEntries,
      received: plan.receivedFiles,
      search: plan.searchEntries,
    }),
  );
  io.out(
    plan.mentorRecords === null
      ? io.t('purge.dialog.mentorSealed')
      : io.t('purge.dialog.mentor', { count: plan.mentorRecords }),
  );
  io.out(io.t('purge.dialog.handover', { count: plan.handoverRecords }));
  io.out(io.t('purge.dialog.innsyn', { count: plan.innsynCopies }));
  plan.documents.forEach((doc) => io.out(io.t('purge.plan.document', { ...doc, kind: kindLabel(io, doc.kind) })));
}

/**
 * Opens the vault read-only (nothing migrated, no audit entry) and plans the purge, as it may be shown
 * without the compartment (shut, or none in this vault).
 */
async function readPlan(
  io: CliIo,
  dir: string,
  reference: string,
  caseId?: string,
): Promise<{ plan: PurgePlan; compartment: CompartmentState }> {
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const { db, profile, schemaVersion, supported } = await new VaultSession({ dir }).inspect(passphrase);
  try {
    if (schemaVersion > supported)
      throw new AppError('vault_newer', 'error.vault_newer', { found: schemaVersion, supported });
    const compartment = stateWhenShut(vaultFiles(dir).keys);
    const { plan } = planPurgeByReference(db, profile, reference, localDate(new Date()), {}, caseId);
    return { plan: shownPlan(plan, compartment), compartment };
  } finally {
    db.close();
  }
}

/**
 * `bro purge --vault DIR --case REF [--id ID] [--reason R] [--yes] [--json]` for administrators: the same service
 * as the app. Mentor records of the case go only with the compartment passphrase (BRO_COMPARTMENT_PASSPHRASE).
 */
export async function purgeCommand(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      case: { type: 'string' },
      id: { type: 'string' },
      reason: { type: 'string', default: 'administrator_decision' },
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.vault) throw new UsageError('--vault');
  if (!values.case) throw new UsageError('--case');
  const reason = PurgeReasonSchema.safeParse(values.reason);
  if (!reason.success) throw new UsageError(`--reason ${PurgeReasonSchema.options.join('|')}`);
  const { plan: planned, compartment: before } = await readPlan(io, values.vault, values.case, values.id);
  if (!values.yes) {
    if (values.json) io.out(JSON.stringify({ purged: false, plan: planned }));
    else {
      printPlan(io, planned);
      io.out(io.t('purge.plan.dryRun'));
    }
    return EXIT.ok;
  }
  const mentorPassphrase = io.env.BRO_COMPARTMENT_PASSPHRASE;
  // Refused before unlocking, so a refusal leaves the vault file as it was (unlock writes an audit entry).
  assertPurgeable(planned, reason.data);
  if (!mentorPassphrase && waitsForCompartment(planned, before))
    throw new AppError('forbidden', 'purge.error.compartmentLocked');
  const session = new VaultSession({ dir: values.vault });
  await session.unlock(await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase'));
  try {
    const compartment = new MentorCompartment(session);
    // Only for a case with a mentor course: a passphrase set but not needed changes nothing.
    if (mentorPassphrase && before === 'locked' && planned.compartmentNeeded)
      await compartment.unlock(mentorPassphrase);
    const { plan, overwritten } = await afterIntegrityCheck(session, () =>
      session.exclusive(() => {
        const ctx = context({ session, now: () => new Date() });
        const found = planPurgeByReference(ctx.db, ctx.profile, values.case!, ctx.today, {}, values.id);
        const done = purgeCase(ctx, found, {
          confirmReference: values.case!,
          reason: reason.data,
          compartment: compartment.state(),
        });
        return { ...done, plan: shownPlan(done.plan, compartment.state()) };
      }),
    );
    if (values.json) io.out(JSON.stringify({ purged: true, plan, overwritten }));
    else {
      printPlan(io, plan);
      io.out(io.t(overwritten ? 'purge.done' : 'purge.donePending', { reference: plan.caseReference }));
    }
    return EXIT.ok;
  } finally {
    session.lock('shutdown');
  }
}
