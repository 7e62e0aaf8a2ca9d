import { AppError } from '../../common/errors/app-error';

// Expert review's refusals, each with its own code; `message` says it for the step at hand.

/** The panel is formed once, after acceptance and before the review starts. */
export function panelFormingClosed(): AppError {
  return new AppError('PANEL_FORMING_CLOSED');
}

/** Proposals and swaps belong to an accepted application or one in review. */
export function panelClosed(message?: string): AppError {
  return new AppError('PANEL_CLOSED', {}, message);
}

export function seatWithdrawn(message?: string): AppError {
  return new AppError('SEAT_WITHDRAWN', {}, message);
}

export function reviewNotOpen(message: string): AppError {
  return new AppError('REVIEW_NOT_OPEN', {}, message);
}

export function sheetNotSubmitted(): AppError {
  return new AppError('REVIEW_SHEET_NOT_SUBMITTED');
}

export function sheetChanged(): AppError {
  return new AppError('REVIEW_SHEET_CHANGED');
}

export function sheetLocked(): AppError {
  return new AppError('REVIEW_SHEET_LOCKED');
}

/** No score before the commitment and no-conflict declaration (承诺书/回避声明). */
export function declarationRequired(): AppError {
  return new AppError('DECLARATION_REQUIRED');
}

export function declarationOutdated(): AppError {
  return new AppError('DECLARATION_OUTDATED');
}
