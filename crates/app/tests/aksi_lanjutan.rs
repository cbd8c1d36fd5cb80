//! Aksi perubahan sesudah pelatihan (isu 13), di SQLite dan PostgreSQL:
//! tonggak diubah/dibatalkan (jatuh tempo bergeser wajib beralasan), ambang
//! senyap/berisiko per instansi alumni, pita kualifikasi seminar per lembaga
//! pelatihan, tonggak menjadi RHK di SKP alumni dalam satu transaksi, dan
//! usul ke repositori inovasi (syarat terbukti, diputus admin/operator
//! inovasi, terbit dan dapat dicari).

mod umum_aksi;
use app::aksi_perubahan::{
    self as ap, MasukanAksi, MasukanAngkatan, MasukanPeserta, MasukanProgres, MasukanTonggak,
    MasukanVerifikasi, SaringanAksi,
};
use umum_aksi::*;

use app::{Bahasa, Galat, Konteks, Peran};
use rules::aksi_perubahan::{StatusAksi, Tahap};
use store::uji::backend_uji;

/// Angkatan PKA provinsi dengan satu peserta (alumni provinsi); id proyek.
async fn proyek(d: &Dunia, admin_prov: &Konteks) -> String {
    let ang = ap::buat_angkatan(
        &d.l,
        admin_prov,
        MasukanAngkatan {
            jenis: "pka".into(),
            nama: "PKA Angkatan II 2025".into(),
            penyelenggara: "BPSDM Provinsi Maluku".into(),
            unit_penyelenggara_id: Some(d.unit_bpsdm.clone()),
            mulai: "2025-02-01".into(),
            selesai: "2025-06-30".into(),
        },
    )
    .await
    .unwrap();
    ap::tambah_peserta(
        &d.l,
        admin_prov,
        &ang.id,
        MasukanPeserta {
            nip: ALUMNI_PROV.into(),
            mentor_nip: None,
            coach_nama: None,
            judul: Some("Satu Data ASN".into()),
        },
    )
    .await
    .unwrap()
    .id
}

fn tanggal(hari: i64) -> String {
    let d = time::OffsetDateTime::now_utc().date() + time::Duration::days(hari);
    rules::aksi_perubahan::teks_tanggal(d)
}

async fn tonggak(
    d: &Dunia,
    k: &Konteks,
    id: &str,
    tahap: Tahap,
    uraian: &str,
    hari: i64,
) -> String {
    ap::tambah_tonggak(
        &d.l,
        k,
        id,
        MasukanTonggak {
            tahap,
            uraian: uraian.into(),
            jatuh_tempo: tanggal(hari),
            keluaran: Some(format!("Keluaran {uraian}")),
            indikator: Some(format!("Indikator {uraian}")),
        },
    )
    .await
    .unwrap()
    .id
}

