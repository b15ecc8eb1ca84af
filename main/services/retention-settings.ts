import type { Profile } from '../../shared/domain';
import { RetentionKindSchema, type RetentionView } from '../../shared/ipc/due';
import { DEFAULT_RETENTION, type RetentionKind, type RetentionSettings } from '../../shared/rules/retention';
import type { Db } from '../db/connection';
import { clearRetentionPeriod, listRetentionPeriods, setRetentionPeriod } from '../db/repositories/retention-repo';
import type { Handlers } from '../ipc/router';
import { audit, context, write, type Ctx, type ServiceDeps } from './service-context';

/**
 * The retention periods an organisation sets for its vault (issue 14 part 3): stored in the vault, so
 * every machine and `bro purge` read the same, and logged (kind only) in the audit log when changed.
 */

/** The vault's own periods by kind; rows a damaged file could hold outside the allowed range are ignored. */
export function retentionSettings(db: Db): RetentionSettings {
  const settings: RetentionSettings = {};
  for (const row of listRetentionPeriods(db)) {
    const kind = RetentionKindSchema.safeParse(row.kind);
    if (kind.success && Number.isInteger(row.years) && row.years >= 1) settings[kind.data] = row.years;
  }
  return settings;
}

export function retentionView(db: Db, profile: Profile): RetentionView {
  const rows = new Map(listRetentionPeriods(db).map((row) => [row.kind, row]));
  const own = retentionSettings(db);
  return {
    periods: RetentionKindSchema.options.map((kind: RetentionKind) => {
      const fallback = DEFAULT_RETENTION[profile][kind];
      const years = own[kind];
      const row = years === undefined ? undefined : rows.get(kind);
      return {
        kind,
        years: years ?? fallback.years,
        source: years === undefined ? 'default' : 'vault',
        basis: row?.basis ?? '',
        updatedAt: row?.updatedAt ?? null,
        defaultYears: fallback.years,
        defaultCitation: fallback.citation,
      };
    }),
  };
}

export function updateRetention(
  ctx: Ctx,
  input: { kind: RetentionKind; years: number | null; basis?: string },
): RetentionView {
  // Setting what is already set is no change: nothing written, nothing logged (audit 9).
  const current = listRetentionPeriods(ctx.db).find((row) => row.kind === input.kind);
  const basis = (input.basis ?? '').trim();
  const unchanged =
    input.years === null ? current === undefined : current?.years === input.years && current.basis === basis;
  if (unchanged) return retentionView(ctx.db, ctx.profile);
  write(ctx, (actor) => {
    if (input.years === null) clearRetentionPeriod(ctx.db, input.kind);
    else
      setRetentionPeriod(ctx.db, {
        kind: input.kind,
        years: input.years,
        basis,
        updatedAt: ctx.at,
      });
    audit(ctx, actor, 'update', 'retention_period', input.kind);
  });
  return retentionView(ctx.db, ctx.profile);
}

export function retentionHandlers(deps: ServiceDeps): Pick<Handlers, 'retention.get' | 'retention.update'> {
  return {
    'retention.get': () => {
      const ctx = context(deps);
      return retentionView(ctx.db, ctx.profile);
    },
    'retention.update': (input) => updateRetention(context(deps), input),
  };
}
