/** `@login` for a valid GitHub login; anything else is left unmentioned (and cannot ping a team). */
export function mention(login: string): string {
  const clean = login.trim().replace(/^@/, "");
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(clean)
    ? `@${clean}`
    : "there";
}
