#!/usr/bin/env bash
# A screenshot of the Windows program's window under Wine and a virtual display (Xvfb), to look
# at how the .exe draws on Windows without a Windows machine. Not run by CI (it needs a GPU-less
# renderer that Wine may or may not offer; see the README).
#   packaging/windows/wine-skarmbild.sh path/to/bistand.exe skarmbild.png [sekunder]
# Needs: wine, xvfb, imagemagick (import) and gcc-mingw-w64-x86-64 (for the same
# bcryptprimitives.dll stub as wine-rok.sh).
set -euo pipefail
exe="$(realpath "${1:?ange bistand.exe}")"
ut="$(realpath -m "${2:?ange PNG-filen}")"
vanta="${3:-25}"
har="$(cd "$(dirname "$0")" && pwd)"
arbete="$(mktemp -d)"
export WINEPREFIX="$arbete/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
skarm=":$((90 + RANDOM % 9))"
Xvfb "$skarm" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k >/dev/null 2>&1 || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$arbete"' EXIT
export DISPLAY="$skarm"
wineboot -i >/dev/null 2>&1
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$har/bcryptprimitives.c" "$har/bcryptprimitives.def" -ladvapi32
# The training database: the window opens on fictitious households.
# Wine has no Direct3D 12 here; wgpu draws with OpenGL (Wine over Mesa's llvmpipe) unless
# WGPU_BACKEND says otherwise.
WGPU_BACKEND="${WGPU_BACKEND:-gl}" wine "$exe" --ovning >"$arbete/program.log" 2>&1 &
sleep "$vanta"
import -window root "$ut"
echo "Skärmbild: $ut"
tail -5 "$arbete/program.log" || true
