//! Target fuzz pembaca impor CSV: bita pertama memilih jenis (pegawai/unit),
//! sisanya isi berkas `x.csv`. Hanya membaca bentuk berkas (tanpa basis data);
//! tidak boleh panik, dan alokasi tanpa batas dihitung sebagai crash
//! (`-rss_limit_mb=512 -malloc_limit_mb=256`).
#![no_main]

use app::impor::{Jenis, baca_saja};
use libfuzzer_sys::fuzz_target;
use rules::Bahasa;

fuzz_target!(|data: &[u8]| {
    let Some((pilih, isi)) = data.split_first() else {
        return;
    };
    let jenis = if pilih & 1 == 0 { Jenis::Pegawai } else { Jenis::Unit };
    let _ = baca_saja(Bahasa::Id, jenis, "x.csv", isi);
});
