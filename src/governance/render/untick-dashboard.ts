/**
 * The dashboard body with every action box unticked, for when the app has acted on a tick but
 * does not re-render the whole dashboard yet (a full sweep re-renders them unticked anyway).
 */
export function untickDashboard(body: string): string {
  return body.replace(
    /^(\s{0,3}[-*+] )\[[xX]\]( <!-- (?:revoke:\S+|sweep-now|snooze:\d{1,3}d|unsnooze) -->)/gm,
    "$1[ ]$2",
  );
}
