import { GradingLevelSchema, highestGrading, isGradingOfProfile } from '../../shared/domain/grading';
import type { VaultStatus } from '../../shared/ipc/vault';
import { deletedListedGradings, liveGradings } from '../db/repositories/cases-repo';
import { receivedGradings } from '../db/repositories/received-repo';
import type { Handlers } from '../ipc/router';
import type { VaultSession } from '../vault/vault-session';
import type { AutoLock } from './auto-lock';
import type { ProgressBoard } from './progress';

type VaultHandlers = Pick<
  Handlers,
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.unlockWithRecoveryKey'
  | 'vault.lock'
  | 'vault.changePassphrase'
  | 'vault.rotateKey'
  | 'vault.health'
  | 'session.activity'
>;

/**
 * The status, with the highest grading held in the vault for the banner once it is open: over live
 * cases and documents, every received (imported) document, and the deleted cases and records the
 * deleted lists show until they are purged.
 */
function statusWithGrading(session: VaultSession): VaultStatus {
  const status = session.status();
  if (status.state !== 'unlocked' || !status.profile) return status;
  const profile = status.profile;
  const { db } = session.current();
  const levels = [...liveGradings(db), ...receivedGradings(db), ...deletedListedGradings(db)]
    .map((level) => GradingLevelSchema.safeParse(level))
    .flatMap((parsed) => (parsed.success && isGradingOfProfile(profile, parsed.data) ? [parsed.data] : []));
  return { ...status, highestGrading: highestGrading(profile, levels) };
}

export function vaultHandlers(deps: {
  session: VaultSession;
  autoLock: AutoLock;
  progress: ProgressBoard;
}): VaultHandlers {
  const { session, autoLock, progress } = deps;
  return {
    'vault.status': () => statusWithGrading(session),
    'vault.create': async ({ profile, passphrase }) => {
      const { recoveryKey } = await session.create(profile, passphrase);
      return { recoveryKey, status: statusWithGrading(session) };
    },
    'vault.unlock': async ({ passphrase }) => {
      await session.unlock(passphrase);
      return statusWithGrading(session);
    },
    'vault.unlockWithRecoveryKey': async ({ recoveryKey, newPassphrase }) => {
      await session.unlockWithRecoveryKey(recoveryKey, newPassphrase);
      return statusWithGrading(session);
    },
    'vault.lock': () => session.lock('user'),
    'vault.changePassphrase': async ({ current, next }) => {
      await session.changePassphrase(current, next);
      return { changed: true as const };
    },
    'vault.rotateKey': ({ current, next }) =>
      progress.track('rotateKey', (report) => session.rotateKey(current, next, report)),
    'vault.health': () => session.healthState() ?? { state: 'locked' as const },
    'session.activity': () => ({ lockInSeconds: autoLock.touch() }),
  };
}
