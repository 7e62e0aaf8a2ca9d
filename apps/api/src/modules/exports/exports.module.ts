import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ExportRegistry } from './export-registry';
import { ExportsController } from './exports.controller';

/**
 * The Excel export of every list: each list provides its @ListExport() definition in its own
 * module, and this module finds them; it imports no feature module.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [ExportsController],
  providers: [ExportRegistry],
})
export class ExportsModule {}
