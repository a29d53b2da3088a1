/**
 * Retries an admin call that a broker may refuse for a while for reasons that pass on
 * their own (a group coordinator still loading or moving after a broker start, a leader
 * election): kafkajs marks those errors `retriable` but its admin does not always retry them.
 */
export async function retryKafka<T>(work: () => Promise<T>, attempts = 20, delayMs = 250): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      const retriable = (err as { retriable?: unknown }).retriable === true || /coordinator|leader/i.test((err as Error).message ?? '');
      if (!retriable || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
