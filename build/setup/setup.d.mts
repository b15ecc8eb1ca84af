/** The package names in build/setup/debian-packages.txt (or in `text`): one per line, `#` comments. */
export declare function readPackageList(text?: string): string[];
