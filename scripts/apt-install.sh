#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet,
# and says which. Without apt (macOS, another Linux) it names them and goes on:
# the build then says itself what is missing (the PDFs need Pango).
set -euo pipefail
if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "Máy này không có apt-get: không tự cài được gói Debian $*; cài các thư viện tương ứng bằng trình quản lý gói của máy."
  exit 0
fi
missing=()
for pkg in "$@"; do
  # "installed", not merely known: a removed package keeps a status entry.
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Gói Debian đã đủ: $*."
  exit 0
fi
echo "Cài gói Debian: ${missing[*]}…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
