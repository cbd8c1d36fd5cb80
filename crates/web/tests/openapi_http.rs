//! Dokumen `/api/openapi.json` (docs/adr/0011): lolos skema resmi OpenAPI
//! 3.1 (tests/data, lihat README di sana) dan meta-skema JSON Schema
//! 2020-12 untuk setiap skema di dalamnya; setiap rute API yang didaftarkan
//! ada di dokumen; setiap kalkulator di registri punya skema masukan dan
//! keluaran, dan contoh masukannya benar-benar menghasilkan keluaran yang
//! cocok dengan skemanya. Tidak ada yang dilewati diam-diam: validator
//! bekerja tanpa jaringan, dan rujukan yang tidak dapat diselesaikan gagal.

mod umum;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use umum::{Klien, siapkan};

const SKEMA_OAS: &str = include_str!("data/oas-3.1-schema-2022-10-07.json");

async fn dokumen_dilayani() -> Value {
    let u = siapkan(store::Backend::Sqlite).await;
    let mut k = Klien::baru(&u);
    let j = k.get("/api/openapi.json").await;
    assert_eq!(j.status, StatusCode::OK);
    let v = j.json();
    // Untuk dibaca manusia: KINERJA_OPENAPI_TULIS=/tmp/openapi.json cargo test -p web --test openapi_http
    if let Ok(p) = std::env::var("KINERJA_OPENAPI_TULIS") {
        std::fs::write(p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }
    u.l.db.tutup().await;
    v
}

/// Validator untuk satu skema komponen, dengan `#/components/...` dari dokumen.
fn validator_komponen(d: &Value, skema: &Value) -> jsonschema::Validator {
    let mut akar = skema.clone();
    if let Some(o) = akar.as_object_mut() {
        o.insert("components".into(), d["components"].clone());
    } else {
        akar = json!({"allOf": [skema], "components": d["components"]});
    }
    jsonschema::draft202012::new(&akar).unwrap_or_else(|e| panic!("skema {skema}: {e}"))
}

fn semua_ref(v: &Value, keluar: &mut BTreeSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "$ref"
                    && let Some(s) = x.as_str()
                {
                    keluar.insert(s.to_string());
                }
                semua_ref(x, keluar);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| semua_ref(x, keluar)),
        _ => {}
    }
}

fn operasi(d: &Value) -> Vec<(String, String, Value)> {
    let mut v = Vec::new();
    for (jalur, item) in d["paths"].as_object().unwrap() {
        for (metode, op) in item.as_object().unwrap() {
            v.push((metode.clone(), jalur.clone(), op.clone()));
        }
    }
    v
}

