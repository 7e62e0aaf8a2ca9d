import {
  DOCUMENT_KIND_LABELS,
  FOUNDING_CONDITION_INFO,
  MEMBER_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type DocumentKind,
  parsePilotDossier,
  type PilotDossierMember,
} from '@xiangmeng/domain';
import { Alert, Descriptions, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import type { ReviewSheetQuery as ReviewSheetResult } from '../../gql/graphql';
import { chinaDateTime, formatFen } from '../../shared/format';
import { ListTable } from '../../shared/list-table';

type Application = NonNullable<ReviewSheetResult['myReviewAssignments'][number]['application']>;

const paragraph = (value: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value || '—'}</Typography.Paragraph>
);

/** The dossier as submitted, read-only: what an expert scores. */
export function DossierSection({ application }: { application: Application }) {
  const dossier = parsePilotDossier(application.dossier);
  const alliance = dossier?.alliance;
  const form = application.form;

  const basics = (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '联盟名称', children: application.allianceName },
        { key: 'industry', label: '产业', children: application.industry.name },
        { key: 'city', label: '所在市州', children: application.homeTenant.name },
        { key: 'foundedOn', label: '发起日期', children: alliance?.foundedOn ?? '—' },
        { key: 'establishedOn', label: '成立日期', children: alliance?.establishedOn ?? '—' },
        { key: 'submittedAt', label: '提交时间', children: chinaDateTime(application.submittedAt) },
        { key: 'liableEntity', label: '对外承担责任的主体', children: alliance?.liableEntity || '—' },
        {
          key: 'objectives',
          label: '联盟宗旨',
          span: 2,
          children: paragraph(alliance?.objectives ?? ''),
        },
        ...(application.recommendationOpinion
          ? [
              {
                key: 'recommendation',
                label: '推荐意见',
                span: 2,
                children: paragraph(
                  `${application.recommendationOpinion}${application.recommendedByName ? `（${application.recommendedByName}）` : ''}`,
                ),
              },
            ]
          : []),
      ]}
    />
  );

  const memberRows = dossier?.members ?? [];
  const members =
    memberRows.length === 0 ? (
      <Empty description="申报材料未列出成员单位" />
    ) : (
      <ListTable<PilotDossierMember>
        size="small"
        pagination={false}
        rowKey={(m) => m.organizationId ?? m.name}
        dataSource={memberRows}
        columns={[
          { title: '单位名称', key: 'name', render: (_: unknown, m) => m.name || '—' },
          {
            title: '类型',
            key: 'type',
            render: (_: unknown, m) => (m.type ? ORGANIZATION_TYPE_LABELS[m.type] : '—'),
          },
          {
            title: '角色',
            key: 'role',
            render: (_: unknown, m) => (m.role ? MEMBER_ROLE_LABELS[m.role] : '—'),
          },
          {
            title: '行业骨干',
            key: 'backbone',
            render: (_: unknown, m) => (m.industryBackbone ? '是' : '否'),
          },
          { title: '加入日期', key: 'joinedOn', render: (_: unknown, m) => m.joinedOn ?? '—' },
        ]}
      />
    );

  const memberName = (id: string) =>
    memberRows.find((m) => m.organizationId === id)?.name ?? '（已不在成员名单中的单位）';
  const agreement = dossier?.agreement ?? null;
  const agreementView = !agreement ? (
    <Empty description="申报材料中没有生效的联盟协议" />
  ) : (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        {
          key: 'version',
          label: '协议版本',
          children: `第 ${agreement.version} 版`,
        },
        { key: 'goals', label: '创新目标', children: paragraph(agreement.innovationGoals) },
        {
          key: 'tasks',
          label: '成员任务分工',
          children: (
            <List
              size="small"
              dataSource={agreement.tasks}
              renderItem={(t) => (
                <List.Item>
                  {memberName(t.organizationId)}：{t.task || '—'}
                </List.Item>
              )}
            />
          ),
        },
        { key: 'ownership', label: '知识产权归属', children: paragraph(agreement.ipTerms.ownership) },
        { key: 'licensing', label: '知识产权许可', children: paragraph(agreement.ipTerms.licensing) },
        { key: 'benefitSharing', label: '利益分配', children: paragraph(agreement.ipTerms.benefitSharing) },
        { key: 'breach', label: '违约责任', children: paragraph(agreement.ipTerms.breachLiability) },
        {
          key: 'onDissolution',
          label: '解散时知识产权处理',
          children: paragraph(agreement.ipTerms.onDissolution),
        },
        {
          key: 'onMemberExit',
          label: '退出时知识产权处理',
          children: paragraph(agreement.ipTerms.onMemberExit),
        },
        { key: 'fundManagement', label: '经费管理', children: paragraph(agreement.fundRules.management) },
        { key: 'fundSupervision', label: '经费监督', children: paragraph(agreement.fundRules.supervision) },
        { key: 'newMembers', label: '新成员加入', children: paragraph(agreement.openness.newMembers) },
        { key: 'external', label: '对外合作', children: paragraph(agreement.openness.externalCooperation) },
        { key: 'diffusion', label: '成果扩散', children: paragraph(agreement.openness.resultsDiffusion) },
      ]}
    />
  );

  const check = dossier?.foundingCheck ?? null;
  const conditions = check?.conditions ?? [];
  const foundingView = !check ? (
    <Empty description="申报材料中没有第八条检查结果" />
  ) : (
    <Flex vertical gap={12}>
      <Alert
        type={check.allHold ? 'success' : 'warning'}
        showIcon
        title={`${check.asOf} 检查：${check.allHold ? '第八条六项基本条件全部满足' : '存在不满足的条件'}`}
      />
      <List
        size="small"
        bordered
        dataSource={conditions}
        renderItem={(c) => {
          const info = FOUNDING_CONDITION_INFO[c.condition] ?? null;
          return (
            <List.Item>
              <Flex vertical gap={4}>
                <Flex gap={8} align="center">
                  <Tag color={c.holds ? 'green' : 'red'}>{c.holds ? '满足' : '不满足'}</Tag>
                  <span>
                    {c.article || info?.article || ''} {c.title || info?.title || ''}
                  </span>
                </Flex>
                {c.reasons.map((r, i) => (
                  <Typography.Text key={i} type="danger">
                    {r.message}
                  </Typography.Text>
                ))}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );

  const formView = (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'goals', label: '建设目标', children: paragraph(form.goals) },
        { key: 'workPlan', label: '工作方案', children: paragraph(form.workPlan) },
        { key: 'budget', label: '经费预算', children: formatFen(form.budgetFen) },
        { key: 'own', label: '自筹投入', children: formatFen(form.ownInvestmentFen) },
        { key: 'results', label: '预期成果', children: paragraph(form.expectedResults) },
        { key: 'contact', label: '联系人', children: `${form.contactName || '—'} ${form.contactPhone}` },
      ]}
    />
  );

  const documents = [
    ...(application.feasibilityReport
      ? [{ ...application.feasibilityReport, kind: 'FEASIBILITY_REPORT' as DocumentKind }]
      : []),
    ...application.attachments,
  ];
  const attachments =
    documents.length === 0 ? (
      <Empty description="没有附件" />
    ) : (
      <List
        size="small"
        bordered
        dataSource={documents}
        renderItem={(d) => (
          <List.Item>
            <Flex gap={8} align="center">
              <Tag>{DOCUMENT_KIND_LABELS[d.kind]}</Tag>
              <a href={d.downloadUrl} data-testid={`dossier-document-${d.id}`}>
                {d.fileName}
              </a>
            </Flex>
          </List.Item>
        )}
      />
    );

  return (
    <Tabs
      data-testid="review-dossier"
      items={[
        { key: 'basics', label: '联盟基本情况', children: basics },
        { key: 'members', label: `成员单位（${memberRows.length}）`, children: members },
        { key: 'agreement', label: '联盟协议', children: agreementView },
        { key: 'founding', label: '第八条检查', children: foundingView },
        { key: 'form', label: '申报书', children: formView },
        { key: 'attachments', label: `附件（${documents.length}）`, children: attachments },
      ]}
    />
  );
}
