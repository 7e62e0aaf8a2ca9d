import { useMutation, useQuery } from '@apollo/client/react';
import { FOUNDING_CONDITION_INFO, GOVERNANCE_BODY_LABELS, type GovernanceBodyKind } from '@xiangmeng/domain';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { type ApiError, toApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import type { AllianceGovernanceQuery as AllianceGovernanceResult } from '../../gql/graphql';
import { dottedPath, showViolationsOnForm } from '../../shared/form-violations';
import { AllianceGovernanceQuery, SetAllianceGovernanceMutation } from './alliances.operations';

type Governance = AllianceGovernanceResult['alliance'];
type BodyValues = { name?: string; description?: string };
type GovernanceValues = {
  bodies: Record<GovernanceBodyKind, BodyValues>;
  liableEntity?: string;
  executiveFullTimeStaff: number | null;
  hostOrganizationId?: string;
};

const BODY_KINDS = Object.keys(GOVERNANCE_BODY_LABELS) as GovernanceBodyKind[];

const BODY_PLACEHOLDERS: Record<GovernanceBodyKind, string> = {
  DECISION: '如：联盟理事会',
  ADVISORY: '如：联盟专家委员会',
  EXECUTIVE: '如：联盟秘书处',
};

function initialValues(governance: Governance): GovernanceValues {
  const bodies = Object.fromEntries(
    BODY_KINDS.map((kind) => {
      const body = governance.governanceBodies.find((b) => b.kind === kind);
      return [kind, { name: body?.name ?? '', description: body?.description ?? '' }];
    }),
  ) as Record<GovernanceBodyKind, BodyValues>;
  return {
    bodies,
    liableEntity: governance.liableEntity,
    executiveFullTimeStaff: governance.executiveFullTimeStaff,
    hostOrganizationId: governance.hostOrganization?.id,
  };
}

function hostOptions(governance: Governance) {
  const options = governance.members.map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const host = governance.hostOrganization;
  // A host that has since left stays visible, so the officer sees why it must be replaced.
  if (host && !options.some((o) => o.value === host.id)) {
    options.unshift({ value: host.id, label: `${host.name}（已不是现有成员）` });
  }
  return options;
}

/** 组织机构 (Art. 8(3)): the three bodies, who bears external liability, full-time staff, the host unit. */
export function GovernanceSection({ allianceId, editable }: { allianceId: string; editable: boolean }) {
  const { data, loading, error, refetch } = useQuery(AllianceGovernanceQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;
  // Keyed by the stored values and version, so the form starts over whenever they change on the
  // server (after a save, or when the user asks for the newer version after a refused one).
  return (
    <GovernanceForm
      key={`${data.alliance.version}:${JSON.stringify(initialValues(data.alliance))}`}
      governance={data.alliance}
      editable={editable}
      onReload={() => refetch()}
    />
  );
}

function GovernanceForm({
  governance,
  editable,
  onReload,
}: {
  governance: Governance;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<GovernanceValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // The version the form was filled from: a save based on it is refused if someone saved since.
  const [baseVersion] = useState(governance.version);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [setGovernance, { loading }] = useMutation(SetAllianceGovernanceMutation);

  async function save(values: GovernanceValues) {
    setFormError(null);
    setStale(null);
    // Bodies left without a name are not set up; the API numbers the ones sent.
    const bodies = BODY_KINDS.flatMap((kind) => {
      const name = values.bodies[kind]?.name?.trim() ?? '';
      return name ? [{ kind, name, description: values.bodies[kind]?.description?.trim() ?? '' }] : [];
    });
    try {
      await setGovernance({
        variables: {
          input: {
            allianceId: governance.id,
            bodies,
            liableEntity: (values.liableEntity ?? '').trim(),
            executiveFullTimeStaff: values.executiveFullTimeStaff ?? 0,
            hostOrganizationId: values.hostOrganizationId ?? null,
            version: baseVersion,
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success('组织机构已保存');
    } catch (error) {
      const apiError = toApiError(error);
      // Someone saved first: keep what was typed on screen and offer their version.
      if (isStaleEdit(apiError)) {
        setStale(apiError);
        return;
      }
      setFormError(
        showViolationsOnForm(form, apiError, (field) => {
          const path = dottedPath(field);
          if (path[0] !== 'bodies' || typeof path[1] !== 'number') return path;
          const kind = bodies[path[1]]?.kind;
          return kind ? ['bodies', kind, ...path.slice(2)] : null;
        }),
      );
    }
  }

  return (
    <Form<GovernanceValues>
      form={form}
      name="alliance-governance"
      layout="vertical"
      disabled={!editable}
      initialValues={initialValues(governance)}
      onFinish={(values) => void save(values)}
      style={{ maxWidth: 960 }}
    >
      <Typography.Paragraph type="secondary">
        {FOUNDING_CONDITION_INFO.GOVERNANCE.article}：{FOUNDING_CONDITION_INFO.GOVERNANCE.title}
        ，执行机构应有专职人员。
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {stale && (
        <StaleEditAlert
          error={stale}
          // The form is keyed by the stored values: loading the newer ones starts it over.
          onReload={onReload}
        />
      )}
      <Row gutter={16}>
        {BODY_KINDS.map((kind) => (
          <Col xs={24} lg={8} key={kind}>
            <Card size="small" title={GOVERNANCE_BODY_LABELS[kind]} style={{ marginBottom: 16 }}>
              <Form.Item
                label="名称"
                name={['bodies', kind, 'name']}
                rules={[{ max: 100, message: '机构名称不能超过 100 个字' }]}
              >
                <Input
                  aria-label={`${GOVERNANCE_BODY_LABELS[kind]}名称`}
                  placeholder={BODY_PLACEHOLDERS[kind]}
                  maxLength={100}
                />
              </Form.Item>
              <Form.Item
                label="职责与运行机制"
                name={['bodies', kind, 'description']}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea
                  aria-label={`${GOVERNANCE_BODY_LABELS[kind]}职责`}
                  rows={3}
                  maxLength={2000}
                />
              </Form.Item>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Form.Item
            label="对外承担责任的主体"
            name="liableEntity"
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
          >
            <Input placeholder="如：理事长单位名称" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            label="执行机构专职人员（人）"
            name="executiveFullTimeStaff"
            rules={[{ required: true, message: '请填写专职人员数' }]}
          >
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            label="常设机构依托单位"
            name="hostOrganizationId"
            extra={governance.members.length === 0 ? '先添加成员单位，再选择依托单位' : '须为现有成员单位'}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="从现有成员单位中选择"
              options={hostOptions(governance)}
            />
          </Form.Item>
        </Col>
      </Row>
      {editable && (
        <Button type="primary" htmlType="submit" loading={loading}>
          保存组织机构
        </Button>
      )}
    </Form>
  );
}
