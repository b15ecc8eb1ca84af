import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * In-memory routes. There is no URL routing: the app runs from one local page, and a route may carry
 * data that must never reach a URL or history (the recovery key).
 */
export type Route =
  | { screen: 'create' }
  | { screen: 'recovery'; recoveryKey: string }
  | { screen: 'unlock'; mode: UnlockMode; notice?: 'autoLocked' }
  // Restore from a backup, reached from the unlock or the create screen (back returns there).
  | { screen: 'restore'; from: 'unlock' | 'create' }
  | { screen: 'home' }
  | { screen: 'settings'; category?: SettingsCategory }
  // Cases and documents (features/cases, features/documents).
  // `purged` names a case just purged; `overwritePending` when another program's read kept its freed
  // pages from being overwritten yet.
  | { screen: 'cases'; purged?: string; overwritePending?: boolean }
  // Deleted cases not yet purged (features/purge).
  | { screen: 'deletedCases'; purged?: string; overwritePending?: boolean }
  | { screen: 'case'; caseId: string; tab?: string }
  | { screen: 'caseEdit'; caseId?: string }
  | { screen: 'document'; documentId: string; version?: number }
  | { screen: 'documentNew'; caseId: string; kind: string; templateId?: string }
  | { screen: 'innsyn'; caseId: string; documentId?: string }
  // Mentor scheme, contact register, signed files (features/mentors, features/contacts, features/verify).
  | { screen: 'mentors'; mentorId?: string }
  | { screen: 'contacts' }
  | { screen: 'verify' }
  | { screen: 'print'; documentId: string; version?: number };

export type UnlockMode = 'passphrase' | 'recoveryKey';
/** The settings screen shows one category at a time; the route keeps it while the app runs. */
export type SettingsCategory = 'general' | 'security' | 'signing' | 'templates' | 'backup';
export type Screen = Route['screen'];

/** Screens that need an unlocked vault: they show the grading banner and follow auto-lock. */
const UNLOCKED_SCREENS: ReadonlySet<Screen> = new Set<Screen>([
  'recovery',
  'home',
  'settings',
  'cases',
  'deletedCases',
  'case',
  'caseEdit',
  'document',
  'documentNew',
  'innsyn',
  'mentors',
  'contacts',
  'verify',
  'print',
]);

export function isUnlockedScreen(screen: Screen): boolean {
  return UNLOCKED_SCREENS.has(screen);
}

export interface Router {
  route: Route;
  navigate(route: Route): void;
}

const RouterContext = createContext<Router | null>(null);

export function RouterProvider({ initial, children }: { initial: Route; children: ReactNode }) {
  const [route, navigate] = useState<Route>(initial);
  const value = useMemo<Router>(() => ({ route, navigate }), [route]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}
