import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Agreement } from './agreement-clauses';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { type AgreementMember, RecordAgreementSignatureMutation } from './alliances.operations';
import { useShownSubject } from '../../shared/use-shown-subject';

type SignatureValues = { signatoryName: string; signedOn: Dayjs };
export type Signing = { agreement: Agreement; member: AgreementMember };

/** 登记签署: a member's legal representative signed a version on a date (Art. 8(2)). */
export function RecordSignatureModal({ signing, onClose }: { signing: Signing | null; onClose: () => void }) {
  const shown = useShownSubject(signing);
  // One form per signer, so reopening for the next member never shows the last one's values.
  return shown ? (
    <SignatureForm
      key={`${shown.agreement.id}:${shown.member.id}`}
      signing={shown}
      open={signing !== null}
      onClose={onClose}
    />
  ) : null;
}

function SignatureForm({ signing, open, onClose }: { signing: Signing; open: boolean; onClose: () => void }) {
  const { agreement, member } = signing;
  const { message } = App.useApp();
  const [form] = Form.useForm<SignatureValues>();
  const [recordSignature, { loading }] = useMutation(RecordAgreementSignatureMutation);

  async function record(values: SignatureValues) {
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
  }

  return (
    <FormModal<SignatureValues>
      open={open}
      title="登记签署"
      okText="登记"
      loading={loading}
      onCancel={onClose}
      keepMounted
      form={form}
      name="record-signature"
      initialValues={{
        signatoryName: member.organization.legalRepresentative,
        signedOn: fromCalendarDate(todayInChina()),
      }}
      onSubmit={record}
      placeError={showViolationsOnForm}
      intro={
        <>
          <Typography.Paragraph>
            「{member.organization.name}」的法定代表人签署第 {agreement.version} 版联盟协议。
          </Typography.Paragraph>
          {agreement.signatures.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="这是本版协议的第一个签署：登记后，本版条款和任务分工不能再修改。"
            />
          )}
        </>
      }
    >
      <Form.Item
        label="签署人（法定代表人）"
        name="signatoryName"
        rules={[
          { required: true, whitespace: true, message: '请填写签署人姓名' },
          { max: 40, message: '签署人姓名不能超过 40 个字' },
        ]}
      >
        <Input count={{ show: true, max: 40 }} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="签署日期"
        name="signedOn"
        rules={calendarDateRules('签署日期', { date: member.joinedOn, label: '该单位加入日期' })}
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
