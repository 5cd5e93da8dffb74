#![no_main]
use libfuzzer_sys::fuzz_target;
use reciprocity::transfer::ImportFormat;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::check(data, ImportFormat::Daylio, "fuzz.csv"));
