import { useQuery } from '@apollo/client/react';
import { ErrorCode, PROGRAMME_KINDS, programmeKindOf, type ParticularField } from '@xiangmeng/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { printCell, printLabelCell, PrintSheet, PRINT_TITLE_FONT } from '../../shared/print-sheet';
import { ProgrammeApplicationPrintQuery } from './programme-applications.operations';

function particularValue(field: ParticularField | undefined, value: string): string {
  if (!field) return value;
  if (field.type === 'oneOf') return field.options[value] ?? value;
  if (field.type === 'code') return field.codes[value] ?? value;
  return value;
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <div style={{ fontFamily: PRINT_TITLE_FONT, fontSize: '14pt', fontWeight: 700, margin: '6mm 0 2mm' }}>
      {children}
    </div>
  );
}

/** 申报书: a support-programme application as filled in (frozen at submission), on A4 under the authority's header. */
export function ProgrammeApplicationPrintPage() {
  const { applicationId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ProgrammeApplicationPrintQuery, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND)
      return <Result status="404" title="申报不存在" subTitle="该申报不存在，或本单位无权查看。" />;
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }
  const a = data.programmeApplication;
  const programme = data.programmes.find((p) => p.id === a.programmeId) ?? null;
  const kind = programmeKindOf(programme?.kind);
  const info = kind ? PROGRAMME_KINDS[kind] : null;
  const f = a.form;
  const rows: [string, string][] = [
    ['项目名称', f.title || '—'],
    ['申报联盟', a.allianceName ?? '—'],
    ['支持计划', programme ? `${programme.name}（${programme.year} 年度）` : '—'],
    ['执行期', f.startOn && f.endOn ? `${f.startOn} 至 ${f.endOn}` : '—'],
    ['承担单位', f.responsibleUnit?.name ?? '—'],
    ['项目负责人', f.responsiblePerson || '—'],
    ['申请支持', formatFen(f.requestedSupportFen)],
    ['提交时间', a.submittedAt ? chinaDateTime(a.submittedAt) : '未提交'],
    ...f.particulars.map((p): [string, string] => {
      const field = info?.particulars.find((x) => x.key === p.key);
      return [field?.label ?? p.key, particularValue(field, p.value)];
    }),
  ];
  const share = (organizationId: string) => {
    const s = f.ipTerms.benefitShares.find((x) => x.organizationId === organizationId);
    return s ? `${(s.basisPoints / 100).toFixed(2)}%` : '—';
  };
  const ip: [string, string][] = [
    ['知识产权归属', f.ipTerms.ownership],
    ['许可实施', f.ipTerms.licensing],
    ['解散时处理', f.ipTerms.onDissolution],
    ['成员退出时处理', f.ipTerms.onMemberExit],
  ];
  return (
    <PrintSheet
      department={programme?.authority.bureauName ?? ''}
      title={`${programme?.kindLabel ?? '支持计划'}项目申报书`}
      subtitle={f.title || undefined}
      testId="programme-application-sheet"
    >
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={printLabelCell}>{label}</th>
              <td style={printCell}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>一、参与单位与任务分工</Heading>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={printLabelCell}>单位</th>
            <th style={{ ...printCell, fontWeight: 400 }}>任务分工</th>
            <th style={{ ...printLabelCell, width: '24mm' }}>利益分配</th>
          </tr>
        </thead>
        <tbody>
          {f.participants.map((p) => (
            <tr key={p.organizationId}>
              <td style={printCell}>{p.name}</td>
              <td style={printCell}>{p.task || '—'}</td>
              <td style={{ ...printCell, textAlign: 'right' }}>{share(p.organizationId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>二、知识产权</Heading>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {ip.map(([label, value]) => (
            <tr key={label}>
              <th style={printLabelCell}>{label}</th>
              <td style={{ ...printCell, whiteSpace: 'pre-wrap' }}>{value || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.sections.map((s, i) => (
        <section key={s.key} style={{ breakInside: 'avoid-page' }}>
          <Heading>
            {['三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 3}、
            {info?.sections.find((x) => x.key === s.key)?.label ?? s.key}
          </Heading>
          <div style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{s.text || '—'}</div>
        </section>
      ))}
      {a.documents.length > 0 && (
        <>
          <Heading>附件</Heading>
          {a.documents.map((d, i) => (
            <div key={d.documentId}>{`${i + 1}. ${d.kindLabel}：${d.fileName}`}</div>
          ))}
        </>
      )}
      {a.recommendationOpinion && (
        <>
          <Heading>推荐意见</Heading>
          <div style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{a.recommendationOpinion}</div>
        </>
      )}
    </PrintSheet>
  );
}
