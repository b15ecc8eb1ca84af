// Two units' vaults for the handover tests: unit A (sender) and unit B (receiver), each with its own
// signing identity; the handover channels called through the real router, and the save channel with a
// save dialog answered like a user (a temp path), as the export tests do.
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { FileSaver } from '../../main/files/file-saver';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { handoverSaveHandlers } from '../../main/services/handover-save';
import { readZip } from '../../main/signing/zip-read';
import { handoverChannels } from '../../shared/ipc/handover';
import { completePlan } from '../support/document-fixtures';
import type { ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { answeringDialogs } from './export-fixtures';

export const REFERENCE = 'KOMPIS-HO-4711';
/** Fictional markers that occur nowhere else, to find (or not find) in packages and vaults. */
export const PLAN_MARK = 'Tverrfjellplanen';
export const MENTOR_MARK = 'Samtalemerket Kvitbjørn';
export const MENTOR_PASSPHRASE = 'Mentorordningens eget lange passord';

type SaveInput = z.input<(typeof handoverChannels)['handover.save']['input']>;

/**
 * `handover.save` with a save dialog answering a new temp path, or `chosen` (null: cancelled);
 * returns the answer and the bytes written.
 */
export function handoverSaver(s: ServiceApp, chosen?: string | null) {
  // Beside the vault, so the app's cleanup removes them, refused saves included.
  const dialogs = answeringDialogs(s.scratch('saved-'));
  const files = new FileSaver(
    chosen === undefined ? dialogs : { ...dialogs, chooseSavePath: async () => chosen },
    createConfPrefsStore(s.scratch('saver-prefs-')),
    s.app.session.files.dir,
  );
  const handlers = handoverSaveHandlers({ session: s.app.session, now: () => new Date(), files });
  return async (input: SaveInput) => {
    const parsed = handoverChannels['handover.save'].input.parse(input);
    const output = handoverChannels['handover.save'].output.parse(await handlers['handover.save'](parsed));
    if (!output.saved) return { output, bytes: null };
    const path = dialogs.saved.at(-1) ?? '';
    const bytes = new Uint8Array(readFileSync(path));
    rmSync(dirname(path), { recursive: true, force: true });
    return { output, bytes };
  };
}

/** A case at unit A: a finalised plan to send, a finalised plan not chosen, a draft, a mentor course with a conversation. */
export async function seedSender(a: ServiceApp, reference = REFERENCE) {
  const { id: caseId } = await a.call('cases.create', {
    name: 'Ola Fiktiv Overføring',
    birthDate: '1991-02-03',
    caseReference: reference,
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  });
  const plan = async (text: string, finalise: boolean) => {
    const doc = await a.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ riskAndVulnerabilityFactors: text, grading: { level: 'KONFIDENSIELT' } }),
    });
    return finalise ? (await a.call('documents.finalise', { id: doc.document.id })).document : doc.document;
  };
  const sent = await plan(`${PLAN_MARK} — det mottakende enhet trenger`, true);
  const notChosen = await plan('En eldre plan som ikke sendes', true);
  const draft = await plan('Et utkast som ikke er ferdig', false);
  return { caseId, sent, notChosen, draft };
}

/** Every row of the vault and every byte of its folder: equal before and after means nothing was written. */
export function vaultState(app: ServiceApp) {
  return { rows: app.rows(), files: snapshotFiles(app.vaultDir) };
}

export async function zipEntries(bytes: Uint8Array): Promise<{ name: string; bytes: Uint8Array }[]> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.messageKey);
  return zip.entries.filter((entry) => !entry.isDirectory).map((entry) => ({ name: entry.name, bytes: entry.bytes }));
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A transfer to another unit, recorded before a handover package can be made (NO pkt 8). */
export const TRANSFER = {
  kind: 'other_unit',
  receivingUnit: 'Nordby fengsel',
  plannedDate: '2026-03-20',
  receivingContact: 'Kari Mottaker',
  decisionDate: '2026-03-10',
} as const;
