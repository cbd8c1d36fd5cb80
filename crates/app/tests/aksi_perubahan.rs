//! Aksi perubahan (isu 13) lewat layanan, di SQLite dan PostgreSQL: siapa
//! melihat apa (alumni, mentor, BKD, provinsi, lembaga pelatihan, instansi
//! lain), impor peserta semua-atau-tidak, progres dengan bukti hanya oleh
//! alumni, verifikasi mentor menyelesaikan tonggak, daftar dan dasbor,
//! pengingat tepat sekali walau diulang.

mod umum_aksi;
use app::aksi_perubahan::{
    self as ap, MasukanAksi, MasukanAngkatan, MasukanPeserta, MasukanProgres, MasukanTonggak,
    MasukanVerifikasi, SaringanAksi,
};
use app::{Bahasa, Galat, Konteks, Peran};
use rules::aksi_perubahan::{StatusAksi, Tahap};
use store::uji::backend_uji;
use umum_aksi::*;

#[tokio::test]
async fn alur_lengkap_dan_akses() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d.l, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let admin_papua = orang(&d.l, &d.papua, None, &[Peran::AdminInstansi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let mentor = orang(
            &d.l,
            &d.prov,
            Some(MENTOR_PROV),
            &[Peran::Mentor, Peran::Pegawai],
        )
        .await;
        let rekan = orang(&d.l, &d.prov, Some(REKAN_PROV), &[Peran::Pegawai]).await;
        let kepala_bpsdm = orang(
            &d.l,
            &d.prov,
            Some(KEPALA_BPSDM),
            &[Peran::PimpinanUnit, Peran::Pegawai],
        )
        .await;
        let alumni_ambon = orang(&d.l, &d.ambon, Some(ALUMNI_AMBON), &[Peran::Pegawai]).await;

        // Angkatan: admin instansi penyelenggara; pegawai biasa ditolak.
        let m = MasukanAngkatan {
            jenis: "Diklat PIM III".into(),
            nama: "PKA Angkatan I 2025".into(),
            penyelenggara: "BPSDM Provinsi Maluku".into(),
            unit_penyelenggara_id: Some(d.unit_bpsdm.clone()),
            mulai: "2025-02-01".into(),
            selesai: "2025-06-30".into(),
        };
        dilarang(ap::buat_angkatan(l, &alumni, m.clone()).await);
        let ang = ap::buat_angkatan(l, &admin_prov, m).await.unwrap();
        assert_eq!(ang.jenis, "pka", "nama lama Diklat PIM III = PKA");

        // Peserta dari provinsi dan Ambon lewat impor; baris salah menolak semuanya.
        let salah = format!(
            "nip,mentor_nip,coach,judul\n{ALUMNI_PROV},,Dr. Coach,Satu Data ASN\n{ALUMNI_AMBON},{MENTOR_PROV},,Pasar daring\n000000000000000000,,,\n"
        );
        let lap = ap::impor::impor_peserta(l, &admin_prov, &ang.id, "p.csv", salah.as_bytes())
            .await
            .unwrap();
        assert!(!lap.diterima);
        let kolom: Vec<(usize, &str)> = lap
            .galat
            .iter()
            .map(|g| (g.baris, g.kolom.as_str()))
            .collect();
        assert_eq!(
            kolom,
            vec![(3, "mentor_nip"), (4, "nip")],
            "{b:?}: {:?}",
            lap.galat
        );
        let sah = format!(
            "nip;mentor_nip;coach;judul\n{ALUMNI_PROV};;Dr. Coach;Satu Data ASN\n{ALUMNI_AMBON};;;Pasar daring\n"
        );
        dilarang(ap::impor::impor_peserta(l, &alumni, &ang.id, "p.csv", sah.as_bytes()).await);
        let lap = ap::impor::impor_peserta(l, &admin_prov, &ang.id, "p.csv", sah.as_bytes())
            .await
            .unwrap();
        assert!(lap.diterima, "{:?}", lap.galat);
        assert_eq!((lap.dibuat, lap.diperbarui), (2, 0));
        // Impor ulang: tidak menggandakan.
        let lap = ap::impor::impor_peserta(l, &admin_prov, &ang.id, "p.csv", sah.as_bytes())
            .await
            .unwrap();
        assert_eq!((lap.dibuat, lap.tidak_berubah), (0, 2));
        // Satu peserta lain instansi lewat satuan (provinsi lain).
        let papua = ap::tambah_peserta(
            l,
            &admin_prov,
            &ang.id,
            MasukanPeserta {
                nip: ALUMNI_PAPUA.into(),
                mentor_nip: None,
                coach_nama: None,
                judul: Some("Papua".into()),
            },
        )
        .await
        .unwrap();

        let semua = |k: Konteks| async move {
            let h = ap::daftar(l, &k, &SaringanAksi::default()).await.unwrap();
            let mut j: Vec<String> = h.isi.iter().map(|x| x.judul.clone()).collect();
            j.sort();
            assert_eq!(h.total as usize, j.len());
            j
        };
        // Alumni: miliknya; mentor (atasan langsung = bawaan): bimbingannya;
        // rekan: tidak ada; BKD Ambon: instansinya; provinsi: dirinya + kab/kota
        // + angkatannya (Papua ikut karena provinsi penyelenggaranya);
        // kepala BPSDM (pimpinan unit penyelenggara): seluruh angkatan.
        assert_eq!(semua(alumni.clone()).await, vec!["Satu Data ASN"]);
        assert_eq!(semua(mentor.clone()).await, vec!["Satu Data ASN"]);
        assert!(semua(rekan.clone()).await.is_empty());
        assert_eq!(semua(admin_ambon.clone()).await, vec!["Pasar daring"]);
        assert_eq!(semua(admin_papua.clone()).await, vec!["Papua"]);
        assert_eq!(
            semua(admin_prov.clone()).await,
            vec!["Papua", "Pasar daring", "Satu Data ASN"]
        );
        assert_eq!(
            semua(kepala_bpsdm.clone()).await,
            vec!["Papua", "Pasar daring", "Satu Data ASN"]
        );
        assert_eq!(semua(alumni_ambon.clone()).await, vec!["Pasar daring"]);

        let milik = ap::daftar(l, &alumni, &SaringanAksi::default())
            .await
            .unwrap()
            .isi[0]
            .id
            .clone();
        // Detail: rekan dan BKD instansi lain ditolak (tidak bisa lewat URL).
        dilarang(ap::lihat(l, &rekan, &milik).await);
        dilarang(ap::lihat(l, &admin_ambon, &milik).await);
        dilarang(ap::lihat(l, &admin_papua, &milik).await);
        assert!(ap::lihat(l, &kepala_bpsdm, &milik).await.is_ok());
        // Provinsi penyelenggara melihat peserta dari provinsi lain di angkatannya.
        assert!(ap::lihat(l, &admin_prov, &papua.id).await.is_ok());

        // Alumni mengisi proyek dan tonggak; mentor tidak mengubah.
        let det = ap::lihat(l, &alumni, &milik).await.unwrap();
        assert!(det.hak.kirim_progres && det.hak.ubah && !det.hak.verifikasi);
        let ubah = MasukanAksi {
            judul: "Satu Data ASN Maluku".into(),
            masalah: Some("Data ASN tersebar".into()),
            tujuan: None,
            pemangku_kepentingan: None,
            coach_nama: None,
            mentor_nip: None,
            kualifikasi: None,
            nilai_seminar: None,
            versi: Some(det.aksi.versi),
        };
        dilarang(ap::ubah(l, &mentor, &milik, ubah.clone()).await);
        // Alumni tidak mencatat hasil seminarnya sendiri.
        let sendiri = MasukanAksi {
            nilai_seminar: Some("95".into()),
            ..ubah.clone()
        };
        match ap::ubah(l, &alumni, &milik, sendiri).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("nilai_seminar"), "{fields:?}")
            }
            r => panic!("{r:?}"),
        }
        let a2 = ap::ubah(l, &alumni, &milik, ubah.clone()).await.unwrap();
        assert_eq!(a2.masalah.as_deref(), Some("Data ASN tersebar"));
        assert!(matches!(
            ap::ubah(l, &alumni, &milik, ubah).await,
            Err(Galat::Konflik(_))
        ));
        let t = ap::tambah_tonggak(
            l,
            &alumni,
            &milik,
            MasukanTonggak {
                tahap: Tahap::JangkaMenengah,
                uraian: "Aplikasi dipakai 5 OPD".into(),
                jatuh_tempo: "2099-12-31".into(),
                keluaran: Some("Aplikasi".into()),
                indikator: Some("5 OPD".into()),
            },
        )
        .await
        .unwrap();
        let telat = ap::tambah_tonggak(
            l,
            &alumni,
            &milik,
            MasukanTonggak {
                tahap: Tahap::JangkaPendek,
                uraian: "Peluncuran".into(),
                jatuh_tempo: "2025-06-01".into(),
                keluaran: None,
                indikator: None,
            },
        )
        .await
        .unwrap();
        let det = ap::lihat(l, &mentor, &milik).await.unwrap();
        assert_eq!(det.status, StatusAksi::Terlambat);
        assert!(det.hak.verifikasi && !det.hak.kirim_progres);
        let h = ap::daftar(
            l,
            &admin_prov,
            &SaringanAksi {
                status: Some(StatusAksi::Terlambat),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!((h.total, h.isi[0].tonggak_terlambat), (1, 1));

        // Progres: hanya alumni; mentor dan admin ditolak; bukti foto dirujuk.
        let progres = |p: &str| MasukanProgres {
            progres_persen: p.into(),
            catatan: "Sudah diluncurkan".into(),
        };
        dilarang(ap::kirim_progres(l, &mentor, &milik, &telat.id, progres("100"), None).await);
        dilarang(ap::kirim_progres(l, &admin_prov, &milik, &telat.id, progres("100"), None).await);
        let e = ap::kirim_progres(l, &alumni, &milik, &telat.id, progres("100,001"), None)
            .await
            .unwrap_err();
        assert!(e.fields().contains_key("progres_persen"), "{e:?}");
        let png = image_png();
        let p = ap::kirim_progres(
            l,
            &alumni,
            &milik,
            &telat.id,
            progres("100"),
            Some(app::bukti::BerkasMasuk {
                nama: "foto.png".into(),
                isi: png,
            }),
        )
        .await
        .unwrap();
        let det = ap::lihat(l, &mentor, &milik).await.unwrap();
        let bukti = det.bukti.get(&p.id).cloned().unwrap_or_default();
        assert_eq!(bukti.len(), 1, "{b:?}");
        // Mentor melihat bukti lewat proyeknya; rekan tidak.
        assert!(
            ap::bukti_progres(l, &mentor, &milik, &bukti[0], app::bukti::Varian::Mini)
                .await
                .is_ok()
        );
        dilarang(
            ap::bukti_progres(l, &rekan, &milik, &bukti[0], app::bukti::Varian::Mini)
                .await
                .map(|_| ()),
        );
        // Verifikasi: hanya mentor, sekali; 100 diterima → tonggak selesai.
        let v = |x: bool| MasukanVerifikasi {
            diterima: x,
            catatan: None,
        };
        dilarang(ap::verifikasi(l, &alumni, &milik, &p.id, v(true)).await);
        dilarang(ap::verifikasi(l, &admin_prov, &milik, &p.id, v(true)).await);
        ap::verifikasi(l, &mentor, &milik, &p.id, v(true))
            .await
            .unwrap();
        assert!(matches!(
            ap::verifikasi(l, &mentor, &milik, &p.id, v(false)).await,
            Err(Galat::Konflik(_))
        ));
        let det = ap::lihat(l, &alumni, &milik).await.unwrap();
        assert_eq!(det.status, StatusAksi::SesuaiJadwal, "{b:?}");
        assert!(
            det.tonggak
                .iter()
                .any(|x| x.tonggak.id == telat.id && x.status == StatusAksi::Selesai)
        );
        let _ = t;

        // Dasbor provinsi dan ekspor XLSX.
        let db = ap::dasbor::dasbor(l, &admin_prov, &SaringanAksi::default())
            .await
            .unwrap();
        assert_eq!(db.total, 3);
        assert_eq!(db.per_status.iter().map(|x| x.jumlah).sum::<i64>(), 3);
        let ang_c = db.per_angkatan.iter().find(|c| c.kunci == ang.id).unwrap();
        assert_eq!((ang_c.menengah_total, ang_c.menengah_selesai), (1, 0));
        assert_eq!(ang_c.menengah_persen.as_deref(), Some("0.0"));
        let x = ap::dasbor::ekspor_xlsx(l, &admin_ambon, &SaringanAksi::default())
            .await
            .unwrap();
        assert!(x.starts_with(b"PK"));
        assert!(matches!(
            ap::dasbor::dasbor(l, &Konteks::publik(Bahasa::Id), &SaringanAksi::default()).await,
            Err(Galat::TidakMasuk(_))
        ));
        l.db.tutup().await;
    }
}

