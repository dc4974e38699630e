#!/bin/sh
# Install, upgrade or remove Returns QC Station from this unpacked tarball.
#
#   sudo ./install.sh             for all users: /opt/qc-station, /usr/local/bin/qc-station,
#                                 a menu entry and icon under /usr/local/share
#   ./install.sh --user           for this user only, under ~/.local
#   ./install.sh --prefix DIR     under DIR (DIR/opt/qc-station, DIR/bin, DIR/share)
#   ./install.sh --uninstall [--user | --prefix DIR]
#
# Running it again with a newer tarball upgrades in place: the new program folder is copied
# beside the old one and swapped in, so a station that is running keeps working until it is
# restarted. The station's data (database, photos, logs: ~/.local/share/qc-station; settings:
# ~/.config/qc-station) is never touched, neither by an upgrade nor by --uninstall.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
action=install
prefix=
program_dir=

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --user) prefix="${HOME:?}/.local" ;;
    --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift ;;
    --uninstall) action=uninstall ;;
    -h | --help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage ;;
  esac
  shift
done

if [ -z "$prefix" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: installing for all users needs root (sudo ./install.sh), or use --user" >&2
    exit 1
  fi
  prefix=/usr/local
  program_dir=/opt/qc-station
else
  program_dir="$prefix/opt/qc-station"
fi
bin_dir="$prefix/bin"
share_dir="$prefix/share"
desktop_file="$share_dir/applications/qc-station.desktop"
icon_file="$share_dir/icons/hicolor/256x256/apps/qc-station.png"
svg_file="$share_dir/icons/hicolor/scalable/apps/qc-station.svg"

refresh_menus() {
  # Optional helpers of the desktop; a server without them still gets a working install.
  command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$share_dir/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 &&
    gtk-update-icon-cache -q -t "$share_dir/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$program_dir"
  # The command only if it is ours (a link into the program folder).
  if [ -L "$bin_dir/qc-station" ] && [ "$(readlink "$bin_dir/qc-station")" = "$program_dir/qc-station" ]; then
    rm -f "$bin_dir/qc-station"
  fi
  rm -f "$desktop_file" "$icon_file" "$svg_file"
  refresh_menus
  echo "Returns QC Station removed from $program_dir."
  echo "The station's data was kept: ~/.local/share/qc-station (database, photos, logs) and"
  echo "~/.config/qc-station (settings) of each user. Delete them yourself if no longer needed."
  exit 0
fi

[ -x "$here/qc-station/qc-station" ] || {
  echo "install.sh: $here/qc-station/qc-station is missing; unpack the whole tarball" >&2
  exit 1
}
version=$(cat "$here/VERSION" 2>/dev/null || echo "?")
previous=
[ -f "$program_dir/VERSION" ] && previous=$(cat "$program_dir/VERSION")

mkdir -p "$(dirname "$program_dir")" "$bin_dir" "$share_dir/applications" \
  "$(dirname "$icon_file")" "$(dirname "$svg_file")"
staging="$program_dir.new.$$"
rm -rf "$staging"
cp -a "$here/qc-station" "$staging"
cp "$here/VERSION" "$staging/VERSION"
if [ -d "$program_dir" ]; then
  rm -rf "$program_dir.old"
  mv "$program_dir" "$program_dir.old"
  mv "$staging" "$program_dir"
  rm -rf "$program_dir.old"
else
  mv "$staging" "$program_dir"
fi
ln -sfn "$program_dir/qc-station" "$bin_dir/qc-station"
sed "s|@PROGRAM_DIR@|$program_dir|g" "$here/qc-station.desktop" >"$desktop_file"
chmod 644 "$desktop_file"
cp "$here/qc-station.png" "$icon_file"
cp "$here/qc-station.svg" "$svg_file"
refresh_menus

if [ -n "$previous" ]; then
  echo "Returns QC Station upgraded from $previous to $version in $program_dir."
else
  echo "Returns QC Station $version installed in $program_dir."
fi
echo "Start it from the applications menu or with $bin_dir/qc-station;"
echo "check the installation with: $bin_dir/qc-station --smoke-test"
