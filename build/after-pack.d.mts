/** The part of electron-builder's AfterPackContext the hook reads. */
export type AfterPackContextLike = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
};

export declare function electronExecutable(context: AfterPackContextLike): string;
export declare function fusesNotSet(executable: string): Promise<string[]>;
export declare function afterPack(context: AfterPackContextLike): Promise<void>;
export default afterPack;
