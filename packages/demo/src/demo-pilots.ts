import { PROVINCE_CODE } from '@xiangmeng/domain';
import type { Client } from 'pg';
import { demoId } from './demo-register.js';

// The demo of pilot selection: the province's expert pool (most with accounts), 株洲's own pool,
// and the province's open call for pilots. Some experts work for members of demo alliances, so the
// conflict-of-interest rules have something to show when a panel is drawn.

export const DEMO_PILOT_CALL_TITLE = '2026年度湖南省产业技术创新战略联盟试点申报';

const DEMO_PILOT_CALL_DESCRIPTION = [
  '根据《湖南省产业技术创新战略联盟建设与发展管理办法》，现组织开展2026年度省级产业技术创新战略联盟试点申报工作。',
  '已在市州科技局登记、运行满一年且符合组建条件的联盟，由牵头单位填写申报书，上传可行性研究报告，经所在市州科技局审核推荐后报省科技厅。',
  '省科技厅组织专家评审，评审结果公示无异议后确认为省级试点联盟。',
].join('\n');

export type DemoExpert = {
  key: string;
  name: string;
  title: string;
  /** Industry codes of the demo alliances the expert reviews. */
  domains: string[];
  /** Directory organizations (by name) the expert works for, with the position held. */
  organizations: { name: string; position: string }[];
  /** Bureaus (tenant codes) the expert is tied to. */
  bureaus: { code: string; position: string }[];
  /** The province demo account the expert signs in with. */
  username: string | null;
};

const expert = (
  key: string,
  name: string,
  title: string,
  domains: string[],
  ties: {
    organizations?: DemoExpert['organizations'];
    bureaus?: DemoExpert['bureaus'];
    username?: string;
  } = {},
): DemoExpert => ({
  key,
  name,
  title,
  domains,
  organizations: ties.organizations ?? [],
  bureaus: ties.bureaus ?? [],
  username: ties.username ?? null,
});

// The five account holders review every strategic emerging class (first level) and most pillar
// industries, so the demo can seat a panel of five for every alliance without a conflict; each
// leaves out one pillar industry that 黄德明 (or no demo alliance) covers.
const SE_CLASSES = ['SE01', 'SE02', 'SE03', 'SE04', 'SE05', 'SE06', 'SE07', 'SE08', 'SE09'];
const PILLARS = [
  'HP01',
  'HP02',
  'HP03',
  'HP04',
  'HP05',
  'HP06',
  'HP07',
  'HP08',
  'HP09',
  'HP10',
  'HP11',
  'HP12',
];
const broad = (without: string) => [...SE_CLASSES, ...PILLARS.filter((code) => code !== without)];

/** The province's pool: every industry of the demo alliances is covered by at least one expert. */
export const DEMO_PROVINCE_EXPERTS: readonly DemoExpert[] = [
  expert('rail', '周振华', '教授级高级工程师', broad('HP02'), {
    organizations: [{ name: '株洲天元轨道交通装备股份有限公司', position: '总工程师' }],
    username: 'expert1',
  }),
  expert('digital', '罗湘平', '教授', broad('HP03'), {
    organizations: [{ name: '长沙麓山工业大学', position: '计算机学院院长' }],
    username: 'expert2',
  }),
  expert('bio', '谭晓燕', '研究员', broad('HP01'), {
    organizations: [{ name: '湖南省生物医药研究院', position: '副院长' }],
    username: 'expert3',
  }),
  expert('materials', '陈立新', '教授', broad('HP06'), {
    organizations: [{ name: '湘潭理工大学', position: '材料学院教授' }],
    username: 'expert4',
  }),
  expert('energy', '刘建军', '高级工程师', broad('HP04'), {
    organizations: [{ name: '湘潭电工装备研究所', position: '所长' }],
    username: 'expert5',
  }),
  expert('machinery', '黄德明', '教授级高级工程师', ['HP01', 'HP06', 'HP04', 'SE0201'], {
    organizations: [{ name: '湖南省工程机械行业协会', position: '专家委员会主任' }],
    username: 'expert',
  }),
  expert('consumer', '曾桂芳', '研究员', ['HP07', 'HP08', 'HP09', 'HP10'], {
    organizations: [{ name: '湖南省茶业科学研究所', position: '研究员' }],
    bureaus: [{ code: '430200', position: '株洲市科技局原专家库成员' }],
  }),
  expert('finance', '彭永辉', '高级经济师', ['SE0103', 'HP12', 'SE0802', 'HP11'], {
    organizations: [{ name: '湖南湘创创业投资有限公司', position: '投资总监' }],
  }),
];

/** 株洲's own pool, for its city-level calls. */
export const DEMO_ZHUZHOU_EXPERTS: readonly DemoExpert[] = [
  expert('rail', '龙岳峰', '高级工程师', ['SE0204', 'SE0205'], {
    organizations: [{ name: '株洲轨道交通技术研究院', position: '研究员' }],
  }),
  expert('aero', '易少华', '研究员', ['SE0202', 'SE0201']),
  expert('ceramics', '贺楚雄', '正高级工艺美术师', ['HP07', 'SE0302']),
];

