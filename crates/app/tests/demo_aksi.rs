//! Demo aksi perubahan (isu 13) di SQLite dan PostgreSQL: tiga angkatan,
//! peserta dari provinsi dan 11 kabupaten/kotanya, proyek di setiap status,
//! pengingat tonggak terlambat, login mentor membimbing sebagian peserta;
//! `isi_demo` tetap idempoten.

use app::aksi_perubahan::{self as ap, SaringanAksi};
use app::{Aktor, Bahasa, Konteks, Layanan, Peran};
use rules::aksi_perubahan::StatusAksi;
use std::collections::HashSet;
use store::uji::{backend_uji, db_baru};

async fn konteks(l: &Layanan, username: &str) -> Konteks {
    let p = store::akun::pengguna_untuk_masuk(l.pool(), username)
        .await
        .unwrap()
        .unwrap();
    let peran = store::akun::peran(l.pool(), &p.instansi_id, &p.id)
        .await
        .unwrap()
        .iter()
        .filter_map(|r| Peran::dari_kode(r))
        .collect();
    Konteks::dengan(
        Aktor {
            instansi_id: p.instansi_id,
            pengguna_id: p.id,
            username: p.username,
            nama: p.nama,
            pegawai_id: p.pegawai_id,
            peran,
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

#[tokio::test]
async fn demo_mengisi_aksi_perubahan_sekali() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let kab = store::organisasi::semua_instansi(l.pool())
            .await
            .unwrap()
            .into_iter()
            .filter(|i| {
                i.kode_wilayah
                    .as_deref()
                    .is_some_and(|k| k.starts_with("81."))
            })
            .count();
        assert_eq!(kab, 11, "{b:?}: 9 kabupaten + 2 kota");
        let admin = konteks(&l, "admin.bkd").await;
        let angkatan = ap::daftar_angkatan(&l, &admin).await.unwrap();
        assert_eq!(angkatan.len(), 3);
        let d = ap::dasbor::dasbor(&l, &admin, &SaringanAksi::default())
            .await
            .unwrap();
        for s in &d.per_status {
            assert!(s.jumlah > 0, "{b:?}: tidak ada proyek {:?}", s.status);
        }
        assert!(d.tonggak_terlambat > 0);
        assert!(d.jumlah_senyap > 0);
        let wilayah: HashSet<&str> = d.per_wilayah.iter().map(|c| c.kunci.as_str()).collect();
        assert_eq!(wilayah.len(), 12, "{b:?}: provinsi + 11 kab/kota");
        // Mentor demo membimbing sebagian, bukan semua.
        let mentor = konteks(&l, app::demo::NIP_MENTOR).await;
        let m = ap::daftar(&l, &mentor, &SaringanAksi::default())
            .await
            .unwrap();
        assert!(
            m.total >= 2 && m.total < d.total,
            "{b:?}: {} dari {}",
            m.total,
            d.total
        );
        // Alumni demo punya proyek terlambat dan sudah diingatkan.
        let alumni = konteks(&l, app::demo::NIP_PEGAWAI).await;
        let a = ap::daftar(&l, &alumni, &SaringanAksi::default())
            .await
            .unwrap();
        assert_eq!((a.total, a.isi[0].status), (1, StatusAksi::Terlambat));
        assert!(
            !app::notifikasi::daftar(&l, &alumni)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            !app::notifikasi::daftar(&l, &mentor)
                .await
                .unwrap()
                .is_empty()
        );
        // Cakupan besar disimpan sebentar; perubahan di proses ini langsung
        // terlihat (simpanan basi setiap penulisan).
        app::demo::isi_skala_aksi(&l, 300, 2).await.unwrap();
        let semua = ap::daftar(&l, &admin, &SaringanAksi::default())
            .await
            .unwrap();
        assert!(semua.total >= 300 + d.total);
        let x = ap::lihat(&l, &admin, &semua.isi[0].id).await.unwrap();
        let ubah = ap::MasukanAksi {
            judul: "Judul Baru Sesudah Simpanan".into(),
            masalah: None,
            tujuan: None,
            pemangku_kepentingan: None,
            coach_nama: None,
            mentor_nip: None,
            kualifikasi: None,
            nilai_seminar: None,
            versi: Some(x.aksi.versi),
        };
        ap::ubah(&l, &admin, &x.aksi.id, ubah).await.unwrap();
        let lagi = ap::daftar(&l, &admin, &SaringanAksi::default())
            .await
            .unwrap();
        assert_eq!(lagi.isi[0].judul, "Judul Baru Sesudah Simpanan", "{b:?}");
        // Idempoten (3 angkatan demo + 1 angkatan skala di atas).
        assert!(!app::demo::isi_demo(&l).await.unwrap());
        assert_eq!(ap::daftar_angkatan(&l, &admin).await.unwrap().len(), 4);
        l.db.tutup().await;
    }
}
