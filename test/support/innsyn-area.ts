import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { FileSaver } from '../../main/files/file-saver';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { innsynHandlers } from '../../main/services/innsyn-service';
import type { ChannelDef } from '../../shared/ipc/channel';
import { innsynChannels } from '../../shared/ipc/innsyn';
import { answeringDialogs } from '../integration/export-fixtures';
import type { ServiceApp } from './service-app';

type Channels = typeof innsynChannels;

/**
 * The innsyn channels over a service app's vault, validated at the boundary as the router does, with a
 * save dialog answered like a user (a temp path) unless the test passes its own, and the clock at `now`
 * (a moment, or a clock the test moves).
 * `cleanup` removes the saved copies and the preferences folder.
 */
export function innsynKit(prefix: string) {
  const dialogs = answeringDialogs();
  const prefsDir = mkdtempSync(join(tmpdir(), prefix));
  function area(s: ServiceApp, options: { dialogs?: FileDialogs; now?: string | (() => Date) } = {}) {
    const files = new FileSaver(options.dialogs ?? dialogs, createConfPrefsStore(prefsDir), s.app.session.files.dir);
    const now = options.now ?? '2026-03-02T10:00:00.000Z';
    const clock = typeof now === 'string' ? () => new Date(now) : now;
    const handlers = innsynHandlers({ session: s.app.session, now: clock, files });
    return async <C extends keyof Channels>(name: C, input: z.input<Channels[C]['input']>) => {
      const def: ChannelDef = innsynChannels[name];
      const handler = handlers[name] as (value: unknown) => unknown;
      return def.output.parse(await handler(def.input.parse(input))) as z.output<Channels[C]['output']>;
    };
  }
  return {
    dialogs,
    area,
    cleanup() {
      dialogs.cleanup();
      rmSync(prefsDir, { recursive: true, force: true });
    },
  };
}
