#!/usr/bin/env bash
# Smoke run of the Windows build under Wine (CI runs it from .ci/run):
#   packaging/windows/wine-rok.sh path/to/Bistand.msi [path/to/Bistand-upgrade.msi]
# In a fresh Wine prefix: installs the MSI silently with DATABAS and ENHET, checks Program
# Files, the settings file in ProgramData and the uninstall entry, then runs the installed
# bistand.exe: --version, demo, kontroll, beslut --lista and brev, and checks the PDF with
# pdfinfo; brev --skrivare against a stand-in powershell.exe (printing through PrintTo). With a second MSI (a higher version) it checks the upgrade in place, then uninstalls.
# Wine 8 lacks bcryptprimitives.dll, which the Rust standard library needs: a few-line stub
# (bcryptprimitives.c, ProcessPrng over advapi32's RtlGenRandom) is built with mingw and put in
# the prefix's system32.
set -euo pipefail
msi="$(realpath "${1:?ange MSI-filen}")"
uppgradering="${2:+$(realpath "$2")}"
har="$(cd "$(dirname "$0")" && pwd)"
arbete="$(mktemp -d)"
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$arbete"' EXIT
export WINEPREFIX="$arbete/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
fel() { echo "Wine-röktest: FEL: $*" >&2; exit 1; }

echo "-- Wine-prefix och bcryptprimitives.dll"
wineboot -i >/dev/null 2>&1 || fel "wineboot misslyckades"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$arbete/bcryptprimitives.dll" \
  "$har/bcryptprimitives.c" "$har/bcryptprimitives.def" -ladvapi32
cp "$arbete/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

