import {
  MEMBER_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  parsePilotDossier,
  type PilotDossier,
} from '@xiangmeng/domain';
import { Alert, Descriptions, Empty, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { ListTable } from '../../shared/list-table';

// The dossier frozen at submission, read once through the domain's parse function: whatever an
// older row lacks shows as "—".

type MemberRow = {
  key: string;
  name: string;
  role: string;
  type: string;
  creditCode: string;
  joinedOn: string;
};

function memberRows(dossier: PilotDossier): MemberRow[] {
  return dossier.members.map((m, index) => ({
    key: m.organizationId ?? String(index),
    name: m.name || '—',
    role: m.role ? MEMBER_ROLE_LABELS[m.role] : '—',
    type: m.type ? ORGANIZATION_TYPE_LABELS[m.type] : '—',
    creditCode: m.creditCode ?? '—',
    joinedOn: m.joinedOn ?? '—',
  }));
}

const orDash = (value: string | null | undefined) => (value ? value : '—');

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
  if (dossier === null || dossier === undefined) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="申报书提交后，申报材料在此固定" />;
  }
  const parsed = parsePilotDossier(dossier);
  const { alliance, agreement, foundingCheck: check, measures } = parsed;
  const members = memberRows(parsed);
  const conditions = check?.conditions ?? [];
  const allHold = check?.allHold === true;
  const measuresVersion = String(measures?.versionNo ?? callMeasures.versionNo);
  const sameMeasures = !measures || measures.id === callMeasures.id;
  const bodies = alliance.governanceBodies.map((b) => b.name);

  return (
    <Flex vertical gap={16} data-testid="pilot-dossier">
      <Descriptions
        title="联盟基本情况"
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: '联盟名称', children: orDash(alliance.name) },
          {
            key: 'industry',
            label: '产业',
            children: alliance.industryName ?? orDash(alliance.industryCode),
          },
          { key: 'foundedOn', label: '发起日期', children: orDash(alliance.foundedOn) },
          { key: 'establishedOn', label: '成立日期', children: orDash(alliance.establishedOn) },
          {
            key: 'liableEntity',
            label: '对外承担责任的主体',
            children: orDash(alliance.liableEntity),
          },
          { key: 'bodies', label: '组织机构', children: bodies.length > 0 ? bodies.join('、') : '—' },
          {
            key: 'objectives',
            label: '宗旨和目标',
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {orDash(alliance.objectives)}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>成员单位（{members.length}）</Typography.Title>
        <ListTable<MemberRow>
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
                { key: 'version', label: '生效版本', children: `第 ${agreement.version || '—'} 版` },
                {
                  key: 'signatures',
                  label: '签署',
                  children: `${agreement.signatures.length} 家成员单位法定代表人签署`,
                },
                {
                  key: 'goals',
                  label: '创新目标',
                  span: 'filled',
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {orDash(agreement.innovationGoals)}
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
              ? `提交时第八条六项基本条件全部满足${check?.asOf ? `（检查日 ${check.asOf}）` : ''}`
              : '提交时第八条基本条件未全部满足'
          }
        />
        <Flex vertical gap={4}>
          {conditions.map((c) => (
            <div key={c.condition}>
              <Tag color={c.holds ? 'success' : 'error'}>{c.holds ? '满足' : '不满足'}</Tag>
              <Typography.Text>
                {c.article} {c.title}
              </Typography.Text>
              {c.reasons.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 40 }}>
                  {c.reasons.map((reason, index) => (
                    <li key={index}>{reason.message}</li>
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
              ? `《${callMeasures.title}》（${callMeasures.documentNumber}）第 ${measuresVersion} 版`
              : `第 ${measuresVersion} 版`,
          },
        ]}
      />
    </Flex>
  );
}
