import { AlliancesModule } from './modules/alliances/alliances.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CallsModule } from './modules/calls/calls.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { ExportsModule } from './modules/exports/exports.module';
import { FilingsModule } from './modules/filings/filings.module';
import { FinanceModule } from './modules/finance/finance.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MessagesModule } from './modules/messages/messages.module';
import { NationalPilotsModule } from './modules/national-pilots/national-pilots.module';
import { NoticesModule } from './modules/notices/notices.module';
import { IpRegisterModule } from './modules/ip-register/ip-register.module';
import { InternationalModule } from './modules/international/international.module';
import { IndustriesModule } from './modules/industries/industries.module';
import { MeasuresModule } from './modules/measures/measures.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PilotsModule } from './modules/pilots/pilots.module';
import { PlatformsModule } from './modules/platforms/platforms.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { UsersModule } from './modules/users/users.module';
import { WorkListModule } from './modules/work-list/work-list.module';

// The one list a new feature module joins: the API imports these, their entities register
// themselves (forFeature + autoLoadEntities) and the schema emitter finds their resolvers here.
export const FEATURE_MODULES = [
  TenantsModule,
  SessionsModule,
  AuthModule,
  UsersModule,
  AuditModule,
  IndustriesModule,
  OrganizationsModule,
  MeasuresModule,
  AlliancesModule,
  DocumentsModule,
  ExportsModule,
  ReviewsModule,
  CallsModule,
  PilotsModule,
  FilingsModule,
  ProgrammesModule,
  ProjectsModule,
  IpRegisterModule,
  InternationalModule,
  FinanceModule,
  PlatformsModule,
  JobsModule,
  MessagesModule,
  StatisticsModule,
  WorkListModule,
  NoticesModule,
  NationalPilotsModule,
];
