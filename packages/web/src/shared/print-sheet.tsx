import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

// On paper: A4 sheets, the shell (header, menu) and the toolbar left out. Rendered with the page,
// so the rules hold only while a print view is shown. Chinese fonts: the system's FangSong/SimSun
// where present, else Noto CJK (fonts-noto-cjk, named in infra/DEPLOYMENT.md).
const PRINT_CSS = `
@page { size: A4; margin: 0; }
@media print {
  .app-shell-chrome, .print-toolbar { display: none !important; }
  .app-shell-content { padding: 0 !important; background: #fff !important; }
  .print-sheet { box-shadow: none !important; margin: 0 !important; }
}
`;

export const PRINT_BODY_FONT = "'FangSong', 'STFangsong', 'SimSun', 'Noto Serif CJK SC', serif";
const HEADER_FONT = "'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif";
export const PRINT_TITLE_FONT = "'SimHei', 'Noto Sans CJK SC', sans-serif";

/** '2027-03-15' → '2027年3月15日', as dates are written on official documents. */
export function chineseDate(date: string | null | undefined): string {
  const [y, m, d] = (date ?? '').slice(0, 10).split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : '—';
}

/** Table cells of a print view: black rules, as on a paper form. */
export const printCell: CSSProperties = {
  border: '1px solid #000',
  padding: '2mm 3mm',
  verticalAlign: 'top',
};
export const printLabelCell: CSSProperties = {
  ...printCell,
  textAlign: 'center',
  fontWeight: 400,
  width: '32mm',
};

/**
 * A printable A4 document with the department's red header: the 打印 toolbar above it, left out on
 * paper with the shell's chrome (`app-shell-chrome`).
 */
export function PrintSheet({
  department,
  title,
  subtitle,
  testId,
  fontSize = '14pt',
  children,
}: {
  department: string;
  title: string;
  subtitle?: ReactNode;
  testId: string;
  fontSize?: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={16}>
      <style>{PRINT_CSS}</style>
      <Flex justify="flex-end" align="center" className="print-toolbar">
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid={`${testId}-print`}
        >
          打印
        </Button>
      </Flex>
      <div
        className="print-sheet"
        data-testid={testId}
        style={{
          width: '210mm',
          minHeight: '297mm',
          boxSizing: 'border-box',
          padding: '30mm 26mm 24mm',
          margin: '0 auto',
          background: '#fff',
          color: '#000',
          boxShadow: '0 2px 12px rgba(0, 0, 0, 0.15)',
          fontFamily: PRINT_BODY_FONT,
          fontSize,
          lineHeight: 1.8,
        }}
      >
        <div
          style={{
            textAlign: 'center',
            color: '#c00',
            fontSize: '28pt',
            fontWeight: 700,
            letterSpacing: '0.2em',
            fontFamily: HEADER_FONT,
          }}
        >
          {department}
        </div>
        <div style={{ borderTop: '2px solid #c00', margin: '6mm 0 10mm' }} />
        <div style={{ textAlign: 'center', fontSize: '22pt', fontWeight: 700, fontFamily: PRINT_TITLE_FONT }}>
          {title}
        </div>
        {subtitle && <div style={{ textAlign: 'center', margin: '2mm 0 0' }}>{subtitle}</div>}
        <div style={{ marginTop: '10mm' }}>{children}</div>
      </div>
    </Flex>
  );
}
