import { useQuery } from '@apollo/client/react';
import { PLATFORM_KIND_LABELS } from '@xiangmeng/domain';
import { Form, Input, Select } from 'antd';
import { IndustriesQuery } from '../industries/industries.operations';

export type RecognitionValues = { platformKind?: string; field?: string; recognitionDocument?: string };

const KIND_OPTIONS = Object.entries(PLATFORM_KIND_LABELS).map(([value, label]) => ({ value, label }));

/**
 * What a recognition (认定, Art. 15) states beyond the application: the platform's kind, its field
 * and the recognition document. Name, host unit, director and co-builders come from the form.
 */
export function RecognitionFields() {
  const industries = useQuery(IndustriesQuery, { fetchPolicy: 'cache-first' });
  return (
    <>
      <Form.Item
        label="平台类别"
        name={['recognition', 'platformKind']}
        rules={[{ required: true, message: '请选择平台类别' }]}
      >
        <Select options={KIND_OPTIONS} style={{ width: 240 }} data-testid="recognition-kind" />
      </Form.Item>
      <Form.Item
        label="所属领域"
        name={['recognition', 'field']}
        rules={[{ required: true, message: '请选择所属领域' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={industries.loading}
          options={(industries.data?.industries ?? []).map((i) => ({ value: i.code, label: i.name }))}
          data-testid="recognition-field"
        />
      </Form.Item>
      <Form.Item
        label="认定文件文号"
        name={['recognition', 'recognitionDocument']}
        rules={[{ required: true, whitespace: true, message: '请填写认定文件文号' }]}
      >
        <Input maxLength={100} placeholder="如 湘科计〔2027〕21号" data-testid="recognition-document" />
      </Form.Item>
    </>
  );
}
