import { useQuery } from '@apollo/client/react';
import { BUDGET_SOURCE_LABELS, ErrorCode, parseTaskContract, type BudgetSource } from '@xiangmeng/domain';
import { Result } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import {
  chineseDate,
  printCell,
  printLabelCell,
  PrintSheet,
  PRINT_TITLE_FONT,
} from '../../shared/print-sheet';
import { ProjectPrintQuery } from './projects.operations';

const table: CSSProperties = { width: '100%', borderCollapse: 'collapse' };
const head: CSSProperties = { ...printCell, fontWeight: 400, textAlign: 'center' };
const amount: CSSProperties = { ...printCell, textAlign: 'right', whiteSpace: 'nowrap' };

function Heading({ children }: { children: ReactNode }) {
  return (
    <div style={{ fontFamily: PRINT_TITLE_FONT, fontSize: '14pt', fontWeight: 700, margin: '6mm 0 2mm' }}>
      {children}
    </div>
  );
}

/**
 * 任务书: the project's task contract in force (targets, indicators, milestones, budget by source)
 * with the ledger's summary, on A4 under the awarding authority's header.
 */
export function ProjectTaskContractPrintPage() {
  const { projectId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ProjectPrintQuery, {
    variables: { id: projectId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND)
      return <Result status="404" title="项目不存在" subTitle="该项目不存在，或本单位无权查看。" />;
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }
  const p = data.project;
  const contract = parseTaskContract(p.contract);
  if (!contract) return <Result status="warning" title="任务书缺失" subTitle="该项目没有可打印的任务书。" />;
  // Budget by source: each source's lines summed, in the order the domain lists the sources.
  const bySource = (Object.keys(BUDGET_SOURCE_LABELS) as BudgetSource[])
    .map((source) => ({
      source,
      fen: contract.budget.lines
        .filter((l) => l.source === source)
        .reduce((sum, l) => sum + BigInt(l.amountFen), 0n),
    }))
    .filter((s) => s.fen > 0n);
  const rows: [string, string][] = [
    ['项目名称', contract.title || p.title],
    ['所在市州', p.city.name],
    ['承担单位', contract.responsibleUnit?.name ?? '—'],
    ['项目负责人', contract.responsiblePerson || '—'],
    ['执行期', `${chineseDate(contract.startOn)}至${chineseDate(contract.endOn)}`],
    ['支持方式', p.supportSourceLabel],
    ['立项金额', formatFen(p.awardFen)],
    ['立项日期', chineseDate(p.awardedOn)],
    ['项目状态', p.stateLabel],
  ];
  const totals: [string, string][] = [
    ['立项金额', p.totals.awardedFen],
    ['累计拨付', p.totals.disbursedFen],
    ['累计追回', p.totals.recoveredFen],
    ['已拨付净额', p.totals.netFen],
    ['尚可拨付', p.totals.remainingFen],
  ];
  return (
    <PrintSheet
      department={p.authority.bureauName}
      title="项目任务书"
      subtitle={contract.title || p.title}
      testId="project-task-contract-sheet"
    >
      <table style={table}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={printLabelCell}>{label}</th>
              <td style={printCell}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>一、目标任务</Heading>
      <div style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{contract.targets || '—'}</div>
      <Heading>二、考核指标</Heading>
      <table style={table}>
        <thead>
          <tr>
            <th style={{ ...head, width: '12mm' }}>序号</th>
            <th style={head}>指标</th>
            <th style={head}>目标值</th>
          </tr>
        </thead>
        <tbody>
          {contract.indicators.map((i, n) => (
            <tr key={`${i.name}-${n}`}>
              <td style={{ ...printCell, textAlign: 'center' }}>{n + 1}</td>
              <td style={printCell}>{i.name}</td>
              <td style={printCell}>{i.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>三、进度节点</Heading>
      <table style={table}>
        <thead>
          <tr>
            <th style={head}>节点</th>
            <th style={{ ...head, width: '40mm' }}>完成日期</th>
          </tr>
        </thead>
        <tbody>
          {contract.milestones.map((m, n) => (
            <tr key={`${m.title}-${n}`}>
              <td style={printCell}>{m.title}</td>
              <td style={{ ...printCell, textAlign: 'center' }}>{chineseDate(m.dueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>四、参与单位与任务分工</Heading>
      <table style={table}>
        <tbody>
          {contract.participants.map((x) => (
            <tr key={x.organizationId}>
              <th style={{ ...printLabelCell, width: '50mm' }}>{x.name}</th>
              <td style={printCell}>{x.task || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>五、经费预算（总经费 {formatFen(contract.budget.totalFen)}）</Heading>
      <table style={table} data-testid="task-contract-budget">
        <thead>
          <tr>
            <th style={{ ...head, width: '40mm' }}>来源</th>
            <th style={{ ...head, width: '40mm' }}>金额</th>
            <th style={head}>用途</th>
          </tr>
        </thead>
        <tbody>
          {contract.budget.lines.map((l, n) => (
            <tr key={`${l.source}-${n}`}>
              <td style={printCell}>{BUDGET_SOURCE_LABELS[l.source]}</td>
              <td style={amount}>{formatFen(l.amountFen)}</td>
              <td style={printCell}>{l.purpose}</td>
            </tr>
          ))}
          {bySource.map((s) => (
            <tr key={`sum-${s.source}`}>
              <th style={{ ...printCell, fontWeight: 700 }}>{`${BUDGET_SOURCE_LABELS[s.source]}小计`}</th>
              <td style={{ ...amount, fontWeight: 700 }}>{formatFen(s.fen.toString())}</td>
              <td style={printCell} />
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>六、经费拨付情况</Heading>
      <table style={table} data-testid="task-contract-ledger">
        <tbody>
          <tr>
            {totals.map(([label]) => (
              <th key={label} style={head}>
                {label}
              </th>
            ))}
          </tr>
          <tr>
            {totals.map(([label, fen]) => (
              <td key={label} style={amount}>
                {formatFen(fen)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {p.ledger.length > 0 && (
        <table style={{ ...table, marginTop: '3mm', fontSize: '11pt' }}>
          <thead>
            <tr>
              <th style={head}>日期</th>
              <th style={head}>类别</th>
              <th style={head}>金额</th>
              <th style={head}>文号</th>
            </tr>
          </thead>
          <tbody>
            {p.ledger.map((e) => (
              <tr key={e.id}>
                <td style={{ ...printCell, textAlign: 'center' }}>{e.entryOn}</td>
                <td style={{ ...printCell, textAlign: 'center' }}>{e.kindLabel}</td>
                <td style={amount}>{formatFen(e.amountFen)}</td>
                <td style={printCell}>{e.documentNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintSheet>
  );
}
