//! Isu 6: temuan tinjauan penyerang sebagai tes, di SQLite dan PostgreSQL.
//! Nomor temuan disebut di setiap tes (5, 9–15; 1–2 di keras_impor_http,
//! 3–4 dan 6–10 bagian akun di keras_akun_http).

mod umum;

use axum::http::{Method, StatusCode, header};
use store::uji::backend_uji;
use umum::{Klien, SANDI, Uji, siapkan};

async fn admin(u: &Uji) -> Klien {
    let mut k = Klien::baru(u);
    k.masuk("admin.a", SANDI).await;
    k
}

fn jalur_pegawai(u: &Uji) -> String {
    format!("/api/v1/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id)
}

async fn versi_pegawai(k: &mut Klien, u: &Uji) -> (i64, serde_json::Value) {
    let j = k.get(&jalur_pegawai(u)).await;
    assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
    let v = j.json();
    (
        v["pegawai"]["versi"].as_i64().unwrap(),
        v["pegawai"].clone(),
    )
}

/// Badan PUT pegawai dari rekamannya, dengan perubahan.
fn badan_pegawai(p: &serde_json::Value, ubah: &[(&str, serde_json::Value)]) -> serde_json::Value {
    let mut m = serde_json::json!({
        "nip": p["nip"], "nama": p["nama"], "jenis_asn": p["jenis_asn"],
        "unit_id": p["unit_id"], "jabatan_id": p["jabatan_id"],
    });
    for (k, v) in ubah {
        m[*k] = v.clone();
    }
    m
}

#[tokio::test]
async fn temuan_5_baca_dicatat_sekali_per_pembaca_rekaman_dan_hari() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let j = a
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"baca","cakupan":"baca","hari":1}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let mut mesin = Klien::baru(&u);
        mesin.bearer = Some(j.json()["token"].as_str().unwrap().into());
        for _ in 0..40 {
            assert_eq!(mesin.get(&jalur_pegawai(&u)).await.status, StatusCode::OK);
        }
        // Token bertindak atas nama pemiliknya: pembacaan admin lewat sesi
        // tidak menambah baris. Pembaca kedua (super admin) menambah tepat satu.
        a.get(&jalur_pegawai(&u)).await;
        let mut s = Klien::baru(&u);
        s.masuk("super", SANDI).await;
        s.get(&jalur_pegawai(&u)).await;
        s.get(&jalur_pegawai(&u)).await;
        let lihat =
            store::audit::riwayat_objek(u.l.pool(), &u.a.id, "pegawai", &u.a.pegawai_id, 1000)
                .await
                .unwrap()
                .into_iter()
                .filter(|c| c.aksi == "lihat")
                .count();
        assert_eq!(lihat, 2, "{b:?}: satu per pembaca per hari");
        // Proses lain (jejak di memori kosong) tidak menggandakan: basis data penentunya.
        let l2 = app::Layanan::baru(u.l.db.clone());
        let a2 = app::akun::dari_token_api(&l2, mesin.bearer.as_deref().unwrap())
            .await
            .unwrap()
            .unwrap();
        let k2 = app::Konteks::dengan(a2, app::Bahasa::Id);
        app::organisasi::pegawai::lihat(&l2, &k2, &u.a.id, &u.a.pegawai_id)
            .await
            .unwrap();
        let lihat =
            store::audit::riwayat_objek(u.l.pool(), &u.a.id, "pegawai", &u.a.pegawai_id, 1000)
                .await
                .unwrap()
                .into_iter()
                .filter(|c| c.aksi == "lihat")
                .count();
        assert_eq!(lihat, 2, "{b:?}");
    }
}

