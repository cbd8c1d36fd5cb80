//! Plt./Plh., mutasi antar-instansi dengan riwayat, restrukturisasi unit yang
//! berlaku per tanggal, dan pengelolaan akun oleh admin. SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

#[tokio::test]
async fn plt_dan_mutasi_menyimpan_riwayat() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id);
        let j = admin
            .json(Method::POST, &format!("{dasar}/penugasan"), &format!(r#"{{"jenis_penugasan":"plt","unit_id":"{}","mulai":"2026-12-01","selesai":"2026-11-01"}}"#, u.a.unit_id))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["selesai"].is_string());
        let j = admin
            .json(Method::POST, &format!("{dasar}/penugasan"), &format!(r#"{{"jenis_penugasan":"plt","unit_id":"{}","mulai":"2026-12-01","selesai":"2027-02-28"}}"#, u.a.unit_id))
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        // Admin instansi tidak boleh memutasi; super admin boleh.
        let badan = format!(
            r#"{{"instansi_tujuan":"{}","unit_tujuan":"{}","tanggal":"2027-01-02"}}"#,
            u.b.id, u.b.unit_id
        );
        assert_eq!(
            admin
                .json(Method::POST, &format!("{dasar}/mutasi"), &badan)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut sup = Klien::baru(&u);
        sup.masuk("super", SANDI).await;
        let j = sup
            .json(Method::POST, &format!("{dasar}/mutasi"), &badan)
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let baru_id = j.json()["id"].as_str().unwrap().to_string();
        // Rekaman lama tetap ada, berstatus pindah, dengan riwayat penempatannya.
        let j = admin.get(&dasar).await;
        assert_eq!(j.json()["pegawai"]["status"], "pindah");
        let riwayat = j.json()["riwayat"].as_array().unwrap().clone();
        assert!(riwayat.iter().any(|r| r["jenis_penugasan"] == "plt"));
        assert!(
            riwayat
                .iter()
                .filter(|r| r["jenis_penugasan"] == "definitif")
                .all(|r| r["selesai"].is_string())
        );
        // Instansi tujuan melihat pegawai dengan NIP yang sama; NIP terdaftar di sana sekarang.
        let mut kb = Klien::baru(&u);
        kb.masuk("admin.b", SANDI).await;
        let j = kb
            .get(&format!("/api/v1/instansi/{}/pegawai/{}", u.b.id, baru_id))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert_eq!(j.json()["pegawai"]["nip"], u.a.nip.as_str());
        let pemilik = store::organisasi::pemilik_nip(u.l.pool(), &u.a.nip)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pemilik, (u.b.id.clone(), baru_id));
        // Akun pegawai di instansi lama dinonaktifkan.
        assert_eq!(
            Klien::baru(&u).masuk("pegawai.a", SANDI).await.status,
            StatusCode::FORBIDDEN
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn restrukturisasi_unit_berlaku_per_tanggal() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/unit", u.a.id);
        let j = admin
            .json(Method::POST, &dasar, &format!(r#"{{"induk_id":"{}","nama":"Bidang Lama","jenis":"bidang","berlaku_mulai":"2020-01-01","berlaku_sampai":"2026-01-01"}}"#, u.a.unit_id))
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        // Unit yang berakhir sebelum mulai ditolak di kolom tanggal akhirnya.
        let j = admin
            .json(Method::POST, &dasar, &format!(r#"{{"induk_id":"{}","nama":"Bidang Terbalik","jenis":"bidang","berlaku_mulai":"2026-01-01","berlaku_sampai":"2025-01-01"}}"#, u.a.unit_id))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["berlaku_sampai"].is_string());
        let j = admin
            .json(Method::POST, &dasar, &format!(r#"{{"induk_id":"{}","nama":"Bidang Baru","jenis":"bidang","berlaku_mulai":"2026-01-01"}}"#, u.a.unit_id))
            .await;
        assert_eq!(j.status, StatusCode::CREATED);
        let nama = |v: serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|s| s["unit"]["nama"].as_str().unwrap().to_string())
                .collect()
        };
        let lama = nama(
            admin
                .get(&format!("{dasar}?tanggal=2025-06-30"))
                .await
                .json(),
        );
        let kini = nama(
            admin
                .get(&format!("{dasar}?tanggal=2026-06-30"))
                .await
                .json(),
        );
        assert!(
            lama.contains(&"Bidang Lama".to_string()) && !lama.contains(&"Bidang Baru".to_string()),
            "{b:?} {lama:?}"
        );
        assert!(
            kini.contains(&"Bidang Baru".to_string()) && !kini.contains(&"Bidang Lama".to_string()),
            "{b:?} {kini:?}"
        );
        // Unit tidak boleh berinduk pada turunannya sendiri.
        let baru_id = admin
            .get(&format!("{dasar}?tanggal=2026-06-30"))
            .await
            .json()
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["unit"]["nama"] == "Bidang Baru")
            .unwrap()["unit"]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let j = admin
            .json(Method::PUT, &format!("{dasar}/{}", u.a.unit_id), &format!(r#"{{"induk_id":"{baru_id}","nama":"Dinas Kesehatan","jenis":"perangkat_daerah","versi":1}}"#))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["induk_id"].is_string());
        // Halaman pohon per tanggal.
        let h = admin
            .get(&format!("/instansi/{}/unit?tanggal=2025-06-30", u.a.id))
            .await;
        assert!(h.teks.contains("Bidang Lama") && !h.teks.contains("Bidang Baru"));
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn admin_membuat_akun_dan_mengatur_ulang_sandi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/pengguna", u.a.id);
        let j = admin.json(Method::POST, &dasar, r#"{"username":"perencana.a","nama":"Perencana","sandi":"pendek","peran":["perencana"]}"#).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["sandi"].is_string());
        let j = admin.json(Method::POST, &dasar, r#"{"username":"perencana.a","nama":"Perencana","sandi":"sandi-awal-123","peran":["perencana"]}"#).await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        assert!(!j.teks.contains("argon2"), "hash sandi bocor");
        let id = j.json()["id"].as_str().unwrap().to_string();
        // Admin tidak boleh membuat super admin.
        let j = admin.json(Method::POST, &dasar, r#"{"username":"x.super","nama":"X","sandi":"sandi-awal-123","peran":["super_admin"]}"#).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let mut pengguna = Klien::baru(&u);
        assert_eq!(
            pengguna.masuk("perencana.a", "sandi-awal-123").await.status,
            StatusCode::SEE_OTHER
        );
        // Admin instansi lain tidak dapat mengatur ulang sandi di sini.
        let mut kb = Klien::baru(&u);
        kb.masuk("admin.b", SANDI).await;
        let j = kb
            .json(
                Method::POST,
                &format!("{dasar}/{id}/sandi"),
                r#"{"sandi_baru":"diambil-alih-1"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let j = admin
            .json(
                Method::POST,
                &format!("{dasar}/{id}/sandi"),
                r#"{"sandi_baru":"sandi-baru-456"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        // Sesi lama diputus; sandi lama tidak berlaku; sandi baru berlaku.
        assert_eq!(
            pengguna.get("/api/v1/instansi").await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            Klien::baru(&u)
                .masuk("perencana.a", "sandi-awal-123")
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            Klien::baru(&u)
                .masuk("perencana.a", "sandi-baru-456")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        // Ganti sandi sendiri lewat halaman akun.
        let mut p = Klien::baru(&u);
        p.masuk("perencana.a", "sandi-baru-456").await;
        let csrf = p.csrf.clone().unwrap();
        let j = p
            .form(
                "/akun/sandi",
                &[
                    ("_csrf", &csrf),
                    ("sandi_lama", "salah"),
                    ("sandi_baru", "sandi-ketiga-789"),
                    ("ulangi_sandi", "sandi-ketiga-789"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("Sandi lama salah"));
        let j = p
            .form(
                "/akun/sandi",
                &[
                    ("_csrf", &csrf),
                    ("sandi_lama", "sandi-baru-456"),
                    ("sandi_baru", "sandi-ketiga-789"),
                    ("ulangi_sandi", "sandi-ketiga-789"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert_eq!(
            Klien::baru(&u)
                .masuk("perencana.a", "sandi-ketiga-789")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn formulir_unit_dan_halaman_akun_instansi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let csrf = admin.csrf.clone().unwrap();
        let jalur = format!("/instansi/{}/unit/baru", u.a.id);
        let j = admin
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("nama", "Bidang Pelayanan Kesehatan"),
                    ("jenis", "bidang"),
                    ("induk_id", &u.a.unit_id),
                    ("urutan", "dua"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("value=\"Bidang Pelayanan Kesehatan\"")
                && j.teks.contains("id=\"g-urutan\"")
        );
        let j = admin
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("nama", "Bidang Pelayanan Kesehatan"),
                    ("jenis", "bidang"),
                    ("induk_id", &u.a.unit_id),
                    ("urutan", "2"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        let pohon = admin.get(&format!("/instansi/{}/unit", u.a.id)).await;
        assert!(pohon.teks.contains("Bidang Pelayanan Kesehatan"));
        // Jabatan fungsional tanpa jenjang ditolak di kolomnya; dengan jenjang tersimpan.
        let jj = format!("/instansi/{}/unit/{}/jabatan", u.a.id, u.a.unit_id);
        let j = admin
            .form(
                &jj,
                &[
                    ("_csrf", &csrf),
                    ("nama", "Epidemiolog Kesehatan"),
                    ("jenis", "fungsional"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("id=\"g-jenjang\"")
                && j.teks.contains("value=\"Epidemiolog Kesehatan\"")
        );
        let j = admin
            .form(
                &jj,
                &[
                    ("_csrf", &csrf),
                    ("nama", "Epidemiolog Kesehatan"),
                    ("jenis", "fungsional"),
                    ("jenjang", "ahli_muda"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        let f = admin
            .get(&format!("/instansi/{}/unit/{}/ubah", u.a.id, u.a.unit_id))
            .await;
        assert!(f.teks.contains("Epidemiolog Kesehatan"));
        let r = admin
            .get(&format!(
                "/instansi/{}/unit/{}/riwayat",
                u.a.id, u.a.unit_id
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.teks.contains("buat") && r.teks.contains("Dinas Kesehatan"),
            "{b:?}: riwayat unit"
        );
        // Halaman akun instansi: buat akun pegawai dengan NIP-nya, tertaut ke rekamannya.
        let j = admin
            .form(
                &format!("/instansi/{}/pengguna", u.a.id),
                &[
                    ("_csrf", &csrf),
                    ("username", "198503152010011099"),
                    ("nama", "X"),
                    ("sandi", "pendek"),
                    ("peran", "pegawai"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.teks.contains("value=\"198503152010011099\""),
            "isian hilang"
        );
        let daftar = admin.get(&format!("/instansi/{}/pengguna", u.a.id)).await;
        assert_eq!(daftar.status, StatusCode::OK);
        assert!(
            daftar.teks.contains("pegawai.a") && !daftar.teks.contains("admin.b"),
            "{b:?}: hanya akun instansi sendiri"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn formulir_plt_di_halaman_pegawai() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let csrf = admin.csrf.clone().unwrap();
        let jalur = format!("/instansi/{}/pegawai/{}/penugasan", u.a.id, u.a.pegawai_id);
        let j = admin
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("jenis_penugasan", "plt"),
                    ("unit_id", &u.a.unit_id),
                    ("mulai", "1 Des"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.teks.contains("id=\"g-mulai\"") && j.teks.contains("value=\"1 Des\""));
        let j = admin
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("jenis_penugasan", "plt"),
                    ("unit_id", &u.a.unit_id),
                    ("mulai", "2026-12-01"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        let h = admin
            .get(&format!("/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id))
            .await;
        assert!(
            h.teks.contains("Plt.</span>") && h.teks.contains("1 Desember 2026"),
            "{b:?}"
        );
        // Pegawai biasa tidak melihat formulirnya dan tidak dapat mengirimnya.
        let mut p = Klien::baru(&u);
        p.masuk("pegawai.a", SANDI).await;
        let h = p
            .get(&format!("/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id))
            .await;
        assert!(!h.teks.contains("/penugasan"));
        let csrf_p = p.csrf.clone().unwrap();
        let j = p
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf_p),
                    ("jenis_penugasan", "plt"),
                    ("unit_id", &u.a.unit_id),
                    ("mulai", "2026-12-01"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        u.l.db.tutup().await;
    }
}
