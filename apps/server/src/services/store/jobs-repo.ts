import type { EngineName, JobError, JobState } from '@weir/model';
import { jsonOrNull, num, numOrNull, strOrNull, type Db, type Row, type SqlValue } from './db';

export interface JobRow {
  id: string;
  pipelineId: string;
  pipelineName: string;
  version: number;
  engine: EngineName;
  state: JobState;
  error: JobError | null;
  createdAt: number;
  createdBy: string | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Where a restart resumes from (a savepoint taken at stop); null: the latest checkpoint. */
  savepoint: string | null;
  externalId: string | null;
  externalUrl: string | null;
}

export type JobPatch = Partial<Pick<JobRow, 'state' | 'error' | 'startedAt' | 'endedAt' | 'savepoint' | 'externalId' | 'externalUrl'>>;

const COLUMNS: Record<keyof JobPatch, string> = {
  state: 'state',
  error: 'error',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  savepoint: 'savepoint',
  externalId: 'external_id',
  externalUrl: 'external_url',
};

function toJob(r: Row): JobRow {
  return {
    id: String(r.id),
    pipelineId: String(r.pipeline_id),
    pipelineName: String(r.pipeline_name),
    version: num(r.version),
    engine: r.engine as EngineName,
    state: r.state as JobState,
    error: jsonOrNull(r.error) as JobError | null,
    createdAt: num(r.created_at),
    createdBy: strOrNull(r.created_by),
    startedAt: numOrNull(r.started_at),
    endedAt: numOrNull(r.ended_at),
    savepoint: strOrNull(r.savepoint),
    externalId: strOrNull(r.external_id),
    externalUrl: strOrNull(r.external_url),
  };
}

export function jobsRepo(db: Db) {
  return {
    async insert(j: JobRow): Promise<void> {
      await db.run(
        `INSERT INTO jobs (id, pipeline_id, pipeline_name, version, engine, state, error, created_at, created_by,
                           started_at, ended_at, savepoint, external_id, external_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [j.id, j.pipelineId, j.pipelineName, j.version, j.engine, j.state, j.error === null ? null : JSON.stringify(j.error),
          j.createdAt, j.createdBy, j.startedAt, j.endedAt, j.savepoint, j.externalId, j.externalUrl],
      );
    },
    async get(id: string): Promise<JobRow | undefined> {
      const r = await db.get('SELECT * FROM jobs WHERE id = ?', [id]);
      return r && toJob(r);
    },
    /** Newest first. */
    async list(filter: { pipelineId?: string; states?: readonly JobState[] } = {}): Promise<JobRow[]> {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (filter.pipelineId !== undefined) {
        where.push('pipeline_id = ?');
        params.push(filter.pipelineId);
      }
      if (filter.states !== undefined) {
        if (filter.states.length === 0) return [];
        where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
        params.push(...filter.states);
      }
      const sql = `SELECT * FROM jobs${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id`;
      return (await db.all(sql, params)).map(toJob);
    },
    async update(id: string, patch: JobPatch): Promise<void> {
      const keys = (Object.keys(patch) as (keyof JobPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return;
      const values = keys.map((k): SqlValue => {
        const v = patch[k];
        if (k === 'error') return v === null ? null : JSON.stringify(v);
        return v as SqlValue;
      });
      await db.run(`UPDATE jobs SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`, [...values, id]);
    },
  };
}
export type JobsRepo = ReturnType<typeof jobsRepo>;
