//! Keamanan per objek lewat HTTP: pengguna instansi lain tidak dapat melihat
//! atau mengubah apa pun dengan mengganti URL; belum masuk → 401; CSRF;
//! pembatasan masuk; token API; akun pegawai pensiun dinonaktifkan.
//! Setiap tes berjalan di SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

/// Setiap sumber daya instansi A, dibaca dan diubah oleh admin instansi B.
#[tokio::test]
async fn admin_instansi_lain_tidak_menjangkau_data_instansi_ini() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut kb = Klien::baru(&u);
        assert_eq!(
            kb.masuk("admin.b", SANDI).await.status,
            StatusCode::SEE_OTHER,
            "{b:?}"
        );
        let a = &u.a;
        let baca = [
            format!("/api/v1/instansi/{}", a.id),
            format!("/api/v1/instansi/{}/unit", a.id),
            format!("/api/v1/instansi/{}/unit/{}", a.id, a.unit_id),
            format!("/api/v1/instansi/{}/jabatan", a.id),
            format!("/api/v1/instansi/{}/pegawai", a.id),
            format!("/api/v1/instansi/{}/pegawai/{}", a.id, a.pegawai_id),
            format!("/api/v1/instansi/{}/pegawai/{}/riwayat", a.id, a.pegawai_id),
        ];
        for jalur in &baca {
            let j = kb.get(jalur).await;
            assert_eq!(
                j.status,
                StatusCode::FORBIDDEN,
                "{b:?} GET {jalur}: {}",
                j.teks
            );
            assert_eq!(j.json()["error"]["code"], "dilarang");
            assert!(!j.teks.contains(&a.nip), "{jalur} membocorkan NIP");
        }
        // Id objek A di bawah instansi B sendiri: tidak ditemukan.
        for jalur in [
            format!("/api/v1/instansi/{}/pegawai/{}", u.b.id, a.pegawai_id),
            format!("/api/v1/instansi/{}/unit/{}", u.b.id, a.unit_id),
        ] {
            assert_eq!(
                kb.get(&jalur).await.status,
                StatusCode::NOT_FOUND,
                "{b:?} {jalur}"
            );
        }
        let ubah = [
            (
                Method::PUT,
                format!("/api/v1/instansi/{}", a.id),
                r#"{"nama":"X","jenis":"provinsi","kode_wilayah":"81"}"#.to_string(),
            ),
            (
                Method::POST,
                format!("/api/v1/instansi/{}/unit", a.id),
                r#"{"nama":"X","jenis":"bidang"}"#.to_string(),
            ),
            (
                Method::PUT,
                format!("/api/v1/instansi/{}/unit/{}", a.id, a.unit_id),
                r#"{"nama":"X","jenis":"bidang"}"#.to_string(),
            ),
            (
                Method::POST,
                format!("/api/v1/instansi/{}/jabatan", a.id),
                format!(
                    r#"{{"unit_id":"{}","nama":"X","jenis":"pelaksana"}}"#,
                    a.unit_id
                ),
            ),
            (
                Method::POST,
                format!("/api/v1/instansi/{}/pegawai", a.id),
                format!(
                    r#"{{"nama":"X","jenis_asn":"pns","nip":"198001012005011001","unit_id":"{}"}}"#,
                    a.unit_id
                ),
            ),
            (
                Method::PUT,
                format!("/api/v1/instansi/{}/pegawai/{}", a.id, a.pegawai_id),
                format!(
                    r#"{{"nama":"Diretas","jenis_asn":"pns","nip":"{}","unit_id":"{}"}}"#,
                    a.nip, a.unit_id
                ),
            ),
        ];
        for (m, jalur, badan) in ubah {
            let j = kb.json(m.clone(), &jalur, &badan).await;
            assert_eq!(
                j.status,
                StatusCode::FORBIDDEN,
                "{b:?} {m} {jalur}: {}",
                j.teks
            );
        }
        // Halaman juga.
        for jalur in [
            format!("/instansi/{}", a.id),
            format!("/instansi/{}/pegawai", a.id),
            format!("/instansi/{}/pegawai/{}", a.id, a.pegawai_id),
            format!("/instansi/{}/pegawai/{}/ubah", a.id, a.pegawai_id),
            format!("/instansi/{}/pegawai/{}/riwayat", a.id, a.pegawai_id),
            format!("/instansi/{}/unit", a.id),
            format!("/instansi/{}/unit/baru", a.id),
            format!("/instansi/{}/unit/{}/ubah", a.id, a.unit_id),
            format!("/instansi/{}/unit/{}/riwayat", a.id, a.unit_id),
            format!("/instansi/{}/pengguna", a.id),
            format!("/api/v1/instansi/{}/pengguna", a.id),
        ] {
            let j = kb.get(&jalur).await;
            assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} halaman {jalur}");
            assert!(!j.teks.contains(&a.nip));
        }
        let csrf = kb.csrf.clone().unwrap();
        let j = kb
            .form(
                &format!("/instansi/{}/pegawai/{}/ubah", a.id, a.pegawai_id),
                &[
                    ("_csrf", &csrf),
                    ("nama", "Diretas"),
                    ("jenis_asn", "pns"),
                    ("nip", &a.nip),
                    ("unit_id", &a.unit_id),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?} formulir ubah");
        // Tidak ada yang berubah di A.
        let p = store::organisasi::pegawai(u.l.pool(), &a.id, &a.pegawai_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.nama, "Maria Latuconsina");
        assert_eq!(
            store::organisasi::jumlah_pegawai(u.l.pool(), Some(&a.id))
                .await
                .unwrap(),
            1
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn tanpa_masuk_api_401_halaman_ke_masuk() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        let j = k.get(&format!("/api/v1/instansi/{}/pegawai", u.a.id)).await;
        assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{b:?}");
        assert_eq!(j.json()["error"]["code"], "belum_masuk");
        let j = k.get(&format!("/instansi/{}/pegawai", u.a.id)).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        assert_eq!(j.lokasi().as_deref(), Some("/masuk"));
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn pegawai_boleh_membaca_tetapi_tidak_mengubah() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk(&"pegawai.a", SANDI).await;
        let j = k
            .get(&format!(
                "/api/v1/instansi/{}/pegawai/{}",
                u.a.id, u.a.pegawai_id
            ))
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}");
        let badan = format!(
            r#"{{"nama":"Ubah Sendiri","jenis_asn":"pns","nip":"{}","unit_id":"{}"}}"#,
            u.a.nip, u.a.unit_id
        );
        let j = k
            .json(
                Method::PUT,
                &format!("/api/v1/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn csrf_wajib_pada_formulir_dan_api_sesi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        // Formulir masuk tanpa token CSRF ditolak.
        let j = k
            .form("/masuk", &[("username", "admin.a"), ("sandi", SANDI)])
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        k.masuk("admin.a", SANDI).await;
        let jalur = format!("/api/v1/instansi/{}/unit", u.a.id);
        let badan = r#"{"nama":"Bidang Baru","jenis":"bidang"}"#.as_bytes().to_vec();
        let j = k
            .kirim(
                Method::POST,
                &jalur,
                Some("application/json"),
                badan.clone(),
                false,
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::FORBIDDEN,
            "{b:?} API sesi tanpa X-CSRF-Token"
        );
        let j = k
            .kirim(Method::POST, &jalur, Some("application/json"), badan, true)
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        // Formulir ubah dengan token salah.
        let j = k
            .form(
                &format!("/instansi/{}/pegawai/{}/ubah", u.a.id, u.a.pegawai_id),
                &[("_csrf", "palsu"), ("nama", "X")],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn percobaan_masuk_dibatasi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        for _ in 0..5 {
            let j = k.masuk("admin.a", "salah-sekali").await;
            assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
            assert!(j.teks.contains("sandi salah"));
        }
        let j = k.masuk("admin.a", SANDI).await;
        assert_eq!(
            j.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{b:?}: sandi benar pun ditolak selama dikunci"
        );
        // Akun lain tidak ikut terkunci.
        let mut k2 = Klien::baru(&u);
        assert_eq!(
            k2.masuk("admin.b", SANDI).await.status,
            StatusCode::SEE_OTHER
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn pegawai_pensiun_tidak_bisa_masuk_lagi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut pegawai = Klien::baru(&u);
        assert_eq!(
            pegawai.masuk("pegawai.a", SANDI).await.status,
            StatusCode::SEE_OTHER
        );
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let badan = format!(
            r#"{{"nama":"Maria Latuconsina","jenis_asn":"pns","nip":"{}","unit_id":"{}","status":"pensiun","versi":1}}"#,
            u.a.nip, u.a.unit_id
        );
        let j = admin
            .json(
                Method::PUT,
                &format!("/api/v1/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id),
                &badan,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        // Sesi yang terbuka diputus, dan masuk lagi ditolak.
        assert_eq!(
            pegawai
                .get(&format!("/api/v1/instansi/{}/pegawai", u.a.id))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        let mut baru = Klien::baru(&u);
        let j = baru.masuk("pegawai.a", SANDI).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{b:?}");
        assert!(j.teks.contains("tidak aktif"));
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn token_api_bercakupan_dan_dapat_dicabut() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let j = admin
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"SIASN sinkron","cakupan":"baca","hari":30}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{b:?}: {}", j.teks);
        let token = j.json()["token"].as_str().unwrap().to_string();
        let id = j.json()["info"]["id"].as_str().unwrap().to_string();
        assert!(!j.teks.contains("token_hash"));
        // Yang disimpan hanya hash-nya.
        let hash: Option<(String,)> = sqlx_cari(&u, &token).await;
        assert!(hash.is_none(), "token tersimpan mentah");
        let mut mesin = Klien::baru(&u);
        mesin.bearer = Some(token.clone());
        assert_eq!(
            mesin
                .get(&format!("/api/v1/instansi/{}/pegawai", u.a.id))
                .await
                .status,
            StatusCode::OK,
            "{b:?}"
        );
        assert_eq!(
            mesin
                .get(&format!("/api/v1/instansi/{}/pegawai", u.b.id))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let j = mesin
            .json(
                Method::POST,
                &format!("/api/v1/instansi/{}/unit", u.a.id),
                r#"{"nama":"X","jenis":"bidang"}"#,
            )
            .await;
        assert_eq!(
            j.status,
            StatusCode::FORBIDDEN,
            "token baca tidak boleh menulis"
        );
        let j = admin
            .kirim(
                Method::DELETE,
                &format!("/api/v1/token/{id}"),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::NO_CONTENT, "{b:?}: {}", j.teks);
        assert_eq!(
            mesin
                .get(&format!("/api/v1/instansi/{}/pegawai", u.a.id))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        // Admin B tidak bisa mencabut token A (seolah tidak ada).
        let mut kb = Klien::baru(&u);
        kb.masuk("admin.b", SANDI).await;
        let j2 = admin
            .json(
                Method::POST,
                "/api/v1/token",
                r#"{"nama":"lain","cakupan":"tulis"}"#,
            )
            .await;
        let id2 = j2.json()["info"]["id"].as_str().unwrap().to_string();
        let j = kb
            .kirim(
                Method::DELETE,
                &format!("/api/v1/token/{id2}"),
                None,
                vec![],
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::NOT_FOUND);
        u.l.db.tutup().await;
    }
}

async fn sqlx_cari(u: &umum::Uji, token: &str) -> Option<(String,)> {
    // Mencari token mentah di kolom hash: harus tidak ada.
    store::akun::token_berlaku(u.l.pool(), token, "0000")
        .await
        .unwrap()
        .map(|t| (t.id,))
}

#[tokio::test]
async fn keluar_memutus_sesi_dan_bahasa_dapat_dipilih() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let jalur = format!("/api/v1/instansi/{}", u.a.id);
        assert_eq!(k.get(&jalur).await.status, StatusCode::OK, "{b:?}");
        // Keluar tanpa token CSRF ditolak (mencegah pemutusan paksa dari situs lain).
        assert_eq!(k.form("/keluar", &[]).await.status, StatusCode::FORBIDDEN);
        let sesi_lama = k.cookie.clone();
        let csrf = k.csrf.clone().unwrap();
        let j = k.form("/keluar", &[("_csrf", &csrf)]).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER);
        // Cookie lama yang disalin tidak berlaku lagi di server.
        k.cookie = sesi_lama;
        assert_eq!(
            k.get(&jalur).await.status,
            StatusCode::UNAUTHORIZED,
            "{b:?}"
        );
        // Pilihan bahasa disimpan di cookie.
        let mut t = Klien::baru(&u);
        assert!(t.get("/masuk").await.teks.contains("Masuk ke Kinerja"));
        t.get("/bahasa/en").await;
        assert!(t.get("/masuk").await.teks.contains("Sign in to Kinerja"));
        assert!(
            t.get("/masuk?lang=id")
                .await
                .teks
                .contains("Masuk ke Kinerja")
        );
        u.l.db.tutup().await;
    }
}
