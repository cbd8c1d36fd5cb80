//! API repositori inovasi (isu 12): pencarian publik, halaman inovasi,
//! data terbuka (CSV/JSON), sebaran replikasi; replikasi, laporan berkala,
//! konfirmasi pemilik (masuk, instansi sendiri). Penangan tipis: aturan di
//! `app::inovasi`.

use super::{HasilApi, JsonMasuk, KeApi, QueryMasuk};
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::inovasi::replikasi::{
    self as rp, MasukanKonfirmasi, MasukanLaporan, MasukanReplikasi, ReplikasiSaya,
};
use app::inovasi::{self as ino, BarisDataTerbuka, DetailInovasi, HasilCari, ParamCari};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::inovasi::{Konfirmasi, LaporanReplikasi, Replikasi, SebaranWilayah};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(cari))
        .routes(routes!(data_terbuka))
        .routes(routes!(sebaran))
        .routes(routes!(lihat))
        .routes(routes!(daftar_replikasi))
        .routes(routes!(konfirmasi))
        .routes(routes!(replikasi_saya))
        .routes(routes!(laporan, kirim_laporan))
}

/// Jalur: inovasi.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
struct JalurInovasi {
    /// Id inovasi di repositori.
    id: String,
}

/// Cari inovasi (publik, tanpa masuk)
///
/// Bahasa Indonesia dengan kata dasar ("layanan" menemukan "pelayanan",
/// "sehat" menemukan "kesehatan") dan toleran salah ketik; paling cocok dulu.
/// Tanpa `cari`: terbaru dulu. `koreksi` menyebut kata yang dikoreksi;
/// `sebagian` true bila tidak ada yang memuat semua kata.
#[utoipa::path(get, path = "/inovasi", tag = "inovasi", params(ParamCari),
    responses((status = 200, description = "Hasil", body = HasilCari)))]
async fn cari(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<ParamCari>,
) -> HasilApi<HasilCari> {
    batasi(&s, &p)?;
    Ok(Json(ino::cari(&s.layanan, &p.konteks, &q).await.api(&p)?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaData {
    /// `csv` (bawaan) atau `json` (JSON Lines, satu inovasi per baris).
    #[serde(default)]
    #[param(max_length = 10)]
    format: Option<String>,
}

/// Data terbuka repositori (publik): CSV atau JSON Lines, seluruh inovasi
///
/// Dialirkan per 500 baris (memori tetap kecil berapa pun isinya).
#[utoipa::path(get, path = "/inovasi/data", tag = "inovasi", params(TanyaData),
    responses((status = 200, description = "Data", content(
        (super::openapi::Berkas = "text/csv"),
        (super::openapi::Berkas = "application/x-ndjson")))))]
async fn data_terbuka(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<TanyaData>,
) -> Response {
    if let Err(g) = batasi(&s, &p) {
        return g.into_response();
    }
    let json = match q.format.as_deref() {
        None | Some("csv") => false,
        Some("json") => true,
        Some(_) => {
            let pesan = p.konteks.t("Format csv atau json.", "Format csv or json.");
            return GalatApi(
                app::Galat::input(
                    pesan,
                    std::collections::BTreeMap::from([("format".to_string(), pesan.to_string())]),
                ),
                p.bahasa(),
            )
            .into_response();
        }
    };
    let l = s.layanan.clone();
    // Halaman pertama dibaca sebelum menjawab: galat basis data menjadi 500 yang jujur.
    let pertama = match ino::data_terbuka(&l, "", 500).await {
        Ok(v) => v,
        Err(g) => return GalatApi(g, p.bahasa()).into_response(),
    };
    let aliran = futures_util::stream::unfold(
        (Some(pertama), true, l),
        move |(halaman, awal, l)| async move {
            let daftar = halaman?;
            let mut isi = String::new();
            if awal && !json {
                isi.push_str("id,judul,instansi,unit,kode_wilayah,urusan,jenis,tahun,penghargaan,masih_berjalan,dikonfirmasi_tahun,jumlah_replikasi,ringkasan,prasyarat_replikasi,sumber\n");
            }
            if daftar.is_empty() {
                return if isi.is_empty() {
                    None
                } else {
                    Some((Ok::<_, std::io::Error>(isi), (None, false, l)))
                };
            }
            for b in &daftar {
                if json {
                    isi.push_str(&serde_json::to_string(b).unwrap_or_default());
                    isi.push('\n');
                } else {
                    isi.push_str(&baris_csv(b));
                }
            }
            let akhir = daftar.last().map(|b| b.id.clone()).unwrap_or_default();
            let berikut = if daftar.len() < 500 {
                Some(Vec::new())
            } else {
                ino::data_terbuka(&l, &akhir, 500).await.ok()
            };
            Some((Ok(isi), (berikut, false, l)))
        },
    );
    // Lapisan kompresi dapat meminta lagi sesudah aliran selesai; `fuse`
    // menjawab "selesai" lagi alih-alih panik.
    let aliran = futures_util::StreamExt::fuse(aliran);
    let (jenis, nama) = if json {
        ("application/x-ndjson; charset=utf-8", "inovasi.jsonl")
    } else {
        ("text/csv; charset=utf-8", "inovasi.csv")
    };
    (
        [
            (header::CONTENT_TYPE, jenis.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama}\""),
            ),
        ],
        Body::from_stream(aliran),
    )
        .into_response()
}

/// Batas laju bagi pengunjung tanpa masuk (per alamat).
fn batasi(s: &AppState, p: &Pengunjung) -> Result<(), GalatApi> {
    if p.konteks.aktor.is_none() && !s.pembatas_cari.izinkan(p.alamat) {
        let pesan = p.konteks.t(
            "Terlalu banyak permintaan; coba lagi sebentar lagi.",
            "Too many requests; try again shortly.",
        );
        return Err(GalatApi(
            app::Galat::TerlaluBanyak(pesan.into()),
            p.bahasa(),
        ));
    }
    Ok(())
}

