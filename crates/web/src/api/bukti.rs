//! API bukti: unggah (multipart, field `berkas`, boleh berulang), daftar
//! unggahan sendiri, ambil isi, hapus. Ukuran dihitung selama badan dibaca:
//! tidak ada badan yang ditampung tanpa batas. Isi hanya dilayani lewat rute
//! ini, setelah hak diperiksa di layanan (docs/adr/0009).

use super::QueryMasuk;
use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::bukti::{BerkasMasuk, Bukti, Varian};
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::collections::BTreeMap;

/// Batas mutlak badan unggahan bukti, apa pun konfigurasinya; batas yang
/// berlaku (`bukti_maks_bita`, `bukti_maks_permintaan`) dihitung per potongan
/// saat badan dibaca.
pub const BATAS_MUTLAK: usize = 512 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/instansi/{iid}/bukti",
            post(unggah)
                .get(daftar)
                .layer(DefaultBodyLimit::max(BATAS_MUTLAK)),
        )
        .route("/instansi/{iid}/bukti/{id}", get(ambil).delete(hapus))
}

/// Metadata bukti untuk klien, dengan alamat isinya.
pub fn keluaran(b: &Bukti) -> serde_json::Value {
    let url = format!("/api/v1/instansi/{}/bukti/{}", b.instansi_id, b.id);
    let foto = b.sha256_kecil.is_some();
    serde_json::json!({
        "id": b.id,
        "instansi_id": b.instansi_id,
        "sha256": b.sha256,
        "ukuran": b.ukuran,
        "jenis_mime": b.jenis_mime,
        "nama_asli": b.nama_asli,
        "pengunggah_id": b.pengunggah_id,
        "dibuat_pada": b.dibuat_pada,
        "lebar": b.lebar,
        "tinggi": b.tinggi,
        "pratinjau": foto,
        "url": url,
        "url_kecil": foto.then(|| format!("{url}?varian=kecil")),
        "url_mini": foto.then(|| format!("{url}?varian=mini")),
    })
}

/// Galat layanan → jawaban lewat pintu galat yang sama (ukuran → 413, jenis → 415).
fn jawab_galat(g: Galat, b: app::Bahasa) -> Response {
    GalatApi(g, b).into_response()
}

fn galat_multipart(p: &Pengunjung, e: &MultipartError) -> Response {
    let c = &p.konteks;
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return jawab_galat(
            app::bukti::galat_permintaan_terlalu_besar(c, BATAS_MUTLAK as u64),
            p.bahasa(),
        );
    }
    let pesan = format!(
        "{}: {}",
        c.t("Badan multipart rusak", "Malformed multipart body"),
        e.body_text()
    );
    jawab_galat(
        Galat::InputTidakValid {
            kode: "multipart_tidak_valid".into(),
            fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
            pesan,
        },
        p.bahasa(),
    )
}

/// `POST /api/v1/instansi/{iid}/bukti` (multipart/form-data, field `berkas`
/// berulang). 201 `{"bukti": [...]}`; 413 terlalu besar; 415 jenis tidak
/// diterima; 422 rusak. Semua atau tidak sama sekali.
async fn unggah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(iid): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let b = p.bahasa();
    let k = &p.konteks;
    // Hak dan CSRF sebelum badan dibaca.
    if let Err(g) = app::bukti::boleh_unggah(k, &iid)
        .map(|_| ())
        .and_then(|_| p.periksa_csrf_api(&headers))
    {
        return jawab_galat(g, b);
    }
    let mut mp = match multipart {
        Ok(m) => m,
        Err(e) => {
            let pesan = format!(
                "{} ({})",
                k.t(
                    "Kirim berkas sebagai multipart/form-data dengan field `berkas`",
                    "Send the files as multipart/form-data with the field `berkas`"
                ),
                e.body_text()
            );
            return jawab_galat(
                Galat::InputTidakValid {
                    kode: "multipart_tidak_valid".into(),
                    fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
                    pesan,
                },
                b,
            );
        }
    };
    let c = &s.layanan.konfigurasi;
    let mut berkas: Vec<BerkasMasuk> = Vec::new();
    let mut total: u64 = 0;
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return galat_multipart(&p, &e),
        };
        if field.name() != Some("berkas") {
            let pesan = k.t(
                "Field tidak dikenal; kirim berkas dalam field `berkas`.",
                "Unknown field; send the files in the field `berkas`.",
            );
            let nama = field
                .name()
                .unwrap_or("")
                .chars()
                .take(64)
                .collect::<String>();
            return jawab_galat(
                Galat::input(pesan, BTreeMap::from([(nama, pesan.to_string())])),
                b,
            );
        }
        if berkas.len() >= c.bukti_maks_berkas {
            return jawab_galat(app::bukti::galat_terlalu_banyak(k, c.bukti_maks_berkas), b);
        }
        let nama = field.file_name().unwrap_or("").to_string();
        let mut isi: Vec<u8> = Vec::new();
        loop {
            let potong = match field.chunk().await {
                Ok(Some(x)) => x,
                Ok(None) => break,
                Err(e) => return galat_multipart(&p, &e),
            };
            total += potong.len() as u64;
            if (isi.len() + potong.len()) as u64 > c.bukti_maks_bita {
                return jawab_galat(
                    app::bukti::galat_terlalu_besar(k, &nama, c.bukti_maks_bita),
                    b,
                );
            }
            if total > c.bukti_maks_permintaan {
                return jawab_galat(
                    app::bukti::galat_permintaan_terlalu_besar(k, c.bukti_maks_permintaan),
                    b,
                );
            }
            isi.extend_from_slice(&potong);
        }
        berkas.push(BerkasMasuk { nama, isi });
    }
    match app::bukti::unggah(&s.layanan, k, &iid, berkas).await {
        Ok(v) => (
            StatusCode::CREATED,
            Json(serde_json::json!({ "bukti": v.iter().map(keluaran).collect::<Vec<_>>() })),
        )
            .into_response(),
        Err(g) => jawab_galat(g, b),
    }
}

