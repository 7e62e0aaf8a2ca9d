import { Injectable } from '@nestjs/common';
import { Role, ROLE_LABELS } from '@xiangmeng/domain';
import {
  at,
  type ExportColumn,
  ListExport,
  type ListExportDefinition,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { UserModel } from './user.model';
import { UsersService } from './users.service';

/** 用户管理: an admin's own tenant's users. */
@Injectable()
@ListExport()
export class UsersExport implements ListExportDefinition<null, UserModel> {
  readonly name = 'users';
  readonly title = '用户';
  readonly roles = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN];

  constructor(private readonly users: UsersService) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<UserModel>[] {
    return [
      { key: 'username', header: '用户名', width: 16, value: (u) => u.username },
      { key: 'displayName', header: '姓名', width: 12, value: (u) => u.displayName },
      {
        key: 'roles',
        header: '角色',
        width: 30,
        value: (u) => u.roles.map((r) => ROLE_LABELS[r] ?? r).join('、'),
      },
      { key: 'disabled', header: '状态', width: 8, value: (u) => (u.disabled ? '已停用' : '正常') },
      { key: 'createdAt', header: '创建时间', width: 18, value: (u) => at(u.createdAt) },
      { key: 'lastSignInAt', header: '最近登录', width: 18, value: (u) => at(u.lastSignInAt) },
    ];
  }

  rows(ctx: RequestContext, viewer: Viewer): Promise<UserModel[]> {
    return this.users.list(ctx, viewer);
  }
}
