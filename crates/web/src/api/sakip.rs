//! API SAKIP (isu 10): Renstra dan IKU, pohon kinerja (JSON dan SVG),
//! realisasi IKU, Perjanjian Kinerja, saran predikat organisasi, LKE dan
//! reviunya, LKjIP (JSON, XLSX, PDF). Jalur dan nama field adalah kontrak.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::sakip::{self as sk};
use axum::Json;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use store::sakip::{
    Iku, JawabanLke, Kontributor, Periode, RealisasiIku, Sasaran, TargetIku, Tautan,
};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(pohon))
        .routes(routes!(yatim))
        .routes(routes!(salin_pohon))
        .routes(routes!(renstra))
        .routes(routes!(buat_periode))
        .routes(routes!(tambah_sasaran))
        .routes(routes!(tambah_iku))
        .routes(routes!(simpan_target))
        .routes(routes!(tautkan_program))
        .routes(routes!(simpan_kontributor))
        .routes(routes!(isi_realisasi_iku))
        .routes(routes!(daftar_pk, ajukan_pk))
        .routes(routes!(lihat_pk))
        .routes(routes!(putuskan_pk))
        .routes(routes!(saran_predikat))
        .routes(routes!(evaluasi))
        .routes(routes!(isi_jawaban))
        .routes(routes!(reviu_jawaban))
        .routes(routes!(ajukan_lke))
        .routes(routes!(putuskan_tahap))
        .routes(routes!(muat_templat).layer(DefaultBodyLimit::max(512 * 1024)))
        .routes(routes!(lkjip))
        .routes(routes!(lkjip_xlsx))
        .routes(routes!(lkjip_pdf))
        .routes(routes!(pk_pdf))
}

fn pdf(nama: &str, isi: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response()
}

/// LKjIP sebagai PDF (A4, fon tertanam): capaian IKU, anggaran program, hasil evaluasi
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/lkjip.pdf", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "PDF", content(
        (super::openapi::Berkas = "application/pdf")))))]
async fn lkjip_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> Response {
    let hasil = async {
        let th = tahun(&p, &th)?;
        let isi = sk::lkjip_pdf(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?;
        Ok::<_, GalatApi>(pdf(&format!("lkjip-{th}.pdf"), isi))
    }
    .await;
    hasil.unwrap_or_else(|g| g.into_response())
}

/// Perjanjian Kinerja sebagai PDF dalam tata letak resmi, dengan tempat tanda tangan elektronik
#[utoipa::path(get, path = "/instansi/{iid}/sakip/perjanjian/{id}/pdf", tag = "sakip",
    params(super::JalurRekaman), responses((status = 200, description = "PDF", content(
        (super::openapi::Berkas = "application/pdf")))))]
