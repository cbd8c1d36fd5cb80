//! Halaman pengelolaan aksi perubahan lewat HTTP (isu 13), di SQLite dan
//! PostgreSQL: formulir di halaman proyek (tonggak baru, ubah dengan alasan
//! wajib bila jatuh tempo bergeser, batal, usul inovasi yang belum layak)
//! menjawab kesalahan di halaman itu dengan isian yang diketik tetap ada;
//! pengaturan pemantauan (ambang, pita kualifikasi) dan daftar usul inovasi.

mod umum;

use axum::http::{Method, StatusCode};
use serde_json::json;
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

async fn masuk(u: &umum::Uji, nama: &str) -> Klien {
    let mut k = Klien::baru(u);
    let j = k.masuk(nama, SANDI).await;
    assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}");
    k
}

#[tokio::test]
async fn formulir_proyek_pengaturan_dan_usul() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut admin = masuk(&u, "admin.a").await;
        let mut alumni = masuk(&u, "pegawai.a").await;
        let j = admin
            .json(
                Method::POST,
                "/api/v1/angkatan",
                r#"{"jenis":"pka","nama":"PKA Angkatan II","penyelenggara":"BPSDM Provinsi Maluku","mulai":"2025-03-01","selesai":"2025-07-31"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let ang = j.json()["id"].as_str().unwrap().to_string();
        let j = admin
            .json(
                Method::POST,
                &format!("/api/v1/angkatan/{ang}/peserta"),
                &json!({"nip": u.a.nip, "judul": "Satu Data Kesehatan"}).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let id = j.json()["id"].as_str().unwrap().to_string();

        // Tonggak baru lewat formulir halaman.
        alumni.get(&format!("/aksi-perubahan/{id}")).await;
        let csrf = alumni.csrf.clone().unwrap();
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/tonggak"),
                &[
                    ("_csrf", &csrf),
                    ("tahap", "jangka_pendek"),
                    ("uraian", "Rancangan layanan"),
                    ("jatuh_tempo", "2030-06-30"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        assert_eq!(
            j.lokasi().unwrap(),
            format!("/aksi-perubahan/{id}?ok=tonggak")
        );
        let t = alumni
            .get(&format!("/api/v1/aksi-perubahan/{id}"))
            .await
            .json();
        let tid = t["tonggak"][0]["id"].as_str().unwrap().to_string();
        let versi = t["tonggak"][0]["versi"].as_i64().unwrap().to_string();

        // Jatuh tempo bergeser tanpa alasan: 422 di halaman proyek, dengan
        // galat di field alasan dan uraian yang diketik tetap ada.
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/tonggak/{tid}/ubah"),
                &[
                    ("_csrf", &csrf),
                    ("tahap", "jangka_pendek"),
                    ("uraian", "Rancangan layanan terpadu"),
                    ("jatuh_tempo", "2030-09-30"),
                    ("versi", &versi),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(
            j.teks.contains("Tuliskan mengapa jatuh tempo bergeser."),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("Rancangan layanan terpadu"));
        assert!(j.teks.contains("2030-09-30"));
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/tonggak/{tid}/ubah"),
                &[
                    ("_csrf", &csrf),
                    ("tahap", "jangka_pendek"),
                    ("uraian", "Rancangan layanan terpadu"),
                    ("jatuh_tempo", "2030-09-30"),
                    ("alasan", "Menunggu APBD perubahan"),
                    ("versi", &versi),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);

        // Batal tanpa alasan ditolak; dengan alasan diterima dan tampil.
        let versi = (versi.parse::<i64>().unwrap() + 1).to_string();
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/tonggak/{tid}/batal"),
                &[("_csrf", &csrf), ("alasan", " "), ("versi", &versi)],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("Tuliskan alasan pembatalan."));
        // Usul inovasi belum layak: 409 di halaman dengan alasannya.
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/usul-inovasi"),
                &[("_csrf", &csrf), ("catatan", "Layak ditiru")],
            )
            .await;
        assert_eq!(j.status, StatusCode::CONFLICT, "{}", j.teks);
        assert!(
            j.teks.contains("Proyek belum dapat diusulkan"),
            "{}",
            j.teks
        );
        assert!(j.teks.contains("jangka menengah"), "{}", j.teks);
        let j = alumni
            .form(
                &format!("/aksi-perubahan/{id}/tonggak/{tid}/batal"),
                &[
                    ("_csrf", &csrf),
                    ("alasan", "Digabung ke SIASN"),
                    ("versi", &versi),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let j = alumni.get(&format!("/aksi-perubahan/{id}?ok=batal")).await;
        assert!(j.teks.contains("Digabung ke SIASN"));
        assert!(j.teks.contains("Tonggak dibatalkan."));

        // Pengaturan: pegawai biasa tidak menyimpan; pita tanpa 0 ditolak di
        // halaman dengan isian tetap; yang sah tersimpan.
        let j = alumni.get("/aksi-perubahan/pengaturan").await;
        assert_eq!(j.status, StatusCode::OK, "anggota membaca");
        let j = alumni
            .form(
                "/aksi-perubahan/pengaturan",
                &[
                    ("_csrf", &csrf),
                    ("hari_senyap", "60"),
                    ("hari_berisiko", "20"),
                    ("versi", "0"),
                    ("kode_0", "lulus"),
                    ("label_0", "Lulus"),
                    ("nilai_min_0", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN, "{}", j.teks);
        let j = admin.get("/aksi-perubahan/pengaturan").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("sangat_memuaskan") && j.teks.contains("90.01"));
        let ca = admin.csrf.clone().unwrap();
        let j = admin
            .form(
                "/aksi-perubahan/pengaturan",
                &[
                    ("_csrf", &ca),
                    ("hari_senyap", "60"),
                    ("hari_berisiko", "20"),
                    ("versi", "0"),
                    ("kode_0", "istimewa"),
                    ("label_0", "Istimewa Sekali"),
                    ("nilai_min_0", "85"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert!(j.teks.contains("mulai dari 0"), "{}", j.teks);
        assert!(j.teks.contains("Istimewa Sekali"), "isian tetap ada");
        let j = admin
            .form(
                "/aksi-perubahan/pengaturan",
                &[
                    ("_csrf", &ca),
                    ("hari_senyap", "60"),
                    ("hari_berisiko", "20"),
                    ("versi", "0"),
                    ("kode_0", "istimewa"),
                    ("label_0", "Istimewa"),
                    ("nilai_min_0", "85"),
                    ("kode_1", "lulus"),
                    ("label_1", "Lulus"),
                    ("nilai_min_1", "0"),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let v = admin
            .get(&format!(
                "/api/v1/instansi/{}/aksi-perubahan/pengaturan",
                u.a.id
            ))
            .await
            .json();
        assert_eq!(
            (v["hari_senyap"].as_i64(), v["versi"].as_i64()),
            (Some(60), Some(1))
        );
        assert_eq!(v["pita_kualifikasi"][0]["nilai_min"], "85");
        // Penyelenggara mencatat nilai seminar lewat formulir proyek: pita barunya.
        let x = admin
            .get(&format!("/api/v1/aksi-perubahan/{id}"))
            .await
            .json();
        let j = admin
            .form(
                &format!("/aksi-perubahan/{id}/ubah"),
                &[
                    ("_csrf", &ca),
                    ("judul", "Satu Data Kesehatan"),
                    ("nilai_seminar", "88,5"),
                    ("versi", &x["aksi"]["versi"].to_string()),
                ],
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        let j = alumni.get(&format!("/aksi-perubahan/{id}")).await;
        assert!(j.teks.contains("Istimewa (nilai 88.5)"), "{}", j.teks);

        // Daftar usul inovasi: admin membaca (kosong); pegawai biasa 403.
        let j = admin.get("/aksi-perubahan/usul-inovasi").await;
        assert_eq!(j.status, StatusCode::OK);
        assert!(j.teks.contains("Tidak ada usul yang menunggu."));
        let j = alumni.get("/aksi-perubahan/usul-inovasi").await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
    }
}
