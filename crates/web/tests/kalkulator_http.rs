//! Kalkulator lewat HTTP, di dalam proses (router axum + `oneshot`):
//! setiap contoh E1–E9 dari EXAMPLES.md lewat `POST /api/v1/kalkulator/{nama}`,
//! galat API (404, 422, 429, bahasa), dan halaman `/kalkulator` (formulir GET).

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

async fn state() -> web::AppState {
    let db = store::uji::db_baru(store::Backend::Sqlite).await.unwrap();
    web::AppState::baru(app::Layanan::baru(db))
}

async fn aplikasi() -> Router {
    web::router(state().await)
}

struct Jawaban {
    status: StatusCode,
    headers: HeaderMap,
    badan: Vec<u8>,
}

impl Jawaban {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.badan)
            .unwrap_or_else(|e| panic!("bukan JSON ({e}): {}", self.teks()))
    }
    fn teks(&self) -> String {
        String::from_utf8_lossy(&self.badan).into_owned()
    }
}

async fn kirim(r: &Router, req: Request<Body>) -> Jawaban {
    let res = r.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let badan = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Jawaban {
        status,
        headers,
        badan,
    }
}

async fn api_mentah(r: &Router, nama: &str, badan: &str, bahasa: Option<&str>) -> Jawaban {
    let mut req = Request::post(format!("/api/v1/kalkulator/{nama}"))
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(b) = bahasa {
        req = req.header(header::ACCEPT_LANGUAGE, b);
    }
    kirim(r, req.body(Body::from(badan.to_string())).unwrap()).await
}

/// Hasil sukses tanpa `penjelasan` (cara hitung boleh berubah redaksinya).
async fn hitung(r: &Router, nama: &str, masukan: Value) -> Value {
    let j = api_mentah(r, nama, &masukan.to_string(), None).await;
    assert_eq!(j.status, StatusCode::OK, "{nama} {masukan}: {}", j.teks());
    let mut v = j.json();
    let pj = v.as_object_mut().unwrap().remove("penjelasan");
    assert!(
        pj.is_some_and(|p| p.is_object()),
        "{nama}: penjelasan harus ada"
    );
    v
}

/// Galat 422: objek `error` dengan kode dan field yang disebut.
async fn galat_422(r: &Router, nama: &str, masukan: Value, kode: &str, field: &str) -> Value {
    let j = api_mentah(r, nama, &masukan.to_string(), None).await;
    assert_eq!(
        j.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{nama} {masukan}: {}",
        j.teks()
    );
    let e = j.json()["error"].clone();
    assert_eq!(e["code"], kode, "{nama} {masukan}: {e}");
    assert!(
        e["fields"][field].is_string(),
        "{nama} {masukan}: field {field} tidak disebut: {e}"
    );
    assert!(!e["message"].as_str().unwrap_or("").is_empty());
    e
}

async fn get(r: &Router, uri: &str) -> Jawaban {
    kirim(r, Request::get(uri).body(Body::empty()).unwrap()).await
}

// ---------------------------------------------------------------------------
// API: contoh E1–E9
// ---------------------------------------------------------------------------

/// Contoh bersama tes rules, CLI dan HTTP.
const CONTOH: &str = include_str!("../../rules/tests/data/contoh_kalkulator.json");

#[tokio::test]
async fn setiap_contoh_lewat_api() {
    // Contohnya lebih banyak dari batas laju publik (120 per menit); yang
    // diuji di sini hasilnya, batas laju di `api_pembatas_laju_429`.
    let mut s = state().await;
    s.pembatas_publik = Arc::new(web::pembatas::Pembatas::baru(
        10_000,
        Duration::from_secs(60),
    ));
    let r = web::router(s);
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    let kasus = berkas["kasus"].as_array().unwrap();
    assert!(kasus.len() >= 90);
    for k in kasus {
        let nama = k["nama"].as_str().unwrap();
        let mut v = hitung(&r, nama, k["masukan"].clone()).await;
        // Pesan bergantung bahasa: setiap butir daftar keluaran (pelanggaran,
        // kekurangan, tanda, alasan, peringatan) dibandingkan tanpa `pesan`.
        for daftar in v.as_object_mut().unwrap().values_mut() {
            for x in daftar.as_array_mut().into_iter().flatten() {
                if let Some(m) = x.as_object_mut().and_then(|o| o.remove("pesan")) {
                    assert!(m.is_string(), "pesan harus teks: {m}");
                }
            }
        }
        assert_eq!(v, k["keluaran"], "{} {nama} {}", k["contoh"], k["masukan"]);
    }
}

