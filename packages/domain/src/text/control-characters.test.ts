import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkControlCharacters, isControlCharacter } from './control-characters.js';

describe('control characters', () => {
  it.each([
    ['', null],
    ['湘江产业联盟', null],
    ['91430100MA4L0XXXXX', null],
    ['第一行\n第二行', null],
    ['第一行\r\n第二行', null],
    ['名称\t备注', null],
    ['emoji 😀 and NBSP\u00a0', null],
    ['\u0000', 'CONTROL_CHARACTER'],
    ['联盟\u0000', 'CONTROL_CHARACTER'],
    ['bell\u0007', 'CONTROL_CHARACTER'],
    ['\u0008backspace', 'CONTROL_CHARACTER'],
    ['vertical\u000btab', 'CONTROL_CHARACTER'],
    ['form\u000cfeed', 'CONTROL_CHARACTER'],
    ['escape\u001b[31m', 'CONTROL_CHARACTER'],
    ['unit\u001fseparator', 'CONTROL_CHARACTER'],
    ['delete\u007f', 'CONTROL_CHARACTER'],
  ])('%j → %s', (text, expected) => {
    expect(checkControlCharacters(text)).toBe(expected);
  });

  it('refuses exactly U+0000–U+001F and U+007F, less tab, line feed and carriage return', () => {
    const refused = Array.from({ length: 0x10000 }, (_, code) => code).filter(isControlCharacter);
    const expected = [
      ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
      0x7f,
    ];
    expect(refused).toEqual(expected);
  });

  it('finds a control character wherever it is put in any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.nat(),
        fc.integer({ min: 0, max: 0x1f }),
        (text, at, code) => {
          fc.pre(![0x09, 0x0a, 0x0d].includes(code));
          const i = at % (text.length + 1);
          const bad = `${text.slice(0, i)}${String.fromCharCode(code)}${text.slice(i)}`;
          expect(checkControlCharacters(bad)).toBe('CONTROL_CHARACTER');
        },
      ),
    );
  });
});
