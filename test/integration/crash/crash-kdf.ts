/** The crash tests are about durability, not the KDF; a cheap cost keeps each run short. */
export const CRASH_KDF = { logN: 10, r: 8, p: 1 } as const;
