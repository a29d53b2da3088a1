/** A one-way signal that the job is stopping, to cut waits short. */
export class Shutdown {
  private triggered = false;
  private resolve!: () => void;
  private readonly signal = new Promise<void>((r) => (this.resolve = r));

  get isTriggered(): boolean {
    return this.triggered;
  }

  trigger(): void {
    this.triggered = true;
    this.resolve();
  }

  /** Settles with `work`, after `timeoutMs`, or when the job stops, whichever comes first. */
  async race(work: Promise<unknown>, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)));
    try {
      await Promise.race([work, timeout, this.signal]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `work`, or a rejection with `message` after `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
