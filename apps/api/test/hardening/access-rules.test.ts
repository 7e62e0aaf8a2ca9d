import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  GraphQLSchemaHost,
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_REFERENCE_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULE, type AccessRule } from '../../src/common/auth/access.decorators';
import { printApiSchema, RESOLVERS } from '../../src/schema/emit-schema';
import { startTestApi, type TestApi } from '../support/harness';

// Deny by default: the guard refuses any handler without an access rule, so a forgotten rule is
// an outage, not a leak; this walk finds it before anyone calls it. It walks the running app's
// modules, not a list, so a resolver or controller missing from RESOLVERS is walked too.

type Handler = {
  owner: string;
  method: string;
  kind: 'Query' | 'Mutation' | 'Subscription' | 'ResolveField' | 'ResolveReference' | 'Route';
  field: string;
  rule: AccessRule | undefined;
};

type Prototype = Record<string, unknown>;

function handlersOf(api: TestApi): Handler[] {
  const discovery = new DiscoveryService(api.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const handlers: Handler[] = [];
  const seen = new Set<unknown>();
  for (const [wrappers, isController] of [
    [discovery.getProviders(), false],
    [discovery.getControllers(), true],
  ] as const) {
    for (const wrapper of wrappers) {
      const type = wrapper.metatype as { prototype?: Prototype; name: string } | null | undefined;
      if (!type?.prototype || seen.has(type)) continue;
      seen.add(type);
      for (const method of scanner.getAllMethodNames(type.prototype)) {
        const fn = type.prototype[method];
        if (typeof fn !== 'function') continue;
        const meta = (key: string): unknown => Reflect.getMetadata(key, fn);
        const resolverType = meta(RESOLVER_TYPE_METADATA) as Handler['kind'] | undefined;
        const kind: Handler['kind'] | null =
          resolverType === 'Query' || resolverType === 'Mutation' || resolverType === 'Subscription'
            ? resolverType
            : meta(RESOLVER_PROPERTY_METADATA)
              ? 'ResolveField'
              : meta(RESOLVER_REFERENCE_METADATA)
                ? 'ResolveReference'
                : isController && meta(PATH_METADATA) !== undefined && meta(METHOD_METADATA) !== undefined
                  ? 'Route'
                  : null;
        if (!kind) continue;
        const field =
          kind === 'Route'
            ? String(meta(PATH_METADATA))
            : ((meta(RESOLVER_NAME_METADATA) as string | undefined) ?? method);
        handlers.push({
          owner: type.name,
          method,
          kind,
          field,
          rule: meta(ACCESS_RULE) as AccessRule | undefined,
        });
      }
    }
  }
  return handlers;
}

function rootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((name) => `${type.name}.${name}`) : [],
  );
}

describe('deny by default', () => {
  let api: TestApi;
  let handlers: Handler[];

  beforeAll(async () => {
    api = await startTestApi({ production: true });
    handlers = handlersOf(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds an access rule on every query, mutation, field resolver and route', () => {
    expect(handlers.filter((h) => h.kind === 'Query').length).toBeGreaterThan(3);
    expect(handlers.filter((h) => h.kind === 'Mutation').length).toBeGreaterThan(6);
    const withoutRule = handlers
      .filter((h) => !h.rule)
      .map((h) => `${h.owner}.${h.method} (${h.kind} ${h.field})`);
    expect(withoutRule).toEqual([]);
  });

  it('names only known roles in its rules', () => {
    const known = new Set(['PROVINCE_ADMIN', 'PROVINCE_OFFICER', 'CITY_ADMIN', 'CITY_OFFICER', 'EXPERT']);
    const unknown = handlers.flatMap((h) =>
      h.rule?.kind === 'roles'
        ? h.rule.roles.length === 0
          ? [`${h.owner}.${h.method}: no roles`]
          : h.rule.roles.filter((r) => !known.has(r)).map((r) => `${h.owner}.${h.method}: ${r}`)
        : [],
    );
    expect(unknown).toEqual([]);
  });

  it('walks every root field the schema serves: one handler each, none outside it', () => {
    const served = rootFields(api.app.get(GraphQLSchemaHost).schema).sort();
    const walked = handlers
      .filter((h) => h.kind === 'Query' || h.kind === 'Mutation' || h.kind === 'Subscription')
      .map((h) => `${h.kind}.${h.field}`)
      .sort();
    expect(walked).toEqual(served);
  });

  it('serves the schema that RESOLVERS prints: no resolver class is left out of it', async () => {
    const graphqlOwners = new Set(handlers.filter((h) => h.kind !== 'Route').map((h) => h.owner));
    expect([...graphqlOwners].sort()).toEqual(RESOLVERS.map((r) => r.name).sort());
    const served = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    expect(`${served}\n`).toBe(await printApiSchema());
  });
});
