import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import type { AllianceAgreementsQuery as AllianceAgreementsResult } from '../../gql/graphql';
import { CLAUSE_GROUPS, groupHeading, type Agreement } from './agreement-clauses';
import { AgreementVersionModal, type AgreementVersionMode } from './agreement-version.modal';
import { RecordSignatureModal, type Signing } from './record-signature.modal';
import { AllianceAgreementsQuery, type AgreementMember } from './alliances.operations';
import { ListTable } from '../../shared/list-table';

type AgreementsAlliance = AllianceAgreementsResult['alliance'];
type SignatureRow = {
  organizationId: string;
  name: string;
  legalRepresentative: string;
  member: AgreementMember | null;
  signature: Agreement['signatures'][number] | null;
};

/** 联盟协议 (Art. 8(2)): versions newest first; a version takes effect once every current member has signed. */
export function AgreementsSection({ allianceId, editable }: { allianceId: string; editable: boolean }) {
  const { data, loading, error, refetch } = useQuery(AllianceAgreementsQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });
  const [versionMode, setVersionMode] = useState<AgreementVersionMode | null>(null);
  const [signing, setSigning] = useState<Signing | null>(null);

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  const { agreements, members, documents } = data.alliance;
  const current = members.filter((m) => m.exitedOn === null);
  const latest = agreements[0] ?? null;
  const inEffect = agreements.find((a) => a.inEffect) ?? null;
  const scans = documents.filter((d) => d.kind === 'AGREEMENT_SCAN');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Text type="secondary">
          协议须经全体现有成员单位的法定代表人签署方可生效；有签署后的版本不能再改，修改须新建版本。
          {inEffect ? `现行有效：第 ${inEffect.version} 版。` : '目前没有生效的协议。'}
        </Typography.Text>
        {editable && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            disabled={current.length === 0}
            title={current.length === 0 ? '请先添加成员单位' : undefined}
            onClick={() => setVersionMode({ kind: 'create', from: latest })}
          >
            {latest ? '新建版本' : '录入联盟协议'}
          </Button>
        )}
      </Flex>
      {agreements.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={current.length === 0 ? '尚未录入联盟协议；请先添加成员单位' : '尚未录入联盟协议'}
        />
      ) : (
        <Collapse
          // Remounted when a version is added, so the newest one opens.
          key={latest?.id}
          defaultActiveKey={latest ? [latest.id] : []}
          items={agreements.map((agreement) => ({
            key: agreement.id,
            label: `第 ${agreement.version} 版联盟协议`,
            extra: <VersionTags agreement={agreement} latest={agreement === latest} current={current} />,
            children: (
              <AgreementVersion
                agreement={agreement}
                members={members}
                current={current}
                documents={documents}
                editable={editable}
                onEdit={() => setVersionMode({ kind: 'edit', agreement })}
                onSign={(member) => setSigning({ agreement, member })}
              />
            ),
          }))}
        />
      )}
      <AgreementVersionModal
        mode={versionMode}
        allianceId={allianceId}
        currentMembers={current}
        scans={scans}
        onClose={() => setVersionMode(null)}
      />
      <RecordSignatureModal signing={signing} onClose={() => setSigning(null)} />
    </Flex>
  );
}

function signedBy(agreement: Agreement, organizationId: string) {
  return agreement.signatures.find((s) => s.organizationId === organizationId) ?? null;
}

function VersionTags({
  agreement,
  latest,
  current,
}: {
  agreement: Agreement;
  latest: boolean;
  current: readonly AgreementMember[];
}) {
  const signedCurrent = current.filter((m) => signedBy(agreement, m.organization.id)).length;
  return (
    <Space size={4} onClick={(event) => event.stopPropagation()}>
      {agreement.inEffect && <Tag color="success">生效中</Tag>}
      {agreement.signatures.length === 0 ? (
        <Tag>草稿（未签署）</Tag>
      ) : (
        !agreement.inEffect && <Tag color="processing">{`已签署 ${signedCurrent}/${current.length}`}</Tag>
      )}
      {!latest && !agreement.inEffect && <Tag>历史版本</Tag>}
    </Space>
  );
}

