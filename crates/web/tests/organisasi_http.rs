//! API dan halaman organisasi: galat JSON yang seragam, validasi NIP di
//! kolomnya, penguncian optimistis, audit sebelum → sesudah, pencatatan
//! pembacaan data pribadi, dan operasi. SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

#[tokio::test]
async fn galat_api_selalu_json_422_dengan_kolom() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let jalur = format!("/api/v1/instansi/{}/pegawai", u.a.id);
        // JSON rusak.
        let j = k.json(Method::POST, &jalur, "{bukan json").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert_eq!(j.json()["error"]["code"], "json_tidak_valid");
        // Kolom wajib hilang.
        let j = k.json(Method::POST, &jalur, r#"{"nama":"A"}"#).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.json()["error"]["fields"]
                .as_object()
                .unwrap()
                .contains_key("jenis_asn"),
            "{}",
            j.teks
        );
        // NIP salah: pesan Indonesia di kolom nip.
        let badan = format!(
            r#"{{"nama":"A","jenis_asn":"pns","nip":"198513152010011002","unit_id":"{}"}}"#,
            u.a.unit_id
        );
        let j = k.json(Method::POST, &jalur, &badan).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        let pesan = j.json()["error"]["fields"]["nip"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(pesan.to_lowercase().contains("bulan"), "{pesan}");
        // Bahasa Inggris bila diminta.
        k.bahasa = Some("en".into());
        let j = k.json(Method::POST, &jalur, &badan).await;
        let pesan = j.json()["error"]["fields"]["nip"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(pesan.to_lowercase().contains("month"), "{pesan}");
        // NIP PPPK untuk jenis PNS ditolak.
        k.bahasa = None;
        let badan = format!(
            r#"{{"nama":"A","jenis_asn":"pns","nip":"198902252024211013","unit_id":"{}"}}"#,
            u.a.unit_id
        );
        let j = k.json(Method::POST, &jalur, &badan).await;
        assert!(
            j.json()["error"]["fields"]["nip"]
                .as_str()
                .unwrap()
                .contains("PPPK")
        );
        // NIP ganda di instansi.
        let badan = format!(
            r#"{{"nama":"A","jenis_asn":"pns","nip":"{}","unit_id":"{}"}}"#,
            u.a.nip, u.a.unit_id
        );
        let j = k.json(Method::POST, &jalur, &badan).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.json()["error"]["fields"]["nip"]
                .as_str()
                .unwrap()
                .contains("sudah terdaftar")
        );
        // Alamat API tak dikenal juga JSON.
        let j = k.get("/api/v1/tidak-ada").await;
        assert_eq!(j.status, StatusCode::NOT_FOUND);
        assert_eq!(j.json()["error"]["code"], "tidak_ditemukan");
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn ubah_pegawai_tercatat_di_riwayat_dan_konflik_409() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let jalur = format!("/api/v1/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id);
        let badan = format!(
            r#"{{"nama":"Maria Latuconsina","gelar_belakang":"S.K.M.","jenis_asn":"pns","nip":"{}","unit_id":"{}","telepon":"0911-352000","versi":1}}"#,
            u.a.nip, u.a.unit_id
        );
        let j = k.json(Method::PUT, &jalur, &badan).await;
        assert_eq!(j.status, StatusCode::OK, "{b:?}: {}", j.teks);
        assert_eq!(j.json()["versi"], 2);
        // Versi lama lagi: orang lain sudah mengubah → 409.
        let j = k.json(Method::PUT, &jalur, &badan).await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{b:?}: {}", j.teks);
        let j = k.get(&format!("{jalur}/riwayat")).await;
        let r = j.json();
        let ubah = r
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["aksi"] == "ubah")
            .expect("catatan ubah");
        assert_eq!(ubah["nama_pengguna"], "admin.a");
        assert!(
            ubah["sebelum"]
                .as_str()
                .unwrap()
                .contains("\"telepon\":null")
        );
        assert!(ubah["sesudah"].as_str().unwrap().contains("0911-352000"));
        // Halaman riwayat menampilkan kolom yang berubah.
        let h = k
            .get(&format!(
                "/instansi/{}/pegawai/{}/riwayat",
                u.a.id, u.a.pegawai_id
            ))
            .await;
        assert!(
            h.teks.contains("0911-352000") && h.teks.contains("gelar_belakang"),
            "{b:?}"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn pembacaan_data_pegawai_oleh_orang_lain_dicatat() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let lihat = |u: &umum::Uji| {
            let pool = u.l.pool().clone();
            let (iid, pid) = (u.a.id.clone(), u.a.pegawai_id.clone());
            async move {
                store::audit::riwayat_objek(&pool, &iid, "pegawai", &pid, 100)
                    .await
                    .unwrap()
                    .into_iter()
                    .filter(|c| c.aksi == "lihat")
                    .map(|c| c.nama_pengguna)
                    .collect::<Vec<_>>()
            }
        };
        let mut diri = Klien::baru(&u);
        diri.masuk("pegawai.a", SANDI).await;
        diri.get(&format!("/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id))
            .await;
        assert!(
            lihat(&u).await.is_empty(),
            "{b:?}: membaca data sendiri tidak dicatat"
        );
        let mut admin = Klien::baru(&u);
        admin.masuk("admin.a", SANDI).await;
        let j = admin
            .get(&format!("/instansi/{}/pegawai/{}", u.a.id, u.a.pegawai_id))
            .await;
        assert_eq!(j.status, StatusCode::OK);
        assert_eq!(lihat(&u).await, vec!["admin.a".to_string()]);
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn formulir_salah_menyimpan_isian_dan_galat_di_kolom() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let csrf = k.csrf.clone().unwrap();
        let j = k
            .form(
                &format!("/instansi/{}/pegawai/baru", u.a.id),
                &[
                    ("_csrf", &csrf),
                    ("nama", "Yohanis Pattiasina"),
                    ("jenis_asn", "pns"),
                    ("nip", "19850315201001100"),
                    ("unit_id", &u.a.unit_id),
                    ("telepon", "0911-1"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("value=\"Yohanis Pattiasina\""),
            "isian nama hilang"
        );
        assert!(
            j.teks.contains("value=\"19850315201001100\""),
            "isian NIP hilang"
        );
        assert!(
            j.teks.contains("id=\"g-nip\""),
            "galat tidak di samping kolom NIP"
        );
        // Berhasil: diarahkan ke halaman pegawai baru.
        let j = k
            .form(
                &format!("/instansi/{}/pegawai/baru", u.a.id),
                &[
                    ("_csrf", &csrf),
                    ("nama", "Yohanis Pattiasina"),
                    ("jenis_asn", "pns"),
                    ("nip", "198503152010011003"),
                    ("unit_id", &u.a.unit_id),
                    ("atasan", &u.a.nip),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{b:?}: {}", j.teks);
        let detail = k.get(&j.lokasi().unwrap()).await;
        assert!(detail.teks.contains("Maria Latuconsina"), "atasan dari NIP");
        assert!(
            detail.teks.contains("15 Maret 1985"),
            "tanggal lahir dari NIP"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn daftar_pegawai_cari_saring_halaman() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let k = app::Konteks::sistem();
        for i in 0..30 {
            let nip = format!("1990010120150310{:02}", i + 10);
            app::organisasi::pegawai::buat(
                &u.l,
                &k,
                &u.a.id,
                app::organisasi::pegawai::MasukanPegawai {
                    nip: Some(nip),
                    nama: format!("Pegawai Uji {i:02}"),
                    jenis_asn: "pns".into(),
                    unit_id: u.a.unit_id.clone(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        }
        let mut c = Klien::baru(&u);
        c.masuk("admin.a", SANDI).await;
        let j = c
            .get(&format!(
                "/api/v1/instansi/{}/pegawai?cari=uji&per_halaman=10&halaman=3",
                u.a.id
            ))
            .await;
        let v = j.json();
        assert_eq!(v["total"], 30, "{b:?}");
        assert_eq!(v["jumlah_halaman"], 3);
        assert_eq!(v["isi"].as_array().unwrap().len(), 10);
        assert_eq!(v["isi"][0]["nama"], "Pegawai Uji 20");
        let j = c
            .get(&format!(
                "/api/v1/instansi/{}/pegawai?cari=199001012015031015",
                u.a.id
            ))
            .await;
        assert_eq!(j.json()["total"], 1, "cari NIP");
        let h = c
            .get(&format!("/instansi/{}/pegawai?cari=uji&halaman=2", u.a.id))
            .await;
        assert!(
            h.teks.contains("Pegawai Uji 25") && !h.teks.contains("Pegawai Uji 24"),
            "{b:?}"
        );
        assert!(
            !h.teks.contains("rel=\"next\"") && h.teks.contains("rel=\"prev\""),
            "halaman terakhir"
        );
        let h1 = c
            .get(&format!("/instansi/{}/pegawai?cari=uji", u.a.id))
            .await;
        assert!(
            h1.teks.contains("rel=\"next\"") && !h1.teks.contains("rel=\"prev\""),
            "halaman pertama"
        );
        u.l.db.tutup().await;
    }
}

#[tokio::test]
async fn operasi_healthz_metrics_openapi() {
    let u = siapkan(store::Backend::Sqlite).await;
    let mut k = Klien::baru(&u);
    assert_eq!(k.get("/healthz").await.status, StatusCode::OK);
    assert_eq!(
        k.get("/metrics").await.status,
        StatusCode::NOT_FOUND,
        "metrik tidak dibuka tanpa konfigurasi"
    );
    let j = k.get("/api/openapi.json").await;
    let v = j.json();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    // Dokumen yang dilayani adalah dokumen yang dibangun dari tipe
    // (validasinya di openapi_http.rs).
    assert_eq!(v, web::api::openapi::dokumen());
    let jumlah: usize = v["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_object().unwrap().len())
        .sum();
    assert!(jumlah >= 36 + rules::kalkulator::DAFTAR.len(), "{jumlah}");
    assert!(v["paths"]["/api/v1/instansi/{iid}/pegawai/{id}"]["put"].is_object());
    u.l.db.tutup().await;
}