#[tokio::test]
async fn temuan_9_penugasan_dan_identitas_instansi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let jalur = format!("{}/penugasan", jalur_pegawai(&u));
        for (jabatan, pesan) in [
            (u.b.jabatan_id.clone(), "tidak ditemukan"),
            ("apa saja".into(), "tidak ditemukan"),
        ] {
            let badan = serde_json::json!({
                "jenis_penugasan": "plt", "unit_id": u.a.unit_id, "jabatan_id": jabatan, "mulai": "2026-01-02"
            });
            let j = a.json(Method::POST, &jalur, &badan.to_string()).await;
            assert_eq!(
                j.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{b:?}: {}",
                j.teks
            );
            assert!(
                j.json()["error"]["fields"]["jabatan_id"]
                    .as_str()
                    .unwrap()
                    .contains(pesan)
            );
        }
        // Jabatan instansi sendiri di unit itu diterima.
        let badan = serde_json::json!({
            "jenis_penugasan": "plh", "unit_id": u.a.unit_id, "jabatan_id": u.a.jabatan_id, "mulai": "2026-01-02"
        });
        assert_eq!(
            a.json(Method::POST, &jalur, &badan.to_string())
                .await
                .status,
            StatusCode::CREATED
        );

        // Admin instansi tidak dapat mengganti nama, jenis (nasional) atau wilayahnya.
        let ji = format!("/api/v1/instansi/{}", u.a.id);
        let inst = a.get(&ji).await.json();
        for (kolom, nilai) in [("nama", "Pemerintah Pusat"), ("jenis", "nasional")] {
            let mut m = serde_json::json!({
                "nama": inst["nama"], "jenis": inst["jenis"], "kode_wilayah": inst["kode_wilayah"],
                "zona_waktu": "WIT", "versi": inst["versi"],
            });
            m[kolom] = nilai.into();
            let j = a.json(Method::PUT, &ji, &m.to_string()).await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} {kolom}: {}", j.teks);
        }
        // Pengaturannya sendiri (zona waktu) boleh.
        let m = serde_json::json!({
            "nama": inst["nama"], "jenis": inst["jenis"], "kode_wilayah": inst["kode_wilayah"],
            "zona_waktu": "WITA", "versi": inst["versi"],
        });
        assert_eq!(
            a.json(Method::PUT, &ji, &m.to_string()).await.status,
            StatusCode::OK,
            "{b:?}"
        );
        // Super admin boleh mengganti nama.
        let mut s = Klien::baru(&u);
        s.masuk("super", SANDI).await;
        let inst = s.get(&ji).await.json();
        let m = serde_json::json!({
            "nama": "Pemerintah Provinsi Maluku (baru)", "jenis": inst["jenis"],
            "kode_wilayah": inst["kode_wilayah"], "versi": inst["versi"],
        });
        assert_eq!(
            s.json(Method::PUT, &ji, &m.to_string()).await.status,
            StatusCode::OK,
            "{b:?}"
        );
    }
}

#[tokio::test]
async fn temuan_10_tanpa_cache_dan_pengalihan_hanya_lokal() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        for jalur in [
            jalur_pegawai(&u),
            format!("/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id),
        ] {
            let j = a.get(&jalur).await;
            assert_eq!(j.status, StatusCode::OK);
            assert_eq!(j.headers[header::CACHE_CONTROL], "no-store", "{jalur}");
        }
        // Aset statis tetap boleh disimpan.
        let css = web::operasi::CSS_PATH.as_str();
        let j = a.get(css).await;
        assert_eq!(j.status, StatusCode::OK, "{css}");
        assert_ne!(j.headers[header::CACHE_CONTROL], "no-store");
        let mut t = Klien::baru(&u);
        for (referer, tujuan) in [
            ("http://evil.example/instansi", "/"),
            ("http://localhost/\\evil.example", "/"),
            ("http://localhost//evil.example/", "/"),
            ("http://localhost/kalkulator", "/kalkulator"),
        ] {
            t.header_lain = vec![("referer", referer.into()), ("host", "localhost".into())];
            let j = t.get("/bahasa/en").await;
            assert_eq!(j.lokasi().as_deref(), Some(tujuan), "{referer}");
        }
    }
}

