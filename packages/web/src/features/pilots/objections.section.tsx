import { useMutation, useQuery } from '@apollo/client/react';
import { Role, type PilotState } from '@xiangmeng/domain';
import { Card, Typography } from 'antd';
import { useSignedInViewer } from '../auth/viewer.provider';
import { toApiError } from '../../shared/api-error';
import {
  ObjectionsSummary,
  ObjectionsTable,
  RecordObjectionButton,
} from '../../shared/notice-objections.section';
import {
  AnswerPilotObjectionMutation,
  PilotObjectionsQuery,
  RecordPilotObjectionMutation,
} from './objections.operations';

const STAFF_ROLES: readonly Role[] = [
  Role.PROVINCE_ADMIN,
  Role.PROVINCE_OFFICER,
  Role.CITY_ADMIN,
  Role.CITY_OFFICER,
];
// After 公示 the decision is final; an application decided straight from REVIEWED had no notice.
const DECIDED_STATES: readonly PilotState[] = ['APPROVED', 'DECLINED'];

type Props = { applicationId: string; state: PilotState; onChanged: () => void };

/** 公示与异议 (Art. 13): the notice period, objections received and their answers (authority staff). */
export function ObjectionsSection({ applicationId, state, onChanged }: Props) {
  const viewer = useSignedInViewer();
  const relevant = state === 'PUBLICISED' || DECIDED_STATES.includes(state);
  const { data, error, refetch } = useQuery(PilotObjectionsQuery, {
    variables: { id: applicationId },
    skip: !relevant,
    fetchPolicy: 'cache-and-network',
  });
  const [record] = useMutation(RecordPilotObjectionMutation);
  const [answer] = useMutation(AnswerPilotObjectionMutation);

  if (!relevant || !data) {
    return relevant && error ? (
      <Card title="公示与异议" size="small" style={{ marginTop: 16 }}>
        <Typography.Text type="danger">公示与异议加载失败：{toApiError(error).message}</Typography.Text>
      </Card>
    ) : null;
  }
  const application = data.pilotApplication;
  const authorityStaff =
    application.authority.id === viewer.tenant.id && viewer.roles.some((r) => STAFF_ROLES.includes(r));
  if (!authorityStaff) return null;
  const publicised = application.state === 'PUBLICISED';
  const objections = application.objections;
  // A decision taken without 公示 has nothing to show here.
  if (!publicised && objections.length === 0 && !application.noticeStartsOn) return null;

  const changed = () => {
    void refetch().catch(() => undefined);
    onChanged();
  };

  return (
    <Card
      title="公示与异议"
      style={{ marginTop: 16 }}
      data-testid="objections-section"
      extra={
        publicised ? (
          <RecordObjectionButton
            noticeStartsOn={application.noticeStartsOn ?? null}
            record={(objection) => record({ variables: { applicationId, ...objection } })}
            onRecorded={changed}
            testIdPrefix="objection"
          />
        ) : undefined
      }
    >
      <ObjectionsSummary
        notice={application}
        objections={objections}
        periodTestId="notice-period"
        style={{ marginBottom: 12 }}
      />
      <ObjectionsTable
        objections={objections}
        answerable={publicised}
        answer={(id, text) => answer({ variables: { id, answer: text } })}
        answerHint="答复后不可修改，异议均答复且公示期满后方可作出决定。"
        onAnswered={changed}
        testIdPrefix="objection"
      />
    </Card>
  );
}
