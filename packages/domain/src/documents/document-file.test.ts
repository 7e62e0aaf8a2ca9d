import { describe, expect, it } from 'vitest';
import { checkDocumentFile, detectMediaType, MAX_DOCUMENT_BYTES } from './document-file.js';

const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const pdf = ascii('%PDF-1.7\n...');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const docx = Uint8Array.from([
  0x50,
  0x4b,
  0x03,
  0x04,
  ...ascii('....[Content_Types].xml....word/document.xml'),
]);
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...ascii('....data.csv')]);
const exe = ascii('MZ\x90\x00');

describe('document files', () => {
  it.each([
    [pdf, 'application/pdf'],
    [png, 'image/png'],
    [jpeg, 'image/jpeg'],
    [docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [zip, null],
    [exe, null],
    [new Uint8Array(), null],
  ])('reads the type from the content (%#)', (bytes, expected) => {
    expect(detectMediaType(bytes)).toBe(expected);
  });

  it.each([
    ['联盟协议.pdf', 1000, pdf, { ok: true, mediaType: 'application/pdf' }],
    ['扫描件.JPG', 1000, jpeg, { ok: true, mediaType: 'image/jpeg' }],
    [
      '可行性报告.docx',
      1000,
      docx,
      { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ],
    ['协议.pdf', 1000, png, { ok: false, problem: 'NAME_DOES_NOT_MATCH_CONTENT' }],
    ['程序.pdf', 1000, exe, { ok: false, problem: 'UNSUPPORTED_TYPE' }],
    ['空.pdf', 0, pdf, { ok: false, problem: 'EMPTY_FILE' }],
    ['大.pdf', MAX_DOCUMENT_BYTES + 1, pdf, { ok: false, problem: 'FILE_TOO_LARGE' }],
    ['../etc/passwd.pdf', 1000, pdf, { ok: false, problem: 'BAD_FILE_NAME' }],
    ['无扩展名', 1000, pdf, { ok: false, problem: 'NAME_DOES_NOT_MATCH_CONTENT' }],
  ] as const)('%s → %j', (name, size, head, expected) => {
    expect(checkDocumentFile(name, size, head)).toEqual(expected);
  });
});
