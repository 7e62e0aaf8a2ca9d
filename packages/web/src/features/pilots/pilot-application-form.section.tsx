import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { DOCUMENT_KIND_LABELS } from '@xiangmeng/domain';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import type { PilotApplicationDetailQuery } from '../../gql/graphql';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaDateTime, fenToYuan, formatFen, isYuanAmount, yuanToFen } from '../../shared/format';
import { YuanInput } from '../../shared/yuan-input';
import { PilotAllianceDocumentsQuery, UpdatePilotApplicationMutation } from './pilots.operations';

export type PilotApplicationDetail = PilotApplicationDetailQuery['pilotApplication'];

type FormValues = {
  goals: string;
  workPlan: string;
  budget: string;
  ownInvestment: string;
  expectedResults: string;
  contactName: string;
  contactPhone: string;
  feasibilityDocumentId: string | undefined;
  attachmentIds: string[];
};

// The API's input fields as this form names them (money is entered in 元).
const FIELD_PATHS: Record<string, string> = {
  budgetFen: 'budget',
  ownInvestmentFen: 'ownInvestment',
};

function toPath(field: string): string[] {
  const name = field.replace(/^input\./, '').split('.')[0] ?? field;
  return [FIELD_PATHS[name] ?? name];
}

function initialValues(application: PilotApplicationDetail): FormValues {
  const { form } = application;
  return {
    goals: form.goals,
    workPlan: form.workPlan,
    budget: fenToYuan(form.budgetFen),
    ownInvestment: fenToYuan(form.ownInvestmentFen),
    expectedResults: form.expectedResults,
    contactName: form.contactName,
    contactPhone: form.contactPhone,
    feasibilityDocumentId: application.feasibilityReport?.id,
    attachmentIds: application.attachments.map((d) => d.id),
  };
}

const yuanRules = (label: string) => [
  { required: true, whitespace: true, message: `请填写${label}` },
  {
    validator: (_rule: unknown, value: string | undefined) =>
      !value || isYuanAmount(value)
        ? Promise.resolve()
        : Promise.reject(new Error(`${label}应为以元为单位的金额（不超过 12 位整数，最多两位小数）`)),
  },
];

// A draft may be saved half-filled; the 提交 confirmation lists what is still empty.
const textRules = (label: string, max: number) => [{ max, message: `${label}不能超过 ${max} 个字` }];

/** 申报书: entered by the home city's staff while a draft or returned; read-only otherwise. */
export function PilotApplicationFormSection({
  application,
  editable,
  onDirtyChange,
}: {
  application: PilotApplicationDetail;
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  if (!editable) return <ReadOnlyForm application={application} />;
  return <EditableForm application={application} onDirtyChange={onDirtyChange} />;
}

function ReadOnlyForm({ application }: { application: PilotApplicationDetail }) {
  const { form } = application;
  const paragraph = (value: string) =>
    value.trim() ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph>
    ) : (
      '—'
    );
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="pilot-form-readonly"
      items={[
        { key: 'goals', label: '建设目标', span: 'filled', children: paragraph(form.goals) },
        { key: 'workPlan', label: '工作方案', span: 'filled', children: paragraph(form.workPlan) },
        { key: 'budget', label: '申请经费', children: formatFen(form.budgetFen) },
        { key: 'ownInvestment', label: '自筹投入', children: formatFen(form.ownInvestmentFen) },
        {
          key: 'expectedResults',
          label: '预期成果',
          span: 'filled',
          children: paragraph(form.expectedResults),
        },
        { key: 'contactName', label: '联系人', children: form.contactName || '—' },
        { key: 'contactPhone', label: '联系电话', children: form.contactPhone || '—' },
        {
          key: 'feasibility',
          label: '可行性报告',
          span: 'filled',
          children: application.feasibilityReport ? (
            <a href={application.feasibilityReport.downloadUrl}>{application.feasibilityReport.fileName}</a>
          ) : (
            '未选择'
          ),
        },
        {
          key: 'attachments',
          label: '附件',
          span: 'filled',
          children:
            application.attachments.length === 0 ? (
              '无'
            ) : (
              <Flex vertical>
                {application.attachments.map((d) => (
                  <a key={d.id} href={d.downloadUrl}>
                    {d.fileName}（{DOCUMENT_KIND_LABELS[d.kind]}）
                  </a>
                ))}
              </Flex>
            ),
        },
      ]}
    />
  );
}

