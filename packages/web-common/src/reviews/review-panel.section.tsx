import type { PilotState } from '@xiangmeng/domain';

// PLACEHOLDER by W1 so the application detail page type-checks; W2 replaces this file with the
// real 专家评审 section (panel, proposal, swaps, sheets, aggregate). Props agreed with W1.
export function ReviewPanelSection(_props: {
  applicationId: string;
  state: PilotState;
  onChanged: () => void;
}) {
  return null;
}
