import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Flex, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type {
  FinancingEventsQuery as EventsData,
  LinkageInstitutionsQuery as LinkageData,
} from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { EnrolModal, RecordEventModal, WithdrawLinkageModal } from './finance.modals';
import { FinancingEventsQuery, LinkageInstitutionsQuery } from './finance.operations';
import { ListTable } from '../../shared/list-table';

type FinancingEvent = EventsData['financingEvents'][number];
type LinkageInstitution = LinkageData['linkageInstitutions'][number];

/** 对接活动: matchmaking events, and the institutions of the province's linkage programme. */
export function FinancingEventsPage() {
  const viewer = useSignedInViewer();
  const [dialog, setDialog] = useState<'event' | 'enrol' | null>(null);
  const [withdrawing, setWithdrawing] = useState<LinkageInstitution | null>(null);
  const province = viewer.tenant.level === 'PROVINCE';
  const events = useQuery(FinancingEventsQuery, { fetchPolicy: 'cache-and-network' });
  const linkage = useQuery(LinkageInstitutionsQuery, { fetchPolicy: 'cache-and-network' });

  const columns: TableColumnsType<FinancingEvent> = [
    { title: '举办日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    { title: '活动名称', dataIndex: 'title', key: 'title', width: 240, ellipsis: true },
    { title: '主办单位', dataIndex: 'organizer', key: 'organizer', width: 180, ellipsis: true },
    {
      title: '金融机构',
      key: 'institutions',
      width: 260,
      ellipsis: true,
      render: (_: unknown, e) => e.institutions.map((i) => i.name).join('、'),
    },
    {
      title: '企业',
      key: 'enterprises',
      width: 200,
      ellipsis: true,
      render: (_: unknown, e) => `${e.enterprises.length} 家：${e.enterprises.map((i) => i.name).join('、')}`,
    },
  ];
  const linkageColumns: TableColumnsType<LinkageInstitution> = [
    { title: '金融机构', dataIndex: 'name', key: 'name', width: 280, ellipsis: true },
    { title: '类型', dataIndex: 'typeLabel', key: 'type', width: 140 },
    { title: '加入日期', dataIndex: 'enrolledOn', key: 'enrolledOn', width: 120 },
    {
      title: '状态',
      key: 'state',
      width: 120,
      render: (_: unknown, l) => (l.withdrawnOn ? <Tag>已退出</Tag> : <Tag color="green">参加中</Tag>),
    },
    {
      title: '退出',
      key: 'withdrawal',
      width: 280,
      ellipsis: true,
      render: (_: unknown, l) =>
        l.withdrawnOn ? (
          `${l.withdrawnOn}：${l.withdrawalReason ?? ''}`
        ) : province ? (
          <Button size="small" danger onClick={() => setWithdrawing(l)}>
            退出对接计划
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="对接活动"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="event-new"
            onClick={() => setDialog('event')}
          >
            登记对接活动
          </Button>
        }
      >
        {events.error && !events.data ? (
          <LoadFailure
            error={toApiError(events.error)}
            onRetry={() => void events.refetch().catch(() => undefined)}
          />
        ) : (
          <ListTable<FinancingEvent>
            rowKey="id"
            columns={columns}
            dataSource={events.data?.financingEvents ?? []}
            loading={events.loading && !events.data}
            scroll={{ x: 990 }}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无对接活动" /> }}
          />
        )}
      </Card>
      <Card
        title="省融资对接计划机构"
        extra={
          province && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('enrol')}>
              加入对接计划
            </Button>
          )
        }
      >
        <ListTable<LinkageInstitution>
          rowKey="id"
          columns={linkageColumns}
          dataSource={linkage.data?.linkageInstitutions ?? []}
          loading={linkage.loading && !linkage.data}
          pagination={false}
          scroll={{ x: 940 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无参加对接计划的机构" />,
          }}
        />
      </Card>
      {dialog === 'event' && <RecordEventModal onClose={() => setDialog(null)} />}
      {dialog === 'enrol' && <EnrolModal onClose={() => setDialog(null)} />}
      {withdrawing && <WithdrawLinkageModal institution={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Flex>
  );
}
