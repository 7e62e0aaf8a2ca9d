import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AgreementSignatureEntity,
  AgreementTaskEntity,
  AllianceAgreementEntity,
} from './alliance-agreement.entity';
import { AllianceMemberEntity } from './alliance-member.entity';
import { AllianceOutputEntity } from './alliance-output.entity';
import { AllianceEntity } from './alliance.entity';
import { GovernanceBodyEntity } from './governance-body.entity';
import { DocumentsModule } from '../documents/documents.module';
import { IndustriesModule } from '../industries/industries.module';
import { MeasuresModule } from '../measures/measures.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AllianceAgreementsRepository } from './alliance-agreements.repository';
import { AllianceAgreementsService } from './alliance-agreements.service';
import { AllianceDocumentsController } from './alliance-documents.controller';
import { AllianceDocumentsResolver } from './alliance-documents.resolver';
import { AllianceDocumentsService } from './alliance-documents.service';
import { AllianceFieldsResolver } from './alliance-fields.resolver';
import { AllianceMembersRepository } from './alliance-members.repository';
import { AllianceMembersService } from './alliance-members.service';
import { AlliancesRepository } from './alliances.repository';
import { AllianceConnectionResolver, AlliancesResolver } from './alliances.resolver';
import { AlliancesService } from './alliances.service';
import { FoundingCheckService } from './founding-check.service';

// Alliances use documents (an alliance's file, the agreement's scan), never the other way round.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AllianceAgreementEntity,
      AgreementTaskEntity,
      AgreementSignatureEntity,
      AllianceMemberEntity,
      AllianceOutputEntity,
      AllianceEntity,
      GovernanceBodyEntity,
    ]),
    DocumentsModule,
    IndustriesModule,
    MeasuresModule,
    OrganizationsModule,
    TenantsModule,
  ],
  controllers: [AllianceDocumentsController],
  providers: [
    AlliancesRepository,
    AllianceMembersRepository,
    AllianceAgreementsRepository,
    AlliancesService,
    AllianceMembersService,
    AllianceAgreementsService,
    AllianceDocumentsService,
    FoundingCheckService,
    AlliancesResolver,
    AllianceConnectionResolver,
    AllianceFieldsResolver,
    AllianceDocumentsResolver,
  ],
  exports: [AlliancesService, AlliancesRepository, FoundingCheckService],
})
export class AlliancesModule {}
