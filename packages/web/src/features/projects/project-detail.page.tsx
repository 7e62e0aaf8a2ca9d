import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  BUDGET_SOURCE_LABELS,
  DISBURSABLE_PROJECT_STATES,
  ErrorCode,
  isAdmin,
  isStaff,
  parseProgressReports,
  parseProjectChange,
  parseProjectDecisionBasis,
  parseTaskContract,
  PROGRESS_REPORT_KIND_LABELS,
  PROJECT_ACTION_LABELS,
  PROJECT_CHANGE_KIND_LABELS,
  PROJECT_WORKFLOW,
  type ProjectAction,
  type ProjectState,
} from '@xiangmeng/domain';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Result,
  Space,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { LedgerEntryModal } from './ledger-entry.modal';
import { SupportNoticeSection } from '../support-notices/support-notice.section';
import { ReviewPanelSection } from '../reviews/review-panel.section';
import { ProjectActionModal } from './project-action.modal';
import { RecordHistorySection } from '../audit/record-history.section';
import { ProjectDetailQuery } from './projects.operations';
import { ProjectStateTag } from './projects.page';
import { ListTable } from '../../shared/list-table';

const DANGER: readonly ProjectAction[] = ['TERMINATE', 'REVOKE', 'REFUSE_CHANGE', 'FAIL_ACCEPTANCE'];

function isAction(value: string): value is ProjectAction {
  return Object.hasOwn(PROJECT_WORKFLOW.actions, value);
}

/**
 * 项目详情, for the awarding authority and the alliance's city: the task contract, the budget by
 * source, the ledger (拨付/追回, each confirmed and never changed), changes, reports, decisions,
 * and the steps the viewer may take; a frozen project asks the authority for its decision.
 */
