import {
  ALLIANCE_STATUS_LABELS,
  currentMembers,
  FILING_CHANGE_KIND_LABELS,
  GOVERNANCE_BODY_LABELS,
  MEMBER_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  parseFilingSnapshot,
  PILOT_LEVEL_LABELS,
  PILOT_STATUS_LABELS,
  SIGNIFICANCE_LEVEL_LABELS,
  type FiledMember,
  type FilingSnapshot,
  type MeasuresVersionRef,
} from '@xiangmeng/domain';
import { Alert, Collapse, Descriptions, Empty, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { chinaDateTime } from '../../shared/format';
import { FilingDocumentsTable } from './filing-dossier.section';
import { isFilingChangeKind, shortSha256 } from './filing-values';
import type { FilingDetail } from './filings.operations';
import { ListTable } from '../../shared/list-table';

type SnapshotRecord = FilingDetail['snapshots'][number];

// SUBMISSION | CHANGE: what froze the snapshot.
const RECORD_KIND_LABELS: Record<string, string> = {
  SUBMISSION: '提交备案时固定',
  CHANGE: '变更备案时固定',
};

const orDash = (value: string | null | undefined) => (value ? value : '—');

function Sha256({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} title={value}>
      {shortSha256(value)}
    </Typography.Text>
  );
}

const measuresWords = (m: MeasuresVersionRef) => `${m.documentNumber} 第 ${m.versionNo} 版`;

