import { ExpertsResolver } from './experts.resolver';
import { PanelsResolver } from './panels.resolver';
import { PilotApplicationPanelResolver } from './pilot-application-panel.resolver';
import { ReviewSheetsResolver } from './review-sheets.resolver';

/** The schema emitter's list of this module's resolvers. */
export const REVIEW_RESOLVERS = [
  ExpertsResolver,
  PanelsResolver,
  ReviewSheetsResolver,
  PilotApplicationPanelResolver,
];
