// GitHub logins: 1-39 alphanumerics or single hyphens, not starting with one. Apps end in `[bot]`.
const HUMAN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** A login that can be @-mentioned and assigned: a valid login that is not a bot. */
export function isMentionableLogin(login: string | undefined): login is string {
  return login !== undefined && HUMAN.test(login);
}
