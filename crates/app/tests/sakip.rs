//! SAKIP (isu 10) di SQLite dan PostgreSQL: demo Maluku (pohon, yatim,
//! capaian yang sama di pohon, PK dan LKjIP), alur PK (usulan, keputusan
//! atasan, revisi), alur LKE (jawaban, pengajuan, tiga peninjau berbeda),
//! dan akses per peran dan hubungan.

use app::sakip::{self as sk};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use std::collections::HashMap;
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

fn aktor(iid: &str, id: &str, pegawai: Option<&str>, peran: &[Peran]) -> Konteks {
    Konteks::dengan(
        Aktor {
            instansi_id: iid.into(),
            pengguna_id: id.into(),
            username: id.into(),
            nama: id.into(),
            pegawai_id: pegawai.map(str::to_string),
            peran: peran.to_vec(),
            hanya_baca: false,
        },
        Bahasa::Id,
    )
}

async fn instansi(l: &Layanan, kode: &str) -> String {
    store::organisasi::semua_instansi(l.pool())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.kode_wilayah.as_deref() == Some(kode))
        .unwrap()
        .id
}

fn semua_simpul<'a>(s: &'a [sk::Simpul], keluar: &mut Vec<&'a sk::Simpul>) {
    for x in s {
        keluar.push(x);
        semua_simpul(&x.anak, keluar);
    }
}

fn dilarang<T: std::fmt::Debug>(r: Result<T, Galat>) {
    assert!(matches!(r, Err(Galat::Dilarang(_))), "harus 403: {r:?}");
}

