import { useMemo } from 'react';
import type { KindedContent, MeetingType } from '../../../shared/domain';
import { VAULT_TEMPLATE_PREFIX } from '../../../shared/ipc/templates';
import {
  FOLLOW_UP_PLAN_TEMPLATE,
  findTemplate,
  meetingTemplate,
  VISIT_ROUTINE_TEMPLATE,
  type Template,
} from '../../../shared/templates';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { failureOf, useLoad, valueOr, type LoadFailure } from '../../lib/use-load';

interface TemplateKey {
  /** The template id the document recorded, if any. */
  refId: string | null;
  refVersion: number | null;
  /** The built-in template of the kind, when nothing else is recorded. */
  builtinId: string | null;
  meetingType: MeetingType | null;
}

function templateKey(data: KindedContent | null): TemplateKey | null {
  if (!data) return null;
  if (data.kind === 'meeting') {
    const ref = data.content.template;
    return {
      refId: ref?.id ?? null,
      refVersion: ref?.version ?? null,
      builtinId: null,
      meetingType: data.content.meetingType,
    };
  }
  if (data.kind === 'follow_up_plan' || data.kind === 'visit_routine') {
    const ref = data.content.template;
    const builtinId = data.kind === 'follow_up_plan' ? FOLLOW_UP_PLAN_TEMPLATE.id : VISIT_ROUTINE_TEMPLATE.id;
    return { refId: ref?.id ?? null, refVersion: ref?.version ?? null, builtinId, meetingType: null };
  }
  return null;
}

/**
 * The template (headings, guidance, intro) for a document in the UI language. Built-in templates are
 * resolved here at once, so the form does not jump when it appears; a vault's own copy is fetched.
 * A meeting follows its current meeting type unless it was started from a vault copy.
 */
export function useTemplate(data: KindedContent | null): { template: Template | null; failure: LoadFailure | null } {
  const { locale } = useI18n();
  const key = templateKey(data);
  const refId = key?.refId ?? null;
  const refVersion = key?.refVersion ?? null;
  const builtinId = key?.builtinId ?? null;
  const meetingType = key?.meetingType ?? null;
  const fromVault = refId !== null && refId.startsWith(VAULT_TEMPLATE_PREFIX);

  const builtin = useMemo(() => {
    if (fromVault) return null;
    if (meetingType) return meetingTemplate(meetingType, locale);
    const id = refId ?? builtinId;
    return id ? (findTemplate(id, locale) ?? (builtinId ? findTemplate(builtinId, locale) : undefined) ?? null) : null;
  }, [fromVault, meetingType, refId, builtinId, locale]);

  const fetched = useLoad<Template>(fromVault && refId !== null ? `${refId}@${refVersion ?? ''}:${locale}` : null, () =>
    api.invoke(
      'templates.get',
      refVersion === null ? { id: refId ?? '', locale } : { id: refId ?? '', version: refVersion, locale },
    ),
  );
  if (!fromVault) return { template: builtin, failure: null };
  return { template: valueOr(fetched.loaded, null), failure: failureOf(fetched) };
}
