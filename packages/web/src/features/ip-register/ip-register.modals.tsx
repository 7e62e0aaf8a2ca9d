import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { IP_ASSET_KIND_LABELS, licenseeInProvince } from '@xiangmeng/domain';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { IpAssetFieldsFragment } from '../../gql/graphql';
import { toCalendarDate } from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { isYuanAmount, yuanToFen } from '../../shared/format';
import { dottedPath, showViolationsOnForm } from '../../shared/form-violations';
import {
  IpAssetsQuery,
  ProjectIpShareQuery,
  RecordIpAssetMutation,
  RecordIpLicenceMutation,
} from './ip-register.operations';

export type IpProject = {
  id: string;
  title: string;
  participants: { organizationId: string; name: string }[];
};

const KIND_OPTIONS = Object.entries(IP_ASSET_KIND_LABELS).map(([value, label]) => ({ value, label }));

type AssetValues = {
  projectId: string;
  kind: string;
  title: string;
  number: string;
  grantedOn: Dayjs;
  owners: { organizationId?: string; percent?: number }[];
};

// The API names owners' shares in basis points; the form asks for percent.
const assetPath = (field: string) =>
  dottedPath(field).map((part) => (part === 'basisPoints' ? 'percent' : part));

/** 登记知识产权 (Art. 20): owned by the units of the project's task contract, shares adding up to 100 %. */
export function RecordIpAssetModal({
  projects,
  projectId,
  onClose,
}: {
  projects: IpProject[];
  projectId: string | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssetValues>();
  const chosen = Form.useWatch('projectId', form) ?? projectId;
  const participants = projects.find((p) => p.id === chosen)?.participants ?? [];
  const [record, { loading }] = useMutation(RecordIpAssetMutation, {
    refetchQueries: [IpAssetsQuery, ProjectIpShareQuery],
    awaitRefetchQueries: true,
  });

  async function save(values: AssetValues) {
    await record({
      variables: {
        input: {
          projectId: values.projectId,
          kind: values.kind,
          title: values.title.trim(),
          number: values.number.trim(),
          grantedOn: toCalendarDate(values.grantedOn),
          owners: (values.owners ?? []).map((o) => ({
            organizationId: o.organizationId ?? '',
            basisPoints: Math.round((o.percent ?? 0) * 100),
          })),
        },
      },
    });
    void message.success('知识产权已登记');
    onClose();
  }

  return (
    <FormModal<AssetValues>
      open
      title="登记知识产权"
      okText="登记"
      loading={loading}
      onCancel={onClose}
      width={720}
      form={form}
      name="ip-asset"
      initialValues={{
        projectId: projectId ?? undefined,
        kind: 'INVENTION_PATENT',
        owners: [{ percent: 100 }],
      }}
      onSubmit={save}
      placeError={(f, error) => showViolationsOnForm(f, error, assetPath)}
      errorTestId="ip-asset-error"
      intro={
        <Typography.Paragraph type="secondary">
          第二十条第（一）项：项目形成的知识产权由项目承担单位依法取得。权利人须为项目任务书所列单位，各方份额之和为
          100 %。登记后不能修改或删除。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="项目" name="projectId" rules={[{ required: true, message: '请选择项目' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={projects.map((p) => ({ value: p.id, label: p.title }))}
          onChange={() => form.setFieldValue('owners', [{ percent: 100 }])}
        />
      </Form.Item>
      <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择知识产权类别' }]}>
        <Select options={KIND_OPTIONS} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        label="名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="编号"
        name="number"
        extra="专利号、登记号或标准号"
        rules={[{ required: true, whitespace: true, message: '请填写编号' }]}
      >
        <Input maxLength={100} style={{ width: 320 }} />
      </Form.Item>
      <Form.Item
        label="授权（登记、发布）日期"
        name="grantedOn"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item label="权利人及份额" required>
        <Form.List name="owners">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    rules={[{ required: true, message: '请选择权利人' }]}
                    noStyle={false}
                  >
                    <Select
                      placeholder={chosen ? '任务书所列单位' : '请先选择项目'}
                      style={{ width: 320 }}
                      options={participants.map((p) => ({ value: p.organizationId, label: p.name }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'percent']}
                    rules={[{ required: true, message: '请填写份额' }]}
                  >
                    <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 130 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ percent: undefined })}>
                添加权利人
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}

type LicenceValues = {
  licenseeName: string;
  creditCode: string;
  inProvince: boolean;
  paid: boolean;
  feeYuan: string;
  licensedOn: Dayjs;
};

const LICENCE_FIELDS: Record<string, string> = {
  'licensee.name': 'licenseeName',
  'licensee.creditCode': 'creditCode',
  feeFen: 'feeYuan',
};
const licencePath = (field: string) => {
  const bare = field.replace(/^input\./, '');
  return [LICENCE_FIELDS[bare] ?? bare];
};

/** 登记许可 (Art. 20(3)): to whom, in the province or not, paid or free. */
export function RecordIpLicenceModal({
  asset,
  onClose,
}: {
  asset: IpAssetFieldsFragment;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LicenceValues>();
  const paid = Form.useWatch('paid', form) ?? true;
  const [record, { loading }] = useMutation(RecordIpLicenceMutation, {
    refetchQueries: [IpAssetsQuery, ProjectIpShareQuery],
    awaitRefetchQueries: true,
  });

  async function save(values: LicenceValues) {
    const creditCode = values.creditCode?.trim().toUpperCase() || null;
    await record({
      variables: {
        input: {
          assetId: asset.id,
          licensee: { name: values.licenseeName.trim(), creditCode },
          inProvince: values.inProvince,
          paid: values.paid,
          feeFen: values.paid ? yuanToFen(values.feeYuan.trim()) : '0',
          licensedOn: toCalendarDate(values.licensedOn),
        },
      },
    });
    void message.success('许可已登记');
    onClose();
  }

  return (
    <FormModal<LicenceValues>
      open
      title={`登记许可 · ${asset.title}`}
      okText="登记"
      loading={loading}
      onCancel={onClose}
      width={640}
      form={form}
      name="ip-licence"
      initialValues={{ inProvince: true, paid: true }}
      onSubmit={save}
      placeError={(f, error) => showViolationsOnForm(f, error, licencePath)}
      errorTestId="ip-licence-error"
      intro={
        <Typography.Paragraph type="secondary">
          第二十条第（三）项：联盟应当将项目形成的知识产权有偿或无偿许可省内其他单位实施。填写被许可单位的统一社会信用代码时，是否省内以代码为准。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="被许可单位"
        name="licenseeName"
        rules={[{ required: true, whitespace: true, message: '请填写被许可单位' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="统一社会信用代码（选填）" name="creditCode">
        <Input
          maxLength={18}
          style={{ width: 260 }}
          onChange={(e) => {
            const inProvince = licenseeInProvince(e.target.value.trim().toUpperCase());
            if (inProvince !== null) form.setFieldValue('inProvince', inProvince);
          }}
        />
      </Form.Item>
      <Form.Item label="被许可单位所在地" name="inProvince">
        <Radio.Group
          options={[
            { value: true, label: '省内' },
            { value: false, label: '省外' },
          ]}
        />
      </Form.Item>
      <Form.Item label="许可方式" name="paid">
        <Radio.Group
          options={[
            { value: true, label: '有偿' },
            { value: false, label: '无偿' },
          ]}
        />
      </Form.Item>
      {paid && (
        <Form.Item
          label="许可费（元）"
          name="feeYuan"
          rules={[
            { required: true, whitespace: true, message: '请填写许可费' },
            {
              validator: (_, v: string | undefined) =>
                !v || (isYuanAmount(v.trim()) && yuanToFen(v.trim()) !== '0')
                  ? Promise.resolve()
                  : Promise.reject(new Error('许可费应为大于零的金额，至多两位小数')),
            },
          ]}
        >
          <Input style={{ width: 200 }} suffix="元" />
        </Form.Item>
      )}
      <Form.Item label="许可日期" name="licensedOn" rules={[{ required: true, message: '请选择许可日期' }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
