import { useSignedInViewer } from '@xiangmeng/web';
import { Card, Descriptions, Typography } from 'antd';

/** A city user's landing page: their own bureau and a welcome. */
export function BureauHomePage() {
  const viewer = useSignedInViewer();
  const { tenant } = viewer;
  return (
    <Card title="本单位">
      <Typography.Paragraph>
        {viewer.displayName}
        ，您好！欢迎使用湘盟市州工作端，在此办理本市州产业技术创新战略联盟的登记、试点推荐与备案等工作。
      </Typography.Paragraph>
      <Descriptions
        bordered
        column={1}
        items={[
          { key: 'name', label: '名称', children: tenant.name },
          { key: 'bureauName', label: '科技局', children: tenant.bureauName },
          { key: 'code', label: '代码', children: tenant.code },
        ]}
      />
    </Card>
  );
}