/// Alumni mengirim progres 100 dan mentor menerimanya: tonggak selesai.
async fn selesaikan(d: &Dunia, alumni: &Konteks, mentor: &Konteks, id: &str, tid: &str) {
    let p = ap::kirim_progres(
        &d.l,
        alumni,
        id,
        tid,
        MasukanProgres {
            progres_persen: "100".into(),
            catatan: "Selesai".into(),
        },
        None,
    )
    .await
    .unwrap();
    ap::verifikasi(
        &d.l,
        mentor,
        id,
        &p.id,
        MasukanVerifikasi {
            diterima: true,
            catatan: None,
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn tonggak_diubah_dibatalkan_dan_ambang_per_instansi() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d.l, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let mentor = orang(&d.l, &d.prov, Some(MENTOR_PROV), &[Peran::Pegawai]).await;
        let id = proyek(&d, &admin_prov).await;
        // Jatuh tempo 20 hari lagi, progres 0: berisiko dengan ambang bawaan (30).
        let t1 = tonggak(&d, &alumni, &id, Tahap::JangkaPendek, "Rancangan", 20).await;
        let det = ap::lihat(l, &alumni, &id).await.unwrap();
        assert_eq!(det.status, StatusAksi::Berisiko, "{b:?}");

        // Ambang berisiko instansi alumni 10 hari: tonggak kembali sesuai jadwal.
        let p = ap::pengaturan::lihat(l, &admin_prov, &d.prov)
            .await
            .unwrap();
        assert!(p.bawaan && p.versi == 0 && p.hari_berisiko == 30);
        let m = ap::pengaturan::MasukanPengaturan {
            hari_senyap: 60,
            hari_berisiko: 10,
            pita_kualifikasi: p.pita_kualifikasi.clone(),
            versi: Some(0),
        };
        dilarang(ap::pengaturan::simpan(l, &alumni, &d.prov, m.clone()).await);
        dilarang(ap::pengaturan::simpan(l, &admin_ambon, &d.prov, m.clone()).await);
        let p2 = ap::pengaturan::simpan(l, &admin_prov, &d.prov, m.clone())
            .await
            .unwrap();
        assert_eq!((p2.versi, p2.hari_berisiko, p2.bawaan), (1, 10, false));
        // Menyimpan lagi dengan versi basi: konflik.
        assert!(matches!(
            ap::pengaturan::simpan(l, &admin_prov, &d.prov, m.clone()).await,
            Err(Galat::Konflik(_))
        ));
        let det = ap::lihat(l, &alumni, &id).await.unwrap();
        assert_eq!(det.status, StatusAksi::SesuaiJadwal, "{b:?}");
        let daftar = ap::daftar(l, &admin_prov, &SaringanAksi::default())
            .await
            .unwrap();
        assert_eq!(daftar.isi[0].status, StatusAksi::SesuaiJadwal);
        // Pengaturan tidak sah: pesan per field.
        let mut salah = m.clone();
        salah.hari_senyap = 0;
        salah.pita_kualifikasi[4].nilai_min = rust_decimal::Decimal::ONE;
        salah.versi = Some(1);
        match ap::pengaturan::simpan(l, &admin_prov, &d.prov, salah).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("hari_senyap"));
                assert!(
                    fields["pita_kualifikasi"].contains("mulai dari 0"),
                    "{fields:?}"
                );
            }
            r => panic!("{r:?}"),
        }

        // Menggeser jatuh tempo tanpa alasan ditolak; dengan alasan diterima.
        let t = store::aksi_perubahan::tonggak(l.pool(), &d.prov, &t1)
            .await
            .unwrap()
            .unwrap();
        let ubah =
            |jatuh_tempo: String, alasan: Option<&str>, versi| ap::tonggak::MasukanUbahTonggak {
                tahap: Tahap::JangkaPendek,
                uraian: "Rancangan Satu Data".into(),
                jatuh_tempo,
                keluaran: None,
                indikator: Some("Dokumen rancangan".into()),
                alasan: alasan.map(str::to_string),
                versi: Some(versi),
            };
        match ap::tonggak::ubah_tonggak(l, &alumni, &id, &t1, ubah(tanggal(40), None, t.versi))
            .await
        {
            Err(Galat::InputTidakValid { fields, .. }) => assert!(fields.contains_key("alasan")),
            r => panic!("{r:?}"),
        }
        dilarang(
            ap::tonggak::ubah_tonggak(l, &mentor, &id, &t1, ubah(tanggal(40), Some("x"), t.versi))
                .await,
        );
        let t2 = ap::tonggak::ubah_tonggak(
            l,
            &alumni,
            &id,
            &t1,
            ubah(tanggal(40), Some("Menunggu anggaran perubahan"), t.versi),
        )
        .await
        .unwrap();
        assert_eq!(
            (t2.jatuh_tempo.clone(), t2.uraian.as_str()),
            (tanggal(40), "Rancangan Satu Data")
        );
        assert_eq!(t2.keluaran, None);
        // Versi basi.
        assert!(matches!(
            ap::tonggak::ubah_tonggak(l, &alumni, &id, &t1, ubah(tanggal(41), Some("y"), t.versi))
                .await,
            Err(Galat::Konflik(_))
        ));
        // Jejak audit mencatat pergeseran beserta alasannya.
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit WHERE objek_id = $1 AND aksi = 'geser_jatuh_tempo' AND sesudah LIKE '%Menunggu anggaran%'",
        )
        .bind(&t1)
        .fetch_one(l.pool())
        .await
        .unwrap();
        assert_eq!(n, 1, "{b:?}");

        // Batal: alasan wajib; sesudahnya tonggak tertutup; semua batal = proyek dibatalkan.
        let batal = |alasan: &str, versi| ap::tonggak::MasukanBatalTonggak {
            alasan: alasan.into(),
            versi: Some(versi),
        };
        assert!(matches!(
            ap::tonggak::batalkan_tonggak(l, &alumni, &id, &t1, batal("  ", t2.versi)).await,
            Err(Galat::InputTidakValid { .. })
        ));
        let t3 = ap::tonggak::batalkan_tonggak(
            l,
            &admin_prov,
            &id,
            &t1,
            batal("Digabung ke SIASN", t2.versi),
        )
        .await
        .unwrap();
        assert_eq!(t3.dibatalkan_alasan.as_deref(), Some("Digabung ke SIASN"));
        assert!(matches!(
            ap::tonggak::batalkan_tonggak(l, &alumni, &id, &t1, batal("lagi", t3.versi)).await,
            Err(Galat::Status { ref kode, .. }) if kode == "tonggak_tertutup"
        ));
        let det = ap::lihat(l, &mentor, &id).await.unwrap();
        assert_eq!(det.status, StatusAksi::Dibatalkan, "{b:?}");
    }
}

