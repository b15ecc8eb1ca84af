import type { Locale, MeetingType } from '../domain';
import {
  FOLLOW_UP_PLAN_TEMPLATE,
  MEETING_TEMPLATES,
  TEMPLATE_DEFINITIONS,
  VISIT_ROUTINE_TEMPLATE,
} from './definitions';
import { resolveTemplate, type Template } from './template';

export * from './template';
export * from './definitions';
export * from './drafts';
export * from './document-template';

export function followUpPlanTemplate(locale: Locale): Template & { kind: 'follow_up_plan' } {
  return { ...resolveTemplate(FOLLOW_UP_PLAN_TEMPLATE, locale), kind: 'follow_up_plan' };
}

export function meetingTemplate(meetingType: MeetingType, locale: Locale): Template & { kind: 'meeting' } {
  return { ...resolveTemplate(MEETING_TEMPLATES[meetingType], locale), kind: 'meeting' };
}

export function visitRoutineTemplate(locale: Locale): Template & { kind: 'visit_routine' } {
  return { ...resolveTemplate(VISIT_ROUTINE_TEMPLATE, locale), kind: 'visit_routine' };
}

/** Every template in one language, for a template picker. */
export function listTemplates(locale: Locale): Template[] {
  return TEMPLATE_DEFINITIONS.map((definition) => resolveTemplate(definition, locale));
}

/** A template by id, in its current version (compare with the version a document recorded). */
export function findTemplate(id: string, locale: Locale): Template | undefined {
  const definition = TEMPLATE_DEFINITIONS.find((d) => d.id === id);
  return definition ? resolveTemplate(definition, locale) : undefined;
}
export * from './dk-status-report';
