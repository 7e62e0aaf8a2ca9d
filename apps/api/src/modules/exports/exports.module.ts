import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { AllianceExportController } from './alliance-export.controller';
import { AllianceExportService } from './alliance-export.service';

@Module({
  imports: [AlliancesModule],
  controllers: [AllianceExportController],
  providers: [AllianceExportService],
})
export class ExportsModule {}
