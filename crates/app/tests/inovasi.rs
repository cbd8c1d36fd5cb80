//! Inovasi (isu 12) lewat layanan, di SQLite dan PostgreSQL: repositori awal
//! LAN dan pencarian berbahasa Indonesia (kata dasar, salah ketik, saringan),
//! replikasi dan laporannya, konfirmasi pemilik; kompetisi dari pendaftaran
//! sampai pengumuman: draf yang tidak hilang, kelengkapan dan kelayakan,
//! seleksi beralasan, juri tanpa konflik, nilai tersembunyi, peringkat, seri
//! di batas, penghargaan dan halaman pemenang di repositori.

use app::inovasi::replikasi::{self as rp, MasukanKonfirmasi, MasukanLaporan, MasukanReplikasi};
use app::inovasi::{self as ino, ParamCari};
use app::kompetisi::entri::{self as en, MasukanEntri};
use app::kompetisi::hasil::{self as hs, MasukanKeputusan, MasukanTutup};
use app::kompetisi::juri::{self as jr, MasukanJuri, MasukanKonflik, MasukanNilai};
use app::kompetisi::{self as kp, MasukanKompetisi};
use app::organisasi::instansi::MasukanInstansi;
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use std::collections::BTreeMap;
use store::uji::{backend_uji, db_baru};

struct Dunia {
    l: Layanan,
    prov: String,
    ambon: String,
    buru: String,
    papua: String,
}

async fn instansi(l: &Layanan, nama: &str, jenis: &str, kode: &str) -> String {
    let m = MasukanInstansi {
        nama: nama.into(),
        jenis: jenis.into(),
        kode_wilayah: Some(kode.into()),
        zona_waktu: Some("WIT".into()),
        versi: None,
    };
    app::organisasi::instansi::buat(l, &Konteks::sistem(), m)
        .await
        .unwrap()
        .id
}

async fn dunia(b: store::Backend) -> Dunia {
    let l = Layanan::baru(db_baru(b).await.unwrap());
    assert_eq!(ino::isi_repositori_bila_kosong(&l).await.unwrap(), 200);
    // Idempoten.
    assert_eq!(ino::isi_repositori_bila_kosong(&l).await.unwrap(), 0);
    Dunia {
        prov: instansi(&l, "Pemerintah Provinsi Maluku", "provinsi", "81").await,
        ambon: instansi(&l, "Pemerintah Kota Ambon", "kota", "81.71").await,
        buru: instansi(&l, "Pemerintah Kabupaten Buru", "kabupaten", "81.04").await,
        papua: instansi(&l, "Pemerintah Provinsi Papua", "provinsi", "91").await,
        l,
    }
}