#[tokio::test]
async fn pita_kualifikasi_lembaga_pelatihan() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let id = proyek(&d, &admin_prov).await;
        let ubah = |nilai: Option<&str>, kualifikasi: Option<&str>, versi| MasukanAksi {
            judul: "Satu Data ASN".into(),
            masalah: None,
            tujuan: None,
            pemangku_kepentingan: None,
            coach_nama: None,
            mentor_nip: None,
            kualifikasi: kualifikasi.map(str::to_string),
            nilai_seminar: nilai.map(str::to_string),
            versi: Some(versi),
        };
        // Pita bawaan: 90 = memuaskan (sangat memuaskan mulai 90,01).
        let a = ap::ubah(l, &admin_prov, &id, ubah(Some("90"), None, 1))
            .await
            .unwrap();
        assert_eq!(
            (a.nilai_seminar.as_deref(), a.kualifikasi.as_deref()),
            (Some("90"), Some("memuaskan")),
            "{b:?}"
        );
        // Lembaga mengganti pita: ≥ 85 "istimewa", ≥ 0 "lulus".
        let pita = vec![
            rules::aksi_perubahan::PitaKualifikasi {
                kode: "istimewa".into(),
                label: "Istimewa".into(),
                nilai_min: "85".parse().unwrap(),
            },
            rules::aksi_perubahan::PitaKualifikasi {
                kode: "lulus".into(),
                label: "Lulus".into(),
                nilai_min: rust_decimal::Decimal::ZERO,
            },
        ];
        ap::pengaturan::simpan(
            l,
            &admin_prov,
            &d.prov,
            ap::pengaturan::MasukanPengaturan {
                hari_senyap: 90,
                hari_berisiko: 30,
                pita_kualifikasi: pita,
                versi: Some(0),
            },
        )
        .await
        .unwrap();
        let a = ap::ubah(l, &admin_prov, &id, ubah(Some("86,5"), None, a.versi))
            .await
            .unwrap();
        assert_eq!(
            (a.nilai_seminar.as_deref(), a.kualifikasi.as_deref()),
            (Some("86.5"), Some("istimewa"))
        );
        // Kode di luar pita lembaga ditolak; nilai di luar 0–100 ditolak.
        match ap::ubah(l, &admin_prov, &id, ubah(None, Some("memuaskan"), a.versi)).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(
                    fields["kualifikasi"].contains("istimewa, lulus"),
                    "{fields:?}"
                )
            }
            r => panic!("{r:?}"),
        }
        assert!(matches!(
            ap::ubah(l, &admin_prov, &id, ubah(Some("101"), None, a.versi)).await,
            Err(Galat::InputTidakValid { .. })
        ));
        // Alumni boleh mengubah judul, tetapi tidak hasil seminarnya.
        match ap::ubah(l, &alumni, &id, ubah(None, Some("lulus"), a.versi)).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("kualifikasi"))
            }
            r => panic!("{r:?}"),
        }
        let a2 = ap::ubah(l, &alumni, &id, ubah(None, None, a.versi))
            .await
            .unwrap();
        assert_eq!(a2.kualifikasi.as_deref(), Some("istimewa"), "tidak berubah");
    }
}

