import type { ParticularField } from '@xiangmeng/domain';
import { Form, Input, Select } from 'antd';

// A kind's particulars (programme-particulars.ts in the domain), drawn from its schema: a text
// field as an input, a list (a mode, a country from ISO 3166-1) as a searchable select.

function optionsOf(field: ParticularField): { value: string; label: string }[] {
  if (field.type === 'oneOf')
    return Object.entries(field.options).map(([value, label]) => ({ value, label }));
  if (field.type === 'code') {
    const excluded = new Set(field.excluded.map((e) => e.code));
    return Object.entries(field.codes)
      .filter(([code]) => !excluded.has(code))
      .map(([value, label]) => ({ value, label: `${label}（${value}）` }));
  }
  return [];
}

/** The form items of the particulars, under `particulars.<key>`. */
export function ParticularFormItems({ fields }: { fields: readonly ParticularField[] }) {
  return fields.map((field) => (
    <Form.Item
      key={field.key}
      label={field.required ? field.label : `${field.label}（选填）`}
      name={['particulars', field.key]}
    >
      {field.type === 'text' ? (
        <Input maxLength={field.maxChars} data-testid={`particular-${field.key}`} />
      ) : (
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          style={{ maxWidth: 360 }}
          options={optionsOf(field)}
          data-testid={`particular-${field.key}`}
        />
      )}
    </Form.Item>
  ));
}
