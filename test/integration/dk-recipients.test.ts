// A DK vault sends nothing to KDI (the Norwegian directorate), a Norwegian region or PST: the distribution
// log and the exports refuse those recipients there, naming the field and changing nothing (audit 5 left
// it; the DK log accepted every Norwegian recipient). Fictional people only.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { captureIo } from '../support/cli-harness';
import { PASSPHRASE } from '../support/vault-fixtures';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { exportArea } from './export-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());
const G = { level: 'TIL TJENESTEBRUG' } as const;
let s: ServiceApp;
let courseId: string;

beforeAll(async () => {
  s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
  const { id: caseId } = await s.call('cases.create', {
    name: 'Søren Opdigtet',
    caseReference: 'KS-880003',
    unit: 'KiF Testby afdeling',
    status: 'samfunnsstraff',
    grading: G,
  });
  const { id: _id, ...mentor } = suitableMentor();
  const mentorId = (await s.call('mentors.save', { mentor, grading: G })).id;
  const base = eligibleDkCourse();
  const doc = await s.call('documents.create', {
    caseId,
    kind: 'mentor_course',
    content: eligibleDkCourse({ mentors: [{ ...base.mentors[0]!, mentorId }], grading: G }),
  });
  courseId = (await s.call('documents.finalise', { id: doc.document.id })).document.id;
  await exportArea(s).call('signing.generateIdentity', { unitName: 'KiF Testby' });
}, 120_000);

describe('recipients in a DK vault', () => {
  it('refuses KDI, a region and PST in the distribution log, and takes the police', async () => {
    for (const recipient of ['kdi', 'region', 'pst'] as const) {
      const before = s.rows();
      expect(
        await s.fail('distribution.record', {
          documentId: courseId,
          version: 2,
          recipient,
          sentOn: '2026-03-02',
          format: 'paper',
        }),
      ).toMatchObject({ code: 'invalid_input', messageKey: 'error.recipient_profile', fields: ['recipient'] });
      expect(s.rows()).toEqual(before);
    }
    await s.call('distribution.record', {
      documentId: courseId,
      version: 2,
      recipient: 'politi',
      sentOn: '2026-03-02',
      format: 'paper',
    });
  });

  it('refuses to export a signed container for KDI', async () => {
    await expect(exportArea(s).call('export.asice', { documentId: courseId, recipient: 'kdi' })).rejects.toMatchObject({
      messageKey: 'error.recipient_profile',
    });
  });
});

describe('bro export in a DK vault', () => {
  it('asks for a recipient, refuses KDI before unlocking (the file byte for byte), and exports for the police', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bro-dk-export-'));
    try {
      s.app.session.lock();
      const database = s.app.session.files.database;
      const hash = () => createHash('sha256').update(readFileSync(database)).digest('hex');
      const before = hash();
      const args = [
        'export',
        '--vault',
        s.vaultDir,
        '--case',
        'KS-880003',
        '--doc',
        'mentor_course',
        '--format',
        'pdf',
      ];
      const env = { BRO_PASSPHRASE: PASSPHRASE };
      const none = captureIo(env);
      expect(await runCli([...args, '--out', join(out, 'a.pdf')], none.io)).toBe(2);
      expect(none.err.join('\n')).toContain('--recipient politi|kommune|other_unit|other');
      const kdi = captureIo(env);
      expect(await runCli([...args, '--out', join(out, 'b.pdf'), '--recipient', 'kdi'], kdi.io)).toBe(2);
      expect(kdi.err.join('\n')).toContain('belongs to the Norwegian profile');
      expect(hash()).toBe(before);
      expect(existsSync(join(out, 'b.pdf'))).toBe(false);
      const police = captureIo(env);
      expect(await runCli([...args, '--out', join(out, 'c.pdf'), '--recipient', 'politi'], police.io)).toBe(0);
      expect(readFileSync(join(out, 'c.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
