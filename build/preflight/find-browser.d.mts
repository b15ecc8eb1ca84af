export declare const BROWSER_ENV: 'BRO_CHROMIUM';
export declare const PATH_NAMES: readonly string[];

export interface LookupOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}

export type BrowserLookup =
  | { path: string; source: 'BRO_CHROMIUM' | 'PATH' | 'system' | 'playwright' }
  | { path: null; problem: 'env-not-found' | 'not-found'; tried: string[] };

export declare function findOnPath(name: string, options?: LookupOptions): string | null;
export declare function systemPaths(options?: LookupOptions): string[];
export declare function findBrowser(options?: LookupOptions): BrowserLookup;
/** The browser's path; throws an Error with a one-line, actionable message when there is none. */
export declare function browserPath(options?: LookupOptions): string;
