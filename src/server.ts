// `npm start`: the Probot server (or, without APP_ID, Probot's setup flow from app.yml).
import { run } from "probot";
import { createApp } from "./app.js";

await run(createApp());
