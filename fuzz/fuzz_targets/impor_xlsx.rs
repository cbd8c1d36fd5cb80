//! Target fuzz pembaca impor XLSX (juga ODS/XLS bila tanda tangannya cocok):
//! bita pertama memilih jenis (pegawai/unit), sisanya isi berkas `x.xlsx`.
//! Korpus awal berisi XLSX sungguhan (lihat `src/benih.rs`).
#![no_main]

use app::impor::{Jenis, baca_saja};
use libfuzzer_sys::fuzz_target;
use rules::Bahasa;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys memasang kait panik yang langsung abort, termasuk untuk
    // panik di dalam calamine yang ditangkap `baca` (catch_unwind) dan
    // dijadikan "berkas rusak". Kait bawaan dipulihkan: panik yang lolos
    // dari `baca_saja` tetap abort (libfuzzer-sys membungkus target dengan
    // catch_unwind + abort), panik yang tertangkap tidak.
    static KAIT: std::sync::Once = std::sync::Once::new();
    KAIT.call_once(|| {
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
    });
    let Some((pilih, isi)) = data.split_first() else {
        return;
    };
    let jenis = if pilih & 1 == 0 { Jenis::Pegawai } else { Jenis::Unit };
    let _ = baca_saja(Bahasa::Id, jenis, "x.xlsx", isi);
});
