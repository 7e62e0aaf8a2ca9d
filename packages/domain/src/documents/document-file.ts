// Uploaded documents: the type is read from the content, never trusted from the name or the
// browser, and the name's extension must agree with it.
export const DocumentMediaType = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
} as const;
export type DocumentMediaType = (typeof DocumentMediaType)[keyof typeof DocumentMediaType];

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

export const DOCUMENT_KIND_LABELS = {
  AGREEMENT_SCAN: '联盟协议扫描件',
  FEASIBILITY_REPORT: '组建可行性报告',
  ATTACHMENT: '其他附件',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KIND_LABELS;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The media type the content really is, or null when it is none of the accepted ones. */
export function detectMediaType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return DocumentMediaType.PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return DocumentMediaType.PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return DocumentMediaType.JPEG;
  // A DOCX is a ZIP package whose parts include word/document.xml (entry names are stored as text).
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    containsAscii(bytes, '[Content_Types].xml') &&
    containsAscii(bytes, 'word/')
  ) {
    return DocumentMediaType.DOCX;
  }
  return null;
}

export type DocumentFileProblem =
  'EMPTY_FILE' | 'FILE_TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'NAME_DOES_NOT_MATCH_CONTENT' | 'BAD_FILE_NAME';

export const DOCUMENT_FILE_PROBLEM_LABELS: Record<DocumentFileProblem, string> = {
  EMPTY_FILE: '文件是空的',
  FILE_TOO_LARGE: `文件不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
  UNSUPPORTED_TYPE: '只接受 PDF、DOCX、JPEG、PNG 文件（按文件内容判断）',
  NAME_DOES_NOT_MATCH_CONTENT: '文件扩展名与文件实际内容不符',
  BAD_FILE_NAME: '文件名不合法',
};

export type DocumentFileCheck =
  { ok: true; mediaType: DocumentMediaType } | { ok: false; problem: DocumentFileProblem };

export function checkDocumentFile(fileName: string, size: number, head: Uint8Array): DocumentFileCheck {
  const name = fileName.trim();
  if (!name || name.length > 255 || /[\\/\0]/.test(name)) return { ok: false, problem: 'BAD_FILE_NAME' };
  if (size === 0) return { ok: false, problem: 'EMPTY_FILE' };
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'FILE_TOO_LARGE' };
  const mediaType = detectMediaType(head);
  if (!mediaType) return { ok: false, problem: 'UNSUPPORTED_TYPE' };
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (!EXTENSIONS[mediaType].includes(extension))
    return { ok: false, problem: 'NAME_DOES_NOT_MATCH_CONTENT' };
  return { ok: true, mediaType };
}