export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const viewer = useSignedInViewer();
  const [dialog, setDialog] = useState<
    | { kind: 'action'; action: ProjectAction; opening: number }
    | { kind: 'ledger'; entry: 'DISBURSEMENT' | 'RECOVERY'; opening: number }
    | null
  >(null);
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(ProjectDetailQuery, {
    variables: { id: projectId },
    fetchPolicy: 'cache-and-network',
  });
  const listCrumb = <Link to="/projects">项目</Link>;

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND)
      return (
        <Result
          status="404"
          title="项目不存在"
          subTitle="该项目不存在，或本单位无权查看。"
          extra={
            <Button type="primary" onClick={() => void navigate('/projects')}>
              返回项目列表
            </Button>
          }
        />
      );
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }

  const project = data.project;
  const contract = parseTaskContract(project.contract);
  const change = parseProjectChange(project.pendingChange);
  const basis = parseProjectDecisionBasis(project.decisionBasis);
  const reports = parseProgressReports(project.reports);
  const state = project.state as ProjectState;
  const authorityStaff = viewer.tenant.id === project.authorityTenantId && isStaff(viewer.roles);
  const authorityAdmin = authorityStaff && isAdmin(viewer.roles);
  const actions = project.availableActions.filter(isAction);
  const mayPay = authorityStaff && DISBURSABLE_PROJECT_STATES.includes(state);

  function open(
    next: { kind: 'action'; action: ProjectAction } | { kind: 'ledger'; entry: 'DISBURSEMENT' | 'RECOVERY' },
  ) {
    setOpenings(openings + 1);
    setDialog({ ...next, opening: openings + 1 });
  }

  const contractTab = contract ? (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="执行期">{`${contract.startOn} 至 ${contract.endOn}`}</Descriptions.Item>
        <Descriptions.Item label="承担单位">{contract.responsibleUnit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="项目负责人">{contract.responsiblePerson}</Descriptions.Item>
        <Descriptions.Item label="立项依据">{`计划申报 ${project.applicationId.slice(0, 8)}`}</Descriptions.Item>
        <Descriptions.Item label="目标任务" span={2}>
          {contract.targets}
        </Descriptions.Item>
        <Descriptions.Item label="考核指标" span={2}>
          {contract.indicators.map((i) => `${i.name}：${i.target}`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="知识产权归属" span={2}>
          {contract.ipTerms.ownership}
        </Descriptions.Item>
        <Descriptions.Item label="许可实施" span={2}>
          {contract.ipTerms.licensing}
        </Descriptions.Item>
        <Descriptions.Item label="利益分配" span={2}>
          {contract.ipTerms.benefitShares
            .map((s) => `${s.name} ${(s.basisPoints / 100).toFixed(2)}%`)
            .join('；')}
        </Descriptions.Item>
      </Descriptions>
      <ListTable
        size="small"
        rowKey="title"
        title={() => '进度节点'}
        pagination={false}
        dataSource={contract.milestones}
        columns={[
          { title: '节点', dataIndex: 'title', key: 'title' },
          { title: '日期', dataIndex: 'dueOn', key: 'dueOn', width: 120 },
        ]}
      />
      <ListTable
        size="small"
        rowKey="organizationId"
        title={() => '参与单位与任务分工'}
        pagination={false}
        dataSource={contract.participants}
        columns={[
          { title: '单位', dataIndex: 'name', key: 'name', width: 240 },
          { title: '任务', dataIndex: 'task', key: 'task' },
        ]}
      />
      <ListTable
        size="small"
        rowKey={(l) => `${l.source}-${l.amountFen}-${l.purpose}`}
        title={() => `经费预算（总经费 ${formatFen(contract.budget.totalFen)}）`}
        pagination={false}
        dataSource={contract.budget.lines}
        columns={[
          {
            title: '来源',
            key: 'source',
            width: 160,
            render: (_: unknown, l) => BUDGET_SOURCE_LABELS[l.source],
          },
          {
            title: '金额',
            key: 'amount',
            width: 160,
            align: 'right',
            render: (_: unknown, l) => formatFen(l.amountFen),
          },
          { title: '用途', dataIndex: 'purpose', key: 'purpose' },
        ]}
      />
    </Flex>
  ) : (
    <Empty description="任务书缺失" />
  );

  const ledgerTab = (
    <Flex vertical gap={16}>
      <Flex gap={32} wrap>
        <Statistic title="立项金额" value={formatFen(project.totals.awardedFen)} />
        <Statistic title="累计拨付" value={formatFen(project.totals.disbursedFen)} />
        <Statistic title="累计追回" value={formatFen(project.totals.recoveredFen)} />
        <Statistic title="已拨付净额" value={formatFen(project.totals.netFen)} />
        <Statistic title="尚可拨付" value={formatFen(project.totals.remainingFen)} />
      </Flex>
      {authorityStaff && (
        <Space>
          <Button
            type="primary"
            disabled={!mayPay}
            data-testid="project-disburse"
            onClick={() => open({ kind: 'ledger', entry: 'DISBURSEMENT' })}
          >
            登记拨付
          </Button>
          {authorityAdmin && (
            <Button
              danger
              data-testid="project-recover"
              onClick={() => open({ kind: 'ledger', entry: 'RECOVERY' })}
            >
              登记追回
            </Button>
          )}
          {state === 'FROZEN' && <Typography.Text type="danger">项目已冻结，不能拨付</Typography.Text>}
        </Space>
      )}
      <ListTable
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.ledger}
        scroll={{ x: 900 }}
        columns={[
          { title: '日期', dataIndex: 'entryOn', key: 'entryOn', width: 110 },
          {
            title: '类别',
            key: 'kind',
            width: 80,
            render: (_: unknown, e) => (
              <Tag color={e.kind === 'RECOVERY' ? 'red' : 'blue'}>{e.kindLabel}</Tag>
            ),
          },
          {
            title: '金额',
            key: 'amount',
            width: 150,
            align: 'right',
            render: (_: unknown, e) => formatFen(e.amountFen),
          },
          { title: '凭证号/文号', dataIndex: 'documentNumber', key: 'documentNumber', width: 200 },
          { title: '备注', dataIndex: 'note', key: 'note' },
          {
            title: '登记时间',
            key: 'recordedAt',
            width: 150,
            render: (_: unknown, e) => chinaDateTime(e.recordedAt),
          },
        ]}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无拨付" /> }}
      />
    </Flex>
  );

  const changesTab = (
    <Flex vertical gap={16}>
      {change && (
        <Alert
          type="info"
          showIcon
          title={`待核准的变更：${PROJECT_CHANGE_KIND_LABELS[change.kind]}`}
          description={
            change.kind === 'EXTENSION'
              ? `结束日期延至 ${change.newEndOn}`
              : change.kind === 'RESPONSIBLE_PERSON'
                ? `项目负责人改为 ${change.responsiblePerson}`
                : change.kind === 'BUDGET_REALLOCATION'
                  ? change.budget.lines
                      .map((l) => `${BUDGET_SOURCE_LABELS[l.source]} ${formatFen(l.amountFen)}`)
                      .join('；')
                  : `新增 ${change.added.map((p) => p.name).join('、') || '—'}；退出 ${change.removedOrganizationIds.length} 家`
          }
        />
      )}
      {basis && (
        <Descriptions bordered size="small" column={1} title="最近一次决定">
          <Descriptions.Item label="理由">{basis.reason ?? '—'}</Descriptions.Item>
          {basis.recoveryFen !== null && (
            <Descriptions.Item label="追回金额">{formatFen(basis.recoveryFen)}</Descriptions.Item>
          )}
          {basis.debarmentDocuments.length > 0 && (
            <Descriptions.Item label="禁入决定">{basis.debarmentDocuments.join('、')}</Descriptions.Item>
          )}
          {basis.successorUnit && (
            <Descriptions.Item label="继续承担单位">{basis.successorUnit.name}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      <ListTable
        size="small"
        rowKey={(r) => `${r.kind}-${r.year ?? 'mid'}`}
        title={() => '进展报告'}
        pagination={false}
        dataSource={reports}
        columns={[
          {
            title: '报告',
            key: 'kind',
            width: 180,
            render: (_: unknown, r) => `${r.year ? `${r.year} ` : ''}${PROGRESS_REPORT_KIND_LABELS[r.kind]}`,
          },
          { title: '报送日期', dataIndex: 'submittedOn', key: 'submittedOn', width: 120 },
          { title: '进展情况', dataIndex: 'summary', key: 'summary' },
        ]}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送进展报告" /> }}
      />
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: listCrumb }, { title: project.title }]} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">
                {project.title}
              </Typography.Title>
              <ProjectStateTag state={project.state} label={project.stateLabel} />
            </Space>
            <Typography.Text type="secondary">
              {project.authority.name}立项 · {project.city.name}联盟承担 · 立项 {project.awardedOn} ·{' '}
              {project.supportSourceLabel} {formatFen(project.awardFen)}
            </Typography.Text>
            {project.lastReason && <Typography.Text>最近意见：{project.lastReason}</Typography.Text>}
          </Flex>
          <Space wrap>
            {contract && (
              <Link to={`/projects/${project.id}/print`} data-testid="project-print-link">
                <Button icon={<PrinterOutlined />}>打印任务书</Button>
              </Link>
            )}
            {actions.map((action) => (
              <Button
                key={action}
                danger={DANGER.includes(action)}
                data-testid={`project-action-${action}`}
                onClick={() => open({ kind: 'action', action })}
              >
                {PROJECT_ACTION_LABELS[action]}
              </Button>
            ))}
          </Space>
        </Flex>
      </Card>
      {state === 'FROZEN' && (
        <Alert
          type="error"
          showIcon
          title="联盟已解散，项目冻结，停止拨付"
          description={
            authorityAdmin
              ? '请作出处理决定：由指定单位继续实施、调整后继续实施、终止或撤销（第十九条）。'
              : '等待主管部门作出处理决定（第十九条）。'
          }
        />
      )}
      {project.acceptance && (
        <Card title="验收" data-testid="project-acceptance">
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="申请验收">{project.acceptance.requestedOn}</Descriptions.Item>
            <Descriptions.Item label="验收评审">
              {project.acceptance.reviewedOn
                ? `${project.acceptance.reviewStartedOn ?? ''} 至 ${project.acceptance.reviewedOn}`
                : project.acceptance.reviewStartedOn
                  ? `${project.acceptance.reviewStartedOn} 起评审中`
                  : '尚未开始'}
            </Descriptions.Item>
            <Descriptions.Item label="项目总结报告" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {project.acceptance.finalReport}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="验收材料" span={2}>
              {project.acceptanceDocuments.length
                ? project.acceptanceDocuments.map((d) => (
                    <div key={d.documentId}>
                      <a href={`/api/documents/${d.documentId}`} target="_blank" rel="noreferrer">
                        {d.fileName}
                      </a>
                    </div>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="专家组汇总分">
              {project.acceptance.reviewTotal ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="是否达到合格线">
              {project.acceptance.reviewPasses === null || project.acceptance.reviewPasses === undefined
                ? '—'
                : project.acceptance.reviewPasses
                  ? '达到'
                  : '未达到'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <SupportNoticeSection
        subjectType="project"
        subjectId={project.id}
        noticeName="验收公示"
        inNotice={state === 'ACCEPTANCE_PUBLICISED'}
        noticeStartsOn={project.noticeStartsOn ?? null}
        noticeEndsOn={project.noticeEndsOn ?? null}
        authorityStaff={authorityStaff}
        objections={project.objections}
        onChanged={() => void refetch().catch(() => undefined)}
      />
      {project.acceptance && authorityStaff && (
        <ReviewPanelSection
          applicationId={project.id}
          state={project.state}
          kind="PROJECT_ACCEPTANCE"
          onChanged={() => void refetch().catch(() => undefined)}
        />
      )}
      <Card>
        <Tabs
          items={[
            { key: 'contract', label: '任务书与预算', children: contractTab },
            { key: 'ledger', label: `资金台账（${project.ledger.length}）`, children: ledgerTab },
            { key: 'changes', label: '变更、报告与决定', children: changesTab },
            {
              key: 'history',
              label: '办理记录',
              children: <RecordHistorySection subjectType="project" subjectId={project.id} />,
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'action' && contract && (
        <ProjectActionModal
          key={dialog.opening}
          project={{
            id: project.id,
            version: project.version,
            state: project.state,
            title: project.title,
            allianceId: project.allianceId,
            contract,
          }}
          action={dialog.action}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'ledger' && (
        <LedgerEntryModal
          key={dialog.opening}
          project={project}
          kind={dialog.entry}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
