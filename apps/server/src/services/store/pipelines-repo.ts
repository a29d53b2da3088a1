import { num, strOrNull, type Db, type Row } from './db';

export interface PipelineRow {
  id: string;
  name: string;
  description: string | null;
  latestVersion: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

/** A pipeline with what the list shows of its latest version. */
export interface PipelineListRow extends PipelineRow {
  problemCount: number;
  updatedBy: string | null;
}

export interface VersionRow {
  pipelineId: string;
  version: number;
  /** The document as JSON text, exactly as saved. */
  document: string;
  problemCount: number;
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
}

function toPipeline(r: Row): PipelineRow {
  return {
    id: String(r.id),
    name: String(r.name),
    description: strOrNull(r.description),
    latestVersion: num(r.latest_version),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
    deletedAt: r.deleted_at === null || r.deleted_at === undefined ? null : num(r.deleted_at),
  };
}

function toVersion(r: Row): VersionRow {
  return {
    pipelineId: String(r.pipeline_id),
    version: num(r.version),
    document: String(r.document),
    problemCount: num(r.problem_count),
    authorId: strOrNull(r.author_id),
    authorName: strOrNull(r.author_name),
    createdAt: num(r.created_at),
  };
}

export function pipelinesRepo(db: Db) {
  return {
    async list(): Promise<PipelineListRow[]> {
      const rows = await db.all(
        `SELECT p.*, v.problem_count, v.author_name
           FROM pipelines p JOIN pipeline_versions v ON v.pipeline_id = p.id AND v.version = p.latest_version
          WHERE p.deleted_at IS NULL
          ORDER BY p.name`,
      );
      return rows.map((r) => ({ ...toPipeline(r), problemCount: num(r.problem_count), updatedBy: strOrNull(r.author_name) }));
    },
    /** A live (not deleted) pipeline. */
    async get(id: string): Promise<PipelineRow | undefined> {
      const r = await db.get('SELECT * FROM pipelines WHERE id = ? AND deleted_at IS NULL', [id]);
      return r && toPipeline(r);
    },
    async findLiveByName(name: string): Promise<PipelineRow | undefined> {
      const r = await db.get('SELECT * FROM pipelines WHERE name = ? AND deleted_at IS NULL', [name]);
      return r && toPipeline(r);
    },
    async insert(p: Omit<PipelineRow, 'deletedAt' | 'updatedAt' | 'latestVersion'>): Promise<void> {
      await db.run(
        'INSERT INTO pipelines (id, name, description, latest_version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
        [p.id, p.name, p.description, p.createdAt, p.createdAt],
      );
    },
    /**
     * Moves the pipeline from `baseVersion` to `baseVersion + 1`; false when its latest
     * version is no longer `baseVersion` (someone else saved first) or it was deleted.
     */
    async advance(p: { id: string; baseVersion: number; name: string; description: string | null; updatedAt: number }): Promise<boolean> {
      const r = await db.run(
        `UPDATE pipelines SET latest_version = latest_version + 1, name = ?, description = ?, updated_at = ?
          WHERE id = ? AND latest_version = ? AND deleted_at IS NULL`,
        [p.name, p.description, p.updatedAt, p.id, p.baseVersion],
      );
      return r.changes === 1;
    },
    async softDelete(id: string, at: number): Promise<boolean> {
      return (await db.run('UPDATE pipelines SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL', [at, id])).changes === 1;
    },
    async insertVersion(v: VersionRow): Promise<void> {
      await db.run(
        `INSERT INTO pipeline_versions (pipeline_id, version, document, problem_count, author_id, author_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [v.pipelineId, v.version, v.document, v.problemCount, v.authorId, v.authorName, v.createdAt],
      );
    },
    async getVersion(pipelineId: string, version: number): Promise<VersionRow | undefined> {
      const r = await db.get('SELECT * FROM pipeline_versions WHERE pipeline_id = ? AND version = ?', [pipelineId, version]);
      return r && toVersion(r);
    },
    /** Newest first, without the documents. */
    async listVersions(pipelineId: string): Promise<Omit<VersionRow, 'document'>[]> {
      const rows = await db.all(
        `SELECT pipeline_id, version, problem_count, author_id, author_name, created_at
           FROM pipeline_versions WHERE pipeline_id = ? ORDER BY version DESC`,
        [pipelineId],
      );
      return rows.map((r) => {
        const { document: _document, ...rest } = toVersion({ ...r, document: '' });
        return rest;
      });
    },
  };
}
export type PipelinesRepo = ReturnType<typeof pipelinesRepo>;
