// Parses each Mermaid file named on the command line with Mermaid's own parser (the mermaid
// package, in a DOM from jsdom, which Mermaid needs to load): a syntax error or a linkStyle that
// names no link fails. Prints one line per file, "ok FILE" or "error FILE: WHY", and exits with 1
// when a file fails. Run by organigram's tests (tests/support/src/mermaid.rs).
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (error) {
    failed = true;
    console.log(`error ${file}: ${String(error?.message ?? error).replaceAll('\n', ' ')}`);
  }
}
process.exit(failed ? 1 : 0);
