import type { PilotState } from '@xiangmeng/domain';

// PLACEHOLDER by W1 so the application detail page type-checks; W2 replaces this file with the
// real 公示异议 section (record and answer objections). Props agreed with W1.
export function ObjectionsSection(_props: {
  applicationId: string;
  state: PilotState;
  onChanged: () => void;
}) {
  return null;
}
