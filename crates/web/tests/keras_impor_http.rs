//! Isu 6, temuan 1–2: berkas kecil yang dibuat penyerang tidak boleh
//! menjatuhkan server. Berkas jahat ada di `tests/berkas-jahat/` (dibuat
//! oleh `buat.py` di sana). Setiap unggahan ditolak dengan pesan yang jelas,
//! tidak ada yang ditulis, server tetap menjawab. SQLite dan PostgreSQL.

mod umum;

use axum::http::{Method, StatusCode};
use store::uji::backend_uji;
use umum::{Klien, SANDI, siapkan};

const JAHAT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/berkas-jahat");

fn berkas(nama: &str) -> Vec<u8> {
    std::fs::read(format!("{JAHAT}/{nama}")).expect(nama)
}

const KEPALA: &str = "nip,nama,gelar_depan,gelar_belakang,jenis_asn,golongan,unit,jabatan,nip_atasan,status,email,telepon";

async fn impor(k: &mut Klien, iid: &str, nama: &str, isi: Vec<u8>) -> umum::Jawaban {
    k.kirim(
        Method::POST,
        &format!("/api/v1/instansi/{iid}/pegawai/impor?nama_berkas={nama}"),
        Some("application/octet-stream"),
        isi,
        true,
    )
    .await
}

#[tokio::test]
async fn spreadsheet_jahat_ditolak_dengan_pesan_tanpa_menjatuhkan_server() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        let sebelum = store::organisasi::jumlah_pegawai(u.l.pool(), Some(&u.a.id))
            .await
            .unwrap();
        let kasus = [
            // 1.9 KB: satu sel di XFD1048576 (dulu: alokasi 512 GB, proses abort).
            ("sel-xfd1048576.xlsx", "kolom pertama"),
            // uniqueCount="100000000000" (dulu: abort di Xlsx::new).
            (
                "teks-bersama-100-miliar.xlsx",
                "Daftar teks di XLSX ini terlalu besar",
            ),
            // 1.044.000 baris (dulu: 70 s, laporan 530 MB, 5 GB tertahan).
            ("sejuta-baris.xlsx", "lebih dari 100000 baris data"),
        ];
        for (nama, pesan) in kasus {
            let j = impor(&mut k, &u.a.id, nama, berkas(nama)).await;
            assert_eq!(
                j.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{b:?} {nama}: {}",
                j.teks
            );
            assert!(
                j.teks.len() < 100_000,
                "{b:?} {nama}: laporan {} bita",
                j.teks.len()
            );
            assert!(j.teks.contains(pesan), "{b:?} {nama}: {}", j.teks);
        }
        // XFD1048576 berada di luar 128 kolom: disebut, lalu baris datanya kosong.
        let j = impor(&mut k, &u.a.id, "x.xlsx", berkas("sel-xfd1048576.xlsx")).await;
        assert!(j.teks.contains("XFD"), "{b:?}: {}", j.teks);
        // Server masih menjawab dan tidak ada yang ditulis.
        assert_eq!(k.get("/healthz").await.status, StatusCode::OK);
        let sesudah = store::organisasi::jumlah_pegawai(u.l.pool(), Some(&u.a.id))
            .await
            .unwrap();
        assert_eq!(sebelum, sesudah, "{b:?}");
    }
}

#[tokio::test]
async fn csv_terlalu_banyak_baris_atau_kolom_dibatasi() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        // 100.001 baris data pendek (±0,6 MB): ditolak sebelum diperiksa satu per satu.
        let mut s = String::from(KEPALA);
        for _ in 0..100_001 {
            s.push_str("\nx,y");
        }
        let j = impor(&mut k, &u.a.id, "banyak.csv", s.into_bytes()).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("lebih dari 100000 baris data"),
            "{b:?}: {}",
            j.teks
        );
        // Satu baris berisi sejuta kolom: hanya 128 kolom pertama dibaca, sisanya disebut.
        let mut s = String::from(KEPALA);
        s.push('\n');
        s.push_str(&",z".repeat(1_000_000));
        let j = impor(&mut k, &u.a.id, "lebar.csv", s.into_bytes()).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        assert!(
            j.teks.contains("di luar 128 kolom pertama"),
            "{b:?}: {}",
            j.teks
        );
    }
}

#[tokio::test]
async fn laporan_galat_dibatasi_dan_dihitung() {
    for b in backend_uji() {
        let u = siapkan(b).await;
        let mut k = Klien::baru(&u);
        k.masuk("admin.a", SANDI).await;
        // 3.000 baris, masing-masing dengan dua galat (NIP dan jenis ASN salah).
        let mut s = String::from(KEPALA);
        for i in 0..3_000 {
            s.push_str(&format!(
                "\n12345{i},Nama {i},,,bukan,,Dinas Kesehatan,,,aktif,,"
            ));
        }
        let j = impor(&mut k, &u.a.id, "galat.csv", s.into_bytes()).await;
        assert_eq!(j.status, StatusCode::UNPROCESSABLE_ENTITY, "{b:?}");
        let v = j.json();
        let lap = &v["laporan"];
        assert_eq!(lap["diterima"], false);
        assert_eq!(lap["jumlah_galat"], 6_000, "{b:?}");
        let galat = lap["galat"].as_array().unwrap();
        assert_eq!(galat.len(), app::impor::BATAS_GALAT_LAPORAN);
        // Yang dimuat adalah galat baris-baris pertama, berurutan.
        assert_eq!(galat[0]["baris"], 2);
        assert_eq!(galat[199]["baris"], 101);
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("6000 galat"),
            "{v}"
        );
    }
}
