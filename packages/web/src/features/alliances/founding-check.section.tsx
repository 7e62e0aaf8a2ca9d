import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { FOUNDING_CONDITION_INFO, FOUNDING_CONDITIONS, TenantLevel } from '@xiangmeng/domain';
import { Alert, Flex, List, Segmented, Typography, theme } from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import type { MeasuresBasis } from '../../gql/graphql';
import { FoundingCheckQuery } from './alliances.operations';

const BASIS_OPTIONS: { value: MeasuresBasis; label: string }[] = [
  { value: 'OWN', label: '按本级生效规则' },
  { value: 'PROVINCE', label: '按省级实施办法' },
];

/**
 * 第八条检查: the six founding conditions today, each with its article and why it fails. A city
 * can compare its own rules in force with the province's measures alone; for the province they are one.
 */
export function FoundingCheckSection({ allianceId }: { allianceId: string }) {
  const viewer = useSignedInViewer();
  const { token } = theme.useToken();
  const isCity = viewer.tenant.level === TenantLevel.CITY;
  const [basis, setBasis] = useState<MeasuresBasis>('OWN');
  const { data, previousData, loading, error, refetch } = useQuery(FoundingCheckQuery, {
    variables: { id: allianceId, basis },
    fetchPolicy: 'cache-and-network',
  });
  const check = (data ?? previousData)?.alliance.foundingCheck;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        {isCity ? (
          <Segmented<MeasuresBasis>
            value={basis}
            onChange={setBasis}
            options={BASIS_OPTIONS}
            aria-label="检查依据"
          />
        ) : (
          <Typography.Text>按省级实施办法检查</Typography.Text>
        )}
        {check && (
          <Typography.Text type="secondary" data-testid="founding-measures">
            依据《{check.measuresTitle}》，检查日期 {check.asOf}
          </Typography.Text>
        )}
      </Flex>
      {!check ? (
        loading ? (
          <PageLoading />
        ) : (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        )
      ) : (
        <>
          {check.allHold ? (
            <Alert
              type="success"
              showIcon
              title={`第八条六项基本条件全部满足${check.agreementVersionInEffect ? `（现行协议：第 ${check.agreementVersionInEffect} 版）` : ''}`}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={`${check.conditions.filter((c) => !c.holds).length} 项基本条件不满足（共 ${FOUNDING_CONDITIONS.length} 项）`}
              description={check.rootCauses.map((root) => {
                const rootCondition = check.conditions.find((c) => c.condition === root);
                const dependents = check.conditions.filter((c) => !c.holds && c.dependsOn === root);
                return (
                  <div key={root} data-testid={`founding-root-cause-${root}`}>
                    <Typography.Text strong>
                      根本原因：{FOUNDING_CONDITION_INFO[root].article} {FOUNDING_CONDITION_INFO[root].title}
                    </Typography.Text>
                    <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                      {rootCondition?.reasons.map((reason, index) => (
                        <li key={`${reason.code}-${index}`}>{reason.message}</li>
                      ))}
                    </ul>
                    {dependents.length > 0 && (
                      <Typography.Text type="secondary">
                        {dependents.map((c) => c.article).join('、')}
                        因此无法满足，解决上述问题后一并满足或再作检查。
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
            />
          )}
          <List
            bordered
            loading={loading && !data}
            dataSource={check.conditions}
            data-testid="founding-check"
            renderItem={(condition) => (
              <List.Item
                data-testid={`founding-condition-${condition.condition}`}
                data-holds={condition.holds ? 'true' : 'false'}
                data-depends-on={condition.dependsOn ?? undefined}
              >
                <Flex gap={12} align="start" style={{ width: '100%' }}>
                  {condition.holds ? (
                    <CheckCircleFilled
                      aria-label="满足"
                      style={{ color: token.colorSuccess, fontSize: 20, marginTop: 2 }}
                    />
                  ) : (
                    <CloseCircleFilled
                      aria-label="不满足"
                      style={{ color: token.colorError, fontSize: 20, marginTop: 2 }}
                    />
                  )}
                  <Flex vertical gap={4} style={{ minWidth: 0 }}>
                    <span>
                      <Typography.Text type="secondary">{condition.article}</Typography.Text>{' '}
                      <Typography.Text strong>{condition.title}</Typography.Text>
                    </span>
                    {condition.holds ? (
                      <Typography.Text type="success">满足</Typography.Text>
                    ) : (
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {condition.dependsOn ? (
                          <li>
                            <Typography.Text type="warning">
                              取决于{FOUNDING_CONDITION_INFO[condition.dependsOn].article}
                              ：联盟协议生效后再确认本项约定（原因见上）
                            </Typography.Text>
                          </li>
                        ) : (
                          condition.reasons.map((reason, index) => (
                            <li key={`${reason.code}-${index}`}>
                              <Typography.Text type="danger">{reason.message}</Typography.Text>
                            </li>
                          ))
                        )}
                      </ul>
                    )}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Flex>
  );
}