/// Satu baris CSV (RFC 4180; sel yang diawali =,+,-,@ diberi ' agar tidak
/// dijalankan sebagai rumus oleh aplikasi lembar kerja).
fn baris_csv(b: &BarisDataTerbuka) -> String {
    fn sel(s: &str) -> String {
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }
    let o = |x: &Option<String>| x.as_deref().map(sel).unwrap_or_default();
    let n = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    format!(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        sel(&b.id),
        sel(&b.judul),
        sel(&b.instansi),
        o(&b.unit),
        o(&b.kode_wilayah),
        o(&b.urusan),
        o(&b.jenis),
        n(b.tahun),
        o(&b.penghargaan),
        b.masih_berjalan
            .map(|v| if v { "ya" } else { "tidak" })
            .unwrap_or(""),
        n(b.dikonfirmasi_tahun),
        b.jumlah_replikasi,
        sel(&b.ringkasan),
        o(&b.prasyarat_replikasi),
        sel(&b.sumber),
    )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaSebaran {
    /// Kode provinsi (2 angka): sebaran per kabupaten/kota; kosong: nasional per provinsi.
    #[serde(default)]
    #[param(max_length = 2)]
    provinsi: Option<String>,
}

/// Sebaran replikasi per wilayah (publik): nasional per provinsi, atau per kabupaten/kota satu provinsi
#[utoipa::path(get, path = "/inovasi/sebaran", tag = "inovasi", params(TanyaSebaran),
    responses((status = 200, description = "Sebaran", body = Vec<SebaranWilayah>)))]
async fn sebaran(
    State(s): State<AppState>,
    p: Pengunjung,
    QueryMasuk(q): QueryMasuk<TanyaSebaran>,
) -> HasilApi<Vec<SebaranWilayah>> {
    Ok(Json(
        ino::sebaran(
            &s.layanan,
            &p.konteks,
            q.provinsi.as_deref().filter(|x| !x.is_empty()),
        )
        .await
        .api(&p)?,
    ))
}

/// Satu inovasi (publik) dengan penghargaan, konfirmasi pemilik dan replikasinya
#[utoipa::path(get, path = "/inovasi/{id}", tag = "inovasi", params(JalurInovasi),
    responses((status = 200, description = "Inovasi", body = DetailInovasi)))]
async fn lihat(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
) -> HasilApi<DetailInovasi> {
    Ok(Json(ino::lihat(&s.layanan, &p.konteks, &id).await.api(&p)?))
}

/// Daftarkan replikasi inovasi ini oleh instansi Anda (admin instansi, operator inovasi)
#[utoipa::path(post, path = "/inovasi/{id}/replikasi", tag = "inovasi", params(JalurInovasi),
    request_body = MasukanReplikasi,
    responses((status = 201, description = "Terdaftar", body = Replikasi)))]
async fn daftar_replikasi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanReplikasi>,
) -> Result<(StatusCode, Json<Replikasi>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(rp::daftar(&s.layanan, &p.konteks, &id, m).await.api(&p)?),
    ))
}

/// Konfirmasi tahunan pemilik: inovasi masih berjalan atau berhenti
#[utoipa::path(post, path = "/inovasi/{id}/konfirmasi", tag = "inovasi", params(JalurInovasi),
    request_body = MasukanKonfirmasi,
    responses((status = 200, description = "Tersimpan", body = Konfirmasi)))]
async fn konfirmasi(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanKonfirmasi>,
) -> HasilApi<Konfirmasi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok(Json(
        rp::konfirmasi(&s.layanan, &p.konteks, &id, m)
            .await
            .api(&p)?,
    ))
}

/// Replikasi yang didaftarkan instansi Anda
#[utoipa::path(get, path = "/replikasi", tag = "inovasi",
    responses((status = 200, description = "Replikasi", body = Vec<ReplikasiSaya>)))]
async fn replikasi_saya(State(s): State<AppState>, p: Pengunjung) -> HasilApi<Vec<ReplikasiSaya>> {
    Ok(Json(rp::milik_saya(&s.layanan, &p.konteks).await.api(&p)?))
}

/// Laporan berkala satu replikasi instansi Anda
#[utoipa::path(get, path = "/replikasi/{id}/laporan", tag = "inovasi", params(super::JalurId),
    responses((status = 200, description = "Laporan", body = Vec<LaporanReplikasi>)))]
async fn laporan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
) -> HasilApi<Vec<LaporanReplikasi>> {
    Ok(Json(
        rp::laporan(&s.layanan, &p.konteks, &id).await.api(&p)?,
    ))
}

/// Kirim laporan semester replikasi (capaian, masih berjalan, bukti)
#[utoipa::path(post, path = "/replikasi/{id}/laporan", tag = "inovasi", params(super::JalurId),
    request_body = MasukanLaporan,
    responses((status = 201, description = "Terkirim", body = LaporanReplikasi)))]
async fn kirim_laporan(
    State(s): State<AppState>,
    p: Pengunjung,
    h: HeaderMap,
    Path(id): Path<String>,
    JsonMasuk(m): JsonMasuk<MasukanLaporan>,
) -> Result<(StatusCode, Json<LaporanReplikasi>), GalatApi> {
    p.periksa_csrf_api(&h).api(&p)?;
    Ok((
        StatusCode::CREATED,
        Json(rp::lapor(&s.layanan, &p.konteks, &id, m).await.api(&p)?),
    ))
}
