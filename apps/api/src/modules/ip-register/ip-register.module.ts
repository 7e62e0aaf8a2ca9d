import { IpAssetsExport } from './ip-assets.export';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectsModule } from '../projects/projects.module';
import { IpRegisterRepository } from './ip-register.repository';
import { IpRegisterResolver } from './ip-register.resolver';
import { IpRegisterService } from './ip-register.service';

// The IP register of projects (Art. 20): assets, their owners and licences, and the share of
// licences to in-province units per project and per alliance.
@Module({
  imports: [AuditModule, ProjectsModule],
  providers: [IpRegisterRepository, IpRegisterService, IpRegisterResolver, IpAssetsExport],
})
export class IpRegisterModule {}
