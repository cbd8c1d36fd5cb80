//! Penyimpanan aksi perubahan (isu 13) di SQLite dan PostgreSQL: angkatan,
//! proyek lintas instansi, tonggak, progres dan verifikasi sekali, pengingat
//! tepat sekali, dan cakupan daftar (alumni, mentor, BKD, provinsi,
//! penyelenggara).

use store::aksi_perubahan::{self as ap, Aksi, Angkatan, Cakupan, Progres, Saringan, Tonggak};
use store::organisasi::{Instansi, Pegawai, UnitKerja};
use store::uji::{backend_uji, db_baru};

fn instansi(nama: &str, jenis: &str, kode: &str) -> Instansi {
    let w = store::sekarang();
    Instansi {
        id: store::id_baru(),
        nama: nama.into(),
        jenis: jenis.into(),
        kode_wilayah: Some(kode.into()),
        zona_waktu: "WIT".into(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

fn unit(iid: &str, nama: &str) -> UnitKerja {
    let w = store::sekarang();
    UnitKerja {
        instansi_id: iid.into(),
        id: store::id_baru(),
        induk_id: None,
        nama: nama.into(),
        singkatan: None,
        jenis: "lainnya".into(),
        urutan: 0,
        berlaku_mulai: "2020-01-01".into(),
        berlaku_sampai: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

fn pegawai(iid: &str, uid: &str, nama: &str) -> Pegawai {
    let w = store::sekarang();
    Pegawai {
        instansi_id: iid.into(),
        id: store::id_baru(),
        nip: None,
        nama: nama.into(),
        gelar_depan: None,
        gelar_belakang: None,
        jenis_asn: "pns".into(),
        tanggal_lahir: None,
        jenis_kelamin: None,
        golongan: None,
        unit_id: uid.into(),
        jabatan_id: None,
        atasan_id: None,
        status: "aktif".into(),
        email: None,
        telepon: None,
        nama_cari: nama.to_lowercase(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

fn aksi(iid: &str, pegawai_id: &str, ang: &Angkatan, mentor: Option<&str>, judul: &str) -> Aksi {
    let w = store::sekarang();
    Aksi {
        instansi_id: iid.into(),
        id: store::id_baru(),
        pegawai_id: pegawai_id.into(),
        angkatan_instansi_id: ang.instansi_id.clone(),
        angkatan_id: ang.id.clone(),
        mentor_pegawai_id: mentor.map(str::to_string),
        coach_nama: Some("Dr. Widyaiswara".into()),
        judul: judul.into(),
        masalah: None,
        tujuan: None,
        pemangku_kepentingan: None,
        kualifikasi: None,
        usul_inovasi: 0,
        nilai_seminar: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

fn tonggak(a: &Aksi, jatuh_tempo: &str) -> Tonggak {
    let w = store::sekarang();
    Tonggak {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        aksi_id: a.id.clone(),
        urutan: 1,
        tahap: "jangka_menengah".into(),
        uraian: "Aplikasi layanan daring".into(),
        jatuh_tempo: jatuh_tempo.into(),
        keluaran: Some("Aplikasi".into()),
        indikator: Some("100 pengguna".into()),
        progres_persen: "0".into(),
        diperbarui_pada: "2026-11-01".into(),
        selesai_pada: None,
        dibatalkan_alasan: None,
        rhk_id: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }
}

#[tokio::test]
async fn angkatan_proyek_tonggak_progres_dan_cakupan() {
    for b in backend_uji() {
        let db = db_baru(b).await.unwrap();
        let pool = db.pool();
        let prov = instansi("Pemerintah Provinsi Maluku", "provinsi", "81");
        let ambon = instansi("Pemerintah Kota Ambon", "kota", "81.71");
        let lain = instansi("Pemerintah Provinsi Papua", "provinsi", "91");
        let up = unit(&prov.id, "BPSDM");
        let ua = unit(&ambon.id, "Dinas Kominfo");
        let ul = unit(&lain.id, "BKD");
        let alumni_prov = pegawai(&prov.id, &up.id, "Ana");
        let mentor_prov = pegawai(&prov.id, &up.id, "Mentor");
        let alumni_ambon = pegawai(&ambon.id, &ua.id, "Budi");
        let alumni_lain = pegawai(&lain.id, &ul.id, "Cici");
        let w = store::sekarang();
        let ang = Angkatan {
            instansi_id: prov.id.clone(),
            id: store::id_baru(),
            jenis: "pka".into(),
            nama: "PKA Angkatan I 2026".into(),
            penyelenggara: "BPSDM Provinsi Maluku".into(),
            unit_penyelenggara_id: Some(up.id.clone()),
            mulai: "2026-02-01".into(),
            selesai: "2026-06-30".into(),
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        let a1 = aksi(
            &prov.id,
            &alumni_prov.id,
            &ang,
            Some(&mentor_prov.id),
            "Satu data ASN",
        );
        let a2 = aksi(&ambon.id, &alumni_ambon.id, &ang, None, "Pasar daring");
        let a3 = aksi(&lain.id, &alumni_lain.id, &ang, None, "Lain");
        let t1 = tonggak(&a1, "2026-12-31");
        let t2 = tonggak(&a2, "2026-10-31");
        let mut tx = db.mulai().await.unwrap();
        for i in [&prov, &ambon, &lain] {
            store::organisasi::sisipkan_instansi(&mut tx, i)
                .await
                .unwrap();
        }
        for u in [&up, &ua, &ul] {
            store::organisasi::sisipkan_unit(&mut tx, u).await.unwrap();
        }
        for p in [&alumni_prov, &mentor_prov, &alumni_ambon, &alumni_lain] {
            store::organisasi::sisipkan_pegawai(&mut tx, p)
                .await
                .unwrap();
        }
        let pengguna = store::akun::Pengguna {
            instansi_id: prov.id.clone(),
            id: store::id_baru(),
            username: format!("u{}", store::id_baru()),
            nama: "Ana".into(),
            pegawai_id: Some(alumni_prov.id.clone()),
            hash_sandi: "x".into(),
            aktif: 1,
            bahasa: "id".into(),
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        };
        store::akun::sisipkan_pengguna(&mut tx, &pengguna, &["pegawai".into()])
            .await
            .unwrap();
        ap::sisipkan_angkatan(&mut tx, &ang).await.unwrap();
        for a in [&a1, &a2, &a3] {
            ap::sisipkan_aksi(&mut tx, a).await.unwrap();
        }
        ap::sisipkan_tonggak(&mut tx, &t1).await.unwrap();
        ap::sisipkan_tonggak(&mut tx, &t2).await.unwrap();
        tx.commit().await.unwrap();

        // Lewat id saja (URL): instansi dari aksi_global.
        assert_eq!(ap::aksi(pool, &a2.id).await.unwrap().unwrap(), a2);
        assert_eq!(ap::angkatan(pool, &ang.id).await.unwrap().unwrap(), ang);
        assert!(ap::aksi(pool, "tidak-ada").await.unwrap().is_none());
        // Peserta yang sama di angkatan yang sama ditolak (UNIQUE).
        let mut tx = db.mulai().await.unwrap();
        let ganda = aksi(&ambon.id, &alumni_ambon.id, &ang, None, "Ganda");
        let e = ap::sisipkan_aksi(&mut tx, &ganda).await.unwrap_err();
        assert!(e.pelanggaran_unik(), "{b:?}: {e}");
        drop(tx);

        // Ubah dengan versi basi ditolak.
        let mut baru = a1.clone();
        baru.judul = "Satu data ASN Maluku".into();
        baru.versi = 2;
        let mut tx = db.mulai().await.unwrap();
        assert!(ap::ubah_aksi(&mut tx, &baru, 1).await.unwrap());
        assert!(!ap::ubah_aksi(&mut tx, &baru, 1).await.unwrap());
        tx.commit().await.unwrap();

        // Progres dan verifikasi sekali.
        let p = Progres {
            instansi_id: prov.id.clone(),
            id: store::id_baru(),
            aksi_id: a1.id.clone(),
            tonggak_id: t1.id.clone(),
            pengguna_id: pengguna.id.clone(),
            progres_persen: "60".into(),
            catatan: "Uji coba di 3 OPD".into(),
            status: "menunggu".into(),
            verifikator_id: None,
            diverifikasi_pada: None,
            catatan_verifikasi: None,
            dibuat_pada: w.clone(),
        };
        let mut tx = db.mulai().await.unwrap();
        ap::sisipkan_progres(&mut tx, &p).await.unwrap();
        let mut t1b = t1.clone();
        t1b.progres_persen = "60".into();
        t1b.diperbarui_pada = "2026-12-01".into();
        t1b.versi = 2;
        assert!(ap::ubah_tonggak(&mut tx, &t1b, 1).await.unwrap());
        tx.commit().await.unwrap();
        let mut tx = db.mulai().await.unwrap();
        assert!(
            ap::verifikasi_progres(&mut tx, &prov.id, &p.id, "diterima", "m", &w, None)
                .await
                .unwrap()
        );
        assert!(
            !ap::verifikasi_progres(&mut tx, &prov.id, &p.id, "ditolak", "m", &w, None)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        let simpan = ap::progres(pool, &prov.id, &p.id).await.unwrap().unwrap();
        assert_eq!(simpan.status, "diterima");
        assert_eq!(
            ap::progres_proyek(pool, &prov.id, &a1.id)
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            ap::tonggak_proyek(pool, &prov.id, &a1.id).await.unwrap()[0].progres_persen,
            "60"
        );

        // Pengingat: tepat sekali per (tonggak, jenis, jatuh tempo).
        let mut tx = db.mulai().await.unwrap();
        assert!(
            ap::catat_pengingat(&mut tx, &prov.id, &t1.id, "sebelum_7", "2026-12-31", &w)
                .await
                .unwrap()
        );
        assert!(
            !ap::catat_pengingat(&mut tx, &prov.id, &t1.id, "sebelum_7", "2026-12-31", &w)
                .await
                .unwrap()
        );
        // Jatuh tempo digeser: pengingat baru boleh.
        assert!(
            ap::catat_pengingat(&mut tx, &prov.id, &t1.id, "sebelum_7", "2027-01-31", &w)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        assert_eq!(
            ap::jumlah_pengingat(pool, &prov.id, &t1.id).await.unwrap(),
            2
        );
        let jatuh = ap::tonggak_untuk_pengingat(pool, "2026-11-30", None, 10)
            .await
            .unwrap();
        assert_eq!(
            jatuh.iter().map(|t| &t.id).collect::<Vec<_>>(),
            vec![&t2.id]
        );

        // Cakupan daftar.
        let judul = |c: Cakupan, s: Saringan| async move {
            let (p, t) = ap::ringkas(pool, &c, &s).await.unwrap();
            let mut j: Vec<String> = p.iter().map(|x| x.judul.clone()).collect();
            j.sort();
            (j, t.len())
        };
        let kosong = Saringan::default();
        assert_eq!(
            judul(Cakupan::default(), kosong.clone()).await.0,
            Vec::<String>::new()
        );
        let (j, nt) = judul(
            Cakupan {
                semua: true,
                ..Default::default()
            },
            kosong.clone(),
        )
        .await;
        assert_eq!(j, vec!["Lain", "Pasar daring", "Satu data ASN Maluku"]);
        assert_eq!(nt, 2);
        // Alumni sendiri.
        let c = Cakupan {
            alumni: vec![(prov.id.clone(), alumni_prov.id.clone())],
            ..Default::default()
        };
        assert_eq!(
            judul(c, kosong.clone()).await.0,
            vec!["Satu data ASN Maluku"]
        );
        // Mentor: hanya bimbingannya.
        let c = Cakupan {
            mentor: vec![(prov.id.clone(), mentor_prov.id.clone())],
            ..Default::default()
        };
        assert_eq!(
            judul(c, kosong.clone()).await.0,
            vec!["Satu data ASN Maluku"]
        );
        // BKD Ambon: instansinya.
        let c = Cakupan {
            instansi: vec![ambon.id.clone()],
            ..Default::default()
        };
        assert_eq!(judul(c, kosong.clone()).await.0, vec!["Pasar daring"]);
        // Provinsi: dirinya dan kab/kotanya, bukan provinsi lain.
        let c = Cakupan {
            instansi: vec![prov.id.clone()],
            wilayah_di_bawah: vec!["81".into()],
            ..Default::default()
        };
        assert_eq!(
            judul(c.clone(), kosong.clone()).await.0,
            vec!["Pasar daring", "Satu data ASN Maluku"]
        );
        // Saringan wilayah 81.71 dan angkatan.
        let s = Saringan {
            wilayah: Some("81.71".into()),
            angkatan_id: Some(ang.id.clone()),
        };
        assert_eq!(judul(c, s).await.0, vec!["Pasar daring"]);
        // Penyelenggara: seluruh peserta angkatannya, dari instansi mana pun.
        let c = Cakupan {
            penyelenggara: vec![(prov.id.clone(), None)],
            ..Default::default()
        };
        assert_eq!(judul(c, kosong.clone()).await.0.len(), 3);
        let c = Cakupan {
            penyelenggara: vec![(prov.id.clone(), Some(vec![]))],
            ..Default::default()
        };
        assert!(judul(c, kosong.clone()).await.0.is_empty());
        // Pola LIKE dari kode wilayah diloloskan (`_` bukan karakter sembarang).
        let c = Cakupan {
            wilayah_di_bawah: vec!["8_".into()],
            ..Default::default()
        };
        assert!(judul(c, kosong).await.0.is_empty());
        db.tutup().await;
    }
}
