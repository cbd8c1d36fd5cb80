//! API JSON `/api/v1`. Setiap galat berbentuk
//! `{"error": {"code", "message", "fields"}}`; JSON rusak pun 422.

pub mod aksi_perubahan;
pub mod akun;
pub mod anggaran;
pub mod bukti;
pub mod impor;
pub mod inovasi;
pub mod kalkulator;
pub mod kepegawaian;
pub mod kompetisi;
pub mod notifikasi;
pub mod openapi;
pub mod organisasi;
pub mod sakip;
pub mod skp;
pub mod tugas;

use crate::AppState;
use crate::galat::GalatApi;
use crate::pengunjung::{Pengunjung, bahasa_dari};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use utoipa_axum::router::OpenApiRouter;

/// Router API dengan dokumen OpenAPI-nya: setiap rute didaftarkan lewat
/// `routes!` dari penangan beranotasi `#[utoipa::path]`, sehingga rute dan
/// dokumen berasal dari satu tempat (docs/adr/0011).
pub fn router_openapi() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(organisasi::router())
        .merge(kalkulator::router())
        .merge(akun::router())
        .merge(impor::router())
        .merge(kepegawaian::router())
        .merge(tugas::router())
        .merge(notifikasi::router())
        .merge(bukti::router())
        .merge(anggaran::router())
        .merge(aksi_perubahan::router())
        .merge(skp::router())
        .merge(sakip::router())
        .merge(inovasi::router())
        .merge(kompetisi::router())
        .fallback(tidak_ada)
}

/// Router API untuk dilayani (tanpa dokumennya).
pub fn router() -> Router<AppState> {
    router_openapi().split_for_parts().0
}

/// Parameter jalur: instansi.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(crate) struct JalurInstansi {
    /// Id instansi.
    iid: String,
}

/// Parameter jalur: instansi dan rekaman di dalamnya.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(crate) struct JalurRekaman {
    /// Id instansi.
    iid: String,
    /// Id rekaman.
    id: String,
}

/// Parameter jalur: rekaman milik pengguna (token, tugas, notifikasi).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(crate) struct JalurId {
    /// Id rekaman.
    id: String,
}

/// Versi untuk PUT bila tidak dikirim di badan (`versi`): `"3"`, `3`, `W/"3"`.
/// Tanpa keduanya: 428 `versi_wajib`.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct JikaCocok {
    /// Nomor versi rekaman yang diubah.
    #[param(rename = "If-Match")]
    if_match: Option<String>,
}

async fn tidak_ada(p: Pengunjung) -> GalatApi {
    GalatApi(
        app::Galat::TidakDitemukan(
            p.konteks
                .t("Alamat API tidak dikenal.", "Unknown API path.")
                .into(),
        ),
        p.bahasa(),
    )
}

/// Badan JSON yang ditolak dengan 422 dan pesan berbahasa pengguna.
pub struct JsonMasuk<T>(pub T);

impl<S, T> FromRequest<S> for JsonMasuk<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let bahasa = bahasa_dari(&parts);
        let _ = <() as FromRequestParts<S>>::from_request_parts(&mut parts, state).await;
        let req = Request::from_parts(parts, body);
        match Json::<serde_json::Value>::from_request(req, state).await {
            Err(e) => Err(tolak(
                bahasa,
                "json_tidak_valid",
                &format!(
                    "{}: {}",
                    app::teks::t(bahasa, "JSON tidak valid", "Invalid JSON"),
                    e.body_text()
                ),
                BTreeMap::new(),
            )),
            Ok(Json(v)) if nul_di_json(&v, &mut String::new()).is_some() => {
                let jalur = nul_di_json(&v, &mut String::new()).unwrap_or_default();
                let pesan = app::teks::t(
                    bahasa,
                    "Isian memuat karakter NUL (\\0) yang tidak diizinkan.",
                    "The input holds a NUL character (\\0), which is not allowed.",
                );
                let mut fields = BTreeMap::new();
                fields.insert(jalur, pesan.to_string());
                Err(tolak(bahasa, "karakter_nul", pesan, fields))
            }
            Ok(Json(v)) => match serde_json::from_value::<T>(v) {
                Ok(t) => Ok(JsonMasuk(t)),
                Err(e) => {
                    let mut fields = BTreeMap::new();
                    let teks = e.to_string();
                    // "missing field `nama`" / "unknown field `x`" → kolom yang salah.
                    if let Some(k) = teks.split('`').nth(1) {
                        fields.insert(k.to_string(), teks.clone());
                    }
                    Err(tolak(
                        bahasa,
                        "input_tidak_valid",
                        &format!(
                            "{}: {teks}",
                            app::teks::t(bahasa, "Isian tidak valid", "Invalid input")
                        ),
                        fields,
                    ))
                }
            },
        }
    }
}