#[tokio::test]
async fn tonggak_menjadi_rhk_di_skp_alumni() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let mentor = orang(&d.l, &d.prov, Some(MENTOR_PROV), &[Peran::Pegawai]).await;
        let id = proyek(&d, &admin_prov).await;
        let t1 = tonggak(
            &d,
            &alumni,
            &id,
            Tahap::JangkaMenengah,
            "Satu Data berjalan",
            30,
        )
        .await;
        let tahun = tanggal(30)[..4].parse::<i64>().unwrap();
        // Belum ada SKP tahun itu: pesan yang menyebut tahunnya.
        match ap::tonggak::jadikan_rhk(l, &alumni, &id, &t1, Default::default()).await {
            Err(Galat::Status { kode, pesan, .. }) => {
                assert_eq!(kode, "skp_belum_ada");
                assert!(pesan.contains(&tahun.to_string()), "{pesan}");
            }
            r => panic!("{r:?}"),
        }
        app::skp::periode::buka_periode(
            l,
            &admin_prov,
            &d.prov,
            &app::skp::periode::MasukanPeriodeSkp {
                tahun,
                frekuensi: None,
                ambang_kurva: None,
            },
        )
        .await
        .unwrap();
        // Hanya alumni (bukan mentor, bukan BKD).
        dilarang(ap::tonggak::jadikan_rhk(l, &mentor, &id, &t1, Default::default()).await);
        dilarang(ap::tonggak::jadikan_rhk(l, &admin_prov, &id, &t1, Default::default()).await);
        let t = ap::tonggak::jadikan_rhk(l, &alumni, &id, &t1, Default::default())
            .await
            .unwrap();
        let rhk_id = t.rhk_id.clone().expect("rhk_id");
        let pid = pid(&d.l, &d.prov, ALUMNI_PROV).await;
        let skp = store::skp::skp_pegawai(l.pool(), &d.prov, tahun, &pid)
            .await
            .unwrap()
            .unwrap();
        let rhk = store::skp::rhk_skp(l.pool(), &d.prov, &skp.id)
            .await
            .unwrap();
        let r = rhk
            .iter()
            .find(|r| r.id == rhk_id)
            .expect("RHK di SKP alumni");
        assert_eq!(r.jenis, "tambahan");
        assert!(r.uraian.contains("Satu Data berjalan"), "{}", r.uraian);
        // Kedua kalinya: konflik, tidak menggandakan RHK.
        assert!(matches!(
            ap::tonggak::jadikan_rhk(l, &alumni, &id, &t1, Default::default()).await,
            Err(Galat::Konflik(_))
        ));
        assert_eq!(
            store::skp::rhk_skp(l.pool(), &d.prov, &skp.id)
                .await
                .unwrap()
                .len(),
            rhk.len()
        );
    }
}