const MEMBER_COLUMNS: TableColumnsType<FiledMember> = [
  {
    title: '单位名称',
    key: 'name',
    width: 240,
    ellipsis: true,
    // Exits are kept with their dates; an exited member reads greyed.
    render: (_: unknown, m) => (
      <Typography.Text type={m.exitedOn ? 'secondary' : undefined}>{m.name}</Typography.Text>
    ),
  },
  { title: '职务', key: 'role', width: 120, render: (_: unknown, m) => MEMBER_ROLE_LABELS[m.role] },
  { title: '类型', key: 'type', width: 120, render: (_: unknown, m) => ORGANIZATION_TYPE_LABELS[m.type] },
  { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', width: 190 },
  {
    title: '产业骨干',
    key: 'backbone',
    width: 90,
    render: (_: unknown, m) => (m.industryBackbone ? '是' : '—'),
  },
  { title: '加入日期', dataIndex: 'joinedOn', key: 'joinedOn', width: 110 },
  { title: '退出日期', key: 'exitedOn', width: 110, render: (_: unknown, m) => orDash(m.exitedOn) },
];

/** One frozen snapshot: the alliance as filed, read through the domain's reader. */
export function FilingSnapshotView({ stored, sha256 }: { stored: unknown; sha256?: string }) {
  const snapshot = parseFilingSnapshot(stored);
  if (!snapshot) return <Alert type="error" showIcon title="该快照的内容无法读取" />;
  return <SnapshotContent snapshot={snapshot} sha256={sha256} />;
}

function SnapshotContent({ snapshot, sha256 }: { snapshot: FilingSnapshot; sha256: string | undefined }) {
  const onRoll = currentMembers(snapshot.members, snapshot.asOf).length;
  const { agreement, governance, foundingCheck: check, measures, pilotDecision, significance } = snapshot;
  return (
    <Flex vertical gap={20} data-testid="filing-snapshot">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'alliance', label: '联盟', children: snapshot.alliance.name },
          {
            key: 'status',
            label: '联盟状态',
            children: `${ALLIANCE_STATUS_LABELS[snapshot.alliance.status]} · ${
              PILOT_STATUS_LABELS[snapshot.alliance.pilotStatus]
            }`,
          },
          { key: 'asOf', label: '快照日期', children: snapshot.asOf },
          { key: 'takenAt', label: '固定时间', children: chinaDateTime(snapshot.takenAt) },
          ...(sha256
            ? [
                {
                  key: 'sha256',
                  label: '快照 SHA-256',
                  span: 'filled' as const,
                  children: <Sha256 value={sha256} />,
                },
              ]
            : []),
        ]}
      />
      <div>
        <Typography.Title level={5}>
          成员单位（截至 {snapshot.asOf} 在册 {onRoll} 家）
        </Typography.Title>
        <ListTable<FiledMember>
          size="small"
          rowKey="organizationId"
          columns={MEMBER_COLUMNS}
          dataSource={snapshot.members}
          pagination={false}
          scroll={{ x: 980 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无成员单位" /> }}
        />
      </div>
      <Descriptions
        title="联盟协议与组织机构"
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'agreement',
            label: '生效的联盟协议',
            children: agreement ? `第 ${agreement.version} 版` : '无生效的联盟协议',
          },
          {
            key: 'agreementSha',
            label: '协议 SHA-256',
            children: agreement ? <Sha256 value={agreement.sha256} /> : '—',
          },
          {
            key: 'bodies',
            label: '组织机构',
            span: 'filled',
            children:
              governance.bodies.length === 0 ? (
                '—'
              ) : (
                <Flex vertical>
                  {governance.bodies.map((b) => (
                    <span key={`${b.kind}:${b.name}`}>
                      {GOVERNANCE_BODY_LABELS[b.kind]}：{b.name}
                    </span>
                  ))}
                </Flex>
              ),
          },
          { key: 'liable', label: '对外承担责任的主体', children: orDash(governance.liableEntity) },
          {
            key: 'staff',
            label: '执行机构专职人员',
            children: `${governance.executiveFullTimeStaff} 人`,
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>备案材料</Typography.Title>
        <FilingDocumentsTable
          // Frozen by content hash; each opens as the register stored it, for whoever reads the filing.
          documents={snapshot.documents.map((d) => ({ ...d, downloadUrl: `/api/documents/${d.documentId}` }))}
        />
      </div>
      <div>
        <Typography.Title level={5}>第八条审查结果</Typography.Title>
        <Alert
          type={check.allHold ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={
            check.allHold
              ? `第八条六项基本条件全部满足（检查日 ${check.asOf}）`
              : `第八条基本条件未全部满足（检查日 ${check.asOf}）`
          }
          description={`适用的实施办法：省 ${measuresWords(measures.province)}${
            measures.local ? `；本市州 ${measuresWords(measures.local)}` : ''
          }`}
        />
        <Flex vertical gap={4}>
          {check.conditions.map((c) => (
            <div key={c.condition}>
              <Tag color={c.holds ? 'success' : 'error'}>{c.holds ? '满足' : '不满足'}</Tag>
              <Typography.Text>
                {c.article} {c.title}
              </Typography.Text>
              {c.reasons.map((r) => (
                <Typography.Paragraph
                  key={r.code + (r.organizationId ?? '')}
                  type="secondary"
                  style={{ margin: '0 0 0 52px' }}
                >
                  {r.message}
                </Typography.Paragraph>
              ))}
            </div>
          ))}
        </Flex>
      </div>
      <Descriptions
        title="试点依据与重大影响"
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'pilot',
            label: '试点决定',
            children: `${PILOT_LEVEL_LABELS[pilotDecision.level]}，${pilotDecision.decidedOn} 确认`,
          },
          {
            key: 'pilotReason',
            label: '决定意见',
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {orDash(pilotDecision.reason)}
              </Typography.Paragraph>
            ),
          },
          { key: 'level', label: '申明的影响层级', children: SIGNIFICANCE_LEVEL_LABELS[significance.level] },
          {
            key: 'statement',
            label: '重大影响说明',
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {significance.statement}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/**
 * 备案快照: the snapshot in force (the API's `snapshot`: the filed one, even while a change waits or
 * after a change was returned). Every snapshot stays readable in the history.
 */
export function FilingSnapshotSection({ snapshot }: { snapshot: unknown }) {
  if (snapshot === null || snapshot === undefined) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="提交备案后，备案快照在此固定" />;
  }
  return <FilingSnapshotView stored={snapshot} />;
}

/** 快照历史: each snapshot with what it changed against the one before it; each opens to its content. */
export function FilingSnapshotHistory({ snapshots }: { snapshots: readonly SnapshotRecord[] }) {
  if (snapshots.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无快照" />;
  }
  return (
    <Collapse
      data-testid="filing-snapshot-history"
      items={[...snapshots]
        .sort((a, b) => b.seq - a.seq)
        .map((s) => ({
          key: s.seq,
          label: (
            <Flex vertical gap={4}>
              <span>
                <Typography.Text strong>第 {s.seq} 份快照</Typography.Text>
                <Tag color={s.kind === 'CHANGE' ? 'blue' : 'green'} style={{ marginInlineStart: 8 }}>
                  {RECORD_KIND_LABELS[s.kind] ?? s.kind}
                </Tag>
                <Typography.Text type="secondary">{chinaDateTime(s.takenAt)}</Typography.Text>
              </span>
              {s.changes.length === 0 ? (
                <Typography.Text type="secondary">
                  {s.kind === 'SUBMISSION' ? '首次固定，无比较对象' : '与此前的快照相比没有变化'}
                </Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="filing-snapshot-changes">
                  {s.changes.map((c, i) => (
                    <li key={`${c.kind}-${c.subject}-${i}`}>
                      <Tag color="blue">
                        {isFilingChangeKind(c.kind) ? FILING_CHANGE_KIND_LABELS[c.kind] : c.kind}
                      </Tag>
                      {c.description}
                    </li>
                  ))}
                </ul>
              )}
            </Flex>
          ),
          children: <FilingSnapshotView stored={s.snapshot} sha256={s.sha256} />,
        }))}
    />
  );
}
