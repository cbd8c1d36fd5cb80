//! Halaman perubahan nomenklatur (isu 9) lewat HTTP, di SQLite dan
//! PostgreSQL: siapa pun yang masuk membaca daftar; hanya super admin memuat;
//! berkas salah ditolak utuh dengan laporan per baris dan isian formulir
//! tetap; berkas sah tercatat dan tampil.

mod umum;

use axum::http::StatusCode;
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

fn multipart(csrf: &str, kode: &str, tahun: &str, berkas: &str) -> Vec<u8> {
    let mut b = Vec::new();
    for (k, v) in [
        ("_csrf", csrf),
        ("kode", kode),
        ("judul", "Perubahan uji"),
        ("dasar", "kepmendagri_900_2024"),
        ("berlaku_tahun", tahun),
        ("tanggal_penetapan", "2026-03-01"),
    ] {
        b.extend_from_slice(
            format!("--B\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    b.extend_from_slice(
        b"--B\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n",
    );
    b.extend_from_slice(berkas.as_bytes());
    b.extend_from_slice(b"\r\n--B--\r\n");
    b
}

#[tokio::test]
async fn muat_perubahan_lewat_halaman() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut sa = Klien::baru(&u);
        assert_eq!(sa.masuk("super", SANDI).await.status, StatusCode::SEE_OTHER);
        let mut admin = Klien::baru(&u);
        assert_eq!(
            admin.masuk("admin.a", SANDI).await.status,
            StatusCode::SEE_OTHER
        );

        // Pembaca biasa: daftar tanpa formulir; mengirim ditolak.
        let j = admin.get("/nomenklatur").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(!j.teks.contains("form-nomenklatur"));
        let ca = admin.csrf.clone().unwrap();
        let j = admin
            .kirim(
                axum::http::Method::POST,
                "/nomenklatur",
                Some("multipart/form-data; boundary=B"),
                multipart(
                    &ca,
                    "X-1",
                    "2027",
                    "tindakan,pemda,kode\nhapus,kabupaten_kota,1.02\n",
                ),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{}", j.teks);

        // Super admin: berkas salah → 422 dengan baris, isian tetap ada.
        let j = sa.get("/nomenklatur").await;
        assert!(j.teks.contains("form-nomenklatur"));
        let cs = sa.csrf.clone().unwrap();
        let j = sa
            .kirim(
                axum::http::Method::POST,
                "/nomenklatur",
                Some("multipart/form-data; boundary=B"),
                multipart(
                    &cs,
                    "900.1-861/2026",
                    "2027",
                    "tindakan,pemda,kode\nganti,desa,x\n",
                ),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("id=\"laporan\""), "{}", j.teks);
        assert!(j.teks.contains("<strong>tindakan</strong>"), "{}", j.teks);
        assert!(j.teks.contains("value=\"900.1-861/2026\""), "isian tetap");
        // Tahun tidak sah: galat di field itu.
        let j = sa
            .kirim(
                axum::http::Method::POST,
                "/nomenklatur",
                Some("multipart/form-data; boundary=B"),
                multipart(&cs, "900.1-861/2026", "dua ribu", "tindakan,pemda,kode\n"),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("Isi tahun, mis. 2027."));
        // Berkas sah: dimuat, tampil di daftar.
        let j = sa
            .kirim(
                axum::http::Method::POST,
                "/nomenklatur",
                Some("multipart/form-data; boundary=B"),
                multipart(
                    &cs,
                    "900.1-861/2026",
                    "2027",
                    "tindakan,pemda,kode,nama\nhapus,kabupaten_kota,1.02.02.2.02.0015,\n",
                ),
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let j = admin.get("/nomenklatur?ok=1").await;
        assert!(j.teks.contains("900.1-861/2026"), "{}", j.teks);
        assert!(j.teks.contains("0 / 1"), "satu hapus");
    }
}