/// PNG 1×1 yang sah.
fn image_png() -> Vec<u8> {
    let mut v = Vec::new();
    let img = image::RgbImage::from_pixel(2, 2, image::Rgb([200, 10, 10]));
    img.write_to(&mut std::io::Cursor::new(&mut v), image::ImageFormat::Png)
        .unwrap();
    v
}

#[tokio::test]
async fn pengingat_tepat_sekali_dan_eskalasi() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let mentor = orang(
            &d.l,
            &d.prov,
            Some(MENTOR_PROV),
            &[Peran::Mentor, Peran::Pegawai],
        )
        .await;
        let ang = ap::buat_angkatan(
            l,
            &admin_prov,
            MasukanAngkatan {
                jenis: "pkn_ii".into(),
                nama: "PKN II".into(),
                penyelenggara: "BPSDM".into(),
                unit_penyelenggara_id: None,
                mulai: "2025-01-01".into(),
                selesai: "2025-05-01".into(),
            },
        )
        .await
        .unwrap();
        let a = ap::tambah_peserta(
            l,
            &admin_prov,
            &ang.id,
            MasukanPeserta {
                nip: ALUMNI_PROV.into(),
                mentor_nip: None,
                coach_nama: None,
                judul: Some("Proyek".into()),
            },
        )
        .await
        .unwrap();
        let sekarang = time::macros::datetime!(2026-12-01 03:00 UTC);
        // Satu tonggak lewat 40 hari, satu jatuh tempo 3 hari lagi, satu jauh.
        for (jt, uraian) in [
            ("2026-10-22", "lama"),
            ("2026-12-04", "dekat"),
            ("2027-12-01", "jauh"),
        ] {
            ap::tambah_tonggak(
                l,
                &alumni,
                &a.id,
                MasukanTonggak {
                    tahap: Tahap::JangkaMenengah,
                    uraian: uraian.into(),
                    jatuh_tempo: jt.into(),
                    keluaran: None,
                    indikator: None,
                },
            )
            .await
            .unwrap();
        }
        let r = ap::pengingat::jalankan(l, sekarang).await.unwrap();
        // lama: alumni, mentor, BKD; dekat: sebelum jatuh tempo.
        assert_eq!(r.peristiwa_baru, 4, "{b:?}: {r:?}");
        // Diulang (mis. tugas diklaim ulang setelah proses mati): tidak ada yang baru.
        let r2 = ap::pengingat::jalankan(l, sekarang).await.unwrap();
        assert_eq!(r2.peristiwa_baru, 0, "{b:?}");
        // Serentak dari dua "proses": tetap sekali.
        let (x, y) = tokio::join!(
            ap::pengingat::jalankan(l, sekarang + time::Duration::days(4)),
            ap::pengingat::jalankan(l, sekarang + time::Duration::days(4))
        );
        // Hanya "dekat" yang baru terlambat 1 hari: satu peristiwa, sekali.
        assert_eq!(
            x.unwrap().peristiwa_baru + y.unwrap().peristiwa_baru,
            1,
            "{b:?}"
        );
        let notif = |k: &Konteks| {
            let k = k.clone();
            async move { app::notifikasi::daftar(l, &k).await.unwrap() }
        };
        let n_alumni = notif(&alumni).await;
        let n_mentor = notif(&mentor).await;
        let n_admin = notif(&admin_prov).await;
        assert_eq!(n_mentor.len(), 1, "{b:?}");
        assert_eq!(n_admin.len(), 1, "{b:?}");
        assert!(n_alumni.len() >= 2, "{b:?}");
        assert!(
            n_alumni
                .iter()
                .all(|n| n.tautan.as_deref() == Some(&format!("/aksi-perubahan/{}", a.id)[..]))
        );
        l.db.tutup().await;
    }
}
