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

/// Tanggal hari ini di zona waktu instansi (WIB/WITA/WIT) sebagai YYYY-MM-DD;
/// zona WIB bila instansi tidak ditemukan. Dipakai untuk Plt./Plh. yang
/// berjalan (`kebijakan`).
pub async fn hari_ini_di(l: &crate::Layanan, instansi_id: &str) -> crate::Hasil<String> {
    let zona = store::organisasi::instansi(l.pool(), instansi_id)
        .await?
        .map(|i| i.zona_waktu)
        .unwrap_or_else(|| "WIB".into());
    Ok(hari_ini_zona(&zona))
}

/// Tanggal hari ini (YYYY-MM-DD) di zona waktu Indonesia `zona` (WIB/WITA/WIT).
pub fn hari_ini_zona(zona: &str) -> String {
    let jam = referensi::selisih_utc(zona) as i64;
    let t = time::OffsetDateTime::now_utc() + time::Duration::hours(jam);
    let f = time::macros::format_description!("[year]-[month]-[day]");
    t.date().format(&f).unwrap_or_else(|_| hari_ini())
}

/// Validasi tanggal YYYY-MM-DD.
pub fn tanggal_sah(s: &str) -> bool {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    s.len() == 10 && time::Date::parse(s, &f).is_ok()
}
