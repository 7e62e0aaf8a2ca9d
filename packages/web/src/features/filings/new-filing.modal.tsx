import { useMutation, useQuery } from '@apollo/client/react';
import { ALLIANCE_STATUS_LABELS, PILOT_STATUS_LABELS } from '@xiangmeng/domain';
import { App, Form, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { FormModal } from '../../shared/form-modal';
import { placeViolations } from '../../shared/form-violations';
import { chinaDateTime } from '../../shared/format';
import { roundLabel } from './filing-values';
import { CreateFilingMutation, FilableAlliancesQuery, FilingRoundsQuery } from './filings.operations';

type Values = { roundId: string; allianceId: string };

/**
 * 新建备案: one of the rounds open now and one of the city's alliances. Which alliances may be
 * filed (established, the city's pilot, no other live filing: Art. 21) the API decides and says.
 */
export function NewFilingModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const rounds = useQuery(FilingRoundsQuery, { fetchPolicy: 'cache-and-network' });
  const alliances = useQuery(FilableAlliancesQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading }] = useMutation(CreateFilingMutation, { refetchQueries: 'active' });
  const open = (rounds.data?.filingRounds ?? []).filter((r) => r.isOpen);

  async function save(values: Values) {
    const { data } = await create({ variables: values });
    void message.success('备案草稿已创建，请填写重大影响说明并附上材料');
    onClose();
    if (data) void navigate(`/filings/${data.createFiling.id}`);
  }

  return (
    <FormModal<Values>
      open
      title="新建备案"
      okText="创建备案草稿"
      okButtonProps={{ disabled: open.length === 0 }}
      loading={loading}
      onCancel={onClose}
      width={600}
      form={form}
      name="new-filing"
      initialValues={open.length === 1 ? { roundId: open[0]?.id } : {}}
      onSubmit={save}
      placeError={(form, error) => placeViolations(form, error, ['roundId', 'allianceId'])}
      errorTestId="new-filing-error"
      intro={
        <Typography.Paragraph type="secondary">
          根据第二十一条，本市州开展试点、对全省相关产业发展具有重大影响的联盟，可自愿报省科技厅备案。
          {rounds.data && open.length === 0 ? '目前没有正在受理的备案批次。' : ''}
        </Typography.Paragraph>
      }
    >
      <Form.Item label="备案批次" name="roundId" rules={[{ required: true, message: '请选择备案批次' }]}>
        <Select
          placeholder="选择正在受理的备案批次"
          loading={rounds.loading && !rounds.data}
          notFoundContent={rounds.error ? toApiError(rounds.error).message : '没有正在受理的备案批次'}
          data-testid="new-filing-round"
          options={open.map((r) => ({
            value: r.id,
            label: `${roundLabel(r)}，${chinaDateTime(r.closesAt)} 截止`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label="联盟"
        name="allianceId"
        rules={[{ required: true, message: '请选择联盟' }]}
        extra="只有本市州已成立的试点联盟（或本市州承建的省级试点联盟）可以备案，且一个联盟同时只能有一项备案"
      >
        <Select
          showSearch={{ optionFilterProp: 'name' }}
          placeholder="选择本市州联盟名录中的联盟"
          loading={alliances.loading && !alliances.data}
          notFoundContent={alliances.error ? toApiError(alliances.error).message : '本市州联盟名录中暂无联盟'}
          data-testid="new-filing-alliance"
          options={(alliances.data?.alliances.nodes ?? []).map((a) => ({
            value: a.id,
            name: a.name,
            label: `${a.name}（${ALLIANCE_STATUS_LABELS[a.status]} · ${PILOT_STATUS_LABELS[a.pilotStatus]}）`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
