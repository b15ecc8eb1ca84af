// When a closed case's retention runs out if it held a mentor course (audit 7): a DK course goes on after
// release (DK § 3, stk. 2; § 4, stk. 2) and holds the case while it runs; a course that ended after the
// case closed keeps its records the mentor-course period from its end. And an open case is never purged,
// by the app or by `bro purge` (its default reason skipped every check). Fictional people only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../shared/domain';
import { runCli } from '../../main/cli/run';
import { eligibleDkCourse, offeredNoCourse } from '../../shared/rules/test-fixtures';
import { captureIo } from '../support/cli-harness';
import { retentionItems } from '../support/retention-items';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
afterEach(() => apps.cleanup());

async function releasedCase(
  s: ServiceApp,
  reference: string,
  release: IsoDate,
  grading: 'UGRADERT' | 'IKKE KLASSIFICERET',
) {
  return s.call('cases.create', {
    name: 'Jens Opdigtet',
    caseReference: reference,
    unit: 'Fiktivby fængsel',
    status: 'loslatt',
    expectedReleaseDate: release,
    grading: { level: grading },
  });
}

describe('retention of a case that held a mentor course', () => {
  it('DK: holds a released case while its course goes on, then counts five years from the course end', async () => {
    const s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
    const kase = await releasedCase(s, 'KLIENT-RET-DK1', '2020-01-10', 'IKKE KLASSIFICERET');
    const content = eligibleDkCourse({ startDate: '2019-11-01', startMeeting: { date: '2019-11-01', notes: '' } });
    const course = await s.call('documents.create', { caseId: kase.id, kind: 'mentor_course', content });

    expect(await s.call('cases.purgePreview', { caseId: kase.id })).toMatchObject({
      closedOn: '2020-01-10',
      dueOn: null,
      due: false,
    });
    expect(await retentionItems(s, '2026-03-02')).toEqual([]);
    const before = s.rows();
    expect(
      await s.fail('cases.purge', { caseId: kase.id, confirmReference: 'KLIENT-RET-DK1', reason: 'retention_expired' }),
    ).toMatchObject({ code: 'rule_blocked', messageKey: 'purge.error.courseRunning' });
    expect(s.rows()).toEqual(before);

    // Ended on 1 June 2025 (DK § 19): its records are kept five years from then, not from the release.
    await s.call('documents.save', {
      id: course.document.id,
      content: { ...content, endDate: '2025-06-01', endReason: 'purpose_achieved' },
      expectedVersion: course.document.currentVersion,
    } as never);
    expect(await s.call('cases.purgePreview', { caseId: kase.id })).toMatchObject({ dueOn: '2030-06-01', due: false });
    expect(await retentionItems(s, '2030-06-01')).toEqual([['KLIENT-RET-DK1', '2030-06-01']]);
  });

  it('NO: counts a course KDI ended after the case closed from that end (NO pkt 13.6)', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await releasedCase(s, 'KOMPIS-RET-NO2', '2020-01-10', 'UGRADERT');
    await s.call('documents.create', {
      caseId: kase.id,
      kind: 'mentor_course',
      content: offeredNoCourse({
        grading: { level: 'UGRADERT' },
        end: { endDate: '2025-06-01', endedBy: 'kdi', kdiWrittenConfirmationOn: '2025-06-02', notes: '' },
      }),
    });
    expect(await s.call('cases.purgePreview', { caseId: kase.id })).toMatchObject({
      closedOn: '2020-01-10',
      dueOn: '2030-06-01',
      due: false,
    });
    expect(await retentionItems(s, '2026-03-02')).toEqual([]);
  });
});

describe('an open case', () => {
  it('is never purged, whatever the reason, by the app or by bro purge, and the file is left byte for byte', async () => {
    const s = await apps.make('NO');
    const kase = await s.call('cases.create', {
      name: 'Åse Oppdiktet',
      caseReference: 'KOMPIS-OPEN-0001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const before = s.rows();
    for (const reason of ['registered_in_error', 'administrator_decision'] as const)
      expect(
        await s.fail('cases.purge', { caseId: kase.id, confirmReference: 'KOMPIS-OPEN-0001', reason }),
      ).toMatchObject({ code: 'rule_blocked', messageKey: 'purge.error.caseOpen' });
    expect(s.rows()).toEqual(before);

    const database = s.app.session.files.database;
    s.app.session.lock();
    const hash = createHash('sha256').update(readFileSync(database)).digest('hex');
    const run = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-OPEN-0001', '--yes'], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain('The case is open and cannot be purged');
    expect(createHash('sha256').update(readFileSync(database)).digest('hex')).toBe(hash);
  });
});
