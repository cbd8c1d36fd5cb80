//! Target fuzz pembaca impor XLSX (juga ODS/XLS bila tanda tangannya cocok):
//! bita pertama memilih jenis (pegawai/unit), sisanya isi berkas `x.xlsx`.
//! Korpus awal berisi XLSX sungguhan (lihat `src/benih.rs`).
#![no_main]

use app::impor::{Jenis, baca_saja};
use libfuzzer_sys::fuzz_target;
use rules::Bahasa;

fuzz_target!(|data: &[u8]| {
    let Some((pilih, isi)) = data.split_first() else {
        return;
    };
    let jenis = if pilih & 1 == 0 { Jenis::Pegawai } else { Jenis::Unit };
    let _ = baca_saja(Bahasa::Id, jenis, "x.xlsx", isi);
});
