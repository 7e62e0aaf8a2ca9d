/**
 * Control characters a text may not hold: the C0 controls (U+0000–U+001F) and DEL (U+007F).
 * PostgreSQL cannot store NUL in text at all, and the others are invisible in the apps, the
 * exports and the printed register. Tab, line feed and carriage return stay allowed: they are
 * how multi-line text (opinions, objections, descriptions) is written and pasted.
 */
export const CONTROL_CHARACTER = 'CONTROL_CHARACTER';

const ALLOWED_IN_TEXT = new Set([0x09, 0x0a, 0x0d]);

export function isControlCharacter(codeUnit: number): boolean {
  return (codeUnit <= 0x1f && !ALLOWED_IN_TEXT.has(codeUnit)) || codeUnit === 0x7f;
}

/** `CONTROL_CHARACTER` when the text holds one, else null. */
export function checkControlCharacters(text: string): typeof CONTROL_CHARACTER | null {
  for (let i = 0; i < text.length; i += 1) {
    if (isControlCharacter(text.charCodeAt(i))) return CONTROL_CHARACTER;
  }
  return null;
}
