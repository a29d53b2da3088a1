import { FIELD_TYPES, type FieldType, type RecordSchema } from '@weir/model';

/** `name type` lines (blank lines skipped) into a record schema, or the first line that is not one. */
export function parseSchemaLines(text: string): { ok: true; schema: RecordSchema | null } | { ok: false; message: string } {
  const schema: RecordSchema = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^(\S+)\s+(\S+)$/.exec(line);
    const type = m?.[2]?.toLowerCase();
    if (!m || !type || !(FIELD_TYPES as readonly string[]).includes(type)) {
      return { ok: false, message: `line ${i + 1}: write a field name and one of ${FIELD_TYPES.join(', ')} (e.g. amount double)` };
    }
    schema.push({ name: m[1]!, type: type as FieldType });
  }
  return { ok: true, schema: schema.length > 0 ? schema : null };
}

/** A schema as `name type` lines, for editing. */
export function schemaToLines(schema: RecordSchema): string {
  return schema.map((f) => `${f.name} ${f.type}`).join('\n');
}
