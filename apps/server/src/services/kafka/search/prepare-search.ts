import type { RawCluster } from '@weir/kafka/raw-cluster';
import type { RecordSchema } from '@weir/model';
import type { SearchCheckResponse, SearchRequestParsed } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import { compileSearch, searchSchema, type CompiledSearch } from './compile-search';
import { inferSchema } from './infer-schema';
import { resolveRange, type PartitionSpan } from './resolve-range';
import { sampleValues } from './sample-values';

/** Messages read to infer a value schema when none is given. */
export const INFER_SAMPLE = 200;

export interface PreparedSearch {
  search: CompiledSearch;
  spans: PartitionSpan[];
  total: number;
  schema: RecordSchema;
  inferred: boolean;
}

type Range = SearchRequestParsed['range'];

async function valueSchemaFor(raw: RawCluster, topic: string, given: RecordSchema | null, spans: PartitionSpan[]) {
  if (given) return { schema: given, inferred: false, sampled: 0, notJson: 0 };
  const sample = inferSchema(await sampleValues(raw, topic, spans, INFER_SAMPLE));
  return { schema: sample.schema, inferred: true, sampled: sample.sampled, notJson: sample.notJson };
}

/** Type-checks a search against the given schema, or one inferred from the start of its range. */
export async function checkSearch(raw: RawCluster, topic: string, expression: string, schema: RecordSchema | null, range: Range): Promise<SearchCheckResponse> {
  const { spans } = await resolveRange(raw, topic, range);
  const value = await valueSchemaFor(raw, topic, schema, spans);
  const compiled = compileSearch(expression, value.schema);
  return {
    ok: compiled.ok,
    problems: compiled.ok ? [] : compiled.problems,
    schema: compiled.ok ? compiled.search.schema : searchSchema(value.schema).schema,
    inferred: value.inferred,
    sampled: value.sampled,
    notJson: value.notJson,
  };
}

/** Fixes the range and compiles the expression; a bad expression is EXPRESSION_INVALID with its problems. */
export async function prepareSearch(raw: RawCluster, topic: string, expression: string, schema: RecordSchema | null, range: Range): Promise<PreparedSearch> {
  const { spans, total } = await resolveRange(raw, topic, range);
  const value = await valueSchemaFor(raw, topic, schema, spans);
  const compiled = compileSearch(expression, value.schema);
  if (!compiled.ok) {
    const first = compiled.problems[0];
    throw new ApiError(422, 'EXPRESSION_INVALID', `The search expression has ${compiled.problems.length === 1 ? 'a problem' : `${compiled.problems.length} problems`}${first ? `: ${first.message}` : ''}`, {
      problems: compiled.problems,
      schema: compiled.schema,
    });
  }
  return { search: compiled.search, spans, total, schema: compiled.search.schema, inferred: value.inferred };
}
