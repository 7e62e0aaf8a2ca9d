import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../shared/api-error';
import type { Agreement } from './agreement-clauses';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { showViolationsOnForm } from '../../shared/form-violations';
import { type AgreementMember, RecordAgreementSignatureMutation } from './alliances.operations';
import { useShownSubject } from '../../shared/use-shown-subject';

type SignatureValues = { signatoryName: string; signedOn: Dayjs };
export type Signing = { agreement: Agreement; member: AgreementMember };

const FORM_ID = 'record-signature-form';

/** 登记签署: a member's legal representative signed a version on a date (Art. 8(2)). */
export function RecordSignatureModal({ signing, onClose }: { signing: Signing | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [recordSignature, { loading }] = useMutation(RecordAgreementSignatureMutation);
  const shown = useShownSubject(signing);

  async function record(
    { agreement, member }: Signing,
    values: SignatureValues,
    form: FormInstance<SignatureValues>,
  ) {
    setFormError(null);
    try {
      await recordSignature({
        variables: {
          input: {
            agreementId: agreement.id,
            organizationId: member.organization.id,
            signatoryName: values.signatoryName.trim(),
            signedOn: toCalendarDate(values.signedOn),
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success(`已登记${member.organization.name}的签署`);
      onClose();
    } catch (error) {
      setFormError(showViolationsOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={signing !== null}
      title="登记签署"
      okText="登记"
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      confirmLoading={loading}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      destroyOnHidden
    >
      {shown && (
        <>
          <Typography.Paragraph>
            「{shown.member.organization.name}」的法定代表人签署第 {shown.agreement.version} 版联盟协议。
          </Typography.Paragraph>
          {shown.agreement.signatures.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="这是本版协议的第一个签署：登记后，本版条款和任务分工不能再修改。"
            />
          )}
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          {/* One form per signer, so reopening for the next member never shows the last one's values. */}
          <SignatureForm
            key={`${shown.agreement.id}:${shown.member.id}`}
            member={shown.member}
            onFinish={(values, form) => {
              if (signing) void record(signing, values, form);
            }}
          />
        </>
      )}
    </Modal>
  );
}

function SignatureForm({
  member,
  onFinish,
}: {
  member: AgreementMember;
  onFinish: (values: SignatureValues, form: FormInstance<SignatureValues>) => void;
}) {
  const [form] = Form.useForm<SignatureValues>();
  return (
    <Form<SignatureValues>
      form={form}
      id={FORM_ID}
      name="record-signature"
      layout="vertical"
      initialValues={{
        signatoryName: member.organization.legalRepresentative,
        signedOn: fromCalendarDate(todayInChina()),
      }}
      onFinish={(values) => onFinish(values, form)}
    >
      <Form.Item
        label="签署人（法定代表人）"
        name="signatoryName"
        rules={[
          { required: true, whitespace: true, message: '请填写签署人姓名' },
          { max: 40, message: '签署人姓名不能超过 40 个字' },
        ]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="签署日期"
        name="signedOn"
        rules={calendarDateRules('签署日期', { date: member.joinedOn, label: '该单位加入日期' })}
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
    </Form>
  );
}
