import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { TenantsResolver } from '../modules/tenants/tenants.resolver';
import { UsersResolver } from '../modules/users/users.resolver';
import { IndustriesResolver } from '../modules/industries/industries.resolver';
import { OrganizationsResolver } from '../modules/organizations/organizations.resolver';
import { MeasuresResolver } from '../modules/measures/measures.resolver';
import { AlliancesResolver } from '../modules/alliances/alliances.resolver';
import { AllianceFieldsResolver } from '../modules/alliances/alliance-fields.resolver';
import { AllianceDocumentsResolver } from '../modules/documents/alliance-documents.resolver';
import { CallsResolver } from '../modules/calls/calls.resolver';
import { PilotApplicationsResolver } from '../modules/pilots/pilot-applications.resolver';
import { PilotApplicationFieldsResolver } from '../modules/pilots/pilot-application-fields.resolver';
import { ConfirmedPilotsResolver } from '../modules/pilots/confirmed-pilots.resolver';
import { REVIEW_RESOLVERS } from '../modules/reviews/reviews.resolvers';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';

export const RESOLVERS = [
  AuthResolver,
  TenantsResolver,
  UsersResolver,
  IndustriesResolver,
  OrganizationsResolver,
  MeasuresResolver,
  AlliancesResolver,
  AllianceFieldsResolver,
  AllianceDocumentsResolver,
  ...REVIEW_RESOLVERS,
  CallsResolver,
  PilotApplicationsResolver,
  PilotApplicationFieldsResolver,
  ConfirmedPilotsResolver,
];

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
