import { createContext, useContext, type ReactNode } from 'react';
import type { Finding } from '../../../shared/rules';
import { findingsAt } from './findings-view';

export interface EditorContextValue {
  /** The live findings of the form (see findings-view.ts). */
  findings: readonly Finding[];
  /** After a refused finalise: blocking fields are marked invalid, so the first can take focus. */
  showInvalid: boolean;
}

const EditorContext = createContext<EditorContextValue>({ findings: [], showInvalid: false });

export function EditorContextProvider({ value, children }: { value: EditorContextValue; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The findings about one field and whether the field is to be marked invalid. */
export function useFieldFindings(path: string | undefined): { findings: Finding[]; invalid: boolean } {
  const { findings, showInvalid } = useContext(EditorContext);
  const here = path ? findingsAt(findings, path) : [];
  return { findings: here, invalid: showInvalid && here.some((f) => f.severity === 'blocking') };
}