async fn orang(d: &Dunia, iid: &str, peran: &[Peran]) -> Konteks {
    let username = format!("u{}", &store::id_baru().replace('-', "")[..20]);
    let p = app::akun::buat_akun(
        &d.l,
        &Konteks::sistem(),
        app::akun::AkunBaru {
            instansi_id: iid.into(),
            username: username.clone(),
            nama: username.clone(),
            sandi: "sandi-uji-panjang-1".into(),
            pegawai_id: None,
            peran: peran.to_vec(),
        },
    )
    .await
    .unwrap();
    Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: p.id,
            username,
            nama: "x".into(),
            pegawai_id: None,
            peran: peran.to_vec(),
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

fn cari(teks: &str) -> ParamCari {
    ParamCari {
        cari: Some(teks.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn repositori_cari_dan_replikasi() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let publik = Konteks::publik(Bahasa::Id);

        // Kata dasar: "pelayanan" dan "layanan" menemukan hal yang sama.
        let a = ino::cari(l, &publik, &cari("pelayanan")).await.unwrap();
        let c = ino::cari(l, &publik, &cari("layanan")).await.unwrap();
        assert!(a.total > 5, "{b:?}: {}", a.total);
        assert_eq!(a.total, c.total, "{b:?}");
        // "sehat" menemukan inovasi yang menyebut "kesehatan".
        let s = ino::cari(l, &publik, &cari("sehat")).await.unwrap();
        assert!(s.total > 0);
        let pertama = ino::lihat(l, &publik, &s.isi[0].id).await.unwrap();
        let teks = format!(
            "{} {} {} {}",
            pertama.inovasi.judul,
            pertama.inovasi.solusi.clone().unwrap_or_default(),
            pertama.inovasi.hasil.clone().unwrap_or_default(),
            pertama.inovasi.unit_pemilik.clone().unwrap_or_default()
        )
        .to_lowercase();
        assert!(teks.contains("sehat"), "{b:?}: {teks}");
        // Salah ketik: "persuratn" → "surat"/"persuratan" tetap menemukan E-SURAT.
        let t = ino::cari(l, &publik, &cari("e-surat digitl"))
            .await
            .unwrap();
        assert!(
            t.isi.iter().any(|i| i.id == "lan-69"),
            "{b:?}: {:?} {:?}",
            t.koreksi,
            t.isi.iter().map(|i| &i.judul).collect::<Vec<_>>()
        );
        assert!(!t.koreksi.is_empty());
        // Yang paling cocok dulu: judul mengalahkan isi.
        let e = ino::cari(l, &publik, &cari("e-surat")).await.unwrap();
        assert_eq!(e.isi[0].id, "lan-69", "{b:?}");
        // Saringan wilayah: Jawa Timur (35) memuat Kota Surabaya (35.78).
        let w = ino::cari(
            l,
            &publik,
            &ParamCari {
                wilayah: Some("35".into()),
                per_halaman: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(w.total >= 18);
        assert!(w.isi.iter().all(|i| {
            i.kode_wilayah
                .as_deref()
                .is_some_and(|k| k == "35" || k.starts_with("35."))
        }));
        // Parameter salah: 422 per field.
        let g = ino::cari(
            l,
            &publik,
            &ParamCari {
                per_halaman: Some(1000),
                urusan: Some("9.99".into()),
                ..Default::default()
            },
        )
        .await;
        match g {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("per_halaman") && fields.contains_key("urusan"));
            }
            x => panic!("{x:?}"),
        }
        // Tanpa kata: semua, halaman demi halaman.
        let semua = ino::cari(l, &publik, &ParamCari::default()).await.unwrap();
        assert_eq!(semua.total, 200);
        assert_eq!(semua.isi.len(), 20);

        // Replikasi oleh Kota Ambon (operator inovasi).
        let op_ambon = orang(&d, &d.ambon, &[Peran::OperatorInovasi]).await;
        let pegawai_ambon = orang(&d, &d.ambon, &[Peran::Pegawai]).await;
        let m = MasukanReplikasi {
            adaptasi:
                "Surat elektronik untuk 12 OPD, disesuaikan dengan tanda tangan elektronik BSrE."
                    .into(),
            mulai: "2025-03-01".into(),
            penanggung_jawab: "Dinas Kominfo Kota Ambon".into(),
            unit_id: None,
        };
        let dilarang = rp::daftar(l, &pegawai_ambon, "lan-69", m.clone()).await;
        assert!(matches!(dilarang, Err(Galat::Dilarang(_))), "{dilarang:?}");
        let r = rp::daftar(l, &op_ambon, "lan-69", m.clone()).await.unwrap();
        assert_eq!(r.kode_wilayah.as_deref(), Some("81.71"));
        let dua = rp::daftar(l, &op_ambon, "lan-69", m.clone()).await;
        assert!(matches!(dua, Err(Galat::Konflik(_))), "{dua:?}");
        let kosong = rp::daftar(
            l,
            &op_ambon,
            "lan-68",
            MasukanReplikasi {
                adaptasi: "pendek".into(),
                mulai: "2099-01-01".into(),
                ..m.clone()
            },
        )
        .await;
        match kosong {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("adaptasi") && fields.contains_key("mulai"));
            }
            x => panic!("{x:?}"),
        }
        // Laporan semester; berhenti mengubah status.
        let lap = rp::lapor(
            l,
            &op_ambon,
            &r.id,
            MasukanLaporan {
                periode: "2025-S2".into(),
                masih_berjalan: false,
                capaian: "Anggaran server habis; kembali ke surat kertas sementara.".into(),
                bukti_id: None,
                tautan: Some("https://ambon.go.id/laporan".into()),
            },
        )
        .await
        .unwrap();
        assert_eq!(lap.masih_berjalan, 0);
        let detail = ino::lihat(l, &publik, "lan-69").await.unwrap();
        assert_eq!(detail.inovasi.jumlah_replikasi, 1);
        assert_eq!(detail.replikasi.len(), 1);
        assert_eq!(detail.replikasi[0].status, "berhenti");
        assert_eq!(
            detail.replikasi[0].laporan_periode.as_deref(),
            Some("2025-S2")
        );
        assert_eq!(detail.replikasi_berjalan, 0);
        // Instansi lain tidak melihat laporan replikasi Ambon (404).
        let op_buru = orang(&d, &d.buru, &[Peran::OperatorInovasi]).await;
        assert!(matches!(
            rp::laporan(l, &op_buru, &r.id).await,
            Err(Galat::TidakDitemukan(_))
        ));
        // Sebaran: nasional per provinsi, lalu per kabupaten/kota Maluku.
        let nas = ino::sebaran(l, &publik, None).await.unwrap();
        assert_eq!(nas[0].kode, "81");
        assert_eq!(nas[0].replikasi, 1);
        assert_eq!(nas[0].berjalan, 0);
        let prov = ino::sebaran(l, &publik, Some("81")).await.unwrap();
        assert_eq!(prov[0].kode, "81.71");
        assert_eq!(prov[0].nama, "Kota Ambon");

        // Konfirmasi pemilik: inovasi LAN tanpa pemilik di Kinerja hanya
        // dikonfirmasi super admin; instansi lain ditolak.
        let k = rp::konfirmasi(
            l,
            &op_buru,
            "lan-69",
            MasukanKonfirmasi {
                tahun: 2026,
                masih_berjalan: true,
                catatan: String::new(),
            },
        )
        .await;
        assert!(matches!(k, Err(Galat::Dilarang(_))), "{k:?}");
        let _ = &d.prov;
        let _ = &d.papua;
    }
}

