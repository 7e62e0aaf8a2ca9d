import { useQuery } from '@apollo/client/react';
import { AGGREGATION_RULE_LABELS, reviewRecommendationLabels } from '@xiangmeng/domain';
import { Result } from 'antd';
import { useParams } from 'react-router';
import { chinaDateTime } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { printCell, printLabelCell, PrintSheet } from '../../shared/print-sheet';
import { usePrintedApplication } from '../pilots/pilot-print.pages';
import { formatScore } from './review-format';
import { ReviewPanelQuery } from './reviews.operations';

const CONCLUSIONS = reviewRecommendationLabels('PILOT_APPLICATION');

/**
 * 评审意见汇总表: each expert's scores and opinion, then the aggregate by the measures' rule (the
 * rule named, and whether the highest and lowest were dropped).
 */
export function ReviewSummaryPrintPage() {
  const { applicationId = '' } = useParams();
  const { application: a, fallback } = usePrintedApplication();
  const panelQuery = useQuery(ReviewPanelQuery, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  if (!a) return fallback;
  if (!panelQuery.data) return <PageLoading />;
  const panel = panelQuery.data.pilotApplication.panel;
  const sheets = (panel?.seats ?? []).flatMap((seat) =>
    seat.sheet?.submittedAt ? [{ expert: seat.expert, sheet: seat.sheet }] : [],
  );
  if (!panel || sheets.length === 0)
    return (
      <Result
        status="warning"
        title="尚无已提交的评分表"
        subTitle="专家提交评分表后，才能打印评审意见汇总表。"
      />
    );
  const criteria = sheets[0]!.sheet.scores.map((s) => ({ key: s.key, label: s.label, weight: s.weight }));
  const aggregate = panel.aggregate;
  const small = { ...printCell, padding: '1mm 2mm', textAlign: 'center' as const };
  return (
    <PrintSheet
      department={a.authority.bureauName}
      title="专家评审意见汇总表"
      subtitle={`${a.allianceName}（${a.call.title}）`}
      testId="review-summary-sheet"
      fontSize="11pt"
    >
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="review-summary-scores">
        <thead>
          <tr>
            <th style={small}>专家</th>
            {criteria.map((c) => (
              <th key={c.key} style={small}>
                {c.label}（{c.weight}）
              </th>
            ))}
            <th style={small}>总分</th>
            <th style={small}>结论</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map(({ expert, sheet }) => (
            <tr key={expert.id}>
              <td style={small}>
                {expert.name}
                <br />
                {expert.title}
              </td>
              {criteria.map((c) => (
                <td key={c.key} style={small}>
                  {formatScore(sheet.scores.find((s) => s.key === c.key)?.score)}
                </td>
              ))}
              <td style={small}>{formatScore(sheet.total)}</td>
              <td style={small}>{sheet.recommendation ? CONCLUSIONS[sheet.recommendation] : '—'}</td>
            </tr>
          ))}
          {aggregate && (
            <tr data-testid="review-summary-aggregate">
              <td style={{ ...small, fontWeight: 700 }}>汇总</td>
              {criteria.map((c) => (
                <td key={c.key} style={small}>
                  {formatScore(aggregate.criteria.find((x) => x.key === c.key)?.value)}
                </td>
              ))}
              <td style={{ ...small, fontWeight: 700 }}>{formatScore(aggregate.total)}</td>
              <td style={small}>{aggregate.passes ? '达到合格线' : '未达合格线'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {aggregate && (
        <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: '4mm' }}>
          <tbody>
            <tr>
              <th style={printLabelCell}>汇总规则</th>
              <td style={printCell} data-testid="review-summary-rule">
                {AGGREGATION_RULE_LABELS[aggregate.rule]}；计入评分表 {aggregate.sheets} 份
                {aggregate.trimmed ? '（已去掉最高分和最低分）' : ''}
              </td>
            </tr>
            <tr>
              <th style={printLabelCell}>合格线</th>
              <td style={printCell}>
                {formatScore(aggregate.passMark)} 批次排名：{aggregate.rank ?? '—'} 总分极差：
                {formatScore(aggregate.totalSpread)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <div style={{ marginTop: '6mm' }}>
        {sheets.map(({ expert, sheet }) => (
          <section key={expert.id} style={{ marginTop: '3mm', breakInside: 'avoid-page' }}>
            <div style={{ fontWeight: 700 }}>
              {expert.name}的评审意见（{chinaDateTime(sheet.submittedAt)}）
            </div>
            <div style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{sheet.overallOpinion || '—'}</div>
            {sheet.scores
              .filter((s) => s.comment)
              .map((s) => (
                <div key={s.key} style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>
                  {s.label}：{s.comment}
                </div>
              ))}
          </section>
        ))}
      </div>
      <div style={{ textAlign: 'right', marginTop: '12mm' }}>专家组组长（签字）： </div>
    </PrintSheet>
  );
}