async fn pk_pdf(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> Response {
    let hasil = async {
        let isi = sk::pk_pdf(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?;
        Ok::<_, GalatApi>(pdf("perjanjian-kinerja.pdf", isi))
    }
    .await;
    hasil.unwrap_or_else(|g| g.into_response())
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahun {
    /// Id instansi.
    iid: String,
    /// Tahun (2000–2100).
    tahun: i64,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTahunId {
    iid: String,
    tahun: i64,
    /// Id rekaman (sasaran, IKU).
    id: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurKriteria {
    iid: String,
    tahun: i64,
    /// Kode kriteria LKE, mis. `1.a.1`.
    kode: String,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurRealisasi {
    iid: String,
    tahun: i64,
    /// Id IKU.
    id: String,
    /// Triwulan 1–4.
    triwulan: i64,
}

use super::anggaran::tahun;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaPohon {
    /// `json` (bawaan) atau `svg` (gambar untuk dicetak).
    format: Option<String>,
    /// Capaian sampai triwulan ini (1–4, bawaan 4).
    triwulan: Option<u8>,
}

/// Rata daftar simpul untuk SVG (kedalaman lebih dulu).
fn ratakan(s: &[sk::Simpul], d: usize, keluar: &mut Vec<crate::grafik::BarisPohon>) {
    for x in s {
        keluar.push(crate::grafik::BarisPohon {
            kedalaman: d,
            kode: x.kode.clone(),
            nama: x.nama.clone(),
            capaian: x.capaian_persen.clone(),
            warna: x.warna.clone(),
        });
        ratakan(&x.anak, d + 1, keluar);
    }
}

/// Pohon kinerja: larik simpul akar (tujuan) sampai sub kegiatan, tiap simpul dengan indikator, target, realisasi dan capaian (dua desimal); `?format=svg` memberi gambarnya
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/pohon", tag = "sakip",
    params(JalurTahun, TanyaPohon),
    responses((status = 200, description = "Simpul akar", body = Vec<sk::Simpul>,
        content((Vec<sk::Simpul> = "application/json"), (String = "image/svg+xml")))))]
async fn pohon(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaPohon>,
) -> Response {
    let hasil = async {
        let th = tahun(&p, &th)?;
        let svg = match q.format.as_deref() {
            None | Some("json") => false,
            Some("svg") => true,
            Some(_) => {
                return Err(GalatApi(
                    Galat::input(
                        p.konteks.t("Format tidak dikenal.", "Unknown format."),
                        BTreeMap::from([(
                            "format".into(),
                            p.konteks
                                .t(
                                    "Format harus json atau svg.",
                                    "The format must be json or svg.",
                                )
                                .into(),
                        )]),
                    ),
                    p.bahasa(),
                ));
            }
        };
        let x = sk::pohon(&s.layanan, &p.konteks, &iid, th, q.triwulan.unwrap_or(4))
            .await
            .api(&p)?;
        if svg {
            let mut baris = Vec::new();
            ratakan(&x.akar, 0, &mut baris);
            let judul = match p.bahasa() {
                app::Bahasa::Id => format!("Pohon kinerja {th}"),
                app::Bahasa::En => format!("Performance tree {th}"),
            };
            Ok((
                [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
                crate::grafik::pohon(&baris, &judul),
            )
                .into_response())
        } else {
            Ok(Json(x.akar).into_response())
        }
    }
    .await;
    hasil.unwrap_or_else(|g| g.into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
struct JawabanYatim {
    subkegiatan: Vec<app::sakip::pohon::Yatim>,
    sasaran: Vec<app::sakip::pohon::Yatim>,
}

/// Yatim pohon kinerja: sub kegiatan yang tidak melayani sasaran mana pun, sasaran tanpa program
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/pohon/yatim", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "Yatim", body = JawabanYatim)))]
async fn yatim(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<JawabanYatim> {
    let th = tahun(&p, &th)?;
    let x = sk::pohon(&s.layanan, &p.konteks, &iid, th, 4)
        .await
        .api(&p)?;
    Ok(Json(JawabanYatim {
        subkegiatan: x.subkegiatan_yatim,
        sasaran: x.sasaran_yatim,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
struct JawabanSalin {
    /// Baris tautan dan kontributor yang disalin dari tahun sebelumnya.
    disalin: u64,
}

/// Pohon tahun ini bermula dari salinan tahun lalu (tautan sasaran–program, kontributor)
#[utoipa::path(post, path = "/instansi/{iid}/sakip/{tahun}/pohon/salin", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "Disalin", body = JawabanSalin)))]
async fn salin_pohon(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<JawabanSalin> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let n = sk::salin_pohon(&s.layanan, &p.konteks, &iid, th)
        .await
        .api(&p)?;
    Ok(Json(JawabanSalin { disalin: n }))
}

/// Lapis strategis yang berlaku tahun itu: periode, tujuan, sasaran, IKU, target, tautan program, kontributor
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/renstra", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "Renstra", body = sk::Renstra)))]
async fn renstra(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<sk::Renstra> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::renstra(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// Buat periode Renstra/RPJMD (perencana)
#[utoipa::path(post, path = "/instansi/{iid}/sakip/periode", tag = "sakip",
    params(super::JalurInstansi), request_body = sk::MasukanPeriode,
    responses((status = 201, description = "Dibuat", body = Periode)))]
async fn buat_periode(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(iid): Path<String>,
    JsonMasuk(m): JsonMasuk<sk::MasukanPeriode>,
) -> Result<(StatusCode, Json<Periode>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::buat_periode(&s.layanan, &p.konteks, &iid, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Tambah tujuan atau sasaran strategis pada satu periode (perencana)
#[utoipa::path(post, path = "/instansi/{iid}/sakip/periode/{id}/sasaran", tag = "sakip",
    params(super::JalurRekaman), request_body = sk::MasukanSasaran,
    responses((status = 201, description = "Dibuat", body = Sasaran)))]
async fn tambah_sasaran(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanSasaran>,
) -> Result<(StatusCode, Json<Sasaran>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::tambah_sasaran(&s.layanan, &p.konteks, &iid, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Tambah IKU sebuah tujuan/sasaran dengan target per tahun (perencana)
#[utoipa::path(post, path = "/instansi/{iid}/sakip/sasaran/{id}/iku", tag = "sakip",
    params(super::JalurRekaman), request_body = sk::MasukanIku,
    responses((status = 201, description = "Dibuat", body = Iku)))]
async fn tambah_iku(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanIku>,
) -> Result<(StatusCode, Json<Iku>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::tambah_iku(&s.layanan, &p.konteks, &iid, &id, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Simpan target IKU satu tahun (perencana)
#[utoipa::path(put, path = "/instansi/{iid}/sakip/iku/{id}/target", tag = "sakip",
    params(super::JalurRekaman), request_body = sk::MasukanTarget,
    responses((status = 200, description = "Disimpan", body = TargetIku)))]
async fn simpan_target(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanTarget>,
) -> HasilApi<TargetIku> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        sk::simpan_target_iku(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Tautkan program rencana tahun itu ke sebuah sasaran (mengganti tautan lama; perencana)
#[utoipa::path(put, path = "/instansi/{iid}/sakip/{tahun}/sasaran/{id}/program", tag = "sakip",
    params(JalurTahunId), request_body = sk::MasukanTautan,
    responses((status = 200, description = "Tautan sasaran itu", body = Vec<Tautan>)))]
async fn tautkan_program(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, id)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanTautan>,
) -> HasilApi<Vec<Tautan>> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::tautkan_program(&s.layanan, &p.konteks, &iid, th, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Unit kontributor simpul lintas unit (mengganti yang lama; perencana)
#[utoipa::path(put, path = "/instansi/{iid}/sakip/{tahun}/kontributor", tag = "sakip",
    params(JalurTahun), request_body = sk::MasukanKontributor,
    responses((status = 200, description = "Kontributor simpul itu", body = Vec<Kontributor>)))]
async fn simpan_kontributor(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanKontributor>,
) -> HasilApi<Vec<Kontributor>> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::simpan_kontributor(&s.layanan, &p.konteks, &iid, th, m)
            .await
            .api(&p)?,
    ))
}

/// Realisasi IKU satu triwulan dengan penjelasan dan bukti (perencana, atau pimpinan unit sasarannya); versi wajib
#[utoipa::path(put, path = "/instansi/{iid}/sakip/{tahun}/iku/{id}/realisasi/{triwulan}", tag = "sakip",
    params(JalurRealisasi, super::JikaCocok), request_body = sk::MasukanRealisasiIku,
    responses((status = 200, description = "Disimpan", body = RealisasiIku),
        (status = 409, description = "Diubah orang lain", body = super::openapi::Galat)))]
async fn isi_realisasi_iku(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, id, tw)): Path<(String, String, String, i64)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanRealisasiIku>,
) -> HasilApi<RealisasiIku> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        sk::simpan_realisasi_iku(&s.layanan, &p.konteks, &iid, th, &id, tw, m)
            .await
            .api(&p)?,
    ))
}

