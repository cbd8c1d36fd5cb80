//! Inovasi lewat HTTP (isu 12), di SQLite dan PostgreSQL: kontrak API yang
//! stabil — `GET /api/v1/inovasi` (`{"isi": [{"id", "judul", "instansi",
//! "tahun", "ringkasan"}], "total"}`, paling cocok dulu, tanpa masuk),
//! `GET /api/v1/inovasi/{id}` (dengan replikasinya), `POST
//! /api/v1/inovasi/{id}/replikasi` (masuk, instansi sendiri) — data terbuka
//! CSV/JSON yang dialirkan, galat per field, batas laju tanpa masuk, dan
//! daftar hasil kompetisi sebagai JSON, XLSX dan PDF.

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use store::uji::backend_uji;
use umum::{Klien, SANDI, akun, siapkan};

#[tokio::test]
async fn kontrak_repositori_dan_replikasi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        app::inovasi::isi_repositori_bila_kosong(&u.l)
            .await
            .unwrap();
        akun(
            &u.l,
            &u.b.id,
            "operator.b",
            None,
            vec![Peran::OperatorInovasi],
        )
        .await;
        let mut publik = Klien::baru(&u);

        // Kontrak pencarian.
        let r = publik
            .get("/api/v1/inovasi?cari=surat%20elektronik&per_halaman=5")
            .await;
        assert_eq!(r.status, StatusCode::OK, "{b:?}: {}", r.teks);
        let v = r.json();
        assert!(v["total"].as_i64().unwrap() >= 1);
        let isi = v["isi"].as_array().unwrap();
        assert!(isi.len() <= 5);
        for kunci in ["id", "judul", "instansi", "tahun", "ringkasan"] {
            assert!(isi[0].get(kunci).is_some(), "{kunci} hilang: {}", isi[0]);
        }
        assert_eq!(isi[0]["id"], "lan-69", "paling cocok dulu: {v}");
        assert_eq!(isi[0]["instansi"], "Kota Surabaya");
        // Berimbuhan dan dasar memberi jumlah yang sama.
        let t1 = publik.get("/api/v1/inovasi?cari=pelayanan").await.json()["total"].clone();
        let t2 = publik.get("/api/v1/inovasi?cari=layanan").await.json()["total"].clone();
        assert_eq!(t1, t2);
        // Galat per field, 422.
        let r = publik
            .get("/api/v1/inovasi?per_halaman=0&tahun=1200&wilayah=xx")
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let f = &r.json()["error"]["fields"];
        for kunci in ["per_halaman", "tahun", "wilayah"] {
            assert!(f.get(kunci).is_some(), "{kunci}: {f}");
        }
        let r = publik.get("/api/v1/inovasi?halaman=abc").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks);
        // Kueri raksasa tetap dijawab (dipotong), bukan 500.
        let panjang = "kata%20".repeat(2_000);
        let r = publik.get(&format!("/api/v1/inovasi?cari={panjang}")).await;
        assert!(
            r.status == StatusCode::OK || r.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            r.status
        );

        // Halaman inovasi publik.
        let r = publik.get("/api/v1/inovasi/lan-69").await;
        assert_eq!(r.status, StatusCode::OK);
        let d = r.json();
        assert_eq!(d["replikasi"], json!([]));
        assert!(d["prasyarat_replikasi"].as_str().is_some());
        assert_eq!(
            publik.get("/api/v1/inovasi/tidak-ada").await.status,
            StatusCode::NOT_FOUND
        );

        // Replikasi: tanpa masuk 401; pegawai biasa 403; operator 201; dua kali 409.
        let badan = json!({
            "adaptasi": "Surat elektronik untuk 38 OPD dengan tanda tangan elektronik BSrE.",
            "mulai": "2025-02-03",
            "penanggung_jawab": "Dinas Kominfo Kota Ambon"
        })
        .to_string();
        assert_eq!(
            publik
                .json(Method::POST, "/api/v1/inovasi/lan-69/replikasi", &badan)
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        let mut pegawai = Klien::baru(&u);
        pegawai.masuk("pegawai.b", SANDI).await;
        assert_eq!(
            pegawai
                .json(Method::POST, "/api/v1/inovasi/lan-69/replikasi", &badan)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut op = Klien::baru(&u);
        op.masuk("operator.b", SANDI).await;
        let r = op
            .json(Method::POST, "/api/v1/inovasi/lan-69/replikasi", &badan)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks);
        let rid = r.json()["id"].as_str().unwrap().to_string();
        assert_eq!(
            op.json(Method::POST, "/api/v1/inovasi/lan-69/replikasi", &badan)
                .await
                .status,
            StatusCode::CONFLICT
        );
        let r = op
            .json(
                Method::POST,
                "/api/v1/inovasi/lan-68/replikasi",
                "{\"adaptasi\": 5}",
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let d = publik.get("/api/v1/inovasi/lan-69").await.json();
        assert_eq!(d["replikasi"][0]["instansi"], "Pemerintah Kota Ambon");
        assert_eq!(d["jumlah_replikasi"], 1);
        // Laporan semester.
        let r = op
            .json(
                Method::POST,
                &format!("/api/v1/replikasi/{rid}/laporan"),
                &json!({"periode": "2025-S2", "masih_berjalan": true, "capaian": "38 OPD memakai; 12.000 surat tanpa kertas."}).to_string(),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks);
        assert_eq!(
            op.get(&format!("/api/v1/replikasi/{rid}/laporan"))
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            1
        );
        let mut admin_a = Klien::baru(&u);
        admin_a.masuk("admin.a", SANDI).await;
        assert_eq!(
            admin_a
                .get(&format!("/api/v1/replikasi/{rid}/laporan"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        // Data terbuka, dialirkan.
        let r = publik.get("/api/v1/inovasi/data").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let baris: Vec<&str> = r.teks.lines().collect();
        assert!(baris[0].starts_with("id,judul,instansi"));
        // Rumus tidak pernah lolos ke lembar kerja: sel berawalan = diberi '.
        assert!(!r.teks.contains(",=") && !r.teks.contains("\n="));
        let r = publik.get("/api/v1/inovasi/data?format=json").await;
        let jl: Vec<Value> = r
            .teks
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(jl.len(), 200);
        assert_eq!(
            publik.get("/api/v1/inovasi/data?format=xml").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Dengan kompresi (lapisan yang meminta lagi sesudah aliran selesai).
        publik.header_lain.push(("accept-encoding", "gzip".into()));
        let r = publik.get("/api/v1/inovasi/data?format=json").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.byte.is_empty());
        publik.header_lain.clear();
        // Sebaran.
        let s = publik
            .get("/api/v1/inovasi/sebaran?provinsi=81")
            .await
            .json();
        assert_eq!(s[0]["kode"], "81.71");
    }
}

#[tokio::test]
async fn pencarian_tanpa_masuk_dibatasi_lajunya() {
    let b = backend_uji()[0];
    let u = siapkan(b).await;
    let mut publik = Klien::baru(&u);
    let mut terbatas = false;
    for _ in 0..610 {
        if publik.get("/api/v1/inovasi?per_halaman=1").await.status == StatusCode::TOO_MANY_REQUESTS
        {
            terbatas = true;
            break;
        }
    }
    assert!(terbatas, "600 per menit per alamat");
    // Dengan masuk tidak dibatasi pembatas publik.
    let mut op = Klien::baru(&u);
    op.masuk("admin.a", SANDI).await;
    assert_eq!(
        op.get("/api/v1/inovasi?per_halaman=1").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn hasil_kompetisi_json_xlsx_pdf() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        app::demo::isi_inovasi(&u.l).await.unwrap();
        let mut publik = Klien::baru(&u);
        let daftar = publik.get("/api/v1/kompetisi").await.json();
        let k26 = daftar
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["tahun"] == 2026)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let r = publik
            .get(&format!("/api/v1/kompetisi/{k26}/tahap/3/hasil"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.teks);
        let v = r.json();
        assert!(
            v["baris"]
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["keputusan"] == "lolos" && x["alasan"].is_null())
        );
        let r = publik
            .get(&format!(
                "/api/v1/kompetisi/{k26}/tahap/3/hasil?format=xlsx"
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.byte.starts_with(b"PK"));
        let r = publik
            .get(&format!("/api/v1/kompetisi/{k26}/tahap/3/hasil?format=pdf"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.byte.starts_with(b"%PDF"));
        // Tahap 4 belum diumumkan: publik 409 dengan kodenya.
        let r = publik
            .get(&format!("/api/v1/kompetisi/{k26}/tahap/4/hasil"))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.teks);
        assert_eq!(r.json()["error"]["code"], "belum_diumumkan");
    }
}
