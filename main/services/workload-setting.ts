import { isWorkloadLimit, WORKLOAD_LIMIT_SETTING } from '../../shared/rules/dk-workload';
import type { WorkloadLimitView } from '../../shared/ipc/workload-setting';
import type { Db } from '../db/connection';
import { deleteMeta, readMeta, writeMeta } from '../db/repositories/meta-repo';
import type { Handlers } from '../ipc/router';
import { audit, context, invalid, write, type Ctx, type ServiceDeps } from './service-context';

/**
 * DK § 15's limit ("en halvtidsstilling") as a vault setting (DOMAIN.md: configurable, default 18.5 h):
 * kept in the vault's meta table so every machine reads the same, changed with an audit entry.
 */

/** The vault's limit in hours a week; the default when none is set or the stored value is not a limit. */
export function workloadLimitHours(db: Db): number {
  const stored = Number(readMeta(db, 'dk_workload_limit') ?? NaN);
  return isWorkloadLimit(stored) ? stored : WORKLOAD_LIMIT_SETTING.defaultHours;
}

export function workloadLimitView(db: Db): WorkloadLimitView {
  const stored = Number(readMeta(db, 'dk_workload_limit') ?? NaN);
  const own = isWorkloadLimit(stored);
  return {
    hours: own ? stored : WORKLOAD_LIMIT_SETTING.defaultHours,
    source: own ? 'vault' : 'default',
    defaultHours: WORKLOAD_LIMIT_SETTING.defaultHours,
    citation: WORKLOAD_LIMIT_SETTING.citation,
    updatedAt: own ? (readMeta(db, 'dk_workload_limit_at') ?? null) : null,
  };
}

export function setWorkloadLimit(ctx: Ctx, hours: number | null): WorkloadLimitView {
  // DK § 15 is the Danish circular's: a NO vault applies no DK rule, and keeps no setting of one.
  if (ctx.profile !== 'DK') throw invalid('settings.workload.dkOnly', ['hours'], { profile: ctx.profile });
  // Setting what is already set is no change: nothing written, nothing logged (audit 9).
  const stored = readMeta(ctx.db, 'dk_workload_limit');
  if (hours === null ? stored === undefined : stored === String(hours)) return workloadLimitView(ctx.db);
  write(ctx, (actor) => {
    if (hours === null) {
      deleteMeta(ctx.db, 'dk_workload_limit');
      deleteMeta(ctx.db, 'dk_workload_limit_at');
    } else {
      writeMeta(ctx.db, 'dk_workload_limit', String(hours));
      writeMeta(ctx.db, 'dk_workload_limit_at', ctx.at);
    }
    audit(ctx, actor, 'update', 'setting', 'dk_workload_limit');
  });
  return workloadLimitView(ctx.db);
}

export function workloadSettingHandlers(
  deps: ServiceDeps,
): Pick<Handlers, 'settings.workloadLimit' | 'settings.setWorkloadLimit'> {
  return {
    'settings.workloadLimit': () => workloadLimitView(context(deps).db),
    'settings.setWorkloadLimit': (input) => setWorkloadLimit(context(deps), input.hours),
  };
}
