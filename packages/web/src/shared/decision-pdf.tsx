import { FilePdfOutlined } from '@ant-design/icons';
import { DECISION_PDF_STATE_LABELS } from '@xiangmeng/domain';
import { Button, Flex, Tag, Typography } from 'antd';

export type DecisionPdfView = {
  state: string;
  fileName: string;
  sha256?: string | null;
  downloadUrl?: string | null;
  reason?: string | null;
};

/**
 * 下载决定书 PDF with its SHA-256, as the API kept it beside the decision; while it is rendered or
 * when it could not be, what stands instead (the print view always works). `document` names what
 * the PDF is (决定书 by default, 备案证明 for a filing's certificate).
 */
export function DecisionPdfLink({
  pdf,
  document = '决定书',
}: {
  pdf: DecisionPdfView | null | undefined;
  document?: string;
}) {
  if (!pdf) return null;
  if (pdf.state === 'STORED' && pdf.downloadUrl)
    return (
      <Flex gap={8} align="center" wrap data-testid="decision-pdf">
        <a href={pdf.downloadUrl} download={pdf.fileName}>
          <Button icon={<FilePdfOutlined />}>下载{document} PDF</Button>
        </a>
        <Typography.Text
          type="secondary"
          copyable={{ text: pdf.sha256 ?? '' }}
          data-testid="decision-pdf-sha256"
        >
          SHA-256：<Typography.Text code>{pdf.sha256}</Typography.Text>
        </Typography.Text>
      </Flex>
    );
  const label = DECISION_PDF_STATE_LABELS[pdf.state as keyof typeof DECISION_PDF_STATE_LABELS] ?? pdf.state;
  return (
    <Flex gap={8} align="center" wrap data-testid="decision-pdf">
      <Tag color={pdf.state === 'MISSING' ? 'warning' : 'processing'}>
        {document} PDF {label}
      </Tag>
      {pdf.state === 'MISSING' && pdf.reason && (
        <Typography.Text type="secondary" data-testid="decision-pdf-reason">
          {pdf.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}
