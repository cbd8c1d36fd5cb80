//! Akun (isu 11) lewat HTTP, di SQLite dan PostgreSQL: "Lupa sandi?" dari
//! halaman masuk (CSRF tamu, jawaban netral, tautan surel sekali pakai),
//! tombol "Atur ulang sandi" di halaman pegawai untuk atasan (sandi
//! sementara yang wajib diganti: sesi itu hanya boleh mengganti sandi), dan
//! API `POST /api/v1/instansi/{iid}/pengguna/{id}/sandi` untuk atasan dan admin.

mod umum;

use app::akun::AkunBaru;
use app::organisasi::pegawai::MasukanPegawai;
use app::{Konteks, Peran};
use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Jawaban, Klien, SANDI, Uji, siapkan};

/// Dunia: instansi A dengan atasan X ← bawahan Y (bersurel) dan rekan Z
/// (atasan X juga); router dengan outbox surel.
struct Dunia {
    u: Uji,
    router: axum::Router,
    l: app::Layanan,
    outbox: std::path::PathBuf,
    y_pegawai: String,
    y_akun: String,
    y_nip: String,
}

async fn pegawai(u: &Uji, nip: &str, atasan: Option<&str>, email: Option<&str>) -> String {
    app::organisasi::pegawai::buat(
        &u.l,
        &Konteks::sistem(),
        &u.a.id,
        MasukanPegawai {
            nip: Some(nip.into()),
            nama: format!("Pegawai {nip}"),
            jenis_asn: "pns".into(),
            unit_id: u.a.unit_id.clone(),
            atasan_id: atasan.map(str::to_string),
            email: email.map(str::to_string),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

async fn akun(u: &Uji, username: &str, pegawai: &str) -> String {
    app::akun::buat_akun(
        &u.l,
        &Konteks::sistem(),
        AkunBaru {
            instansi_id: u.a.id.clone(),
            username: username.into(),
            nama: username.into(),
            sandi: SANDI.into(),
            pegawai_id: Some(pegawai.into()),
            peran: vec![Peran::Pegawai],
        },
    )
    .await
    .unwrap()
    .id
}

async fn dunia(b: store::Backend) -> Dunia {
    let u = siapkan(b).await;
    let x = pegawai(&u, "197001012000031001", None, None).await;
    let y_nip = "198503152010011003".to_string();
    let y = pegawai(&u, &y_nip, Some(&x), Some("bawahan.y@contoh.go.id")).await;
    let z = pegawai(&u, "199108172015022005", Some(&x), None).await;
    akun(&u, "atasan.x", &x).await;
    let y_akun = akun(&u, "bawahan.y", &y).await;
    akun(&u, "rekan.z", &z).await;
    let mut l = u.l.clone();
    let outbox = std::env::temp_dir().join(format!("kinerja-akun-http-{}", store::id_baru()));
    l.konfigurasi.outbox = Some(outbox.clone());
    let router = web::router(web::AppState::baru(l.clone()));
    Dunia {
        u,
        router,
        l,
        outbox,
        y_pegawai: y,
        y_akun,
        y_nip,
    }
}

impl Dunia {
    fn klien(&self) -> Klien {
        Klien {
            router: self.router.clone(),
            ..Klien::baru(&self.u)
        }
    }
    async fn masuk(&self, nama: &str) -> Klien {
        let mut k = self.klien();
        let j = k.masuk(nama, SANDI).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}: {}", j.teks);
        k
    }
    async fn selesai(self) {
        let _ = std::fs::remove_dir_all(&self.outbox);
        self.u.l.db.tutup().await;
    }
}

/// Formulir lupa sandi dari halaman itu sendiri (CSRF tamu).
async fn minta(k: &mut Klien, username: &str) -> Jawaban {
    let h = k.get("/lupa-sandi").await;
    assert_eq!(h.status, StatusCode::OK);
    let csrf = k.csrf.clone().expect("CSRF tamu di formulir lupa sandi");
    k.form("/lupa-sandi", &[("_csrf", &csrf), ("username", username)])
        .await
}

fn pesan_ok(teks: &str) -> &str {
    let i = teks
        .find("<p class=\"kotak-ok\"")
        .unwrap_or_else(|| panic!("tanpa pesan: {teks}"));
    let j = teks[i..].find("</p>").unwrap();
    &teks[i..i + j]
}

#[tokio::test]
async fn lupa_sandi_lewat_halaman_netral_dan_tautan_sekali_pakai() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let mut tamu = d.klien();
        let h = tamu.get("/masuk").await;
        assert!(
            h.teks.contains("href=\"/lupa-sandi\""),
            "{b:?}: tautan Lupa sandi?"
        );
        let h = tamu.get("/lupa-sandi").await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(h.teks.len() < 14 * 1024, "lupa sandi {} bita", h.teks.len());
        // Tanpa token CSRF: ditolak, tidak ada tugas.
        let j = tamu
            .form("/lupa-sandi", &[("username", d.y_nip.as_str())])
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        // Y punya sesi sebelum sandinya diatur.
        let mut y = d.masuk("bawahan.y").await;
        assert_eq!(y.get("/api/v1/instansi").await.status, StatusCode::OK);
        // Ada (NIP), ada (nama pengguna) tanpa surel, tidak ada: jawaban sama.
        let ada = minta(&mut tamu, &d.y_nip).await;
        let tanpa_surel = minta(&mut tamu, "rekan.z").await;
        let tidak_ada = minta(&mut tamu, "199912312020121999").await;
        for j in [&ada, &tanpa_surel, &tidak_ada] {
            assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        }
        assert!(pesan_ok(&ada.teks).contains("Bila NIP/nama pengguna itu terdaftar"));
        assert_eq!(ada.teks, tanpa_surel.teks, "{b:?}: jawaban membedakan akun");
        assert_eq!(ada.teks, tidak_ada.teks, "{b:?}: jawaban membedakan akun");
        assert!(!ada.teks.contains(&d.y_nip), "masukan digemakan");
        // Surel hanya untuk Y, lewat antrean tugas.
        while app::tugas::jalankan_satu(&d.l, "uji")
            .await
            .unwrap()
            .is_some()
        {}
        let surel: Vec<String> = std::fs::read_dir(&d.outbox)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        assert_eq!(surel.len(), 1, "{b:?}");
        assert!(surel[0].contains("To: bawahan.y@contoh.go.id"));
        let isi = surel[0].replace("=\r\n", "").replace("=\n", "");
        let i = isi.find("/lupa-sandi/").expect("tautan di surel") + "/lupa-sandi/".len();
        let token: String = isi[i..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        assert_eq!(token.len(), 64);
        let jalur = format!("/lupa-sandi/{token}");
        // Membuka tautan tidak memakainya.
        let mut pemilik = d.klien();
        for _ in 0..2 {
            let h = pemilik.get(&jalur).await;
            assert_eq!(h.status, StatusCode::OK, "{b:?}: {}", h.teks);
            assert!(h.teks.contains(&format!("action=\"{jalur}\"")));
            assert!(h.teks.len() < 14 * 1024);
        }
        let csrf = pemilik.csrf.clone().unwrap();
        // Tanpa CSRF, lalu sandi tidak sama: ditolak, tautan masih berlaku.
        let j = pemilik
            .form(
                &jalur,
                &[
                    ("sandi_baru", "sandi-surel-123"),
                    ("ulangi_sandi", "sandi-surel-123"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let j = pemilik
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("sandi_baru", "sandi-surel-123"),
                    ("ulangi_sandi", "sandi-surel-124"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.teks.contains("Ulangan sandi tidak sama"));
        let j = pemilik
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("sandi_baru", "sandi-surel-123"),
                    ("ulangi_sandi", "sandi-surel-123"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert!(pesan_ok(&j.teks).contains("Sandi baru sudah diatur"));
        // Sekali pakai.
        let h = pemilik.get(&jalur).await;
        assert_eq!(h.status, StatusCode::NOT_FOUND, "{b:?}");
        assert!(h.teks.contains("tidak berlaku lagi"));
        let j = pemilik
            .form(
                &jalur,
                &[
                    ("_csrf", &csrf),
                    ("sandi_baru", "sandi-kedua-123"),
                    ("ulangi_sandi", "sandi-kedua-123"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::NOT_FOUND, "{b:?}");
        // Sesi lama diputus; sandi baru berlaku tanpa kewajiban ganti.
        assert_eq!(
            y.get("/api/v1/instansi").await.status,
            StatusCode::UNAUTHORIZED
        );
        let mut y = d.klien();
        let j = y.masuk("bawahan.y", "sandi-surel-123").await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        assert_eq!(j.lokasi().as_deref(), Some("/"));
        // Token karangan.
        let h = d
            .klien()
            .get(&format!("/lupa-sandi/{}", "ab".repeat(32)))
            .await;
        assert_eq!(h.status, StatusCode::NOT_FOUND);
        d.selesai().await;
    }
}

#[tokio::test]
async fn atasan_mengatur_ulang_dari_halaman_pegawai_lalu_wajib_ganti() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let detail = format!("/instansi/{}/pegawai/{}", d.u.a.id, d.y_pegawai);
        let aksi = format!("{detail}/sandi");
        // Rekan tidak melihat tombolnya dan ditolak bila mencoba.
        let mut z = d.masuk("rekan.z").await;
        let h = z.get(&detail).await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(!h.teks.contains(&format!("action=\"{aksi}\"")), "{b:?}");
        let csrf = z.csrf.clone().unwrap();
        let j = z.form(&aksi, &[("_csrf", &csrf)]).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        // Pegawai itu sendiri juga tidak melihat tombolnya.
        let mut y = d.masuk("bawahan.y").await;
        assert!(
            !y.get(&detail)
                .await
                .teks
                .contains(&format!("action=\"{aksi}\""))
        );
        // Atasan melihatnya; tanpa CSRF ditolak.
        let mut x = d.masuk("atasan.x").await;
        let h = x.get(&detail).await;
        assert!(h.teks.contains(&format!("action=\"{aksi}\"")), "{b:?}");
        let j = x.form(&aksi, &[]).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let csrf = x.csrf.clone().unwrap();
        let j = x.form(&aksi, &[("_csrf", &csrf)]).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        let i = j.teks.find("<pre>").expect("sandi sementara") + 5;
        let sementara = j.teks[i..i + j.teks[i..].find("</pre>").unwrap()].to_string();
        assert_eq!(sementara.len(), 14, "{sementara}");
        // Sesi Y diputus; sandi lama tidak berlaku.
        assert_eq!(
            y.get("/api/v1/instansi").await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            d.klien().masuk("bawahan.y", SANDI).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Masuk dengan sandi sementara: langsung ke halaman akun, dan sesi
        // itu hanya boleh mengganti sandi.
        let mut y = d.klien();
        let j = y.masuk("bawahan.y", &sementara).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        assert_eq!(j.lokasi().as_deref(), Some("/akun"));
        let h = y.get("/akun").await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(h.teks.contains("hanya sementara"), "{b:?}");
        assert!(
            !h.teks.contains("action=\"/akun/token\""),
            "token API saat wajib ganti"
        );
        let j = y.get(&format!("/instansi/{}/pegawai", d.u.a.id)).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}");
        assert_eq!(j.lokasi().as_deref(), Some("/akun"));
        assert_eq!(y.get("/").await.lokasi().as_deref(), Some("/akun"));
        let j = y.get("/api/v1/instansi").await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        let j = y
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"x","cakupan":"tulis"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let csrf = y.csrf.clone().unwrap();
        let j = y
            .form(
                "/akun/sandi",
                &[
                    ("_csrf", &csrf),
                    ("sandi_lama", &sementara),
                    ("sandi_baru", "sandi-pilihan-y-1"),
                    ("ulangi_sandi", "sandi-pilihan-y-1"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert!(!j.teks.contains("hanya sementara"));
        let j = y.get(&format!("/instansi/{}/pegawai", d.u.a.id)).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert_eq!(y.get("/api/v1/instansi").await.status, StatusCode::OK);
        // Y memberi tahu: notifikasi atas nama atasan.
        let n = y.get("/api/v1/notifikasi").await.json();
        assert!(n.to_string().contains("atasan.x"), "{n}");
        d.selesai().await;
    }
}

#[tokio::test]
async fn api_atur_ulang_sandi_oleh_atasan_dan_admin() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let jalur = format!("/api/v1/instansi/{}/pengguna/{}/sandi", d.u.a.id, d.y_akun);
        // Tamu, rekan, admin instansi lain: ditolak.
        let mut tamu = d.klien();
        let j = tamu.json(Method::POST, &jalur, "{}").await;
        assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{b:?}");
        for nama in ["rekan.z", "admin.b", "pegawai.a"] {
            let mut k = d.masuk(nama).await;
            let j = k.json(Method::POST, &jalur, "{}").await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} {nama}: {}", j.teks);
        }
        // Atasan: sesi tanpa header CSRF ditolak; token baca ditolak.
        let mut x = d.masuk("atasan.x").await;
        let j = x
            .kirim(
                Method::POST,
                &jalur,
                Some("application/json"),
                b"{}".to_vec(),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let j = x
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"baca","cakupan":"baca"}"#,
            )
            .await;
        let mut mesin = d.klien();
        mesin.bearer = Some(j.json()["token"].as_str().unwrap().to_string());
        let j = mesin.json(Method::POST, &jalur, "{}").await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        assert!(d.klien().masuk("bawahan.y", SANDI).await.status == StatusCode::SEE_OTHER);
        // Atasan: sandi buatan server (200) atau ketikan (204).
        let j = x.json(Method::POST, &jalur, "{}").await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        let s = j.json()["sandi_sementara"].as_str().unwrap().to_string();
        let mut y = d.klien();
        assert_eq!(
            y.masuk("bawahan.y", &s).await.lokasi().as_deref(),
            Some("/akun")
        );
        let j = x
            .json(Method::POST, &jalur, r#"{"sandi_baru":"diketik-atasan-1"}"#)
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        let j = x
            .json(Method::POST, &jalur, r#"{"sandi_baru":"pendek"}"#)
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        // Kontrak admin tetap: 204 dengan sandi ketikan.
        let mut admin = d.masuk("admin.a").await;
        let j = admin
            .json(Method::POST, &jalur, r#"{"sandi_baru":"diketik-admin-1"}"#)
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        let mut y = d.klien();
        assert_eq!(
            y.masuk("bawahan.y", "diketik-admin-1")
                .await
                .lokasi()
                .as_deref(),
            Some("/akun")
        );
        // Bawahan tidak mengatur ulang sandi atasannya (lewat API).
        let id_x = store::akun::pengguna_untuk_masuk(d.l.pool(), "atasan.x")
            .await
            .unwrap()
            .unwrap()
            .id;
        let csrf = y.csrf.clone().unwrap();
        let j = y
            .form(
                "/akun/sandi",
                &[
                    ("_csrf", &csrf),
                    ("sandi_lama", "diketik-admin-1"),
                    ("sandi_baru", "sandi-pilihan-y-2"),
                    ("ulangi_sandi", "sandi-pilihan-y-2"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK);
        let j = y
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/pengguna/{id_x}/sandi", d.u.a.id),
                "{}",
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        assert_eq!(
            d.klien().masuk("atasan.x", SANDI).await.status,
            StatusCode::SEE_OTHER
        );
        d.selesai().await;
    }
}
