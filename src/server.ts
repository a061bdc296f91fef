// `npm start`: the Probot server. Handlers are wired in app.ts.
import { run } from "probot";
import { app } from "./app.js";

await run(app);