c="$WINEPREFIX/drive_c"
installerad="$c/Program Files/Bistånd/bistand.exe"
avinstallation() { wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' 2>/dev/null | grep -c '{' || true; }

echo "-- msiexec /i Bistand.msi /qn DATABAS=… ENHET=…"
wine msiexec /i "$(winepath -w "$msi")" /qn 'DATABAS=C:\Bistand\enhet.db' 'ENHET=Enheten Norra' ||
  fel "msiexec /i misslyckades"
[ -f "$installerad" ] || fel "bistand.exe finns inte under Program Files\\Bistånd"
grep -q 'C:\\\\Bistand\\\\enhet.db' "$c/ProgramData/Bistand/installning.json" || fel "installning.json saknar DATABAS"
grep -q 'Enheten Norra' "$c/ProgramData/Bistand/installning.json" || fel "installning.json saknar ENHET"
[ "$(avinstallation)" -eq 1 ] || fel "ingen avinstallationspost"

kor() { wine "$installerad" "$@"; }
echo "-- bistand.exe --version / demo / kontroll / brev"
kor --version | tee "$arbete/version.txt"
grep -q '^Bistånd [0-9]' "$arbete/version.txt" || fel "--version skrev inte programversionen"
mkdir -p "$c/rok"
kor demo --db 'C:\rok\demo.db' >/dev/null || fel "demo misslyckades"
kor kontroll --db 'C:\rok\demo.db' || fel "kontroll misslyckades"
# Case data needs a logged-in user: the training database's 1:e socialsekreterare.
export BISTAND_LOSENORD=ovning
id="$(kor beslut --db 'C:\rok\demo.db' --lista --anvandare tobias | head -1 | sed -n 's/.*"id":\([0-9]*\).*/\1/p')"
[ -n "$id" ] || fel "beslut --lista gav inget beslut"
kor brev --db 'C:\rok\demo.db' --beslut "$id" --ut 'C:\rok\brev.pdf' --anvandare tobias || fel "brev misslyckades"
pdfinfo "$c/rok/brev.pdf" | tee "$arbete/pdfinfo.txt" | grep -E '^(Title|Pages|PDF version):'
grep -q '^Pages: *[1-9]' "$arbete/pdfinfo.txt" || fel "brevet är ingen giltig PDF"

echo "-- brev --skrivare: utskrift genom PDF-programmets PrintTo (PowerShell)"
# Wine has no PowerShell: a stand-in beside a copy of bistand.exe records what the program asks
# of PowerShell and answers as PowerShell would when the print went (0) or failed (1).
prov="$c/utskrift"
mkdir -p "$prov"
cp "$installerad" "$prov/bistand.exe"
x86_64-w64-mingw32-gcc -O2 -s -o "$prov/powershell.exe" "$har/powershell-prov.c" -lshell32
skriv_ut() { # slutkod skrivare → $arbete/ut.txt (standard ut och fel), $arbete/kod
  set +e
  BISTAND_PROV_ANROP='C:\utskrift\anrop.txt' BISTAND_PROV_SLUTKOD="$1" wine 'C:\utskrift\bistand.exe' brev \
    --db 'C:\rok\demo.db' --beslut "$id" --ut 'C:\rok\utskrift.pdf' --skrivare "$2" --anvandare tobias \
    >"$arbete/ut.txt" 2>&1
  echo $? >"$arbete/kod"
  set -e
  tr -d '\r' <"$arbete/ut.txt" | tee "$arbete/ut-lf.txt"
}
anrop() { tr -d '\r' <"$prov/anrop.txt"; }
skriv_ut 0 'Kontor plan 3'
[ "$(cat "$arbete/kod")" = 0 ] || fel "brev --skrivare avslutades med $(cat "$arbete/kod") fast utskriften gick"
grep -qx 'Skickade brevet till skrivaren Kontor plan 3; det är sparat som C:\\rok\\utskrift.pdf.' "$arbete/ut-lf.txt" ||
  fel "brev --skrivare sade inte att brevet skickades till skrivaren"
vantat="\$ErrorActionPreference = 'Stop'; Start-Process -FilePath 'C:\\rok\\utskrift.pdf' -Verb PrintTo -ArgumentList '\"Kontor plan 3\"' -WindowStyle Hidden"
[ "$(anrop | sed -n 4p)" = "$vantat" ] || fel "PowerShell fick inte PrintTo-kommandot: $(anrop)"
[ "$(anrop | sed -n 1,3p | tr '\n' ' ')" = "-NoProfile -NonInteractive -Command " ] || fel "PowerShell:s växlar: $(anrop)"
pdfinfo "$c/rok/utskrift.pdf" | grep -q '^Pages: *[1-9]' || fel "det utskrivna brevet sparades inte som PDF"
skriv_ut 0 Standardskrivaren
anrop | grep -qF "Start-Process -FilePath 'C:\\rok\\utskrift.pdf' -Verb Print -WindowStyle Hidden" ||
  fel "Standardskrivaren gav inte verbet Print: $(anrop)"
skriv_ut 1 'Kontor plan 3'
[ "$(cat "$arbete/kod")" = 1 ] || fel "en utskrift som inte gick gav slutkod $(cat "$arbete/kod"), inte 1"
[ "$(cat "$arbete/ut-lf.txt")" = "Brevet skrevs inte ut: datorns PDF-program tar inte emot utskrifter direkt. Brevet är sparat som C:\\rok\\utskrift.pdf – öppna det och skriv ut det därifrån." ] ||
  fel "en utskrift som inte gick sades inte på svenska (och bara det)"
rm -rf "$prov"

if [ -n "$uppgradering" ]; then
  echo "-- uppgradering på plats"
  wine msiexec /i "$(winepath -w "$uppgradering")" /qn || fel "uppgraderingen misslyckades"
  [ "$(avinstallation)" -eq 1 ] || fel "uppgraderingen lämnade två avinstallationsposter"
  [ -f "$installerad" ] && [ -f "$c/rok/demo.db" ] || fel "programmet eller data saknas efter uppgraderingen"
  grep -q 'Enheten Norra' "$c/ProgramData/Bistand/installning.json" || fel "inställningarna försvann vid uppgraderingen"
fi

echo "-- msiexec /x"
wine msiexec /x "$(winepath -w "${uppgradering:-$msi}")" /qn || fel "avinstallationen misslyckades"
[ ! -f "$installerad" ] || fel "bistand.exe finns kvar efter avinstallationen"
echo "Wine-röktest: allt gick igenom."