#[tokio::test]
async fn usul_ke_repositori_inovasi() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let admin_prov = orang(&d.l, &d.prov, None, &[Peran::AdminInstansi]).await;
        let admin_ambon = orang(&d.l, &d.ambon, None, &[Peran::AdminInstansi]).await;
        let operator = orang(&d.l, &d.prov, None, &[Peran::OperatorInovasi]).await;
        let alumni = orang(&d.l, &d.prov, Some(ALUMNI_PROV), &[Peran::Pegawai]).await;
        let mentor = orang(&d.l, &d.prov, Some(MENTOR_PROV), &[Peran::Pegawai]).await;
        let rekan = orang(&d.l, &d.prov, Some(REKAN_PROV), &[Peran::Pegawai]).await;
        let id = proyek(&d, &admin_prov).await;
        let pendek = tonggak(&d, &alumni, &id, Tahap::JangkaPendek, "Rancangan", 10).await;
        let menengah = tonggak(
            &d,
            &alumni,
            &id,
            Tahap::JangkaMenengah,
            "Uji coba dinas",
            200,
        )
        .await;
        tonggak(&d, &alumni, &id, Tahap::JangkaPanjang, "Semua OPD", 700).await;
        let usul = ap::usul_inovasi::MasukanUsul {
            catatan: Some("Layak direplikasi kabupaten".into()),
        };
        // Rekan bukan pengusul; belum terbukti: 409 belum_layak dengan alasan per field.
        dilarang(ap::usul_inovasi::usulkan(l, &rekan, &id, usul.clone()).await);
        match ap::usul_inovasi::usulkan(l, &alumni, &id, usul.clone()).await {
            Err(Galat::Status { kode, fields, .. }) => {
                assert_eq!(kode, "belum_layak");
                assert!(fields.contains_key("masalah") && fields.contains_key("tujuan"));
                assert!(fields["tonggak"].contains("jangka pendek"), "{fields:?}");
            }
            r => panic!("{r:?}"),
        }
        let a = store::aksi_perubahan::aksi(l.pool(), &id)
            .await
            .unwrap()
            .unwrap();
        ap::ubah(
            l,
            &alumni,
            &id,
            MasukanAksi {
                judul: "Satu Data ASN Maluku".into(),
                masalah: Some("Data kepegawaian tersebar di tiap OPD".into()),
                tujuan: Some("Satu basis data pelayanan kepegawaian".into()),
                pemangku_kepentingan: Some("BKD, OPD".into()),
                coach_nama: None,
                mentor_nip: None,
                kualifikasi: None,
                nilai_seminar: None,
                versi: Some(a.versi),
            },
        )
        .await
        .unwrap();
        selesaikan(&d, &alumni, &mentor, &id, &pendek).await;
        match ap::usul_inovasi::usulkan(l, &alumni, &id, usul.clone()).await {
            Err(Galat::Status { kode, fields, .. }) => {
                assert_eq!(kode, "belum_layak");
                assert_eq!(fields.keys().collect::<Vec<_>>(), vec!["tonggak"]);
            }
            r => panic!("{r:?}"),
        }
        selesaikan(&d, &alumni, &mentor, &id, &menengah).await;
        // Mentor mengusulkan; usul kedua selagi menunggu: konflik.
        let u = ap::usul_inovasi::usulkan(l, &mentor, &id, usul.clone())
            .await
            .unwrap();
        assert_eq!(u.status, "diusulkan");
        assert!(matches!(
            ap::usul_inovasi::usulkan(l, &alumni, &id, usul.clone()).await,
            Err(Galat::Konflik(_))
        ));
        // Operator inovasi melihat usul menunggu; instansi lain tidak.
        let tunggu = ap::usul_inovasi::menunggu(l, &operator, &d.prov)
            .await
            .unwrap();
        assert_eq!(tunggu.len(), 1);
        assert_eq!(tunggu[0].aksi_id, id);
        dilarang(ap::usul_inovasi::menunggu(l, &alumni, &d.prov).await);
        dilarang(ap::usul_inovasi::menunggu(l, &admin_ambon, &d.prov).await);
        // Notifikasi sampai ke operator.
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM notifikasi WHERE instansi_id = $1 AND pengguna_id = $2",
        )
        .bind(&d.prov)
        .bind(&operator.aktor.as_ref().unwrap().pengguna_id)
        .fetch_one(l.pool())
        .await
        .unwrap();
        assert_eq!(n, 1, "{b:?}");
        // Menolak tanpa catatan ditolak; mentor dan BKD lain tidak memutus.
        let kep = |diterima, catatan: Option<&str>| ap::usul_inovasi::MasukanKeputusanUsul {
            diterima,
            catatan: catatan.map(str::to_string),
        };
        assert!(matches!(
            ap::usul_inovasi::putuskan(l, &operator, &id, kep(false, None)).await,
            Err(Galat::InputTidakValid { .. })
        ));
        dilarang(ap::usul_inovasi::putuskan(l, &mentor, &id, kep(true, None)).await);
        dilarang(ap::usul_inovasi::putuskan(l, &admin_ambon, &id, kep(true, None)).await);
        // Ditolak, lalu diusulkan lagi, lalu diterima: inovasi terbit dan dapat dicari.
        let tolak =
            ap::usul_inovasi::putuskan(l, &operator, &id, kep(false, Some("Lengkapi dampak")))
                .await
                .unwrap();
        assert_eq!(tolak.status, "ditolak");
        ap::usul_inovasi::usulkan(l, &alumni, &id, usul.clone())
            .await
            .unwrap();
        let terima = ap::usul_inovasi::putuskan(l, &admin_prov, &id, kep(true, None))
            .await
            .unwrap();
        assert_eq!(terima.status, "diterima");
        let iid = terima.inovasi_id.clone().expect("inovasi terbit");
        let publik = Konteks::publik(Bahasa::Id);
        let ino = app::inovasi::lihat(l, &publik, &iid).await.unwrap();
        assert_eq!(ino.inovasi.judul, "Satu Data ASN Maluku");
        assert_eq!(ino.inovasi.instansi_id.as_deref(), Some(d.prov.as_str()));
        assert!(
            ino.inovasi.sumber.contains("PKA Angkatan II 2025"),
            "{}",
            ino.inovasi.sumber
        );
        assert!(
            ino.inovasi
                .hasil
                .as_deref()
                .unwrap_or("")
                .contains("Uji coba dinas")
        );
        let cari = app::inovasi::cari(
            l,
            &publik,
            &app::inovasi::ParamCari {
                cari: Some("basis data kepegawaian".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(cari.isi.iter().any(|x| x.id == iid), "{b:?}");
        assert!(matches!(
            ap::usul_inovasi::putuskan(l, &operator, &id, kep(true, None)).await,
            Err(Galat::Status { ref kode, .. }) if kode == "usul_tidak_menunggu"
        ));
        assert!(matches!(
            ap::usul_inovasi::usulkan(l, &alumni, &id, usul.clone()).await,
            Err(Galat::Konflik(_))
        ));
        // Operator tidak membaca proyek lain lewat URL.
        dilarang(ap::lihat(l, &operator, &id).await);
    }
}
