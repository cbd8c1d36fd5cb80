//! Organisasi dan pegawai: instansi, pohon unit kerja, jabatan, pegawai.

pub mod instansi;
pub mod jabatan;
pub mod pegawai;
pub mod penugasan;
pub mod referensi;
pub mod unit;

pub use store::organisasi::{BarisPegawai, Instansi, Jabatan, Pegawai, RiwayatJabatan, UnitKerja};

/// Tanggal hari ini (UTC) sebagai YYYY-MM-DD.
pub fn hari_ini() -> String {
    store::sekarang()[..10].to_string()
}

/// Validasi tanggal YYYY-MM-DD.
pub fn tanggal_sah(s: &str) -> bool {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    s.len() == 10 && time::Date::parse(s, &f).is_ok()
}
