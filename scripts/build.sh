#!/usr/bin/env bash
# Installs what the site needs and builds it into site/ (or serves it):
#   bash scripts/build.sh          # build, strict, with the PDFs
#   bash scripts/build.sh serve    # preview at http://127.0.0.1:8000/, no PDFs
#                                  # (VANBAN_PDF=true bash scripts/build.sh serve makes them)
# Python packages go into the active virtual environment or the project's
# .venv/ (scripts/venv.sh); the system's Python is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint (the PDFs) needs Pango and HarfBuzz's subsetter; Noto Serif covers Vietnamese.
bash scripts/apt-install.sh libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core
# shellcheck source=scripts/venv.sh
source scripts/venv.sh requirements.txt
# Decap CMS, the editors' /quan-tri/, is copied from node_modules into the site.
bash scripts/npm-install.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-build}" = "serve" ]; then
  shift
  exec python -m mkdocs serve "$@"
fi
[ "${1:-}" = "build" ] && shift
exec python -m mkdocs build --strict "$@"
