import { Input, type InputProps } from 'antd';
import { useState } from 'react';

/** '1234567.8' → '1,234,567.8': separators for reading, on what was typed (never on a float). */
export function groupThousands(text: string): string {
  const match = /^(\d+)(\.\d*)?$/.exec(text.trim());
  if (!match) return text;
  return `${match[1]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[2] ?? ''}`;
}

/**
 * An amount in 元 for a form: typed plainly (no separators moving the caret while typing), shown
 * with thousands separators when the field is not focused. The form's value is what was typed.
 */
export function YuanInput({
  value,
  onChange,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & { value?: string; onChange?: (value: string) => void }) {
  const [focused, setFocused] = useState(false);
  const text = value ?? '';
  return (
    <Input
      suffix="元"
      inputMode="decimal"
      {...rest}
      value={focused ? text : groupThousands(text)}
      onFocus={(event) => {
        setFocused(true);
        rest.onFocus?.(event);
      }}
      onBlur={(event) => {
        setFocused(false);
        rest.onBlur?.(event);
      }}
      onChange={(event) => onChange?.(event.target.value.replace(/,/g, ''))}
    />
  );
}
