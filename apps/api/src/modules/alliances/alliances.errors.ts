import {
  type AllianceStatus,
  failingConditionsRootFirst,
  FOUNDING_CONDITION_INFO,
  type FoundingCheck,
  foundingFailureSummary,
  type TransitionRefusal,
} from '@xiangmeng/domain';
import { AppError, violation } from '../../common/errors/app-error';

/** The alliance changed after the user read it (a lost race on a lifecycle step). */
export function allianceChanged(): AppError {
  return new AppError('ALLIANCE_CHANGED');
}

export function allianceDissolved(): AppError {
  return new AppError('ALLIANCE_DISSOLVED');
}

/** A signed agreement version is final: a new version is needed. */
export function agreementSigned(): AppError {
  return new AppError('AGREEMENT_SIGNED');
}

/** The failing Art. 8 conditions, root cause first, each reason on its own field. */
function foundingConditionsFail(check: FoundingCheck): AppError {
  // A condition failing only because of another points to it instead of repeating it.
  const failing = failingConditionsRootFirst(check);
  return new AppError(
    'BAD_USER_INPUT',
    {
      violations: failing.flatMap((c) =>
        c.reasons.map((r) =>
          violation(
            `foundingConditions.${c.condition}`,
            r.code,
            `${FOUNDING_CONDITION_INFO[c.condition].article}：${r.message}`,
          ),
        ),
      ),
    },
    `不满足第八条基本条件：${foundingFailureSummary(check)}`,
  );
}

/**
 * The lifecycle table's refusal of a step on an alliance in `status`, as the code the apps act
 * on. The table refuses a step in a state only to an established alliance (establishing it
 * again) and to a dissolved one; only establishing needs the founding check.
 */
export function lifecycleRefusal(
  status: AllianceStatus,
  refusal: TransitionRefusal,
  check: FoundingCheck | null,
): AppError {
  switch (refusal.reason) {
    case 'ROLE_NOT_ALLOWED':
      return new AppError('FORBIDDEN');
    case 'NOT_ALLOWED_IN_STATE':
      return status === 'DISSOLVED' ? allianceDissolved() : new AppError('ALLIANCE_ESTABLISHED');
    case 'FOUNDING_CONDITIONS_FAIL':
      if (!check) throw new Error('a step that needs the founding conditions was decided without them');
      return foundingConditionsFail(check);
  }
}
