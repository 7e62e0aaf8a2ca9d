import { randomUUID } from 'node:crypto';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULE, type AccessRule } from '../../src/common/auth/access.decorators';
import { MAX_CONTROL_CHARACTER_VIOLATIONS } from '../../src/common/validation/control-characters';
import {
  asAdmin,
  createUser,
  databaseUrls,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { FILES, RegisterClient } from '../support/register-client';

// Control characters (NUL and the other C0 controls, DEL) in any text argument of any operation
// are refused by field before a resolver runs, so none reaches PostgreSQL (which answers NUL in
// text with an error, formerly a 500). The cells are walked from the schema: every string (or
// ID, or JSON) argument and input field of every mutation and query, and of nested fields,
// sent through variables with a bad character while every other field is filled by its type.

const BAD_CHARACTERS = ['\u0000', '\u0007'];

type Violation = { field: string; rule: string; message: string };

/** Where a string goes: the argument, then input fields and list items (`input.members.0.name`). */
type Cell = {
  /** Root field first, then nested fields down to the one whose argument holds the string. */
  chain: GraphQLField<unknown, unknown>[];
  root: 'query' | 'mutation';
  argument: string;
  inside: string[];
};

const TEXT_SCALARS = new Set(['String', 'ID']);
const JSON_SCALARS = new Set(['JSONObject']);

/** The paths of every text a value of this type can hold. */
function textPaths(type: GraphQLInputType, seen: Set<string> = new Set()): string[][] {
  if (isNonNullType(type)) return textPaths(type.ofType, seen);
  if (isListType(type)) return textPaths(type.ofType, seen).map((p) => ['0', ...p]);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return [];
    const inner = new Set([...seen, type.name]);
    return Object.values(type.getFields()).flatMap((f) =>
      textPaths(f.type, inner).map((p) => [f.name, ...p]),
    );
  }
  if (isScalarType(type) && TEXT_SCALARS.has(type.name)) return [[]];
  if (isScalarType(type) && JSON_SCALARS.has(type.name)) return [['note']];
  return [];
}

/** A value of the type, every field filled; the text at `target` (if any) is `bad`. */
function fill(
  type: GraphQLInputType,
  target: string[] | null,
  bad: string,
  seen: Set<string> = new Set(),
): unknown {
  if (isNonNullType(type)) return fill(type.ofType, target, bad, seen);
  if (isListType(type)) return [fill(type.ofType, target?.[0] === '0' ? target.slice(1) : null, bad, seen)];
  if (isInputObjectType(type)) {
    const inner = new Set([...seen, type.name]);
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const onPath = target?.[0] === field.name;
      // A type met again down its own path is left out where it may be; it is never on the path.
      if (seen.has(getNamedType(field.type).name) && !isNonNullType(field.type) && !onPath) continue;
      value[field.name] = fill(field.type, onPath && target ? target.slice(1) : null, bad, inner);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (type.name) {
    case 'String':
      return target ? `a${bad}b` : 'x';
    case 'ID':
      return target ? `${randomUUID()}${bad}` : randomUUID();
    case 'JSONObject':
      return target ? { note: `a${bad}b` } : {};
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    default:
      throw new Error(`no value for scalar ${type.name}`);
  }
}

function cellsOfField(chain: GraphQLField<unknown, unknown>[], root: Cell['root']): Cell[] {
  const field = chain[chain.length - 1]!;
  return field.args.flatMap((arg) =>
    textPaths(arg.type).map((inside) => ({ chain, root, argument: arg.name, inside })),
  );
}

/** Every cell: root fields of both roots, then fields of the object types reachable from Query. */
function walkSchema(schema: GraphQLSchema): Cell[] {
  const cells: Cell[] = [];
  const roots: [Cell['root'], GraphQLObjectType][] = [
    ['mutation', schema.getMutationType()!],
    ['query', schema.getQueryType()!],
  ];
  for (const [root, type] of roots) {
    for (const field of Object.values(type.getFields())) cells.push(...cellsOfField([field], root));
  }
  // Breadth first, so each object type is reached by its shortest chain from a query.
  const reached = new Set<string>([schema.getQueryType()!.name]);
  let frontier: GraphQLField<unknown, unknown>[][] = Object.values(schema.getQueryType()!.getFields()).map(
    (f) => [f],
  );
  while (frontier.length > 0) {
    const next: GraphQLField<unknown, unknown>[][] = [];
    for (const chain of frontier) {
      const type = getNamedType(chain[chain.length - 1]!.type);
      if (!isObjectType(type) || reached.has(type.name)) continue;
      reached.add(type.name);
      for (const field of Object.values(type.getFields())) {
        cells.push(...cellsOfField([...chain, field], 'query'));
        next.push([...chain, field]);
      }
    }
    frontier = next;
  }
  return cells;
}

/** The operation for a cell: every argument along the chain a variable, filled by its type. */
function operationFor(cell: Cell, bad: string): { query: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const argumentsOf = (field: GraphQLField<unknown, unknown>, last: boolean): string => {
    if (field.args.length === 0) return '';
    const written = field.args.map((arg: GraphQLArgument) => {
      const name = `v${definitions.length}`;
      definitions.push(`$${name}: ${String(arg.type)}`);
      const target = last && arg.name === cell.argument ? cell.inside : null;
      variables[name] = fill(arg.type, target, bad);
      return `${arg.name}: $${name}`;
    });
    return `(${written.join(', ')})`;
  };
  let selection = '';
  cell.chain.forEach((field, i) => {
    selection += `${field.name}${argumentsOf(field, i === cell.chain.length - 1)}`;
    selection += i === cell.chain.length - 1 ? (isObjectTypeField(field) ? ' { __typename }' : '') : ' { ';
  });
  selection += ' }'.repeat(cell.chain.length - 1);
  const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  return { query: `${cell.root} ${header} { ${selection} }`, variables };
}

function isObjectTypeField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return !isScalarType(type) && !isEnumType(type);
}

