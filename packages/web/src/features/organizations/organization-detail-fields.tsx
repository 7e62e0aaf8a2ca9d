import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from '@xiangmeng/domain';
import { Checkbox, Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';

/**
 * The fields of a directory entry besides its credit code, shared by 新增单位 and 更正. The basis
 * of 行业骨干 is asked for only when the box is ticked.
 */
export function OrganizationDetailFields({
  industryBackbone,
  typeRules = [],
}: {
  industryBackbone: boolean;
  /** Extra rules for 单位类型, e.g. the warning when the credit code suggests another type. */
  typeRules?: Rule[];
}) {
  return (
    <>
      <Form.Item
        label="单位名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请输入单位名称' },
          { min: 2, max: 100, message: '单位名称应为 2–100 个字' },
        ]}
      >
        <Input autoComplete="off" count={{ show: true, max: 100 }} />
      </Form.Item>
      <Form.Item
        label="单位类型"
        name="type"
        rules={[{ required: true, message: '请选择单位类型' }, ...typeRules]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择单位类型"
          options={ORGANIZATION_TYPES.map((type) => ({
            value: type,
            label: ORGANIZATION_TYPE_LABELS[type],
          }))}
        />
      </Form.Item>
      <Form.Item
        label="法定代表人"
        name="legalRepresentative"
        rules={[
          { required: true, whitespace: true, message: '请填写法定代表人' },
          { max: 40, message: '法定代表人不超过 40 个字' },
        ]}
      >
        <Input autoComplete="off" count={{ show: true, max: 40 }} />
      </Form.Item>
      <Form.Item name="industryBackbone" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>行业骨干（第八条第（一）项）</Checkbox>
      </Form.Item>
      {industryBackbone && (
        <Form.Item
          label="行业骨干的依据"
          name="backboneBasis"
          rules={[
            {
              required: true,
              whitespace: true,
              message: '认定为行业骨干时请写明依据（如行业排名、营收规模）',
            },
            { max: 500, message: '依据不超过 500 字' },
          ]}
        >
          <Input.TextArea
            rows={2}
            count={{ show: true, max: 500 }}
            placeholder="如：全国同行业营收排名前十"
          />
        </Form.Item>
      )}
    </>
  );
}
