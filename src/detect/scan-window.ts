/**
 * How far around a needle the decoders may look. Every reader stops HOLD bytes after the needle
 * and looks back at most LOOKBACK bytes, whether the input is one buffer or a stream of chunks, so
 * both find exactly the same keys; a stream scanner keeps just these bytes between chunks.
 * HOLD covers the longest key we decode (every character `\u`-escaped is ~440 bytes) and
 * concatenations spread over a few lines.
 */
export const HOLD = 1024;
export const LOOKBACK = 128;
