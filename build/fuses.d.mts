import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

export declare const FUSES: Readonly<Record<keyof typeof FuseV1Options, boolean>>;
export declare function fuseConfig(): FuseV1Config;
