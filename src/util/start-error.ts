/**
 * A problem that stops the bot from starting and that the admin can fix (configuration, the
 * course outline, the store, a command file, a token Discord refuses): `npm start` prints its
 * message in plain words, without a stack trace, and exits 1.
 */
export class StartError extends Error {
  override name = 'StartError';
}
