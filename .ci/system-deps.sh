#!/usr/bin/env bash
# Installs the Debian packages the tests need (run as root, as CI does). Idempotent and quick
# when everything is there already. Each package says why it is here.
set -euo pipefail

PACKAGES=(
  postgresql-15        # the throwaway cluster of the multi-station integration tests
  poppler-utils        # pdftoppm / pdftotext: PDFs are checked by rendering them
  cups                 # cupsd: the printing tests print through a real, private CUPS server
  cups-client          # lp, lpstat, lpadmin: how the app talks to CUPS (adapters/printers.py)
  printer-driver-cups-pdf  # a virtual printer that writes each job as a PDF the tests find
  xvfb                 # a real X display for the screenshot tests
  xauth
  nsis                 # makensis: the frozen-build test compiles the Windows installer script
  desktop-file-utils   # desktop-file-validate: checks the Linux tarball's menu entry
  fonts-noto-cjk       # Chinese glyphs on screen (the PDFs embed their own font)
  libpulse0            # QtMultimedia (scan sounds) links against it even when silent
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-xinerama0 libxcb-image0
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run this script as root to install them)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Another apt (unattended-upgrades on a fresh machine) may hold the dpkg and lists locks:
  # wait up to 10 minutes for it rather than failing at once.
  LOCK_WAIT=(-o DPkg::Lock::Timeout=600)
  apt-get "${LOCK_WAIT[@]}" update -qq
  apt-get "${LOCK_WAIT[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
