import type { KindedContent } from '../domain';
import { VAULT_TEMPLATE_PREFIX } from '../ipc/templates';
import {
  FOLLOW_UP_PLAN_TEMPLATE,
  MEETING_TEMPLATES,
  TEMPLATE_DEFINITIONS,
  VISIT_ROUTINE_TEMPLATE,
} from './definitions';

/**
 * The template a document is shown and printed with: one rule for the screen and for paper, which had
 * a rule each (audit 8: a meeting made from a vault copy, its type changed, kept the copy's headings on
 * screen and printed field labels).
 */
export type TemplateChoice =
  | { readonly source: 'vault'; readonly id: string; readonly version: number }
  | { readonly source: 'builtin'; readonly id: string };

/**
 * A vault's own copy the document was made from, whatever the meeting type became since; else the
 * built-in one (builtinTemplateIdFor). Other kinds have no template.
 */
export function templateChoiceFor(data: KindedContent): TemplateChoice | null {
  const builtin = builtinTemplateIdFor(data);
  if (builtin === null) return null;
  const ref = 'template' in data.content ? data.content.template : undefined;
  if (ref?.id.startsWith(VAULT_TEMPLATE_PREFIX)) return { source: 'vault', id: ref.id, version: ref.version };
  return { source: 'builtin', id: builtin };
}

/**
 * The built-in template of a document: a meeting's for its current type, a plan's or routine's as
 * recorded (the kind's own when it names none, one of another kind, or a vault copy). It is also what a
 * document shows and prints with when the vault copy it names is not in this vault: one handed over
 * from another unit names the sender's copy.
 */
export function builtinTemplateIdFor(data: KindedContent): string | null {
  if (data.kind === 'meeting') return MEETING_TEMPLATES[data.content.meetingType].id;
  if (data.kind !== 'follow_up_plan' && data.kind !== 'visit_routine') return null;
  const own = data.kind === 'follow_up_plan' ? FOLLOW_UP_PLAN_TEMPLATE.id : VISIT_ROUTINE_TEMPLATE.id;
  const ref = data.content.template;
  return TEMPLATE_DEFINITIONS.some((d) => d.id === ref?.id && d.kind === data.kind) && ref ? ref.id : own;
}
