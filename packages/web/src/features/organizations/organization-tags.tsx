import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '@xiangmeng/domain';
import { Space, Tag, Tooltip } from 'antd';

type TaggedOrganization = {
  type: OrganizationType;
  inHunan: boolean;
  industryBackbone: boolean;
  typeMismatchWarning?: boolean;
};

/** Type, 行业骨干, 省外单位 (Art. 20(3)) and the type-mismatch hint of a directory entry. */
export function OrganizationTags({ organization }: { organization: TaggedOrganization }) {
  return (
    <Space size={4} wrap>
      <Tag>{ORGANIZATION_TYPE_LABELS[organization.type]}</Tag>
      {organization.industryBackbone && <Tag color="blue">行业骨干</Tag>}
      {!organization.inHunan && (
        <Tooltip title="信用代码登记地不在湖南省内">
          <Tag color="orange">省外单位</Tag>
        </Tooltip>
      )}
      {organization.typeMismatchWarning && (
        <Tooltip title="信用代码的登记管理部门与单位类型不一致，请核对">
          <Tag color="warning">类型待核对</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
