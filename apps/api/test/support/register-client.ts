import { addCalendarDays, chinaDate, CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@xiangmeng/domain';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startApi } from '../../src/server';
import { databaseUrls, GraphqlAgent, type GraphqlResponse, type TestApi } from './harness';

// The alliance register as the apps use it: typed GraphQL calls, valid credit codes, and an
// alliance formed the way a bureau officer forms one (members, bodies, an agreement signed by all).

/** An API whose uploaded documents land in a directory the test can inspect. */
export async function startRegisterApi(): Promise<TestApi & { documentsDir: string }> {
  const documentsDir = mkdtempSync(join(tmpdir(), 'xiangmeng-register-documents-'));
  const running = await startApi({
    databaseUrl: databaseUrls().appUrl,
    production: false,
    cookieSecure: false,
    port: 0,
    documentsDir,
    logger: false,
  });
  return {
    ...running,
    documentsDir,
    agent: () => new GraphqlAgent(running.url),
    close: async () => {
      await running.close();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

// ---- values ----

/** A fresh, valid unified social credit code (GB 32100-2015); `authority` 9 = enterprise, 1 = public institution. */
export function creditCode(options: { authority?: string; division?: string } = {}): string {
  const organizationCode = Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET.charAt(randomInt(31))).join(
    '',
  );
  const first17 = `${options.authority ?? '9'}1${options.division ?? '430100'}${organizationCode}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export function today(): string {
  return chinaDate(new Date());
}

export const addDays = addCalendarDays;

// ---- responses ----

export type Violation = { field: string; rule: string; message: string };

export function violationsOf(res: GraphqlResponse<unknown>): Violation[] {
  return (res.errors?.[0]?.extensions?.violations as Violation[] | undefined) ?? [];
}

/** The data of a response that must have succeeded. */
export function dataOf<T>(res: GraphqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** A clean refusal of bad input: HTTP 200, BAD_USER_INPUT, the field and rule named with a message, no data. */
export function expectBadInput(res: GraphqlResponse<unknown>, field: string, rule: string): void {
  expect(res.status).toBe(200);
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
  expect(violationsOf(res)).toContainEqual({ field, rule, message: expect.stringMatching(/\S/) as unknown });
  expect(res.data ?? null).toBeNull();
}

/** A refusal with a plain code (NOT_FOUND, CONFLICT, FORBIDDEN), HTTP 200 and no data. */
export function expectRefused(res: GraphqlResponse<unknown>, code: string): void {
  expect(res.status).toBe(200);
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe(code);
  expect(res.data ?? null).toBeNull();
}

/** What a client can tell about an error: everything but where it happened. */
export function errorShape(res: GraphqlResponse<unknown>) {
  return {
    status: res.status,
    data: res.data ?? null,
    errors: res.errors?.map(({ message, extensions }) => ({ message, extensions })),
  };
}

// ---- GraphQL documents ----

export type OrganizationView = {
  id: string;
  creditCode: string;
  name: string;
  type: string;
  legalRepresentative: string;
  divisionCode: string;
  inHunan: boolean;
  typeMismatchWarning: boolean;
  industryBackbone: boolean;
  backboneBasis: string;
  correctable: boolean;
  version: number;
};

export type MemberView = {
  id: string;
  role: string;
  joinedOn: string;
  exitedOn: string | null;
  exitReason: string | null;
  organization: { id: string; name: string };
};

export type AgreementView = {
  id: string;
  version: number;
  revision: number;
  inEffect: boolean;
  innovationGoals: string;
  fundSupervision: string;
  tasks: { organizationId: string; task: string }[];
  signatures: { organizationId: string; signatoryName: string; signedOn: string }[];
};

export type AllianceView = {
  id: string;
  name: string;
  tenant: { id: string; code: string };
  status: string;
  version: number;
  foundedOn: string;
  establishedOn: string | null;
  establishedMeasuresId: string | null;
  dissolvedOn: string | null;
  dissolutionReason: string | null;
  liableEntity: string;
  executiveFullTimeStaff: number;
  availableActions: string[];
  hostOrganization: { id: string } | null;
  chairMember: { id: string } | null;
  governanceBodies: { kind: string; name: string }[];
  members: MemberView[];
  agreements: AgreementView[];
};

export type ConditionView = {
  condition: string;
  article: string;
  title: string;
  holds: boolean;
  reasons: { code: string; message: string; organizationId: string | null }[];
};

export type FoundingCheckView = {
  asOf: string;
  allHold: boolean;
  agreementVersionInEffect: number | null;
  provinceMeasuresId: string;
  localMeasuresId: string | null;
  measuresTitle: string;
  conditions: ConditionView[];
};

export type MeasuresView = {
  id: string;
  tenantId: string;
  versionNo: number;
  title: string;
  documentNumber: string;
  effectiveOn: string;
  derivesFromId: string | null;
  parameters: Record<string, unknown>;
  status: string;
  publishedAt: string | null;
};

export type MeasuresInForceView = {
  asOf: string;
  province: MeasuresView;
  local: MeasuresView | null;
  parameters: { founding: { minMembers: number } } & Record<string, unknown>;
};

export const ORGANIZATION_FIELDS = `id creditCode name type legalRepresentative divisionCode inHunan typeMismatchWarning
  industryBackbone backboneBasis correctable version`;

export const ALLIANCE_FIELDS = `id name tenant { id code } status version foundedOn establishedOn establishedMeasuresId dissolvedOn
  dissolutionReason liableEntity executiveFullTimeStaff availableActions hostOrganization { id } chairMember { id }
  governanceBodies { kind name }
  members { id role joinedOn exitedOn exitReason organization { id name } }
  agreements { id version revision inEffect innovationGoals fundSupervision ipOnDissolution ipOnMemberExit tasks { organizationId task }
    signatures { organizationId signatoryName signedOn } }`;

export const MEASURES_FIELDS = `id tenantId versionNo title documentNumber effectiveOn derivesFromId parameters status publishedAt`;

export const FOUNDING_CHECK = `query ($id: ID!, $basis: MeasuresBasis!, $asOf: String) {
  alliance(id: $id) {
    foundingCheck(basis: $basis, asOf: $asOf) {
      asOf allHold agreementVersionInEffect provinceMeasuresId localMeasuresId measuresTitle
      conditions { condition article title holds reasons { code message organizationId } }
    }
  }
}`;

/** `mutation ($input: <Input>!) { <name>(input: $input) { <fields> } }` */
export function mutation(name: string, inputType: string, fields = ALLIANCE_FIELDS): string {
  return `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;
}

export const M = {
  addOrganization: mutation('addOrganization', 'OrganizationInput', ORGANIZATION_FIELDS),
  correctOrganization: mutation('correctOrganization', 'CorrectOrganizationInput', ORGANIZATION_FIELDS),
  registerAlliance: mutation('registerAlliance', 'RegisterAllianceInput'),
  updateAlliance: mutation('updateAlliance', 'UpdateAllianceInput'),
  setAllianceGovernance: mutation('setAllianceGovernance', 'SetGovernanceInput'),
  addAllianceMember: mutation('addAllianceMember', 'AddMemberInput'),
  exitAllianceMember: mutation('exitAllianceMember', 'ExitMemberInput'),
  createAgreementVersion: mutation('createAgreementVersion', 'CreateAgreementVersionInput'),
  updateAgreementDraft: mutation('updateAgreementDraft', 'UpdateAgreementDraftInput'),
  recordAgreementSignature: mutation('recordAgreementSignature', 'RecordSignatureInput'),
  addAllianceOutput: mutation('addAllianceOutput', 'AddOutputInput', 'id year kind quantity description'),
  establishAlliance: mutation('establishAlliance', 'EstablishAllianceInput'),
  dissolveAlliance: mutation('dissolveAlliance', 'DissolveAllianceInput'),
  createMeasuresDraft: mutation('createMeasuresDraft', 'MeasuresDraftInput', MEASURES_FIELDS),
  updateMeasuresDraft: mutation('updateMeasuresDraft', 'UpdateMeasuresDraftInput', MEASURES_FIELDS),
  publishMeasures: `mutation ($id: ID!) { publishMeasures(id: $id) { ${MEASURES_FIELDS} } }`,
} as const;

export const Q = {
  alliance: `query ($id: ID!) { alliance(id: $id) { ${ALLIANCE_FIELDS} } }`,
  alliances: `query ($filter: AllianceFilterInput!, $first: Int!, $after: String, $orderBy: AllianceOrder) {
    alliances(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id name foundedOn }
    }
  }`,
  measuresVersions: `{ measuresVersions { ${MEASURES_FIELDS} } }`,
  measuresInForce: `query ($asOf: String) { measuresInForce(asOf: $asOf) {
    asOf parameters province { ${MEASURES_FIELDS} } local { ${MEASURES_FIELDS} } } }`,
  organizations: `query ($search: String!) { organizations(search: $search) { ${ORGANIZATION_FIELDS} } }`,
} as const;

export type OrganizationInput = {
  creditCode: string;
  name: string;
  type: string;
  legalRepresentative: string;
  industryBackbone?: boolean;
  backboneBasis?: string;
};

export const COMPLETE_CLAUSES = {
  innovationGoals: '突破关键共性技术，三年内制定两项团体标准',
  ipOwnership: '谁投入谁所有，共同投入按比例共有',
  ipLicensing: '成员单位优先、省内单位可有偿许可',
  ipBenefitSharing: '转化收益按投入比例分配',
  breachLiability: '违约方承担直接损失并退出联盟',
  ipOnDissolution: '解散时共有知识产权按投入比例分割，在研项目由承接单位继续实施',
  ipOnMemberExit: '退出成员保留已取得份额，其他成员可继续无偿实施',
  fundManagement: '联盟经费管理办法（理事会审议）',
  fundSupervision: '监事会监督经费使用，年度审计',
  newMembersRule: '经理事会三分之二同意可吸收新成员',
  externalCooperation: '与省内外高校、国际机构开展合作',
  resultsDiffusion: '政府资助项目成果向联盟外扩散',
} as const;

/** The register, spoken to through one signed-in agent. */
export class RegisterClient {
  constructor(readonly agent: GraphqlAgent) {}

  send<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    return this.agent.send<T>(query, variables);
  }

  async addOrganization(
    input: Partial<OrganizationInput> & { type?: string } = {},
  ): Promise<OrganizationView> {
    const type = input.type ?? 'ENTERPRISE';
    const authority = type === 'ENTERPRISE' || type === 'BANK' || type === 'VENTURE_CAPITAL' ? '9' : '1';
    const res = await this.send<{ addOrganization: OrganizationView }>(M.addOrganization, {
      input: {
        creditCode: creditCode({ authority }),
        name: uniqueName('测试单位'),
        legalRepresentative: '张三',
        ...input,
        type,
      },
    });
    return dataOf(res).addOrganization;
  }

  async registerAlliance(
    input: { name?: string; foundedOn?: string; industryCode?: string } = {},
  ): Promise<AllianceView> {
    const res = await this.send<{ registerAlliance: AllianceView }>(M.registerAlliance, {
      input: {
        name: input.name ?? uniqueName('测试联盟'),
        industryCode: input.industryCode ?? 'SE0101',
        foundedOn: input.foundedOn ?? '2024-03-01',
      },
    });
    return dataOf(res).registerAlliance;
  }

  async alliance(id: string): Promise<AllianceView> {
    return dataOf(await this.send<{ alliance: AllianceView }>(Q.alliance, { id })).alliance;
  }

  async foundingCheck(
    id: string,
    basis: 'OWN' | 'PROVINCE' = 'OWN',
    asOf?: string,
  ): Promise<FoundingCheckView> {
    const res = await this.send<{ alliance: { foundingCheck: FoundingCheckView } }>(FOUNDING_CHECK, {
      id,
      basis,
      asOf,
    });
    return dataOf(res).alliance.foundingCheck;
  }

  async addMember(
    allianceId: string,
    organizationId: string,
    role = 'MEMBER',
    joinedOn = '2024-03-01',
  ): Promise<AllianceView> {
    const res = await this.send<{ addAllianceMember: AllianceView }>(M.addAllianceMember, {
      input: { allianceId, organizationId, role, joinedOn },
    });
    return dataOf(res).addAllianceMember;
  }

  async setGovernance(allianceId: string, hostOrganizationId: string | null = null): Promise<AllianceView> {
    const { version } = await this.alliance(allianceId);
    const res = await this.send<{ setAllianceGovernance: AllianceView }>(M.setAllianceGovernance, {
      input: {
        version,
        allianceId,
        bodies: [
          { kind: 'DECISION', name: '理事会' },
          { kind: 'ADVISORY', name: '专家委员会' },
          { kind: 'EXECUTIVE', name: '秘书处' },
        ],
        liableEntity: '理事长单位',
        executiveFullTimeStaff: 3,
        hostOrganizationId,
      },
    });
    return dataOf(res).setAllianceGovernance;
  }

  async createAgreement(
    allianceId: string,
    organizationIds: string[],
    clauses: Partial<Record<keyof typeof COMPLETE_CLAUSES, string>> = COMPLETE_CLAUSES,
  ): Promise<AgreementView> {
    const res = await this.send<{ createAgreementVersion: AllianceView }>(M.createAgreementVersion, {
      input: {
        allianceId,
        ...clauses,
        tasks: organizationIds.map((organizationId, i) => ({ organizationId, task: `课题${i + 1}` })),
      },
    });
    return dataOf(res).createAgreementVersion.agreements[0]!;
  }

  async sign(agreementId: string, organizationId: string, signedOn = '2024-03-15'): Promise<AllianceView> {
    const res = await this.send<{ recordAgreementSignature: AllianceView }>(M.recordAgreementSignature, {
      input: { agreementId, organizationId, signatoryName: '李四', signedOn },
    });
    return dataOf(res).recordAgreementSignature;
  }

  /**
   * An alliance meeting every Art. 8 condition under the province's 2016 measures: a backbone
   * enterprise (chair and host), a university and a research institute, the three bodies, and
   * agreement version 1 with every clause, signed by all three.
   */
  async formAlliance(options: { name?: string; foundedOn?: string } = {}) {
    const foundedOn = options.foundedOn ?? '2024-03-01';
    const enterprise = await this.addOrganization({
      type: 'ENTERPRISE',
      industryBackbone: true,
      backboneBasis: '行业前十',
    });
    const university = await this.addOrganization({ type: 'UNIVERSITY' });
    const institute = await this.addOrganization({ type: 'RESEARCH_INSTITUTE' });
    const registered = await this.registerAlliance({ name: options.name, foundedOn });
    await this.addMember(registered.id, enterprise.id, 'CHAIR', foundedOn);
    await this.addMember(registered.id, university.id, 'VICE_CHAIR', foundedOn);
    await this.addMember(registered.id, institute.id, 'MEMBER', foundedOn);
    await this.setGovernance(registered.id, enterprise.id);
    const organizations = [enterprise, university, institute];
    const agreement = await this.createAgreement(
      registered.id,
      organizations.map((o) => o.id),
    );
    const signedOn = addDays(foundedOn, 14);
    let alliance = registered;
    for (const o of organizations) alliance = await this.sign(agreement.id, o.id, signedOn);
    return { alliance, agreement, enterprise, university, institute };
  }
}

// ---- files ----

/** A supertest parser that keeps the response body as bytes, whatever its type. */
export function binaryBody(res: unknown, done: (error: Error | null, body: unknown) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export const FILES = {
  pdf: () =>
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${randomBytes(8).toString('hex')}\n%%EOF\n`,
    ),
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('\0\0\0\rIHDR'),
      randomBytes(32),
    ]),
  jpeg: () =>
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0'),
      randomBytes(32),
      Buffer.from([0xff, 0xd9]),
    ]),
  exe: () =>
    Buffer.concat([
      Buffer.from('MZ\x90\0\x03\0\0\0'),
      Buffer.alloc(56),
      Buffer.from('PE\0\0'),
      randomBytes(64),
    ]),
  docx: () =>
    zipStored([
      [
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ],
      [
        'word/document.xml',
        `<?xml version="1.0"?><w:document><!-- ${randomBytes(8).toString('hex')} --></w:document>`,
      ],
    ]),
};

// A ZIP archive with stored (uncompressed) entries: the container a DOCX is.
function zipStored(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const fileName = Buffer.from(name);
    const content = Buffer.from(text);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, content);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
