import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { isAdmin } from '@xiangmeng/domain';
import { Button, Card, Empty, Flex, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DebarmentFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { LiftDebarmentModal, RecordDebarmentModal } from './debarment.modals';
import { DebarmentsQuery } from './programmes.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

function DebarmentStateTag({ d }: { d: DebarmentFieldsFragment }) {
  if (d.lifting) return <Tag>已解除</Tag>;
  return d.activeToday ? <Tag color="red">禁入中</Tag> : <Tag color="default">已期满</Tag>;
}

/**
 * 禁入名单 (Art. 20): every tenant's published debarment decisions, which every programme
 * application, award and panel seat is checked against; the deciding authority's administrators
 * record and lift their own, and only they read the evidence.
 */
export function DebarmentsPage() {
  const viewer = useSignedInViewer();
  const admin = isAdmin(viewer.roles);
  const [dialog, setDialog] = useState<
    | { kind: 'record'; opening: number }
    | { kind: 'lift'; debarment: DebarmentFieldsFragment; opening: number }
    | null
  >(null);
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(DebarmentsQuery, { fetchPolicy: 'cache-and-network' });
  const open = (next: { kind: 'record' } | { kind: 'lift'; debarment: DebarmentFieldsFragment }) => {
    setOpenings(openings + 1);
    setDialog({ ...next, opening: openings + 1 });
  };

  const columns: TableColumnsType<DebarmentFieldsFragment> = [
    {
      title: '单位',
      key: 'organization',
      width: 200,
      render: (_: unknown, d) => (
        <Flex vertical>
          <span>{d.organizationName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.organizationCreditCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '决定文号', dataIndex: 'decisionDocument', key: 'decisionDocument', width: 150 },
    {
      title: '禁入期',
      key: 'period',
      width: 200,
      sorter: (a, b) => a.untilDate.localeCompare(b.untilDate),
      render: (_: unknown, d) => `${d.fromDate} 至 ${d.untilDate}`,
    },
    { title: '状态', key: 'state', width: 80, render: (_: unknown, d) => <DebarmentStateTag d={d} /> },
    { title: '依据', dataIndex: 'article', key: 'article', width: 110 },
    {
      title: '作出决定',
      key: 'authority',
      width: 100,
      render: (_: unknown, d) => (d.isMine ? '本单位' : d.authority.name),
    },
    // Only the deciding authority's administrators lift a decision.
    ...(admin
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, d: DebarmentFieldsFragment) =>
              d.isMine && !d.lifting ? (
                <Button
                  size="small"
                  danger
                  data-testid="debarment-lift"
                  onClick={() => open({ kind: 'lift', debarment: d })}
                >
                  解除
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title="禁入名单"
      extra={
        <Space wrap>
          <ExportButton list="debarments" />
          {admin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="debarment-new"
              onClick={() => open({ kind: 'record' })}
            >
              登记禁入决定
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<DebarmentFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.debarments ?? []}
          loading={loading && !data}
          pagination={false}
          // As wide as its columns, which fit 1280 (a fixed width under their sum hid 作出决定 under 操作).
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (d) => (
              <Flex vertical gap={4}>
                <span>禁入理由：{d.reason}</span>
                {d.evidence && <span>证据说明：{d.evidence}</span>}
                <span>
                  登记：{chinaDateTime(d.recordedAt)}
                  {d.recordedByName ? `（${d.recordedByName}）` : ''}
                </span>
                {d.lifting && (
                  <span>
                    解除：{d.lifting.on}，理由：{d.lifting.reason}
                  </span>
                )}
              </Flex>
            ),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="禁入名单为空" />,
          }}
        />
      )}
      {dialog?.kind === 'record' && (
        <RecordDebarmentModal key={dialog.opening} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'lift' && (
        <LiftDebarmentModal
          key={dialog.opening}
          debarment={dialog.debarment}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