#[tokio::test]
async fn temuan_11_put_tanpa_versi_ditolak_dan_serentak_hanya_satu_menang() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let (versi, p) = versi_pegawai(&mut a, &u).await;
        let j = a
            .json(
                Method::PUT,
                &jalur_pegawai(&u),
                &badan_pegawai(&p, &[("nama", "Tanpa Versi".into())]).to_string(),
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::PRECONDITION_REQUIRED,
            "{b:?}: {}",
            j.teks
        );
        assert_eq!(j.json()["error"]["code"], "versi_wajib");
        assert!(j.json()["error"]["fields"]["versi"].is_string());
        // Unit dan instansi juga.
        let ju = format!("/api/v1/instansi/{}/unit/{}", u.a.id, u.a.unit_id);
        let j = a
            .json(
                Method::PUT,
                &ju,
                r#"{"nama":"Dinas Kesehatan","jenis":"perangkat_daerah"}"#,
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::PRECONDITION_REQUIRED,
            "{b:?}: {}",
            j.teks
        );
        // Sepuluh PUT serentak dengan versi yang sama: tepat satu berhasil.
        let badan =
            badan_pegawai(&p, &[("nama", "Serentak".into()), ("versi", versi.into())]).to_string();
        let mut tugas = Vec::new();
        for _ in 0..10 {
            let mut k = Klien {
                cookie: a.cookie.clone(),
                csrf: a.csrf.clone(),
                ..Klien::baru(&u)
            };
            let (jalur, badan) = (jalur_pegawai(&u), badan.clone());
            tugas.push(tokio::spawn(async move {
                k.json(Method::PUT, &jalur, &badan).await.status
            }));
        }
        let mut berhasil = 0;
        for t in tugas {
            match t.await.unwrap() {
                StatusCode::OK => berhasil += 1,
                StatusCode::CONFLICT => {}
                s => panic!("{b:?}: status {s}"),
            }
        }
        assert_eq!(berhasil, 1, "{b:?}");
        // If-Match sebagai ganti field versi.
        let (versi, p) = versi_pegawai(&mut a, &u).await;
        a.header_lain = vec![("if-match", format!("\"{versi}\""))];
        let j = a
            .json(
                Method::PUT,
                &jalur_pegawai(&u),
                &badan_pegawai(&p, &[("nama", "Lewat If-Match".into())]).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        let j = a
            .json(
                Method::PUT,
                &jalur_pegawai(&u),
                &badan_pegawai(&p, &[("nama", "Basi".into())]).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}: versi lama");
    }
}

#[tokio::test]
async fn temuan_12_13_panjang_karakter_dan_field_asing() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let (versi, p) = versi_pegawai(&mut a, &u).await;
        let sejuta = "a".repeat(1_000_000);
        let kasus: Vec<(&str, serde_json::Value, &str)> = vec![
            ("gelar_depan", sejuta.clone().into(), "maksimal 50"),
            ("nama", "Ali\u{202E}gnp.exe".into(), "bidi"),
            ("nama", "A\u{200B}li".into(), "lebar-nol"),
            ("nama", "Ali\nBaba".into(), "kendali"),
            (
                "email",
                format!("{}@x.id", "a".repeat(300)).into(),
                "maksimal 254",
            ),
        ];
        for (kolom, nilai, pesan) in kasus {
            let m = badan_pegawai(&p, &[(kolom, nilai), ("versi", versi.into())]);
            let j = a
                .json(Method::PUT, &jalur_pegawai(&u), &m.to_string())
                .await;
            assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?} {kolom}");
            let f = j.json()["error"]["fields"][kolom]
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert!(f.contains(pesan), "{b:?} {kolom}: {f}");
        }
        // Field asing ditolak dengan namanya.
        let m = badan_pegawai(&p, &[("versi", versi.into()), ("gaji", 1.into())]);
        let j = a
            .json(Method::PUT, &jalur_pegawai(&u), &m.to_string())
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.json()["error"]["fields"]["gaji"].is_string(),
            "{}",
            j.teks
        );
        // Nama jabatan dan singkatan unit juga dibatasi.
        let j = a
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/jabatan", u.a.id),
                &serde_json::json!({"unit_id": u.a.unit_id, "nama": sejuta, "jenis": "pelaksana"})
                    .to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.json()["error"]["fields"]["nama"].is_string());
        let j = a
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/unit", u.a.id),
                &serde_json::json!({"nama": "Bidang X", "singkatan": sejuta, "jenis": "bidang", "induk_id": u.a.unit_id}).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.json()["error"]["fields"]["singkatan"].is_string());
        // `%` dan `_` dicari apa adanya: tidak ada nama yang memuatnya.
        for pola in ["%25", "_", "%5C"] {
            let j = a
                .get(&format!("/api/v1/instansi/{}/pegawai?cari={pola}", u.a.id))
                .await;
            assert_eq!(j.status, StatusCode::OK);
            assert_eq!(j.json()["total"], 0, "{b:?} cari={pola}");
        }
        let j = a
            .get(&format!("/api/v1/instansi/{}/pegawai?cari=latu", u.a.id))
            .await;
        assert_eq!(j.json()["total"], 1, "{b:?}");
    }
}

