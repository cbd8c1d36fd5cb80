//! Demo inovasi (isu 12) di kedua backend: kompetisi 2025 selesai dengan
//! pemenang di repositori, kompetisi 2026 dengan dua tahap bernilai (proposal
//! diumumkan, presentasi berjalan dengan tugas juri yang belum dinilai),
//! replikasi dan laporannya; idempoten.

use app::{Bahasa, Konteks, Layanan};
use store::uji::{backend_uji, db_baru};

#[tokio::test]
async fn demo_inovasi_lengkap_dan_idempoten() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let publik = Konteks::publik(Bahasa::Id);
        let semua = app::kompetisi::daftar(&l, &publik).await.unwrap();
        assert_eq!(semua.len(), 2, "{b:?}");
        let k26 = semua.iter().find(|k| k.tahun == 2026).unwrap();
        let k25 = semua.iter().find(|k| k.tahun == 2025).unwrap();
        assert_eq!(k25.status, "selesai");
        assert_eq!(k26.status, "berjalan");
        let d = app::kompetisi::lihat(&l, &publik, &k26.id).await.unwrap();
        let status: Vec<&str> = d.tahap.iter().map(|t| t.tahap.status.as_str()).collect();
        assert_eq!(
            status,
            [
                "ditutup", "ditutup", "ditutup", "buka", "menunggu", "menunggu"
            ]
        );
        // Top 99 diumumkan: yang lolos tampil publik, satu di bawah 85 tidak.
        let top = app::kompetisi::hasil::daftar(&l, &publik, &k26.id, 3)
            .await
            .unwrap();
        assert_eq!(top.baris.len(), 6, "{:?}", top.baris);
        assert!(
            top.baris
                .iter()
                .all(|r| r.nilai.as_deref().unwrap() >= "85")
        );
        // Juri demo masih punya dua entri belum dinilai di tahap 4.
        let juri = {
            let p = store::akun::pengguna_untuk_masuk(l.pool(), "juri")
                .await
                .unwrap()
                .unwrap();
            Konteks::dengan(
                app::Aktor {
                    instansi_id: p.instansi_id,
                    pengguna_id: p.id,
                    username: p.username,
                    nama: p.nama,
                    pegawai_id: None,
                    peran: vec![app::Peran::Penilai],
                    hanya_baca: false,
                },
                Bahasa::Id,
            )
        };
        let tugas = app::kompetisi::juri::tugas_saya(&l, &juri, &k26.id)
            .await
            .unwrap();
        let belum = tugas
            .iter()
            .filter(|t| t.tahap == 4 && t.skor.is_none())
            .count();
        assert_eq!(belum, 2);
        assert!(
            tugas
                .iter()
                .filter(|t| t.tahap == 3)
                .all(|t| t.skor.is_some())
        );
        // Pemenang 2025 di repositori, direplikasi Buru; E-Surat direplikasi dua kali.
        let pemenang = app::inovasi::cari(
            &l,
            &publik,
            &app::inovasi::ParamCari {
                penghargaan: Some("top".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(pemenang.total >= 3);
        let esurat = app::inovasi::lihat(&l, &publik, "lan-69").await.unwrap();
        assert_eq!(esurat.replikasi.len(), 2);
        assert_eq!(esurat.replikasi_berjalan, 1);
        let lan68 = app::inovasi::lihat(&l, &publik, "lan-68").await.unwrap();
        assert!(lan68.replikasi.is_empty());
        let sebaran = app::inovasi::sebaran(&l, &publik, Some("81"))
            .await
            .unwrap();
        assert!(sebaran.len() >= 3);
        // Idempoten.
        assert!(!app::demo::isi_demo(&l).await.unwrap());
        assert_eq!(app::kompetisi::daftar(&l, &publik).await.unwrap().len(), 2);
    }
}
