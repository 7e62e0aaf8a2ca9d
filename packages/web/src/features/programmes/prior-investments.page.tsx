import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { isStaff } from '@xiangmeng/domain';
import {
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Switch,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { PriorInvestmentFieldsFragment } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaDateTime, formatFen, isYuanAmount, yuanToFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { ApplicableAlliancesQuery, PilotAllianceDocumentsQuery } from '../pilots/pilots.operations';
import { ProgrammesQuery } from './programmes.operations';
import {
  DeclarePriorInvestmentMutation,
  PriorInvestmentsQuery,
  VerifyPriorInvestmentMutation,
} from './programme-applications.operations';
import { ExportButton } from '../../shared/export-button';
import { ListTable } from '../../shared/list-table';

type Investment = PriorInvestmentFieldsFragment;

/**
 * 先行投入 (Art. 14): a city declares its alliances' prior investment with evidence to the
 * authority that verifies it; the authority verifies each once (less than declared only with a
 * reason). Only verified amounts count towards support.
 */
export function PriorInvestmentsPage() {
  const viewer = useSignedInViewer();
  const city = viewer.tenant.level === 'CITY';
  const [unverifiedOnly, setUnverifiedOnly] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const [verifying, setVerifying] = useState<Investment | null>(null);
  const { data, loading, error, refetch } = useQuery(PriorInvestmentsQuery, {
    variables: { filter: { unverifiedOnly } },
    fetchPolicy: 'cache-and-network',
  });
  const alliances = useQuery(ApplicableAlliancesQuery, { skip: !city });
  const allianceNames = new Map((alliances.data?.alliances.nodes ?? []).map((a) => [a.id, a.name] as const));

  const columns: TableColumnsType<Investment> = [
    ...(city
      ? [
          {
            title: '联盟',
            key: 'alliance',
            width: 220,
            ellipsis: true,
            render: (_: unknown, i: Investment) => allianceNames.get(i.allianceId) ?? '—',
          },
        ]
      : []),
    { title: '投入内容', dataIndex: 'description', key: 'description', ellipsis: true },
    {
      title: '申报金额',
      key: 'declared',
      width: 150,
      align: 'right',
      render: (_: unknown, i) => formatFen(i.declaredFen),
    },
    {
      title: '核定金额',
      key: 'verified',
      width: 150,
      align: 'right',
      render: (_: unknown, i) =>
        i.verifiedFen !== null && i.verifiedFen !== undefined ? formatFen(i.verifiedFen) : <Tag>待核定</Tag>,
    },
    {
      title: '核减理由',
      key: 'reason',
      width: 200,
      ellipsis: true,
      render: (_: unknown, i) => i.verificationReason ?? '—',
    },
    {
      title: '申报时间',
      key: 'declaredAt',
      width: 170,
      render: (_: unknown, i) => chinaDateTime(i.declaredAt),
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, i) =>
        i.verifiedFen === null && i.authorityTenantId === viewer.tenant.id && isStaff(viewer.roles) ? (
          <Button size="small" type="primary" onClick={() => setVerifying(i)}>
            核定
          </Button>
        ) : (
          <Typography.Text type="secondary">{i.verifiedOn ?? '—'}</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="先行投入"
        extra={
          <Space wrap>
            <ExportButton list="prior-investments" filter={{ unverifiedOnly }} />
            {
              <Flex gap={12} align="center">
                <span>
                  只看待核定 <Switch size="small" checked={unverifiedOnly} onChange={setUnverifiedOnly} />
                </span>
                {city && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
                    申报先行投入
                  </Button>
                )}
              </Flex>
            }
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          支持金额不超过经核定的先行投入按实施办法配比计算的上限（第十四条）；未核定的先行投入不计入。
        </Typography.Paragraph>
        {error && !data ? (
          <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <ListTable<Investment>
            rowKey="id"
            columns={columns}
            dataSource={data?.priorInvestments ?? []}
            loading={loading && !data}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无先行投入" /> }}
          />
        )}
      </Card>
      {declaring && <DeclareModal onClose={() => setDeclaring(false)} />}
      {verifying && <VerifyModal investment={verifying} onClose={() => setVerifying(null)} />}
    </Flex>
  );
}

type DeclareValues = {
  allianceId: string;
  authorityTenantId: string;
  description: string;
  declaredYuan: string;
  evidenceDocumentIds: string[];
};

function DeclareModal({ onClose }: { onClose: () => void }) {
  const viewer = useSignedInViewer();
  const [form] = Form.useForm<DeclareValues>();
  const alliances = useQuery(ApplicableAlliancesQuery);
  const programmes = useQuery(ProgrammesQuery);
  const allianceId = Form.useWatch('allianceId', form);
  const documents = useQuery(PilotAllianceDocumentsQuery, {
    variables: { id: allianceId ?? '' },
    skip: !allianceId,
  });
  const [declare, { loading }] = useMutation(DeclarePriorInvestmentMutation, {
    refetchQueries: [PriorInvestmentsQuery],
    awaitRefetchQueries: true,
  });
  // Who verifies: the province for its programmes, the city itself for its own.
  const authorities = new Map<string, string>([[viewer.tenant.id, `${viewer.tenant.name}（本单位）`]]);
  for (const p of programmes.data?.programmes ?? [])
    if (!p.isMine) authorities.set(p.authority.id, p.authority.name);

  async function submit(values: DeclareValues) {
    if (!isYuanAmount(values.declaredYuan)) {
      form.setFields([{ name: 'declaredYuan', errors: ['请填写金额（元，最多两位小数）'] }]);
      throw new Error('请检查金额');
    }
    await declare({
      variables: {
        input: {
          allianceId: values.allianceId,
          authorityTenantId: values.authorityTenantId,
          description: values.description,
          declaredFen: yuanToFen(values.declaredYuan),
          evidenceDocumentIds: values.evidenceDocumentIds ?? [],
        },
      },
    });
    onClose();
  }

  return (
    <FormModal<DeclareValues>
      open
      title="申报先行投入"
      okText="确认申报"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="prior-investment"
      width={640}
      onSubmit={submit}
      placeError={(f, e) =>
        showViolationsOnForm(f, e, (field) => {
          const name = field.replace(/^input\./, '');
          if (name === 'declaredFen') return ['declaredYuan'];
          if (name === 'evidence') return ['evidenceDocumentIds'];
          return [name];
        })
      }
      intro={
        <Typography.Paragraph type="secondary">
          申报后不可修改；核定单位核定后，核定金额计入支持上限。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="联盟" name="allianceId" rules={[{ required: true, message: '请选择联盟' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(alliances.data?.alliances.nodes ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item
        label="核定单位"
        name="authorityTenantId"
        rules={[{ required: true, message: '请选择核定单位' }]}
      >
        <Select options={[...authorities].map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        label="投入内容"
        name="description"
        rules={[
          { required: true, whitespace: true, message: '请说明先行投入的内容' },
          { max: 500, message: '不超过 500 字' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item
        label="申报金额（元）"
        name="declaredYuan"
        rules={[{ required: true, message: '请填写金额' }]}
      >
        <Input placeholder="5000000" />
      </Form.Item>
      <Form.Item
        label="证明材料（本联盟已上传的文件）"
        name="evidenceDocumentIds"
        rules={[{ required: true, message: '请选择证明材料' }]}
      >
        <Select
          mode="multiple"
          disabled={!allianceId}
          options={(documents.data?.alliance.documents ?? []).map((d) => ({
            value: d.id,
            label: d.fileName,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}

type VerifyValues = { verifiedYuan: string; reason?: string };

function VerifyModal({ investment, onClose }: { investment: Investment; onClose: () => void }) {
  const [form] = Form.useForm<VerifyValues>();
  const [verify, { loading }] = useMutation(VerifyPriorInvestmentMutation);

  async function submit(values: VerifyValues) {
    if (!isYuanAmount(values.verifiedYuan)) {
      form.setFields([{ name: 'verifiedYuan', errors: ['请填写金额（元，最多两位小数）'] }]);
      throw new Error('请检查金额');
    }
    await verify({
      variables: {
        input: {
          id: investment.id,
          verifiedFen: yuanToFen(values.verifiedYuan),
          reason: values.reason?.trim() || null,
        },
      },
    });
    onClose();
  }

  return (
    <FormModal<VerifyValues>
      open
      title="核定先行投入"
      okText="确认核定"
      loading={loading}
      onCancel={onClose}
      form={form}
      name="verify-investment"
      onSubmit={submit}
      placeError={(f, e) =>
        showViolationsOnForm(f, e, (field) =>
          field.endsWith('verifiedFen') ? ['verifiedYuan'] : [field.replace(/^input\./, '')],
        )
      }
      intro={
        <Typography.Paragraph>
          {investment.description}：申报 {formatFen(investment.declaredFen)}
          。核定后不可更改；核定金额低于申报金额时须说明核减理由。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        label="核定金额（元）"
        name="verifiedYuan"
        rules={[{ required: true, message: '请填写核定金额' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label="核减理由" name="reason" rules={[{ max: 2000, message: '不超过 2000 字' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