/// Perjanjian Kinerja satu tahun (semua revisi) dengan capaian tiap baris
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/perjanjian", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "PK", body = Vec<sk::PkLengkap>)))]
async fn daftar_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<Vec<sk::PkLengkap>> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::daftar_pk(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// Usulkan PK (awal atau revisi) sebuah unit dari pohon kinerja; 409 `pk_usulan_ada`, `pk_tanpa_indikator`
#[utoipa::path(post, path = "/instansi/{iid}/sakip/{tahun}/perjanjian", tag = "sakip",
    params(JalurTahun), request_body = sk::MasukanPk,
    responses((status = 201, description = "Diusulkan", body = sk::PkLengkap),
        (status = 409, description = "Usulan masih menunggu, atau pohon tanpa indikator", body = super::openapi::Galat)))]
async fn ajukan_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanPk>,
) -> Result<(StatusCode, Json<sk::PkLengkap>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok((
        StatusCode::CREATED,
        Json(
            sk::ajukan_pk(&s.layanan, &p.konteks, &iid, th, m)
                .await
                .api(&p)?,
        ),
    ))
}

/// Satu PK dengan barisnya
#[utoipa::path(get, path = "/instansi/{iid}/sakip/perjanjian/{id}", tag = "sakip",
    params(super::JalurRekaman), responses((status = 200, description = "PK", body = sk::PkLengkap)))]
