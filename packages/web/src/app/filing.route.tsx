import { FilingDetailPage } from '../features/filings/filing-detail.page';
import type { FilingState } from '@xiangmeng/domain';
import { ReviewPanelSection } from '../features/reviews/review-panel.section';

/** A filing's expert panel: the reviews section, reading the filing's panel. */
function FilingReviewPanel(props: { filingId: string; state: FilingState; onChanged: () => void }) {
  return (
    <ReviewPanelSection
      kind="FILING"
      applicationId={props.filingId}
      state={props.state}
      onChanged={props.onChanged}
    />
  );
}

/**
 * 备案详情 with its expert panel when the round asks for one. Reviews builds on filings (the
 * expert reads the filing's snapshot), so the page gets the panel from here: the features stay one-way.
 */
export function FilingRoute() {
  return <FilingDetailPage reviewPanel={FilingReviewPanel} />;
}
