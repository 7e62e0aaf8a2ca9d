import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  FileDoneOutlined,
  InboxOutlined,
  NotificationOutlined,
  ProjectOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { isStaff, PILOT_LEVEL_LABELS, Role, TenantLevel, WORK_ITEM_KIND_LABELS } from '@xiangmeng/domain';
import { Badge, Button, Card, Col, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { WorkbenchQuery as WorkbenchResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer, type Viewer } from '../auth/viewer.provider';
import { byClosing, daysLeft, isOpenAt, type OpenWindow } from './open-calls';
import { WorkbenchQuery } from './workbench.operations';

type Workbench = WorkbenchResult;

const kindLabel = (kind: string) => WORK_ITEM_KIND_LABELS[kind as keyof typeof WORK_ITEM_KIND_LABELS] ?? kind;

/**
 * 工作台, every role's home: what waits for the user by kind (overdue in red), the latest messages,
 * for staff the calls and rounds open now and quick links, for an expert their review tasks.
 */
export function WorkbenchPage() {
  const viewer = useSignedInViewer();
  const staff = isStaff(viewer.roles);
  const expert = viewer.roles.includes(Role.EXPERT);
  const { data, loading, error, refetch } = useQuery(WorkbenchQuery, {
    variables: { staff, expert },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  return (
    <Flex vertical gap={16} data-testid="workbench">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {viewer.displayName}，您好
          </Typography.Title>
          <Typography.Text type="secondary">
            {viewer.tenant.bureauName} · 今天是 {chinaDateTime(new Date().toISOString()).slice(0, 10)}
          </Typography.Text>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TodoCard workList={data.workList} />
        </Col>
        <Col xs={24} xl={12}>
          <MessagesCard messages={data.myMessages} unread={data.unreadMessageCount} />
        </Col>
        {staff && (
          <Col xs={24} xl={12}>
            <OpenWindowsCard data={data} viewer={viewer} />
          </Col>
        )}
        {expert && (
          <Col xs={24} xl={12}>
            <ReviewTasksCard assignments={data.myReviewAssignments ?? []} />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <QuickLinksCard viewer={viewer} staff={staff} expert={expert} />
        </Col>
      </Row>
    </Flex>
  );
}

function TodoCard({ workList }: { workList: Workbench['workList'] }) {
  const kinds = workList.counts.filter((c) => c.count > 0);
  return (
    <Card title="待办事项" size="small" extra={<Link to="/work">全部待办</Link>} data-testid="workbench-todo">
      <Flex gap={32} style={{ marginBottom: 12 }}>
        <Statistic title="待办" value={workList.total} suffix="项" />
        <Statistic
          title="逾期"
          value={workList.overdue}
          suffix="项"
          styles={workList.overdue > 0 ? { content: { color: '#cf1322' } } : undefined}
        />
      </Flex>
      {kinds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
      ) : (
        <List
          size="small"
          dataSource={kinds}
          renderItem={(c) => (
            <List.Item data-testid={`workbench-todo-${c.kind}`}>
              <Link to="/work">{kindLabel(c.kind)}</Link>
              <Flex gap={8} align="center">
                {c.overdue > 0 && <Tag color="red">逾期 {c.overdue}</Tag>}
                <Badge count={c.count} color={c.overdue > 0 ? 'red' : 'blue'} showZero />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function MessagesCard({ messages, unread }: { messages: Workbench['myMessages']; unread: number }) {
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>最新消息</span>
          {unread > 0 && <Badge count={unread} />}
        </Flex>
      }
      size="small"
      extra={<Link to="/messages">消息中心</Link>}
      data-testid="workbench-messages"
    >
      {messages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <List
          size="small"
          dataSource={messages}
          renderItem={(m) => (
            <List.Item>
              <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong={!m.readAt} ellipsis={{ tooltip: m.title }}>
                  <Link to={m.link ?? '/messages'}>{m.title}</Link>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.kindLabel} · {chinaDateTime(m.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function openWindows(data: Workbench, viewer: Viewer, now: number): OpenWindow[] {
  const province = viewer.tenant.level === TenantLevel.PROVINCE;
  const windows: OpenWindow[] = [];
  for (const call of data.pilotCalls ?? [])
    if (call.isOpen)
      windows.push({
        key: `pilot-${call.id}`,
        kind: `${PILOT_LEVEL_LABELS[call.level]}申报`,
        title: call.title,
        closesAt: call.closesAt,
        href: '/pilots/calls',
      });
  for (const call of data.programmeCalls ?? [])
    if (isOpenAt(call, now))
      windows.push({
        key: `programme-${call.id}`,
        kind: '项目申报',
        title: call.title,
        closesAt: call.closesAt,
        href: '/programmes/calls',
      });
  for (const round of data.filingRounds ?? [])
    if (round.isOpen)
      windows.push({
        key: `round-${round.id}`,
        kind: '联盟备案',
        title: `${round.year}年度备案批次（${round.documentNumber}）`,
        closesAt: round.closesAt,
        href: province ? '/filings/rounds' : '/filings',
      });
  return windows.sort(byClosing);
}

function OpenWindowsCard({ data, viewer }: { data: Workbench; viewer: Viewer }) {
  const now = Date.now();
  const windows = openWindows(data, viewer, now);
  return (
    <Card title="正在开放的申报与备案" size="small" data-testid="workbench-open-calls">
      {windows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无开放中的申报或备案批次" />
      ) : (
        <List
          size="small"
          dataSource={windows}
          renderItem={(w) => {
            const days = daysLeft(w.closesAt, now);
            return (
              <List.Item>
                <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text ellipsis={{ tooltip: w.title }}>
                    <Tag>{w.kind}</Tag>
                    <Link to={w.href}>{w.title}</Link>
                  </Typography.Text>
                  <Typography.Text type={days <= 3 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                    截止 {chinaDateTime(w.closesAt)}（剩 {days} 天）
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

type Assignment = NonNullable<Workbench['myReviewAssignments']>[number];

function ReviewTasksCard({ assignments }: { assignments: readonly Assignment[] }) {
  const now = Date.now();
  const open = assignments.filter((a) => a.sheet?.status !== 'SUBMITTED');
  const deadline = (a: Assignment) => a.application?.call?.decideBy ?? null;
  return (
    <Card
      title="评审任务"
      size="small"
      extra={<Link to="/reviews/mine">全部评审任务</Link>}
      data-testid="workbench-reviews"
    >
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待评审的任务" />
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(a) => {
            const due = deadline(a);
            const late = due !== null && Date.parse(due) < now;
            return (
              <List.Item>
                <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text ellipsis>
                    <Link to={`/reviews/mine/${a.id}`}>
                      {a.application?.allianceName ?? a.filing?.allianceName ?? '评审任务'}
                    </Link>
                  </Typography.Text>
                  <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {a.application?.call?.title ?? (a.filing ? `${a.filing.round.year}年度备案` : '')}
                    {due ? ` · 评审截止 ${chinaDateTime(due)}` : ''}
                    {late ? '（已逾期）' : ''}
                  </Typography.Text>
                </Flex>
                <Tag color={a.sheet?.status === 'DRAFT' ? 'processing' : 'default'}>
                  {a.sheet?.status === 'DRAFT' ? '评分中' : '待评分'}
                </Tag>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

type QuickLink = { to: string; label: string; icon: ReactNode };

function QuickLinksCard({ viewer, staff, expert }: { viewer: Viewer; staff: boolean; expert: boolean }) {
  const navigate = useNavigate();
  const province = viewer.tenant.level === TenantLevel.PROVINCE;
  const links: QuickLink[] = [];
  if (staff)
    links.push(
      { to: '/alliances', label: '联盟名录', icon: <BookOutlined /> },
      province
        ? { to: '/pilots/applications', label: '收到的申报', icon: <InboxOutlined /> }
        : { to: '/pilots/applications', label: '试点申报', icon: <InboxOutlined /> },
      { to: '/pilots/calls', label: '申报通知', icon: <NotificationOutlined /> },
      { to: '/pilots/confirmed', label: '试点名单', icon: <TrophyOutlined /> },
      { to: '/filings', label: province ? '收到的备案' : '联盟备案', icon: <FileDoneOutlined /> },
      { to: '/projects', label: '项目', icon: <ProjectOutlined /> },
      { to: '/statistics', label: '统计分析', icon: <BarChartOutlined /> },
    );
  if (expert) links.push({ to: '/reviews/mine', label: '评审任务', icon: <AuditOutlined /> });
  return (
    <Card title="快捷入口" size="small" data-testid="workbench-links">
      <Flex wrap gap={8}>
        {links.map((link) => (
          <Button key={link.to} icon={link.icon} onClick={() => void navigate(link.to)}>
            {link.label}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
