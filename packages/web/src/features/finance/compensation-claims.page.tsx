import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ExportButton } from '../../shared/export-button';
import { useState } from 'react';
import type { CompensationClaimFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { ClaimActionModal, FileClaimModal } from './finance.modals';
import { CompensationClaimsQuery, FinancingRecordsQuery } from './finance.operations';
import { ListTable } from '../../shared/list-table';

const ACTION_LABELS: Record<string, string> = { APPROVE: '核准补偿', DECLINE: '不予补偿', WITHDRAW: '撤回' };
const STATE_COLORS: Record<string, string> = {
  FILED: 'processing',
  APPROVED: 'success',
  DECLINED: 'error',
  WITHDRAWN: 'default',
};

/**
 * 风险补偿: claims on defaulted loans registered with the scheme. The amount is min(share × principal
 * lost, the bank's remaining yearly ceiling) under the measures in force; approval writes the ledger.
 */
export function CompensationClaimsPage() {
  const viewer = useSignedInViewer();
  const [dialog, setDialog] = useState<
    { kind: 'file' } | { kind: 'action'; claim: CompensationClaimFieldsFragment; action: string } | null
  >(null);
  const { data, loading, error, refetch } = useQuery(CompensationClaimsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const records = useQuery(FinancingRecordsQuery, { skip: dialog?.kind !== 'file' });
  const loans = (records.data?.financingRecords ?? []).filter(
    (r) => (r.form === 'LOAN' || r.form === 'IP_PLEDGE_LOAN') && r.registeredOn,
  );

  const mostActions = Math.max(0, ...(data?.compensationClaims ?? []).map((c) => c.actions.length));

  const columns: TableColumnsType<CompensationClaimFieldsFragment> = [
    { title: '企业', dataIndex: 'organizationName', key: 'organization', width: 180, ellipsis: true },
    { title: '银行', dataIndex: 'institutionName', key: 'institution', width: 180, ellipsis: true },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_: unknown, c) => <Tag color={STATE_COLORS[c.state]}>{c.stateLabel}</Tag>,
    },
    {
      title: '贷款',
      key: 'loan',
      width: 140,
      align: 'right',
      render: (_: unknown, c) => formatFen(c.loanAmountFen),
    },
    { title: '违约日期', dataIndex: 'defaultedOn', key: 'defaultedOn', width: 110 },
    {
      title: '本金损失',
      key: 'lost',
      width: 140,
      align: 'right',
      render: (_: unknown, c) => formatFen(c.principalLostFen),
    },
    {
      title: '补偿金额',
      key: 'amount',
      width: 220,
      render: (_: unknown, c) => {
        const figures = c.basis ?? c.preview;
        if (!figures) return '—';
        return (
          <Space direction="vertical" size={0}>
            <span data-testid="claim-amount">
              {formatFen(figures.amountFen)}
              {c.basis ? '' : '（试算）'}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {figures.shareNumerator}/{figures.shareDenominator} × 损失；{figures.ceilingYear} 年上限余额{' '}
              {formatFen(figures.remainingCeilingFen)}
              {figures.cappedByCeiling ? '（受上限限制）' : ''}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      // Room for the most actions any claim offers; a dash where none does.
      width: Math.max(80, mostActions * 72 + 24),
      fixed: mostActions ? 'right' : undefined,
      render: (_: unknown, c) =>
        c.actions.length === 0 ? (
          '—'
        ) : (
          <Space size={4}>
            {c.actions.map((action) => (
              <Button
                key={action}
                size="small"
                danger={action !== 'APPROVE'}
                type={action === 'APPROVE' ? 'primary' : 'default'}
                data-testid={`claim-${action.toLowerCase()}`}
                onClick={() => setDialog({ kind: 'action', claim: c, action })}
              >
                {ACTION_LABELS[action] ?? action}
              </Button>
            ))}
          </Space>
        ),
    },
  ];

  return (
    <Card
      title="风险补偿"
      extra={
        <Space wrap>
          <ExportButton list="compensation-claims" />
          {viewer.tenant.level === 'CITY' && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="claim-new"
              onClick={() => setDialog({ kind: 'file' })}
            >
              申请补偿
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<CompensationClaimFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.compensationClaims ?? []}
          loading={loading && !data}
          scroll={{ x: 1160 + Math.max(80, mostActions * 72 + 24) }}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无补偿申请" /> }}
        />
      )}
      {dialog?.kind === 'file' && <FileClaimModal loans={loans} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'action' && (
        <ClaimActionModal claim={dialog.claim} action={dialog.action} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