fn bagian_lengkap(replikasi: bool) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for b in en::BAGIAN_KOMPETISI {
        if b.replikasi && !replikasi {
            continue;
        }
        m.insert(b.kode.to_string(), format!("{} — {}", b.id, "uraian yang cukup panjang untuk memenuhi batas minimal seratus karakter pada setiap bagian proposal inovasi."));
    }
    m
}

async fn bukti(l: &Layanan, k: &Konteks, iid: &str) -> String {
    let pdf = b"%PDF-1.4\n% bukti\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
    app::bukti::unggah(
        l,
        k,
        iid,
        vec![app::bukti::BerkasMasuk {
            nama: "bukti.pdf".into(),
            isi: pdf,
        }],
    )
    .await
    .unwrap()[0]
        .id
        .clone()
}

fn skor(v: &str) -> BTreeMap<String, String> {
    kp::rubrik_proposal()
        .into_iter()
        .map(|c| (c.kode, v.to_string()))
        .collect()
}

/// Juri menilai semua tugasnya: `v` untuk semua, 80 untuk `rendah`.
async fn nilai_semua(l: &Layanan, j: &Konteks, kid: &str, rendah: &str, v: &str) {
    for t in jr::tugas_saya(l, j, kid).await.unwrap() {
        let v = if t.entri_id == rendah { "80" } else { v };
        jr::nilai(
            l,
            j,
            &t.entri_id,
            3,
            t.versi,
            MasukanNilai {
                skor: skor(v),
                catatan: None,
                versi: None,
            },
        )
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn kompetisi_dari_pendaftaran_sampai_pengumuman() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        let panitia = orang(&d, &d.prov, &[Peran::OperatorInovasi]).await;
        let op_ambon = orang(&d, &d.ambon, &[Peran::OperatorInovasi]).await;
        let op_buru = orang(&d, &d.buru, &[Peran::OperatorInovasi]).await;
        let op_papua = orang(&d, &d.papua, &[Peran::OperatorInovasi]).await;
        let pegawai_ambon = orang(&d, &d.ambon, &[Peran::Pegawai]).await;

        // Kompetisi bawaan: Umum dan Replikasi, 6 tahap, Top 99 ≥ 85.
        let x = kp::buat(
            l,
            &panitia,
            MasukanKompetisi {
                nama: "KIPP Provinsi Maluku 2026".into(),
                tahun: 2026,
                tanggal_acuan: "2026-06-30".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(x.kelompok.len(), 2);
        assert_eq!(x.tahap.len(), 6);
        assert_eq!(x.tahap[2].tahap.nilai_minimum.as_deref(), Some("85"));
        assert_eq!(x.tahap[2].kriteria.len(), 5);
        let kid = x.kompetisi.id.clone();
        // Bukan penyelenggara tidak dapat membuka tahap.
        assert!(matches!(
            kp::buka_tahap(l, &op_ambon, &kid, 1).await,
            Err(Galat::Dilarang(_))
        ));
        kp::buka_tahap(l, &panitia, &kid, 1).await.unwrap();
        // Tahap tidak dibuka loncat.
        assert!(kp::buka_tahap(l, &panitia, &kid, 3).await.is_err());

        // Draf tidak lengkap tersimpan; pengajuan menandai yang kurang.
        let bid_ambon = bukti(l, &op_ambon, &d.ambon).await;
        let mut m = MasukanEntri {
            kelompok: "umum".into(),
            judul: "Ambon Sehat Keliling".into(),
            bagian: BTreeMap::from([("latar_belakang".to_string(), "Belum selesai".to_string())]),
            ..Default::default()
        };
        let e1 = en::buat(l, &op_ambon, &kid, m.clone()).await.unwrap();
        assert_eq!(e1.status, "draf");
        assert!(matches!(
            en::buat(l, &pegawai_ambon, &kid, m.clone()).await,
            Err(Galat::Dilarang(_))
        ));
        match en::ajukan(l, &op_ambon, &e1.id, e1.versi).await {
            Err(Galat::InputTidakValid { kode, fields, .. }) => {
                assert_eq!(kode, "entri_belum_lengkap");
                for f in [
                    "bagian.latar_belakang",
                    "bagian.deskripsi",
                    "tanggal_implementasi",
                    "video_url",
                    "boleh_direplikasi",
                    "bukti",
                ] {
                    assert!(fields.contains_key(f), "{f}: {fields:?}");
                }
                assert!(!fields.contains_key("bagian.perubahan"));
            }
            x => panic!("{x:?}"),
        }
        // Teks draf tetap utuh.
        let lihat = en::lihat(l, &op_ambon, &e1.id).await.unwrap();
        assert_eq!(lihat.isi_entri.bagian["latar_belakang"], "Belum selesai");
        // Entri instansi lain tidak terlihat (404), juga oleh penyelenggara selama draf.
        assert!(matches!(
            en::lihat(l, &op_buru, &e1.id).await,
            Err(Galat::TidakDitemukan(_))
        ));
        assert!(matches!(
            en::lihat(l, &panitia, &e1.id).await,
            Err(Galat::TidakDitemukan(_))
        ));
        // Bagian terlalu panjang ditolak dengan kolomnya.
        let mut panjang = m.clone();
        panjang.bagian.insert("deskripsi".into(), "x".repeat(8_001));
        match en::ubah(l, &op_ambon, &e1.id, e1.versi, panjang).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("bagian.deskripsi"))
            }
            x => panic!("{x:?}"),
        }
        // Lengkap tetapi baru diterapkan: tidak layak (belum setahun).
        m.bagian = bagian_lengkap(false);
        m.tanggal_implementasi = Some("2026-01-10".into());
        m.video_url = Some("https://video.example/ambon".into());
        m.boleh_direplikasi = true;
        m.bukti = vec![bid_ambon.clone()];
        let e1 = en::ubah(l, &op_ambon, &e1.id, e1.versi, m.clone())
            .await
            .unwrap();
        match en::ajukan(l, &op_ambon, &e1.id, e1.versi).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(
                    fields["tanggal_implementasi"].contains("satu tahun"),
                    "{fields:?}"
                );
            }
            x => panic!("{x:?}"),
        }
        m.tanggal_implementasi = Some("2024-02-01".into());
        let e1 = en::ubah(l, &op_ambon, &e1.id, e1.versi, m.clone())
            .await
            .unwrap();
        let e1 = en::ajukan(l, &op_ambon, &e1.id, e1.versi).await.unwrap();
        assert_eq!(e1.status, "diajukan");

        // Replikasi tanpa asal pemenang: tidak layak.
        let bid_buru = bukti(l, &op_buru, &d.buru).await;
        let mut r = MasukanEntri {
            kelompok: "replikasi".into(),
            judul: "Buru Surat Elektronik".into(),
            tanggal_implementasi: Some("2023-05-01".into()),
            bagian: bagian_lengkap(true),
            video_url: Some("https://video.example/buru".into()),
            boleh_direplikasi: true,
            asal_inovasi_id: Some("lan-69".into()),
            bukti: vec![bid_buru],
            ..Default::default()
        };
        let e2 = en::buat(l, &op_buru, &kid, r.clone()).await.unwrap();
        match en::ajukan(l, &op_buru, &e2.id, e2.versi).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("asal_inovasi_id"), "{fields:?}")
            }
            x => panic!("{x:?}"),
        }
        // Sebagai kelompok umum ia layak.
        r.kelompok = "umum".into();
        let e2 = en::ubah(l, &op_buru, &e2.id, e2.versi, r.clone())
            .await
            .unwrap();
        let e2 = en::ajukan(l, &op_buru, &e2.id, e2.versi).await.unwrap();
        // Papua: entri ketiga.
        let bid_papua = bukti(l, &op_papua, &d.papua).await;
        let p = MasukanEntri {
            judul: "Papua Layanan Adminduk Kampung".into(),
            bukti: vec![bid_papua],
            ..r.clone()
        };
        let e3 = en::buat(l, &op_papua, &kid, p).await.unwrap();
        let e3 = en::ajukan(l, &op_papua, &e3.id, e3.versi).await.unwrap();

        // Tutup pendaftaran; draf tidak dapat diajukan lagi.
        let t = hs::tutup_tahap(l, &panitia, &kid, 1, MasukanTutup::default())
            .await
            .unwrap();
        assert_eq!(t.lolos, 3);
        kp::buka_tahap(l, &panitia, &kid, 2).await.unwrap();
        // Seleksi administrasi: penolakan wajib beralasan.
        let tanpa = hs::putuskan(
            l,
            &panitia,
            &kid,
            2,
            MasukanKeputusan {
                entri_id: e3.id.clone(),
                lolos: false,
                alasan: None,
            },
        )
        .await;
        assert!(
            matches!(tanpa, Err(Galat::InputTidakValid { .. })),
            "{tanpa:?}"
        );
        for e in [&e1, &e2, &e3] {
            hs::putuskan(
                l,
                &panitia,
                &kid,
                2,
                MasukanKeputusan {
                    entri_id: e.id.clone(),
                    lolos: true,
                    alasan: None,
                },
            )
            .await
            .unwrap();
        }
        hs::tutup_tahap(l, &panitia, &kid, 2, MasukanTutup::default())
            .await
            .unwrap();

        // Juri: satu dari Kota Ambon (konflik dengan entri Ambon, dan wilayah
        // 81.71 ⊂ 81 tidak berkonflik dengan Buru 81.04), dua eksternal.
        let j_ambon = orang(&d, &d.ambon, &[Peran::Penilai]).await;
        let j_ext1 = orang(&d, &d.prov, &[Peran::Penilai]).await;
        let j_ext2 = orang(&d, &d.prov, &[Peran::Penilai]).await;
        for (j, ext) in [(&j_ambon, false), (&j_ext1, true), (&j_ext2, true)] {
            jr::tambah(
                l,
                &panitia,
                &kid,
                MasukanJuri {
                    tahap: Vec::new(),
                    username: j.aktor.as_ref().unwrap().username.clone(),
                    afiliasi: "Universitas Pattimura".into(),
                    eksternal: ext,
                },
            )
            .await
            .unwrap();
        }
        // Panel presentasi (tahap 4 saja) tidak ditugaskan di penilaian proposal.
        let j_tpi = orang(&d, &d.prov, &[Peran::Penilai]).await;
        let salah_tahap = jr::tambah(
            l,
            &panitia,
            &kid,
            MasukanJuri {
                username: j_tpi.aktor.as_ref().unwrap().username.clone(),
                afiliasi: "Tim Panel Independen".into(),
                eksternal: true,
                tahap: vec![2],
            },
        )
        .await;
        assert!(
            matches!(salah_tahap, Err(Galat::InputTidakValid { .. })),
            "{salah_tahap:?}"
        );
        jr::tambah(
            l,
            &panitia,
            &kid,
            MasukanJuri {
                username: j_tpi.aktor.as_ref().unwrap().username.clone(),
                afiliasi: "Tim Panel Independen".into(),
                eksternal: true,
                tahap: vec![4],
            },
        )
        .await
        .unwrap();
        // Juri eksternal menyatakan konflik atas entri Papua.
        jr::nyatakan_konflik(
            l,
            &j_ext2,
            &kid,
            MasukanKonflik {
                entri_id: e3.id.clone(),
                alasan: "Pernah menjadi konsultan inovasi ini.".into(),
            },
        )
        .await
        .unwrap();
        kp::buka_tahap(l, &panitia, &kid, 3).await.unwrap();
        let mut tahap3 = kp::lihat(l, &panitia, &kid).await.unwrap().tahap[2]
            .tahap
            .clone();
        // Minimal dua juri per entri agar penugasan dapat dipenuhi.
        let atur = kp::MasukanTahap {
            jenis: "penilaian".into(),
            nama: tahap3.nama.clone(),
            mulai: tahap3.mulai.clone(),
            selesai: tahap3.selesai.clone(),
            n_lolos: Some(1),
            nilai_minimum: Some("85".into()),
            min_juri: Some(2),
            penghargaan: Some("Top 99".into()),
            tingkat_penghargaan: Some("top99".into()),
            kriteria: kp::rubrik_proposal()
                .into_iter()
                .map(|c| kp::MasukanKriteria {
                    kode: c.kode,
                    nama: c.nama,
                    bobot: c.bobot,
                })
                .collect(),
            versi: None,
        };
        tahap3 = kp::atur_tahap(l, &panitia, &kid, 3, tahap3.versi, atur)
            .await
            .unwrap()
            .tahap;
        assert_eq!(tahap3.n_lolos, Some(1));
        let h = jr::tugaskan(l, &panitia, &kid, 3).await.unwrap();
        // Tiga entri × dua juri; beban seimbang (masing-masing 2).
        assert!(h.kurang.is_empty(), "{h:?}");
        assert_eq!(h.baru, 6);
        assert!(h.beban.values().all(|n| *n == 2), "{h:?}");
        assert!(jr::tugas_saya(l, &j_tpi, &kid).await.unwrap().is_empty());
        // Setiap juri diberi tahu tugas barunya, sekali.
        let n = app::notifikasi::daftar(l, &j_ext1).await.unwrap();
        assert_eq!(n.len(), 1, "{n:?}");
        assert!(n[0].judul.contains("entri baru untuk dinilai"));
        assert_eq!(
            n[0].tautan.as_deref(),
            Some(format!("/kompetisi/{kid}/penilaian").as_str())
        );
        // Juri Ambon tidak pernah ditugaskan entri Ambon; juri 2 tidak ke Papua.
        let tugas_ambon = jr::tugas_saya(l, &j_ambon, &kid).await.unwrap();
        assert!(tugas_ambon.iter().all(|t| t.entri_id != e1.id));
        let tugas2 = jr::tugas_saya(l, &j_ext2, &kid).await.unwrap();
        assert!(tugas2.iter().all(|t| t.entri_id != e3.id));
        // Juri tidak melihat entri yang tidak ditugaskan kepadanya.
        assert!(matches!(
            en::lihat(l, &j_ambon, &e1.id).await,
            Err(Galat::TidakDitemukan(_))
        ));

        // Menilai: skor semua kriteria, 0–100.
        let satu = jr::tugas_saya(l, &j_ext1, &kid).await.unwrap()[0]
            .entri_id
            .clone();
        let salah = jr::nilai(
            l,
            &j_ext1,
            &satu,
            3,
            1,
            MasukanNilai {
                skor: BTreeMap::from([("kebaruan".into(), "101".into())]),
                catatan: None,
                versi: None,
            },
        )
        .await;
        match salah {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(
                    fields.contains_key("skor.kebaruan")
                        && fields.contains_key("skor.signifikansi")
                );
            }
            x => panic!("{x:?}"),
        }
        for j in [&j_ambon, &j_ext1, &j_ext2] {
            nilai_semua(l, j, &kid, &e3.id, "90").await;
        }
        // Penyelenggara melihat kemajuan tanpa nilai selama tahap buka.
        let km = hs::kemajuan(l, &panitia, &kid, 3).await.unwrap();
        assert!(
            km.iter()
                .all(|e| e.nilai_juri.is_empty() && e.juri == e.sudah_menilai)
        );
        // Tutup: n = 1 per kelompok umum, e1 dan e2 seri di 90 → perlu keputusan.
        let t = hs::tutup_tahap(l, &panitia, &kid, 3, MasukanTutup::default())
            .await
            .unwrap();
        assert_eq!((t.lolos, t.seri, t.tidak_lolos), (0, 2, 1), "{t:?}");
        let km = hs::kemajuan(l, &panitia, &kid, 3).await.unwrap();
        assert!(km.iter().all(|e| !e.nilai_juri.is_empty()));
        assert!(matches!(
            hs::umumkan(l, &panitia, &kid, 3).await,
            Err(Galat::Status { .. })
        ));
        assert!(kp::buka_tahap(l, &panitia, &kid, 4).await.is_err());
        // Seri diputuskan dengan alasan; baru setelah itu diumumkan.
        hs::putuskan(
            l,
            &panitia,
            &kid,
            3,
            MasukanKeputusan {
                entri_id: e1.id.clone(),
                lolos: true,
                alasan: Some("Dampak lebih luas (12 puskesmas).".into()),
            },
        )
        .await
        .unwrap();
        hs::putuskan(
            l,
            &panitia,
            &kid,
            3,
            MasukanKeputusan {
                entri_id: e2.id.clone(),
                lolos: false,
                alasan: Some("Seri; kalah pada dampak.".into()),
            },
        )
        .await
        .unwrap();
        // Hasil belum diumumkan: publik belum melihat.
        let publik = Konteks::publik(Bahasa::Id);
        assert!(hs::daftar(l, &publik, &kid, 3).await.is_err());
        hs::umumkan(l, &panitia, &kid, 3).await.unwrap();
        let daftar = hs::daftar(l, &publik, &kid, 3).await.unwrap();
        assert_eq!(daftar.baris.len(), 1);
        assert_eq!(daftar.baris[0].entri_id, e1.id);
        assert_eq!(daftar.baris[0].nilai.as_deref(), Some("90.00"));
        assert!(daftar.baris[0].alasan.is_none());
        // Halaman pemenang di repositori dengan penghargaan Top 99.
        let ino_id = daftar.baris[0].inovasi_id.clone().unwrap();
        let halaman = ino::lihat(l, &publik, &ino_id).await.unwrap();
        assert_eq!(
            halaman.inovasi.tingkat_penghargaan.as_deref(),
            Some("top99")
        );
        assert!(
            halaman
                .inovasi
                .penghargaan
                .as_deref()
                .unwrap()
                .starts_with("Top 99")
        );
        let cari_pemenang = ino::cari(l, &publik, &cari("ambon keliling"))
            .await
            .unwrap();
        assert_eq!(cari_pemenang.isi[0].id, ino_id);
        // Pembuat entri diberi tahu keputusan setiap tahap (seleksi, penilaian).
        let n = app::notifikasi::daftar(l, &op_buru).await.unwrap();
        assert!(
            n.iter()
                .any(|x| x.judul.starts_with("Penilaian proposal: seri")),
            "{n:?}"
        );
        assert!(
            n.iter()
                .any(|x| x.judul.starts_with("Seleksi administrasi: lolos"))
        );
        assert!(
            n.iter().all(
                |x| x.tautan.as_deref() == Some(format!("/entri-kompetisi/{}", e2.id).as_str())
            )
        );
        // Peserta melihat hasil dan alasannya sendiri.
        let lihat_buru = en::lihat(l, &op_buru, &e2.id).await.unwrap();
        let h3 = lihat_buru.hasil.iter().find(|h| h.tahap == 3).unwrap();
        assert_eq!(h3.keputusan, "tidak_lolos");
        assert!(h3.alasan.as_deref().unwrap().contains("Seri"));
        // XLSX dan PDF lampiran dari daftar hasil.
        let x = hs::xlsx(&hs::daftar(l, &panitia, &kid, 3).await.unwrap(), Bahasa::Id).unwrap();
        assert!(x.starts_with(b"PK"));
        let pdf = hs::pdf(l, &kid, &daftar, "Sekretariat").await.unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        // Entri Buru sudah ditolak: kini layak untuk kompetisi berikut (bukan Top).
        let _ = e2;
    }
}