function fieldOf(cell: Cell): string {
  return [cell.argument, ...cell.inside].join('.');
}

function label(cell: Cell): string {
  return `${cell.root} ${cell.chain.map((f) => f.name).join('.')}(${fieldOf(cell)})`;
}

/** Who may call each root field, read from the resolvers' access rules. */
function accessRules(api: TestApi): Map<string, AccessRule> {
  const discovery = new DiscoveryService(api.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const rules = new Map<string, AccessRule>();
  for (const wrapper of discovery.getProviders()) {
    const type = wrapper.metatype as { prototype?: Record<string, unknown> } | null | undefined;
    if (!type?.prototype) continue;
    for (const method of scanner.getAllMethodNames(type.prototype)) {
      const fn = type.prototype[method];
      if (typeof fn !== 'function') continue;
      const root = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn) as string | undefined;
      if (root !== 'Query' && root !== 'Mutation') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method;
      const rule = Reflect.getMetadata(ACCESS_RULE, fn) as AccessRule | undefined;
      if (rule) rules.set(`${root === 'Query' ? 'query' : 'mutation'}.${name}`, rule);
    }
  }
  return rules;
}

const TABLES = [
  'tenant',
  'app_user',
  'industry',
  'organization',
  'measures',
  'alliance',
  'alliance_member',
  'alliance_agreement',
  'agreement_task',
  'agreement_signature',
  'alliance_output',
  'governance_body',
  'document',
  'expert',
  'expert_affiliation',
  'expert_assignment',
  'expert_conflict',
  'pilot_call',
  'pilot_application',
  'pilot_application_document',
  'pilot_objection',
  'review_sheet',
  'confirmed_pilot',
];

/** Every row a refused operation could have written (sessions are touched by any signed-in request). */
async function fingerprint(admin: Client): Promise<string> {
  const parts = TABLES.map(
    (t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x)`,
  );
  const { rows } = await admin.query<Record<string, string>>(
    `SELECT ${parts.map((p, i) => `${p} AS t${i}`).join(', ')},
            (SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_event) AS events`,
  );
  return JSON.stringify(rows[0]);
}

async function auditEvents(): Promise<string> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) || ':' || coalesce(max(id), 0) AS n FROM audit_event`,
    );
    return rows[0]!.n;
  });
}

/** What is wrong with an answer that should refuse exactly `field` for a control character. */
function problemWith(res: GraphqlResponse, field: string): string | null {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
    return `server error ${res.status} ${JSON.stringify(res.errors)}`;
  if (res.status !== 400 || res.errors?.length !== 1 || res.data)
    return `${res.status} ${JSON.stringify(res.errors)}`;
  const error = res.errors[0]!;
  if (error.extensions?.code !== 'BAD_USER_INPUT') return `code ${String(error.extensions?.code)}`;
  const violations = (error.extensions.violations ?? []) as Violation[];
  const named = violations.map((v) => [v.field, v.rule]);
  if (JSON.stringify(named) !== JSON.stringify([[field, 'CONTROL_CHARACTER']]))
    return `violations ${JSON.stringify(named)}`;
  if (!/\S/.test(violations[0]!.message) || !error.message.startsWith(`${field}:`))
    return `message "${error.message}"`;
  return null;
}