/// `GET /api/v1/instansi/{iid}/bukti`: unggahan sendiri, terbaru dulu.
async fn daftar(State(s): State<AppState>, p: Pengunjung, Path(iid): Path<String>) -> Response {
    match app::bukti::daftar_milik_saya(&s.layanan, &p.konteks, &iid).await {
        Ok(v) => Json(serde_json::json!({ "bukti": v.iter().map(keluaran).collect::<Vec<_>>() }))
            .into_response(),
        Err(g) => jawab_galat(g, p.bahasa()),
    }
}

#[derive(serde::Deserialize)]
struct TanyaAmbil {
    #[serde(default)]
    varian: Option<String>,
}

/// `Content-Disposition` dengan nama ASCII cadangan dan nama UTF-8 (RFC 6266/5987).
fn disposisi(lampiran: bool, nama: &str) -> HeaderValue {
    let cadangan: String = nama
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut dikode = String::new();
    for byte in nama.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            dikode.push(byte as char);
        } else {
            dikode.push_str(&format!("%{byte:02X}"));
        }
    }
    let jenis = if lampiran { "attachment" } else { "inline" };
    HeaderValue::from_str(&format!(
        "{jenis}; filename=\"{cadangan}\"; filename*=UTF-8''{dikode}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// `GET /api/v1/instansi/{iid}/bukti/{id}?varian=asli|kecil|mini` (bawaan
/// asli). Asli selalu lampiran; salinan foto boleh tampil. Selalu nosniff,
/// jenis yang tersimpan, `Cache-Control: private, no-store`, dan CSP yang
/// melarang apa pun bila berkas terbuka langsung di peramban.
async fn ambil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<TanyaAmbil>,
) -> Response {
    let b = p.bahasa();
    let varian = match q.varian.as_deref() {
        None => Varian::Asli,
        Some(v) => match Varian::dari_kode(v) {
            Some(v) => v,
            None => {
                let pesan = p.konteks.t(
                    "Varian harus asli, kecil atau mini.",
                    "The variant must be asli, kecil or mini.",
                );
                return jawab_galat(
                    Galat::input(
                        pesan,
                        BTreeMap::from([("varian".to_string(), pesan.to_string())]),
                    ),
                    b,
                );
            }
        },
    };
    match app::bukti::ambil(&s.layanan, &p.konteks, &iid, &id, varian).await {
        Ok((_, saji)) => {
            let mime = HeaderValue::from_str(&saji.jenis_mime)
                .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, mime);
            h.insert(
                header::CONTENT_DISPOSITION,
                disposisi(saji.lampiran, &saji.nama_unduh),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            (StatusCode::OK, h, saji.isi).into_response()
        }
        Err(g) => jawab_galat(g, b),
    }
}

/// `DELETE /api/v1/instansi/{iid}/bukti/{id}`: 204; 409 bila masih dirujuk.
async fn hapus(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let b = p.bahasa();
    if let Err(g) = p.periksa_csrf_api(&headers) {
        return jawab_galat(g, b);
    }
    match app::bukti::hapus(&s.layanan, &p.konteks, &iid, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(g) => jawab_galat(g, b),
    }
}
