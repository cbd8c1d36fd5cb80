//! Masukan yang ditemukan fuzzer (`fuzz/artifacts-kept/`, impor_xlsx): setiap
//! berkas harus ditolak sebagai berkas rusak atau terlalu besar — tanpa panik,
//! tanpa alokasi raksasa. Bita pertama memilih jenis, seperti target fuzz-nya.

use app::impor::{Jenis, baca_saja};
use rules::Bahasa;

#[test]
fn temuan_fuzz_xlsx_ditolak_tanpa_panik() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/artifacts-kept");
    let mut diuji = 0;
    for e in std::fs::read_dir(folder).expect("folder temuan fuzz") {
        let jalur = e.unwrap().path();
        let data = std::fs::read(&jalur).unwrap();
        let Some((pilih, isi)) = data.split_first() else {
            continue;
        };
        let jenis = if pilih & 1 == 0 {
            Jenis::Pegawai
        } else {
            Jenis::Unit
        };
        let hasil = std::panic::catch_unwind(|| baca_saja(Bahasa::Id, jenis, "x.xlsx", isi));
        let hasil = hasil.unwrap_or_else(|_| panic!("{} membuat pembaca panik", jalur.display()));
        let galat = hasil
            .err()
            .unwrap_or_else(|| panic!("{} diterima", jalur.display()));
        assert_eq!(galat.baris, 0, "{}: galat tingkat berkas", jalur.display());
        assert!(!galat.pesan.is_empty());
        diuji += 1;
    }
    assert!(diuji >= 6, "hanya {diuji} temuan fuzz");
}
