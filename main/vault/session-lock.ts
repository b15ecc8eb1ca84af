/**
 * One thing at a time for a vault session: unlock, lock, passphrase change, key rotation, compartment
 * create/unlock and backup queue behind each other, so a second unlock waits for the first (and then
 * meets its delay), and no change reads a key file another is about to replace.
 */
export class SessionLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    // The queue moves on whether the task succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
