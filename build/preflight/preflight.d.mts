import type { LookupOptions } from './find-browser.mjs';

export type Mode = 'start' | 'test';

export interface PreflightOptions extends LookupOptions {
  /** Whether the Electron binary is installed (default: looked up). */
  electron?: boolean;
  /** Whether the npm dependencies are installed (default: looked up). */
  dependencies?: boolean;
  /** `npm start --browser`: the browser shell even where Electron is installed. */
  browserShell?: boolean;
  /** The distribution's ID from /etc/os-release, e.g. 'ubuntu' (default: looked up). */
  osId?: string;
  /** Whether the user is root, so no `sudo` is needed (default: looked up). */
  root?: boolean;
}

export interface Missing {
  name: string;
  why: string;
  install: Record<string, string | null>;
  note?: string;
  xvfb?: boolean;
}

export declare function electronInstalled(): boolean;
export declare function missingRequirements(mode: Mode, options?: PreflightOptions): Missing[];
export declare function preflightMessage(mode: Mode, missing: Missing[], options?: PreflightOptions): string | null;
export declare function preflight(mode: Mode, options?: PreflightOptions): number;