#[tokio::test]
async fn setiap_masukan_salah_contoh_422() {
    let r = aplikasi().await;
    let berkas: Value = serde_json::from_str(CONTOH).unwrap();
    for k in berkas["galat"].as_array().unwrap() {
        let e = galat_422(
            &r,
            k["nama"].as_str().unwrap(),
            k["masukan"].clone(),
            k["kode"].as_str().unwrap(),
            k["field"].as_str().unwrap(),
        )
        .await;
        if let Some(m) = k["pesan_memuat"].as_str() {
            assert!(e.to_string().contains(m), "{}: {e}", k["masukan"]);
        }
    }
}

#[tokio::test]
async fn api_nama_tidak_dikenal_404() {
    let r = aplikasi().await;
    let j = api_mentah(&r, "tidak-ada", "{}", None).await;
    assert_eq!(j.status, StatusCode::NOT_FOUND);
    let v = j.json();
    assert_eq!(v["error"]["code"], "kalkulator_tidak_dikenal");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nilai-capaian-iki"),
        "{v}"
    );
    assert!(v["error"]["fields"]["nama"].is_string(), "{v}");
}

#[tokio::test]
async fn api_json_rusak_422() {
    let r = aplikasi().await;
    let j = api_mentah(&r, "nilai-capaian-iki", "{\"capaian_persen\": ", None).await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks());
    assert_eq!(j.json()["error"]["code"], "json_tidak_valid");
    assert!(
        j.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}

