import type { Db } from '../db/connection';
import { highestStoredGrading } from '../../shared/domain/grading';
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
 * cases and documents, every received (imported) document, the deleted cases and records the
 * deleted lists show until they are purged, and `shownElsewhere` (the mentor scheme's conversation
 * records while its compartment is open).
 */
function statusWithGrading(session: VaultSession, shownElsewhere: (db: Db) => readonly string[]): VaultStatus {
  const status = session.status();
  if (status.state !== 'unlocked' || !status.profile) return status;
  const profile = status.profile;
  const { db } = session.current();
  const stored = [...liveGradings(db), ...receivedGradings(db), ...deletedListedGradings(db), ...shownElsewhere(db)];
  return { ...status, highestGrading: highestStoredGrading(profile, stored) };
}

export function vaultHandlers(deps: {
  session: VaultSession;
  autoLock: AutoLock;
  progress: ProgressBoard;
  /** Gradings of what other compartments show while open (the mentor scheme's records). */
  shownElsewhere?: (db: Db) => readonly string[];
}): VaultHandlers {
  const { session, autoLock, progress } = deps;
  const shownElsewhere = deps.shownElsewhere ?? (() => []);
  return {
    'vault.status': () => statusWithGrading(session, shownElsewhere),
    'vault.create': async ({ profile, passphrase }) => {
      const { recoveryKey } = await session.create(profile, passphrase);
      return { recoveryKey, status: statusWithGrading(session, shownElsewhere) };
    },
    'vault.unlock': async ({ passphrase }) => {
      await session.unlock(passphrase);
      return statusWithGrading(session, shownElsewhere);
    },
    'vault.unlockWithRecoveryKey': async ({ recoveryKey, newPassphrase }) => {
      await session.unlockWithRecoveryKey(recoveryKey, newPassphrase);
      return statusWithGrading(session, shownElsewhere);
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
