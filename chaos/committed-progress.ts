import { createKafka, type Admin } from '@weir/kafka';

/** How far a job has committed: the sum of its group's committed offsets over the input topic. */
export class CommittedProgress {
  private admin: Admin | null = null;
  last = 0;

  constructor(
    private readonly brokers: string,
    private readonly groupId: string,
    private readonly topic: string,
  ) {}

  /** The committed total now (the last known one while the broker does not answer). */
  async read(): Promise<number> {
    try {
      if (this.admin === null) {
        const admin = createKafka({ brokers: this.brokers }).admin();
        await admin.connect();
        this.admin = admin;
      }
      const [t] = await this.admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] });
      this.last = (t?.partitions ?? []).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    } catch {
      await this.admin?.disconnect().catch(() => {});
      this.admin = null;
    }
    return this.last;
  }

  /** Polls until `check(committed)` holds; false after `timeoutMs`. */
  async until(check: (committed: number) => boolean, timeoutMs: number, pollMs = 100): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (check(await this.read())) return true;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    return false;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => {});
    this.admin = null;
  }
}
