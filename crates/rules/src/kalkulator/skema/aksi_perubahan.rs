//! Skema masukan dan keluaran kalkulator `status-aksi-perubahan` (isu 13).

use super::{DesimalMasuk, Penjelasan};
use crate::aksi_perubahan::{AlasanProyek, AlasanTonggak, StatusAksi, Tahap};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

/// Pembatalan tonggak.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PembatalanTonggak {
    #[schema(min_length = 1, max_length = 1000)]
    alasan: String,
}

/// Satu tonggak proyek perubahan.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TonggakAksiPerubahan {
    #[schema(min_length = 1, max_length = 100)]
    id: String,
    tahap: Tahap,
    /// Tanggal kalender YYYY-MM-DD.
    #[schema(format = Date, max_length = 10)]
    jatuh_tempo: String,
    /// 0–100.
    #[schema(value_type = DesimalMasuk)]
    progres_persen: Value,
    /// Tanggal pembaruan terakhir (YYYY-MM-DD, zona waktu instansi).
    #[schema(format = Date, max_length = 10)]
    diperbarui_pada: String,
    /// Ada: tonggak selesai.
    #[schema(format = Date, max_length = 10)]
    selesai_pada: Option<String>,
    /// Ada: tonggak dibatalkan.
    dibatalkan: Option<PembatalanTonggak>,
}

/// Masukan `status-aksi-perubahan`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"tanggal": "2026-12-01", "tonggak": [
    {"id": "t1", "tahap": "jangka_pendek", "jatuh_tempo": "2026-03-31", "progres_persen": 100,
     "diperbarui_pada": "2026-03-30", "selesai_pada": "2026-03-30"},
    {"id": "t2", "tahap": "jangka_menengah", "jatuh_tempo": "2026-11-30", "progres_persen": "60",
     "diperbarui_pada": "2026-10-01"},
    {"id": "t3", "tahap": "jangka_panjang", "jatuh_tempo": "2027-12-31", "progres_persen": 10,
     "diperbarui_pada": "2026-11-15"}]})))]
pub struct MasukanStatusAksiPerubahan {
    /// Tanggal penilaian (YYYY-MM-DD).
    #[schema(format = Date, max_length = 10)]
    tanggal: String,
    /// Bawaan 90 (konfigurasi instansi).
    #[schema(minimum = 1, maximum = 3650)]
    hari_senyap: Option<u32>,
    /// Bawaan 30 (konfigurasi instansi).
    #[schema(minimum = 0, maximum = 3650)]
    hari_berisiko: Option<u32>,
    #[schema(max_items = 200)]
    tonggak: Vec<TonggakAksiPerubahan>,
}

/// Status satu tonggak.
#[derive(ToSchema)]
pub struct StatusTonggakAksiPerubahan {
    id: String,
    status: StatusAksi,
    alasan: AlasanTonggak,
}

/// Keluaran `status-aksi-perubahan`.
#[derive(ToSchema)]
pub struct HasilStatusAksiPerubahan {
    status: StatusAksi,
    alasan: AlasanProyek,
    tonggak: Vec<StatusTonggakAksiPerubahan>,
    penjelasan: Penjelasan,
}
