//! Pertahanan di pintu masuk HTTP yang berlaku untuk setiap rute, termasuk
//! yang belum ditulis: karakter NUL ditolak sebelum mencapai basis data
//! (PostgreSQL menolaknya dengan galat yang dulu menjadi 500), dan jawaban
//! tidak disimpan di cache peramban atau proksi (data pribadi).

use crate::galat::GalatApi;
use crate::pengunjung::bahasa_dari;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

/// Badan formulir yang diperiksa paling besar ini; formulir Kinerja kecil
/// (unggahan berkas memakai multipart dan tidak lewat sini).
const BATAS_FORMULIR: usize = 1024 * 1024;

/// Menolak permintaan yang membawa NUL di jalur, query atau badan formulir.
/// Badan JSON diperiksa di [`crate::api::JsonMasuk`] (dengan jalur field-nya).
pub async fn tolak_nul(req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bahasa = bahasa_dari(&parts);
    let api = parts.uri.path().starts_with("/api/");
    if let Some(kolom) = nul_di_uri(&parts.uri) {
        return tolak(api, bahasa, &kolom);
    }
    let formulir = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !formulir {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match axum::body::to_bytes(body, BATAS_FORMULIR).await {
        Ok(b) => b,
        Err(_) => {
            let g = app::Galat::TerlaluBesar(
                app::teks::t(
                    bahasa,
                    "Isian formulir terlalu besar.",
                    "The form is too large.",
                )
                .into(),
            );
            return if api {
                GalatApi(g, bahasa).into_response()
            } else {
                crate::galat::jawaban_polos(&g, bahasa)
            };
        }
    };
    if let Some(kolom) = nul_di_pasangan(&bytes) {
        return tolak(api, bahasa, &kolom);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Nama parameter (atau `jalur`) yang berisi NUL setelah didekode.
fn nul_di_uri(uri: &axum::http::Uri) -> Option<String> {
    if dekode(uri.path().as_bytes()).contains(&0) {
        return Some("jalur".into());
    }
    uri.query().and_then(|q| nul_di_pasangan(q.as_bytes()))
}

/// Pasangan `a=b&c=d` (urlencoded): nama kunci pertama yang nilainya (atau
/// namanya) memuat NUL.
fn nul_di_pasangan(isi: &[u8]) -> Option<String> {
    for pasangan in isi.split(|b| *b == b'&') {
        let (k, v) = match pasangan.iter().position(|b| *b == b'=') {
            Some(i) => (&pasangan[..i], &pasangan[i + 1..]),
            None => (pasangan, &[][..]),
        };
        let k = dekode(k);
        if k.contains(&0) || dekode(v).contains(&0) {
            let nama = String::from_utf8_lossy(&k).replace('\0', "");
            return Some(if nama.is_empty() {
                "query".into()
            } else {
                nama
            });
        }
    }
    None
}

/// Dekode persen dan `+`; urutan yang rusak dibiarkan apa adanya.
fn dekode(s: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(a), Some(b)) => {
                    out.push(a * 16 + b);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

fn tolak(api: bool, bahasa: app::Bahasa, kolom: &str) -> Response {
    let pesan = app::teks::t(
        bahasa,
        "Isian memuat karakter NUL (\\0) yang tidak diizinkan.",
        "The input holds a NUL character (\\0), which is not allowed.",
    );
    let g = app::Galat::InputTidakValid {
        kode: "karakter_nul".into(),
        pesan: pesan.into(),
        fields: BTreeMap::from([(kolom.to_string(), pesan.to_string())]),
    };
    if api {
        GalatApi(g, bahasa).into_response()
    } else {
        crate::galat::jawaban_polos(&g, bahasa)
    }
}

/// `Cache-Control: no-store` untuk setiap jawaban yang tidak menyatakan
/// cache-nya sendiri (aset statis bernama sidik isi menyatakannya).
pub async fn tanpa_simpan(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    res
}

/// Jalur lokal yang aman untuk dialihkan: diawali satu `/`, bukan `//` atau
/// `/\` (yang dibaca peramban sebagai alamat situs lain), tanpa karakter kendali.
pub fn jalur_lokal(s: &str) -> Option<&str> {
    let aman = s.starts_with('/')
        && !s.starts_with("//")
        && !s.contains('\\')
        && !s.chars().any(char::is_control)
        && s.len() <= 2048;
    aman.then_some(s)
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn nul_dikenali_di_query_dan_formulir() {
        assert_eq!(nul_di_pasangan(b"a=1&cari=x%00y"), Some("cari".into()));
        assert_eq!(nul_di_pasangan(b"a=1&cari=xy"), None);
        assert_eq!(nul_di_pasangan(b"%00=1"), Some("query".into()));
        assert_eq!(nul_di_pasangan(b"a=%0"), None);
        assert_eq!(dekode(b"a%41+b%"), b"aA b%".to_vec());
    }

    #[test]
    fn hanya_jalur_lokal() {
        assert_eq!(jalur_lokal("/instansi/1"), Some("/instansi/1"));
        for buruk in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "",
            "/a\r\nb",
        ] {
            assert_eq!(jalur_lokal(buruk), None, "{buruk:?}");
        }
    }
}

/// Badan yang melebihi batas kasar (lapisan `RequestBodyLimitLayer`, yang
/// menjawab teks polos "length limit exceeded") dijawab dengan pesan yang
/// jelas: JSON galat untuk API, teks dua bahasa untuk halaman.
pub async fn jelaskan_413(
    axum::extract::State(batas): axum::extract::State<usize>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let bahasa = bahasa_dari(&parts);
    let api = parts.uri.path().starts_with("/api/");
    // Lapisan batas menolak lebih dulu menurut Content-Length; 413 lain
    // (mis. formulir > 1 MB di `tolak_nul`) punya pesannya sendiri.
    let melebihi = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > batas as u64);
    let res = next.run(Request::from_parts(parts, body)).await;
    // Hanya jawaban teks polos lapisan batas; 413 yang sudah dijelaskan
    // penangan (JSON, atau halaman HTML) dibiarkan.
    let polos = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if res.status() != axum::http::StatusCode::PAYLOAD_TOO_LARGE || !polos || !melebihi {
        return res;
    }
    let mb = batas / (1024 * 1024);
    let pesan = match bahasa {
        app::Bahasa::Id => format!("Permintaan lebih dari {mb} MB; tidak ada yang disimpan."),
        app::Bahasa::En => format!("The request is larger than {mb} MB; nothing was stored."),
    };
    let g = app::Galat::InputTidakValid {
        kode: "permintaan_terlalu_besar".into(),
        pesan,
        fields: BTreeMap::new(),
    };
    if api {
        GalatApi(g, bahasa).into_response()
    } else {
        crate::galat::jawaban_polos(&g, bahasa)
    }
}
