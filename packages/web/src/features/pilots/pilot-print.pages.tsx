import { useQuery } from '@apollo/client/react';
import {
  chinaDate,
  ErrorCode,
  parsePilotDecisionBasis,
  pilotDecisionLetter,
  PILOT_LEVEL_LABELS,
  type PilotLevel,
} from '@xiangmeng/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { PilotApplicationDetailQuery as DetailResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime, formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import {
  chineseDate,
  printCell,
  printLabelCell,
  PrintSheet,
  PRINT_TITLE_FONT,
} from '../../shared/print-sheet';
import { PilotApplicationDetailQuery } from './pilots.operations';

export type PrintedApplication = DetailResult['pilotApplication'];

/** The application a print view shows, or the page's loading, not-found or failure state. */
export function usePrintedApplication(): { application: PrintedApplication | null; fallback: ReactNode } {
  const { applicationId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PilotApplicationDetailQuery, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  if (data) return { application: data.pilotApplication, fallback: null };
  if (loading) return { application: null, fallback: <PageLoading /> };
  const apiError = toApiError(error);
  if (apiError.code === ErrorCode.NOT_FOUND)
    return {
      application: null,
      fallback: <Result status="404" title="申报不存在" subTitle="该申报不存在，或本单位无权查看。" />,
    };
  return {
    application: null,
    fallback: <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />,
  };
}

function levelLabel(level: string): string {
  return PILOT_LEVEL_LABELS[level as PilotLevel] ?? level;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: '6mm', breakInside: 'avoid-page' }}>
      <div style={{ fontFamily: PRINT_TITLE_FONT, fontSize: '14pt', fontWeight: 700 }}>{title}</div>
      <div style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{children}</div>
    </section>
  );
}

/** 申报书: the pilot application form as submitted, on A4 under the authority's header. */
export function PilotApplicationPrintPage() {
  const { application: a, fallback } = usePrintedApplication();
  if (!a) return fallback;
  const rows: [string, string][] = [
    ['联盟名称', a.allianceName],
    ['所在市州', a.homeTenant.name],
    ['产业领域', a.industry.name],
    ['申报级别', levelLabel(a.level)],
    ['申报通知', a.call.title],
    ['推荐单位', a.recommendingUnit.bureauName],
    ['提交时间', a.submittedAt ? chinaDateTime(a.submittedAt) : '未提交'],
    ['申请经费', formatFen(a.form.budgetFen)],
    ['自筹投入', formatFen(a.form.ownInvestmentFen)],
    ['联系人', `${a.form.contactName} ${a.form.contactPhone}`],
  ];
  return (
    <PrintSheet
      department={a.authority.bureauName}
      title={`${levelLabel(a.level)}产业技术创新战略联盟试点申报书`}
      subtitle={a.allianceName}
      testId="pilot-application-sheet"
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
      <Section title="一、建设目标">{a.form.goals || '—'}</Section>
      <Section title="二、工作方案">{a.form.workPlan || '—'}</Section>
      <Section title="三、预期成果">{a.form.expectedResults || '—'}</Section>
      {a.recommendationOpinion && (
        <Section title="四、推荐意见">
          {a.recommendationOpinion}
          {`\n${a.recommendingUnit.bureauName} ${a.recommendedAt ? chineseDate(chinaDate(new Date(a.recommendedAt))) : ''}`}
        </Section>
      )}
    </PrintSheet>
  );
}

/** 决定: the authority's decision on the application, with its basis (the review and the measures). */
export function PilotDecisionPrintPage() {
  const { application: a, fallback } = usePrintedApplication();
  if (!a) return fallback;
  const approved = a.state === 'APPROVED';
  if (!approved && a.state !== 'DECLINED')
    return <Result status="warning" title="尚未作出决定" subTitle="申报确认或未予确认后，才能打印决定。" />;
  const letter = pilotDecisionLetter({
    approved,
    authorityName: a.authority.bureauName,
    applicantBureauName: a.homeTenant.bureauName,
    allianceName: a.allianceName,
    level: a.level,
    callTitle: a.call.title,
    basis:
      a.decisionBasis === null || a.decisionBasis === undefined
        ? null
        : parsePilotDecisionBasis(a.decisionBasis),
    noticeStartsOn: a.noticeStartsOn ?? null,
    noticeEndsOn: a.noticeEndsOn ?? null,
    reason: a.decisionReason ?? null,
    decidedOn: a.decidedAt ? chinaDate(new Date(a.decidedAt)) : null,
  });
  // The same words as the PDF the API stores (pilotDecisionLetter in the domain).
  return (
    <PrintSheet
      department={letter.department}
      title={letter.title}
      testId="pilot-decision-sheet"
      fontSize="16pt"
    >
      <p style={{ margin: 0 }}>{letter.addressee}</p>
      {letter.paragraphs.map((paragraph, i) => (
        <p key={i} style={{ textIndent: '2em', margin: '0 0 4mm', whiteSpace: 'pre-wrap' }}>
          {paragraph}
        </p>
      ))}
      <div style={{ textAlign: 'right', marginTop: '24mm' }}>
        <div>{letter.signatory}</div>
        <div>{letter.date}</div>
      </div>
    </PrintSheet>
  );
}
