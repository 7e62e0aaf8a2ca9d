import { useMutation } from '@apollo/client/react';
import { Flex } from 'antd';
import {
  ObjectionsSummary,
  ObjectionsTable,
  RecordObjectionButton,
} from '../../shared/notice-objections.section';
import {
  AnswerFilingObjectionMutation,
  RecordFilingObjectionMutation,
  type FilingDetail,
} from './filings.operations';

const MUTATION_OPTIONS = { refetchQueries: 'active' as const, awaitRefetchQueries: true };

/**
 * 公示与异议: the notice period of a filing the round publicises, the objections received and
 * their answers (the province's staff). Filing waits until every objection is answered.
 */
export function FilingObjectionsSection({ filing }: { filing: FilingDetail }) {
  const [record] = useMutation(RecordFilingObjectionMutation, MUTATION_OPTIONS);
  const [answer] = useMutation(AnswerFilingObjectionMutation, MUTATION_OPTIONS);
  const publicised = filing.state === 'PUBLICISED';

  return (
    <Flex vertical gap={12} data-testid="filing-objections">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <ObjectionsSummary
          notice={filing}
          objections={filing.objections}
          style={{ flex: 1, minWidth: 320 }}
        />
        {publicised && (
          <RecordObjectionButton
            noticeStartsOn={filing.noticeStartsOn ?? null}
            record={(objection) => record({ variables: { filingId: filing.id, ...objection } })}
            testIdPrefix="filing-objection"
          />
        )}
      </Flex>
      <ObjectionsTable
        objections={filing.objections}
        answerable={publicised}
        answer={(id, text) => answer({ variables: { id, answer: text } })}
        answerHint="答复后不可修改；公示期满且异议均已答复后方可予以备案。"
        testIdPrefix="filing-objection"
      />
    </Flex>
  );
}