#[tokio::test]
async fn dokumen_lolos_validator_openapi_3_1() {
    let d = dokumen_dilayani().await;
    assert_eq!(d["openapi"], "3.1.0");
    // 1. Skema resmi dokumen OpenAPI 3.1 (struktur, jawaban, parameter, …).
    let oas: Value = serde_json::from_str(SKEMA_OAS).unwrap();
    let v = jsonschema::draft202012::new(&oas).expect("skema OAS 3.1 dapat dikompilasi");
    // Validatornya sungguh memeriksa: dokumen rusak ditolak.
    let mut rusak = d.clone();
    rusak["paths"]["/api/v1/instansi"]["get"]["responses"]["200"] = json!({"content": 5});
    assert!(
        !v.is_valid(&rusak),
        "validator menerima jawaban tanpa description"
    );
    assert!(
        !v.is_valid(&json!({"openapi": "3.1.0"})),
        "validator menerima dokumen tanpa info"
    );
    let galat: Vec<String> = v
        .iter_errors(&d)
        .map(|e| format!("{} di {}", e, e.instance_path()))
        .take(20)
        .collect();
    assert!(galat.is_empty(), "dokumen tidak sah: {galat:#?}");
    // 2. Skema OAS itu menerima objek skema apa pun: setiap skema komponen
    //    diperiksa terhadap meta-skema JSON Schema 2020-12 dan harus dapat
    //    dikompilasi (pola regex sah, rujukan dapat diselesaikan).
    let komponen = d["components"]["schemas"].as_object().unwrap();
    assert!(komponen.len() > 40, "{}", komponen.len());
    for (nama, s) in komponen {
        if let Err(e) = jsonschema::draft202012::meta::validate(s) {
            panic!("skema {nama}: {e}");
        }
        validator_komponen(&d, s);
    }
    // 3. Setiap $ref menunjuk komponen yang ada.
    let mut r = BTreeSet::new();
    semua_ref(&d, &mut r);
    for x in &r {
        let nama = x
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("rujukan di luar komponen: {x}"));
        assert!(komponen.contains_key(nama), "rujukan {x} tidak ada");
    }
    // 4. Aturan spesifikasi yang tidak dapat diungkapkan JSON Schema:
    //    operationId unik, setiap {parameter} jalur dideklarasikan wajib,
    //    setiap operasi punya tag dan jawaban 2xx.
    let mut id = BTreeSet::new();
    for (metode, jalur, op) in operasi(&d) {
        let konteks = format!("{} {jalur}", metode.to_uppercase());
        let oid = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{konteks}: operationId"));
        assert!(
            id.insert(oid.to_string()),
            "{konteks}: operationId {oid} ganda"
        );
        assert!(
            op["tags"].as_array().is_some_and(|t| t.len() == 1),
            "{konteks}: tag"
        );
        let params: BTreeSet<String> = op["parameters"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|p| p["in"] == "path")
                    .inspect(|p| assert_eq!(p["required"], true, "{konteks}: {p}"))
                    .map(|p| p["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let di_jalur: BTreeSet<String> = jalur
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(str::to_string)
            .collect();
        assert_eq!(params, di_jalur, "{konteks}: parameter jalur");
        let jawaban = op["responses"].as_object().unwrap();
        assert!(jawaban.keys().any(|k| k.starts_with('2')), "{konteks}: 2xx");
        for (kode, j) in jawaban {
            if kode.starts_with('4') {
                assert!(
                    j["content"]["application/json"]["schema"]["$ref"]
                        .as_str()
                        .is_some_and(|s| s.starts_with("#/components/schemas/Galat")),
                    "{konteks} {kode}: galat tanpa skema Galat"
                );
            }
        }
    }
    // Kategori fitur (isu 7): tag per kemampuan.
    let tag: BTreeSet<&str> = d["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    for t in [
        "organisasi",
        "kepegawaian",
        "akun",
        "impor",
        "kalkulator",
        "bukti",
        "tugas",
        "notifikasi",
    ] {
        assert!(tag.contains(t), "tag {t}");
    }
}

/// Rute yang didaftarkan di `crates/web/src/api/*.rs`: semuanya lewat
/// `routes!` dari penangan beranotasi (tidak ada `.route(` yang melewati
/// dokumen), setiap anotasi ada di dokumen, dan setiap operasi di dokumen
/// benar-benar dijawab penangannya (bukan 404 "alamat tidak dikenal" atau
/// 405), di SQLite dan PostgreSQL.
#[tokio::test]
async fn setiap_rute_terdaftar_ada_di_dokumen() {
    let d = dokumen_dilayani().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let mut dianotasi = BTreeSet::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let berkas = e.unwrap().path();
        if berkas.extension().and_then(|x| x.to_str()) != Some("rs") {
            continue;
        }
        let teks = std::fs::read_to_string(&berkas).unwrap();
        let router_biasa = teks.replace("OpenApiRouter::new()", "");
        assert!(
            !teks.contains(".route(")
                && !teks.contains(".route_service(")
                && !router_biasa.contains("Router::new()"),
            "{}: rute API harus didaftarkan lewat routes!(…) agar masuk dokumen",
            berkas.display()
        );
        let mut sisa = teks.as_str();
        while let Some(i) = sisa.find("#[utoipa::path(") {
            sisa = &sisa[i + "#[utoipa::path(".len()..];
            let metode = sisa.split(',').next().unwrap().trim().to_string();
            let a = sisa.find("path = \"").unwrap() + "path = \"".len();
            let jalur = &sisa[a..a + sisa[a..].find('"').unwrap()];
            dianotasi.insert((metode, format!("/api/v1{jalur}")));
        }
    }
    assert!(dianotasi.len() >= 36, "{dianotasi:?}");
    let di_dokumen: BTreeSet<(String, String)> =
        operasi(&d).into_iter().map(|(m, j, _)| (m, j)).collect();
    let kurang: Vec<_> = dianotasi.difference(&di_dokumen).collect();
    assert!(kurang.is_empty(), "tidak ada di dokumen: {kurang:?}");

    for backend in store::uji::backend_uji() {
        let u = siapkan(backend).await;
        let mut k = Klien::baru(&u);
        for (metode, jalur) in &di_dokumen {
            let uri = jalur
                .replace("{iid}", &u.a.id)
                .replace("{id}", "tidak-ada")
                .replace("{nama}", "capaian");
            let m = Method::from_bytes(metode.to_uppercase().as_bytes()).unwrap();
            let j = k
                .kirim(m, &uri, Some("application/json"), b"{}".to_vec(), false)
                .await;
            assert_ne!(j.status, StatusCode::METHOD_NOT_ALLOWED, "{metode} {jalur}");
            assert!(
                !j.teks.contains("Alamat API tidak dikenal"),
                "{backend:?} {metode} {jalur}: tidak dijawab penangannya: {}",
                j.teks
            );
        }
        u.l.db.tutup().await;
    }
}

