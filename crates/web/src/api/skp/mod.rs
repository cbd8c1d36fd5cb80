//! API SKP (isu 11): membuka periode, SKP dan RHK (cascading), alur,
//! ekspektasi perilaku, realisasi multipart dengan bukti (hanya pemilik),
//! umpan balik, evaluasi, kalibrasi kurva per unit. Penangan tipis: hak dan
//! aturan di `app::skp`.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::bukti::BerkasMasuk;
use app::skp::evaluasi::{HasilKalibrasi, MasukanEvaluasi, MasukanKurva, TampilanEvaluasi};
use app::skp::periode::{HasilBukaPeriode, MasukanPeriodeSkp, Pemetaan};
use app::skp::realisasi::{HasilRealisasi, MasukanRealisasi, MasukanUmpanBalik, RealisasiSkp};
use app::skp::{
    self as sk, MasukanEkspektasi, MasukanLangkah, MasukanRhk, MasukanTurunkan, TampilanSkp,
};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

mod dokumen;
mod periode;
mod realisasi;
mod rencana;
mod templat;
use dokumen::*;
use periode::*;
pub(crate) use realisasi::baca_multipart;
use realisasi::*;
use rencana::*;
use templat::*;

/// Batas teks satu field multipart realisasi (selain berkas).
const BATAS_FIELD_TEKS: usize = 16 * 1024;
/// Field teks multipart realisasi.
pub(crate) const KOLOM_REALISASI: &[&str] = &[
    "indikator_id",
    "periode",
    "realisasi",
    "catatan",
    "tautan",
    "kunci_klien",
];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(buka_periode))
        .routes(routes!(pemetaan))
        .routes(routes!(skp_pegawai))
        .routes(routes!(dinilai))
        .routes(routes!(dasbor))
        .routes(routes!(kalibrasi, simpan_kurva))
        .routes(routes!(ringkasan_kalibrasi))
        .routes(routes!(rekap_rating))
        .routes(routes!(skp_satu))
        .routes(routes!(tambah_rhk))
        .routes(routes!(ubah_rhk, hapus_rhk))
        .routes(routes!(turunkan_rhk))
        .routes(routes!(rhk_dari_pk))
        .routes(routes!(riwayat_langkah, langkah))
        .routes(routes!(simpan_ekspektasi))
        .routes(
            routes!(daftar_realisasi, kirim_realisasi)
                .layer(DefaultBodyLimit::max(super::bukti::BATAS_MUTLAK)),
        )
        .routes(routes!(umpan_balik))
        .routes(routes!(ekspor_realisasi))
        .routes(routes!(impor_realisasi).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)))
        .routes(routes!(ekspor_rencana))
        .routes(routes!(impor_rencana).layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)))
        .routes(routes!(daftar_templat))
        .routes(
            routes!(unduh_templat, unggah_templat, hapus_templat)
                .layer(DefaultBodyLimit::max(app::impor::BATAS_UKURAN)),
        )
        .routes(routes!(jadikan_templat))
        .routes(routes!(daftar_evaluasi, nilai))
        .routes(routes!(skp_pdf))
        .routes(routes!(evaluasi_pdf))
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurInstansi {
    /// Id instansi.
    iid: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurSkp {
    iid: String,
    /// Id SKP.
    skp_id: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurRhk {
    iid: String,
    skp_id: String,
    /// Id RHK.
    rhk_id: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurRealisasi {
    iid: String,
    skp_id: String,
    /// Id entri realisasi.
    rid: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahun {
    iid: String,
    /// Tahun SKP.
    tahun: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanSkp {
    /// Tahun SKP.
    tahun: i64,
    /// Pegawai; kosong: diri sendiri.
    #[param(max_length = 64)]
    pegawai_id: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanTahun {
    tahun: i64,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct SaringanKalibrasi {
    tahun: i64,
    /// Kode periode, mis. `2027-TW1` atau `2027-TAHUNAN`.
    #[param(max_length = 20)]
    periode: String,
    #[param(max_length = 64)]
    unit_id: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct VersiQuery {
    /// Versi SKP yang dilihat.
    versi: Option<i64>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct TanyaFormat {
    /// `xlsx` (bawaan) atau `csv`.
    #[param(max_length = 8)]
    format: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct TanyaImporRealisasi {
    /// Nama berkas asli (untuk laporan); jenisnya dikenali dari isi.
    #[serde(default)]
    #[param(max_length = 255)]
    nama_berkas: Option<String>,
}
