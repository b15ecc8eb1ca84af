import { useMemo } from 'react';
import type { KindedContent } from '../../../shared/domain';
import { builtinTemplateIdFor, findTemplate, templateChoiceFor, type Template } from '../../../shared/templates';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { failureOf, useLoad, valueOr, type LoadFailure } from '../../lib/use-load';

/**
 * The template (headings, guidance, intro) for a document in the UI language, chosen as the print
 * chooses it (templateChoiceFor). Built-in templates are resolved here at once, so the form does not
 * jump when it appears; a vault's own copy is fetched.
 */
export function useTemplate(data: KindedContent | null): { template: Template | null; failure: LoadFailure | null } {
  const { locale } = useI18n();
  const choice = data ? templateChoiceFor(data) : null;
  const builtinId = data ? builtinTemplateIdFor(data) : null;
  const vault = choice?.source === 'vault' ? choice : null;

  const builtin = useMemo(() => (builtinId ? (findTemplate(builtinId, locale) ?? null) : null), [builtinId, locale]);

  const fetched = useLoad<Template>(vault ? `${vault.id}@${vault.version}:${locale}` : null, () =>
    api.invoke('templates.get', { id: vault?.id ?? '', version: vault?.version, locale }),
  );
  if (!vault) return { template: builtin, failure: null };
  // A copy this vault does not hold (a document handed over names the sender's) gives way to the
  // built-in one, as on paper, instead of a load error on every opening.
  const failure = failureOf(fetched);
  if (failure?.error.code === 'not_found') return { template: builtin, failure: null };
  return { template: valueOr(fetched.loaded, null), failure };
}
