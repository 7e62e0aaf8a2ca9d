import type { MeasuresParameters } from '@xiangmeng/domain';
import { Card, Flex, Tag, theme, Typography, type TableColumnsType } from 'antd';
import { PARAMETER_LABELS, PARAMETER_SECTIONS, type ParameterPath } from '@xiangmeng/domain';
import { ParameterValue } from './parameter-value';
import { ListTable } from '../../shared/list-table';

/** How a city version relates to the province's: which parameters it sets, and the province's values. */
export type ProvinceComparison = {
  province: MeasuresParameters;
  overridden: readonly ParameterPath[];
};

/**
 * Every parameter of a version in Chinese, grouped by article. With a comparison (a city's
 * version) it shows the value in effect, marks what the city overrides and gives the province's
 * value beside it.
 */
export function ParametersTable({
  parameters,
  comparison,
}: {
  parameters: MeasuresParameters;
  comparison?: ProvinceComparison;
}) {
  const { token } = theme.useToken();
  const isOverridden = (path: ParameterPath) => comparison?.overridden.includes(path) ?? false;
  const highlight = (path: ParameterPath) =>
    isOverridden(path) ? { style: { background: token.colorWarningBg } } : {};

  const columns: TableColumnsType<ParameterPath> = [
    {
      title: '参数',
      key: 'label',
      width: 220,
      onCell: highlight,
      render: (_: unknown, path) => PARAMETER_LABELS[path],
    },
    {
      title: comparison ? '本市执行' : '规定',
      key: 'value',
      onCell: highlight,
      render: (_: unknown, path) =>
        isOverridden(path) ? (
          <Flex gap={8} align="start">
            <Tag color="warning" style={{ marginInlineEnd: 0, flex: 'none' }}>
              本市覆盖
            </Tag>
            <Typography.Text strong>
              <ParameterValue path={path} parameters={parameters} />
            </Typography.Text>
          </Flex>
        ) : (
          <ParameterValue path={path} parameters={parameters} />
        ),
    },
  ];
  if (comparison) {
    columns.push({
      title: '省级规定',
      key: 'province',
      width: '36%',
      onCell: highlight,
      render: (_: unknown, path) =>
        isOverridden(path) ? (
          <Typography.Text type="secondary">
            <ParameterValue path={path} parameters={comparison.province} />
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">同省级</Typography.Text>
        ),
    });
  }

  return (
    <Flex vertical gap={16}>
      {PARAMETER_SECTIONS.map(({ section, title, paths }) => (
        <Card key={section} type="inner" title={title} size="small" styles={{ body: { padding: 0 } }}>
          <ListTable<ParameterPath>
            rowKey={(path) => path}
            columns={columns}
            dataSource={paths}
            pagination={false}
            size="small"
            onRow={(path) => ({ 'data-overridden': isOverridden(path) ? 'true' : undefined }) as object}
          />
        </Card>
      ))}
    </Flex>
  );
}
