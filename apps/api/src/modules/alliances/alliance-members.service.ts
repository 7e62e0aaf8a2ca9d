import { Injectable } from '@nestjs/common';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { ownRecord } from '../../common/access/access';
import { badInput, invalid, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { dateViolations, textViolations } from './alliance-input.rules';
import type { AllianceMemberEntity } from './alliance-member.entity';
import { AllianceMembersRepository } from './alliance-members.repository';
import { allianceChanged } from './alliances.errors';
import { AlliancesService } from './alliances.service';
import type { AddMemberInput, ExitMemberInput } from './dto/alliance.input';

/** Organizations join and leave an alliance; history is kept (exits are dated, never deleted). */
@Injectable()
export class AllianceMembersService {
  constructor(
    private readonly members: AllianceMembersRepository,
    private readonly alliances: AlliancesService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async add(ctx: RequestContext, viewer: Viewer, input: AddMemberInput): Promise<AllianceMemberEntity> {
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, input.allianceId);
    const organization = await this.organizations.find(ctx.db, input.organizationId);
    const violations = dateViolations('joinedOn', input.joinedOn, this.alliances.today());
    if (!organization)
      violations.push(violation('organizationId', 'UNKNOWN_ORGANIZATION', '请从名录中选择单位'));
    if (!violations.length && input.joinedOn < alliance.foundedOn) {
      violations.push(
        violation('joinedOn', 'BEFORE_FOUNDING', `加入日期不能早于联盟发起日期（${alliance.foundedOn}）`),
      );
    }
    if (violations.length || !organization) throw badInput(violations);
    const current = await this.members.current(ctx.db, alliance.id);
    if (current.some((m) => m.organizationId === organization.id)) {
      throw invalid('organizationId', 'ALREADY_MEMBER', `${organization.name} 已是本联盟成员`);
    }
    if (input.role === 'CHAIR' && current.some((m) => m.role === 'CHAIR')) {
      throw invalid('role', 'CHAIR_TAKEN', '联盟已有理事长单位');
    }
    let member: AllianceMemberEntity;
    try {
      member = await this.members.insert(ctx.db, {
        tenantId: viewer.tenantId,
        allianceId: alliance.id,
        organizationId: organization.id,
        role: input.role,
        joinedOn: input.joinedOn,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw invalid('organizationId', 'ALREADY_MEMBER', '该单位已是本联盟成员或理事长单位已存在');
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'alliance.add_member',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: {
        organizationId: organization.id,
        name: organization.name,
        role: input.role,
        roleLabel: MEMBER_ROLE_LABELS[input.role],
        joinedOn: input.joinedOn,
      },
    });
    return member;
  }

  /** A member leaves on a date; its history stays. */
  async exit(ctx: RequestContext, viewer: Viewer, input: ExitMemberInput): Promise<AllianceMemberEntity> {
    const found = ownRecord(viewer, await this.members.find(ctx.db, input.memberId));
    const alliance = await this.alliances.lockForChange(ctx.db, viewer, found.allianceId);
    // Read again under the alliance's lock: another request may have recorded the exit meanwhile.
    const member = ownRecord(viewer, await this.members.find(ctx.db, found.id));
    if (member.exitedOn) throw invalid('memberId', 'ALREADY_EXITED', `该成员已于 ${member.exitedOn} 退出`);
    const violations = [
      ...dateViolations('exitedOn', input.exitedOn, this.alliances.today()),
      ...textViolations('reason', input.reason, '退出原因', 2, 1000),
    ];
    if (!violations.length && input.exitedOn < member.joinedOn) {
      violations.push(
        violation('exitedOn', 'EXIT_BEFORE_JOIN', `退出日期不能早于加入日期（${member.joinedOn}）`),
      );
    }
    if (violations.length) throw badInput(violations);
    const reason = input.reason.trim();
    if (!(await this.members.exit(ctx.db, member.id, input.exitedOn, reason))) throw allianceChanged();
    await this.audit.record(ctx.db, {
      action: 'alliance.exit_member',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: { memberId: member.id, organizationId: member.organizationId, role: member.role },
      after: { exitedOn: input.exitedOn, reason },
    });
    return { ...member, exitedOn: input.exitedOn, exitReason: reason };
  }
}
