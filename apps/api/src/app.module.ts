import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import './database/pg-types';
import { AccessGuard } from './common/auth/access.guard';
import { Clock, SystemClock } from './common/clock';
import { AppErrorFilter } from './common/errors/app-error.filter';
import { formatError } from './common/errors/format-error';
import { DateTimeScalar } from './common/graphql/date-time.scalar';
import { hideSuggestionsPlugin } from './common/errors/hide-suggestions.plugin';
import { RequestContextFactory } from './common/request/request-context.factory';
import { transactionPlugin } from './common/request/transaction.plugin';
import { ControlCharactersPipe } from './common/validation/control-characters.pipe';
import { controlCharactersPlugin } from './common/validation/control-characters.plugin';
import { FEATURE_MODULES } from './feature-modules';
import { SignInPool } from './modules/auth/sign-in-pool';
import { CookieSettingsProvider } from './modules/sessions/session-cookie';
import { DocumentStorage, LocalDiskStorage } from './modules/documents/document-storage';
import { type S3Config, S3Storage } from './modules/documents/s3-storage';
import { RestContextMiddleware } from './common/request/rest-context';
import { CONNECTION_OPTIONS } from './database/connection-options';
import { PreparingClient } from './database/prepared-statements';
import {
  DEFAULT_SCHEDULER,
  type SchedulerSettings,
  SchedulerSettingsProvider,
} from './modules/jobs/job-scheduler';
import { MailTransport, type MailSettings, mailTransportFor } from './modules/messages/mail-transport';

export type ApiOptions = {
  /** The runtime role's connection: row-level security applies to it. */
  databaseUrl: string;
  production: boolean;
  cookieSecure: boolean;
  clock?: Clock;
  poolSize?: number;
  /** How long a request waits for a pooled connection before SERVICE_BUSY (default 5 s). */
  poolWaitMs?: number;
  /** Where uploaded documents are kept: local disk, unless an S3-compatible store is configured. */
  documentsDir: string;
  s3?: S3Config;
  /** The job scheduler; off unless enabled (the launchers enable it, tests run jobs by hand). */
  scheduler?: Partial<SchedulerSettings>;
  /** Mail of messages: off unless SMTP (or a capture file, in tests) is configured. */
  mail?: MailSettings;
};

// Limits that every operation of the apps stays well inside.
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  costLimit: 5000,
  maxTokens: 2000,
  maxDirectives: 20,
};

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RestContextMiddleware).forRoutes('api/*path');
  }

  static forRoot(options: ApiOptions): DynamicModule {
    const armor = new ApolloArmor({
      maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true },
      maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
      costLimit: { maxCost: QUERY_LIMITS.costLimit, ignoreIntrospection: false },
      // graphql-armor's token plugin answers 500; graphql's own parser limit below answers 400.
      maxTokens: { enabled: false },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives },
      blockFieldSuggestion: { enabled: options.production },
    });
    const protection = armor.protect();
    const clockProvider = { provide: Clock, useValue: options.clock ?? new SystemClock() };
    const storage = options.s3 ? new S3Storage(options.s3) : new LocalDiskStorage(options.documentsDir);
    const storageProvider = { provide: DocumentStorage, useValue: storage };
    const schedulerProvider = {
      provide: SchedulerSettingsProvider,
      useValue: { settings: { ...DEFAULT_SCHEDULER, enabled: false, ...options.scheduler } },
    };
    const mailProvider = { provide: MailTransport, useValue: mailTransportFor(options.mail) };
    const signInPoolProvider = {
      provide: SignInPool,
      useFactory: () => new SignInPool(options.databaseUrl, options.poolWaitMs ?? 5000),
    };
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.databaseUrl,
          // Each feature module registers its own entities (TypeOrmModule.forFeature).
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          // Extensions are the migrations' (the owner's) to create: the runtime role may not, and
          // asking at every start left a permission error in the server's log.
          installExtensions: false,
          extra: {
            max: options.poolSize ?? 10,
            connectionTimeoutMillis: options.poolWaitMs ?? 5000,
            application_name: 'xiangmeng-api',
            options: CONNECTION_OPTIONS,
            Client: PreparingClient,
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [RequestContextFactory],
          useFactory: (contexts: RequestContextFactory) => ({
            autoSchemaFile: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            sortSchema: true,
            path: '/graphql',
            playground: false,
            graphiql: false,
            introspection: !options.production,
            parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
            includeStacktraceInErrorResponses: false,
            hideSchemaDetailsFromClientErrors: options.production,
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            fieldResolverEnhancers: ['guards'],
            validationRules: [...protection.validationRules],
            plugins: [
              // No field sets cache hints and no response is cached: Apollo's default cache-control
              // plugin only wraps every field resolver for nothing (issue #15's profile).
              ApolloServerPluginCacheControlDisabled(),
              ...(options.production ? [hideSuggestionsPlugin] : []),
              ...protection.plugins,
              controlCharactersPlugin,
              transactionPlugin,
            ],
            formatError,
            context: ({ req, res }: { req: Request; res: Response }) => contexts.create(req, res),
          }),
        }),
        ...FEATURE_MODULES,
      ],
      providers: [
        clockProvider,
        storageProvider,
        { provide: CookieSettingsProvider, useValue: { secure: options.cookieSecure } },
        signInPoolProvider,
        schedulerProvider,
        mailProvider,
        RequestContextFactory,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AppErrorFilter },
        { provide: APP_PIPE, useClass: ControlCharactersPipe },
      ],
      exports: [
        clockProvider,
        storageProvider,
        signInPoolProvider,
        schedulerProvider,
        mailProvider,
        CookieSettingsProvider,
        RequestContextFactory,
      ],
    };
  }
}