async fn lihat_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
) -> HasilApi<sk::PkLengkap> {
    Ok(Json(
        sk::pk_satu(&s.layanan, &p.konteks, &iid, &id)
            .await
            .api(&p)?,
    ))
}

/// Atasan (pihak kedua) menyetujui atau mengembalikan usulan PK
#[utoipa::path(post, path = "/instansi/{iid}/sakip/perjanjian/{id}/keputusan", tag = "sakip",
    params(super::JalurRekaman), request_body = sk::MasukanKeputusanPk,
    responses((status = 200, description = "Diputuskan", body = sk::PkLengkap)))]
async fn putuskan_pk(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, id)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanKeputusanPk>,
) -> HasilApi<sk::PkLengkap> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        sk::putuskan_pk(&s.layanan, &p.konteks, &iid, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Saran predikat kinerja organisasi per unit (untuk kurva distribusi SKP), dengan alasannya
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/predikat", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "Saran per unit", body = Vec<sk::SaranUnit>)))]
async fn saran_predikat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<Vec<sk::SaranUnit>> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::saran_predikat(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?,
    ))
}

/// LKE (evaluasi AKIP) satu tahun dengan nilai dan predikatnya, nilai mandiri, riwayat reviu dan pembanding tahun lalu
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/evaluasi", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "LKE", body = sk::LkeLengkap)))]
async fn evaluasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<sk::LkeLengkap> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::lke(&s.layanan, &p.konteks, &iid, th).await.api(&p)?,
    ))
}

/// Jawaban mandiri satu kriteria LKE dengan bukti (perencana, tahap pengisian); versi wajib
#[utoipa::path(put, path = "/instansi/{iid}/sakip/{tahun}/evaluasi/kriteria/{kode}", tag = "sakip",
    params(JalurKriteria, super::JikaCocok), request_body = sk::MasukanJawaban,
    responses((status = 200, description = "Disimpan", body = JawabanLke),
        (status = 409, description = "Sedang direviu, atau diubah orang lain", body = super::openapi::Galat)))]
async fn isi_jawaban(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanJawaban>,
) -> HasilApi<JawabanLke> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let mut m = m;
    m.versi = super::versi_dari(&p, &h, m.versi)?;
    Ok(Json(
        sk::isi_jawaban(&s.layanan, &p.konteks, &iid, th, &kode, m)
            .await
            .api(&p)?,
    ))
}

/// Kolom reviu satu kriteria (inspektur, pada tahap reviu)
#[utoipa::path(put, path = "/instansi/{iid}/sakip/{tahun}/evaluasi/kriteria/{kode}/reviu", tag = "sakip",
    params(JalurKriteria), request_body = sk::MasukanReviuJawaban,
    responses((status = 200, description = "Disimpan", body = JawabanLke)))]
async fn reviu_jawaban(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th, kode)): Path<(String, String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanReviuJawaban>,
) -> HasilApi<JawabanLke> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::reviu_jawaban(&s.layanan, &p.konteks, &iid, th, &kode, m)
            .await
            .api(&p)?,
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct MasukanAjukan {
    #[serde(default)]
    komentar: Option<String>,
}