function AgreementVersion({
  agreement,
  members,
  current,
  documents,
  editable,
  onEdit,
  onSign,
}: {
  agreement: Agreement;
  members: readonly AgreementMember[];
  current: readonly AgreementMember[];
  documents: AgreementsAlliance['documents'];
  editable: boolean;
  onEdit: () => void;
  onSign: (member: AgreementMember) => void;
}) {
  const draft = agreement.signatures.length === 0;
  const nameOf = (organizationId: string) =>
    members.find((m) => m.organization.id === organizationId)?.organization.name ?? '（已不在名录中的单位）';
  const scan = documents.find((d) => d.id === agreement.scanDocumentId);

  // Every current member must sign; signatures of members who have since left stay visible.
  const rows: SignatureRow[] = [
    ...current.map((m) => ({
      organizationId: m.organization.id,
      name: m.organization.name,
      legalRepresentative: m.organization.legalRepresentative,
      member: m,
      signature: signedBy(agreement, m.organization.id),
    })),
    ...agreement.signatures
      .filter((s) => !current.some((m) => m.organization.id === s.organizationId))
      .map((s) => ({
        organizationId: s.organizationId,
        name: `${nameOf(s.organizationId)}（已退出）`,
        legalRepresentative: '',
        member: null,
        signature: s,
      })),
  ];

  const signatureColumns: TableColumnsType<SignatureRow> = [
    { title: '成员单位', dataIndex: 'name' },
    { title: '法定代表人', dataIndex: 'legalRepresentative', width: 120 },
    {
      title: '签署人',
      key: 'signatoryName',
      width: 120,
      render: (_: unknown, row) =>
        row.signature?.signatoryName ?? <Typography.Text type="secondary">未签署</Typography.Text>,
    },
    {
      title: '签署日期',
      key: 'signedOn',
      width: 120,
      render: (_: unknown, row) => row.signature?.signedOn ?? '—',
    },
  ];
  if (editable) {
    signatureColumns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, row) =>
        !row.signature && row.member ? (
          <Button type="link" onClick={() => row.member && onSign(row.member)}>
            登记签署
          </Button>
        ) : null,
    });
  }

  return (
    <Flex vertical gap={16} data-testid={`agreement-version-${agreement.version}`}>
      {draft ? (
        <Alert
          type="info"
          showIcon
          title="草稿：尚无成员签署，条款和任务分工仍可修改。"
          description="登记第一个签署后，本版协议内容即不能再改。"
          action={
            editable ? (
              <Button icon={<EditOutlined />} onClick={onEdit}>
                修改条款
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Alert
          type={agreement.inEffect ? 'success' : 'warning'}
          showIcon
          title={
            agreement.inEffect
              ? '全体现有成员单位已签署，本版协议生效中。'
              : '本版协议尚未由全体现有成员单位签署，未生效。'
          }
          description="已有成员签署，内容只读；如需修改，请新建版本并重新签署。"
        />
      )}
      {CLAUSE_GROUPS.map((group) => (
        <Descriptions
          key={group.heading}
          title={groupHeading(group)}
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 220 } }}
          items={group.clauses.map((clause) => ({
            key: clause.key,
            label: clause.label,
            children: agreement[clause.key] ? (
              <span style={{ whiteSpace: 'pre-wrap' }}>{agreement[clause.key]}</span>
            ) : (
              <Typography.Text type="danger">未约定</Typography.Text>
            ),
          }))}
        />
      ))}
      <Descriptions
        title="任务分工"
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 220 } }}
        items={[
          ...current.map((m) => {
            const task = agreement.tasks.find((t) => t.organizationId === m.organization.id)?.task;
            return {
              key: m.organization.id,
              label: `${m.organization.name}（${MEMBER_ROLE_LABELS[m.role]}）`,
              children: task ? (
                <span style={{ whiteSpace: 'pre-wrap' }}>{task}</span>
              ) : (
                <Typography.Text type="danger">未落实</Typography.Text>
              ),
            };
          }),
          ...agreement.tasks
            .filter((t) => !current.some((m) => m.organization.id === t.organizationId))
            .map((t) => ({
              key: t.organizationId,
              label: `${nameOf(t.organizationId)}（已退出）`,
              children: t.task,
            })),
        ]}
      />
      {scan && (
        <Typography.Text>
          协议扫描件：<a href={scan.downloadUrl}>{scan.fileName}</a>
        </Typography.Text>
      )}
      <Flex vertical gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          法定代表人签署
        </Typography.Title>
        <ListTable<SignatureRow>
          rowKey="organizationId"
          columns={signatureColumns}
          dataSource={rows}
          pagination={false}
          size="small"
          data-testid={`signatures-${agreement.version}`}
        />
      </Flex>
    </Flex>
  );
}
