// Usernames are unique within a tenant; sign-in names the tenant, so a name says nothing
// about other tenants' accounts.
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export type UsernameProblem = 'INVALID_USERNAME';

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function checkUsername(username: string): UsernameProblem | null {
  return USERNAME_PATTERN.test(normalizeUsername(username)) ? null : 'INVALID_USERNAME';
}

export function checkDisplayName(
  displayName: string,
): 'DISPLAY_NAME_REQUIRED' | 'DISPLAY_NAME_TOO_LONG' | null {
  const trimmed = displayName.trim();
  if (trimmed.length === 0) return 'DISPLAY_NAME_REQUIRED';
  if ([...trimmed].length > 40) return 'DISPLAY_NAME_TOO_LONG';
  return null;
}
