import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { AllianceExportController } from './alliance-export.controller';

@Module({ imports: [AlliancesModule], controllers: [AllianceExportController] })
export class ExportsModule {}
