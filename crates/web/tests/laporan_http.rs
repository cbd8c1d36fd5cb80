//! Dokumen PDF lewat HTTP di atas demo Maluku, di SQLite dan PostgreSQL:
//! LKjIP, Perjanjian Kinerja dan laporan pemantauan aksi perubahan adalah
//! PDF yang isinya (dibaca `pdftotext`, poppler-utils) memuat nama instansi
//! dan data demo; yang tidak berhak mendapat 403, bukan PDF.

mod umum;

use axum::http::StatusCode;
use store::uji::backend_uji;
use umum::Klien;

async fn dunia(b: store::Backend) -> (axum::Router, app::Layanan, String) {
    let l = app::Layanan::baru(store::uji::db_baru(b).await.unwrap());
    app::demo::isi_demo(&l).await.unwrap();
    let maluku = store::organisasi::semua_instansi(l.pool())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.kode_wilayah.as_deref() == Some("81"))
        .unwrap()
        .id;
    (web::router(web::AppState::baru(l.clone())), l, maluku)
}

async fn masuk(router: &axum::Router, nama: &str) -> Klien {
    let mut k = Klien {
        router: router.clone(),
        cookie: vec![],
        csrf: None,
        bahasa: None,
        bearer: None,
        header_lain: Vec::new(),
    };
    assert_eq!(
        k.masuk(nama, app::demo::SANDI_DEMO).await.status,
        StatusCode::SEE_OTHER
    );
    k
}

/// Teks PDF lewat pdftotext; gagal jelas bila alatnya tidak ada.
fn teks_pdf(isi: &[u8], halaman_pertama: bool) -> String {
    assert!(
        isi.starts_with(b"%PDF"),
        "bukan PDF: {:?}",
        &isi[..isi.len().min(40)]
    );
    let dir = std::env::temp_dir().join(format!("kinerja-pdf-{}", store::id_baru()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.pdf");
    std::fs::write(&f, isi).unwrap();
    let mut c = std::process::Command::new("pdftotext");
    if halaman_pertama {
        c.args(["-f", "1", "-l", "1"]);
    }
    let o = c
        .arg(&f)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) wajib terpasang untuk tes ini");
    std::fs::remove_dir_all(&dir).ok();
    String::from_utf8_lossy(&o.stdout).to_string()
}

async fn unduh(k: &mut Klien, jalur: &str) -> (StatusCode, Vec<u8>, String) {
    let j = k
        .kirim(axum::http::Method::GET, jalur, None, vec![], false)
        .await;
    let jenis = j
        .headers
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (j.status, j.byte, jenis)
}

#[tokio::test]
async fn lkjip_pk_dan_pemantauan_aksi_sebagai_pdf() {
    for b in backend_uji() {
        let (router, l, iid) = dunia(b).await;
        let mut pegawai = masuk(&router, app::demo::NIP_PEGAWAI).await;
        // LKjIP: dokumen publik instansi; nama instansi di halaman pertama.
        let (st, isi, jenis) = unduh(
            &mut pegawai,
            &format!("/api/v1/instansi/{iid}/sakip/2026/lkjip.pdf"),
        )
        .await;
        assert_eq!((st, jenis.as_str()), (StatusCode::OK, "application/pdf"));
        let teks = teks_pdf(&isi, true);
        assert!(
            teks.contains("Pemerintah Provinsi Maluku") && teks.contains("2026"),
            "{teks}"
        );
        let semua = teks_pdf(&isi, false);
        for x in [
            "Prevalensi balita stunting",
            "87,50",
            "1.03.02 Program Pengelolaan",
        ] {
            assert!(semua.contains(x), "{b:?}: LKjIP tanpa {x}");
        }
        // LKE 2026 masih direviu: hasilnya hanya bagi pembaca LKE.
        assert!(
            !semua.contains("Hasil Evaluasi"),
            "{b:?}: evaluasi yang belum selesai bocor"
        );
        // PK: pegawai biasa tidak; perencana ya, dengan pihak pertama dan kotak tanda tangan.
        let pk = store::sakip::pk_tahun(l.pool(), &iid, 2026)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.status == "disetujui")
            .unwrap();
        let jalur = format!("/api/v1/instansi/{iid}/sakip/perjanjian/{}/pdf", pk.id);
        let (st, _, _) = unduh(&mut pegawai, &jalur).await;
        assert_eq!(st, StatusCode::FORBIDDEN);
        let mut perencana = masuk(&router, "perencana").await;
        let (_, isi, _) = unduh(
            &mut perencana,
            &format!("/api/v1/instansi/{iid}/sakip/2026/lkjip.pdf"),
        )
        .await;
        let teks = teks_pdf(&isi, false);
        assert!(
            teks.contains("Hasil Evaluasi") && teks.contains("78,25"),
            "{teks}"
        );
        // LKE 2025 selesai: hasilnya di LKjIP 2025 bagi siapa pun.
        let (_, isi, _) = unduh(
            &mut pegawai,
            &format!("/api/v1/instansi/{iid}/sakip/2025/lkjip.pdf"),
        )
        .await;
        assert!(teks_pdf(&isi, false).contains("Hasil Evaluasi"));
        let (st, isi, _) = unduh(&mut perencana, &jalur).await;
        assert_eq!(st, StatusCode::OK);
        let teks = teks_pdf(&isi, false);
        assert!(teks.contains("PERJANJIAN KINERJA TAHUN 2026"), "{teks}");
        assert!(teks.contains("Tempat tanda tangan elektronik"));
        assert!(teks.contains("LAMPIRAN"));
        // Pemantauan aksi perubahan: admin BKD provinsi melihat semua angkatannya.
        let mut bkd = masuk(&router, "admin.bkd").await;
        let (st, isi, _) = unduh(&mut bkd, "/api/v1/aksi-perubahan/laporan.pdf").await;
        assert_eq!(st, StatusCode::OK);
        let teks = teks_pdf(&isi, false);
        assert!(teks.contains("Pemerintah Provinsi Maluku"), "{teks}");
        assert!(teks.to_lowercase().contains("terlambat"));
        let (st, _, _) = unduh(
            &mut Klien {
                router: router.clone(),
                cookie: vec![],
                csrf: None,
                bahasa: None,
                bearer: None,
                header_lain: vec![],
            },
            "/api/v1/aksi-perubahan/laporan.pdf",
        )
        .await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
}
