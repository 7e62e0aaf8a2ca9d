import { EditOutlined, LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS, type AllianceStatus } from '@xiangmeng/domain';
import { Button, Empty, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import {
  CorrectOrganizationModal,
  type CorrectableOrganization,
} from '../organizations/correct-organization.modal';
import { OrganizationTags } from '../organizations/organization-tags';
import { AddMemberModal } from './add-member.modal';
import { ExitMemberModal } from './exit-member.modal';
import { AllianceMembersQuery, type AllianceMemberRow } from './alliances.operations';
import { ListTable } from '../../shared/list-table';

/** 成员单位: current members, and the history of those who left (exits are dated, never deleted). */
export function MembersSection({
  allianceId,
  status,
  editable,
  ownRecord,
}: {
  allianceId: string;
  status: AllianceStatus;
  editable: boolean;
  /** False for a city's alliance the province reads while filed: nothing to correct from here. */
  ownRecord: boolean;
}) {
  const { data, loading, error, refetch } = useQuery(AllianceMembersQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });
  const [adding, setAdding] = useState(false);
  // Each opening gets a fresh form (the modal is keyed by it), never the last one's values.
  const [openings, setOpenings] = useState(0);
  const [exiting, setExiting] = useState<AllianceMemberRow | null>(null);
  // 更正 of a directory entry: kept while the modal closes, a fresh form on each opening.
  const [correcting, setCorrecting] = useState<CorrectableOrganization | null>(null);
  const [correctOpen, setCorrectOpen] = useState(false);
  const [corrections, setCorrections] = useState(0);

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  const members = data.alliance.members;
  const current = members.filter((m) => m.exitedOn === null);
  const exited = members.filter((m) => m.exitedOn !== null);

  const organizationColumn: TableColumnsType<AllianceMemberRow>[number] = {
    title: '单位名称',
    key: 'name',
    render: (_: unknown, m) => (
      <Flex vertical gap={4}>
        <Flex align="center" gap={4} wrap>
          <span>{m.organization.name}</span>
          {ownRecord && m.organization.correctable && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                setCorrecting(m.organization);
                setCorrections(corrections + 1);
                setCorrectOpen(true);
              }}
            >
              更正
            </Button>
          )}
        </Flex>
        <OrganizationTags organization={m.organization} />
      </Flex>
    ),
  };
  const roleColumn: TableColumnsType<AllianceMemberRow>[number] = {
    title: '角色',
    key: 'role',
    width: 130,
    render: (_: unknown, m) => (
      <Tag color={m.role === 'CHAIR' ? 'gold' : m.role === 'VICE_CHAIR' ? 'blue' : undefined}>
        {MEMBER_ROLE_LABELS[m.role]}
      </Tag>
    ),
  };

  const currentColumns: TableColumnsType<AllianceMemberRow> = [
    organizationColumn,
    {
      title: '统一社会信用代码',
      key: 'creditCode',
      width: 200,
      render: (_: unknown, m) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>{m.organization.creditCode}</Typography.Text>
      ),
    },
    roleColumn,
    {
      title: '法定代表人',
      key: 'legalRepresentative',
      width: 110,
      render: (_: unknown, m) => m.organization.legalRepresentative,
    },
    { title: '加入日期', dataIndex: 'joinedOn', width: 110 },
  ];
  if (editable) {
    currentColumns.push({
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_: unknown, m) => (
        <Button type="link" danger icon={<LogoutOutlined />} onClick={() => setExiting(m)}>
          退出
        </Button>
      ),
    });
  }

  const exitedColumns: TableColumnsType<AllianceMemberRow> = [
    organizationColumn,
    roleColumn,
    { title: '加入日期', dataIndex: 'joinedOn', width: 110 },
    { title: '退出日期', dataIndex: 'exitedOn', width: 110 },
    { title: '退出原因', dataIndex: 'exitReason' },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          现有成员单位 {current.length} 家{exited.length > 0 ? `，已退出 ${exited.length} 家` : ''}
        </Typography.Text>
        {editable && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => {
              setOpenings(openings + 1);
              setAdding(true);
            }}
          >
            添加成员单位
          </Button>
        )}
      </Flex>
      <ListTable<AllianceMemberRow>
        rowKey="id"
        columns={currentColumns}
        dataSource={current}
        pagination={false}
        size="middle"
        data-testid="current-members"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无成员单位" />,
        }}
      />
      {exited.length > 0 && (
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            已退出的成员单位
          </Typography.Title>
          <ListTable<AllianceMemberRow>
            rowKey="id"
            columns={exitedColumns}
            dataSource={exited}
            pagination={false}
            size="small"
          />
        </Flex>
      )}
      <AddMemberModal
        key={openings}
        open={adding}
        allianceId={allianceId}
        foundedOn={data.alliance.foundedOn}
        status={status}
        currentMembers={current}
        onClose={() => setAdding(false)}
      />
      <ExitMemberModal member={exiting} onClose={() => setExiting(null)} />
      {correcting && (
        <CorrectOrganizationModal
          key={corrections}
          open={correctOpen}
          organization={correcting}
          onClose={() => setCorrectOpen(false)}
        />
      )}
    </Flex>
  );
}
