import { useApolloClient, useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { Alert, App, Divider, Form, Input, Modal, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import type { AllianceAgreementsQuery as AllianceAgreementsResult } from '../../gql/graphql';
import {
  CLAUSE_GROUPS,
  CLAUSE_KEYS,
  groupHeading,
  type Agreement,
  type ClauseKey,
} from './agreement-clauses';
import type { AgreementMember } from './alliances.operations';
import { dottedPath, showViolationsOnForm } from '../../shared/form-violations';
import { useShownSubject } from '../../shared/use-shown-subject';
import {
  AllianceAgreementsQuery,
  CreateAgreementVersionMutation,
  UpdateAgreementDraftMutation,
} from './alliances.operations';

type Scan = AllianceAgreementsResult['alliance']['documents'][number];

/** A new version (prefilled from the latest, if any), or changes to a version nobody has signed yet. */
export type AgreementVersionMode =
  { kind: 'create'; from: Agreement | null } | { kind: 'edit'; agreement: Agreement };

type AgreementValues = Record<ClauseKey, string | undefined> & {
  tasks: Record<string, string | undefined>;
  scanDocumentId?: string;
};

function startingValues(source: Agreement | null, members: readonly AgreementMember[]): AgreementValues {
  const clauses = Object.fromEntries(CLAUSE_KEYS.map((key) => [key, source?.[key] ?? ''])) as Record<
    ClauseKey,
    string
  >;
  const tasks = Object.fromEntries(
    members.map((m) => [
      m.organization.id,
      source?.tasks.find((t) => t.organizationId === m.organization.id)?.task ?? '',
    ]),
  );
  return { ...clauses, tasks, scanDocumentId: source?.scanDocumentId ?? undefined };
}

const FORM_ID = 'agreement-version-form';

export function AgreementVersionModal({
  mode,
  allianceId,
  currentMembers,
  scans,
  onClose,
}: {
  mode: AgreementVersionMode | null;
  allianceId: string;
  currentMembers: readonly AgreementMember[];
  scans: readonly Scan[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [createVersion, { loading: creating }] = useMutation(CreateAgreementVersionMutation);
  const [updateDraft, { loading: updating }] = useMutation(UpdateAgreementDraftMutation);
  const shown = useShownSubject(mode);
  const client = useApolloClient();
  // After a refused stale edit, the draft as it is now (loaded on request) replaces the one opened.
  const [latest, setLatest] = useState<Agreement | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [reloading, setReloading] = useState(false);
  const editing =
    shown?.kind === 'edit' ? (latest?.id === shown.agreement.id ? latest : shown.agreement) : null;

  async function reload(agreementId: string) {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: AllianceAgreementsQuery,
        variables: { id: allianceId },
        fetchPolicy: 'network-only',
      });
      const found = data?.alliance.agreements.find((a) => a.id === agreementId);
      if (found) setLatest(found);
      setStale(null);
      await client.refetchQueries({ include: 'active' });
    } catch (error) {
      setFormError(toApiError(error).message);
    } finally {
      setReloading(false);
    }
  }

  async function save(
    target: AgreementVersionMode,
    values: AgreementValues,
    form: FormInstance<AgreementValues>,
  ) {
    setFormError(null);
    setStale(null);
    const clauses = Object.fromEntries(CLAUSE_KEYS.map((key) => [key, (values[key] ?? '').trim()])) as Record<
      ClauseKey,
      string
    >;
    // A member without a task is left out; the Art. 8 check names it until its task is written.
    const tasks = currentMembers.flatMap((m) => {
      const task = (values.tasks?.[m.organization.id] ?? '').trim();
      return task ? [{ organizationId: m.organization.id, task }] : [];
    });
    const scanDocumentId = values.scanDocumentId ?? null;
    try {
      if (target.kind === 'create') {
        await createVersion({
          variables: { input: { allianceId, ...clauses, tasks, scanDocumentId } },
          refetchQueries: 'active',
          awaitRefetchQueries: true,
        });
        void message.success('已新建联盟协议版本');
      } else {
        // The draft's revision the form was filled from: refused if someone saved it since.
        const revision = (editing ?? target.agreement).revision;
        await updateDraft({
          variables: {
            input: { agreementId: target.agreement.id, revision, ...clauses, tasks, scanDocumentId },
          },
          refetchQueries: 'active',
          awaitRefetchQueries: true,
        });
        void message.success(`第 ${target.agreement.version} 版联盟协议已保存`);
      }
      onClose();
    } catch (error) {
      const apiError = toApiError(error);
      if (isStaleEdit(apiError)) {
        setStale(apiError);
        return;
      }
      setFormError(
        showViolationsOnForm(form, apiError, (field) => {
          const path = dottedPath(field);
          if (path[0] !== 'tasks' || typeof path[1] !== 'number') return path;
          const organizationId = tasks[path[1]]?.organizationId;
          return organizationId ? ['tasks', organizationId] : null;
        }),
      );
    }
  }

  const title =
    shown?.kind === 'edit'
      ? `修改第 ${shown.agreement.version} 版联盟协议（草稿）`
      : shown?.from
        ? `新建联盟协议版本（以第 ${shown.from.version} 版为底稿）`
        : '录入联盟协议';

  return (
    <Modal
      open={mode !== null}
      title={title}
      okText="保存"
      width={880}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      confirmLoading={creating || updating}
      onCancel={onClose}
      afterClose={() => {
        setFormError(null);
        setStale(null);
        setLatest(null);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        条款可以分次填写；保存后在「第八条检查」中查看尚缺哪些约定。登记签署后本版内容不能再改。
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {stale && editing && (
        <StaleEditAlert error={stale} reloading={reloading} onReload={() => void reload(editing.id)} />
      )}
      {shown && (
        <AgreementForm
          key={
            editing
              ? `${editing.id}:${editing.revision}`
              : `new:${shown.kind === 'create' ? (shown.from?.id ?? '') : ''}`
          }
          initialValues={startingValues(
            editing ?? (shown.kind === 'create' ? shown.from : null),
            currentMembers,
          )}
          currentMembers={currentMembers}
          scans={scans}
          onFinish={(values, form) => {
            if (mode) void save(mode, values, form);
          }}
        />
      )}
    </Modal>
  );
}

function AgreementForm({
  initialValues,
  currentMembers,
  scans,
  onFinish,
}: {
  initialValues: AgreementValues;
  currentMembers: readonly AgreementMember[];
  scans: readonly Scan[];
  onFinish: (values: AgreementValues, form: FormInstance<AgreementValues>) => void;
}) {
  const [form] = Form.useForm<AgreementValues>();
  return (
    <Form<AgreementValues>
      form={form}
      id={FORM_ID}
      name="agreement-version"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => onFinish(values, form)}
    >
      {CLAUSE_GROUPS.map((group) => (
        <div key={group.heading}>
          <Divider titlePlacement="start" style={{ marginTop: 8 }}>
            {groupHeading(group)}
          </Divider>
          {group.clauses.map((clause) => (
            <Form.Item
              key={clause.key}
              label={clause.label}
              name={clause.key}
              rules={[{ max: 5000, message: `${clause.label}不能超过 5000 个字` }]}
            >
              <Input.TextArea rows={2} maxLength={5000} placeholder={clause.placeholder} />
            </Form.Item>
          ))}
          {group.condition === 'AGREEMENT' && (
            <>
              <Typography.Text strong>成员单位任务分工</Typography.Text>
              {currentMembers.map((m) => (
                <Form.Item
                  key={m.organization.id}
                  label={`${m.organization.name}（${MEMBER_ROLE_LABELS[m.role]}）`}
                  name={['tasks', m.organization.id]}
                  rules={[{ max: 2000, message: '任务分工不能超过 2000 个字' }]}
                  style={{ marginTop: 8 }}
                >
                  <Input.TextArea rows={2} maxLength={2000} placeholder="该成员单位承担的任务" />
                </Form.Item>
              ))}
            </>
          )}
        </div>
      ))}
      <Divider titlePlacement="start">协议扫描件</Divider>
      <Form.Item
        label="协议扫描件"
        name="scanDocumentId"
        extra={scans.length === 0 ? '可在「文件」中上传类别为「联盟协议扫描件」的文件后在此关联' : undefined}
      >
        <Select
          allowClear
          placeholder="选择已上传的协议扫描件（可选）"
          options={scans.map((d) => ({ value: d.id, label: d.fileName }))}
        />
      </Form.Item>
    </Form>
  );
}
