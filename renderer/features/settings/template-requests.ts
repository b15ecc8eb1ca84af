import type { ChannelInput } from '../../../shared/ipc/contract';
import { hasVisibleText, type TemplateView } from '../../../shared/ipc/templates';
import { DOCUMENT_LOCALE, type Profile } from '../../../shared/domain/profile';

export interface TemplateDraft {
  title: string;
  intro: string;
  sections: { field: string; heading: string; guidance: string }[];
}

/**
 * The template to edit, in the vault's document language whatever the interface language: the copy's
 * headings are printed on its documents.
 */
export function templateLoadRequest(id: string, profile: Profile): ChannelInput<'templates.get'> {
  return { id, locale: DOCUMENT_LOCALE[profile] };
}

/** Whether a title or heading would print as nothing: blank, or only invisible characters. */
export function isBlankText(text: string): boolean {
  return !hasVisibleText(text);
}

/**
 * The save of an edited template: a built-in one becomes a new copy; a copy gets a new version based
 * on the one loaded, refused as a conflict if another save came first.
 */
export function templateSaveRequest(
  loaded: TemplateView,
  draft: TemplateDraft,
  profile: Profile,
): ChannelInput<'templates.save'> {
  const base = loaded.source === 'vault' ? { id: loaded.id, expectedVersion: loaded.version } : { basedOn: loaded.id };
  return {
    ...base,
    locale: DOCUMENT_LOCALE[profile],
    title: draft.title,
    intro: draft.intro,
    sections: draft.sections,
  };
}
