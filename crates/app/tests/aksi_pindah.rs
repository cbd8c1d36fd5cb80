//! Proyek perubahan mengikuti alumninya (isu 13), di SQLite dan PostgreSQL:
//! mutasi antar-instansi membuat proyek lanjutan di instansi tujuan dengan
//! tonggak dan statusnya, proyek lama hanya dibaca (409 bila diubah),
//! pengingat yang sudah terkirim tidak terkirim lagi, BKD dan mentor baru
//! mengambil alih (mentor mengikuti atasan yang diisi BKD) dan membaca
//! riwayat serta bukti lama; mentor yang dipilih sengaja bertahan saat pindah
//! unit. docs/adr/0014.

mod umum_aksi;
use app::aksi_perubahan::{
    self as ap, MasukanAngkatan, MasukanPeserta, MasukanProgres, MasukanTonggak, MasukanVerifikasi,
    SaringanAksi,
};
use app::organisasi::pegawai::MasukanPegawai;
use app::{Galat, Konteks, Layanan, Peran};
use rules::aksi_perubahan::Tahap;
use store::uji::{backend_uji, db_baru};
use umum_aksi::*;

// NIP peran uji khusus berkas ini (yang lain di umum_aksi).
const ATASAN_PAPUA: &str = "199001012015031002";
const REKAN_PAPUA: &str = "199202022016031003";

struct Dunia {
    l: Layanan,
    prov: String,
    ambon: String,
    papua: String,
    akar_prov: String,
    unit_papua: String,
}

/// Pemprov Maluku (penyelenggara angkatan), Kota Ambon (alumni asal, di
/// wilayah Maluku) dan Pemprov Papua (tujuan mutasi, di luar wilayah
/// Maluku: provinsi Maluku tidak melihatnya lewat wilayah).
async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    let prov = instansi(&l, "Pemerintah Provinsi Maluku", "provinsi", "81").await;
    let ambon = instansi(&l, "Pemerintah Kota Ambon", "kota", "81.71").await;
    let papua = instansi(&l, "Pemerintah Provinsi Papua", "provinsi", "91").await;
    let akar_prov = unit(&l, &prov, None, "Pemprov Maluku").await;
    unit(&l, &prov, Some(&akar_prov), "BPSDM").await;
    unit(&l, &ambon, None, "Pemkot Ambon").await;
    let unit_papua = unit(&l, &papua, None, "Pemprov Papua").await;
    pegawai(
        &l,
        &prov,
        &[
            format!("{KEPALA_BPSDM},Kepala BPSDM,,,pns,IV/c,Pemprov Maluku > BPSDM,Kepala,,aktif,,"),
            format!("{MENTOR_PROV},Mentor Prov,,,pns,IV/a,Pemprov Maluku > BPSDM,Kabid,{KEPALA_BPSDM},aktif,,"),
            format!("{ALUMNI_PROV},Ana Alumni,,,pns,III/d,Pemprov Maluku > BPSDM,Kasubbid,{MENTOR_PROV},aktif,,"),
            format!("{REKAN_PROV},Rekan,,,pns,III/a,Pemprov Maluku > BPSDM,Analis,{MENTOR_PROV},aktif,,"),
        ],
    )
    .await;
    pegawai(
        &l,
        &ambon,
        &[
            format!("{ATASAN_AMBON},Atasan Ambon,,,pns,IV/a,Pemkot Ambon,Kadis,,aktif,,"),
            format!(
                "{ALUMNI_AMBON},Budi Ambon,,,pns,III/c,Pemkot Ambon,Kabid,{ATASAN_AMBON},aktif,,"
            ),
        ],
    )
    .await;
    pegawai(
        &l,
        &papua,
        &[
            format!("{ATASAN_PAPUA},Cici Papua,,,pns,IV/a,Pemprov Papua,Kadis,,aktif,,"),
            format!(
                "{REKAN_PAPUA},Dedi Papua,,,pns,III/a,Pemprov Papua,Analis,{ATASAN_PAPUA},aktif,,"
            ),
        ],
    )
    .await;
    Dunia {
        l,
        prov,
        ambon,
        papua,
        akar_prov,
        unit_papua,
    }
}