#[tokio::test]
async fn temuan_14_nul_mutasi_ulang_dan_query_rusak() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let (versi, p) = versi_pegawai(&mut a, &u).await;
        // NUL di JSON, di query dan di formulir: 422 dengan kolomnya, bukan 500.
        let m = badan_pegawai(
            &p,
            &[
                ("gelar_belakang", "S.T\u{0}".into()),
                ("versi", versi.into()),
            ],
        );
        let j = a
            .json(Method::PUT, &jalur_pegawai(&u), &m.to_string())
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert_eq!(j.json()["error"]["code"], "karakter_nul");
        assert!(j.json()["error"]["fields"]["gelar_belakang"].is_string());
        let j = a
            .get(&format!("/api/v1/instansi/{}/pegawai?cari=a%00b", u.a.id))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["cari"].is_string());
        let j = a
            .get(&format!("/api/v1/instansi/{}%00/pegawai", u.a.id))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        let csrf = a.csrf.clone().unwrap();
        let j = a
            .form(
                &format!("/instansi/{}/unit/baru", u.a.id),
                &[("_csrf", &csrf), ("nama", "Bidang\0X"), ("jenis", "bidang")],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        // Query rusak: JSON dengan nama parameternya.
        let j = a
            .get(&format!("/api/v1/instansi/{}/pegawai?halaman=abc", u.a.id))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert_eq!(j.json()["error"]["code"], "parameter_tidak_valid");
        assert!(
            j.json()["error"]["fields"]["halaman"].is_string(),
            "{}",
            j.teks
        );
        // Mutasi yang diulang: 409, bukan 500.
        let mut s = Klien::baru(&u);
        s.masuk("super", SANDI).await;
        let badan = serde_json::json!({"instansi_tujuan": u.b.id, "unit_tujuan": u.b.unit_id, "tanggal": "2026-02-01"}).to_string();
        let jalur = format!("{}/mutasi", jalur_pegawai(&u));
        assert_eq!(
            s.json(Method::POST, &jalur, &badan).await.status,
            StatusCode::CREATED,
            "{b:?}"
        );
        let j = s.json(Method::POST, &jalur, &badan).await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}: {}", j.teks);
        // Kembali ke instansi asal yang masih menyimpan NIP-nya (UNIQUE): 409 dengan kolom, bukan 500.
        let baru = s
            .get(&format!(
                "/api/v1/instansi/{}/pegawai?cari={}",
                u.b.id, u.a.nip
            ))
            .await
            .json()["isi"][0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let balik = serde_json::json!({"instansi_tujuan": u.a.id, "unit_tujuan": u.a.unit_id, "tanggal": "2026-03-01"}).to_string();
        let j = s
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/pegawai/{baru}/mutasi", u.b.id),
                &balik,
            )
            .await;
        assert!(
            j.status == StatusCode::CONFLICT && j.json()["error"]["fields"]["nip"].is_string(),
            "{b:?}: {} {}",
            j.status,
            j.teks
        );
    }
}

#[tokio::test]
async fn temuan_12_nama_akun_dan_token_dibatasi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut a = admin(&u).await;
        let panjang = "a".repeat(1_000_000);
        let j = a
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/pengguna", u.a.id),
                &serde_json::json!({"username": "baru.x", "nama": panjang, "sandi": "sandi-panjang-sekali", "peran": ["perencana"]}).to_string(),
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            &j.teks[..j.teks.len().min(300)]
        );
        assert!(
            j.json()["error"]["fields"]["nama"]
                .as_str()
                .unwrap()
                .contains("maksimal 200")
        );
        let j = a
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/pengguna", u.a.id),
                &serde_json::json!({"username": "baru.y", "nama": "Nama\u{202E}Balik", "sandi": "sandi-panjang-sekali", "peran": ["perencana"]}).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        let j = a
            .json(
                Method::POST,
                "/api/v1/token",
                &serde_json::json!({"nama": "t\u{200B}oken", "cakupan": "baca", "hari": 1})
                    .to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
    }
}
