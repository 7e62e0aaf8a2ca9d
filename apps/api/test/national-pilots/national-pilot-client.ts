import { randomBytes } from 'node:crypto';
import type { AdminDb } from '../support/admin-db';
import type { GraphqlAgent, GraphqlResponse } from '../support/harness';
import { dataOf } from '../support/register-client';

// Operations of the national pilot list (国家级试点联盟) for the tests.

export const DESIGNATION_FIELDS = `id allianceId allianceName allianceTenantName documentNumber designatedOn
  documentId documentFileName recordedAt withdrawal { on reason at } inForce tag isMine`;

export type DesignationView = {
  id: string;
  allianceId: string;
  allianceName: string;
  allianceTenantName: string;
  documentNumber: string;
  designatedOn: string;
  documentId: string | null;
  documentFileName: string | null;
  withdrawal: { on: string; reason: string; at: string } | null;
  inForce: boolean;
  tag: string;
  isMine: boolean;
};

export const NP = {
  record: `mutation ($input: RecordNationalPilotInput!) { recordNationalPilot(input: $input) { ${DESIGNATION_FIELDS} } }`,
  withdraw: `mutation ($input: WithdrawNationalPilotInput!) { withdrawNationalPilot(input: $input) { ${DESIGNATION_FIELDS} } }`,
  list: `query ($filter: NationalPilotFilterInput) { nationalPilotDesignations(filter: $filter) { ${DESIGNATION_FIELDS} } }`,
  alliance: `query ($id: ID!) { alliance(id: $id) { id nationalPilot { ${DESIGNATION_FIELDS} } nationalPilotHistory { id } } }`,
};

/** A document number no other test uses. */
export function documentNumber(): string {
  return `国科发创〔2027〕国家试点测试${randomBytes(3).toString('hex')}号`;
}

export function record(
  agent: GraphqlAgent,
  input: Record<string, unknown>,
): Promise<GraphqlResponse<{ recordNationalPilot: DesignationView }>> {
  return agent.send(NP.record, { input: { documentNumber: documentNumber(), designatedOn: '2027-05-20', ...input } });
}

export async function recorded(agent: GraphqlAgent, input: Record<string, unknown>): Promise<DesignationView> {
  return dataOf(await record(agent, input)).recordNationalPilot;
}

export function withdraw(
  agent: GraphqlAgent,
  id: string,
  reason = '科技部调整国家级试点联盟名单',
): Promise<GraphqlResponse<{ withdrawNationalPilot: DesignationView }>> {
  return agent.send(NP.withdraw, { input: { id, reason } });
}

export async function list(agent: GraphqlAgent, filter: Record<string, unknown> = {}): Promise<DesignationView[]> {
  return dataOf(await agent.send<{ nationalPilotDesignations: DesignationView[] }>(NP.list, { filter }))
    .nationalPilotDesignations;
}

/**
 * The city alliance has sent the province something (here its prior investment, declared to the
 * province), so the province may name it on the list; a fixture row written as the table's owner.
 */
export async function sentToProvince(db: AdminDb, allianceId: string, provinceId: string): Promise<void> {
  await db.rows(
    `INSERT INTO prior_investment (tenant_id, alliance_id, authority_tenant_id, description, declared_fen)
     SELECT tenant_id, id, $2, '联盟先行投入（测试）', 100000 FROM alliance WHERE id = $1`,
    [allianceId, provinceId],
  );
}