#[tokio::test]
async fn demo_pohon_pk_dan_lkjip_memakai_capaian_yang_sama() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        assert!(app::demo::isi_demo(&l).await.unwrap());
        let maluku = instansi(&l, "81").await;
        let perencana = konteks(&l, "perencana").await;
        let p = sk::pohon(&l, &perencana, &maluku, 2026, 4).await.unwrap();
        assert_eq!(p.akar.len(), 2, "{b:?}: dua tujuan");
        let mut semua = Vec::new();
        semua_simpul(&p.akar, &mut semua);
        // Stunting: negatif, target 20, realisasi TW II 22,5 → (2 − 1,125) × 100.
        let stunting = semua
            .iter()
            .flat_map(|s| s.indikator.iter())
            .find(|i| i.nama == "Prevalensi balita stunting")
            .unwrap();
        assert_eq!(stunting.capaian_persen.as_deref(), Some("87.50"));
        assert_eq!(
            (stunting.warna.as_str(), stunting.triwulan),
            ("kuning", Some(2))
        );
        assert!(stunting.bukti_url.as_deref().unwrap().contains("/tw2"));
        // Kumulatif: 120 + 140 = 260 terhadap target TW II 300.
        let ikan = semua
            .iter()
            .flat_map(|s| s.indikator.iter())
            .find(|i| i.nama == "Produksi perikanan tangkap")
            .unwrap();
        assert_eq!(
            (ikan.realisasi.as_deref(), ikan.capaian_persen.as_deref()),
            (Some("260.00"), Some("86.67"))
        );
        // Sasaran pengendali banjir merah, dengan program dan sub kegiatan di bawahnya.
        let banjir = semua.iter().find(|s| s.kode == "S2.2").unwrap();
        assert_eq!(banjir.warna, "merah");
        assert_eq!(banjir.anak[0].jenis, "program");
        assert_eq!(banjir.anak[0].anak[0].anak[0].jenis, "subkegiatan");
        assert!(
            banjir.pejabat.is_some(),
            "pejabat penanggung jawab tertulis"
        );
        // Program kesehatan tampil di bawah sasaran kesehatan; kontributor lintas unit.
        let kes = semua.iter().find(|s| s.kode == "S1.1").unwrap();
        assert_eq!(kes.kontributor.len(), 2);
        assert!(kes.anak.iter().any(|a| a.kode == "1.02.02"));
        // Yatim: sasaran tata kelola tanpa program, sub kegiatan rehabilitasi sosial.
        assert!(p.sasaran_yatim.iter().any(|y| y.kode == "S1.3"));
        assert!(
            p.subkegiatan_yatim
                .iter()
                .any(|y| y.kode == "1.06.04.1.01.0001")
        );
        assert!(
            !p.subkegiatan_yatim
                .iter()
                .any(|y| y.kode == "1.02.02.1.04.0003")
        );

        // Capaian yang sama di pohon, PK dan LKjIP.
        let per_nama: HashMap<&str, Option<&str>> = semua
            .iter()
            .flat_map(|s| s.indikator.iter())
            .map(|i| (i.nama.as_str(), i.capaian_persen.as_deref()))
            .collect();
        let pk = sk::daftar_pk(&l, &perencana, &maluku, 2026).await.unwrap();
        assert_eq!(pk.len(), 4);
        let mut dibandingkan = 0;
        for x in &pk {
            for r in &x.baris {
                assert_eq!(
                    per_nama.get(r.baris.indikator.as_str()).copied().flatten(),
                    r.capaian_persen.as_deref(),
                    "{b:?} PK {}",
                    r.baris.indikator
                );
                dibandingkan += 1;
            }
        }
        let lk = sk::lkjip(&l, &perencana, &maluku, 2026).await.unwrap();
        assert_eq!(lk.iku.len(), 7);
        for r in &lk.iku {
            assert_eq!(
                per_nama.get(r.indikator.as_str()).copied().flatten(),
                r.capaian_persen.as_deref(),
                "{b:?} LKjIP {}",
                r.indikator
            );
            dibandingkan += 1;
        }
        assert!(dibandingkan >= 10);
        // Pembanding tahun lalu dan target akhir Renstra.
        let ipm = lk
            .iku
            .iter()
            .find(|r| r.indikator == "Indeks Pembangunan Manusia")
            .unwrap();
        assert_eq!(ipm.realisasi_tahun_lalu.as_deref(), Some("71.05"));
        assert_eq!(ipm.target_akhir_renstra.as_deref(), Some("72.50"));
        assert!(
            lk.program
                .iter()
                .any(|p| p.kode == "1.02.02" && p.pagu == "2000000000.00")
        );
        let e = lk.evaluasi.as_ref().unwrap();
        assert_eq!(e.status, "penjaminan_mutu");

        // PK Dinas Kesehatan: pihak pertama = kepala dinas demo (login pimpinan).
        let pimpinan = konteks(&l, app::demo::NIP_PIMPINAN).await;
        let pid = pimpinan.aktor.as_ref().unwrap().pegawai_id.clone();
        let dinkes = pk
            .iter()
            .find(|x| x.pk.status == "disetujui" && x.pk.pihak_pertama_id == pid)
            .expect("PK kepala dinkes");
        assert!(dinkes.baris.iter().all(|r| r.baris.sumber == "iku"));
        // Pimpinan unit melihat PK unitnya, bukan PK PUPR.
        let milik = sk::daftar_pk(&l, &pimpinan, &maluku, 2026).await.unwrap();
        assert!(
            milik.iter().all(|x| x.pk.unit_id == dinkes.pk.unit_id),
            "{b:?}"
        );
        // Saran predikat untuk unit dengan PK disetujui, dengan alasan.
        let saran = sk::saran_predikat(&l, &perencana, &maluku, 2026)
            .await
            .unwrap();
        assert_eq!(saran.len(), 2);
        assert!(saran.iter().all(|s| s.alasan.contains("Rata-rata capaian")));

        // LKE: 2026 sedang penjaminan mutu, dibandingkan dengan 2025 yang selesai.
        let lke = sk::lke(&l, &perencana, &maluku, 2026).await.unwrap();
        assert_eq!(
            (lke.status.as_str(), lke.terjawab, lke.kriteria),
            ("penjaminan_mutu", 32, 32)
        );
        let lalu = lke.tahun_lalu.as_ref().unwrap();
        assert_eq!(lalu.tahun, 2025);
        assert_eq!(lke.reviu.len(), 2, "ajukan + verifikasi");

        // Idempoten: demo kedua tidak menambah Renstra.
        assert!(!app::demo::isi_demo(&l).await.unwrap());
        assert_eq!(
            store::sakip::daftar_periode(l.pool(), &maluku)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn akses_sakip_per_peran_dan_hubungan() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        app::demo::isi_demo(&l).await.unwrap();
        let maluku = instansi(&l, "81").await;
        let ambon = instansi(&l, "81.71").await;
        let pegawai = konteks(&l, app::demo::NIP_PEGAWAI).await;
        let inspektur = konteks(&l, "inspektur").await;
        let perencana = konteks(&l, "perencana").await;
        let admin_ambon = konteks(&l, "admin.ambon").await;
        // Pohon dan LKjIP: dokumen publik instansi, dibaca pegawai biasa,
        // termasuk bukti berkas realisasi IKU (foto berita acara tanggul).
        let p = sk::pohon(&l, &pegawai, &maluku, 2026, 4).await.unwrap();
        let mut semua = Vec::new();
        semua_simpul(&p.akar, &mut semua);
        let tanggul = semua
            .iter()
            .flat_map(|s| s.indikator.iter())
            .find(|i| i.nama.starts_with("Panjang tanggul"))
            .unwrap();
        let bid = tanggul.bukti_id.clone().expect("bukti berkas TW II");
        app::bukti::lihat(&l, &pegawai, &maluku, &bid)
            .await
            .unwrap();
        dilarang(app::bukti::lihat(&l, &admin_ambon, &maluku, &bid).await);
        sk::lkjip(&l, &pegawai, &maluku, 2026).await.unwrap();
        // Instansi lain: tidak apa pun.
        dilarang(sk::pohon(&l, &admin_ambon, &maluku, 2026, 4).await);
        dilarang(sk::lke(&l, &admin_ambon, &maluku, 2026).await);
        dilarang(sk::daftar_pk(&l, &admin_ambon, &maluku, 2026).await);
        // Pegawai biasa tidak membaca LKE atau PK.
        dilarang(sk::lke(&l, &pegawai, &maluku, 2026).await);
        dilarang(sk::daftar_pk(&l, &pegawai, &maluku, 2026).await);
        // Inspektur membaca semua, hanya mengubah kolom reviu.
        assert_eq!(
            sk::daftar_pk(&l, &inspektur, &maluku, 2026)
                .await
                .unwrap()
                .len(),
            4
        );
        let jawab = sk::MasukanJawaban {
            jawaban: Some("Y".into()),
            catatan: None,
            bukti_id: None,
            bukti_url: None,
            versi: Some(1),
        };
        dilarang(sk::isi_jawaban(&l, &inspektur, &maluku, 2026, "1.a.1", jawab.clone()).await);
        let r = sk::reviu_jawaban(
            &l,
            &inspektur,
            &maluku,
            2026,
            "1.a.1",
            sk::MasukanReviuJawaban {
                jawaban_reviu: Some("T".into()),
                catatan_reviu: Some("Pedoman belum ditetapkan.".into()),
                versi: 1,
            },
        )
        .await
        .unwrap();
        assert_eq!(
            r.jawaban.as_deref(),
            Some("Y"),
            "jawaban mandiri tidak berubah"
        );
        // Perencana tidak memutuskan tahap reviu, dan tidak mengubah jawaban saat reviu.
        dilarang(
            sk::putuskan_tahap(
                &l,
                &perencana,
                &maluku,
                2026,
                sk::MasukanTahap {
                    keputusan: "setuju".into(),
                    komentar: None,
                },
            )
            .await,
        );
        let g = sk::isi_jawaban(
            &l,
            &perencana,
            &maluku,
            2026,
            "1.a.1",
            sk::MasukanJawaban {
                versi: Some(2),
                ..jawab
            },
        )
        .await;
        assert!(
            matches!(&g, Err(Galat::Status { kode, .. }) if kode == "lke_dalam_reviu"),
            "{g:?}"
        );
        // Peninjau yang sama tidak memutuskan dua tahap dalam satu putaran.
        let g = sk::putuskan_tahap(
            &l,
            &inspektur,
            &maluku,
            2026,
            sk::MasukanTahap {
                keputusan: "setuju".into(),
                komentar: None,
            },
        )
        .await;
        assert!(
            matches!(&g, Err(Galat::Status { kode, .. }) if kode == "peninjau_sama"),
            "{g:?}"
        );
        let mutu = konteks(&l, "pengendali.mutu").await;
        let x = sk::putuskan_tahap(
            &l,
            &mutu,
            &maluku,
            2026,
            sk::MasukanTahap {
                keputusan: "setuju".into(),
                komentar: None,
            },
        )
        .await
        .unwrap();
        assert_eq!(x.status, "evaluasi");
        // Nilai akhir memakai jawaban reviu (T menggantikan Y pada 1.a.1).
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert!(
            d(&x.nilai.nilai) < d(&x.nilai_mandiri.nilai),
            "{} vs {}",
            x.nilai.nilai,
            x.nilai_mandiri.nilai
        );
        // PK: pimpinan unit lain tidak memutuskan; pimpinan tidak mengusulkan PK unit lain.
        let pk = sk::daftar_pk(&l, &perencana, &maluku, 2026).await.unwrap();
        let usulan = pk.iter().find(|x| x.pk.status == "usulan").unwrap();
        let pimpinan = konteks(&l, app::demo::NIP_PIMPINAN).await;
        dilarang(
            sk::putuskan_pk(
                &l,
                &pimpinan,
                &maluku,
                &usulan.pk.id,
                sk::MasukanKeputusanPk {
                    keputusan: "setujui".into(),
                    catatan: None,
                    versi: usulan.pk.versi,
                },
            )
            .await,
        );
        dilarang(
            sk::ajukan_pk(
                &l,
                &pimpinan,
                &maluku,
                2026,
                sk::MasukanPk {
                    unit_id: usulan.pk.unit_id.clone(),
                    indikator: None,
                    alasan_perubahan: None,
                },
            )
            .await,
        );
        dilarang(sk::pk_satu(&l, &pimpinan, &maluku, &usulan.pk.id).await);
        // Realisasi IKU: pimpinan dinkes mengisi IKU sasaran unitnya, tidak IKU sasaran PUPR.
        let r = sk::renstra(&l, &perencana, &maluku, 2026).await.unwrap();
        let unit_dinkes = pk
            .iter()
            .find(|x| x.pk.pihak_pertama_id == pimpinan.aktor.as_ref().unwrap().pegawai_id)
            .unwrap()
            .pk
            .unit_id
            .clone();
        let milik = r
            .sasaran
            .iter()
            .find(|s| s.unit_id.as_deref() == Some(unit_dinkes.as_str()))
            .unwrap();
        let lain = r.sasaran.iter().find(|s| s.kode == "S2.2").unwrap();
        let iku_milik = r.iku.iter().find(|i| i.sasaran_id == milik.id).unwrap();
        let iku_lain = r.iku.iter().find(|i| i.sasaran_id == lain.id).unwrap();
        let isi = |versi| sk::MasukanRealisasiIku {
            realisasi: "21".into(),
            penjelasan: None,
            bukti_id: None,
            bukti_url: None,
            versi: Some(versi),
        };
        sk::simpan_realisasi_iku(&l, &pimpinan, &maluku, 2026, &iku_milik.id, 3, isi(0))
            .await
            .unwrap();
        dilarang(
            sk::simpan_realisasi_iku(&l, &pimpinan, &maluku, 2026, &iku_lain.id, 3, isi(0)).await,
        );
        // Versi basi: konflik.
        assert!(matches!(
            sk::simpan_realisasi_iku(&l, &pimpinan, &maluku, 2026, &iku_milik.id, 3, isi(0)).await,
            Err(Galat::Konflik(_))
        ));
        let _ = ambon;
    }
}

