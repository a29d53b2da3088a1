/** A Flink SQL string literal. */
export function str(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
