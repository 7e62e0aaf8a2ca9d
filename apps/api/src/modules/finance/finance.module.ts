import { CompensationClaimsExport } from './compensation-claims.export';
import { FinancingNeedsExport } from './financing-needs.export';
import { FinancingRecordsExport } from './financing-records.export';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { MeasuresModule } from '../measures/measures.module';
import { CompensationClaimEntity } from './compensation-claim.entity';
import { CompensationClaimKind } from './compensation-claim.kind';
import { FinanceRepository } from './finance.repository';
import { FinanceResolver } from './finance.resolver';
import { FinanceService } from './finance.service';

// Finance linkage (Art. 17): needs, matchmaking, financing records, risk compensation claims on
// the application engine with their ledger, and the statistics.
@Module({
  imports: [
    TypeOrmModule.forFeature([CompensationClaimEntity]),
    ApplicationsModule,
    AuditModule,
    MeasuresModule,
  ],
  providers: [
    FinanceRepository,
    CompensationClaimKind,
    FinanceService,
    FinanceResolver,
    FinancingNeedsExport,
    FinancingRecordsExport,
    CompensationClaimsExport,
  ],
})
export class FinanceModule {}
