import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown } from "../../report/markdown.js";

/**
 * `@login` when recorded (plain `login` with `mention: false`, for the dashboard, which would
 * otherwise ping every owner on every rewrite). Email addresses are never rendered: governance
 * issues may live in a public `.github` repository.
 */
export function describeOwner(owner: KeyRecord["owner"], options: { mention?: boolean } = {}): string {
  const login = owner.github_login?.trim().replace(/^@/, "");
  if (login && /^[A-Za-z0-9-]{1,39}$/.test(login)) return options.mention === false ? login : `@${login}`;
  if (login) return escapeMarkdown(login);
  return owner.email?.trim()
    ? "no GitHub login recorded (an email is on file in Moltbook)"
    : "_not recorded_";
}