/** Province demo accounts of the experts with one (besides `expert`, which the accounts list has). */
export const DEMO_EXPERT_ACCOUNTS = DEMO_PROVINCE_EXPERTS.filter(
  (e) => e.username !== null && e.username !== 'expert',
).map((e) => ({ username: e.username!, displayName: `${e.name}（评审专家，演示）` }));

/**
 * Writes the pilot demo inside the caller's transaction, as the owner with each tenant and an
 * admin role set (row-level security checks every row). A pool expert or call already present is
 * left alone with what hangs under it, so a second run writes nothing.
 */
export async function seedDemoPilots(client: Client): Promise<{ experts: number; calls: number }> {
  const { rows: tenants } = await client.query<{ id: string; code: string }>('SELECT id, code FROM tenant');
  const tenantIdOf = (code: string) => {
    const id = tenants.find((t) => t.code === code)?.id;
    if (!id) throw new Error(`unknown tenant ${code}`);
    return id;
  };
  const setTenant = (code: string) =>
    client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
      tenantIdOf(code),
      code === PROVINCE_CODE ? 'PROVINCE_ADMIN' : 'CITY_ADMIN',
    ]);

  let experts = 0;
  for (const [code, pool] of [
    [PROVINCE_CODE, DEMO_PROVINCE_EXPERTS],
    ['430200', DEMO_ZHUZHOU_EXPERTS],
  ] as const) {
    await setTenant(code);
    const tenantId = tenantIdOf(code);
    for (const e of pool) {
      const id = demoId(`pilot-expert:${code}:${e.key}`);
      const inserted = await client.query(
        `INSERT INTO expert (id, tenant_id, user_id, name, title, domains)
         VALUES ($1, $2, (SELECT id FROM app_user WHERE tenant_id = $2 AND username = $3), $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [id, tenantId, e.username, e.name, e.title, e.domains],
      );
      if (!inserted.rowCount) continue;
      experts += 1;
      for (const tie of e.organizations) {
        await client.query(
          `INSERT INTO expert_affiliation (id, tenant_id, expert_id, organization_id, position)
           SELECT $1, $2, $3, o.id, $5 FROM organization o WHERE o.name = $4 ORDER BY o.created_at LIMIT 1
           ON CONFLICT DO NOTHING`,
          [demoId(`pilot-affiliation:${code}:${e.key}:${tie.name}`), tenantId, id, tie.name, tie.position],
        );
      }
      for (const tie of e.bureaus) {
        await client.query(
          `INSERT INTO expert_affiliation (id, tenant_id, expert_id, bureau_tenant_id, position)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [
            demoId(`pilot-affiliation:${code}:${e.key}:${tie.code}`),
            tenantId,
            id,
            tenantIdOf(tie.code),
            tie.position,
          ],
        );
      }
    }
  }

  // The province's call: open for 30 days already, 60 more to go; China midnights.
  await setTenant(PROVINCE_CODE);
  const provinceId = tenantIdOf(PROVINCE_CODE);
  const call = await client.query(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
          m AS (SELECT id, version_no FROM measures
                 WHERE tenant_id = $2 AND status = 'PUBLISHED' AND effective_on <= (SELECT d FROM today)
                 ORDER BY effective_on DESC, version_no DESC LIMIT 1),
          at AS (SELECT (d - 30)::timestamp AT TIME ZONE 'Asia/Shanghai' AS opens,
                        (d + 61)::timestamp AT TIME ZONE 'Asia/Shanghai' AS closes,
                        (d + 76)::timestamp AT TIME ZONE 'Asia/Shanghai' AS recommend_by,
                        (d + 121)::timestamp AT TIME ZONE 'Asia/Shanghai' AS decide_by FROM today)
     INSERT INTO pilot_call (id, tenant_id, title, description, opens_at, closes_at, recommend_by, decide_by,
                             measures_tenant_id, measures_id, measures_version_no, required_documents, status,
                             published_at, created_at)
     SELECT $1, $2, $3, $4, at.opens, at.closes, at.recommend_by, at.decide_by, $2, m.id, m.version_no,
            '{FEASIBILITY_REPORT}', 'PUBLISHED', at.opens, at.opens
       FROM m, at
      WHERE NOT EXISTS (SELECT 1 FROM pilot_call WHERE tenant_id = $2 AND title = $3)
     ON CONFLICT DO NOTHING`,
    [demoId('pilot-call:430000:2026'), provinceId, DEMO_PILOT_CALL_TITLE, DEMO_PILOT_CALL_DESCRIPTION],
  );

  await client.query(`SELECT set_config('app.tenant_id', '', true), set_config('app.roles', '', true)`);
  return { experts, calls: call.rowCount ?? 0 };
}
