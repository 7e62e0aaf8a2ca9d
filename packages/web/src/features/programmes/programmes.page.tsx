import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { isAdmin, isStaff } from '@xiangmeng/domain';
import { App, Button, Card, Empty, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ProgrammeFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { ProgrammeFormModal } from './programme-form.modal';
import { ProgrammeDefaultsQuery, ProgrammesQuery, PublishProgrammeMutation } from './programmes.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

/**
 * 支持计划 (Art. 14): the tier's own programmes, drafts included for its staff; a city also sees
 * the province's published ones, which its alliances apply to.
 */
export function ProgrammesPage() {
  const viewer = useSignedInViewer();
  const { modal, message } = App.useApp();
  const province = viewer.tenant.level === 'PROVINCE';
  const mayEdit = isStaff(viewer.roles);
  const mayPublish = isAdmin(viewer.roles);
  const [editing, setEditing] = useState<{
    programme: ProgrammeFieldsFragment | null;
    opening: number;
  } | null>(null);
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(ProgrammesQuery, { fetchPolicy: 'cache-and-network' });
  const defaults = useQuery(ProgrammeDefaultsQuery, { skip: !mayEdit });
  const [publish] = useMutation(PublishProgrammeMutation);

  function openForm(programme: ProgrammeFieldsFragment | null) {
    if (!defaults.data) {
      void message.error(`无法读取实施办法中的支持计划默认设置：${toApiError(defaults.error).message}`);
      return;
    }
    setOpenings(openings + 1);
    setEditing({ programme, opening: openings + 1 });
  }

  function confirmPublish(p: ProgrammeFieldsFragment) {
    void modal.confirm({
      title: `发布「${p.name}」？`,
      content: (
        <>
          <Typography.Paragraph>
            {p.year} 年度{p.kindLabel}，总预算 {formatFen(p.totalBudgetFen)}
            {p.perProjectCapFen
              ? `，单个项目支持上限 ${formatFen(p.perProjectCapFen)}`
              : '，单个项目不设上限'}
            。
          </Typography.Paragraph>
          <Typography.Paragraph strong>发布后不可修改。</Typography.Paragraph>
        </>
      ),
      okText: '确认发布',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'programme-publish-confirm' },
      onOk: async () => {
        try {
          await publish({ variables: { id: p.id, version: p.version } });
          void message.success('支持计划已发布');
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });
  }

  const columns: TableColumnsType<ProgrammeFieldsFragment> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 90, sorter: (a, b) => a.year - b.year },
    { title: '计划名称', dataIndex: 'name', key: 'name', ellipsis: true },
    { title: '类别', dataIndex: 'kindLabel', key: 'kind', width: 150 },
    {
      title: '总预算',
      key: 'budget',
      width: 150,
      align: 'right',
      render: (_: unknown, p) => formatFen(p.totalBudgetFen),
    },
    {
      title: '单项上限',
      key: 'cap',
      width: 140,
      align: 'right',
      render: (_: unknown, p) => (p.perProjectCapFen ? formatFen(p.perProjectCapFen) : '不设上限'),
    },
    // A city also lists the province's programmes; the province lists its own only.
    ...(province
      ? []
      : [
          {
            title: '设立单位',
            key: 'authority',
            width: 120,
            render: (_: unknown, p: ProgrammeFieldsFragment) => (p.isMine ? '本单位' : p.authority.name),
          },
        ]),
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, p) =>
        p.status === 'PUBLISHED' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>,
    },
    {
      title: '操作 / 发布日期',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_: unknown, p) =>
        p.status === 'DRAFT' && p.isMine ? (
          <Space size={4}>
            {mayEdit && (
              <Button size="small" data-testid="programme-edit" onClick={() => openForm(p)}>
                编辑
              </Button>
            )}
            {mayPublish && (
              <Button
                size="small"
                type="primary"
                data-testid="programme-publish"
                onClick={() => confirmPublish(p)}
              >
                发布
              </Button>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {p.publishedAt ? chinaDateTime(p.publishedAt).slice(0, 10) : '—'}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title="支持计划"
      extra={
        <Space wrap>
          <ExportButton list="programmes" />
          {mayEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={defaults.loading}
              data-testid="programme-new"
              onClick={() => openForm(null)}
            >
              新建支持计划
            </Button>
          )}
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <ListTable<ProgrammeFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={data?.programmes ?? []}
          loading={loading && !data}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={mayEdit ? '暂无支持计划，点击「新建支持计划」开始' : '暂无支持计划'}
              />
            ),
          }}
        />
      )}
      {editing && (
        <ProgrammeFormModal
          key={editing.opening}
          programme={editing.programme}
          defaults={defaults.data?.programmeDefaults ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
