import { createKafka, ensureTopics, type Producer } from '@weir/kafka';
import { isMalformed, record, sentinels, PARTITIONS, type InputRecord } from './chaos-input';

/** Writes the input of a scenario at a steady rate, so that kills land mid-run. */
export class InputWriter {
  private producer: Producer | null = null;
  written = 0;

  constructor(
    private readonly brokers: string,
    private readonly topic: string,
    private readonly total: number,
    private readonly malformedRate: number,
  ) {}

  async open(): Promise<void> {
    const kafka = createKafka({ brokers: this.brokers });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: this.topic, partitions: PARTITIONS }]);
    await admin.disconnect();
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.producer.connect();
  }

  /**
   * Writes records up to `upTo` (of the total) at about `ratePerSecond`, never more than
   * `allowed()` in all (the job's committed progress plus a margin, so that the input
   * outlasts the faults); the sentinels follow the last record.
   */
  async write(upTo: number, ratePerSecond: number, allowed: () => Promise<number> = async () => Infinity): Promise<void> {
    const chunk = Math.max(100, Math.round(ratePerSecond / 10));
    const end = Math.min(upTo, this.total);
    while (this.written < end) {
      if (this.written + chunk > (await allowed())) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const began = Date.now();
      const to = Math.min(end, this.written + chunk);
      const records: InputRecord[] = [];
      for (let i = this.written; i < to; i++) records.push(record(i, isMalformed(i, this.malformedRate)));
      await this.send(records);
      this.written = to;
      const wait = (chunk * 1000) / ratePerSecond - (Date.now() - began);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    if (this.written >= this.total && end === this.total) await this.send(sentinels(this.total));
  }

  private async send(records: InputRecord[]): Promise<void> {
    await this.producer?.send({ topic: this.topic, acks: -1, messages: records.map((r) => ({ partition: r.partition, value: r.value })) });
  }

  /** Every input offset, sentinels included: what the job's committed offsets add up to when it is done. */
  get totalOffsets(): number {
    return this.total + PARTITIONS;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => {});
    this.producer = null;
  }
}
