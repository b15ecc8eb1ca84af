import type { Grading, GradingLevel, Profile } from '../../shared/domain';
import { blockingFindings, checkExportBundle, requiredExportGrading } from '../../shared/rules';
import { AppError } from '../ipc/app-error';
import { caseData } from './case-records';
import type { LoadedVersion } from './export-source';
import type { Ctx } from './service-context';
import { assertGradingFits } from './grading-policy';

/**
 * The case's own grading (not its effective one, which counts documents the export does not hold):
 * every view of a case document prints the case's person data, so an export or copy holds it too.
 */
function caseGrading(loaded: LoadedVersion): Grading {
  return caseData(loaded.kase).grading;
}

/**
 * The gradings of what an export or copy of these versions holds: each version's own and, once per
 * case, the case's. Shared by the single-document export, print and the innsyn copy.
 */
export function heldGradings(loaded: readonly LoadedVersion[]): Grading[] {
  const cases = new Map(loaded.map((item) => [item.kase.id, item]));
  return [...[...cases.values()].map(caseGrading), ...loaded.map((item) => item.data.content.grading)];
}

/** The lowest level an export or copy of these versions may carry: the highest of what it holds (DOMAIN.md "Grading"). */
export function minimumExportLevel(profile: Profile, loaded: readonly LoadedVersion[]): GradingLevel {
  return requiredExportGrading(profile, heldGradings(loaded));
}

/**
 * A single-document export's grading: the highest of the version's own and its case's unless raised,
 * never lower (refused, citing the rule). An exemption from public access on the version, or else on
 * the case, stays on the export.
 */
export function exportGrading(ctx: Ctx, loaded: LoadedVersion, requested: Grading | undefined): Grading {
  // A level or marking of the other profile is named as such, not as "too low" (a DK export carries no
  // Norwegian exemption from public access).
  if (requested) assertGradingFits(ctx.profile, requested, 'grading');
  const own = loaded.data.content.grading;
  const kase = caseGrading(loaded);
  const exemptionBasis = requested?.exemptionBasis ?? own.exemptionBasis ?? kase.exemptionBasis;
  const level = requested?.level ?? minimumExportLevel(ctx.profile, [loaded]);
  const grading: Grading = { level, ...(exemptionBasis ? { exemptionBasis } : {}) };
  const items = [{ kind: loaded.data.kind, grading: own }];
  const blocking = blockingFindings(checkExportBundle({ profile: ctx.profile, grading, items, caseGrading: kase }));
  if (blocking.length > 0) {
    const citations = [...new Set(blocking.map((f) => f.citation.text))].join(', ');
    const required = minimumExportLevel(ctx.profile, [loaded]);
    throw new AppError('rule_blocked', 'export.gradingTooLow', { citations, required }, ['grading']);
  }
  return grading;
}
