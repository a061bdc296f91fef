import { z } from "zod";
import type { FaultController } from "./faults.js";
import { invalid, type Reply } from "./sim-context.js";
import type { SimClock } from "./sim-clock.js";
import type { SimulatorState } from "./simulator-state.js";
import { exportState } from "./state-file.js";

const latency = z.union([
  z.object({ fixedMs: z.number().nonnegative() }),
  z.object({ minMs: z.number().nonnegative(), maxMs: z.number().nonnegative() }),
  z.object({ meanMs: z.number().nonnegative(), sdMs: z.number().nonnegative() }),
]);
const rate = z.number().min(0).max(1);
const faultSchema = z.object({
  latency: latency.optional(),
  errorRate: rate.optional(),
  errorStatus: z.number().int().min(500).max(599).optional(),
  timeoutRate: rate.optional(),
  dropRate: rate.optional(),
  outage: z
    .object({
      afterMs: z.number().nonnegative().optional(),
      durationMs: z.number().positive(),
      status: z.number().int().optional(),
    })
    .optional(),
  next: z
    .object({
      kind: z.enum(["error", "timeout", "drop"]),
      count: z.number().int().positive(),
      status: z.number().int().optional(),
    })
    .optional(),
  operations: z.array(z.string()).optional(),
});

export interface ControlDeps {
  state: SimulatorState;
  faults: FaultController;
  clock: SimClock;
}

/**
 * The control endpoint (only routed when enabled): `GET|DELETE /_control/calls`,
 * `GET|PUT|DELETE /_control/faults`, `GET /_control/state`, `PUT /_control/now`.
 */
export function handleControl(method: string, path: string, body: unknown, deps: ControlDeps): Reply | null {
  const route = `${method} ${path}`;
  switch (route) {
    case "GET /_control/calls":
      return { status: 200, body: { calls: deps.state.calls } };
    case "DELETE /_control/calls":
      deps.state.calls.length = 0;
      return { status: 204, body: null };
    case "GET /_control/faults":
      return { status: 200, body: deps.faults.describe() };
    case "PUT /_control/faults": {
      const parsed = faultSchema.safeParse(body ?? {});
      if (!parsed.success)
        return invalid(
          `Faults are invalid: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}.`,
        );
      deps.faults.set(parsed.data);
      return { status: 200, body: deps.faults.describe() };
    }
    case "DELETE /_control/faults":
      deps.faults.clear();
      return { status: 204, body: null };
    case "GET /_control/state":
      return { status: 200, body: exportState(deps.state) };
    case "PUT /_control/now": {
      const at = (body as { now?: unknown } | undefined)?.now;
      if (typeof at !== "string" || Number.isNaN(Date.parse(at)))
        return invalid("now must be an ISO date-time.");
      deps.clock.set(new Date(at));
      return { status: 200, body: { now: deps.clock.now().toISOString() } };
    }
    default:
      return null;
  }
}
