import { describe, expect, it, vi } from 'vitest';
import { electronDouble } from '../../support/electron-double/electron-double';
import { INVOKE } from '../../support/electron-double/start-shell';

vi.mock('electron', () => electronDouble.module);

describe('the real preload under the Electron double', () => {
  it('exposes exactly window.bro.invoke, which carries channel and input over the one IPC channel', async () => {
    electronDouble.reset();
    vi.resetModules();
    await import('../../../main/app/preload');
    expect([...electronDouble.exposed.keys()]).toEqual(['bro']);
    const bridge = electronDouble.exposed.get('bro') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke']);
    await (bridge.invoke as (channel: string, input: unknown) => Promise<unknown>)('cases.list', { x: 1 });
    expect(electronDouble.rendererInvokes).toEqual([[INVOKE, 'cases.list', { x: 1 }]]);
  });
});