/// Setiap kalkulator di registri: satu operasi `POST /api/v1/kalkulator/<nama>`
/// dengan skema masukan dan keluaran bernama; contoh masukan di skema lolos
/// skemanya, dijawab 200, dan jawabannya lolos skema keluaran. Operasi umum
/// `{nama}` menerima salah satu masukan. Di SQLite dan PostgreSQL.
#[tokio::test]
async fn setiap_kalkulator_punya_skema_masukan_dan_keluaran() {
    let d = dokumen_dilayani().await;
    let komponen = &d["components"]["schemas"];
    for backend in store::uji::backend_uji() {
        let u = siapkan(backend).await;
        let mut k = Klien::baru(&u);
        let umum = &d["paths"]["/api/v1/kalkulator/{nama}"]["post"];
        let pilihan = umum["requestBody"]["content"]["application/json"]["schema"]["anyOf"]
            .as_array()
            .unwrap();
        assert_eq!(pilihan.len(), rules::kalkulator::DAFTAR.len());
        for nama in rules::kalkulator::DAFTAR {
            let op = &d["paths"][format!("/api/v1/kalkulator/{nama}")]["post"];
            assert!(op.is_object(), "{nama}: tidak ada operasinya");
            let rujuk = |v: &Value| -> String {
                v["content"]["application/json"]["schema"]["$ref"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{nama}: skema bukan rujukan: {v}"))
                    .trim_start_matches("#/components/schemas/")
                    .to_string()
            };
            let masuk = rujuk(&op["requestBody"]);
            let keluar = rujuk(&op["responses"]["200"]);
            assert!(komponen[&masuk].is_object(), "{nama}: {masuk}");
            assert!(komponen[&keluar].is_object(), "{nama}: {keluar}");
            assert!(pilihan.contains(&json!({"$ref": format!("#/components/schemas/{masuk}")})));
            let contoh = komponen[&masuk]["examples"][0].clone();
            assert!(contoh.is_object(), "{nama}: {masuk} tanpa contoh");
            let vm = validator_komponen(&d, &komponen[&masuk]);
            if let Err(e) = vm.validate(&contoh) {
                panic!("{nama}: contoh tidak lolos {masuk}: {e}");
            }
            // Field tak dikenal ditolak skema, seperti oleh kalkulatornya.
            let mut lebih = contoh.clone();
            lebih["field_asing"] = json!(1);
            assert!(!vm.is_valid(&lebih), "{nama}: {masuk} menerima field asing");
            let j = k
                .json(
                    Method::POST,
                    &format!("/api/v1/kalkulator/{nama}"),
                    &contoh.to_string(),
                )
                .await;
            assert_eq!(j.status, StatusCode::OK, "{nama}: {}", j.teks);
            let vk = validator_komponen(&d, &komponen[&keluar]);
            let hasil = j.json();
            let galat: Vec<String> = vk.iter_errors(&hasil).map(|e| e.to_string()).collect();
            assert!(
                galat.is_empty(),
                "{nama}: keluaran {hasil} tidak lolos {keluar}: {galat:?}"
            );
            // Keluaran tanpa field wajib tidak lolos: skemanya bukan `{}`.
            assert!(!vk.is_valid(&json!({})), "{nama}: {keluar} terlalu longgar");
        }
        u.l.db.tutup().await;
    }
}

/// Format kabel desimal seperti yang didokumentasikan: masukan teks atau
/// bilangan bulat, pecahan JSON ditolak; keluaran teks 2 desimal.
#[tokio::test]
async fn desimal_di_dokumen_sesuai_kabel() {
    let d = dokumen_dilayani().await;
    let vm = validator_komponen(&d, &json!({"$ref": "#/components/schemas/DesimalMasuk"}));
    for ok in [json!("97.89"), json!("97,89"), json!(100), json!("-5")] {
        assert!(vm.is_valid(&ok), "{ok}");
    }
    for tolak in [json!(97.89), json!("9e2"), json!("abc"), json!(null)] {
        assert!(!vm.is_valid(&tolak), "{tolak}");
    }
    let vk = validator_komponen(&d, &json!({"$ref": "#/components/schemas/Desimal2"}));
    assert!(vk.is_valid(&json!("109.00")) && vk.is_valid(&json!("-0.50")));
    assert!(!vk.is_valid(&json!("109")) && !vk.is_valid(&json!(109.0)));
    let u = siapkan(store::Backend::Sqlite).await;
    let mut k = Klien::baru(&u);
    let j = k
        .json(
            Method::POST,
            "/api/v1/kalkulator/nilai-capaian-iki",
            r#"{"capaian_persen": 97.89}"#,
        )
        .await;
    assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
    u.l.db.tutup().await;
}
