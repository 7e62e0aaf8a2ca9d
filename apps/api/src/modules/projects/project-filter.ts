import { PROJECT_WORKFLOW, type ProjectState } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { badInput, violation } from '../../common/errors/app-error';
import { pageViolations } from '../../common/paging';
import type { ProjectFilterInput } from './dto/project.input';
import type { ProjectFilter } from './projects.repository';
import type { ProjectsRepository } from './projects.repository';

/** The projects list's filter checked, the city named by its code resolved: the list and its export. */
export async function projectListFilter(
  db: EntityManager,
  repository: ProjectsRepository,
  f: ProjectFilterInput,
): Promise<ProjectFilter> {
  const problems = [];
  if (f.state && !Object.hasOwn(PROJECT_WORKFLOW.states, f.state))
    problems.push(violation('state', 'ONE_OF', '没有这一项目状态'));
  problems.push(...pageViolations(f));
  if (f.year !== null && f.year !== undefined && !(f.year >= 2016 && f.year <= 2100))
    problems.push(violation('year', 'RANGE', '年度应在 2016 至 2100 之间'));
  if (problems.length) throw badInput(problems);
  const cityTenantId = await cityIdOf(db, repository, f.cityCode);
  return {
    programmeId: f.programmeId ?? null,
    state: (f.state as ProjectState | null) ?? null,
    allianceId: f.allianceId ?? null,
    cityTenantId,
    year: f.year ?? null,
    first: f.first,
    offset: f.offset,
  };
}

/** The city named by its division code, refused by field when there is none. */
export async function cityIdOf(
  db: EntityManager,
  repository: ProjectsRepository,
  code: string | null | undefined,
): Promise<string | null> {
  if (!code) return null;
  const id = await repository.tenantIdByCode(db, code);
  if (!id) throw badInput([violation('cityCode', 'NOT_FOUND', '没有该行政区划代码的市州')]);
  return id;
}
