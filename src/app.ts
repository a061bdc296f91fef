import type { Probot } from "probot";

/** Wires GitHub events to the flow. */
export function app(probot: Probot): void {
  probot.onAny(async (context) => {
    probot.log.debug({ event: context.name, id: context.id }, "webhook received");
  });
}
