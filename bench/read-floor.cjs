#!/usr/bin/env node
// The least a fresh Node process does for a directory scan: walk the tree (hidden files included,
// `.git` and symbolic links skipped, as the CLI walks it) and open, read and close every file, in
// blocking reads into one page-aligned buffer, scanning nothing. Not a test: bench/scan-throughput.mjs
// times it next to ripgrep and the CLI, so that its time is what Node itself costs, and what the CLI
// takes beyond it is the detection's. CommonJS, one file, no imports of ours: nothing to load.
//
//   node bench/read-floor.cjs [DIR]      # prints MG_READ <files> <bytes> on stderr
"use strict";
const { closeSync, constants, openSync, readSync, readdirSync } = require("node:fs");

// WebAssembly memory starts on a page, as the CLI's read buffer does: a Buffer 16 bytes into a page
// makes the kernel's copy slow on AMD EPYC (src/sources/files/page-aligned-buffer.ts).
const buffer = Buffer.from(new WebAssembly.Memory({ initial: 16, maximum: 16 }).buffer); // 1 MiB
let files = 0;
let bytes = 0;
const stack = [process.argv[2] ?? "."];
while (stack.length > 0) {
  const dir = stack.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Paths relative to the current directory, with no "./" in front: fewer components to resolve.
    const path = dir === "." ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== ".git") stack.push(path);
    } else if (entry.isFile()) {
      const fd = openSync(path, constants.O_RDONLY);
      // A read that comes back short is the end of a regular file, as the CLI takes it too.
      for (let n = buffer.length; n === buffer.length; bytes += n)
        n = readSync(fd, buffer, 0, buffer.length, null);
      closeSync(fd);
      files++;
    }
  }
}
process.stderr.write(`MG_READ ${files} ${bytes}\n`);
