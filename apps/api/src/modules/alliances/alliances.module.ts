import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AllianceAgreementsService } from './alliance-agreements.service';
import { AllianceFieldsResolver } from './alliance-fields.resolver';
import { AllianceMembersService } from './alliance-members.service';
import { AllianceRegisterQuery } from './alliance-register.query';
import { AlliancesResolver } from './alliances.resolver';
import { AlliancesService } from './alliances.service';
import { FoundingCheckService } from './founding-check.service';

@Module({
  imports: [MeasuresModule, OrganizationsModule],
  providers: [
    AlliancesService,
    AllianceMembersService,
    AllianceAgreementsService,
    AllianceRegisterQuery,
    FoundingCheckService,
    AlliancesResolver,
    AllianceFieldsResolver,
  ],
  exports: [AlliancesService, AllianceRegisterQuery, FoundingCheckService],
})
export class AlliancesModule {}
