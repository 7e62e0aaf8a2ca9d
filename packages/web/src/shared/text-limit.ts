import type { Rule } from 'antd/es/form';

// A text field's limit is shown as a counter (antd `count`) and refused with a message by this
// rule; nothing typed or pasted is cut off silently, as `maxLength` did.

/** The rule refusing `label` past `max` characters. */
export function lengthRule(label: string, max: number): Rule {
  return { max, message: `${label}不能超过 ${max} 个字` };
}
