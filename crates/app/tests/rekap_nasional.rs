//! Rekap nasional nilai uang (isu 9) pada SQLite dan PostgreSQL: kueri
//! lintas instansi yang dialirkan harus memberi angka yang sama persis dengan
//! ringkasan halaman nilai uang setiap instansi (aturan dan penjumlah yang
//! sama), termasuk revisi perubahan (revisi lama diabaikan), ambang yang
//! diatur instansi, dan bulan bawaan menurut zona waktu.

use app::perencanaan::{self as pr, KonfigurasiInstansi, TanyaNilaiUang};
use app::{Konteks, Layanan};
use store::uji::{backend_uji, db_baru};

const TAHUN: i64 = 2026;

/// Ringkasan setiap instansi lewat halaman nilai uang, dalam bentuk baris rekap.
async fn harapan(l: &Layanan, bulan: Option<u8>) -> Vec<pr::BarisWilayah> {
    let k = Konteks::sistem();
    let mut hasil = Vec::new();
    for i in store::organisasi::semua_instansi(l.pool()).await.unwrap() {
        let t = TanyaNilaiUang {
            bulan,
            limit: Some(1),
            ..Default::default()
        };
        let nu = match pr::nilai_uang(l, &k, &i.id, TAHUN, &t).await {
            Ok(nu) => nu,
            Err(app::Galat::TidakDitemukan(_)) => continue,
            Err(g) => panic!("{g:?}"),
        };
        hasil.push(pr::BarisWilayah::baru(
            i,
            Some(nu.revisi),
            Some(nu.ringkasan),
            0,
        ));
    }
    hasil
}

fn teks(v: &[pr::BarisWilayah]) -> Vec<String> {
    v.iter().map(|b| format!("{b:?}")).collect()
}

#[tokio::test]
async fn rekap_nasional_sama_dengan_nilai_uang_setiap_instansi() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let k = Konteks::sistem();
        let semua = store::organisasi::semua_instansi(l.pool()).await.unwrap();
        let id = |nama: &str| {
            semua
                .iter()
                .find(|i| i.nama == nama)
                .unwrap_or_else(|| panic!("{nama}"))
                .id
                .clone()
        };
        let (maluku, ambon) = (
            id("Pemerintah Provinsi Maluku"),
            id("Pemerintah Kota Ambon"),
        );

        let awal = pr::rekap_nasional(&l, &k, TAHUN, Some(9)).await.unwrap();
        assert_eq!(
            teks(&awal.instansi),
            teks(&harapan(&l, Some(9)).await),
            "{b:?}"
        );
        assert!(
            awal.instansi.len() >= 2,
            "{b:?}: demo punya beberapa instansi"
        );
        assert!(
            awal.instansi.iter().any(|x| x.jumlah_bertanda > 0),
            "{b:?}: demo punya tanda merah"
        );

        // Ambang sendiri di Maluku: setiap capaian ≤ 100 % dengan serapan
        // berapa pun menjadi "uang habis, hasil tidak jelas".
        let bertanda = |r: &pr::RekapWilayah| {
            r.instansi
                .iter()
                .find(|x| x.instansi_id == maluku)
                .unwrap()
                .jumlah_bertanda
        };
        pr::ubah_konfigurasi(
            &l,
            &k,
            &maluku,
            KonfigurasiInstansi {
                isi: serde_json::json!({"nilai_uang": {"ambang_penyerapan": "0", "ambang_capaian": "100"}}),
                versi: 0,
            },
        )
        .await
        .unwrap();
        // Perubahan di Ambon: revisi 0 menjadi "diganti", hanya revisi 1 dihitung.
        pr::buat_perubahan(&l, &k, &ambon, TAHUN, "APBD Perubahan uji rekap")
            .await
            .unwrap();
        pr::tetapkan(&l, &k, &ambon, TAHUN).await.unwrap().unwrap();

        for bulan in [Some(1), Some(3), Some(9), Some(12), None] {
            let r = pr::rekap_nasional(&l, &k, TAHUN, bulan).await.unwrap();
            assert_eq!(
                teks(&r.instansi),
                teks(&harapan(&l, bulan).await),
                "{b:?} bulan {bulan:?}"
            );
            if bulan == Some(9) {
                assert!(
                    bertanda(&r) > bertanda(&awal),
                    "{b:?}: ambang Maluku dipakai"
                );
                let a = r.instansi.iter().find(|x| x.instansi_id == ambon).unwrap();
                assert_eq!(a.revisi, Some(1), "{b:?}");
            }
        }

        // Bulan di luar 1–12 ditolak dengan field-nya; tahun tanpa rencana kosong.
        let g = pr::rekap_nasional(&l, &k, TAHUN, Some(13))
            .await
            .unwrap_err();
        assert_eq!(g.kode(), "input_tidak_valid", "{b:?}");
        let kosong = pr::rekap_nasional(&l, &k, TAHUN + 1, Some(12))
            .await
            .unwrap();
        assert!(kosong.instansi.is_empty(), "{b:?}");
    }
}
