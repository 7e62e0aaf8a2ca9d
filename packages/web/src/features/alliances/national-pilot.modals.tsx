import { useMutation } from '@apollo/client/react';
import { NATIONAL_PILOT_LABEL } from '@xiangmeng/domain';
import { Alert, App, Button, DatePicker, Form, Input, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api-error';
import { calendarDateRules, fromCalendarDate, isAfterToday, toCalendarDate, todayInChina } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import { RecordNationalPilotMutation, WithdrawNationalPilotMutation } from './alliances.operations';

type RecordValues = { documentNumber: string; designatedOn: Dayjs };
type WithdrawValues = { reason: string };
type Uploaded = { id: string; fileName: string };

/** The Ministry's document, kept in the province's own file; the designation names it. */
async function uploadDesignationDocument(file: File): Promise<Uploaded | ApiError> {
  const body = new FormData();
  body.set('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/national-pilots/documents', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-xiangmeng-request': '1' },
    });
  } catch {
    return toApiError(new Error('network'));
  }
  const answer = (await response.json().catch(() => null)) as {
    id?: string;
    fileName?: string;
    message?: string;
    violations?: { message?: string }[];
  } | null;
  if (response.ok && answer?.id) return { id: answer.id, fileName: answer.fileName ?? file.name };
  const error = toApiError(new Error('upload'));
  return { ...error, message: answer?.violations?.[0]?.message ?? answer?.message ?? '上传失败，请重试' };
}

/** 记录国家级试点: the Ministry's document number, the designation date and, if at hand, the document. */
export function RecordNationalPilotModal({
  alliance,
  open,
  onClose,
}: {
  alliance: { id: string; name: string };
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [recordDesignation, { loading }] = useMutation(RecordNationalPilotMutation);
  const [document, setDocument] = useState<Uploaded | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  async function submit(values: RecordValues) {
    await recordDesignation({
      variables: {
        input: {
          allianceId: alliance.id,
          documentNumber: values.documentNumber.trim(),
          designatedOn: toCalendarDate(values.designatedOn),
          documentId: document?.id ?? null,
        },
      },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`已记录「${alliance.name}」为${NATIONAL_PILOT_LABEL}`);
    onClose();
  }

  return (
    <FormModal<RecordValues>
      open={open}
      title={`记录${NATIONAL_PILOT_LABEL}`}
      okText="记录"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="record-national-pilot"
      initialValues={{ designatedOn: fromCalendarDate(todayInChina()) }}
      onSubmit={submit}
      placeError={showViolationsOnForm}
      intro={
        <Typography.Paragraph type="secondary">
          {`记录科学技术部认定「${alliance.name}」为国家级试点联盟。名单全省公开，各市州均可查看；支持计划申报时按国家级试点审查（第十四条）。`}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="认定文号"
        name="documentNumber"
        rules={[
          { required: true, whitespace: true, message: '请填写科技部认定文号' },
          { max: 100, message: '文号不超过 100 字' },
        ]}
      >
        <Input placeholder="如 国科发创〔2027〕15号" data-testid="national-pilot-document-number" />
      </Form.Item>
      <Form.Item label="认定日期" name="designatedOn" rules={calendarDateRules('认定日期')}>
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="认定文件（可选）"
        validateStatus={uploadError ? 'error' : undefined}
        help={uploadError ?? (document ? `已上传：${document.fileName}` : 'PDF、Word 或图片')}
      >
        <Upload
          accept=".pdf,.docx,.jpg,.jpeg,.png"
          showUploadList={false}
          beforeUpload={(file) => {
            setUploading(true);
            setUploadError(null);
            void uploadDesignationDocument(file)
              .then((result) => {
                if ('id' in result) setDocument(result);
                else setUploadError(result.message);
              })
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button loading={uploading}>{document ? '重新上传' : '上传认定文件'}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

/** 撤销: from today the alliance is no national pilot; the record stays with its reason. */
export function WithdrawNationalPilotModal({
  alliance,
  designation,
  open,
  onClose,
}: {
  alliance: { name: string };
  designation: { id: string; documentNumber: string; designatedOn: string };
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<WithdrawValues>();
  const [withdrawDesignation, { loading }] = useMutation(WithdrawNationalPilotMutation);

  async function submit(values: WithdrawValues) {
    await withdrawDesignation({
      variables: { input: { id: designation.id, reason: values.reason.trim() } },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`已撤销「${alliance.name}」的${NATIONAL_PILOT_LABEL}认定`);
    onClose();
  }

  return (
    <FormModal<WithdrawValues>
      open={open}
      title={`撤销${NATIONAL_PILOT_LABEL}认定`}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      loading={loading}
      onCancel={onClose}
      form={form}
      name="withdraw-national-pilot"
      onSubmit={submit}
      placeError={showViolationsOnForm}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="撤销自今日起生效"
          description={`「${alliance.name}」的认定（${designation.documentNumber}，${designation.designatedOn}）撤销后不再按国家级试点审查支持申报；认定记录和撤销理由保留。`}
        />
      }
    >
      <ReasonField name="reason" label="撤销理由" testId="national-pilot-withdraw-reason" />
    </FormModal>
  );
}
