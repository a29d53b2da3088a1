/** Points at most `maxAgeMs` old, oldest first; older ones fall off as new ones arrive. */
export class RingHistory<T extends { at: number }> {
  private points: T[] = [];

  constructor(private readonly maxAgeMs: number) {}

  push(point: T): void {
    this.points.push(point);
    const cutoff = point.at - this.maxAgeMs;
    let drop = 0;
    while (drop < this.points.length && this.points[drop]!.at < cutoff) drop++;
    if (drop > 0) this.points = this.points.slice(drop);
  }

  all(): readonly T[] {
    return this.points;
  }

  get size(): number {
    return this.points.length;
  }
}
