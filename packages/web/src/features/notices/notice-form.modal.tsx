import { useMutation } from '@apollo/client/react';
import {
  NOTICE_AUDIENCES,
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  noticeAudiencesOf,
  type TenantLevel,
} from '@xiangmeng/domain';
import { Checkbox, Form, Input, Switch } from 'antd';
import { FormModal } from '../../shared/form-modal';
import { lengthRule } from '../../shared/text-limit';
import { SaveNoticeMutation } from './notices.operations';

type NoticeValues = { title: string; body: string; audiences: string[]; pinned: boolean };

export type NoticeDraft = NoticeValues & { id: string; version: number };

/** 新建/编辑通知: a draft of the viewer's tier, addressed to the audiences that tier may name. */
export function NoticeFormModal({
  open,
  level,
  draft,
  onClose,
  onSaved,
}: {
  open: boolean;
  level: TenantLevel;
  /** the draft to edit; none for a new notice */
  draft: NoticeDraft | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<NoticeValues>();
  const [save] = useMutation(SaveNoticeMutation);
  const options = noticeAudiencesOf(level).map((a) => ({ value: a, label: NOTICE_AUDIENCES[a] }));
  return (
    <FormModal<NoticeValues>
      open={open}
      title={draft ? '编辑通知' : '新建通知'}
      okText="保存草稿"
      form={form}
      name="notice"
      width={720}
      initialValues={
        draft ?? {
          title: '',
          body: '',
          audiences: level === 'PROVINCE' ? ['CITY_STAFF'] : ['OWN_STAFF'],
          pinned: false,
        }
      }
      errorTestId="notice-form-error"
      intro="保存后为草稿，仅本级工作人员可见；发布后发送范围内的人员可在工作台和通知公告中看到。附件在草稿详情页上传。"
      onCancel={onClose}
      onSubmit={async (values) => {
        const result = await save({
          variables: {
            input: {
              id: draft?.id ?? null,
              version: draft?.version ?? null,
              title: values.title,
              body: values.body ?? '',
              audiences: values.audiences ?? [],
              pinned: Boolean(values.pinned),
            },
          },
        });
        if (result.data) onSaved(result.data.saveNotice.id);
      }}
    >
      <Form.Item
        label="标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          lengthRule('标题', NOTICE_TITLE_MAX),
        ]}
      >
        <Input count={{ show: true, max: NOTICE_TITLE_MAX }} data-testid="notice-title" />
      </Form.Item>
      <Form.Item
        label="发送范围"
        name="audiences"
        rules={[{ required: true, type: 'array', min: 1, message: '请选择发送范围' }]}
      >
        <Checkbox.Group options={options} data-testid="notice-audiences" />
      </Form.Item>
      <Form.Item label="正文" name="body" rules={[lengthRule('正文', NOTICE_BODY_MAX)]}>
        <Input.TextArea
          autoSize={{ minRows: 6, maxRows: 16 }}
          count={{ show: true, max: NOTICE_BODY_MAX }}
          data-testid="notice-body"
        />
      </Form.Item>
      <Form.Item label="置顶" name="pinned" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
