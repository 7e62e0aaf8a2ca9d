import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PROJECT_WORKFLOW, transitionOf } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ApplicationEngine } from '../applications/application-engine';
import { JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import { PROJECT_DISSOLUTION_JOB, ProjectKind } from './project.kind';
import { ProjectsRepository } from './projects.repository';

/**
 * The dissolution cascade (Art. 19): the alliance's dissolution queues one job per open project
 * for its awarding authority (a trigger of the register); the scheduler, as that authority, freezes
 * the project as the system, which stops disbursement and puts it on the authority's to-do list
 * (the kind's notice). Idempotent: a project no longer open is left as it is.
 */
@Injectable()
export class ProjectDissolution implements OnModuleInit {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly engine: ApplicationEngine,
    private readonly kind: ProjectKind,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register({
      kind: PROJECT_DISSOLUTION_JOB,
      actsAs: 'AUTHORITY',
      run: (db, job) => this.freeze(db, job),
    });
  }

  private async freeze(db: EntityManager, job: Job): Promise<void> {
    const { projectId } = job.payload;
    if (typeof projectId !== 'string') throw new Error(`malformed job ${job.kind}:${job.key}`);
    const project = await this.projects.find(db, projectId);
    if (!project || !transitionOf(PROJECT_WORKFLOW, project.state, 'FREEZE_ON_DISSOLUTION')) return;
    const level = project.supportSource === 'PROVINCIAL_SUPPORT' ? 'PROVINCE' : 'CITY';
    await this.engine.transition(
      db,
      { userId: '', tenantId: job.tenantId, tenantLevel: level, roles: [], sessionId: '', system: true },
      this.kind,
      { id: project.id, action: 'FREEZE_ON_DISSOLUTION', version: project.version, text: '' },
    );
  }
}
