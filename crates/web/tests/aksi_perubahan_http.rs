//! Aksi perubahan lewat HTTP (isu 13), di SQLite dan PostgreSQL: kontrak
//! daftar `{"isi": [{"id","judul","alumni","status","tonggak_terlambat"}],
//! "total"}`, progres multipart dengan foto hanya oleh alumni, bukti progres
//! per peran (rute yang dilewati matriks akses), verifikasi mentor mengubah
//! status, saringan, impor peserta yang ditolak dengan laporan.

mod umum;

use app::Peran;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use store::uji::backend_uji;
use umum::{Klien, SANDI, akun, siapkan};

fn png() -> Vec<u8> {
    let g = image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 5, 90, y as u8 * 7]));
    let mut isi = Vec::new();
    g.write_to(&mut std::io::Cursor::new(&mut isi), image::ImageFormat::Png)
        .unwrap();
    isi
}

fn multipart(progres: &str, catatan: &str, foto: Option<&[u8]>) -> Vec<u8> {
    let mut b = Vec::new();
    for (k, v) in [("progres_persen", progres), ("catatan", catatan)] {
        b.extend_from_slice(
            format!("--B\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some(f) = foto {
        b.extend_from_slice(
            b"--B\r\nContent-Disposition: form-data; name=\"bukti\"; filename=\"foto.png\"\r\nContent-Type: image/png\r\n\r\n",
        );
        b.extend_from_slice(f);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(b"--B--\r\n");
    b
}

const JENIS_MULTIPART: &str = "multipart/form-data; boundary=B";

async fn masuk(u: &umum::Uji, nama: &str) -> Klien {
    let mut k = Klien::baru(u);
    if !nama.is_empty() {
        let j = k.masuk(nama, SANDI).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "masuk {nama}");
    }
    k
}

#[tokio::test]
async fn alur_http_alumni_mentor_bkd() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let l = &u.l;
        // Mentor Maria (pegawai.a) di instansi A.
        let mentor = app::organisasi::pegawai::buat(
            l,
            &app::Konteks::sistem(),
            &u.a.id,
            app::organisasi::pegawai::MasukanPegawai {
                nip: Some("197811232005011004".into()),
                nama: "Mentor Uji".into(),
                jenis_asn: "pns".into(),
                unit_id: u.a.unit_id.clone(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        akun(
            l,
            &u.a.id,
            "mentor.a",
            Some(mentor.id.clone()),
            vec![Peran::Mentor],
        )
        .await;
        let mut admin = masuk(&u, "admin.a").await;
        let mut alumni = masuk(&u, "pegawai.a").await;
        let mut km = masuk(&u, "mentor.a").await;
        let mut admin_b = masuk(&u, "admin.b").await;
        let mut tamu = masuk(&u, "").await;

        let j = admin
            .json(
                Method::POST,
                "/api/v1/angkatan",
                r#"{"jenis":"Diklat PIM II","nama":"PKN II Angkatan I","penyelenggara":"BPSDM Provinsi Maluku","mulai":"2025-03-01","selesai":"2025-07-31"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        assert_eq!(j.json()["jenis"], "pkn_ii");
        let ang = j.json()["id"].as_str().unwrap().to_string();
        // Impor salah: 422 dengan laporan per baris, tidak ada yang ditulis.
        let j = admin
            .kirim(
                Method::POST,
                &format!("/api/v1/angkatan/{ang}/peserta/impor?nama_berkas=p.csv"),
                Some("text/csv"),
                b"nip,mentor_nip\n999999999999999999,\n".to_vec(),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);
        assert_eq!(j.json()["laporan"]["galat"][0]["baris"], 2);
        assert_eq!(j.json()["laporan"]["galat"][0]["kolom"], "nip");
        let j = admin
            .json(
                Method::POST,
                &format!("/api/v1/angkatan/{ang}/peserta"),
                &json!({"nip": u.a.nip, "mentor_nip": "197811232005011004", "judul": "Satu Data Kesehatan"}).to_string(),
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let id = j.json()["id"].as_str().unwrap().to_string();
        // Tonggak yang sudah lewat: proyek terlambat.
        let j = alumni
            .json(
                Method::POST,
                &format!("/api/v1/aksi-perubahan/{id}/tonggak"),
                r#"{"tahap":"jangka_pendek","uraian":"Peluncuran layanan","jatuh_tempo":"2025-07-01"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let tid = j.json()["id"].as_str().unwrap().to_string();

        // Kontrak daftar persis.
        let j = admin.get("/api/v1/aksi-perubahan").await;
        assert_eq!(j.status, StatusCode::OK);
        let v = j.json();
        assert_eq!(
            v,
            json!({"isi": [{"id": id, "judul": "Satu Data Kesehatan", "alumni": "Maria Latuconsina",
                "status": "terlambat", "tonggak_terlambat": 1}], "total": 1})
        );
        // BKD Kota Ambon tidak melihatnya; saringan wilayah dan status.
        assert_eq!(
            admin_b.get("/api/v1/aksi-perubahan").await.json()["total"],
            0
        );
        assert_eq!(
            admin
                .get("/api/v1/aksi-perubahan?wilayah=81.71")
                .await
                .json()["total"],
            0
        );
        assert_eq!(
            admin
                .get("/api/v1/aksi-perubahan?wilayah=81&status=terlambat&halaman=1")
                .await
                .json()["total"],
            1
        );
        let j = admin.get("/api/v1/aksi-perubahan?status=hilang").await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", j.teks);

        // Progres: hanya alumni (mentor, BKD lain, tamu ditolak).
        let jalur = format!("/api/v1/aksi-perubahan/{id}/tonggak/{tid}/progres");
        for (k, harap) in [
            (&mut km, StatusCode::FORBIDDEN),
            (&mut admin, StatusCode::FORBIDDEN),
            (&mut admin_b, StatusCode::FORBIDDEN),
            (&mut tamu, StatusCode::UNAUTHORIZED),
        ] {
            let j = k
                .kirim(
                    Method::POST,
                    &jalur,
                    Some(JENIS_MULTIPART),
                    multipart("100", "x", None),
                    true,
                )
                .await;
            assert_eq!(j.status, harap, "{}", j.teks);
        }
        let j = alumni
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                multipart("101", "x", None),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            j.json()["error"]["fields"]["progres_persen"].is_string(),
            "{}",
            j.teks
        );
        let foto = png();
        let j = alumni
            .kirim(
                Method::POST,
                &jalur,
                Some(JENIS_MULTIPART),
                multipart("100", "Layanan diluncurkan di 3 puskesmas", Some(&foto)),
                true,
            )
            .await;
        assert_eq!(j.status, StatusCode::CREATED, "{}", j.teks);
        let pid = j.json()["id"].as_str().unwrap().to_string();
        assert_eq!(j.json()["status"], "menunggu");

        // Bukti: mentor, BKD, alumni boleh; BKD lain dan tamu tidak.
        let det = km.get(&format!("/api/v1/aksi-perubahan/{id}")).await.json();
        let bid = det["bukti"][&pid][0].as_str().unwrap().to_string();
        assert_eq!(det["hak"]["verifikasi"], true);
        assert_eq!(det["hak"]["kirim_progres"], false);
        let jb = format!("/api/v1/aksi-perubahan/{id}/bukti/{bid}");
        for (k, harap) in [
            (&mut km, StatusCode::OK),
            (&mut admin, StatusCode::OK),
            (&mut alumni, StatusCode::OK),
            (&mut admin_b, StatusCode::FORBIDDEN),
            (&mut tamu, StatusCode::UNAUTHORIZED),
        ] {
            let j = k.get(&jb).await;
            assert_eq!(
                j.status,
                harap,
                "{jb}: {}",
                j.teks.chars().take(200).collect::<String>()
            );
            if harap == StatusCode::OK {
                assert_eq!(j.headers["content-type"], "image/jpeg");
                assert_eq!(j.headers["x-content-type-options"], "nosniff");
            }
        }
        // Bukti proyek lain tidak dapat dibaca lewat proyek ini.
        assert_eq!(
            km.get(&format!(
                "/api/v1/aksi-perubahan/{id}/bukti/bukan-bukti-ini"
            ))
            .await
            .status,
            StatusCode::NOT_FOUND
        );

        // Verifikasi: hanya mentor, sekali; tonggak selesai → proyek selesai.
        let jv = format!("/api/v1/aksi-perubahan/{id}/progres/{pid}/verifikasi");
        let j = alumni.json(Method::POST, &jv, r#"{"diterima":true}"#).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let j = km
            .json(
                Method::POST,
                &jv,
                r#"{"diterima":true,"catatan":"Sudah dicek"}"#,
            )
            .await;
        assert_eq!(j.status, StatusCode::OK, "{}", j.teks);
        let j = km.json(Method::POST, &jv, r#"{"diterima":false}"#).await;
        assert_eq!(j.status, StatusCode::CONFLICT);
        let v: Value = admin.get("/api/v1/aksi-perubahan").await.json();
        assert_eq!(v["isi"][0]["status"], "selesai");
        assert_eq!(v["isi"][0]["tonggak_terlambat"], 0);
        let d = admin.get("/api/v1/aksi-perubahan/dasbor").await.json();
        assert_eq!(d["total"], 1);
        let x = admin.get("/api/v1/aksi-perubahan/ekspor").await;
        assert_eq!(x.status, StatusCode::OK);

        // Halaman: alumni mendapat formulir progres berfoto, mentor tombol
        // verifikasi; BKD lain 403; dasbor ringan.
        let j = alumni
            .json(
                Method::POST,
                &format!("/api/v1/aksi-perubahan/{id}/tonggak"),
                r#"{"tahap":"jangka_menengah","uraian":"Dipakai 10 puskesmas","jatuh_tempo":"2099-06-30"}"#,
            )
            .await;
        let tid2 = j.json()["id"].as_str().unwrap().to_string();
        let h = alumni.get(&format!("/aksi-perubahan/{id}")).await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(
            h.teks.contains("enctype=\"multipart/form-data\""),
            "{}",
            h.teks
        );
        assert!(h.teks.contains("capture=\"environment\""));
        assert!(!h.teks.contains("/verifikasi\""));
        let csrf = alumni.csrf.clone().unwrap();
        let mut badan =
            format!("--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n")
                .into_bytes();
        badan.extend(multipart("40", "Uji coba di 4 puskesmas", Some(&foto)));
        let j = alumni
            .kirim(
                Method::POST,
                &format!("/aksi-perubahan/{id}/tonggak/{tid2}/progres"),
                Some(JENIS_MULTIPART),
                badan,
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.teks);
        // Galat di halaman itu sendiri (progres di luar 0–100).
        let mut badan =
            format!("--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n")
                .into_bytes();
        badan.extend(multipart("140", "x", None));
        let j = alumni
            .kirim(
                Method::POST,
                &format!("/aksi-perubahan/{id}/tonggak/{tid2}/progres"),
                Some(JENIS_MULTIPART),
                badan,
                false,
            )
            .await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(j.teks.contains("galat-progres"));
        let h = km.get(&format!("/aksi-perubahan/{id}")).await;
        assert!(
            h.teks.contains("/verifikasi\""),
            "mentor melihat tombol verifikasi"
        );
        assert!(h.teks.contains("varian=mini"));
        assert_eq!(
            admin_b.get(&format!("/aksi-perubahan/{id}")).await.status,
            StatusCode::FORBIDDEN
        );
        let h = admin.get("/aksi-perubahan/dasbor").await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(h.teks.len() < 14 * 1024, "dasbor {} bita", h.teks.len());
        // Tonggak baru yang berjalan: proyek kembali sesuai jadwal.
        let h = admin.get("/aksi-perubahan?status=sesuai_jadwal").await;
        assert!(h.teks.contains("Satu Data Kesehatan"));
        u.l.db.tutup().await;
    }
}
