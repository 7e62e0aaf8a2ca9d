import { useMutation } from '@apollo/client/react';
import { chinaDate, ErrorCode } from '@xiangmeng/domain';
import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { toApiError } from '../../shared/api-error';
import type { MeasuresFieldsFragment } from '../../gql/graphql';
import { MeasuresInForceQuery, MeasuresVersionsQuery, PublishMeasuresMutation } from './measures.operations';

/**
 * 「发布」 behind a confirmation: once published, a version binds from its effective date and
 * never changes again (the API answers MEASURES_NOT_DRAFT to any later edit).
 */
export function usePublishMeasures(): (measures: MeasuresFieldsFragment) => void {
  const { modal, message } = App.useApp();
  const [publish] = useMutation(PublishMeasuresMutation, {
    refetchQueries: [MeasuresVersionsQuery, MeasuresInForceQuery],
    awaitRefetchQueries: true,
  });

  return useCallback(
    (measures: MeasuresFieldsFragment) => {
      const alreadyEffective = measures.effectiveOn <= chinaDate(new Date());
      void modal.confirm({
        title: `发布第 ${measures.versionNo} 版实施办法？`,
        content: (
          <>
            <Typography.Paragraph>
              《{measures.title}》（{measures.documentNumber}）发布后，自生效日期 {measures.effectiveOn}{' '}
              起具有约束力{alreadyEffective ? '（该日期已到，发布即执行）' : ''}。
            </Typography.Paragraph>
            <Typography.Paragraph strong>
              已发布的版本永远不能再修改；如需调整，只能新建版本。
            </Typography.Paragraph>
          </>
        ),
        okText: '确认发布',
        cancelText: '取消',
        width: 520,
        onOk: async () => {
          try {
            await publish({ variables: { id: measures.id } });
            void message.success(`第 ${measures.versionNo} 版实施办法已发布`);
          } catch (error) {
            void message.error(publishFailure(error));
          }
        },
      });
    },
    [modal, message, publish],
  );
}

function publishFailure(error: unknown): string {
  const apiError = toApiError(error);
  // The one refusal publishing can meet: someone published (or the version was) already.
  if (apiError.code === ErrorCode.MEASURES_NOT_DRAFT) return '该版本已经发布，不能再修改；如需调整请新建版本';
  return apiError.violations.length > 0
    ? `${apiError.message}：${apiError.violations.map((v) => v.message).join('；')}`
    : apiError.message;
}
