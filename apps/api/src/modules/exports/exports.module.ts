import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { FilingsModule } from '../filings/filings.module';
import { AllianceExportController } from './alliance-export.controller';
import { AllianceExportService } from './alliance-export.service';

@Module({
  imports: [AlliancesModule, FilingsModule],
  controllers: [AllianceExportController],
  providers: [AllianceExportService],
})
export class ExportsModule {}
