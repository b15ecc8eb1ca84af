import type { z } from 'zod';
import type { ChannelDef } from './channel';
import { vaultChannels } from './vault';
import { settingsChannels } from './settings';
import { casesChannels } from './cases';
import { documentsChannels } from './documents';
import { distributionChannels } from './distribution';
import { recordsChannels } from './records';
import { templatesChannels } from './templates';
import { searchChannels } from './search';
import { compartmentChannels } from './compartment';
import { auditChannels } from './audit';
import { dueChannels } from './due';
import { dueViewChannels } from './due-view';
import { exportChannels } from './export';
import { signingChannels } from './signing';
import { trustChannels } from './trust';
import { backupChannels } from './backup';
import { filesChannels } from './files';
import { purgeChannels } from './purge';
import { innsynChannels } from './innsyn';
import { handoverChannels } from './handover';
import { progressChannels } from './progress';
import { workloadSettingChannels } from './workload-setting';

/**
 * The one map of IPC channels. A channel not listed here cannot be called: the router, the preload
 * and the test bridge all check against it. Each domain declares its channels in its own file.
 */
export const contract = {
  ...vaultChannels,
  ...settingsChannels,
  ...casesChannels,
  ...documentsChannels,
  ...distributionChannels,
  ...recordsChannels,
  ...templatesChannels,
  ...searchChannels,
  ...compartmentChannels,
  ...auditChannels,
  ...dueChannels,
  ...dueViewChannels,
  ...exportChannels,
  ...signingChannels,
  ...trustChannels,
  ...backupChannels,
  ...filesChannels,
  ...purgeChannels,
  ...innsynChannels,
  ...handoverChannels,
  ...progressChannels,
  ...workloadSettingChannels,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