/// 409 `aksi_dipindah` yang menyebut instansi tujuannya.
fn dipindah<T: std::fmt::Debug>(r: Result<T, Galat>, tujuan: &str) {
    match r {
        Err(g @ Galat::Status { .. }) => {
            assert_eq!(g.kode(), "aksi_dipindah");
            assert!(g.to_string().contains(tujuan), "{g}");
        }
        lain => panic!("harus 409 aksi_dipindah: {lain:?}"),
    }
}

/// Tanggal hari ini + `n` hari di WIT (zona instansi uji).
fn hari(n: i64) -> String {
    let d = (time::OffsetDateTime::now_utc() + time::Duration::hours(9)).date()
        + time::Duration::days(n);
    rules::aksi_perubahan::teks_tanggal(d)
}

fn png() -> Vec<u8> {
    let mut v = Vec::new();
    let img = image::RgbImage::from_pixel(2, 2, image::Rgb([10, 200, 10]));
    img.write_to(&mut std::io::Cursor::new(&mut v), image::ImageFormat::Png)
        .unwrap();
    v
}

async fn angkatan(l: &Layanan, admin: &Konteks, nama: &str) -> ap::Angkatan {
    ap::buat_angkatan(
        l,
        admin,
        MasukanAngkatan {
            jenis: "pka".into(),
            nama: nama.into(),
            penyelenggara: "BPSDM Provinsi Maluku".into(),
            unit_penyelenggara_id: None,
            mulai: "2025-02-01".into(),
            selesai: "2025-06-30".into(),
        },
    )
    .await
    .unwrap()
}

async fn daftar(l: &Layanan, k: &Konteks) -> Vec<(String, String)> {
    let h = ap::daftar(l, k, &SaringanAksi::default()).await.unwrap();
    h.isi.into_iter().map(|x| (x.id, x.judul)).collect()
}

/// Isi pegawai untuk `pegawai::ubah` dari rekamannya, dengan atasan/unit baru.
fn isian(p: &store::organisasi::Pegawai, unit_id: &str, atasan: Option<String>) -> MasukanPegawai {
    MasukanPegawai {
        nip: p.nip.clone(),
        nama: p.nama.clone(),
        gelar_depan: None,
        gelar_belakang: None,
        jenis_asn: p.jenis_asn.clone(),
        golongan: p.golongan.clone(),
        unit_id: unit_id.into(),
        jabatan_id: p.jabatan_id.clone(),
        atasan_id: atasan,
        status: Some("aktif".into()),
        email: None,
        telepon: None,
        versi: Some(p.versi),
        tmt_penempatan: None,
    }
}

