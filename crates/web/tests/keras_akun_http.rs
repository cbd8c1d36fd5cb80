//! Pengerasan akun (isu 6) lewat HTTP: pembatas masuk per (nama pengguna,
//! alamat) tanpa mengunci pemilik akun, satu aturan kuasa atas akun, nama
//! pengguna berbentuk NIP, satu akun per pegawai, pemutusan sesi dan token
//! saat sandi berganti, cakupan token, dan CSRF formulir masuk bertanda.
//! Setiap tes berjalan di SQLite dan PostgreSQL.

mod umum;

use app::Peran;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use std::net::SocketAddr;
use store::uji::backend_uji;
use tower::ServiceExt;
use umum::{Klien, SANDI, Uji, siapkan};

/// Satu percobaan masuk lewat formulir dari alamat tertentu (ConnectInfo),
/// dengan token CSRF asli dari GET /masuk. Mengembalikan status dan teks.
async fn masuk_dari(
    router: &axum::Router,
    alamat: &str,
    username: &str,
    sandi: &str,
) -> (StatusCode, String) {
    let sa: SocketAddr = format!("{alamat}:40000").parse().unwrap();
    let res = router
        .clone()
        .oneshot(
            Request::builder()
                .uri("/masuk")
                .extension(ConnectInfo(sa))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string())
        .find(|c| c.starts_with("kinerja_csrf="))
        .expect("cookie CSRF tamu");
    let csrf = cookie.trim_start_matches("kinerja_csrf=").to_string();
    let badan = format!(
        "username={}&sandi={}&_csrf={}",
        web::halaman::enkode(username),
        web::halaman::enkode(sandi),
        web::halaman::enkode(&csrf)
    );
    let res = router
        .clone()
        .oneshot(
            Request::builder()
                .method(Method::POST)
                .uri("/masuk")
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .extension(ConnectInfo(sa))
                .body(Body::from(badan))
                .unwrap(),
        )
        .await
        .unwrap();
    let st = res.status();
    let b = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (st, String::from_utf8_lossy(&b).to_string())
}

/// Router dengan konfigurasi pembatas yang diubah (mis. batas alamat kecil).
fn router_dengan(u: &Uji, ubah: impl FnOnce(&mut app::Konfigurasi)) -> axum::Router {
    let mut l = u.l.clone();
    ubah(&mut l.konfigurasi);
    web::router(web::AppState::baru(l))
}

async fn jumlah_tercatat(u: &Uji, kunci: &str) -> Option<i64> {
    store::akun::baca_percobaan(u.l.pool(), kunci)
        .await
        .unwrap()
        .map(|(n, _)| n)
}

// ---------- temuan 4: pembatas masuk ----------

