#![no_main]

#[path = "../mal.rs"]
mod mal;

libfuzzer_sys::fuzz_target!(|data: &[u8]| mal::belopp(data));