#[tokio::test]
async fn mutasi_membawa_proyek_dan_riwayatnya() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d.l, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let admin_papua = orang(&d.l, &d.papua, None, &[Peran::AdminInstansi]).await;
        let alumni_lama = orang(&d.l, &d.ambon, Some(ALUMNI_AMBON), &[Peran::Pegawai]).await;
        let mentor_lama = orang(&d.l, &d.ambon, Some(ATASAN_AMBON), &[Peran::Pegawai]).await;
        let rekan_papua = orang(&d.l, &d.papua, Some(REKAN_PAPUA), &[Peran::Pegawai]).await;

        let ang = angkatan(l, &admin_prov, "PKA Angkatan I 2025").await;
        let p = ap::tambah_peserta(
            l,
            &admin_prov,
            &ang.id,
            MasukanPeserta {
                nip: ALUMNI_AMBON.into(),
                mentor_nip: None,
                coach_nama: Some("Dr. Coach".into()),
                judul: Some("Pasar daring".into()),
            },
        )
        .await
        .unwrap();
        let mut tonggak = Vec::new();
        for (uraian, jt, tahap) in [
            ("lama", hari(-40), Tahap::JangkaPendek),
            ("dekat", hari(3), Tahap::JangkaMenengah),
            ("jauh", "2099-12-31".to_string(), Tahap::JangkaPanjang),
        ] {
            tonggak.push(
                ap::tambah_tonggak(
                    l,
                    &alumni_lama,
                    &p.id,
                    MasukanTonggak {
                        tahap,
                        uraian: uraian.into(),
                        jatuh_tempo: jt,
                        keluaran: Some("Aplikasi".into()),
                        indikator: None,
                    },
                )
                .await
                .unwrap(),
            );
        }
        let progres = |x: &str| MasukanProgres {
            progres_persen: x.into(),
            catatan: "Sudah dikerjakan".into(),
        };
        // Progres berbukti diterima mentor lama; satu lagi masih menunggu.
        let pj = ap::kirim_progres(
            l,
            &alumni_lama,
            &p.id,
            &tonggak[2].id,
            progres("50"),
            Some(app::bukti::BerkasMasuk {
                nama: "foto.png".into(),
                isi: png(),
            }),
        )
        .await
        .unwrap();
        let terima = MasukanVerifikasi {
            diterima: true,
            catatan: None,
        };
        ap::verifikasi(l, &mentor_lama, &p.id, &pj.id, terima.clone())
            .await
            .unwrap();
        let pd = ap::kirim_progres(l, &alumni_lama, &p.id, &tonggak[1].id, progres("30"), None)
            .await
            .unwrap();
        let sebelum = ap::lihat(l, &admin_ambon, &p.id).await.unwrap();
        let bid = sebelum.bukti[&pj.id][0].clone();

        // Pengingat sebelum pindah: lama (alumni, mentor, BKD) dan dekat.
        let r = ap::pengingat::jalankan(l, time::OffsetDateTime::now_utc())
            .await
            .unwrap();
        assert_eq!(r.peristiwa_baru, 4, "{b:?}: {r:?}");
        assert_eq!(daftar(l, &admin_ambon).await.len(), 1);
        assert!(daftar(l, &admin_papua).await.is_empty());

        // Mutasi Ambon → Papua (super admin).
        let lama_peg = pid(&d.l, &d.ambon, ALUMNI_AMBON).await;
        let baru_peg = app::organisasi::penugasan::mutasi(
            l,
            &Konteks::sistem(),
            &d.ambon,
            &lama_peg,
            &d.papua,
            &d.unit_papua,
            &hari(0),
        )
        .await
        .unwrap();

        // BKD asal tidak lagi memantaunya; BKD tujuan memantau lanjutannya.
        assert!(daftar(l, &admin_ambon).await.is_empty(), "{b:?}");
        let di_papua = daftar(l, &admin_papua).await;
        assert_eq!(di_papua.len(), 1, "{b:?}");
        let (q, judul) = di_papua[0].clone();
        assert_ne!(q, p.id);
        assert_eq!(judul, "Pasar daring");
        // Penyelenggara tetap memantau angkatannya: satu proyek, lanjutannya.
        assert_eq!(
            daftar(l, &admin_prov).await,
            vec![(q.clone(), judul.clone())]
        );

        let lanjut = ap::lihat(l, &admin_papua, &q).await.unwrap();
        assert_eq!(lanjut.aksi.instansi_id, d.papua);
        assert_eq!(lanjut.aksi.pegawai_id, baru_peg.id);
        assert_eq!(lanjut.aksi.angkatan_id, ang.id);
        assert_eq!(lanjut.aksi.coach_nama.as_deref(), Some("Dr. Coach"));
        assert_eq!(
            lanjut.aksi.mentor_pegawai_id, None,
            "atasan tujuan belum diisi"
        );
        assert_eq!(lanjut.status, sebelum.status, "{b:?}");
        assert_eq!(lanjut.alasan, sebelum.alasan);
        let ringkas = |x: &ap::DetailAksi| -> Vec<_> {
            x.tonggak
                .iter()
                .map(|t| {
                    (
                        t.tonggak.uraian.clone(),
                        t.tonggak.tahap.clone(),
                        t.tonggak.jatuh_tempo.clone(),
                        t.tonggak.progres_persen.clone(),
                        t.tonggak.diperbarui_pada.clone(),
                        t.status,
                    )
                })
                .collect()
        };
        assert_eq!(ringkas(&lanjut), ringkas(&sebelum));
        assert!(lanjut.tonggak.iter().all(|t| t.tonggak.aksi_id == q));
        assert!(lanjut.progres.is_empty(), "riwayat tetap di proyek lama");
        assert!(lanjut.pindah.is_none() && lanjut.hak.ubah && !lanjut.hak.dipindah);
        // Riwayat sebelum pindah: progres dan bukti proyek lama.
        assert_eq!(lanjut.asal.len(), 1);
        let asal = &lanjut.asal[0];
        assert_eq!(asal.aksi_id, p.id);
        assert_eq!(asal.instansi, "Pemerintah Kota Ambon");
        assert_eq!(asal.tanggal, hari(0));
        assert_eq!(asal.progres.len(), 2);
        assert_eq!(asal.bukti[&pj.id], vec![bid.clone()]);
        assert_eq!(asal.tonggak[&tonggak[2].id], "jauh");

        // Proyek lama: utuh, hanya dibaca, menunjuk lanjutannya.
        let lama = ap::lihat(l, &admin_ambon, &p.id).await.unwrap();
        assert!(lama.hak.baca && lama.hak.dipindah);
        assert!(!lama.hak.ubah && !lama.hak.kirim_progres && !lama.hak.verifikasi);
        let ke = lama.pindah.as_ref().unwrap();
        assert_eq!(
            (
                ke.aksi_id.as_str(),
                ke.instansi.as_str(),
                ke.tanggal.as_str()
            ),
            (q.as_str(), "Pemerintah Provinsi Papua", hari(0).as_str())
        );
        assert_eq!(lama.progres.len(), 2);
        assert_eq!(lama.tonggak.len(), 3);
        // Perubahan atas proyek lama: 409 yang menyebut tujuannya.
        dipindah(
            ap::tambah_tonggak(
                l,
                &admin_ambon,
                &p.id,
                MasukanTonggak {
                    tahap: Tahap::JangkaPendek,
                    uraian: "x".into(),
                    jatuh_tempo: hari(10),
                    keluaran: None,
                    indikator: None,
                },
            )
            .await,
            "Pemerintah Provinsi Papua",
        );
        dipindah(
            ap::verifikasi(l, &mentor_lama, &p.id, &pd.id, terima.clone()).await,
            "Pemerintah Provinsi Papua",
        );
        // BKD tujuan membaca proyek lama (rantai), tidak mengubahnya; pegawai
        // lain di tujuan tidak membacanya.
        let dibaca = ap::lihat(l, &admin_papua, &p.id).await.unwrap();
        assert!(dibaca.hak.baca && !dibaca.hak.ubah);
        dilarang(ap::lihat(l, &rekan_papua, &p.id).await);
        dilarang(ap::lihat(l, &rekan_papua, &q).await);

        // Pengingat yang sudah terkirim tidak terkirim lagi.
        let r = ap::pengingat::jalankan(l, time::OffsetDateTime::now_utc())
            .await
            .unwrap();
        assert_eq!(r.peristiwa_baru, 0, "{b:?}: {r:?}");

        // Akun baru alumni di Papua mengirim progres ke lanjutannya, tidak ke
        // proyek lama.
        let alumni_baru = orang(&d.l, &d.papua, Some(ALUMNI_AMBON), &[Peran::Pegawai]).await;
        let t_dekat = lanjut
            .tonggak
            .iter()
            .find(|t| t.tonggak.uraian == "dekat")
            .unwrap()
            .tonggak
            .id
            .clone();
        let pb = ap::kirim_progres(l, &alumni_baru, &q, &t_dekat, progres("60"), None)
            .await
            .unwrap();
        dipindah(
            ap::kirim_progres(l, &alumni_baru, &p.id, &tonggak[1].id, progres("60"), None).await,
            "Pemerintah Provinsi Papua",
        );
        assert_eq!(daftar(l, &alumni_baru).await.len(), 1);

        // BKD tujuan mengisi atasan: mentor lanjutannya mengikuti.
        let atasan_papua = pid(&d.l, &d.papua, ATASAN_PAPUA).await;
        let peg = store::organisasi::pegawai(l.pool(), &d.papua, &baru_peg.id)
            .await
            .unwrap()
            .unwrap();
        app::organisasi::pegawai::ubah(
            l,
            &admin_papua,
            &d.papua,
            &peg.id,
            isian(&peg, &d.unit_papua, Some(atasan_papua.clone())),
        )
        .await
        .unwrap();
        let lanjut = ap::lihat(l, &admin_papua, &q).await.unwrap();
        assert_eq!(
            lanjut.aksi.mentor_pegawai_id.as_deref(),
            Some(&atasan_papua[..])
        );
        assert_eq!(lanjut.mentor.as_deref(), Some("Cici Papua"));
        // Proyek lama tidak tersentuh.
        let lama2 = ap::lihat(l, &admin_ambon, &p.id).await.unwrap();
        assert_eq!(lama2.aksi, lama.aksi);

        // Mentor baru: memantau dan memverifikasi lanjutannya, membaca
        // riwayat dan bukti proyek lama, tetapi tidak mengubahnya.
        let mentor_baru = orang(&d.l, &d.papua, Some(ATASAN_PAPUA), &[Peran::Pegawai]).await;
        assert_eq!(
            daftar(l, &mentor_baru).await,
            vec![(q.clone(), judul.clone())]
        );
        let det = ap::lihat(l, &mentor_baru, &q).await.unwrap();
        assert!(det.hak.verifikasi);
        assert_eq!(det.asal[0].progres.len(), 2);
        ap::verifikasi(l, &mentor_baru, &q, &pb.id, terima.clone())
            .await
            .unwrap();
        let lama_m = ap::lihat(l, &mentor_baru, &p.id).await.unwrap();
        assert!(lama_m.hak.baca && !lama_m.hak.verifikasi && lama_m.hak.dipindah);
        assert!(
            ap::bukti_progres(l, &mentor_baru, &p.id, &bid, app::bukti::Varian::Mini)
                .await
                .is_ok(),
            "{b:?}"
        );
        dilarang(
            ap::bukti_progres(l, &rekan_papua, &p.id, &bid, app::bukti::Varian::Mini)
                .await
                .map(|_| ()),
        );
        dipindah(
            ap::verifikasi(l, &mentor_baru, &p.id, &pd.id, terima.clone()).await,
            "Pemerintah Provinsi Papua",
        );
        // Mentor baru pun tidak menerima ulang pengingat yang sudah terkirim.
        let r = ap::pengingat::jalankan(l, time::OffsetDateTime::now_utc())
            .await
            .unwrap();
        assert_eq!(r.peristiwa_baru, 0, "{b:?}: {r:?}");

        // Audit: keluar di instansi asal, masuk di instansi tujuan.
        let jumlah = |iid: String, aksi: &'static str, id: String| async move {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM audit WHERE instansi_id = $1 AND aksi = $2 AND objek_id = $3",
            )
            .bind(iid)
            .bind(aksi)
            .bind(id)
            .fetch_one(l.pool())
            .await
            .unwrap();
            n
        };
        assert_eq!(
            jumlah(d.ambon.clone(), "pindah_keluar", p.id.clone()).await,
            1
        );
        assert_eq!(jumlah(d.papua.clone(), "pindah_masuk", q.clone()).await, 1);
        assert_eq!(
            jumlah(d.papua.clone(), "ubah", q.clone()).await,
            1,
            "mentor"
        );

        // Mutasi diulang: ditolak, tidak ada lanjutan kedua.
        assert!(
            app::organisasi::penugasan::mutasi(
                l,
                &Konteks::sistem(),
                &d.ambon,
                &lama_peg,
                &d.papua,
                &d.unit_papua,
                &hari(0),
            )
            .await
            .is_err()
        );
        assert_eq!(daftar(l, &admin_papua).await.len(), 1);
        l.db.tutup().await;
    }
}

