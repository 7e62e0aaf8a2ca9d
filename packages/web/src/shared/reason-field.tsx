import { Form, Input } from 'antd';

// What the API takes of a step's written text (each workflow kind's MAX_TEXT).
const REASON_MAX = 2000;

/** The written reason or opinion a step requires: not blank, and no longer than the API takes. */
export function ReasonField({
  name,
  label,
  placeholder,
  testId,
  max = REASON_MAX,
}: {
  name: string;
  label: string;
  placeholder?: string;
  testId: string;
  /** when the step takes less than REASON_MAX */
  max?: number;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[
        { required: true, whitespace: true, message: `请填写${label}` },
        { max, message: `${label}不能超过 ${max} 个字` },
      ]}
    >
      <Input.TextArea
        rows={4}
        count={{ show: true, max }}
        placeholder={placeholder}
        data-testid={testId}
      />
    </Form.Item>
  );
}