/// Pemantauan keberlanjutan dan replikasi (PKRI): mesin yang sama, bagian
/// laporan sendiri, inovasi repositori wajib, kelompok Keberlanjutan hanya
/// untuk bekas pemenang Top.
#[tokio::test]
async fn pemantauan_hanya_untuk_pemenang_terdahulu() {
    for b in backend_uji() {
        let d = dunia(b).await;
        let l = &d.l;
        assert!(app::demo::isi_inovasi(l).await.unwrap());
        let panitia = orang(&d, &d.prov, &[Peran::OperatorInovasi]).await;
        let op_ambon = orang(&d, &d.ambon, &[Peran::OperatorInovasi]).await;
        let x = kp::buat(
            l,
            &panitia,
            MasukanKompetisi {
                nama: "Pemantauan Keberlanjutan dan Replikasi Inovasi Maluku 2026".into(),
                tahun: 2026,
                jenis: Some("pemantauan".into()),
                tanggal_acuan: "2026-06-30".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let kode: Vec<&str> = x.kelompok.iter().map(|g| g.kode.as_str()).collect();
        assert_eq!(kode, ["keberlanjutan", "replikasi"]);
        assert_eq!(x.tahap[2].kriteria.len(), 3);
        let kid = x.kompetisi.id.clone();
        kp::buka_tahap(l, &panitia, &kid, 1).await.unwrap();
        let publik = Konteks::publik(Bahasa::Id);
        let pemenang = ino::cari(
            l,
            &publik,
            &ParamCari {
                cari: Some("sipandu ambon".into()),
                penghargaan: Some("top".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let sipandu = pemenang.isi[0].id.clone();
        let bid = bukti(l, &op_ambon, &d.ambon).await;
        let bagian: BTreeMap<String, String> = en::BAGIAN_PEMANTAUAN
            .iter()
            .filter(|b| !b.replikasi)
            .map(|b| (b.kode.to_string(), format!("{}: uraian keadaan terkini yang cukup panjang untuk memenuhi batas minimal seratus karakter per bagian.", b.id)))
            .collect();
        let m = MasukanEntri {
            kelompok: "keberlanjutan".into(),
            judul: "SIPANDU Ambon tiga tahun kemudian".into(),
            tanggal_implementasi: Some("2023-04-03".into()),
            bagian: bagian.clone(),
            video_url: Some("https://video.example/sipandu".into()),
            boleh_direplikasi: true,
            inovasi_id: Some(sipandu.clone()),
            bukti: vec![bid.clone()],
            ..Default::default()
        };
        let e = en::buat(l, &op_ambon, &kid, m.clone()).await.unwrap();
        en::ajukan(l, &op_ambon, &e.id, e.versi).await.unwrap();
        // Inovasi tanpa penghargaan Top: bukan untuk kelompok Keberlanjutan.
        let bukan = MasukanEntri {
            judul: "E-Surat Ambon".into(),
            inovasi_id: Some("lan-66".into()),
            ..m.clone()
        };
        let e2 = en::buat(l, &op_ambon, &kid, bukan).await.unwrap();
        match en::ajukan(l, &op_ambon, &e2.id, e2.versi).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("kelompok"), "{fields:?}")
            }
            x => panic!("{x:?}"),
        }
        // Tanpa inovasi repositori: ditolak dengan kolomnya.
        let tanpa = MasukanEntri {
            judul: "Tanpa inovasi".into(),
            inovasi_id: None,
            ..m
        };
        let e3 = en::buat(l, &op_ambon, &kid, tanpa).await.unwrap();
        match en::ajukan(l, &op_ambon, &e3.id, e3.versi).await {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert!(fields.contains_key("inovasi_id"), "{fields:?}")
            }
            x => panic!("{x:?}"),
        }
    }
}
