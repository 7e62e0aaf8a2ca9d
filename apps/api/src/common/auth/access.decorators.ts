import { SetMetadata } from '@nestjs/common';
import type { Role } from '@xiangmeng/domain';

// Every resolver declares who may call it; the guard refuses any that does not (deny by default).
export const ACCESS_RULE = 'xiangmeng:access-rule';

export type AccessRule =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever their role. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

/** Signed-in users holding at least one of these roles. */
export const Allow = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
