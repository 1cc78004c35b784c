#!/usr/bin/env bash
# Side by side: one decision letter from `bistand brev` against LibreOffice converting a .fodt
# with the same text to PDF (`soffice --headless --convert-to pdf`), each a whole process per
# letter, as a script printing letters one by one would run them.
#   benches/libreoffice/jamfor.sh [path/to/bistand] [antal]
# Needs: libreoffice (e.g. Debian's libreoffice-writer-nogui), poppler-utils (pdftotext).
# Prints the mean time per letter of each and the ratio. Not run by CI.
set -euo pipefail
rot="$(cd "$(dirname "$0")/../.." && pwd)"
bistand="$(realpath "${1:-$rot/target/release/bistand}")"
antal="${2:-20}"
arbete="$(mktemp -d)"
trap 'rm -rf "$arbete"' EXIT
command -v soffice >/dev/null || { echo "LibreOffice (soffice) saknas: apt-get install libreoffice-writer-nogui" >&2; exit 1; }

"$bistand" demo --db "$arbete/demo.db" >/dev/null
id="$("$bistand" beslut --db "$arbete/demo.db" --lista | head -1 | sed -n 's/.*"id":\([0-9]*\).*/\1/p')"
"$bistand" brev --db "$arbete/demo.db" --beslut "$id" --ut "$arbete/brev.pdf" >/dev/null

# The same text as the letter, one paragraph per line, in a flat OpenDocument text file.
pdftotext -layout "$arbete/brev.pdf" - | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' |
  awk 'BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
               print "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"";
               print " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"";
               print " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>" }
       { gsub(/\f/, ""); print "<text:p>" $0 "</text:p>" }
       END { print "</office:text></office:body></office:document>" }' >"$arbete/brev.fodt"

nu() { date +%s%N; }
# A warm LibreOffice profile: the first start creates it and is not counted.
soffice -env:UserInstallation="file://$arbete/lo" --headless --convert-to pdf --outdir "$arbete/lo-ut" \
  "$arbete/brev.fodt" >/dev/null 2>&1

start=$(nu)
for i in $(seq "$antal"); do
  "$bistand" brev --db "$arbete/demo.db" --beslut "$id" --ut "$arbete/b-$i.pdf" >/dev/null
done
bistand_ms=$(( ($(nu) - start) / antal / 1000000 ))

lo_antal=$(( antal < 5 ? antal : 5 ))
start=$(nu)
for i in $(seq "$lo_antal"); do
  soffice -env:UserInstallation="file://$arbete/lo" --headless --convert-to pdf --outdir "$arbete/lo-ut" \
    "$arbete/brev.fodt" >/dev/null 2>&1
done
lo_ms=$(( ($(nu) - start) / lo_antal / 1000000 ))

pdfinfo "$arbete/lo-ut/brev.pdf" | grep -q '^Pages:' || { echo "LibreOffice skrev ingen PDF" >&2; exit 1; }
echo "bistand brev:  ${bistand_ms} ms per brev (medel av $antal processer)"
echo "LibreOffice:   ${lo_ms} ms per brev (medel av $lo_antal processer, samma text som .fodt)"
awk -v a="$lo_ms" -v b="$bistand_ms" 'BEGIN { if (b < 1) b = 1; printf "Kvot:          %.0f×\n", a / b }'
