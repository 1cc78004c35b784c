#!/usr/bin/env bash
# Fuzzes personnummer parsing, amount parsing and `bistand berakna`'s JSON input with cargo-fuzz
# (libFuzzer), each for SEKUNDER seconds (default 120). Not part of CI.
#
#   cargo install cargo-fuzz        # once
#   tests/fuzz/kor.sh [SEKUNDER]
#
# cargo-fuzz needs nightly-only compiler flags; on the stable toolchain RUSTC_BOOTSTRAP=1 allows
# them. A crash stops the run and leaves the input under tests/fuzz/artifacts/<mål>/: fix the
# program, then copy the input into tests/fuzz/regressioner/<mål>/ so `cargo test` replays it
# for ever (tests/fuzz_regressioner.rs).
set -euo pipefail
cd "$(dirname "$0")"
sekunder="${1:-120}"
for mal in personnummer belopp berakna; do
  korpus="corpus/$mal"
  mkdir -p "$korpus"
  echo "== $mal ($sekunder s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir . "$mal" "$korpus" "regressioner/$mal" -- \
    -max_total_time="$sekunder" -max_len=4096 -print_final_stats=1
done