#[tokio::test]
async fn sandi_benar_dari_alamat_lain_tetap_masuk_setelah_serangan() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        // Penyerang: 5 sandi salah lalu terus mencoba dari alamatnya.
        for i in 0..5 {
            let (st, teks) = masuk_dari(&u.router, "10.9.9.9", "admin.a", "tebakan-salah").await;
            assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b:?} #{i}");
            assert!(teks.contains("sandi salah"));
        }
        let (st, teks) = masuk_dari(&u.router, "10.9.9.9", "admin.a", SANDI).await;
        assert_eq!(
            st,
            StatusCode::TOO_MANY_REQUESTS,
            "{b:?}: pasangan penyerang ditahan, bahkan dengan sandi benar"
        );
        assert!(teks.contains("Coba lagi dalam"), "{teks}");
        // Pemilik akun dari alamat lain tidak ikut tertahan.
        let (st, _) = masuk_dari(&u.router, "10.1.1.1", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{b:?}: pemilik akun terkunci");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn masuk_berhasil_mengosongkan_pasangannya_saja() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let kp = app::akun::kunci_pasangan("admin.a", "10.2.2.2");
        let ka = app::akun::kunci_alamat("10.2.2.2");
        for _ in 0..4 {
            let (st, _) = masuk_dari(&u.router, "10.2.2.2", "admin.a", "salah-lagi-1").await;
            assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        }
        // Pasangan lain di alamat yang sama.
        masuk_dari(&u.router, "10.2.2.2", "pegawai.a", "salah-lagi-1").await;
        let kp_lain = app::akun::kunci_pasangan("pegawai.a", "10.2.2.2");
        assert_eq!(jumlah_tercatat(&u, &kp).await, Some(4), "{b:?}");
        let (st, _) = masuk_dari(&u.router, "10.2.2.2", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{b:?}");
        assert_eq!(
            jumlah_tercatat(&u, &kp).await,
            None,
            "{b:?}: pasangan dikosongkan"
        );
        assert_eq!(
            jumlah_tercatat(&u, &kp_lain).await,
            Some(1),
            "{b:?}: pasangan lain tetap"
        );
        assert_eq!(
            jumlah_tercatat(&u, &ka).await,
            Some(5),
            "{b:?}: alamat tetap"
        );
        // Empat kegagalan lagi tidak langsung ditahan (hitungan mulai dari nol).
        for _ in 0..4 {
            let (st, _) = masuk_dari(&u.router, "10.2.2.2", "admin.a", "salah-lagi-2").await;
            assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        }
        let (st, _) = masuk_dari(&u.router, "10.2.2.2", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{b:?}");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn percobaan_serentak_satu_pasangan_dihitung_tepat() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut tugas = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let l = u.l.clone();
            tugas.spawn(async move {
                app::akun::masuk(&l, app::Bahasa::Id, "admin.a", "serentak-salah", "10.3.3.3")
                    .await
                    .err()
                    .map(|g| g.kode().to_string())
            });
        }
        let mut ditahan = 0;
        let mut salah = 0;
        while let Some(h) = tugas.join_next().await {
            match h.unwrap().as_deref() {
                Some("terlalu_banyak_permintaan") => ditahan += 1,
                Some("gagal_masuk") => salah += 1,
                lain => panic!("{b:?}: jawaban tak terduga {lain:?}"),
            }
        }
        assert_eq!(ditahan + salah, 20);
        // Paling banyak batas + 1 percobaan sampai ke Argon2.
        assert!(salah <= 6, "{b:?}: {salah} percobaan lolos pembatas");
        let kp = app::akun::kunci_pasangan("admin.a", "10.3.3.3");
        assert_eq!(
            jumlah_tercatat(&u, &kp).await,
            Some(20),
            "{b:?}: setiap percobaan serentak tercatat (tanpa update yang hilang)"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn pengguna_lain_di_alamat_sama_tidak_tertahan() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        // Lima orang di balik satu NAT masing-masing gagal 5 kali: 25 kegagalan
        // dari satu alamat, di bawah batas alamat (dulu: 20 memblokir semua).
        for i in 0..5 {
            for _ in 0..5 {
                let (st, _) =
                    masuk_dari(&u.router, "10.4.4.4", &format!("rekan{i}"), "lupa-sandi").await;
                assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
            }
        }
        let (st, _) = masuk_dari(&u.router, "10.4.4.4", "admin.a", SANDI).await;
        assert_eq!(
            st,
            StatusCode::SEE_OTHER,
            "{b:?}: rekan di NAT yang sama tertahan"
        );
        let router = router_dengan(&u, |k| k.batas_gagal_alamat = 12);
        // Di atas batas alamat, alamat itu ditahan dengan jeda (tanpa Argon2).
        for i in 0..12 {
            masuk_dari(&router, "10.5.5.5", &format!("orang{i}"), "acak-saja").await;
        }
        let (st, teks) = masuk_dari(&router, "10.5.5.5", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::TOO_MANY_REQUESTS, "{b:?}");
        assert!(teks.contains("Coba lagi dalam"));
        // Alamat lain tidak terpengaruh.
        let (st, _) = masuk_dari(&router, "10.6.6.6", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{b:?}");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn ipv6_dibatasi_per_prefiks_64_dan_hitungan_lama_dibuang() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        // Penyerang berganti alamat di dalam /64 miliknya.
        for i in 1..=5 {
            let (st, _) = masuk_dari(
                &u.router,
                &format!("[2001:db8:0:7::{i}]"),
                "admin.a",
                "salah-v6",
            )
            .await;
            assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        }
        let (st, _) = masuk_dari(&u.router, "[2001:db8:0:7::99]", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::TOO_MANY_REQUESTS, "{b:?}");
        let (st, _) = masuk_dari(&u.router, "[2001:db8:0:8::1]", "admin.a", SANDI).await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{b:?}: /64 lain tertahan");
        // Pembersihan berkala membuang hitungan yang sudah dilupakan.
        let kp = app::akun::kunci_pasangan("admin.a", "2001:db8:0:7::42");
        assert_eq!(jumlah_tercatat(&u, &kp).await, Some(6), "{b:?}");
        let mut l = u.l.clone();
        l.konfigurasi.jendela_gagal_menit = -1;
        assert!(
            app::akun::bersihkan_pembatas(&l).await.unwrap() >= 2,
            "{b:?}"
        );
        assert_eq!(jumlah_tercatat(&u, &kp).await, None, "{b:?}");
        u.l.db.tutup().await;
    }
}

// ---------- temuan 6: kuasa atas akun ----------

async fn id_pengguna(u: &Uji, username: &str) -> String {
    store::akun::pengguna_untuk_masuk(u.l.pool(), username)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn admin_instansi_tidak_dapat_mengambil_alih_super_admin() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        umum::akun(&u.l, &u.a.id, "super.a", None, vec![Peran::SuperAdmin]).await;
        let id_super = id_pengguna(&u, "super.a").await;
        let mut sup = Klien::baru(&u);
        assert_eq!(
            sup.masuk("super.a", SANDI).await.status,
            StatusCode::SEE_OTHER
        );
        let j = sup
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"otomasi","cakupan":"tulis"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let id_token = j.json()["info"]["id"].as_str().unwrap().to_string();
        let token = j.json()["token"].as_str().unwrap().to_string();

        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/pengguna", u.a.id);
        let j = admin
            .json(
                Method::POST,
                &format!("{dasar}/{id_super}/sandi"),
                r#"{"sandi_baru":"diambil-alih-1"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        // Lewat formulir halaman juga ditolak.
        let csrf = admin.csrf.clone().unwrap();
        let j = admin
            .form(
                &format!("/instansi/{}/pengguna/sandi", u.a.id),
                &[
                    ("_csrf", &csrf),
                    ("id", &id_super),
                    ("sandi_baru", "diambil-alih-2"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        // Token super admin tidak dapat dicabut (seolah tidak ada).
        let j = admin
            .kirim(
                Method::DELETE,
                &format!("/api/v1/token/{id_token}"),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::NOT_FOUND, "{b:?}");
        // Membuat akun dengan peran yang tidak dipegang: ditolak.
        let j = admin
            .json(Method::POST, &dasar, r#"{"username":"x.super","nama":"X","sandi":"sandi-awal-123","peran":["super_admin"]}"#)
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        // Super admin tetap utuh: sandi lama berlaku, token berlaku.
        assert_eq!(
            Klien::baru(&u).masuk("super.a", SANDI).await.status,
            StatusCode::SEE_OTHER,
            "{b:?}"
        );
        let mut mesin = Klien::baru(&u);
        mesin.bearer = Some(token);
        assert_eq!(mesin.get("/api/v1/instansi").await.status, StatusCode::OK);
        // Kontrol: admin tetap mengelola akun pegawai instansinya.
        let id_pegawai = id_pengguna(&u, "pegawai.a").await;
        let j = admin
            .json(
                Method::POST,
                &format!("{dasar}/{id_pegawai}/sandi"),
                r#"{"sandi_baru":"sandi-baru-456"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        // Super admin mengelola siapa saja.
        let j = sup
            .json(
                Method::POST,
                &format!("{dasar}/{id_pegawai}/sandi"),
                r#"{"sandi_baru":"sandi-baru-789"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        u.l.db.tutup().await;
    }
}

// ---------- temuan 7 dan 9: nama pengguna NIP, satu akun per pegawai ----------

async fn pegawai_baru(u: &Uji, nip: &str) -> String {
    app::organisasi::pegawai::buat(
        &u.l,
        &app::Konteks::sistem(),
        &u.a.id,
        app::organisasi::pegawai::MasukanPegawai {
            nip: Some(nip.into()),
            nama: "Yohanes Pattinama".into(),
            jenis_asn: "pns".into(),
            unit_id: u.a.unit_id.clone(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn nama_pengguna_nip_hanya_untuk_pegawainya() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/pengguna", u.a.id);
        let badan = |username: &str, pegawai: Option<&str>| {
            let p = pegawai
                .map(|p| format!(r#","pegawai_id":"{p}""#))
                .unwrap_or_default();
            format!(
                r#"{{"username":"{username}","nama":"X","sandi":"sandi-awal-123","peran":["pegawai"]{p}}}"#
            )
        };
        // NIP pegawai instansi lain, tanpa tautan.
        let j = admin
            .json(Method::POST, &dasar, &badan(&u.b.nip, None))
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(
            j.json()["error"]["fields"]["username"].is_string(),
            "{}",
            j.teks
        );
        // NIP yang belum dimiliki pegawai mana pun juga tidak boleh dipakai.
        let j = admin
            .json(Method::POST, &dasar, &badan("198001012005011001", None))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["username"].is_string());
        // NIP pegawai lain di instansi sendiri, ditautkan ke pegawai yang salah.
        let baru = pegawai_baru(&u, "198001012005011001").await;
        let j = admin
            .json(Method::POST, &dasar, &badan(&u.b.nip, Some(&baru)))
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(j.json()["error"]["fields"]["username"].is_string());
        // Lewat formulir halaman: NIP instansi lain ditolak (422), bukan dibuat.
        let csrf = admin.csrf.clone().unwrap();
        let j = admin
            .form(
                &format!("/instansi/{}/pengguna", u.a.id),
                &[
                    ("_csrf", &csrf),
                    ("username", &u.b.nip),
                    ("nama", "X"),
                    ("sandi", "sandi-awal-123"),
                    ("peran", "pegawai"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            store::akun::pengguna_untuk_masuk(u.l.pool(), &u.b.nip)
                .await
                .unwrap()
                .is_none(),
            "{b:?}: NIP instansi lain diserobot"
        );
        // NIP milik pegawai yang ditautkan: boleh.
        let j = admin
            .json(
                Method::POST,
                &dasar,
                &badan("198001012005011001", Some(&baru)),
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        // Nama pengguna biasa tetap boleh tanpa tautan.
        let j = admin
            .json(Method::POST, &dasar, &badan("juru.tulis", None))
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn satu_akun_per_pegawai_tanpa_galat_500() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let dasar = format!("/api/v1/instansi/{}/pengguna", u.a.id);
        let badan = |username: &str, pegawai: &str| {
            format!(
                r#"{{"username":"{username}","nama":"X","sandi":"sandi-awal-123","peran":["pegawai"],"pegawai_id":"{pegawai}"}}"#
            )
        };
        // Pegawai A sudah punya akun (pegawai.a).
        let j = admin
            .json(Method::POST, &dasar, &badan("akun.kedua", &u.a.pegawai_id))
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(
            j.json()["error"]["fields"]["pegawai_id"].is_string(),
            "{}",
            j.teks
        );
        // Pegawai instansi lain.
        let j = admin
            .json(Method::POST, &dasar, &badan("akun.ketiga", &u.b.pegawai_id))
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(j.json()["error"]["fields"]["pegawai_id"].is_string());
        // Pegawai yang tidak ada.
        let j = admin
            .json(Method::POST, &dasar, &badan("akun.keempat", "tidak-ada"))
            .await;
        assert_eq!(
            j.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b:?}: {}",
            j.teks
        );
        assert!(j.json()["error"]["fields"]["pegawai_id"].is_string());
        // Indeks unik di basis data menahan tautan ganda yang lolos layanan.
        let mut p = store::akun::pengguna_untuk_masuk(u.l.pool(), "pegawai.a")
            .await
            .unwrap()
            .unwrap();
        p.id = store::id_baru();
        p.username = "lewat.belakang".into();
        let mut tx = u.l.db.mulai().await.unwrap();
        let e = store::akun::sisipkan_pengguna(&mut tx, &p, &[])
            .await
            .expect_err("akun kedua untuk pegawai yang sama");
        assert!(e.pelanggaran_unik(), "{b:?}: {e}");
        drop(tx);
        u.l.db.tutup().await;
    }
}

// ---------- temuan 8: sandi berganti, sesi dan token ----------

async fn buat_token(k: &mut Klien, cakupan: &str) -> (String, String) {
    let j = k
        .json(
            Method::POST,
            "/api/v1/token",
            &format!(r#"{{"nama":"uji {cakupan}","cakupan":"{cakupan}"}}"#),
        )
        .await;
    assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
    (
        j.json()["token"].as_str().unwrap().to_string(),
        j.json()["info"]["id"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn ganti_sandi_memutus_sesi_lain_dan_mencabut_token() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let jalur = format!("/api/v1/instansi/{}", u.a.id);
        let mut k1 = Klien::baru(&u);
        k1.masuk("pegawai.a", SANDI).await;
        let mut k2 = Klien::baru(&u);
        k2.masuk("pegawai.a", SANDI).await;
        let (token, _) = buat_token(&mut k1, "tulis").await;
        let mut mesin = Klien::baru(&u);
        mesin.bearer = Some(token);
        assert_eq!(mesin.get(&jalur).await.status, StatusCode::OK, "{b:?}");
        let csrf = k1.csrf.clone().unwrap();
        let j = k1
            .form(
                "/akun/sandi",
                &[
                    ("_csrf", &csrf),
                    ("sandi_lama", SANDI),
                    ("sandi_baru", "sandi-baru-321"),
                    ("ulangi_sandi", "sandi-baru-321"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        assert_eq!(
            k1.get(&jalur).await.status,
            StatusCode::OK,
            "{b:?}: sesi sendiri tetap"
        );
        assert_eq!(
            k2.get(&jalur).await.status,
            StatusCode::UNAUTHORIZED,
            "{b:?}: sesi lain diputus"
        );
        assert_eq!(
            mesin.get(&jalur).await.status,
            StatusCode::UNAUTHORIZED,
            "{b:?}: token dicabut"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn atur_ulang_sandi_oleh_admin_mencabut_token() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let jalur = format!("/api/v1/instansi/{}", u.a.id);
        let mut p = Klien::baru(&u);
        p.masuk("pegawai.a", SANDI).await;
        let (token, _) = buat_token(&mut p, "baca").await;
        let mut mesin = Klien::baru(&u);
        mesin.bearer = Some(token);
        assert_eq!(mesin.get(&jalur).await.status, StatusCode::OK, "{b:?}");
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let id = id_pengguna(&u, "pegawai.a").await;
        let j = admin
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/pengguna/{id}/sandi", u.a.id),
                r#"{"sandi_baru":"sandi-reset-999"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        assert_eq!(
            p.get(&jalur).await.status,
            StatusCode::UNAUTHORIZED,
            "{b:?}"
        );
        assert_eq!(
            mesin.get(&jalur).await.status,
            StatusCode::UNAUTHORIZED,
            "{b:?}: token tetap hidup setelah atur ulang"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn token_baca_tidak_mengelola_token_atau_akun() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let (baca, _) = buat_token(&mut admin, "baca").await;
        let (tulis, id_tulis) = buat_token(&mut admin, "tulis").await;
        let mut m = Klien::baru(&u);
        m.bearer = Some(baca);
        let j = m
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"turunan","cakupan":"tulis"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {}", j.teks);
        let j = m
            .kirim(
                Method::DELETE,
                &format!("/api/v1/token/{id_tulis}"),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::FORBIDDEN,
            "{b:?}: token baca mencabut token"
        );
        let dasar = format!("/api/v1/instansi/{}/pengguna", u.a.id);
        let j = m
            .json(Method::POST, &dasar, r#"{"username":"dari.token","nama":"X","sandi":"sandi-awal-123","peran":["pegawai"]}"#)
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let id = id_pengguna(&u, "pegawai.a").await;
        let j = m
            .json(
                Method::POST,
                &format!("{dasar}/{id}/sandi"),
                r#"{"sandi_baru":"lewat-token-1"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        // Halaman ganti sandi dengan token baca: ditolak.
        let j = m
            .form(
                "/akun/sandi",
                &[
                    ("sandi_lama", SANDI),
                    ("sandi_baru", "lewat-token-2"),
                    ("ulangi_sandi", "lewat-token-2"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        let k = app::Konteks::dengan(
            app::akun::dari_token_api(&u.l, m.bearer.as_ref().unwrap())
                .await
                .unwrap()
                .unwrap(),
            app::Bahasa::Id,
        );
        let g = app::akun::ganti_sandi(&u.l, &k, SANDI, "lewat-token-3", "lewat-token-3", None)
            .await
            .expect_err("token baca mengganti sandi");
        assert_eq!(g.kode(), "dilarang");
        // Token tulis masih hidup; sandi admin tidak berubah.
        let mut t = Klien::baru(&u);
        t.bearer = Some(tulis);
        assert_eq!(
            t.get("/api/v1/instansi").await.status,
            StatusCode::OK,
            "{b:?}"
        );
        assert_eq!(
            Klien::baru(&u).masuk("admin.a", SANDI).await.status,
            StatusCode::SEE_OTHER
        );
        u.l.db.tutup().await;
    }
}

// ---------- temuan 10: CSRF formulir masuk ----------

#[tokio::test]
async fn csrf_masuk_karangan_penyerang_ditolak() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        // Cookie yang ditanam penyerang + isian yang sama.
        for palsu in [
            "penyerang-memilih-ini".to_string(),
            format!("{}.{}", "a".repeat(64), "b".repeat(64)),
            // Bertanda, tetapi dengan rahasia server lain.
            app::akun::csrf_tamu_baru(b"rahasia-server-lain"),
        ] {
            let mut k = Klien::baru(&u);
            k.cookie.push(("kinerja_csrf".into(), palsu.clone()));
            let j = k
                .form(
                    "/masuk",
                    &[("username", "admin.a"), ("sandi", SANDI), ("_csrf", &palsu)],
                )
                .await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}: {palsu}");
            assert!(
                !j.headers
                    .get_all(header::SET_COOKIE)
                    .iter()
                    .any(|c| c.to_str().unwrap().starts_with("kinerja_sesi=")),
                "{b:?}: sesi dibuat dengan CSRF karangan"
            );
        }
        // Yang asli dari GET /masuk berlaku; cookie tanaman diganti.
        let mut k = Klien::baru(&u);
        k.cookie.push(("kinerja_csrf".into(), "tanaman".into()));
        assert_eq!(
            k.masuk("admin.a", SANDI).await.status,
            StatusCode::SEE_OTHER,
            "{b:?}"
        );
        u.l.db.tutup().await;
    }
}
