// `npm start`: the Probot server (or, without APP_ID, Probot's setup flow from app.yml).
import { run } from "probot";
import { createApp } from "./app.js";
import type { Services } from "./services.js";

let services: Services | undefined;
const server = await run(createApp({ onReady: (s) => (services = s) }));

// Stop taking webhooks, let the jobs in flight finish (unfinished ones resume at the next start),
// then close the store and the Moltbook client. The one SIGTERM handler: the app function leaves
// the process alone. (SIGINT is Probot's own: it stops the server and exits.)
const shutdown = async () => {
  try {
    await server.stop();
    await services?.close();
  } finally {
    process.exit(0);
  }
};
process.once("SIGTERM", () => void shutdown());
