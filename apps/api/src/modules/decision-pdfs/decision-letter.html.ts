import type { DecisionLetter } from '@xiangmeng/domain';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The A4 sheet of the web's print views (packages/web/src/shared/print-sheet.tsx): the
// department's red header, FangSong/SimSun/SimHei where installed, else Noto CJK (fonts-noto-cjk).
const CSS = `
@page { size: A4; margin: 0; }
html, body { margin: 0; background: #fff; color: #000; }
.sheet { width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 30mm 26mm 24mm;
  font-family: 'FangSong', 'STFangsong', 'SimSun', 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.8; }
.department { text-align: center; color: #c00; font-size: 28pt; font-weight: 700; letter-spacing: 0.2em;
  font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; }
.rule { border-top: 2px solid #c00; margin: 6mm 0 10mm; }
h1 { text-align: center; font-size: 22pt; font-weight: 700; margin: 0;
  font-family: 'SimHei', 'Noto Sans CJK SC', sans-serif; }
.body { margin-top: 10mm; }
.body p { margin: 0 0 4mm; text-indent: 2em; white-space: pre-wrap; }
.body p.addressee { text-indent: 0; margin: 0; }
.signature { text-align: right; margin-top: 24mm; }
.subtitle { text-align: center; margin: 2mm 0 0; }
table { width: 100%; border-collapse: collapse; font-size: 14pt; }
th, td { border: 1px solid #000; padding: 2mm 4mm; }
th { width: 32mm; text-align: center; font-weight: 400; padding: 2mm 3mm; }
`;

/** The decision (or certificate) as a self-contained HTML page (no script, no outside resource) for rendering to PDF. */
export function decisionLetterHtml(letter: DecisionLetter): string {
  const paragraphs = letter.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
  const subtitle = letter.subtitle ? `<div class="subtitle">${escape(letter.subtitle)}</div>` : '';
  const addressee = letter.addressee ? `<p class="addressee">${escape(letter.addressee)}</p>` : '';
  const rows = letter.rows?.length
    ? `<table><tbody>${letter.rows
        .map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(letter.title)}</title><style>${CSS}</style></head>
<body><div class="sheet">
<div class="department">${escape(letter.department)}</div>
<div class="rule"></div>
<h1>${escape(letter.title)}</h1>
${subtitle}
<div class="body">
${addressee}
${paragraphs}
${rows}
</div>
<div class="signature"><div>${escape(letter.signatory)}</div><div>${escape(letter.date)}</div></div>
</div></body></html>`;
}
