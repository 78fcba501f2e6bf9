#!/usr/bin/env bash
# Sourced by build.sh and test.sh: picks the Python environment and installs
# the pinned packages into it, only when they changed.
#   - an already active virtual environment ($VIRTUAL_ENV) is used as is;
#   - otherwise the project's own .venv/ (git-ignored), made on first use
#     with the python3 first on PATH.
# The system's Python is never installed into (PEP 668 forbids it on
# Debian 12+ and Ubuntu 23.04+).
# Usage: source scripts/venv.sh REQUIREMENTS_FILE
set -euo pipefail

vanban_requirements="$1"

if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
  VANBAN_VENV="$VIRTUAL_ENV"
  echo "Dùng môi trường ảo đang bật: $VANBAN_VENV"
else
  VANBAN_VENV="$PWD/.venv"
  if [ -x "$VANBAN_VENV/bin/python" ]; then
    echo "Dùng môi trường ảo của dự án: $VANBAN_VENV"
  else
    # The pinned packages (and vanban itself) need 3.11: Ubuntu 22.04's python3 is 3.10.
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "Cần Python 3.11 trở lên, mà python3 ở đây là: $(python3 --version 2>&1 || echo 'không có')." >&2
      echo "Cài Python mới hơn, hoặc dùng uv: uv venv --python 3.11 && source .venv/bin/activate, rồi chạy lại lệnh này." >&2
      exit 1
    fi
    # Debian ships venv's pip bootstrap (ensurepip) in a separate package.
    if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
      echo "Cài python3-venv (Debian) để tạo môi trường ảo…"
      bash scripts/apt-install.sh python3-venv
    fi
    echo "Tạo môi trường ảo $VANBAN_VENV bằng $(command -v python3)…"
    python3 -m venv "$VANBAN_VENV"
  fi
fi
export VIRTUAL_ENV="$VANBAN_VENV"
export PATH="$VANBAN_VENV/bin:$PATH"
# A stray PYTHONHOME would point the environment's Python at another's library.
unset PYTHONHOME

# The stamp holds a hash of everything that decides what is installed (the
# requirement files, the package's own metadata, which Python, which folder
# the package is installed from in editable mode), so a second run installs
# nothing unless one of them changed.
vanban_stamp_file="$VANBAN_VENV/.vanban-$(basename "$vanban_requirements" .txt)"
vanban_stamp=$({ cat requirements.txt "$vanban_requirements" pyproject.toml; python -VV; pwd; } | sha256sum | cut -d' ' -f1)
if [ "$(cat "$vanban_stamp_file" 2>/dev/null)" = "$vanban_stamp" ]; then
  echo "Gói Python đã đủ theo $vanban_requirements (không cài lại)."
else
  echo "Cài gói Python theo $vanban_requirements vào $VANBAN_VENV (lần đầu mất vài phút)…"
  # --use-pep517: a package published only as source (feedgen) is built as a wheel, the way
  # newer pip always does, not by the deprecated setup.py install of the pip Debian bundles.
  python -m pip install -q --disable-pip-version-check --use-pep517 -r "$vanban_requirements"
  echo "$vanban_stamp" >"$vanban_stamp_file"
  echo "Đã cài xong gói Python."
fi