#[tokio::test]
async fn pk_berevisi_dan_lke_tiga_tahap() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        app::demo::isi_demo(&l).await.unwrap();
        let maluku = instansi(&l, "81").await;
        let sistem = Konteks::sistem();
        let pk = sk::daftar_pk(&l, &sistem, &maluku, 2026).await.unwrap();
        let disetujui = pk
            .iter()
            .find(|x| x.pk.status == "disetujui")
            .unwrap()
            .clone();
        // Revisi atas PK yang disetujui: alasan wajib.
        let m = sk::MasukanPk {
            unit_id: disetujui.pk.unit_id.clone(),
            indikator: None,
            alasan_perubahan: None,
        };
        assert!(
            matches!(sk::ajukan_pk(&l, &sistem, &maluku, 2026, m.clone()).await, Err(Galat::InputTidakValid { fields, .. }) if fields.contains_key("alasan_perubahan"))
        );
        let rev = sk::ajukan_pk(
            &l,
            &sistem,
            &maluku,
            2026,
            sk::MasukanPk {
                alasan_perubahan: Some("Pergantian kepala dinas".into()),
                ..m.clone()
            },
        )
        .await
        .unwrap();
        assert_eq!((rev.pk.revisi, rev.pk.status.as_str()), (1, "usulan"));
        // Usulan kedua selagi yang pertama menunggu: 409.
        let g = sk::ajukan_pk(
            &l,
            &sistem,
            &maluku,
            2026,
            sk::MasukanPk {
                alasan_perubahan: Some("x".into()),
                ..m
            },
        )
        .await;
        assert!(
            matches!(&g, Err(Galat::Status { kode, .. }) if kode == "pk_usulan_ada"),
            "{g:?}"
        );
        // Indikator di luar pohon unit itu ditolak di barisnya.
        let g = sk::ajukan_pk(
            &l,
            &sistem,
            &maluku,
            2026,
            sk::MasukanPk {
                unit_id: disetujui.pk.unit_id.clone(),
                indikator: Some(vec!["iku:bukan".into()]),
                alasan_perubahan: Some("x".into()),
            },
        )
        .await;
        assert!(g.is_err());
        // Atasan menyetujui revisi: yang lama menjadi `diganti`, riwayat tetap.
        let atasan = rev.pk.pihak_kedua_id.clone().unwrap();
        let ka = aktor(&maluku, "atasan", Some(&atasan), &[Peran::PimpinanUnit]);
        assert!(rev.boleh_putuskan == false, "sistem bukan pihak kedua");
        let basi = sk::putuskan_pk(
            &l,
            &ka,
            &maluku,
            &rev.pk.id,
            sk::MasukanKeputusanPk {
                keputusan: "setujui".into(),
                catatan: None,
                versi: rev.pk.versi + 5,
            },
        )
        .await;
        assert!(matches!(basi, Err(Galat::Konflik(_))));
        let ok = sk::putuskan_pk(
            &l,
            &ka,
            &maluku,
            &rev.pk.id,
            sk::MasukanKeputusanPk {
                keputusan: "setujui".into(),
                catatan: None,
                versi: rev.pk.versi,
            },
        )
        .await
        .unwrap();
        assert_eq!(ok.pk.status, "disetujui");
        let semua = sk::daftar_pk(&l, &sistem, &maluku, 2026).await.unwrap();
        let unit: Vec<_> = semua
            .iter()
            .filter(|x| x.pk.unit_id == disetujui.pk.unit_id)
            .collect();
        assert_eq!(unit.len(), 2);
        assert!(
            unit.iter()
                .any(|x| x.pk.revisi == 0 && x.pk.status == "diganti")
        );

        // LKE tahun baru: pengajuan ditolak bila ada kriteria kosong.
        let j = |x: &str| sk::MasukanJawaban {
            jawaban: Some(x.into()),
            catatan: None,
            bukti_id: None,
            bukti_url: None,
            versi: Some(0),
        };
        sk::isi_jawaban(&l, &sistem, &maluku, 2027, "1.a.1", j("Y"))
            .await
            .unwrap();
        let g = sk::isi_jawaban(&l, &sistem, &maluku, 2027, "1.b.1", j("Y")).await;
        assert!(
            matches!(&g, Err(Galat::InputTidakValid { fields, .. }) if fields.contains_key("jawaban")),
            "{g:?}"
        );
        let g = sk::ajukan_lke(&l, &sistem, &maluku, 2027, None).await;
        match g {
            Err(Galat::InputTidakValid { fields, .. }) => {
                assert_eq!(fields.len(), 31);
                assert!(fields.contains_key("4.c.2"));
            }
            x => panic!("harus 422: {x:?}"),
        }
        // Semua A/Y → 100, AA.
        let t = rules::sakip::templat_bawaan();
        for c in t.kriteria().skip(1) {
            let x = if c.jenis == rules::sakip::JenisJawaban::YaTidak {
                "Y"
            } else {
                "A"
            };
            sk::isi_jawaban(&l, &sistem, &maluku, 2027, &c.kode, j(x))
                .await
                .unwrap();
        }
        let x = sk::ajukan_lke(&l, &sistem, &maluku, 2027, None)
            .await
            .unwrap();
        assert_eq!(
            (
                x.status.as_str(),
                x.nilai.nilai.as_str(),
                x.nilai.predikat.as_str()
            ),
            ("verifikasi", "100.00", "AA")
        );
        // Kembalikan wajib berkomentar; lalu kembali ke pengisian.
        let i1 = konteks(&l, "inspektur").await;
        let g = sk::putuskan_tahap(
            &l,
            &i1,
            &maluku,
            2027,
            sk::MasukanTahap {
                keputusan: "kembalikan".into(),
                komentar: None,
            },
        )
        .await;
        assert!(matches!(g, Err(Galat::InputTidakValid { .. })));
        let x = sk::putuskan_tahap(
            &l,
            &i1,
            &maluku,
            2027,
            sk::MasukanTahap {
                keputusan: "kembalikan".into(),
                komentar: Some("Lengkapi bukti 2.b.1".into()),
            },
        )
        .await
        .unwrap();
        assert_eq!(x.status, "pengisian");
        // Putaran baru: peninjau yang sama boleh lagi di tahap verifikasi.
        sk::ajukan_lke(&l, &sistem, &maluku, 2027, None)
            .await
            .unwrap();
        for (u, st) in [
            ("inspektur", "penjaminan_mutu"),
            ("pengendali.mutu", "evaluasi"),
            ("pengendali.teknis", "selesai"),
        ] {
            let k = konteks(&l, u).await;
            let x = sk::putuskan_tahap(
                &l,
                &k,
                &maluku,
                2027,
                sk::MasukanTahap {
                    keputusan: "setuju".into(),
                    komentar: None,
                },
            )
            .await
            .unwrap();
            assert_eq!(x.status, st);
        }
        let x = sk::lke(&l, &sistem, &maluku, 2027).await.unwrap();
        assert_eq!(x.tahun_lalu.as_ref().unwrap().tahun, 2026);
        assert_eq!(x.reviu.len(), 6);
    }
}
