//! Lampiran keputusan penetapan hasil kompetisi inovasi (isu 12): tata letak
//! seperti lampiran KepmenPANRB penetapan Top 99/Top 45 — kepala lampiran
//! (keputusan, nomor, tanggal, tentang) dan tabel per kelompok.

use crate::{GalatLaporan, Pihak, mesin};
use serde::Serialize;

/// Satu baris tabel lampiran.
#[derive(Debug, Clone, Serialize)]
pub struct BarisLampiran {
    /// Nomor urut (teks).
    pub no: String,
    pub judul: String,
    pub instansi: String,
    /// Nilai berformat Indonesia ("88,75"), atau "–".
    pub nilai: String,
}

/// Satu kelompok (Umum, Replikasi, …) dan barisnya.
#[derive(Debug, Clone, Serialize)]
pub struct KelompokLampiran {
    pub nama: String,
    pub baris: Vec<BarisLampiran>,
}

/// Data lampiran keputusan.
#[derive(Debug, Clone, Serialize)]
pub struct LampiranKeputusan {
    /// Mis. "KEPALA BIRO ORGANISASI SETDA PROVINSI MALUKU".
    pub pejabat_keputusan: String,
    /// Nomor keputusan; "…" bila belum bernomor.
    pub nomor: String,
    /// Tanggal keputusan, mis. "2 Desember 2026".
    pub tanggal: String,
    /// Mis. "Penetapan Top 99 Kompetisi Inovasi Pelayanan Publik Provinsi Maluku 2026".
    pub tentang: String,
    /// Judul di atas tabel, mis. "Daftar Top 99 …".
    pub judul_daftar: String,
    pub kelompok: Vec<KelompokLampiran>,
    pub penanda_tangan: Pihak,
    pub tempat_tanggal: String,
}

/// Lampiran keputusan penetapan hasil kompetisi (PDF A4).
pub fn hasil_kompetisi_pdf(d: &LampiranKeputusan) -> Result<Vec<u8>, GalatLaporan> {
    mesin::render(mesin::Templat::HasilKompetisi, d)
}
