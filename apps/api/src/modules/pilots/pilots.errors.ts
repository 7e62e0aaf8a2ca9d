import { callWindow, type FieldViolation, type PilotActor, pilotActorsOf } from '@xiangmeng/domain';
import { AppError } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';

export function applicationChanged(): AppError {
  return new AppError('APPLICATION_CHANGED');
}

export function notWithApplicant(): AppError {
  return new AppError('APPLICATION_NOT_WITH_APPLICANT');
}

export function objectionOutsideNotice(): AppError {
  return new AppError('OBJECTION_OUTSIDE_NOTICE');
}

export function objectionAnswered(): AppError {
  return new AppError('OBJECTION_ANSWERED');
}

export function refused(violations: FieldViolation[], message?: string): AppError {
  return new AppError('PILOT_TRANSITION_REFUSED', { violations }, message);
}

/** Outside the call's window: the refusal names the window alone. */
export function callClosed(call: { opensAt: Date; closesAt: Date }, violations: FieldViolation[]): AppError {
  return new AppError(
    'PILOT_CALL_CLOSED',
    { violations },
    `不在申报通知规定的申报时间内（${callWindow(call)}）`,
  );
}

// Who may take a step outside the transition table (edit the form, record objections) is the
// part the viewer plays for the application; a user who reads it but plays another part is told why.

/** The step is `actor`'s for this application; FORBIDDEN with `reason` otherwise. */
export function requireActor(
  viewer: Viewer,
  application: { tenantId: string; recommendingTenantId: string; authorityTenantId: string },
  actor: PilotActor,
  reason: string,
): void {
  if (!pilotActorsOf(viewer, application).includes(actor)) throw new AppError('FORBIDDEN', {}, reason);
}

/** Drafting an application is the home city's staff's step (Art. 10). */
export function requireCityStaff(viewer: Viewer, reason: string): void {
  if (!viewer.roles.some((r) => r === 'CITY_OFFICER' || r === 'CITY_ADMIN'))
    throw new AppError('FORBIDDEN', {}, reason);
}
