import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Input, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { toApiError } from '../../shared/api-error';
import type { ExpertFieldsFragment } from '../../gql/graphql';
import { DeclareConflictModal } from './declare-conflict.modal';
import { ExpertFormModal } from './expert-form.modal';
import { ExpertsQuery } from './reviews.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

const SHOWN_DOMAINS = 4;

type Editing =
  { kind: 'form'; expert: ExpertFieldsFragment | null } | { kind: 'conflict'; expert: ExpertFieldsFragment };

/** The yearly review load against the cap from the measures in force; red once the cap is reached. */
export function ExpertLoad({
  expert,
}: {
  expert: Pick<ExpertFieldsFragment, 'reviewsThisYear' | 'yearlyCap'>;
}) {
  const atCap = expert.reviewsThisYear >= expert.yearlyCap;
  const percent =
    expert.yearlyCap > 0 ? Math.min(100, (expert.reviewsThisYear / expert.yearlyCap) * 100) : 100;
  return (
    <Tooltip title={atCap ? '已达本年度评审上限，不再指派' : '本年度评审任务数 / 每年上限（实施办法）'}>
      <Flex vertical style={{ width: 120 }} data-testid="expert-load">
        <Typography.Text type={atCap ? 'danger' : undefined}>
          {expert.reviewsThisYear} / {expert.yearlyCap}
        </Typography.Text>
        <Progress percent={percent} size="small" showInfo={false} status={atCap ? 'exception' : 'normal'} />
      </Flex>
    </Tooltip>
  );
}

/** 专家库: the tier's review experts with their domains, affiliations, conflicts, availability and load. */
export function ExpertPoolPage() {
  const { data, loading, error, refetch } = useQuery(ExpertsQuery, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [openings, setOpenings] = useState(0);
  const [search, setSearch] = useState('');

  function open(next: Editing) {
    setOpenings(openings + 1);
    setEditing(next);
  }

  if (!data && error) return <LoadFailure error={toApiError(error)} onRetry={() => void refetch()} />;
  const needle = search.trim().toLowerCase();
  // By name, title, domain, affiliation or account: what an officer remembers of an expert.
  const experts = (data?.experts ?? []).filter(
    (e) =>
      !needle ||
      [
        e.name,
        e.title,
        e.accountUsername ?? '',
        ...e.domains.map((d) => d.name),
        ...e.affiliations.map((a) => a.label),
      ].some((text) => text.toLowerCase().includes(needle)),
  );

  return (
    <Card
      title="专家库"
      extra={
        <Space wrap>
          <ExportButton list="experts" />
          {
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="expert-create"
              onClick={() => open({ kind: 'form', expert: null })}
            >
              新增专家
            </Button>
          }
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        本级主管部门的评审专家。组建专家组时，系统只推荐领域相符、可用、未达年度上限且与申报联盟成员及推荐单位无利益冲突的专家，同一单位至多一人。
      </Typography.Paragraph>
      <ListTable<ExpertFieldsFragment>
        rowKey="id"
        loading={loading && !data}
        dataSource={experts}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(expert) => ({ 'data-testid': 'expert-row', 'data-expert-name': expert.name }) as object}
        locale={{ emptyText: '专家库中还没有专家' }}
        scroll={{ x: 'max-content' }}
        title={() => (
          <Input.Search
            allowClear
            placeholder="按姓名、领域、任职单位或账号查找"
            style={{ maxWidth: 360 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="expert-search"
          />
        )}
        columns={[
          {
            title: '姓名',
            key: 'name',
            width: 150,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            render: (_v, e) => (
              <Flex vertical>
                <Typography.Text strong>{e.name}</Typography.Text>
                <Typography.Text type="secondary">{e.title}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: '评审领域',
            key: 'domains',
            width: 200,
            // A few domains in the row, the rest on hover: an expert of twenty domains is one row, not a page.
            render: (_v, e) => (
              <Space size={[0, 4]} wrap>
                {e.domains.slice(0, SHOWN_DOMAINS).map((d) => (
                  <Tag key={d.code}>{d.name}</Tag>
                ))}
                {e.domains.length > SHOWN_DOMAINS && (
                  <Tooltip
                    title={e.domains
                      .slice(SHOWN_DOMAINS)
                      .map((d) => d.name)
                      .join('、')}
                  >
                    <Tag data-testid="expert-more-domains">+{e.domains.length - SHOWN_DOMAINS}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: '任职单位',
            key: 'affiliations',
            width: 220,
            render: (_v, e) =>
              e.affiliations.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Flex vertical>
                  {e.affiliations.map((a) => (
                    <span key={a.id}>
                      {a.label}
                      {a.position ? (
                        <Typography.Text type="secondary">（{a.position}）</Typography.Text>
                      ) : null}
                    </span>
                  ))}
                </Flex>
              ),
          },
          {
            title: '声明的利益冲突',
            key: 'conflicts',
            width: 200,
            render: (_v, e) =>
              e.declaredConflicts.length === 0 ? (
                <Typography.Text type="secondary">无</Typography.Text>
              ) : (
                <Flex vertical data-testid="expert-conflicts">
                  {e.declaredConflicts.map((c) => (
                    <Tooltip key={c.id} title={c.reason}>
                      <span>
                        {c.label}
                        <Typography.Text type="secondary">（{c.declaredOn ?? '—'} 声明）</Typography.Text>
                      </span>
                    </Tooltip>
                  ))}
                </Flex>
              ),
          },
          {
            title: '状态',
            key: 'available',
            width: 100,
            render: (_v, e) =>
              e.available && !e.accountUsername ? (
                <Tooltip title="专家须关联登录账号才能被指派评审">
                  <Tag color="warning">未关联账号</Tag>
                </Tooltip>
              ) : e.available ? (
                <Tag color="success">可用</Tag>
              ) : (
                <Tooltip title={e.unavailableReason}>
                  <Tag color="default">暂不可用</Tag>
                  <div>
                    <Typography.Text type="secondary">{e.unavailableReason}</Typography.Text>
                  </div>
                </Tooltip>
              ),
          },
          {
            title: '登录账号',
            key: 'account',
            width: 120,
            render: (_v, e) =>
              e.accountUsername ?? <Typography.Text type="secondary">未关联</Typography.Text>,
          },
          { title: '本年评审', key: 'load', width: 130, render: (_v, e) => <ExpertLoad expert={e} /> },
          {
            title: '操作',
            key: 'actions',
            render: (_v, e) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  data-testid="expert-edit"
                  onClick={() => open({ kind: 'form', expert: e })}
                >
                  编辑
                </Button>
                <Button
                  type="link"
                  data-testid="expert-declare-conflict"
                  onClick={() => open({ kind: 'conflict', expert: e })}
                >
                  声明利益冲突
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing?.kind === 'form' && (
        <ExpertFormModal key={openings} expert={editing.expert} open onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'conflict' && (
        <DeclareConflictModal key={openings} expert={editing.expert} open onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
