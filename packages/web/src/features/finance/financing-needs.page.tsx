import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { FINANCING_NEED_STATUS_LABELS } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Flex, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ExportButton } from '../../shared/export-button';
import { useState } from 'react';
import type { FinancingNeedFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { AnswerModal, IntroduceModal, PostNeedModal, RecordFinancingModal } from './finance.modals';
import { ChangeFinancingNeedMutation, FinancingNeedsQuery } from './finance.operations';
import { ListTable } from '../../shared/list-table';

type Introduction = FinancingNeedFieldsFragment['introductions'][number];
type Dialog =
  | { kind: 'post' }
  | { kind: 'introduce'; need: FinancingNeedFieldsFragment }
  | { kind: 'answer'; introduction: Introduction }
  | { kind: 'record'; need: FinancingNeedFieldsFragment };

const STATUS_OPTIONS = Object.entries(FINANCING_NEED_STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const STATUS_COLORS: Record<string, string> = { OPEN: 'processing', MET: 'success', CLOSED: 'default' };

/**
 * 融资需求 (Art. 17): needs of the bureau's alliance enterprises, the institutions introduced to
 * each and their answers. The province reads the needs its cities share with its linkage programme.
 */
export function FinancingNeedsPage() {
  const viewer = useSignedInViewer();
  const { modal, message } = App.useApp();
  const [status, setStatus] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { data, loading, error, refetch } = useQuery(FinancingNeedsQuery, {
    variables: { status },
    fetchPolicy: 'cache-and-network',
  });
  const [change] = useMutation(ChangeFinancingNeedMutation, { refetchQueries: [FinancingNeedsQuery] });
  const own = (n: FinancingNeedFieldsFragment) => n.tenantId === viewer.tenant.id;
  const actionable = (data?.financingNeeds ?? []).some((n) => own(n) && n.status !== 'CLOSED');

  const changeNeed = (
    n: FinancingNeedFieldsFragment,
    input: { close?: boolean; inLinkageProgramme?: boolean },
  ) =>
    void modal.confirm({
      title: input.close
        ? '关闭该融资需求？'
        : input.inLinkageProgramme
          ? '向省融资对接计划公开？'
          : '撤回公开？',
      content: input.close
        ? '关闭后不能再推介机构或登记融资。'
        : '参加省融资对接计划的金融机构和省厅将能看到（或不再看到）该需求。',
      okText: '确定',
      onOk: async () => {
        try {
          await change({ variables: { input: { id: n.id, version: n.version, ...input } } });
          void message.success('已更新');
        } catch (e) {
          void message.error(toApiError(e).message);
        }
      },
    });

  const columns: TableColumnsType<FinancingNeedFieldsFragment> = [
    { title: '企业', dataIndex: 'organizationName', key: 'organization', width: 180, ellipsis: true },
    {
      title: '联盟',
      key: 'alliance',
      width: 180,
      ellipsis: true,
      render: (_: unknown, n) => n.allianceName || '—',
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, n) => <Tag color={STATUS_COLORS[n.status]}>{n.statusLabel}</Tag>,
    },
    {
      title: '金额',
      key: 'amount',
      width: 140,
      align: 'right',
      render: (_: unknown, n) => formatFen(n.amountFen),
    },
    { title: '意向方式', dataIndex: 'preferredFormLabel', key: 'form', width: 90 },
    { title: '期限', key: 'term', width: 80, render: (_: unknown, n) => `${n.termMonths} 个月` },
    { title: '发布日期', dataIndex: 'postedOn', key: 'postedOn', width: 110 },
    {
      title: '可见范围',
      key: 'visibility',
      width: 120,
      render: (_: unknown, n) =>
        n.inLinkageProgramme ? <Tag color="blue">对接计划</Tag> : <Tag>联盟内</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      // Four buttons where the city can act on its own needs; a dash elsewhere needs no room.
      width: actionable ? 300 : 80,
      fixed: actionable ? 'right' : undefined,
      render: (_: unknown, n) =>
        own(n) && n.status !== 'CLOSED' ? (
          <Space size={4} wrap>
            <Button
              size="small"
              data-testid="need-introduce"
              onClick={() => setDialog({ kind: 'introduce', need: n })}
            >
              推介机构
            </Button>
            <Button
              size="small"
              data-testid="need-record"
              onClick={() => setDialog({ kind: 'record', need: n })}
            >
              登记融资
            </Button>
            <Button size="small" onClick={() => changeNeed(n, { inLinkageProgramme: !n.inLinkageProgramme })}>
              {n.inLinkageProgramme ? '撤回公开' : '公开'}
            </Button>
            <Button size="small" danger onClick={() => changeNeed(n, { close: true })}>
              关闭
            </Button>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      title="融资需求"
      extra={
        <Space wrap>
          <ExportButton list="financing-needs" filter={{ status }} />
          {viewer.tenant.level === 'CITY' && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="need-new"
              onClick={() => setDialog({ kind: 'post' })}
            >
              登记融资需求
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          options={STATUS_OPTIONS}
          value={status}
          onChange={(v: string | undefined) => setStatus(v ?? null)}
        />
      </Flex>
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<FinancingNeedFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.financingNeeds ?? []}
          loading={loading && !data}
          scroll={{ x: actionable ? 1340 : 1120 }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 项` }}
          expandable={{
            rowExpandable: (n) => n.introductions.length > 0 || Boolean(n.purpose),
            expandedRowRender: (n) => (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">资金用途：{n.purpose}</Typography.Text>
                <ListTable<Introduction>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={n.introductions}
                  locale={{ emptyText: '尚未推介金融机构' }}
                  columns={[
                    {
                      title: '金融机构',
                      dataIndex: 'institutionName',
                      key: 'institution',
                      width: 220,
                      ellipsis: true,
                    },
                    { title: '对接日期', dataIndex: 'introducedOn', key: 'on', width: 110 },
                    { title: '答复', dataIndex: 'outcomeLabel', key: 'outcome', width: 110 },
                    {
                      title: '答复日期',
                      key: 'outcomeOn',
                      width: 110,
                      render: (_: unknown, i) => i.outcomeOn ?? '—',
                    },
                    { title: '说明', dataIndex: 'outcomeNote', key: 'note', ellipsis: true },
                    {
                      title: '操作',
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, i) =>
                        own(n) ? (
                          <Button
                            size="small"
                            data-testid="introduction-answer"
                            onClick={() => setDialog({ kind: 'answer', introduction: i })}
                          >
                            登记答复
                          </Button>
                        ) : (
                          '—'
                        ),
                    },
                  ]}
                />
              </Flex>
            ),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无融资需求" /> }}
        />
      )}
      {dialog?.kind === 'post' && <PostNeedModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'introduce' && <IntroduceModal need={dialog.need} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'answer' && (
        <AnswerModal introduction={dialog.introduction} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'record' && (
        <RecordFinancingModal need={dialog.need} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
