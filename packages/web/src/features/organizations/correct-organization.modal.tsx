import { useApolloClient, useMutation } from '@apollo/client/react';
import type { OrganizationType } from '@xiangmeng/domain';
import { Alert, App, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../shared/form-modal';
import { OrganizationDetailFields } from './organization-detail-fields';
import { organizationTypeWarning } from './organization-rules';
import { CorrectOrganizationMutation, OrganizationSearchQuery } from './organizations.operations';

/** The directory entry being corrected, as the page that offers 更正 already has it. */
export type CorrectableOrganization = {
  id: string;
  name: string;
  creditCode: string;
  type: OrganizationType;
  legalRepresentative: string;
  industryBackbone: boolean;
  backboneBasis: string;
  /** The entry's version as read: a correction based on it is refused if someone corrected it since. */
  version: number;
};

type CorrectOrganizationValues = {
  name: string;
  type: OrganizationType;
  legalRepresentative: string;
  industryBackbone: boolean;
  backboneBasis: string;
};

/**
 * 更正: fixes a directory entry (name, type, legal representative, 行业骨干). The credit code
 * identifies the legal person and is not corrected. Mount it afresh for each opening (key it).
 */
export function CorrectOrganizationModal({
  open,
  organization,
  onClose,
}: {
  open: boolean;
  organization: CorrectableOrganization;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectOrganizationValues>();
  const [correctOrganization, { loading }] = useMutation(CorrectOrganizationMutation);
  const industryBackbone = Form.useWatch('industryBackbone', form) ?? organization.industryBackbone;
  const client = useApolloClient();
  const [baseVersion, setBaseVersion] = useState(organization.version);

  // After a refused stale correction: the entry as it is now, in place of what was typed.
  async function reload() {
    const { data } = await client.query({
      query: OrganizationSearchQuery,
      variables: { search: organization.creditCode, first: 1 },
      fetchPolicy: 'network-only',
    });
    const latest = data?.organizations.find((o) => o.id === organization.id);
    if (latest) {
      form.setFieldsValue({
        name: latest.name,
        type: latest.type,
        legalRepresentative: latest.legalRepresentative,
        industryBackbone: latest.industryBackbone,
        backboneBasis: latest.backboneBasis,
      });
      setBaseVersion(latest.version);
    }
    await client.refetchQueries({ include: 'active' });
  }

  async function correct(values: CorrectOrganizationValues) {
    await correctOrganization({
      variables: {
        input: {
          id: organization.id,
          name: values.name.trim(),
          type: values.type,
          legalRepresentative: values.legalRepresentative.trim(),
          industryBackbone: values.industryBackbone,
          backboneBasis: values.industryBackbone ? (values.backboneBasis ?? '').trim() : '',
          version: baseVersion,
        },
      },
      // The alliance page's queries (members, chair, signatures) show the corrected entry.
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`「${values.name.trim()}」的名录信息已更正`);
    onClose();
  }

  return (
    <FormModal<CorrectOrganizationValues>
      open={open}
      title="更正单位信息"
      okText="保存更正"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="correct-organization"
      initialValues={{
        name: organization.name,
        type: organization.type,
        legalRepresentative: organization.legalRepresentative,
        industryBackbone: organization.industryBackbone,
        backboneBasis: organization.backboneBasis,
      }}
      onSubmit={correct}
      onReload={reload}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="更正的是全省单位名录中的这一条目"
          description="列有该单位的所有联盟都将显示更正后的信息；更正前后的内容记入审计日志。"
        />
      }
    >
      <Form.Item label="统一社会信用代码" extra="信用代码标识法人，不能更正">
        <Typography.Text data-testid="correct-organization-credit-code" style={{ fontFamily: 'monospace' }}>
          {organization.creditCode}
        </Typography.Text>
      </Form.Item>
      <OrganizationDetailFields
        industryBackbone={industryBackbone}
        typeRules={[organizationTypeWarning(organization.creditCode)]}
      />
    </FormModal>
  );
}
