import { useApolloClient, useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS } from '@xiangmeng/domain';
import { App, Divider, Form, Input, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { AllianceAgreementsQuery as AllianceAgreementsResult } from '../../gql/graphql';
import {
  CLAUSE_GROUPS,
  CLAUSE_KEYS,
  groupHeading,
  type Agreement,
  type ClauseKey,
} from './agreement-clauses';
import type { AgreementMember } from './alliances.operations';
import { FormModal } from '../../shared/form-modal';
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

type Props = {
  allianceId: string;
  currentMembers: readonly AgreementMember[];
  scans: readonly Scan[];
  onClose: () => void;
};

export function AgreementVersionModal({ mode, ...props }: Props & { mode: AgreementVersionMode | null }) {
  const shown = useShownSubject(mode);
  if (!shown) return null;
  // One form per version edited (or per new version's base), reset at each closing.
  const key =
    shown.kind === 'edit'
      ? `${shown.agreement.id}:${shown.agreement.revision}`
      : `new:${shown.from?.id ?? ''}`;
  return <AgreementVersionForm key={key} mode={shown} open={mode !== null} {...props} />;
}

function AgreementVersionForm({
  mode,
  open,
  allianceId,
  currentMembers,
  scans,
  onClose,
}: Props & { mode: AgreementVersionMode; open: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AgreementValues>();
  const [createVersion, { loading: creating }] = useMutation(CreateAgreementVersionMutation);
  const [updateDraft, { loading: updating }] = useMutation(UpdateAgreementDraftMutation);
  const client = useApolloClient();
  // After a refused stale edit, the draft as it is now (loaded on request) replaces the one opened.
  const [latest, setLatest] = useState<Agreement | null>(null);
  const editing = mode.kind === 'edit' ? (latest ?? mode.agreement) : null;
  // The tasks last sent: the API names a task's violation by its place in that list.
  const sentTasks = useRef<{ organizationId: string; task: string }[]>([]);

  async function reload() {
    if (!editing) return;
    const { data } = await client.query({
      query: AllianceAgreementsQuery,
      variables: { id: allianceId },
      fetchPolicy: 'network-only',
    });
    const found = data?.alliance.agreements.find((a) => a.id === editing.id);
    if (found) {
      setLatest(found);
      form.setFieldsValue(startingValues(found, currentMembers));
    }
    await client.refetchQueries({ include: 'active' });
  }

  async function save(values: AgreementValues) {
    const clauses = Object.fromEntries(CLAUSE_KEYS.map((key) => [key, (values[key] ?? '').trim()])) as Record<
      ClauseKey,
      string
    >;
    // A member without a task is left out; the Art. 8 check names it until its task is written.
    const tasks = currentMembers.flatMap((m) => {
      const task = (values.tasks?.[m.organization.id] ?? '').trim();
      return task ? [{ organizationId: m.organization.id, task }] : [];
    });
    sentTasks.current = tasks;
    const scanDocumentId = values.scanDocumentId ?? null;
    if (mode.kind === 'create') {
      await createVersion({
        variables: { input: { allianceId, ...clauses, tasks, scanDocumentId } },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success('已新建联盟协议版本');
    } else {
      // The draft's revision the form was filled from: refused if someone saved it since.
      const revision = (editing ?? mode.agreement).revision;
      await updateDraft({
        variables: {
          input: { agreementId: mode.agreement.id, revision, ...clauses, tasks, scanDocumentId },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success(`第 ${mode.agreement.version} 版联盟协议已保存`);
    }
    onClose();
  }

  const title =
    mode.kind === 'edit'
      ? `修改第 ${mode.agreement.version} 版联盟协议（草稿）`
      : mode.from
        ? `新建联盟协议版本（以第 ${mode.from.version} 版为底稿）`
        : '录入联盟协议';

  return (
    <FormModal<AgreementValues>
      open={open}
      title={title}
      okText="保存"
      width={880}
      loading={creating || updating}
      onCancel={onClose}
      keepMounted
      form={form}
      name="agreement-version"
      initialValues={startingValues(editing ?? (mode.kind === 'create' ? mode.from : null), currentMembers)}
      onSubmit={save}
      onReload={mode.kind === 'edit' ? reload : undefined}
      // The API names tasks by position in the list sent; the form by organization.
      placeError={(form, apiError) =>
        showViolationsOnForm(form, apiError, (field) => {
          const path = dottedPath(field);
          if (path[0] !== 'tasks' || typeof path[1] !== 'number') return path;
          const organizationId = sentTasks.current[path[1]]?.organizationId;
          return organizationId ? ['tasks', organizationId] : null;
        })
      }
      intro={
        <Typography.Paragraph type="secondary">
          条款可以分次填写；保存后在「第八条检查」中查看尚缺哪些约定。登记签署后本版内容不能再改。
        </Typography.Paragraph>
      }
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
              <Input.TextArea rows={2} count={{ show: true, max: 5000 }} placeholder={clause.placeholder} />
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
                  <Input.TextArea
                    rows={2}
                    count={{ show: true, max: 2000 }}
                    placeholder="该成员单位承担的任务"
                  />
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
    </FormModal>
  );
}
