import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../errors/api-error';
import type { Agreement } from './agreement-clauses';
import type { AgreementMember } from './agreements.section';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from './register-dates';
import { showViolationsOnForm } from './register-errors';
import { RecordAgreementSignatureMutation } from './register.operations';

type SignatureValues = { signatoryName: string; signedOn: Dayjs };

/** 登记签署: a member's legal representative signed a version on a date (Art. 8(2)). */
export function RecordSignatureModal({
  agreement,
  member,
  onClose,
}: {
  agreement: Agreement | null;
  member: AgreementMember | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SignatureValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [recordSignature, { loading }] = useMutation(RecordAgreementSignatureMutation);
  const open = agreement !== null && member !== null;

  async function record(target: Agreement, signer: AgreementMember, values: SignatureValues) {
    setFormError(null);
    try {
      await recordSignature({
        variables: {
          input: {
            agreementId: target.id,
            organizationId: signer.organization.id,
            signatoryName: values.signatoryName.trim(),
            signedOn: toCalendarDate(values.signedOn),
          },
        },
        refetchQueries: 'active',
        awaitRefetchQueries: true,
      });
      void message.success(`已登记${signer.organization.name}的签署`);
      onClose();
    } catch (error) {
      setFormError(showViolationsOnForm(form, toApiError(error)));
    }
  }

  return (
    <Modal
      open={open}
      title="登记签署"
      okText="登记"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible && member) {
          form.setFieldsValue({
            signatoryName: member.organization.legalRepresentative,
            signedOn: fromCalendarDate(todayInChina()),
          });
        }
      }}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
      forceRender
    >
      {agreement && member && (
        <Typography.Paragraph>
          「{member.organization.name}」的法定代表人签署第 {agreement.version} 版联盟协议。
        </Typography.Paragraph>
      )}
      {agreement && agreement.signatures.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是本版协议的第一个签署：登记后，本版条款和任务分工不能再修改。"
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<SignatureValues>
        form={form}
        name="record-signature"
        layout="vertical"
        onFinish={(values) => {
          if (agreement && member) void record(agreement, member, values);
        }}
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
          rules={calendarDateRules(
            '签署日期',
            member ? { date: member.joinedOn, label: '该单位加入日期' } : undefined,
          )}
        >
          <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
