import { useMutation } from '@apollo/client/react';
import { App, Form, Typography, type ButtonProps } from 'antd';
import { FormModal } from '../../shared/form-modal';
import { placeViolations } from '../../shared/form-violations';
import { ReasonField } from '../../shared/reason-field';
import {
  RecommendFilingNationallyMutation,
  WithdrawNationalRecommendationMutation,
  type FilingDetail,
} from './filings.operations';

type Values = { text: string };

/**
 * 推荐参加国家层面试点, or withdrawing that recommendation: a filed alliance only, by a province
 * administrator, with the written opinion (or reason) it rests on.
 */
export function NationalRecommendationModal({
  filing,
  onClose,
}: {
  filing: FilingDetail;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const withdrawing = filing.nationallyRecommended;
  const options = { refetchQueries: 'active' as const, awaitRefetchQueries: true };
  const [recommend, { loading: recommending }] = useMutation(RecommendFilingNationallyMutation, options);
  const [withdraw, { loading: withdrawingNow }] = useMutation(
    WithdrawNationalRecommendationMutation,
    options,
  );
  const label = withdrawing ? '撤回推荐理由' : '推荐意见';
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    danger: withdrawing,
    'data-testid': 'filing-national-confirm',
  };

  async function save(values: Values) {
    const text = values.text.trim();
    const variables = { id: filing.id, version: filing.version };
    if (withdrawing) await withdraw({ variables: { ...variables, reason: text } });
    else await recommend({ variables: { ...variables, opinion: text } });
    void message.success(withdrawing ? '已撤回国家层面推荐' : '已推荐参加国家层面试点');
    onClose();
  }

  return (
    <FormModal<Values>
      open
      title={`${withdrawing ? '撤回国家层面推荐' : '推荐参加国家层面试点'} · ${filing.allianceName}`}
      okText={withdrawing ? '确认撤回' : '确认推荐'}
      okButtonProps={okButtonProps}
      loading={recommending || withdrawingNow}
      onCancel={onClose}
      width={600}
      form={form}
      name="filing-national"
      onSubmit={save}
      placeError={(form, error) =>
        // The API names the text by its argument.
        placeViolations(
          form,
          {
            ...error,
            violations: error.violations.map((v) =>
              v.field === 'opinion' || v.field === 'reason' ? { ...v, field: 'text' } : v,
            ),
          },
          ['text'],
        )
      }
      errorTestId="filing-national-error"
      intro={
        <Typography.Paragraph>
          {withdrawing
            ? '撤回后，该联盟不再列入推荐参加国家层面试点的名单；备案本身不受影响。'
            : '已备案的联盟，省科技厅可推荐其参加国家层面的试点。推荐意见随推荐材料报送。'}
        </Typography.Paragraph>
      }
    >
      <ReasonField name="text" label={label} testId="filing-national-text" />
    </FormModal>
  );
}