function EditableForm({
  application,
  onDirtyChange,
}: {
  application: PilotApplicationDetail;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const client = useApolloClient();
  const documents = useQuery(PilotAllianceDocumentsQuery, {
    variables: { id: application.allianceId },
    fetchPolicy: 'cache-and-network',
  });
  const [update, { loading }] = useMutation(UpdatePilotApplicationMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const available = documents.data?.alliance.documents ?? [];
  const options = available.map((d) => ({
    value: d.id,
    label: `${d.fileName}（${DOCUMENT_KIND_LABELS[d.kind]}，${chinaDateTime(d.uploadedAt)} 上传）`,
  }));

  async function save(values: FormValues) {
    setFormError(null);
    setStale(null);
    try {
      await update({
        variables: {
          input: {
            id: application.id,
            version: application.version,
            goals: values.goals.trim(),
            workPlan: values.workPlan.trim(),
            budgetFen: yuanToFen(values.budget),
            ownInvestmentFen: yuanToFen(values.ownInvestment),
            expectedResults: values.expectedResults.trim(),
            contactName: values.contactName.trim(),
            contactPhone: values.contactPhone.trim(),
            feasibilityDocumentId: values.feasibilityDocumentId ?? null,
            attachmentIds: values.attachmentIds,
          },
        },
      });
      onDirtyChange(false);
      void message.success('申报书已保存');
    } catch (error) {
      const apiError = toApiError(error);
      // Someone saved first: keep what was typed on screen and offer their version.
      if (isStaleEdit(apiError)) setStale(apiError);
      else setFormError(showViolationsOnForm(form, apiError, toPath));
    }
  }

  return (
    <>
      {application.state === 'RETURNED' && application.lastReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="申报书已退回修改"
          description={`退回理由：${application.lastReason}`}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {stale && (
        <StaleEditAlert
          error={stale}
          // The page keys this form by version: the newer application starts it over.
          onReload={() => client.refetchQueries({ include: 'active' })}
        />
      )}
      <Form<FormValues>
        form={form}
        name="pilot-application-form"
        layout="vertical"
        // Keyed by version in the page, so a saved or refetched application starts a fresh form.
        initialValues={initialValues(application)}
        onValuesChange={() => onDirtyChange(true)}
        onFinish={(v) => void save(v)}
        style={{ maxWidth: 860 }}
      >
        <Form.Item label="建设目标" name="goals" rules={textRules('建设目标', 5000)}>
          <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Form.Item label="工作方案" name="workPlan" rules={textRules('工作方案', 10000)}>
          <Input.TextArea rows={5} count={{ show: true, max: 10000 }} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item label="申请经费" name="budget" rules={yuanRules('申请经费')}>
            <YuanInput style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="自筹投入" name="ownInvestment" rules={yuanRules('自筹投入')}>
            <YuanInput style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item label="预期成果" name="expectedResults" rules={textRules('预期成果', 5000)}>
          <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item label="联系人" name="contactName" rules={textRules('联系人', 40)}>
            <Input count={{ show: true, max: 40 }} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="contactPhone"
            rules={[
              ...textRules('联系电话', 40),
              { pattern: /^[0-9+\-() ]{5,40}$/, message: '联系电话只能包含数字、空格和 + - ( )' },
            ]}
          >
            <Input count={{ show: true, max: 40 }} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item
          label="可行性报告"
          name="feasibilityDocumentId"
          extra="从联盟名录「文件」中已上传的文件选择"
        >
          <Select
            allowClear
            loading={documents.loading && !documents.data}
            placeholder="选择可行性报告"
            options={available
              .filter((d) => d.kind === 'FEASIBILITY_REPORT')
              .map((d) => ({
                value: d.id,
                label: options.find((o) => o.value === d.id)?.label ?? d.fileName,
              }))}
            data-testid="pilot-form-feasibility"
          />
        </Form.Item>
        <Form.Item label="附件" name="attachmentIds">
          <Select
            mode="multiple"
            allowClear
            loading={documents.loading && !documents.data}
            placeholder="选择附件（协议扫描件等）"
            options={options}
            data-testid="pilot-form-attachments"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="pilot-form-save">
          保存申报书
        </Button>
      </Form>
    </>
  );
}
