import { useMutation, useQuery } from '@apollo/client/react';
import {
  MILESTONE_STATUS_LABELS,
  milestonesDueBy,
  PROJECT_ACTION_LABELS,
  PROJECT_WORKFLOW,
  transitionOf,
  type ProjectAction,
  type ProjectState,
  type TaskContract,
} from '@xiangmeng/domain';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { fromCalendarDate, todayInChina, toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { isYuanAmount, yuanToFen } from '../../shared/format';
import { showViolationsOnForm } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import { chinaDateTime } from '../../shared/format';
import { OrganizationPicker } from '../organizations/organization-picker';
import { PilotAllianceDocumentsQuery } from '../pilots/pilots.operations';
import { TransitionProjectMutation } from './projects.operations';

// What each step means, said before it is taken.
const EXPLANATIONS: Partial<Record<ProjectAction, string>> = {
  REQUEST_CHANGE: '变更申请报主管部门核准（第十九条）；核准前项目按原任务书执行。',
  APPROVE_CHANGE: '核准后变更内容写入任务书，此后按新任务书执行。',
  REFUSE_CHANGE: '不予变更后项目按原任务书继续执行。',
  REQUEST_ACCEPTANCE:
    '申请验收前须报齐应报送的年度和中期进展报告。请对照任务书的目标和考核指标填写项目总结报告，并附上总结报告及验收材料（在联盟页面上传）。',
  START_ACCEPTANCE_REVIEW: '开始验收评审后，验收专家可查看总结报告和材料并评分。',
  FINISH_ACCEPTANCE_REVIEW: '结束验收评审后评分结果固定，作为验收结论的依据。',
  PUBLICISE_ACCEPTANCE: '按计划规定的验收公示期公示验收结果；公示期满并答复全部异议后方可作出验收结论。',
  PASS_ACCEPTANCE: '通过验收后项目结束（通过后仍可拨付尾款）。结论不可撤销。',
  FAIL_ACCEPTANCE: '不通过验收后项目结束，不再拨付。结论不可撤销。',
  TERMINATE: '终止为无过错结束项目，终止后不再拨付，不可恢复。',
  REVOKE:
    '撤销为有过错结束项目：填写追回金额（无需追回填 0），追回写入资金台账；违反知识产权约定的，可同时对承担单位作出禁入决定（第二十条第（二）项）。撤销不可恢复。',
  CONTINUE_UNDER_UNIT: '联盟解散后由指定单位作为承担单位继续实施（第十九条），解除冻结、恢复拨付。',
  ADJUST: '联盟解散后调整任务书后继续实施（第十九条），解除冻结、恢复拨付。',
};

const DANGER: readonly ProjectAction[] = ['TERMINATE', 'REVOKE', 'REFUSE_CHANGE', 'FAIL_ACCEPTANCE'];
const CHANGE_ACTIONS: readonly ProjectAction[] = ['REQUEST_CHANGE', 'ADJUST'];
const REPORT_ACTIONS: readonly ProjectAction[] = ['SUBMIT_ANNUAL_REPORT', 'SUBMIT_MIDTERM_REPORT'];

type Values = {
  text?: string;
  changeKind?: 'EXTENSION' | 'RESPONSIBLE_PERSON';
  newEndOn?: Dayjs;
  responsiblePerson?: string;
  year?: number;
  summary?: string;
  milestones?: { title: string; status: string; note?: string }[];
  recoveryYuan?: string;
  decisionDocument?: string;
  debarResponsibleUnit?: boolean;
  debarReason?: string;
  successorId?: string;
  successorTask?: string;
  documentIds?: string[];
};

export type ProjectForAction = {
  id: string;
  version: number;
  state: string;
  title: string;
  allianceId: string;
  contract: TaskContract;
};

function asksReason(state: ProjectState, action: ProjectAction): boolean {
  const guards = transitionOf(PROJECT_WORKFLOW, state, action)?.guards ?? [];
  return guards.includes('REASON_GIVEN') || guards.includes('FINAL_REPORT_ATTACHED');
}

/** The confirmation every step of a project goes through, with what the step takes. */
export function ProjectActionModal({
  project,
  action,
  onClose,
}: {
  project: ProjectForAction;
  action: ProjectAction;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [transition, { loading }] = useMutation(TransitionProjectMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const state = project.state as ProjectState;
  const label = PROJECT_ACTION_LABELS[action];
  const today = todayInChina();
  const due = milestonesDueBy(project.contract, today);
  const reason = asksReason(state, action);
  const changeKind = Form.useWatch('changeKind', form);
  const debar = Form.useWatch('debarResponsibleUnit', form);
  const acceptance = action === 'REQUEST_ACCEPTANCE';
  const documents = useQuery(PilotAllianceDocumentsQuery, {
    variables: { id: project.allianceId },
    skip: !acceptance,
  });
  const documentOptions = (documents.data?.alliance.documents ?? []).map((d) => ({
    value: d.id,
    label: `${d.fileName}（${chinaDateTime(d.uploadedAt)} 上传）`,
  }));

  function details(values: Values): Record<string, unknown> {
    if (CHANGE_ACTIONS.includes(action))
      return {
        change:
          values.changeKind === 'EXTENSION'
            ? { kind: 'EXTENSION', newEndOn: values.newEndOn ? toCalendarDate(values.newEndOn) : '' }
            : { kind: 'RESPONSIBLE_PERSON', responsiblePerson: values.responsiblePerson ?? '' },
      };
    if (REPORT_ACTIONS.includes(action))
      return {
        report: {
          ...(action === 'SUBMIT_ANNUAL_REPORT' ? { year: values.year } : {}),
          summary: values.summary ?? '',
          milestones: (values.milestones ?? []).map((m) => ({ ...m, note: m.note ?? '' })),
        },
      };
    if (action === 'REVOKE') {
      const unit = project.contract.responsibleUnit;
      return {
        recoveryFen: yuanToFen(values.recoveryYuan ?? '0'),
        decisionDocument: values.decisionDocument?.trim() ?? '',
        debar:
          values.debarResponsibleUnit && unit
            ? [
                {
                  organizationId: unit.organizationId,
                  decisionDocument: values.decisionDocument ?? '',
                  reason: values.debarReason ?? '',
                },
              ]
            : [],
      };
    }
    if (acceptance) return { documentIds: values.documentIds ?? [] };
    if (action === 'CONTINUE_UNDER_UNIT')
      return {
        successorUnit: { organizationId: values.successorId ?? '', task: values.successorTask ?? '' },
      };
    return {};
  }

  async function confirm(values: Values) {
    await transition({
      variables: {
        input: {
          id: project.id,
          version: project.version,
          action,
          text: values.text?.trim() ?? '',
          details: details(values),
        },
      },
    });
    void message.success(`已${label}`);
    onClose();
  }

  return (
    <FormModal<Values>
      open
      title={`${label}：${project.title}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: DANGER.includes(action), 'data-testid': 'project-action-confirm' }}
      loading={loading}
      form={form}
      name="project-action"
      width={640}
      initialValues={{
        changeKind: 'EXTENSION',
        year: Number(today.slice(0, 4)) - 1,
        milestones: due.map((m) => ({ title: m.title, status: 'DONE', note: '' })),
        recoveryYuan: '0',
      }}
      onSubmit={confirm}
      placeError={showViolationsOnForm}
      onCancel={onClose}
      intro={
        EXPLANATIONS[action] && (
          <Alert
            type={DANGER.includes(action) ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={EXPLANATIONS[action]}
          />
        )
      }
    >
      {CHANGE_ACTIONS.includes(action) && (
        <>
          <Form.Item label="变更类型" name="changeKind">
            <Select
              options={[
                { value: 'EXTENSION', label: '项目延期' },
                { value: 'RESPONSIBLE_PERSON', label: '项目负责人变更' },
              ]}
            />
          </Form.Item>
          {changeKind === 'EXTENSION' ? (
            <Form.Item
              label={`延期后的结束日期（现为 ${project.contract.endOn}）`}
              name="newEndOn"
              rules={[{ required: true, message: '请选择延期后的结束日期' }]}
            >
              <DatePicker
                style={{ width: 200 }}
                disabledDate={(d) => toCalendarDate(d) <= project.contract.endOn}
                defaultPickerValue={fromCalendarDate(project.contract.endOn)}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={`新的项目负责人（现为 ${project.contract.responsiblePerson}）`}
              name="responsiblePerson"
              rules={[{ required: true, whitespace: true, message: '请填写新的项目负责人' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          )}
          <Typography.Paragraph type="secondary">
            预算调剂和参与单位变更请通过接口提交（页面将在后续版本提供）。
          </Typography.Paragraph>
        </>
      )}
      {REPORT_ACTIONS.includes(action) && (
        <>
          {action === 'SUBMIT_ANNUAL_REPORT' && (
            <Form.Item label="报告年度" name="year" rules={[{ required: true, message: '请填写报告年度' }]}>
              <InputNumber<number> min={2016} max={2100} />
            </Form.Item>
          )}
          <Form.Item
            label="进展情况"
            name="summary"
            rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.List name="milestones">
            {(fields) =>
              fields.map((field, i) => (
                <Form.Item key={field.key} label={`已到期节点：${due[i]?.title}（${due[i]?.dueOn}）`}>
                  <Form.Item name={[field.name, 'status']} noStyle>
                    <Select
                      style={{ width: 160, marginRight: 8 }}
                      options={Object.entries(MILESTONE_STATUS_LABELS).map(([value, l]) => ({
                        value,
                        label: l,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} noStyle>
                    <Input style={{ width: 320 }} placeholder="未完成的，请说明原因和措施" />
                  </Form.Item>
                </Form.Item>
              ))
            }
          </Form.List>
        </>
      )}
      {action === 'REVOKE' && (
        <>
          <Form.Item
            label="追回金额（元，无需追回填 0）"
            name="recoveryYuan"
            rules={[
              { required: true, message: '请填写追回金额' },
              {
                validator: async (_, v: string) =>
                  isYuanAmount(v ?? '')
                    ? undefined
                    : Promise.reject(new Error('请填写金额（元，最多两位小数）')),
              },
            ]}
          >
            <Input style={{ width: 200 }} suffix="元" />
          </Form.Item>
          <Form.Item label="撤销决定文号" name="decisionDocument">
            <Input maxLength={100} placeholder="如 湘科计〔2027〕88号" />
          </Form.Item>
          {project.contract.responsibleUnit && (
            <Form.Item name="debarResponsibleUnit" valuePropName="checked">
              <Checkbox>同时对承担单位「{project.contract.responsibleUnit.name}」作出禁入决定</Checkbox>
            </Form.Item>
          )}
          {debar && (
            <Form.Item
              label="禁入理由"
              name="debarReason"
              rules={[{ required: true, whitespace: true, message: '请填写禁入理由' }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
        </>
      )}
      {action === 'CONTINUE_UNDER_UNIT' && (
        <>
          <Form.Item
            label="继续承担项目的单位"
            name="successorId"
            rules={[{ required: true, message: '请选择单位' }]}
          >
            <OrganizationPicker />
          </Form.Item>
          <Form.Item
            label="承担的任务"
            name="successorTask"
            rules={[{ required: true, whitespace: true, message: '请填写承担的任务' }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
      {reason && (
        <ReasonField
          name="text"
          label={acceptance ? '项目总结报告（对照任务书的目标和考核指标）' : '理由或意见'}
          testId="project-action-text"
        />
      )}
      {acceptance && (
        <Form.Item
          label="总结报告及验收材料"
          name="documentIds"
          rules={[{ required: true, message: '请至少附上一份文件' }]}
          extra="联盟已上传的文件；新文件请先在联盟页面上传。"
        >
          <Select
            mode="multiple"
            options={documentOptions}
            loading={documents.loading}
            placeholder="选择文件"
            data-testid="project-acceptance-documents"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
