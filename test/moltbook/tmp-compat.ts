import type { KeyRevoker } from "../../src/act/revoke-leaked-keys.js";
import type { MoltbookClient } from "../../src/moltbook/index.js";
export const f = (c: MoltbookClient): KeyRevoker => c;
