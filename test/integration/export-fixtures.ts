// Shared set-up for the export, verify and import tests: a real vault (fast KDF) with a case and
// documents created through the real router, and the export-area handlers called through their own
// channel schemas, exactly as the router will once the channels are in the contract.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { FollowUpPlanContent, Locale } from '../../shared/domain';
import type { ChannelDef } from '../../shared/ipc/channel';
import { exportChannels } from '../../shared/ipc/export';
import { signingChannels } from '../../shared/ipc/signing';
import { readZip } from '../../main/signing/zip-read';
import { exportHandlers } from '../../main/services/export-service';
import { exportSaveHandlers } from '../../main/services/export-save';
import { FileSaver } from '../../main/files/file-saver';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { receivedPurgeHandlers } from '../../main/services/received-purge-service';
import { importHandlers } from '../../main/services/import-service';
import { signingHandlers } from '../../main/services/signing-service';
import { completePlan, GRADING } from '../support/document-fixtures';
import type { ServiceApp } from '../support/service-app';

export const NOW = '2026-03-02T10:00:00.000Z';

const CHANNELS = { ...exportChannels, ...signingChannels };
type Channels = typeof CHANNELS;
type Name = keyof Channels;

/** Nordic letters in every position a reader could lose them: content, names, headings. */
export const NORDIC = 'Blåbærsyltetøy på Ærø og Øksnes, Åsgårdstrand – café';

export function planWith(text: string, overrides: Partial<FollowUpPlanContent> = {}): FollowUpPlanContent {
  return completePlan({ riskAndVulnerabilityFactors: text, ...overrides });
}

/**
 * A save dialog answered like a user: each file goes into a fresh folder under `base` (the temp
 * folder by default) under its suggested name. `cleanup` removes those folders (saved exports must not
 * outlive the test in /tmp).
 */
export function answeringDialogs(base: string = tmpdir()): FileDialogs & { saved: string[]; cleanup(): void } {
  const saved: string[] = [];
  return {
    saved,
    cleanup: () => saved.forEach((path) => rmSync(dirname(path), { recursive: true, force: true })),
    chooseSavePath: async ({ suggestedName }) => {
      const path = join(mkdtempSync(join(base, 'bro-saved-')), suggestedName);
      saved.push(path);
      return path;
    },
    chooseOpenPath: async () => null,
  };
}

type SaveChannel = 'export.pdf' | 'export.asice';
/** A saved export as the tests read it back: the channel's answer plus the bytes written at the chosen path. */
type Called<C extends Name> = C extends SaveChannel
  ? Extract<z.output<Channels[C]['output']>, { saved: true }> & { fileBase64: string }
  : z.output<Channels[C]['output']>;

/**
 * The export area's handlers over a service app's vault, validated at the boundary like the router does.
 * The save dialog answers with a temp path; for a saved export `call` adds the bytes written there.
 */
export function exportArea(s: ServiceApp, now: () => Date = () => new Date(NOW), uiLocale: () => Locale = () => 'nb') {
  // Beside the vault, so the app's cleanup removes them, refused saves included.
  const dialogs = answeringDialogs(s.scratch('saved-'));
  const files = new FileSaver(dialogs, createConfPrefsStore(s.scratch('saver-prefs-')), s.app.session.files.dir);
  const deps = { session: s.app.session, now, locale: uiLocale };
  const handlers = {
    ...exportHandlers(deps),
    ...exportSaveHandlers({ ...deps, files }),
    ...importHandlers(deps),
    ...receivedPurgeHandlers(deps),
    ...signingHandlers(deps),
  };
  async function call<C extends Name>(name: C, input: z.input<Channels[C]['input']>): Promise<Called<C>> {
    const def: ChannelDef = CHANNELS[name];
    const parsed = def.input.parse(input);
    const handler = handlers[name] as (value: unknown) => unknown;
    const output = def.output.parse(await handler(parsed)) as Record<string, unknown>;
    if (name !== 'export.pdf' && name !== 'export.asice') return output as Called<C>;
    if (output.saved !== true) throw new Error(`${name} saved nothing`);
    const path = dialogs.saved.at(-1) ?? '';
    const fileBase64 = readFileSync(path).toString('base64');
    rmSync(dirname(path), { recursive: true, force: true });
    return { ...output, fileBase64 } as Called<C>;
  }
  return { deps, call, dialogs };
}

export async function makeCase(s: ServiceApp, reference = 'KOMPIS-4711'): Promise<string> {
  const created = await s.call('cases.create', {
    name: 'Ola Testmann Ærlig',
    birthDate: '1990-05-17',
    caseReference: reference,
    unit: 'Fiktivby fengsel avd. Øst',
    status: 'fengsel',
    grading: GRADING,
  });
  return created.id;
}

/** A follow-up plan finalised through the real lifecycle; returns its id and the final version. */
export async function finalisedPlan(s: ServiceApp, caseId: string, content: FollowUpPlanContent = planWith(NORDIC)) {
  const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content });
  const final = await s.call('documents.finalise', { id: doc.document.id });
  return { id: final.document.id, version: final.version.version };
}

export const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The container's entries unpacked into a folder, for openssl and unzip-style checks. */
export async function unpack(container: Uint8Array, dir: string): Promise<string[]> {
  const zip = await readZip(container);
  if (!zip.ok) throw new Error(zip.messageKey);
  for (const entry of zip.entries) {
    if (entry.isDirectory) continue;
    const path = join(dir, entry.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, entry.bytes);
  }
  return zip.entries.map((entry) => entry.name);
}
