//! API penugasan sementara (Plt./Plh.), mutasi antar-instansi, dan akun
//! pengguna instansi (admin: buat akun; admin dan atasan: atur ulang sandi).

use super::{JsonMasuk, KeApi};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Peran;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use store::organisasi::{Pegawai, RiwayatJabatan};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(penugasan))
        .routes(routes!(mutasi))
        .routes(routes!(daftar_pengguna, buat_pengguna))
        .routes(routes!(atur_ulang_sandi))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanPenugasan {
    /// `plt` atau `plh`.
    jenis_penugasan: String,
    unit_id: String,
    #[serde(default)]
    jabatan_id: Option<String>,
    mulai: String,
    #[serde(default)]
    selesai: Option<String>,
}

/// Tugaskan Plt./Plh. (admin instansi)
#[utoipa::path(post, path = "/instansi/{iid}/pegawai/{id}/penugasan", tag = "kepegawaian",
    params(super::JalurRekaman), request_body = MasukanPenugasan,
    responses((status = 201, description = "Penugasan dicatat", body = RiwayatJabatan)))]
async fn penugasan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanPenugasan>,
) -> Result<(StatusCode, Json<RiwayatJabatan>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let r = app::organisasi::penugasan::tugaskan_sementara(
        &s.layanan,
        &p.konteks,
        &iid,
        &id,
        &m.jenis_penugasan,
        &m.unit_id,
        m.jabatan_id.as_deref(),
        &m.mulai,
        m.selesai.as_deref(),
    )
    .await
    .api(&p)?;
    Ok((StatusCode::CREATED, Json(r)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanMutasi {
    /// Id instansi tujuan.
    instansi_tujuan: String,
    /// Id unit di instansi tujuan.
    unit_tujuan: String,
    /// Tanggal mutasi YYYY-MM-DD.
    tanggal: String,
}

/// Mutasi ke instansi lain (super admin): rekaman baru di instansi tujuan
#[utoipa::path(post, path = "/instansi/{iid}/pegawai/{id}/mutasi", tag = "kepegawaian",
    params(super::JalurRekaman), request_body = MasukanMutasi,
    responses((status = 201, description = "Rekaman pegawai di instansi tujuan", body = Pegawai)))]
async fn mutasi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanMutasi>,
) -> Result<(StatusCode, Json<Pegawai>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let baru = app::organisasi::penugasan::mutasi(
        &s.layanan,
        &p.konteks,
        &iid,
        &id,
        &m.instansi_tujuan,
        &m.unit_tujuan,
        &m.tanggal,
    )
    .await
    .api(&p)?;
    Ok((StatusCode::CREATED, Json(baru)))
}

/// Akun pengguna instansi (admin instansi)
#[utoipa::path(get, path = "/instansi/{iid}/pengguna", tag = "kepegawaian",
    params(super::JalurInstansi),
    responses((status = 200, description = "Akun dengan perannya", body = Vec<app::akun::PenggunaDenganPeran>)))]
async fn daftar_pengguna(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
) -> Result<Json<Vec<app::akun::PenggunaDenganPeran>>, GalatApi> {
    Ok(Json(
        app::akun::daftar_pengguna(&s.layanan, &p.konteks, &iid)
            .await
            .api(&p)?,
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanPengguna {
    username: String,
    nama: String,
    sandi: String,
    #[serde(default)]
    pegawai_id: Option<String>,
    /// Kode peran, mis. `pegawai`, `admin_instansi`.
    peran: Vec<String>,
}

/// Buat akun pengguna (admin instansi)
#[utoipa::path(post, path = "/instansi/{iid}/pengguna", tag = "kepegawaian",
    params(super::JalurInstansi), request_body = MasukanPengguna,
    responses((status = 201, description = "Dibuat", body = store::akun::Pengguna)))]
async fn buat_pengguna(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanPengguna>,
) -> Result<(StatusCode, Json<store::akun::Pengguna>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let mut peran = Vec::new();
    for r in &m.peran {
        match Peran::dari_kode(r) {
            Some(x) => peran.push(x),
            None => {
                let mut f = std::collections::BTreeMap::new();
                f.insert(
                    "peran".to_string(),
                    format!(
                        "{}: {r}",
                        p.konteks.t("Peran tidak dikenal", "Unknown role")
                    ),
                );
                return Err(GalatApi(
                    app::Galat::input(p.konteks.t("Peran tidak dikenal.", "Unknown role."), f),
                    p.bahasa(),
                ));
            }
        }
    }
    let akun = app::akun::AkunBaru {
        instansi_id: iid,
        username: m.username,
        nama: m.nama,
        sandi: m.sandi,
        pegawai_id: m.pegawai_id,
        peran,
    };
    Ok((
        StatusCode::CREATED,
        Json(
            app::akun::buat_akun(&s.layanan, &p.konteks, akun)
                .await
                .api(&p)?,
        ),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanSandi {
    /// Sandi sementara yang diketik (minimal 8 karakter); tanpa ini server
    /// membuatnya dan mengembalikannya sekali (200).
    #[serde(default)]
    sandi_baru: Option<String>,
}

/// Sandi sementara buatan server, hanya di jawaban ini.
#[derive(serde::Serialize, ToSchema)]
struct SandiSementara {
    sandi_sementara: String,
}

/// Atur ulang sandi akun (admin instansi/BKD, super admin, atau atasan,
/// pimpinan unit, Plt./Plh. pegawai pemilik akun)
///
/// Sandi itu sementara: pemiliknya wajib menggantinya saat masuk berikutnya.
/// Semua sesi akun diputus dan token API-nya dicabut.
#[utoipa::path(post, path = "/instansi/{iid}/pengguna/{id}/sandi", tag = "kepegawaian",
    params(super::JalurRekaman), request_body = MasukanSandi,
    responses(
        (status = 204, description = "Sandi diganti dengan `sandi_baru`; sesi akun itu diputus"),
        (status = 200, description = "Tanpa `sandi_baru`: sandi sementara buatan server (sekali ini)", body = SandiSementara)))]
async fn atur_ulang_sandi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanSandi>,
) -> Result<axum::response::Response, GalatApi> {
    use axum::response::IntoResponse;
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(match m.sandi_baru {
        Some(baru) => {
            app::akun::atur_ulang_sandi(&s.layanan, &p.konteks, &iid, &id, &baru)
                .await
                .api(&p)?;
            StatusCode::NO_CONTENT.into_response()
        }
        None => {
            let sandi = app::akun::atur_ulang_sandi_sementara(&s.layanan, &p.konteks, &iid, &id)
                .await
                .api(&p)?;
            Json(SandiSementara {
                sandi_sementara: sandi,
            })
            .into_response()
        }
    })
}
