#!/usr/bin/env bash
# Builds Bistand-VERSION.msi from a Windows bistand.exe with msitools' wixl.
#   packaging/windows/bygg-msi.sh path/to/bistand.exe out/Bistand.msi
# The version comes from Cargo.toml (MSI_VERSION overrides it, e.g. to test an upgrade), the
# publisher from [package.metadata.bistand] utgivare.
set -euo pipefail
rot="$(cd "$(dirname "$0")/../.." && pwd)"
exe="${1:?ange bistand.exe}"
msi="${2:?ange MSI-filen som ska skrivas}"
version="${MSI_VERSION:-$(sed -n 's/^version = "\([0-9.]*\)".*/\1/p' "$rot/Cargo.toml" | head -1)}"
utgivare="$(sed -n '/^\[package.metadata.bistand\]/,/^\[/s/^utgivare = "\(.*\)"/\1/p' "$rot/Cargo.toml")"
mkdir -p "$(dirname "$msi")"
msi="$(realpath "$msi")"
# wixl finds source files only by paths relative to where it runs.
exe="$(realpath --relative-to="$rot" "$exe")"
cd "$rot"
# wixl refuses non-ASCII in -D values, so the publisher goes into a copy of the source.
wxs="$(dirname "$exe")/bistand-msi.wxs"
sed "s|@UTGIVARE@|${utgivare//|/-}|g" packaging/windows/bistand.wxs >"$wxs"
wixl --arch x64 \
  -D Version="$version" -D Exe="$exe" \
  -D Ikon=icons/bistand.ico -D Licens=fonts/LICENSE-LiberationSans-OFL.txt \
  -o "$msi" "$wxs"
echo "MSI: $msi (version $version)"
