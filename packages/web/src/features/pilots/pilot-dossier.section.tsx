import {
  MEMBER_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type MemberRole,
  type OrganizationType,
} from '@xiangmeng/domain';
import { Alert, Descriptions, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { labelOf, list, pick, record, text, type JsonRecord } from './dossier-json';

// The dossier is a JSON object frozen at submission ({alliance, members[], agreement,
// foundingCheck, measures}); it is read field by field and anything missing shows as "—".

type MemberRow = {
  key: string;
  name: string;
  role: string;
  type: string;
  creditCode: string;
  joinedOn: string;
};

function readMembers(value: unknown): MemberRow[] {
  return list(value).flatMap((item, index) => {
    const member = record(item);
    if (!member) return [];
    const organization = record(member.organization);
    const type = pick(member, 'type') ?? pick(organization, 'type');
    return [
      {
        key: pick(member, 'id', 'organizationId') ?? String(index),
        name: pick(member, 'name') ?? pick(organization, 'name') ?? '—',
        role: labelOf<MemberRole>(MEMBER_ROLE_LABELS, pick(member, 'role')),
        type: labelOf<OrganizationType>(ORGANIZATION_TYPE_LABELS, type),
        creditCode: pick(member, 'creditCode') ?? pick(organization, 'creditCode') ?? '—',
        joinedOn: pick(member, 'joinedOn') ?? '—',
      },
    ];
  });
}

type ConditionRow = { key: string; article: string; title: string; holds: boolean; reasons: string[] };

function readConditions(check: JsonRecord | null): ConditionRow[] {
  return list(check?.conditions).flatMap((item, index) => {
    const condition = record(item);
    if (!condition) return [];
    return [
      {
        key: pick(condition, 'condition') ?? String(index),
        article: pick(condition, 'article') ?? '—',
        title: pick(condition, 'title') ?? '',
        holds: condition.holds === true,
        reasons: list(condition.reasons).flatMap((reason) => {
          const message = pick(record(reason), 'message') ?? text(reason);
          return message ? [message] : [];
        }),
      },
    ];
  });
}

const MEMBER_COLUMNS: TableColumnsType<MemberRow> = [
  { title: '单位名称', dataIndex: 'name' },
  { title: '角色', dataIndex: 'role', width: 120 },
  { title: '类型', dataIndex: 'type', width: 110 },
  { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
  { title: '加入日期', dataIndex: 'joinedOn', width: 110 },
];

/** 申报材料（提交时固定）: what the recommending unit and the authority judged, as submitted. */
export function PilotDossierSection({
  dossier,
  callMeasures,
}: {
  dossier: unknown;
  /** the call's measures, for the title and 文号 the dossier records only by id and version */
  callMeasures: { id: string; title: string; documentNumber: string; versionNo: number };
}) {
  const root = record(dossier);
  if (!root) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="申报书提交后，申报材料在此固定" />;
  }
  const alliance = record(root.alliance);
  const industry = record(alliance?.industry);
  const agreement = record(root.agreement);
  const check = record(root.foundingCheck);
  const measures = record(root.measures);
  const members = readMembers(root.members);
  const conditions = readConditions(check);
  const allHold = check?.allHold === true;
  const signatures = list(agreement?.signatures).length;
  const measuresVersion = pick(measures, 'versionNo') ?? String(callMeasures.versionNo);
  const sameMeasures = !measures || pick(measures, 'id') === null || pick(measures, 'id') === callMeasures.id;
  const bodies = list(alliance?.governanceBodies).flatMap((body) => {
    const name = pick(record(body), 'name');
    return name ? [name] : [];
  });

  return (
    <Flex vertical gap={16} data-testid="pilot-dossier">
      <Descriptions
        title="联盟基本情况"
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: '联盟名称', children: pick(alliance, 'name') ?? '—' },
          {
            key: 'industry',
            label: '产业',
            children: pick(industry, 'name') ?? pick(alliance, 'industryName', 'industryCode') ?? '—',
          },
          { key: 'foundedOn', label: '发起日期', children: pick(alliance, 'foundedOn') ?? '—' },
          { key: 'establishedOn', label: '成立日期', children: pick(alliance, 'establishedOn') ?? '—' },
          {
            key: 'liableEntity',
            label: '对外承担责任的主体',
            children: pick(alliance, 'liableEntity') ?? '—',
          },
          { key: 'bodies', label: '组织机构', children: bodies.length > 0 ? bodies.join('、') : '—' },
          {
            key: 'objectives',
            label: '宗旨和目标',
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {pick(alliance, 'objectives') ?? '—'}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>成员单位（{members.length}）</Typography.Title>
        <Table<MemberRow>
          size="small"
          rowKey="key"
          columns={MEMBER_COLUMNS}
          dataSource={members}
          pagination={false}
        />
      </div>
      <Descriptions
        title="联盟协议"
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={
          agreement
            ? [
                { key: 'version', label: '生效版本', children: `第 ${pick(agreement, 'version') ?? '—'} 版` },
                { key: 'signatures', label: '签署', children: `${signatures} 家成员单位法定代表人签署` },
                {
                  key: 'goals',
                  label: '创新目标',
                  span: 'filled',
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {pick(agreement, 'innovationGoals') ?? '—'}
                    </Typography.Paragraph>
                  ),
                },
              ]
            : [{ key: 'none', label: '生效版本', children: '提交时无生效的联盟协议' }]
        }
      />
      <div>
        <Typography.Title level={5}>第八条基本条件</Typography.Title>
        <Alert
          type={allHold ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={
            allHold
              ? `提交时第八条六项基本条件全部满足${pick(check, 'asOf') ? `（检查日 ${pick(check, 'asOf')}）` : ''}`
              : '提交时第八条基本条件未全部满足'
          }
        />
        <Flex vertical gap={4}>
          {conditions.map((c) => (
            <div key={c.key}>
              <Tag color={c.holds ? 'success' : 'error'}>{c.holds ? '满足' : '不满足'}</Tag>
              <Typography.Text>
                {c.article} {c.title}
              </Typography.Text>
              {c.reasons.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 40 }}>
                  {c.reasons.map((reason, index) => (
                    <li key={index}>{reason}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </Flex>
      </div>
      <Descriptions
        title="适用的实施办法"
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'measures',
            label: '实施办法',
            children: sameMeasures
              ? `《${pick(measures, 'title') ?? callMeasures.title}》（${
                  pick(measures, 'documentNumber') ?? callMeasures.documentNumber
                }）第 ${measuresVersion} 版`
              : `第 ${measuresVersion} 版`,
          },
        ]}
      />
    </Flex>
  );
}
