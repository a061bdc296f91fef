/**
 * What a Moltbook key looks like. API keys are `moltbook_sk_` + exactly 32 characters of
 * [A-Za-z0-9_-]. Developer app keys are `moltdev_` + a generated token: we take 24–64 characters
 * of the same alphabet (see `isDevToken` for the entropy test), since Moltbook does not publish
 * their exact shape.
 */
export const API_PREFIX = "moltbook_sk_";
export const API_BODY_LENGTH = 32;
export const DEV_PREFIX = "moltdev_";
export const DEV_BODY_MIN = 24;
export const DEV_BODY_MAX = 64;

/** The longest key text a reader ever has to produce, plus one character to see where it ends. */
export const MAX_KEY_TEXT = DEV_PREFIX.length + DEV_BODY_MAX + 1;

export const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** 1 for bytes of the key alphabet: a table beats a regex on the hot path. */
export const KEY_BYTE = new Uint8Array(256);
for (let i = 0; i < KEY_ALPHABET.length; i++) KEY_BYTE[KEY_ALPHABET.charCodeAt(i)] = 1;
