import { createContext, useContext, type ReactNode } from 'react';
import type { Finding } from '../../../shared/rules';
import { findingsAt } from './findings-view';

export interface EditorContextValue {
  /**
   * The findings shown at their fields: the blocking ones, once a finalise was refused (see
   * finding-places.ts). Before that, the form stays calm and the panel lists what is still needed.
   */
  inline: readonly Finding[];
  /** A finalised or older version: values are shown as text, with no controls and no add or remove. */
  readOnly: boolean;
}

const EditorContext = createContext<EditorContextValue>({ inline: [], readOnly: false });

export function EditorContextProvider({ value, children }: { value: EditorContextValue; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The findings shown at one field and whether the field is to be marked invalid. */
export function useFieldFindings(path: string | undefined): { findings: Finding[]; invalid: boolean } {
  const { inline } = useContext(EditorContext);
  const here = path ? findingsAt(inline, path) : [];
  return { findings: here, invalid: here.some((f) => f.severity === 'blocking') };
}

/** Whether the editor shows the document read-only. */
export function useEditorReadOnly(): boolean {
  return useContext(EditorContext).readOnly;
}