/// Ajukan LKE untuk direviu (perencana); 422 dengan kriteria yang belum dijawab
#[utoipa::path(post, path = "/instansi/{iid}/sakip/{tahun}/evaluasi/ajukan", tag = "sakip",
    params(JalurTahun), request_body = MasukanAjukan,
    responses((status = 200, description = "Diajukan", body = sk::LkeLengkap)))]
async fn ajukan_lke(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<MasukanAjukan>,
) -> HasilApi<sk::LkeLengkap> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::ajukan_lke(&s.layanan, &p.konteks, &iid, th, m.komentar)
            .await
            .api(&p)?,
    ))
}

/// Keputusan tahap reviu (verifikasi → penjaminan mutu → evaluasi → selesai, atau kembali ke pengisian); 409 `peninjau_sama`
#[utoipa::path(post, path = "/instansi/{iid}/sakip/{tahun}/evaluasi/tahap", tag = "sakip",
    params(JalurTahun), request_body = sk::MasukanTahap,
    responses((status = 200, description = "Diputuskan", body = sk::LkeLengkap),
        (status = 409, description = "Bukan tahap reviu, atau peninjau sama", body = super::openapi::Galat)))]
async fn putuskan_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path((iid, th)): Path<(String, String)>,
    JsonMasuk(m): JsonMasuk<sk::MasukanTahap>,
) -> HasilApi<sk::LkeLengkap> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::putuskan_tahap(&s.layanan, &p.konteks, &iid, th, m)
            .await
            .api(&p)?,
    ))
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurTemplat {
    /// Berlaku mulai tahun ini.
    tahun: i64,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaTemplat {
    /// `lke` (bawaan: JSON templat LKE) | `kuesioner_mendagri` | `kuesioner_menpan`
    /// (berkas kuesioner wp-eval-sakip, diubah menjadi templat LKE).
    #[serde(default)]
    format: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct TemplatDimuat {
    id: String,
    tahun: i64,
    nama: String,
}

/// Muat templat LKE baru (super admin): komponen, sub komponen, kriteria, bobot, skala jawaban; atau kuesioner Mendagri/MenPAN (wp-eval-sakip) dengan `?format=`
#[utoipa::path(post, path = "/sakip/lke-templat/{tahun}", tag = "sakip",
    params(JalurTemplat, TanyaTemplat), request_body(content = String, content_type = "application/json"),
    responses((status = 201, description = "Dimuat", body = TemplatDimuat),
        (status = 422, description = "Templat atau format tidak sah; `fields` menunjuk jalur di berkas", body = super::openapi::Galat)))]
async fn muat_templat(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(th): Path<String>,
    QueryMasuk(q): QueryMasuk<TanyaTemplat>,
    badan: String,
) -> Result<(StatusCode, Json<TemplatDimuat>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    let th = tahun(&p, &th)?;
    let format = q.format.unwrap_or_default();
    let t = app::sakip::lke::muat_templat(&s.layanan, &p.konteks, th, &format, &badan)
        .await
        .api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(TemplatDimuat {
            id: t.id,
            tahun: t.tahun,
            nama: t.nama,
        }),
    ))
}

/// Data LKjIP (JSON): capaian IKU, anggaran program, hasil evaluasi
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/lkjip", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "LKjIP", body = sk::DataLkjip)))]
async fn lkjip(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilApi<sk::DataLkjip> {
    let th = tahun(&p, &th)?;
    Ok(Json(
        sk::lkjip(&s.layanan, &p.konteks, &iid, th).await.api(&p)?,
    ))
}

/// LKjIP sebagai XLSX
#[utoipa::path(get, path = "/instansi/{iid}/sakip/{tahun}/lkjip.xlsx", tag = "sakip",
    params(JalurTahun), responses((status = 200, description = "XLSX", content(
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))))]
async fn lkjip_xlsx(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> Response {
    let hasil = async {
        let th = tahun(&p, &th)?;
        let isi = sk::lkjip_xlsx(&s.layanan, &p.konteks, &iid, th)
            .await
            .api(&p)?;
        Ok::<_, GalatApi>(crate::halaman::impor::unduhan(
            &format!("lkjip-{th}.xlsx"),
            app::impor::Format::Xlsx,
            isi,
        ))
    }
    .await;
    hasil.unwrap_or_else(|g| g.into_response())
}
