import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { ErrorCode, FILING_STATE_LABELS, filingCertificate, parseFilingSnapshot } from '@xiangmeng/domain';
import { Breadcrumb, Button, Flex, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer } from '../auth/viewer.provider';
import { CERTIFIED_FILING_STATES, isFilingState } from './filing-values';
import { FilingCertificateQuery } from './filings.operations';

// On paper: one A4 sheet, the shell (header, menu) and the toolbar left out. Rendered with the page,
// so the rules hold only while the certificate is shown.
const PRINT_CSS = `
@page { size: A4; margin: 0; }
@media print {
  .app-shell-chrome, .filing-certificate-toolbar { display: none !important; }
  .app-shell-content { padding: 0 !important; background: #fff !important; }
  .filing-certificate-sheet { box-shadow: none !important; margin: 0 !important; }
}
`;

/** 备案证明: a printable A4 certificate of a filing in force, for both tiers. */
export function FilingCertificatePage() {
  const { filingId = '' } = useParams();
  const viewer = useSignedInViewer();
  const { data, loading, error, refetch } = useQuery(FilingCertificateQuery, {
    variables: { id: filingId },
    fetchPolicy: 'cache-and-network',
  });
  const listCrumb = (
    <Link to="/filings">{viewer.tenant.level === 'PROVINCE' ? '收到的备案' : '联盟备案'}</Link>
  );

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND)
      return <Result status="404" title="备案不存在" subTitle="该备案不存在，或本单位无权查看。" />;
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }

  const filing = data.filing;
  const crumbs = [
    { title: listCrumb },
    { title: <Link to={`/filings/${filing.id}`}>{filing.allianceName}</Link> },
    { title: '备案证明' },
  ];
  if (
    !isFilingState(filing.state) ||
    !CERTIFIED_FILING_STATES.includes(filing.state) ||
    !filing.filingNumber
  ) {
    return (
      <Flex vertical gap={16}>
        <Breadcrumb items={crumbs} />
        <Result
          status="warning"
          title="该备案当前不能出具备案证明"
          subTitle={`备案状态为「${
            isFilingState(filing.state) ? FILING_STATE_LABELS[filing.state] : filing.state
          }」；只有已备案且未暂停的备案可以出具备案证明。`}
        />
      </Flex>
    );
  }

  // The same words as the PDF the API stores (filingCertificate in the domain).
  const certificate = filingCertificate({
    allianceName: filing.allianceName,
    cityName: filing.cityName,
    filingNumber: filing.filingNumber,
    filedOn: filing.filedOn ?? null,
    validThrough: filing.validThrough ?? null,
    roundDocumentNumber: filing.round.documentNumber,
    measuresDocumentNumber: parseFilingSnapshot(filing.snapshot)?.measures.province.documentNumber ?? null,
  });

  return (
    <Flex vertical gap={16} className="filing-certificate">
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" align="center" className="filing-certificate-toolbar">
        <Breadcrumb items={crumbs} />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="filing-certificate-print"
        >
          打印
        </Button>
      </Flex>
      <div
        className="filing-certificate-sheet"
        data-testid="filing-certificate"
        style={{
          width: '210mm',
          minHeight: '297mm',
          boxSizing: 'border-box',
          padding: '30mm 26mm 24mm',
          margin: '0 auto',
          background: '#fff',
          color: '#000',
          boxShadow: '0 2px 12px rgba(0, 0, 0, 0.15)',
          fontFamily: "'FangSong', 'STFangsong', 'SimSun', serif",
          fontSize: '16pt',
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
            fontFamily: "'SimSun', 'Songti SC', serif",
          }}
        >
          {certificate.department}
        </div>
        <div style={{ borderTop: '2px solid #c00', margin: '6mm 0 10mm' }} />
        <div
          style={{
            textAlign: 'center',
            fontSize: '22pt',
            fontWeight: 700,
            fontFamily: "'SimHei', sans-serif",
          }}
        >
          {certificate.title}
        </div>
        <div style={{ textAlign: 'center', margin: '2mm 0 10mm' }} data-testid="filing-certificate-number">
          {certificate.subtitle}
        </div>
        {certificate.paragraphs.map((p) => (
          <p key={p} style={{ textIndent: '2em', margin: '0 0 8mm' }}>
            {p}
          </p>
        ))}
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14pt' }}>
          <tbody>
            {(certificate.rows ?? []).map(([label, value]) => (
              <tr key={label}>
                <th
                  style={{
                    width: '32mm',
                    border: '1px solid #000',
                    padding: '2mm 3mm',
                    textAlign: 'center',
                    fontWeight: 400,
                  }}
                >
                  {label}
                </th>
                <td style={{ border: '1px solid #000', padding: '2mm 4mm' }}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div style={{ textAlign: 'right', marginTop: '24mm' }}>
          <div>{certificate.signatory}</div>
          <div>{certificate.date}</div>
        </div>
      </div>
    </Flex>
  );
}
