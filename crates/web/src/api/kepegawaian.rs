//! API penugasan sementara (Plt./Plh.), mutasi antar-instansi, dan akun
//! pengguna instansi (admin: buat akun, atur ulang sandi).

use super::{JsonMasuk, KeApi};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Peran;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use store::organisasi::{Pegawai, RiwayatJabatan};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/pegawai/{id}/penugasan", post(penugasan))
        .route("/instansi/{iid}/pegawai/{id}/mutasi", post(mutasi))
        .route(
            "/instansi/{iid}/pengguna",
            get(daftar_pengguna).post(buat_pengguna),
        )
        .route(
            "/instansi/{iid}/pengguna/{id}/sandi",
            post(atur_ulang_sandi),
        )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MasukanPenugasan {
    jenis_penugasan: String,
    unit_id: String,
    #[serde(default)]
    jabatan_id: Option<String>,
    mulai: String,
    #[serde(default)]
    selesai: Option<String>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MasukanMutasi {
    instansi_tujuan: String,
    unit_tujuan: String,
    tanggal: String,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MasukanPengguna {
    username: String,
    nama: String,
    sandi: String,
    #[serde(default)]
    pegawai_id: Option<String>,
    peran: Vec<String>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MasukanSandi {
    sandi_baru: String,
}

async fn atur_ulang_sandi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanSandi>,
) -> Result<StatusCode, GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    app::akun::atur_ulang_sandi(&s.layanan, &p.konteks, &iid, &id, &m.sandi_baru)
        .await
        .api(&p)?;
    Ok(StatusCode::NO_CONTENT)
}
