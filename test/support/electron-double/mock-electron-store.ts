/** electron-store reads Electron's paths when constructed; the double keeps preferences in memory. */
export default class MemoryStore {
  store: Record<string, unknown> = {};
}
