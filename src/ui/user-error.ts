/**
 * An expected problem the user can fix (an unknown lesson, a missing permission).
 * Handlers throw it; the router shows its message ephemerally and logs nothing alarming.
 */
export class UserError extends Error {
  override name = 'UserError';
}