#[tokio::test]
async fn api_angka_pecahan_json_422_menyebut_field() {
    let r = aplikasi().await;
    let j = api_mentah(
        &r,
        "nilai-capaian-iki",
        r#"{"capaian_persen": 97.89}"#,
        None,
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = &j.json()["error"];
    assert_eq!(e["code"], "angka_pecahan_harus_teks");
    assert!(
        e["fields"]["capaian_persen"]
            .as_str()
            .unwrap()
            .contains("97.89"),
        "{e}"
    );
    // Galat per field di dalam daftar memakai jalur lengkap.
    let j = api_mentah(
        &r,
        "skp-pp46",
        r#"{"kegiatan": [{"target_output": 1.5, "realisasi_output": 1, "target_kualitas": 100, "realisasi_kualitas": 90, "target_waktu": 12, "realisasi_waktu": 12}], "nilai_perilaku": 80}"#,
        None,
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        j.json()["error"]["fields"]["kegiatan[0].target_output"].is_string(),
        "{}",
        j.teks()
    );
}

#[tokio::test]
async fn api_bahasa_dari_accept_language() {
    let r = aplikasi().await;
    let m = r#"{"capaian_persen": "abc"}"#;
    let id = api_mentah(&r, "nilai-capaian-iki", m, None).await.json();
    let en = api_mentah(&r, "nilai-capaian-iki", m, Some("en-US,en;q=0.9"))
        .await
        .json();
    assert_eq!(id["error"]["code"], "bukan_angka");
    assert_eq!(en["error"]["code"], "bukan_angka");
    assert!(
        id["error"]["message"]
            .as_str()
            .unwrap()
            .contains("harus berupa angka"),
        "{id}"
    );
    assert!(
        en["error"]["message"]
            .as_str()
            .unwrap()
            .contains("must be a number"),
        "{en}"
    );
    // Penjelasan hasil juga dalam bahasa yang diminta.
    let ok = api_mentah(
        &r,
        "nilai-capaian-iki",
        r#"{"capaian_persen": "98"}"#,
        Some("en"),
    )
    .await
    .json();
    assert!(
        ok["penjelasan"]["status_arti"]
            .as_str()
            .unwrap()
            .contains("confirmed from the primary text"),
        "{ok}"
    );
}

#[tokio::test]
async fn api_pembatas_laju_429() {
    let mut s = state().await;
    s.pembatas_publik = Arc::new(web::pembatas::Pembatas::baru(3, Duration::from_secs(60)));
    let r = web::router(s);
    for i in 0..3 {
        let j = api_mentah(&r, "nilai-capaian-iki", r#"{"capaian_persen": "98"}"#, None).await;
        assert_eq!(j.status, StatusCode::OK, "permintaan ke-{}", i + 1);
    }
    let j = api_mentah(&r, "nilai-capaian-iki", r#"{"capaian_persen": "98"}"#, None).await;
    assert_eq!(j.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(j.json()["error"]["code"], "terlalu_banyak_permintaan");
    // Halaman formulir memakai pembatas yang sama saat menghitung.
    let j = get(&r, "/kalkulator/nilai-capaian-iki?capaian_persen=98").await;
    assert_eq!(j.status, StatusCode::TOO_MANY_REQUESTS);
    // Formulir kosong (tanpa hitungan) tetap terbuka.
    assert_eq!(
        get(&r, "/kalkulator/nilai-capaian-iki").await.status,
        StatusCode::OK
    );
}

// ---------------------------------------------------------------------------
// Halaman
// ---------------------------------------------------------------------------

/// Potongan HTML milik satu isian: dari elemen ber-id itu sampai penutup `</div>` berikutnya.
fn blok_isian<'a>(html: &'a str, id: &str) -> &'a str {
    let awal = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("isian {id} tidak ada"));
    let sisa = &html[awal..];
    &sisa[..sisa.find("</div>").unwrap()]
}

#[tokio::test]
async fn halaman_indeks_mendaftar_18_kalkulator() {
    let r = aplikasi().await;
    let j = get(&r, "/kalkulator").await;
    assert_eq!(j.status, StatusCode::OK);
    let html = j.teks();
    assert_eq!(rules::kalkulator::DAFTAR.len(), 18);
    for n in rules::kalkulator::DAFTAR {
        assert!(
            html.contains(&format!("href=\"/kalkulator/{n}\"")),
            "tautan {n}"
        );
        let info = rules::kalkulator::info(n).unwrap();
        assert!(html.contains(info.judul(rules::Bahasa::Id)), "judul {n}");
        assert!(html.contains(info.sumber), "sumber {n}");
    }
    assert!(html.contains("<html lang=\"id\""));
    assert!(!html.contains("<script"), "tanpa JavaScript");
    // Bahasa Inggris lewat ?lang=en: judul Inggris, tautan mempertahankan bahasa.
    let html = get(&r, "/kalkulator?lang=en").await.teks();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Individual indicator score (0–120)"));
    assert!(html.contains("href=\"/kalkulator/nip?lang=en\""));
}

#[tokio::test]
async fn halaman_setiap_formulir_kosong_200() {
    let r = aplikasi().await;
    for n in rules::kalkulator::DAFTAR {
        let j = get(&r, &format!("/kalkulator/{n}")).await;
        assert_eq!(j.status, StatusCode::OK, "{n}");
        let html = j.teks();
        assert!(html.contains(&format!("action=\"/kalkulator/{n}\"")), "{n}");
        assert!(html.contains("method=\"get\""), "{n}");
        assert!(
            !html.contains("kotak-galat"),
            "{n}: formulir kosong tanpa galat"
        );
        // Parameter asing (tautan berlacak) bukan kiriman formulir.
        let j = get(&r, &format!("/kalkulator/{n}?utm_source=surel")).await;
        assert_eq!(j.status, StatusCode::OK, "{n}");
        assert!(!j.teks().contains("kotak-galat"), "{n}");
        assert!(
            !html.contains("_csrf"),
            "{n}: formulir GET tanpa token CSRF"
        );
        assert!(
            html.contains(rules::kalkulator::info(n).unwrap().penjelasan),
            "{n}: aturan dalam bahasa sederhana"
        );
        assert!(
            html.contains("Hasil ini panduan, bukan keputusan resmi"),
            "{n}"
        );
    }
}

#[tokio::test]
async fn halaman_nilai_capaian_iki_koma_desimal() {
    let r = aplikasi().await;
    for uri in [
        "/kalkulator/nilai-capaian-iki?capaian_persen=97,89",
        "/kalkulator/nilai-capaian-iki?capaian_persen=97%2C89",
    ] {
        let j = get(&r, uri).await;
        assert_eq!(j.status, StatusCode::OK, "{uri}");
        let html = j.teks();
        assert!(html.contains("<dd>88,00</dd>"), "{html}");
        assert!(html.contains("<dd>Cukup</dd>"));
        assert!(html.contains("value=\"97,89\""), "isian tetap");
        assert!(html.contains("Hasil ini panduan, bukan keputusan resmi"));
        // Cara hitung: pita, pembulatan, rumus dengan angka, sumber dan statusnya.
        assert!(html.contains("80–99%"), "pita");
        assert!(
            html.contains("70 + (89 − 70) / (99 − 80) × (98 − 80) = 88"),
            "rumus"
        );
        assert!(html.contains("PermenPANRB No. 8 Tahun 2021"));
        // Nilai [R] yang belum terkonfirmasi disebut.
        assert!(html.contains("Capaian dibulatkan ke persen bulat sebelum memilih pita"));
        assert!(html.contains("<span class=\"lencana\">R</span>"));
    }
}

#[tokio::test]
async fn halaman_bahasa_inggris() {
    let r = aplikasi().await;
    let j = get(
        &r,
        "/kalkulator/nilai-capaian-iki?lang=en&capaian_persen=97.89",
    )
    .await;
    assert_eq!(j.status, StatusCode::OK);
    let html = j.teks();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<dd>88.00</dd>"));
    assert!(html.contains("<dd>Fair</dd>"));
    assert!(html.contains("This result is a guide, not an official decision"));
    assert!(
        html.contains("name=\"lang\" value=\"en\""),
        "formulir mempertahankan bahasa"
    );
    assert!(!html.contains("Hasil ini panduan"));
    // Cookie bahasa juga berlaku.
    let req = Request::get("/kalkulator/predikat-kinerja?hasil_kerja=di_atas_ekspektasi&perilaku_kerja=di_bawah_ekspektasi")
        .header(header::COOKIE, "kinerja_bahasa=en")
        .body(Body::empty())
        .unwrap();
    let html = kirim(&r, req).await.teks();
    assert!(html.contains("<dd>Poor/Misconduct</dd>"), "{html}");
    // Galat dalam bahasa Inggris.
    let j = get(
        &r,
        "/kalkulator/nilai-capaian-iki?lang=en&capaian_persen=lots",
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blok_isian(&j.teks(), "capaian_persen").contains("Must be a number"));
}

#[tokio::test]
async fn halaman_galat_di_samping_isian_422() {
    let r = aplikasi().await;
    let j = get(
        &r,
        "/kalkulator/nilai-capaian-iki?capaian_persen=sembilan%20puluh",
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = j.teks();
    let blok = blok_isian(&html, "capaian_persen");
    assert!(
        blok.contains("value=\"sembilan puluh\""),
        "isian tetap: {blok}"
    );
    assert!(blok.contains("aria-invalid=\"true\""), "{blok}");
    assert!(
        blok.contains("<p class=\"galat\" id=\"g-capaian_persen\">Harus berupa angka"),
        "{blok}"
    );
    assert!(
        html.contains("<a href=\"#capaian_persen\">"),
        "ringkasan galat menaut ke isian"
    );
    assert!(!html.contains("<h2>Hasil</h2>"));
    // Isian kosong: wajib diisi.
    let j = get(&r, "/kalkulator/nilai-capaian-iki?capaian_persen=").await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blok_isian(&j.teks(), "capaian_persen").contains("Wajib diisi"));
    // Galat aturan (bukan pembacaan): nilai di luar rentang.
    let j = get(
        &r,
        "/kalkulator/nilai-kinerja-pp30?nilai_skp=130&nilai_perilaku=90&bobot=70_30",
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = j.teks();
    assert!(
        blok_isian(&html, "nilai_skp").contains("class=\"galat\""),
        "{html}"
    );
    assert!(!blok_isian(&html, "nilai_perilaku").contains("class=\"galat\""));
}

#[tokio::test]
async fn halaman_daftar_baris_kosong_dilewati_dan_galat_ke_baris_yang_benar() {
    let r = aplikasi().await;
    let baris0 = "kegiatan.0.target_output=1&kegiatan.0.realisasi_output=1&kegiatan.0.target_kualitas=100&kegiatan.0.realisasi_kualitas=90\
&kegiatan.0.target_waktu=12&kegiatan.0.realisasi_waktu=12&kegiatan.0.target_biaya=170395000&kegiatan.0.realisasi_biaya=170395000";
    // E5 lewat halaman, baris 2–5 kosong.
    let j = get(
        &r,
        &format!("/kalkulator/skp-pp46?{baris0}&kegiatan.1.target_output=&nilai_perilaku=80"),
    )
    .await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    let html = j.teks();
    for s in [
        "<dd>85,50</dd>",
        "<dd>83,30</dd>",
        "<dd>Baik</dd>",
        "<b>Kegiatan 1</b>: nilai 85,50 (kuantitas 100,00; kualitas 90,00; waktu 76,00; biaya 76,00)",
    ] {
        assert!(html.contains(s), "{s}");
    }
    // Baris 3 (indeks 2) salah, baris 2 kosong: galat harus di baris 3, bukan di indeks JSON 1.
    let j = get(
        &r,
        &format!("/kalkulator/skp-pp46?{baris0}&kegiatan.2.target_output=x&kegiatan.2.realisasi_output=1&nilai_perilaku=80"),
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = j.teks();
    let blok = blok_isian(&html, "kegiatan.2.target_output");
    assert!(
        blok.contains("value=\"x\"") && blok.contains("Harus berupa angka"),
        "{blok}"
    );
    assert!(blok_isian(&html, "kegiatan.2.target_kualitas").contains("Wajib diisi"));
    assert!(!blok_isian(&html, "kegiatan.1.target_output").contains("class=\"galat\""));
    assert!(!blok_isian(&html, "kegiatan.0.target_output").contains("class=\"galat\""));
    assert!(
        blok_isian(&html, "kegiatan.0.target_biaya").contains("value=\"170395000\""),
        "isian baris lain tetap"
    );
    assert!(
        html.contains("Kegiatan 3 · Target output"),
        "ringkasan menyebut baris formulir"
    );
    // Semua baris kosong: galat daftar di baris pertama.
    let j = get(&r, "/kalkulator/skp-pp46?nilai_perilaku=80").await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(j.teks().contains("minimal satu butir"), "{}", j.teks());
}

#[tokio::test]
async fn halaman_capaian_rentang_dan_konflik_target() {
    let r = aplikasi().await;
    let j = get(
        &r,
        "/kalkulator/capaian?polaritas=positif&target=&target.min=80&target.max=90&realisasi=70",
    )
    .await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    let html = j.teks();
    assert!(html.contains("<dd>87,50%</dd>"));
    assert!(
        html.contains("batas bawah rentang (min)"),
        "batas rentang yang dipakai"
    );
    assert!(html.contains("<option value=\"positif\" selected>"));
    // Target tunggal dan rentang sekaligus: ditolak di isian target.
    let j = get(
        &r,
        "/kalkulator/capaian?polaritas=positif&target=85&target.min=80&target.max=90&realisasi=70",
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blok_isian(&j.teks(), "target").contains("bukan keduanya"));
    // Rentang dengan min > max: galat dari aturan.
    let j = get(
        &r,
        "/kalkulator/capaian?polaritas=positif&target.min=90&target.max=80&realisasi=70",
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        blok_isian(&j.teks(), "target.min").contains("Min lebih besar dari max"),
        "{}",
        j.teks()
    );
    assert!(!blok_isian(&j.teks(), "target").contains("class=\"galat\""));
}

#[tokio::test]
async fn halaman_centang_dan_token() {
    let r = aplikasi().await;
    let dasar = "/kalkulator/nilai-kinerja-pp30?nilai_skp=112&nilai_perilaku=112&bobot=70_30";
    let html = get(&r, dasar).await.teks();
    assert!(
        html.contains("<dd>112,00</dd>") && html.contains("<dd>Baik</dd>"),
        "{html}"
    );
    let html = get(&r, &format!("{dasar}&ide_baru=1")).await.teks();
    assert!(html.contains("<dd>Sangat Baik</dd>"));
    assert!(html.contains("name=\"ide_baru\" value=\"1\" checked"));
    // NIP: tanggal Indonesia, label token.
    let html = get(&r, "/kalkulator/nip?nip=198902252024211013")
        .await
        .teks();
    for s in [
        "<dd>25 Februari 1989</dd>",
        "<dd>PPPK</dd>",
        "<dd>Laki-laki</dd>",
        "<dd>013</dd>",
    ] {
        assert!(html.contains(s), "{s}");
    }
    // Efisiensi anggaran: baris 1 dan 3 terisi.
    let j = get(
        &r,
        "/kalkulator/efisiensi-anggaran?keluaran.0.pagu=1000&keluaran.0.capaian_persen=100&keluaran.0.realisasi_anggaran=900\
&keluaran.2.pagu=1000&keluaran.2.capaian_persen=100&keluaran.2.realisasi_anggaran=900",
    )
    .await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    assert!(j.teks().contains("<dd>10,00%</dd>"));
    // AKIP: predikat dan interpretasi [R].
    let html = get(&r, "/kalkulator/evaluasi-akip?perencanaan=24,5&pengukuran=22,1&pelaporan=11,3&evaluasi_internal=17,6").await.teks();
    assert!(
        html.contains("<dd>75,50</dd>") && html.contains("<dd>BB</dd>"),
        "{html}"
    );
    assert!(html.contains("Interpretasi predikat [R]"));
}

#[tokio::test]
async fn halaman_kalkulator_tidak_dikenal_404() {
    let r = aplikasi().await;
    let j = get(&r, "/kalkulator/tidak-ada?x=1").await;
    assert_eq!(j.status, StatusCode::NOT_FOUND);
    assert!(j.teks().contains("Kalkulator tidak ditemukan."));
}

#[tokio::test]
async fn halaman_kecil_setelah_gzip() {
    let r = aplikasi().await;
    let baris0 = "kegiatan.0.target_output=1&kegiatan.0.realisasi_output=1&kegiatan.0.target_kualitas=100&kegiatan.0.realisasi_kualitas=90\
&kegiatan.0.target_waktu=12&kegiatan.0.realisasi_waktu=12&kegiatan.0.target_biaya=170395000&kegiatan.0.realisasi_biaya=170395000";
    for uri in [
        "/kalkulator/skp-pp46".to_string(),
        format!("/kalkulator/skp-pp46?{baris0}&nilai_perilaku=80"),
        "/kalkulator".to_string(),
    ] {
        let mentah = get(&r, &uri).await.badan.len();
        let req = Request::get(&uri)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .unwrap();
        let j = kirim(&r, req).await;
        assert_eq!(j.headers[header::CONTENT_ENCODING], "gzip", "{uri}");
        let gz = j.badan.len();
        eprintln!("{uri}: {mentah} B mentah, {gz} B gzip");
        assert!(
            gz < 6 * 1024,
            "{uri}: {gz} B gzip, anggaran halaman berikutnya 15 KB"
        );
        assert!(mentah < 40 * 1024, "{uri}: {mentah} B mentah");
    }
}

/// Isu 9 lewat halaman: daftar di dalam baris (indikator, belanja, target
/// triwulan), galat bersarang kembali ke isiannya, dan bobot halaman.
#[tokio::test]
async fn halaman_anggaran_daftar_bersarang() {
    let r = aplikasi().await;
    // Contoh Presiden 2023 lewat formulir: satu sub kegiatan, empat baris belanja.
    let uri = "/kalkulator/keselarasan-program?program.kode=1.02.02&program.nama=Kesehatan\
&subkegiatan.0.kode=1.02.02.2.02.0015&subkegiatan.0.nama=Gizi+masyarakat\
&subkegiatan.0.indikator.0.nama=Jumlah+Dokumen&subkegiatan.0.indikator.0.satuan=Dokumen\
&subkegiatan.0.belanja.0.kode_rekening=5.1.02.04.01.0001&subkegiatan.0.belanja.0.uraian=Perjalanan+dinas&subkegiatan.0.belanja.0.jumlah=3000000000\
&subkegiatan.0.belanja.1.kode_rekening=5.1.02.04.01.0004&subkegiatan.0.belanja.1.uraian=Rapat&subkegiatan.0.belanja.1.jumlah=3000000000\
&subkegiatan.0.belanja.3.kode_rekening=5.1.02.01.01.0039&subkegiatan.0.belanja.3.uraian=Makanan+tambahan&subkegiatan.0.belanja.3.jumlah=4000000000";
    let j = get(&r, uri).await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    let html = j.teks();
    for s in [
        "<dd>Tidak selaras</dd>",
        "<dd>60,00%</dd>",
        "Belanja penunjang 60% dari belanja program (Rp6.000.000.000 dari Rp10.000.000.000)",
        "Peringatan: Nama atau uraian belanja sub kegiatan 1.02.02.2.02.0015 memuat kata penunjang: perjalanan, rapat",
        "Peringatan: Sub kegiatan layanan 1.02.02.2.02.0015",
    ] {
        assert!(html.contains(s), "{s}");
    }
    // Gerbang: target triwulan dari empat isian; baris kedua salah ketik.
    let dasar = "/kalkulator/gerbang-anggaran?subkegiatan.0.kode=1.02.02.2.02.0015&subkegiatan.0.program_kode=1.02.02\
&subkegiatan.0.unit=Bidang+Kesmas&subkegiatan.0.pagu=250000000&subkegiatan.0.indikator.0.nama=Balita\
&subkegiatan.0.indikator.0.polaritas=positif&subkegiatan.0.indikator.0.target=1200\
&subkegiatan.0.indikator.0.target_triwulan.0=300&subkegiatan.0.indikator.0.target_triwulan.1=600\
&subkegiatan.0.indikator.0.target_triwulan.2=900&subkegiatan.0.indikator.0.target_triwulan.3=1200";
    let j = get(&r, dasar).await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    assert!(j.teks().contains("<dd>Lolos: siap diberi anggaran</dd>"));
    // Triwulan III kosong: kekurangan, bukan galat.
    let j = get(
        &r,
        &dasar.replace("target_triwulan.2=900", "target_triwulan.2="),
    )
    .await;
    assert_eq!(j.status, StatusCode::OK);
    assert!(j.teks().contains("belum lengkap"), "{}", j.teks());
    let j = get(
        &r,
        &format!(
            "{dasar}&subkegiatan.2.kode=1.02.02.2.02.0001&subkegiatan.2.indikator.0.target=seratus"
        ),
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = j.teks();
    let blok = blok_isian(&html, "subkegiatan.2.indikator.0.target");
    assert!(
        blok.contains("value=\"seratus\"") && blok.contains("Harus berupa angka"),
        "{blok}"
    );
    // Nilai uang: tanpa centang bukti; biaya per satuan.
    let j = get(
        &r,
        "/kalkulator/nilai-uang?pagu=1000000000&realisasi_anggaran=950000000&polaritas=positif&target=100\
&realisasi_keluaran=40&bulan=12",
    )
    .await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    let html = j.teks();
    for s in [
        "<dd>95,00%</dd>",
        "<dd>23.750.000,00</dd>",
        "Uang habis, hasil tidak jelas",
        "Realisasi keluaran dilaporkan tanpa bukti",
    ] {
        assert!(html.contains(s), "{s}");
    }
    // Formulir terbesar tetap ringan.
    for uri in [
        "/kalkulator/keselarasan-program",
        "/kalkulator/gerbang-anggaran",
    ] {
        let mentah = get(&r, uri).await.badan.len();
        let req = Request::get(uri)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .unwrap();
        let gz = kirim(&r, req).await.badan.len();
        eprintln!("{uri}: {mentah} B mentah, {gz} B gzip");
        assert!(gz < 6 * 1024, "{uri}: {gz} B gzip");
    }
}

/// Isu 12 lewat halaman: rubrik k1–k3, dua juri per proposal, baris kosong
/// di tengah, seri di batas N, dan galat skor kembali ke isian barisnya.
#[tokio::test]
async fn halaman_peringkat_inovasi() {
    let r = aplikasi().await;
    // INV-A: (60% × 90 + 40% × 80 = 86, 60% × 86 + 40% × 88 = 86.8) / 2 = 86.40;
    // INV-B (baris 3): 60% × 86 + 40% × 87 = 86.40; INV-C: 70.00.
    let dasar = "/kalkulator/peringkat-inovasi?n=1&nilai_minimum=85\
&kriteria.0.kode=k1&kriteria.0.bobot=60&kriteria.1.kode=k2&kriteria.1.bobot=40\
&entri.0.id=INV-A&entri.0.nilai.0.juri=j1&entri.0.nilai.0.skor.k1=90&entri.0.nilai.0.skor.k2=80\
&entri.0.nilai.1.juri=j2&entri.0.nilai.1.skor.k1=86&entri.0.nilai.1.skor.k2=88\
&entri.2.id=INV-B&entri.2.nilai.0.juri=j1&entri.2.nilai.0.skor.k1=86&entri.2.nilai.0.skor.k2=87\
&entri.3.id=INV-C&entri.3.nilai.0.juri=j2&entri.3.nilai.0.skor.k1=70&entri.3.nilai.0.skor.k2=70";
    let j = get(&r, dasar).await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks());
    let html = j.teks();
    for s in [
        "<dd>Ya: panitia memutuskan entri yang seri</dd>",
        "<li>1. INV-A: (86 + 86.8) / 2 = 86.40 → seri di batas N, perlu keputusan panitia</li>",
        "<li>1. INV-B: 86.4 / 1 = 86.40 → seri di batas N, perlu keputusan panitia</li>",
        "<li>3. INV-C: 70 / 1 = 70.00 → tidak lolos (di bawah nilai minimum)</li>",
        "<dt>Seri di batas N</dt><dd>2</dd>",
    ] {
        assert!(html.contains(s), "{s}");
    }
    // Skor k2 INV-B (baris formulir 3, entri JSON kedua) hilang.
    let j = get(&r, &dasar.replace("&entri.2.nilai.0.skor.k2=87", "")).await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = j.teks();
    let blok = blok_isian(&html, "entri.2.nilai.0.skor.k2");
    assert!(blok.contains("belum diberi skor"), "{blok}");
    // Bobot tidak berjumlah 100: galat di kelompok kriteria pertama.
    let j = get(
        &r,
        &dasar.replace("kriteria.1.bobot=40", "kriteria.1.bobot=30"),
    )
    .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(j.teks().contains("Jumlah bobot harus 100 (ditemukan 90)"));
    let j = get(&r, &format!("{dasar}&lang=en")).await;
    assert!(
        j.teks()
            .contains("<dd>Yes: the committee decides between the tied entries</dd>")
    );
}
