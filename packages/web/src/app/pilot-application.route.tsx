import { PilotApplicationDetailPage } from '../features/pilots/pilot-application-detail.page';
import { ReviewPanelSection } from '../features/reviews/review-panel.section';

/**
 * 申报详情 with its expert panel. Reviews builds on pilots (their states, the dossier), so the
 * page gets the panel from here rather than importing reviews: the features stay one-way.
 */
export function PilotApplicationRoute() {
  return <PilotApplicationDetailPage reviewPanel={ReviewPanelSection} />;
}