/// Jalur field pertama (`a.b[0]`) yang kunci atau teksnya memuat NUL.
fn nul_di_json(v: &serde_json::Value, jalur: &mut String) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) if s.contains('\0') => Some(jalur.clone()),
        Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| {
            let mut j = format!("{jalur}[{i}]");
            nul_di_json(x, &mut j)
        }),
        Value::Object(o) => o.iter().find_map(|(k, x)| {
            let mut j = if jalur.is_empty() {
                k.clone()
            } else {
                format!("{jalur}.{k}")
            };
            if k.contains('\0') {
                return Some(j.replace('\0', ""));
            }
            nul_di_json(x, &mut j)
        }),
        _ => None,
    }
}

/// Query string API; yang rusak dijawab 422 JSON dengan nama parameternya,
/// bukan teks polos dari serde.
pub struct QueryMasuk<T>(pub T);

impl<S, T> FromRequestParts<S> for QueryMasuk<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        let bahasa = bahasa_dari(parts);
        match axum::extract::Query::<T>::try_from_uri(&parts.uri) {
            Ok(axum::extract::Query(t)) => Ok(QueryMasuk(t)),
            Err(e) => {
                let rinci = e.body_text();
                // "Failed to deserialize query string: halaman: invalid digit …"
                let isi = rinci
                    .split_once("query string: ")
                    .map(|x| x.1)
                    .unwrap_or(&rinci);
                let kolom = isi
                    .split_once(": ")
                    .map(|x| x.0)
                    .filter(|k| !k.contains(' '))
                    .unwrap_or("query")
                    .to_string();
                let pesan = format!(
                    "{}: {isi}",
                    app::teks::t(bahasa, "Parameter tidak valid", "Invalid parameter")
                );
                let mut fields = BTreeMap::new();
                fields.insert(kolom, pesan.clone());
                Err(tolak(bahasa, "parameter_tidak_valid", &pesan, fields))
            }
        }
    }
}

/// Masukan yang ditolak sebelum sampai ke layanan: lewat pintu galat yang sama.
fn tolak(b: app::Bahasa, kode: &str, pesan: &str, fields: BTreeMap<String, String>) -> Response {
    GalatApi(
        app::Galat::InputTidakValid {
            kode: kode.into(),
            pesan: pesan.into(),
            fields,
        },
        b,
    )
    .into_response()
}

/// Versi untuk PUT: field `versi`, atau header `If-Match` (`"3"`, `3`, `W/"3"`).
pub fn versi_dari(
    p: &Pengunjung,
    h: &axum::http::HeaderMap,
    versi: Option<i64>,
) -> Result<Option<i64>, GalatApi> {
    if versi.is_some() {
        return Ok(versi);
    }
    let Some(v) = h.get(axum::http::header::IF_MATCH) else {
        return Ok(None);
    };
    let teks = v.to_str().unwrap_or("").trim();
    let teks = teks.strip_prefix("W/").unwrap_or(teks).trim_matches('"');
    match teks.parse::<i64>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => {
            let pesan = p.konteks.t(
                "If-Match harus berisi nomor versi, mis. \"3\".",
                "If-Match must hold a version number, e.g. \"3\".",
            );
            Err(GalatApi(
                app::Galat::input(
                    pesan,
                    BTreeMap::from([("versi".to_string(), pesan.to_string())]),
                ),
                p.bahasa(),
            ))
        }
    }
}

/// Hasil penangan API.
pub type HasilApi<T> = Result<Json<T>, GalatApi>;

pub trait KeApi<T> {
    fn api(self, p: &Pengunjung) -> Result<T, GalatApi>;
}

impl<T> KeApi<T> for Result<T, app::Galat> {
    fn api(self, p: &Pengunjung) -> Result<T, GalatApi> {
        self.map_err(|g| GalatApi(g, p.bahasa()))
    }
}
