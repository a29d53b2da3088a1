import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import { validateDocument, type JobState } from '@weir/model';
import type { DraftDocument, PipelineDiff, PipelineRecord, PipelineSummary, PipelineVersion } from '@weir/protocol';
import { ApiError } from '../api-error';
import type { AuditService } from './audit-service';
import { requireRole, type Actor } from './auth/actor';
import { diffDocuments } from './pipelines/diff';
import type { PipelineRow, VersionRow } from './store/pipelines-repo';
import type { Repos, Store } from './store/store';

/** Job states in which a pipeline's job still holds resources; such a pipeline cannot be deleted. */
export const ACTIVE_JOB_STATES: readonly JobState[] = ['CREATED', 'RUNNING', 'RESTARTING', 'FAILING', 'CANCELLING'];

const iso = (ms: number) => new Date(ms).toISOString();

function nameTaken(name: string): ApiError {
  return new ApiError(409, 'NAME_TAKEN', `A pipeline named ${name} exists already; choose another name`, { name });
}

/**
 * Pipelines and their immutable versions. Reading needs a session (viewer); saving and
 * deleting need an operator. A document with problems is still saved — as a draft — and
 * its problems come back with it.
 */
export function createPipelineService(store: Store, audit: AuditService, now: () => number) {
  async function live(repos: Repos, id: string): Promise<PipelineRow> {
    const p = await repos.pipelines.get(id);
    if (!p) throw new ApiError(404, 'NOT_FOUND', `No pipeline with id ${id}`);
    return p;
  }

  async function versionOf(repos: Repos, p: PipelineRow, version: number): Promise<VersionRow> {
    const v = await repos.pipelines.getVersion(p.id, version);
    if (!v) throw new ApiError(404, 'NOT_FOUND', `Pipeline ${p.name} has no version ${version}; its latest is ${p.latestVersion}`);
    return v;
  }

  function toRecord(p: PipelineRow, v: VersionRow): PipelineRecord {
    const document = JSON.parse(v.document) as DraftDocument;
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      version: v.version,
      latestVersion: p.latestVersion,
      document,
      problems: validateDocument(document).problems,
      createdAt: iso(p.createdAt),
      updatedAt: iso(v.createdAt),
      updatedBy: v.authorName,
    };
  }

  async function withUniqueName<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      // Two saves racing for one name: the index decides, the loser hears NAME_TAKEN.
      if (store.isUniqueViolation(err)) throw nameTaken(name);
      throw err;
    }
  }

  return {
    async list(actor: Actor): Promise<PipelineSummary[]> {
      requireRole(actor, 'viewer');
      return (await store.pipelines.list()).map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        version: p.latestVersion,
        valid: p.problemCount === 0,
        problemCount: p.problemCount,
        createdAt: iso(p.createdAt),
        updatedAt: iso(p.updatedAt),
        updatedBy: p.updatedBy,
      }));
    },

    async get(actor: Actor, id: string, version?: number): Promise<PipelineRecord> {
      requireRole(actor, 'viewer');
      const p = await live(store, id);
      return toRecord(p, await versionOf(store, p, version ?? p.latestVersion));
    },

    async create(actor: Actor, document: DraftDocument): Promise<PipelineRecord> {
      requireRole(actor, 'operator');
      const at = now();
      const problems = validateDocument(document).problems;
      const p: PipelineRow = {
        id: randomUUID(), name: document.name, description: document.description ?? null,
        latestVersion: 1, createdAt: at, updatedAt: at, deletedAt: null,
      };
      const v: VersionRow = {
        pipelineId: p.id, version: 1, document: JSON.stringify(document), problemCount: problems.length,
        authorId: actor.id, authorName: actor.name, createdAt: at,
      };
      await withUniqueName(document.name, () => store.transaction(async (tx) => {
        if (await tx.pipelines.findLiveByName(p.name)) throw nameTaken(p.name);
        await tx.pipelines.insert(p);
        await tx.pipelines.insertVersion(v);
        await audit.record(actor, { action: 'pipeline.create', target: `pipeline:${p.id}`, details: { name: p.name, version: 1, problems: problems.length } }, tx);
      }));
      return toRecord(p, v);
    },

    /** Saves `document` as the version after `baseVersion`; 409 VERSION_CONFLICT when someone saved first. */
    async update(actor: Actor, id: string, baseVersion: number, document: DraftDocument): Promise<PipelineRecord> {
      requireRole(actor, 'operator');
      const at = now();
      const problems = validateDocument(document).problems;
      return withUniqueName(document.name, () => store.transaction(async (tx) => {
        const p = await live(tx, id);
        const conflict = (current: number) => new ApiError(409, 'VERSION_CONFLICT',
          `Pipeline ${p.name} has been saved as version ${current} since you opened version ${baseVersion}; reload it and apply your changes again`,
          { currentVersion: current });
        if (baseVersion !== p.latestVersion) throw conflict(p.latestVersion);
        if (document.name !== p.name) {
          const other = await tx.pipelines.findLiveByName(document.name);
          if (other && other.id !== id) throw nameTaken(document.name);
        }
        const description = document.description ?? null;
        if (!(await tx.pipelines.advance({ id, baseVersion, name: document.name, description, updatedAt: at }))) {
          // Another save committed between the read above and this update: name the version it made.
          throw conflict((await live(tx, id)).latestVersion);
        }
        const v: VersionRow = {
          pipelineId: id, version: baseVersion + 1, document: JSON.stringify(document), problemCount: problems.length,
          authorId: actor.id, authorName: actor.name, createdAt: at,
        };
        await tx.pipelines.insertVersion(v);
        await audit.record(actor, {
          action: 'pipeline.update', target: `pipeline:${id}`,
          details: { name: document.name, version: v.version, ...(document.name !== p.name ? { renamedFrom: p.name } : {}), problems: problems.length },
        }, tx);
        return toRecord({ ...p, name: document.name, description, latestVersion: v.version, updatedAt: at }, v);
      }));
    },

    /** Soft delete: versions and jobs stay for the record; the name becomes free. */
    async delete(actor: Actor, id: string): Promise<void> {
      requireRole(actor, 'operator');
      await store.transaction(async (tx) => {
        const p = await live(tx, id);
        const active = await tx.jobs.list({ pipelineId: id, states: ACTIVE_JOB_STATES });
        if (active.length > 0) {
          throw new ApiError(409, 'JOB_ACTIVE', `Pipeline ${p.name} has ${active.length} running job${active.length === 1 ? '' : 's'}; stop ${active.length === 1 ? 'it' : 'them'} first`, {
            jobs: active.map((j) => j.id),
          });
        }
        await tx.pipelines.softDelete(id, now());
        await audit.record(actor, { action: 'pipeline.delete', target: `pipeline:${id}`, details: { name: p.name, version: p.latestVersion } }, tx);
      });
    },

    async versions(actor: Actor, id: string): Promise<PipelineVersion[]> {
      requireRole(actor, 'viewer');
      await live(store, id);
      return (await store.pipelines.listVersions(id)).map((v) => ({
        version: v.version, createdAt: iso(v.createdAt), author: v.authorName, valid: v.problemCount === 0,
      }));
    },

    async diff(actor: Actor, id: string, from: number, to: number): Promise<PipelineDiff> {
      requireRole(actor, 'viewer');
      const p = await live(store, id);
      const [a, b] = [await versionOf(store, p, from), await versionOf(store, p, to)];
      return diffDocuments(JSON.parse(a.document) as DraftDocument, JSON.parse(b.document) as DraftDocument, { from, to });
    },

    /** The stored document of one version, for the job manager (no role check: callers check). */
    async documentOf(id: string, version?: number): Promise<{ pipeline: PipelineRow; version: number; document: DraftDocument }> {
      const p = await live(store, id);
      const v = await versionOf(store, p, version ?? p.latestVersion);
      return { pipeline: p, version: v.version, document: JSON.parse(v.document) as DraftDocument };
    },
  };
}
export type PipelineService = ReturnType<typeof createPipelineService>;

declare module 'fastify' {
  interface FastifyInstance {
    pipelines: PipelineService;
  }
}

export default fp(
  async (app) => {
    app.decorate('pipelines', createPipelineService(app.store, app.audit, app.now));
  },
  { name: 'weir-pipeline-service', dependencies: ['weir-store', 'weir-audit-service', 'weir-clock'] },
);
