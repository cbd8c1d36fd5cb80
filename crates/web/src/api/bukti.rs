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
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Batas mutlak badan unggahan bukti, apa pun konfigurasinya; batas yang
/// berlaku (`bukti_maks_bita`, `bukti_maks_permintaan`) dihitung per potongan
/// saat badan dibaca.
pub const BATAS_MUTLAK: usize = 512 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(unggah, daftar).layer(DefaultBodyLimit::max(BATAS_MUTLAK)))
        .routes(routes!(ambil, hapus))
}

/// Metadata bukti untuk klien, dengan alamat isinya.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct KeluaranBukti {
    id: String,
    instansi_id: String,
    /// SHA-256 isi asli (heksadesimal).
    sha256: String,
    /// Ukuran asli dalam bita.
    ukuran: i64,
    /// Jenis yang dikenali dari isi.
    jenis_mime: String,
    nama_asli: String,
    pengunggah_id: String,
    dibuat_pada: String,
    /// Lebar foto dalam piksel (selain foto: null).
    lebar: Option<i64>,
    tinggi: Option<i64>,
    /// Foto dengan salinan kecil dan mini yang boleh tampil.
    pratinjau: bool,
    /// Alamat isi asli (selalu lampiran).
    url: String,
    url_kecil: Option<String>,
    url_mini: Option<String>,
}

/// Daftar bukti (hasil unggah atau unggahan sendiri).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct DaftarBukti {
    bukti: Vec<KeluaranBukti>,
}

/// Badan unggahan multipart: field `berkas`, boleh berulang.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UnggahBukti {
    #[schema(value_type = Vec<super::openapi::Berkas>)]
    berkas: Vec<u8>,
}

/// Metadata bukti untuk klien, dengan alamat isinya.
pub fn keluaran(b: &Bukti) -> KeluaranBukti {
    let url = format!("/api/v1/instansi/{}/bukti/{}", b.instansi_id, b.id);
    let foto = b.sha256_kecil.is_some();
    KeluaranBukti {
        id: b.id.clone(),
        instansi_id: b.instansi_id.clone(),
        sha256: b.sha256.clone(),
        ukuran: b.ukuran,
        jenis_mime: b.jenis_mime.clone(),
        nama_asli: b.nama_asli.clone(),
        pengunggah_id: b.pengunggah_id.clone(),
        dibuat_pada: b.dibuat_pada.clone(),
        lebar: b.lebar,
        tinggi: b.tinggi,
        pratinjau: foto,
        url_kecil: foto.then(|| format!("{url}?varian=kecil")),
        url_mini: foto.then(|| format!("{url}?varian=mini")),
        url,
    }
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

/// Varian isi bukti.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
enum VarianBukti {
    Asli,
    Kecil,
    Mini,
}

/// Unggah bukti: JPEG, PNG, WebP, PDF, XLSX, DOCX, dikenali dari isi; semua atau tidak sama sekali
///
/// `POST /api/v1/instansi/{iid}/bukti` (multipart/form-data, field `berkas`
/// berulang). 201 `{"bukti": [...]}`; 413 terlalu besar; 415 jenis tidak
/// diterima; 422 rusak. Semua atau tidak sama sekali.
#[utoipa::path(post, path = "/instansi/{iid}/bukti", tag = "bukti", params(super::JalurInstansi),
    request_body(content = UnggahBukti, content_type = "multipart/form-data"),
    responses((status = 201, description = "Tersimpan", body = DaftarBukti),
        (status = 415, description = "Jenis berkas tidak diterima", body = super::openapi::Galat)))]
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
            Json(DaftarBukti {
                bukti: v.iter().map(keluaran).collect(),
            }),
        )
            .into_response(),
        Err(g) => jawab_galat(g, b),
    }
}

/// Unggahan bukti milik sendiri (terbaru dulu)
#[utoipa::path(get, path = "/instansi/{iid}/bukti", tag = "bukti", params(super::JalurInstansi),
    responses((status = 200, description = "Bukti", body = DaftarBukti)))]
async fn daftar(State(s): State<AppState>, p: Pengunjung, Path(iid): Path<String>) -> Response {
    match app::bukti::daftar_milik_saya(&s.layanan, &p.konteks, &iid).await {
        Ok(v) => Json(DaftarBukti {
            bukti: v.iter().map(keluaran).collect(),
        })
        .into_response(),
        Err(g) => jawab_galat(g, p.bahasa()),
    }
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TanyaAmbil {
    /// `asli` (bawaan, selalu lampiran), `kecil` (1600 px) atau `mini` (256 px; hanya foto).
    #[serde(default)]
    #[param(inline, value_type = Option<VarianBukti>)]
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

/// Isi bukti; asli sebagai lampiran, salinan foto boleh tampil
///
/// `GET /api/v1/instansi/{iid}/bukti/{id}?varian=asli|kecil|mini` (bawaan
/// asli). Asli selalu lampiran; salinan foto boleh tampil. Selalu nosniff,
/// jenis yang tersimpan, `Cache-Control: private, no-store`, dan CSP yang
/// melarang apa pun bila berkas terbuka langsung di peramban.
#[utoipa::path(get, path = "/instansi/{iid}/bukti/{id}", tag = "bukti",
    params(super::JalurRekaman, TanyaAmbil),
    responses((status = 200, description = "Isi berkas dengan jenis yang tersimpan", content(
        (super::openapi::Berkas = "image/jpeg"),
        (super::openapi::Berkas = "image/png"),
        (super::openapi::Berkas = "image/webp"),
        (super::openapi::Berkas = "application/pdf"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (super::openapi::Berkas = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))))]
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

/// Hapus bukti yang belum dirujuk rekaman lain
///
/// `DELETE /api/v1/instansi/{iid}/bukti/{id}`: 204; 409 bila masih dirujuk.
#[utoipa::path(delete, path = "/instansi/{iid}/bukti/{id}", tag = "bukti", params(super::JalurRekaman),
    responses((status = 204, description = "Dihapus")))]
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
