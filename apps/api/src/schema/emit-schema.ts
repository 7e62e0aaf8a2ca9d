import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';
import { FEATURE_MODULES } from '../feature-modules';

// What @Resolver() leaves on a class (@nestjs/graphql's RESOLVER_TYPE_METADATA, not exported).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

type ResolverClass = abstract new (...args: never[]) => unknown;
type Provider = { useClass?: unknown } | ResolverClass;

/** The GraphQL resolvers the feature modules provide, in module order: derived, never listed. */
export function resolversOf(modules: readonly object[]): ResolverClass[] {
  return modules.flatMap((module) => {
    const providers = (Reflect.getMetadata('providers', module) ?? []) as Provider[];
    return providers.flatMap((provider) => {
      const cls = typeof provider === 'function' ? provider : provider.useClass;
      return typeof cls === 'function' && Reflect.hasMetadata(RESOLVER_TYPE_METADATA, cls)
        ? [cls as ResolverClass]
        : [];
    });
  });
}

export const RESOLVERS = resolversOf(FEATURE_MODULES);

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

/** The schema as the API serves it, printed in a stable order. */
export async function printApiSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app
      .get(GraphQLSchemaFactory)
      .create(RESOLVERS, { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] });
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  printApiSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
