import { useQuery } from '@apollo/client/react';
import { ErrorCode } from '@xiangmeng/domain';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { InternationalProjectQuery } from './international.operations';
import { modeLabel } from './international-projects.page';

/** One international cooperation project: the partner and mode, the member units, and its ledger's page. */
export function InternationalProjectPage() {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(InternationalProjectQuery, {
    variables: { id: projectId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND)
      return (
        <Result
          status="404"
          title="项目不存在"
          subTitle="该国际合作项目不存在，或本单位无权查看。"
          extra={
            <Button type="primary" onClick={() => void navigate('/international/projects')}>
              返回国际合作项目
            </Button>
          }
        />
      );
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }
  const p = data.internationalProject;
  return (
    <Flex vertical gap={16}>
      {/* A record's page draws its trail from its list (the layout draws list pages' only). */}
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/international/projects">国际合作项目</Link> },
          { title: p.title },
        ]}
      />
      <Card
        title={p.title}
        extra={
          <Space>
            <Link to={`/projects/${p.id}`}>任务书、预算与拨付台账</Link>
            <Link to={`/programmes/applications/${p.applicationId}`}>申报材料</Link>
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          data-testid="international-project"
          items={[
            { key: 'partner', label: '外方合作单位', children: p.partnerName || '—' },
            {
              key: 'country',
              label: '国家或地区',
              children: p.partnerCountry ? `${p.partnerCountryName}（${p.partnerCountry}）` : '—',
            },
            { key: 'mode', label: '合作方式', children: modeLabel(p.mode) },
            { key: 'programme', label: '支持计划', children: p.programmeName },
            { key: 'unit', label: '承担单位', children: p.responsibleUnitName || '—' },
            { key: 'members', label: '参与的联盟成员单位', children: p.memberUnitNames.join('、') || '—' },
            { key: 'awardedOn', label: '立项日期', children: p.awardedOn },
            { key: 'award', label: '立项金额', children: formatFen(p.awardFen) },
          ]}
        />
      </Card>
    </Flex>
  );
}
