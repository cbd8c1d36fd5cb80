//! Target fuzz kalkulator: bita pertama memilih kalkulator dari `DAFTAR`,
//! sisanya teks JSON masukan. Tidak boleh panik; hasil yang berhasil harus
//! dapat diserialisasi, dan galat harus berkode.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rules::Bahasa;
use rules::kalkulator::{DAFTAR, hitung_teks};

fuzz_target!(|data: &[u8]| {
    let Some((pilih, sisa)) = data.split_first() else {
        return;
    };
    let nama = DAFTAR[usize::from(*pilih) % DAFTAR.len()];
    // Bita bukan UTF-8 diganti: yang diuji pembaca JSON dan kalkulatornya.
    let json_text = String::from_utf8_lossy(sisa);
    match hitung_teks(nama, &json_text, Bahasa::Id) {
        Ok(v) => {
            let teks = serde_json::to_string(&v).expect("hasil harus dapat diserialisasi");
            assert!(!teks.is_empty());
        }
        Err(g) => {
            assert!(!g.kode.is_empty(), "{nama}: galat tanpa kode: {g:?}");
            assert!(!g.pesan.is_empty(), "{nama}: galat tanpa pesan: {g:?}");
        }
    }
});