#[tokio::test]
async fn mentor_mengikuti_atasan_kecuali_dipilih_sengaja() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let ang1 = angkatan(l, &admin_prov, "PKA I").await;
        let ang2 = angkatan(l, &admin_prov, "PKA II").await;
        let peserta = |mentor: Option<&str>, judul: &str| MasukanPeserta {
            nip: ALUMNI_PROV.into(),
            mentor_nip: mentor.map(str::to_string),
            coach_nama: None,
            judul: Some(judul.into()),
        };
        // Mentor bawaan = atasan langsung; yang kedua dipilih sengaja.
        let bawaan = ap::tambah_peserta(l, &admin_prov, &ang1.id, peserta(None, "Bawaan"))
            .await
            .unwrap();
        let pilihan = ap::tambah_peserta(
            l,
            &admin_prov,
            &ang2.id,
            peserta(Some(REKAN_PROV), "Pilihan"),
        )
        .await
        .unwrap();
        let mentor_prov = pid(&d.l, &d.prov, MENTOR_PROV).await;
        let rekan = pid(&d.l, &d.prov, REKAN_PROV).await;
        assert_eq!(bawaan.mentor_pegawai_id.as_deref(), Some(&mentor_prov[..]));
        assert_eq!(pilihan.mentor_pegawai_id.as_deref(), Some(&rekan[..]));

        // Pindah unit dengan atasan baru.
        let kepala = pid(&d.l, &d.prov, KEPALA_BPSDM).await;
        let alumni = pid(&d.l, &d.prov, ALUMNI_PROV).await;
        let peg = store::organisasi::pegawai(l.pool(), &d.prov, &alumni)
            .await
            .unwrap()
            .unwrap();
        app::organisasi::pegawai::ubah(
            l,
            &admin_prov,
            &d.prov,
            &alumni,
            isian(&peg, &d.akar_prov, Some(kepala.clone())),
        )
        .await
        .unwrap();
        let mentor = |id: String| async move {
            store::aksi_perubahan::aksi(l.pool(), &id)
                .await
                .unwrap()
                .unwrap()
        };
        let x = mentor(bawaan.id.clone()).await;
        assert_eq!(x.mentor_pegawai_id.as_deref(), Some(&kepala[..]), "{b:?}");
        assert_eq!(x.versi, bawaan.versi + 1);
        let y = mentor(pilihan.id.clone()).await;
        assert_eq!(y.mentor_pegawai_id.as_deref(), Some(&rekan[..]), "{b:?}");
        assert_eq!(y.versi, pilihan.versi);
        // Mentor lama tidak lagi memantau; yang baru memantau.
        let mentor_lama = orang(&d.l, &d.prov, Some(MENTOR_PROV), &[Peran::Pegawai]).await;
        let kepala_k = orang(&d.l, &d.prov, Some(KEPALA_BPSDM), &[Peran::Pegawai]).await;
        assert!(daftar(l, &mentor_lama).await.is_empty());
        assert_eq!(daftar(l, &kepala_k).await.len(), 1);
        assert!(
            ap::lihat(l, &kepala_k, &bawaan.id)
                .await
                .unwrap()
                .hak
                .verifikasi
        );

        // Perubahan pegawai tanpa ganti atasan tidak menyentuh proyek.
        let peg = store::organisasi::pegawai(l.pool(), &d.prov, &alumni)
            .await
            .unwrap()
            .unwrap();
        let mut m = isian(&peg, &d.akar_prov, Some(kepala.clone()));
        m.telepon = Some("08123456789".into());
        app::organisasi::pegawai::ubah(l, &admin_prov, &d.prov, &alumni, m)
            .await
            .unwrap();
        assert_eq!(mentor(bawaan.id.clone()).await.versi, x.versi);
        l.db.tutup().await;
    }
}
