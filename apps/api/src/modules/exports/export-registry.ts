import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { LIST_EXPORT, type ListExportDefinition } from '../../common/exports/list-export';

/** Every provider marked @ListExport(), by its name in the address. */
@Injectable()
export class ExportRegistry implements OnApplicationBootstrap {
  private readonly lists = new Map<string, ListExportDefinition>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as unknown;
      const metatype = wrapper.metatype;
      if (
        !instance ||
        !metatype ||
        !this.reflector.get<boolean | undefined>(LIST_EXPORT, metatype as object as new () => unknown)
      )
        continue;
      const list = instance as ListExportDefinition;
      if (this.lists.has(list.name) && this.lists.get(list.name) !== list)
        throw new Error(`two list exports named ${list.name}`);
      this.lists.set(list.name, list);
    }
  }

  get(name: string): ListExportDefinition | undefined {
    return this.lists.get(name);
  }

  names(): string[] {
    return [...this.lists.keys()].sort();
  }
}