describe('control characters in text inputs', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let cells: Cell[];
  let rules: Map<string, AccessRule>;
  const agents = new Map<string, GraphqlAgent>();
  let anonymous: GraphqlAgent;
  let cityOfficer: GraphqlAgent;
  let allianceId: string;
  let admin: Client;

  /** A signed-in user whose roles the root field allows (anyone for a public one). */
  function agentFor(cell: Cell): GraphqlAgent {
    const rule = rules.get(`${cell.root}.${cell.chain[0]!.name}`);
    if (!rule) throw new Error(`no access rule for ${label(cell)}`);
    if (rule.kind === 'public') return anonymous;
    if (rule.kind === 'signed-in') return cityOfficer;
    const role = rule.roles.find((r) => agents.has(r));
    if (!role) throw new Error(`no test user for ${label(cell)}: ${rule.roles.join(', ')}`);
    return agents.get(role)!;
  }

  beforeAll(async () => {
    api = await startTestApi();
    admin = new Client({ connectionString: databaseUrls().adminUrl });
    await admin.connect();
    schema = api.app.get(GraphQLSchemaHost).schema;
    cells = walkSchema(schema);
    rules = accessRules(api);
    const users: [string, string][] = [
      ['CITY_OFFICER', '430100'],
      ['CITY_ADMIN', '430100'],
      ['PROVINCE_OFFICER', '430000'],
      ['PROVINCE_ADMIN', '430000'],
      ['EXPERT', '430100'],
    ];
    for (const [role, tenant] of users) {
      agents.set(role, await signedInAgent(api, await createUser(tenant, [role], 'ctl')));
    }
    anonymous = api.agent();
    cityOfficer = agents.get('CITY_OFFICER')!;
    allianceId = (await new RegisterClient(cityOfficer).registerAlliance()).id;
  });
  afterAll(async () => {
    await admin.end();
    await api.close();
  });

  it('walks every mutation and every text argument the schema has', () => {
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) =>
      f.args.some((a) => textPaths(a.type).length > 0),
    );
    const covered = new Set(cells.filter((c) => c.root === 'mutation').map((c) => c.chain[0]!.name));
    expect([...covered].sort()).toEqual(mutations.map((f) => f.name).sort());
    expect(mutations.length).toBeGreaterThan(30);
    const labels = cells.map(label);
    expect(labels).toContain('query organizations(search)');
    expect(labels).toContain('query alliances(filter.search)');
    expect(labels).toContain('mutation createMeasuresDraft(input.parameters.note)');
    expect(labels.some((l) => /^query \w+\.foundingCheck\(asOf\)$/.test(l))).toBe(true);
  });

  it(
    'refuses a control character in every cell by its field, before anything is written',
    { timeout: 600_000 },
    async () => {
      const problems: string[] = [];
      let checked = 0;
      let serverErrors = 0;
      for (const cell of cells) {
        for (const bad of BAD_CHARACTERS) {
          const { query, variables } = operationFor(cell, bad);
          const before = await fingerprint(admin);
          const res = await agentFor(cell).send(query, variables);
          checked += 1;
          if (res.status >= 500 || res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
            serverErrors += 1;
          }
          const problem = problemWith(res, fieldOf(cell));
          if (problem)
            problems.push(`${label(cell)} U+${bad.charCodeAt(0).toString(16).padStart(4, '0')}: ${problem}`);
          if ((await fingerprint(admin)) !== before) problems.push(`${label(cell)}: something was written`);
        }
      }
      console.info(
        `[control-characters] ${checked} cells checked (${cells.length} text fields × ${BAD_CHARACTERS.length} characters)`,
      );
      expect(problems).toEqual([]);
      expect(serverErrors).toBe(0);
      expect(checked).toBe(cells.length * BAD_CHARACTERS.length);
    },
  );

  it('refuses them written inline, in fragments, in variable defaults and in lists too', async () => {
    const before = await fingerprint(admin);
    const inline: [string, string, Record<string, unknown>?][] = [
      ['query { organizations(search: "a\\u0000b") { id } }', 'search'],
      ['query { alliances(filter: { search: "\\u001b[2J" }) { totalCount } }', 'filter.search'],
      ['query Q { ...F } fragment F on Query { organizations(search: "\\u007f") { id } }', 'search'],
      ['query ($s: String! = "a\\u0000") { organizations(search: $s) { id } }', 'search'],
      [
        'query ($s: String!) { alliances(filter: { search: $s }) { totalCount } }',
        'filter.search',
        { s: '\u0000' },
      ],
    ];
    const problems: string[] = [];
    for (const [query, field, variables] of inline) {
      const problem = problemWith(await cityOfficer.send(query, variables), field);
      if (problem) problems.push(`${query}: ${problem}`);
    }
    expect(problems).toEqual([]);
    // Every bad field is named (up to a bound), each once.
    const many = await agents
      .get('CITY_ADMIN')!
      .send('mutation ($input: AssignPanelInput!) { assignPanel(input: $input) { __typename } }', {
        input: { applicationId: randomUUID(), expertIds: Array.from({ length: 30 }, () => '\u0000') },
      });
    const named = ((many.errors?.[0]?.extensions?.violations ?? []) as Violation[]).map((v) => v.field);
    expect(many.status).toBe(400);
    expect(named).toEqual(
      Array.from({ length: MAX_CONTROL_CHARACTER_VIOLATIONS }, (_, i) => `input.expertIds.${i}`),
    );
    expect(await fingerprint(admin)).toBe(before);
  });

  it('lets tab, line feed and carriage return through where text allows them', async () => {
    const res = await cityOfficer.send<{ organizations: unknown[] }>(
      'query ($s: String!) { organizations(search: $s) { id } }',
      { s: '长沙\t湘江\r\n产业' },
    );
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data?.organizations)).toBe(true);
  });

  it('checks each request of an operation asked again: its arguments are found once, its values every time', async () => {
    const query = 'query Again($s: String!) { organizations(search: $s) { id } }';
    const answers = [];
    for (const s of ['长沙', 'a\u0000b', '株洲', '\u0007']) answers.push(await cityOfficer.send(query, { s }));
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200, 400]);
    expect(problemWith(answers[1]!, 'search')).toBeNull();
    expect(problemWith(answers[3]!, 'search')).toBeNull();
  });

  it('refuses them in the REST routes: multipart fields, file names, path and query', async () => {
    const before = await fingerprint(admin);
    const upload = (fields: { allianceId: string; kind: string }, fileName: string) =>
      cityOfficer
        .raw()
        .post('/api/documents')
        .set('x-xiangmeng-request', '1')
        .field('allianceId', fields.allianceId)
        .field('kind', fields.kind)
        .attach('file', FILES.pdf(), fileName);
    const encodedNameUpload = (encodedName: string) => {
      const boundary = `----xm${randomUUID()}`;
      const part = (headers: string, content: Buffer | string) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
          Buffer.from(content),
          Buffer.from('\r\n'),
        ]);
      const body = Buffer.concat([
        part('Content-Disposition: form-data; name="allianceId"', allianceId),
        part('Content-Disposition: form-data; name="kind"', 'ATTACHMENT'),
        part(
          `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodedName}\r\nContent-Type: application/pdf`,
          FILES.pdf(),
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      return cityOfficer
        .raw()
        .post('/api/documents')
        .set('x-xiangmeng-request', '1')
        .set('content-type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
    };
    const requests: [string, () => PromiseLike<{ status: number; body: unknown }>, string][] = [
      [
        'allianceId',
        () => upload({ allianceId: `${allianceId}\u0000`, kind: 'ATTACHMENT' }, 'a.pdf'),
        'allianceId',
      ],
      ['kind', () => upload({ allianceId, kind: 'ATTACHMENT\u0007' }, 'a.pdf'), 'kind'],
      // A raw control character in a part header is refused by the multipart parser (below); an
      // encoded one (RFC 5987 `filename*`) is decoded by it and must be refused by the API.
      ['file name', () => encodedNameUpload(`${encodeURIComponent('报告')}%07.pdf`), 'file'],
      ['download id', () => cityOfficer.raw().get('/api/documents/%00'), 'id'],
      ['export search', () => cityOfficer.raw().get('/api/exports/alliances.xlsx?search=a%00b'), 'search'],
    ];
    const problems: string[] = [];
    for (const [name, run, field] of requests) {
      const res = await run();
      const body = res.body as { code?: string; violations?: Violation[] };
      const named = (body.violations ?? []).map((v) => [v.field, v.rule]);
      if (
        res.status !== 400 ||
        body.code !== 'BAD_USER_INPUT' ||
        JSON.stringify(named) !== JSON.stringify([[field, 'CONTROL_CHARACTER']])
      ) {
        problems.push(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    // NUL in a part header is refused by the multipart parser itself, before any handler.
    for (const bad of BAD_CHARACTERS) {
      const raw = await upload({ allianceId, kind: 'ATTACHMENT' }, `报告${bad}.pdf`);
      if (raw.status !== 400) problems.push(`raw file name: ${raw.status} ${JSON.stringify(raw.body)}`);
    }
    expect(problems).toEqual([]);
    expect(await fingerprint(admin)).toBe(before);
    // The same upload without the bad character is accepted: the refusals above were for it alone.
    const events = await auditEvents();
    const ok = await upload({ allianceId, kind: 'ATTACHMENT' }, '报告.pdf');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(await auditEvents()).not.toBe(events);
  });
});
