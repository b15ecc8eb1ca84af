import { describe, expect, it } from 'vitest';
import { canFinalise } from './finding';
import { checkExportBundle } from './export-bundle';
import { checkExportGrading, checkGradingChange, checkGradingOfProfile, requiredExportGrading } from './grading-rules';

describe('export grading', () => {
  it('requires at least the highest grading of the contents', () => {
    const contents = [
      { level: 'BEGRENSET' as const },
      { level: 'KONFIDENSIELT' as const },
      { level: 'UGRADERT' as const },
    ];
    expect(requiredExportGrading('NO', contents)).toBe('KONFIDENSIELT');
    expect(checkExportGrading('NO', { level: 'KONFIDENSIELT' }, contents)).toEqual([]);
    expect(checkExportGrading('NO', { level: 'HEMMELIG' }, contents)).toEqual([]);
    const findings = checkExportGrading('NO', { level: 'BEGRENSET' }, contents);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'grading.exportTooLow',
        severity: 'blocking',
        params: { level: 'BEGRENSET', required: 'KONFIDENSIELT' },
        citation: expect.objectContaining({ source: 'local', localPractice: { reasonKey: 'rules.local.grading' } }),
      }),
    ]);
  });

  it('ranks the NO protective markings below BEGRENSET', () => {
    expect(checkExportGrading('NO', { level: 'STRENGT FORTROLIG' }, [{ level: 'BEGRENSET' }])).toHaveLength(1);
    expect(checkExportGrading('NO', { level: 'BEGRENSET' }, [{ level: 'STRENGT FORTROLIG' }])).toEqual([]);
  });

  it('refuses a grading from the other profile instead of comparing across scales', () => {
    const findings = checkExportGrading('DK', { level: 'FORTROLIGT' }, [{ level: 'HEMMELIG' }]);
    expect(findings.map((f) => [f.ruleId, f.params.level])).toEqual([['dk.grading.profile', 'HEMMELIG']]);
    expect(checkGradingOfProfile('DK', { level: 'TIL TJENESTEBRUG' })).toEqual([]);
  });
});

describe('grading changes', () => {
  it('lets a grading be raised without a reason', () => {
    expect(checkGradingChange('DK', { from: { level: 'TIL TJENESTEBRUG' }, to: { level: 'FORTROLIGT' } })).toEqual([]);
  });

  it('blocks a downgrade without a recorded reason and notes that it is logged when one is given', () => {
    const change = { from: { level: 'KONFIDENSIELT' as const }, to: { level: 'BEGRENSET' as const } };
    const blocked = checkGradingChange('NO', { ...change, reason: '  ' });
    expect(blocked.map((f) => [f.ruleId, f.severity])).toEqual([['grading.downgradeReason', 'blocking']]);
    expect(canFinalise(blocked)).toBe(false);
    const reasoned = checkGradingChange('NO', { ...change, reason: 'Informasjonen er offentliggjort.' });
    expect(reasoned.map((f) => [f.ruleId, f.severity, f.params.from, f.params.to])).toEqual([
      ['grading.downgrade', 'info', 'KONFIDENSIELT', 'BEGRENSET'],
    ]);
  });

  it('takes "Unntatt offentlighet" removed for a lowering, at the same level or a higher one', () => {
    const exempt = { level: 'BEGRENSET' as const, exemptionBasis: 'offl. § 13, jf. fvl. § 13' };
    const brief = (change: Parameters<typeof checkGradingChange>[1]) =>
      checkGradingChange('NO', change).map((f) => [f.ruleId, f.severity, f.params.basis, f.field]);
    for (const to of [{ level: 'BEGRENSET' as const }, { level: 'KONFIDENSIELT' as const }]) {
      expect(brief({ from: exempt, to })).toEqual([
        ['grading.exemptionRemovedReason', 'blocking', 'offl. § 13, jf. fvl. § 13', 'reason'],
      ]);
      expect(brief({ from: exempt, to, reason: 'Innsyn gitt etter klage.' })).toEqual([
        ['grading.exemptionRemoved', 'info', 'offl. § 13, jf. fvl. § 13', 'reason'],
      ]);
    }
    // A lower level as well: the level's own rule asks for the reason.
    expect(brief({ from: exempt, to: { level: 'UGRADERT' } }).map((f) => f[0])).toEqual(['grading.downgradeReason']);
    // Its basis reworded, or an exemption added, lowers nothing.
    expect(brief({ from: exempt, to: { ...exempt, exemptionBasis: 'offl. § 13' } })).toEqual([]);
    expect(brief({ from: { level: 'BEGRENSET' }, to: exempt })).toEqual([]);
  });
});

describe('export bundles', () => {
  it('checks both the grading and that the two plans travel separately', () => {
    const findings = checkExportBundle({
      profile: 'NO',
      grading: { level: 'BEGRENSET' },
      items: [
        { kind: 'follow_up_plan', grading: { level: 'KONFIDENSIELT' } },
        { kind: 'future_plan', grading: { level: 'BEGRENSET' } },
      ],
    });
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['grading.exportTooLow', 'Bro'],
      ['no.futurePlan.separate', 'NO pkt 10'],
    ]);
  });

  it('counts the grading of the case whose person data the export prints', () => {
    const low = { level: 'UGRADERT' as const };
    const items = [{ kind: 'follow_up_plan' as const, grading: low }];
    const findings = checkExportBundle({ profile: 'NO', grading: low, items, caseGrading: { level: 'KONFIDENSIELT' } });
    expect(findings.map((f) => [f.ruleId, f.params.required])).toEqual([['grading.exportTooLow', 'KONFIDENSIELT']]);
    const raised = { level: 'KONFIDENSIELT' as const };
    expect(checkExportBundle({ profile: 'NO', grading: raised, items, caseGrading: raised })).toEqual([]);
    const dk = [{ kind: 'mentor_course' as const, grading: { level: 'IKKE KLASSIFICERET' as const } }];
    const caseGrading = { level: 'FORTROLIGT' as const };
    expect(
      checkExportBundle({ profile: 'DK', grading: { level: 'TIL TJENESTEBRUG' }, items: dk, caseGrading }),
    ).toHaveLength(1);
  });

  it('accepts a single plan graded as its content', () => {
    const grading = { level: 'KONFIDENSIELT' as const };
    expect(checkExportBundle({ profile: 'NO', grading, items: [{ kind: 'follow_up_plan', grading }] })).toEqual([]);
  });
});
