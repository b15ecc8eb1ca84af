import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_FINDINGS, EXCLUDED_CHECKS } from '../../build/electronegativity/accepted-findings';
import { collectFiles, MEDIUM, ROOT, scan, type ScanResult } from '../../build/electronegativity/scan';

// The sources, not the built bundles: out/ may be stale or missing, and the bundles hold the same code.
const SOURCE_DIRS = ['main', 'renderer', 'shared'];
const SINGLE_FILES = ['package.json'];

const accepted = (finding: { id: string; file: string }) =>
  ACCEPTED_FINDINGS.some((entry) => entry.id === finding.id && entry.file === finding.file);

describe('Electronegativity over the Electron shell and the renderer', () => {
  let result: ScanResult;

  beforeAll(async () => {
    result = await scan(collectFiles(SOURCE_DIRS, SINGLE_FILES));
  }, 60_000);

  it('reads every source file it is given', () => {
    expect(result.files).toContain('main/app/window.ts');
    expect(result.files).toContain('main/app/preload.ts');
    expect(result.files).toContain('renderer/index.html');
    expect(result.parseErrors).toEqual([]);
  });

  it('reports no finding of medium severity or higher that is not justified in accepted-findings.ts', () => {
    const open = result.findings
      .filter((finding) => finding.severity.value >= MEDIUM && !accepted(finding))
      .map((finding) => `${finding.severity.name} ${finding.id} ${finding.file}:${finding.location?.line ?? '?'}`);
    expect(open).toEqual([]);
  });

  it('has no accepted finding left that the scan no longer reports', () => {
    const stale = ACCEPTED_FINDINGS.filter(
      (entry) => !result.findings.some((finding) => finding.id === entry.id && finding.file === entry.file),
    );
    expect(stale).toEqual([]);
  });

  it('gives every accepted or excluded check a one-line reason', () => {
    for (const entry of [...ACCEPTED_FINDINGS, ...EXCLUDED_CHECKS]) {
      expect(entry.why.length).toBeGreaterThan(40);
      expect(entry.why).not.toContain('\n');
    }
  });
});

describe('the window and the shell, as the scan cannot see them', () => {
  const shellSources = collectFiles(['main', 'renderer', 'shared']).map((file) => ({
    file,
    text: readFileSync(file, 'utf8'),
  }));

  it('never uses the remote module, a webview or shell.openExternal', () => {
    const offending = shellSources
      .filter(({ text }) => /@electron\/remote|enableRemoteModule|<webview|openExternal\s*\(/.test(text))
      .map(({ file }) => file.slice(ROOT.length));
    expect(offending).toEqual([]);
  });

  it('creates its one window sandboxed, isolated, without Node and without webviews', () => {
    const window = readFileSync(join(ROOT, 'main/app/window.ts'), 'utf8');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInSubFrames: false',
      'nodeIntegrationInWorker: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'webviewTag: false',
    ]) {
      expect(window).toContain(setting);
    }
  });
});
