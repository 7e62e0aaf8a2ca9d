import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode, FILING_DOCUMENT_KIND_LABELS, isAdmin, isStaff, roundWindow } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Flex, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FilingRoundFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { FilingRoundFormModal } from './filing-round-form.modal';
import { FilingRoundPhaseTag } from './filing-tags';
import { isFilingDocumentKind, roundLabel } from './filing-values';
import {
  FilingRoundDefaultsQuery,
  FilingRoundsQuery,
  PublishFilingRoundMutation,
} from './filings.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

/** 备案批次: the province's rounds (drafts included for its staff); a city sees the published ones. */
export function FilingRoundsPage() {
  const viewer = useSignedInViewer();
  const { modal, message } = App.useApp();
  const province = viewer.tenant.level === 'PROVINCE';
  const mayEdit = province && isStaff(viewer.roles);
  const mayPublish = province && isAdmin(viewer.roles);
  const [editing, setEditing] = useState<{ round: FilingRoundFieldsFragment | null; opening: number } | null>(
    null,
  );
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(FilingRoundsQuery, { fetchPolicy: 'cache-and-network' });
  const defaults = useQuery(FilingRoundDefaultsQuery, { skip: !mayEdit });
  const [publish] = useMutation(PublishFilingRoundMutation);

  function openForm(round: FilingRoundFieldsFragment | null) {
    if (!round && !defaults.data) {
      void message.error(`无法读取实施办法中的备案默认设置：${toApiError(defaults.error).message}`);
      return;
    }
    setOpenings(openings + 1);
    setEditing({ round, opening: openings + 1 });
  }

  function confirmPublish(round: FilingRoundFieldsFragment) {
    const route = [
      round.reviewRequired ? '组织专家评审' : '不组织专家评审',
      round.noticeDays > 0 ? `公示 ${round.noticeDays} 天` : '不公示',
    ].join('，');
    void modal.confirm({
      title: `发布${roundLabel(round)}？`,
      content: (
        <>
          <Typography.Paragraph>
            发布后，各市州可在{' '}
            {roundWindow({ opensAt: new Date(round.opensAt), closesAt: new Date(round.closesAt) })}{' '}
            之间提交备案（
            {round.quotaPerUnit === null || round.quotaPerUnit === undefined
              ? '不限名额'
              : `每个市州限报 ${round.quotaPerUnit} 项`}
            ，{route}）。
          </Typography.Paragraph>
          <Typography.Paragraph strong>发布后不可修改。</Typography.Paragraph>
        </>
      ),
      okText: '确认发布',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'filing-round-publish-confirm' },
      onOk: async () => {
        try {
          await publish({ variables: { id: round.id, version: round.version } });
          void message.success('备案批次已发布');
        } catch (failure) {
          const apiError = toApiError(failure);
          void message.error(
            apiError.code !== ErrorCode.FILING_ROUND_CHANGED &&
              apiError.code !== ErrorCode.FILING_ROUND_PUBLISHED &&
              apiError.violations.length > 0
              ? `${apiError.message}：${apiError.violations.map((v) => v.message).join('；')}`
              : apiError.message,
          );
        }
      },
    });
  }

  const columns: TableColumnsType<FilingRoundFieldsFragment> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 72 },
    {
      title: '文号',
      key: 'documentNumber',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <Tooltip title={roundLabel(r)} placement="topLeft">
          {r.status === 'DRAFT' ? (
            r.documentNumber
          ) : (
            <Link to={`/filings?roundId=${encodeURIComponent(r.id)}`}>{r.documentNumber}</Link>
          )}
        </Tooltip>
      ),
    },
    {
      title: '受理时间（北京时间）',
      key: 'window',
      width: 170,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{chinaDateTime(r.opensAt)} 起</span>
          <span>{chinaDateTime(r.closesAt)} 止</span>
        </Flex>
      ),
    },
    {
      title: '名额',
      key: 'quota',
      width: 90,
      render: (_: unknown, r) =>
        r.quotaPerUnit === null || r.quotaPerUnit === undefined ? '不限' : `每市 ${r.quotaPerUnit} 项`,
    },
    {
      title: '专家评审',
      key: 'review',
      width: 96,
      render: (_: unknown, r) => (r.reviewRequired ? <Tag color="purple">评审</Tag> : '不评审'),
    },
    {
      title: '公示天数',
      key: 'notice',
      width: 96,
      render: (_: unknown, r) => (r.noticeDays > 0 ? `${r.noticeDays} 天` : '不公示'),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <FilingRoundPhaseTag round={r} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={4}>
          {mayEdit && r.status === 'DRAFT' && (
            <Button size="small" data-testid="filing-round-edit" onClick={() => openForm(r)}>
              编辑
            </Button>
          )}
          {mayPublish && r.status === 'DRAFT' && (
            <Button
              size="small"
              type="primary"
              data-testid="filing-round-publish"
              onClick={() => confirmPublish(r)}
            >
              发布
            </Button>
          )}
          {r.status !== 'DRAFT' && <Link to={`/filings?roundId=${encodeURIComponent(r.id)}`}>查看备案</Link>}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="备案批次"
      extra={
        <Space wrap>
          <ExportButton list="filing-rounds" />
          {mayEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={defaults.loading}
              data-testid="filing-round-new"
              onClick={() => openForm(null)}
            >
              新建备案批次
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<FilingRoundFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.filingRounds ?? []}
          loading={loading && !data}
          pagination={false}
          scroll={{ x: 980 }}
          expandable={{
            expandedRowRender: (r) => (
              <Flex vertical gap={4}>
                <span>
                  所需材料：
                  {r.requiredDocuments.length === 0
                    ? '无'
                    : r.requiredDocuments
                        .map((kind) =>
                          isFilingDocumentKind(kind) ? FILING_DOCUMENT_KIND_LABELS[kind] : kind,
                        )
                        .join('、')}
                </span>
                {r.publishedAt && <span>发布时间：{chinaDateTime(r.publishedAt)}</span>}
              </Flex>
            ),
          }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={province ? '暂无备案批次，点击「新建备案批次」开始' : '省科技厅尚未发布备案批次'}
              />
            ),
          }}
        />
      )}
      {editing && (
        <FilingRoundFormModal
          key={editing.opening}
          round={editing.round}
          defaults={defaults.data?.filingRoundDefaults ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
