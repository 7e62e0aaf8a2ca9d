import { AGGREGATION_RULE_LABELS } from '@xiangmeng/domain';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import type { ReviewAggregateFieldsFragment } from '../../gql/graphql';
import { formatScore, isSplitPanel, SPLIT_PANEL_SPREAD } from './review-format';
import { ListTable } from '../../shared/list-table';

const SPLIT_COLOR = '#d46b08';

/** The spread of the experts' totals; orange when the panel is split. */
export function SpreadText({ spread }: { spread: number }) {
  const split = isSplitPanel(spread);
  return (
    <Typography.Text style={split ? { color: SPLIT_COLOR, fontWeight: 600 } : undefined} data-split={split}>
      {formatScore(spread)}
    </Typography.Text>
  );
}

export function PassTag({ passes }: { passes: boolean }) {
  return passes ? <Tag color="success">达到合格线</Tag> : <Tag color="error">未达合格线</Tag>;
}

/** 评审汇总: per criterion and total by the measures' rule, with the spread so a split panel stands out. */
export function ReviewAggregateView({ aggregate }: { aggregate: ReviewAggregateFieldsFragment }) {
  const split = isSplitPanel(aggregate.totalSpread);
  return (
    <div data-testid="panel-aggregate">
      {split && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="panel-split"
          title={`专家意见分歧较大：总分最高与最低相差 ${formatScore(aggregate.totalSpread)} 分（≥ ${SPLIT_PANEL_SPREAD} 分），请关注各专家评分表。`}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="汇总总分">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="aggregate-total">
            {formatScore(aggregate.total)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="合格线">{formatScore(aggregate.passMark)}</Descriptions.Item>
        <Descriptions.Item label="结果">
          <PassTag passes={aggregate.passes} />
        </Descriptions.Item>
        <Descriptions.Item label="批次排名">
          <span data-testid="aggregate-rank">{aggregate.rank ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="总分极差">
          <SpreadText spread={aggregate.totalSpread} />
        </Descriptions.Item>
        <Descriptions.Item label="总分标准差">{formatScore(aggregate.totalStdDev)}</Descriptions.Item>
        <Descriptions.Item label="汇总规则">{AGGREGATION_RULE_LABELS[aggregate.rule]}</Descriptions.Item>
        <Descriptions.Item label="计入评分表">
          {aggregate.sheets} 份{aggregate.trimmed ? '（已去掉最高分和最低分）' : ''}
        </Descriptions.Item>
      </Descriptions>
      <ListTable
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={aggregate.criteria}
        columns={[
          { title: '评审指标', dataIndex: 'label', key: 'label' },
          {
            title: '汇总得分',
            key: 'value',
            align: 'right',
            render: (_v, c) => formatScore(c.value),
          },
          {
            title: '最低 – 最高',
            key: 'range',
            align: 'right',
            render: (_v, c) => (
              <span style={isSplitPanel(c.max - c.min) ? { color: SPLIT_COLOR } : undefined}>
                {formatScore(c.min)} – {formatScore(c.max)}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
