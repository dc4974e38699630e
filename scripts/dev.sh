#!/usr/bin/env bash
# One entry point for a fresh machine (Debian/Ubuntu with Python 3.11+):
#   scripts/dev.sh app    set up, then start the station on the embedded SQLite default
#                         (`app demo`: load the demo data first, then start the station)
#   scripts/dev.sh test   set up, then run the checks and the whole test suite (CI runs this)
#   scripts/dev.sh setup  only set up (.venv with the app and its dev tools; Debian packages)
# Setting up is idempotent: a second run only checks that everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

setup() {
  if [ "$(id -u)" -eq 0 ] || [ "${1:-}" = "system" ]; then
    bash .ci/system-deps.sh
  else
    bash .ci/system-deps.sh || echo "note: run '.ci/system-deps.sh' as root for the Debian packages the tests need" >&2
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  # setup.py too: it says which packages install (resources/ among them, editable).
  local stamp="$VENV/.installed-$(cat pyproject.toml setup.py | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[dev]"
    touch "$stamp"
  fi
  # The .ts files are committed, the .qm files Qt loads are built (quick when up to date).
  "$VENV/bin/python" scripts/update_translations.py --release-only
}

checks() {
  "$VENV/bin/ruff" check .
  "$VENV/bin/mypy"
  "$VENV/bin/lint-imports"
}

case "${1:-}" in
  setup)
    setup ;;
  app)
    shift
    setup
    if [ "${1:-}" = "demo" ]; then
      # The demo loads only into an empty database: on a second run it says so, and the
      # station starts on the data already there. Options after `demo` (--db URL) go to both.
      shift
      "$VENV/bin/qc-station" "$@" demo || echo "note: demo data not loaded (see above); starting the station" >&2
    fi
    exec "$VENV/bin/qc-station" "$@" ;;
  test)
    shift
    setup
    checks
    # pytest exits 5 when it collects no test: that is a failure here too.
    # A crashed worker fails the run at once (--max-worker-restart=0) rather than being
    # replaced with its tests rescheduled; a hung test fails after pytest-timeout's limit.
    exec "$VENV/bin/python" -m pytest -n 2 --dist loadgroup --max-worker-restart=0 "$@" ;;
  *)
    echo "usage: scripts/dev.sh app|test|setup" >&2
    exit 2 ;;
esac
