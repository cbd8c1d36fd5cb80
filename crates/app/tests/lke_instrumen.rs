//! LKE dengan instrumen lain (isu 10) di SQLite dan PostgreSQL: admin
//! nasional memuat kuesioner Mendagri (tingkat kematangan) dan MenPAN
//! (evaluasi kelembagaan) dari berkas wp-eval-sakip di `data/sakip/` untuk
//! satu tahun; perencana menjawab dengan kode pilihan, peninjau mengoreksi,
//! tiga tahap reviu, nilai dan pita predikat, dan perbandingan dengan tahun
//! lalu yang memakai templat lain. Galat berkas per field dalam bahasa
//! pengguna; yang bukan super admin ditolak.

use app::sakip::{self as sk};
use app::{Aktor, Bahasa, Galat, Konteks, Layanan, Peran};
use store::uji::{backend_uji, db_baru};

const MENDAGRI: &str = include_str!("../../../data/sakip/wp-eval-sakip_kuesioner_mendagri.json");
const MENPAN: &str = include_str!("../../../data/sakip/wp-eval-sakip_kuesioner_menpan.json");

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

async fn maluku(l: &Layanan) -> String {
    store::organisasi::semua_instansi(l.pool())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.kode_wilayah.as_deref() == Some("81"))
        .unwrap()
        .id
}

fn jawab(x: &str) -> sk::MasukanJawaban {
    sk::MasukanJawaban {
        jawaban: Some(x.into()),
        catatan: None,
        bukti_id: None,
        bukti_url: Some("https://kinerja.malukuprov.go.id/bukti/lke".into()),
        versi: Some(0),
    }
}

fn kolom<T: std::fmt::Debug>(r: Result<T, Galat>) -> std::collections::BTreeMap<String, String> {
    match r {
        Err(Galat::InputTidakValid { fields, .. }) => fields,
        x => panic!("harus 422: {x:?}"),
    }
}

#[tokio::test]
async fn kuesioner_mendagri_dan_menpan_dimuat_dijawab_direviu() {
    for b in backend_uji() {
        let l = Layanan::baru(db_baru(b).await.unwrap());
        app::demo::isi_demo(&l).await.unwrap();
        let iid = maluku(&l).await;
        let sistem = Konteks::sistem();
        let perencana = konteks(&l, "perencana").await;

        // Hanya super admin yang memuat templat.
        let g = sk::lke::muat_templat(&l, &perencana, 2030, "kuesioner_mendagri", MENDAGRI).await;
        assert!(matches!(g, Err(Galat::Dilarang(_))), "{b:?}: {g:?}");
        // Format tidak dikenal: galat di `format`, dengan daftar pilihan.
        let f = kolom(sk::lke::muat_templat(&l, &sistem, 2030, "excel", MENDAGRI).await);
        assert!(f["format"].contains("kuesioner_menpan"), "{f:?}");
        // Berkas rusak: galat menunjuk jalurnya di berkas, dalam bahasa pengguna.
        let rusak = MENPAN.replacen("\"bobot\":\"25\",", "", 1);
        let inggris = Konteks {
            bahasa: Bahasa::En,
            ..Konteks::sistem()
        };
        let f = kolom(sk::lke::muat_templat(&l, &inggris, 2030, "kuesioner_menpan", &rusak).await);
        assert_eq!(
            f["[0].kuesioner.bobot"],
            "[0].kuesioner.bobot must be between 0 and 100"
        );
        let f = kolom(sk::lke::muat_templat(&l, &sistem, 2030, "kuesioner_menpan", "{").await);
        assert!(f["templat"].starts_with("JSON templat tidak sah"), "{f:?}");
        // JSON LKE diberikan sebagai kuesioner: ditolak, bukan dimuat separuh.
        let f = kolom(
            sk::lke::muat_templat(
                &l,
                &sistem,
                2030,
                "kuesioner_mendagri",
                rules::sakip::TEMPLAT_BAWAAN_JSON,
            )
            .await,
        );
        assert!(f.contains_key("kuesioner"), "{f:?}");

        // Mendagri untuk 2030 dan sesudahnya.
        let t = sk::lke::muat_templat(&l, &sistem, 2030, "kuesioner_mendagri", MENDAGRI)
            .await
            .unwrap();
        assert_eq!(
            t.nama,
            "Kuesioner tingkat kematangan perangkat daerah (Kemendagri)"
        );
        // Tahun sebelumnya tetap LKE AKIP bawaan.
        let x = sk::lke(&l, &perencana, &iid, 2029).await.unwrap();
        assert_eq!((x.instrumen.as_str(), x.kriteria), ("akip", 32));
        let x = sk::lke(&l, &perencana, &iid, 2030).await.unwrap();
        assert_eq!(
            (
                x.status.as_str(),
                x.instrumen.as_str(),
                x.komponen.len(),
                x.kriteria
            ),
            ("belum_dimulai", "kuesioner", 11, 11)
        );
        let c = &x.komponen[0].sub[0].kriteria[0];
        assert_eq!((c.kode.as_str(), c.jenis.as_str()), ("1.a.1", "pilihan"));
        assert_eq!(c.pilihan, ["1", "2", "3", "4", "5"]);
        assert_eq!(c.opsi.len(), 5);
        assert_eq!(c.opsi[4].nilai, "1.00");
        assert!(c.opsi[0].uraian.starts_with("Tingkat I: "));
        assert!(
            c.opsi[0]
                .penjelasan
                .as_deref()
                .unwrap()
                .contains("Bukti dukung:")
        );
        assert_eq!(x.komponen[0].bobot, "9.10");

        // Jawaban di luar pilihan ditolak dengan daftar kodenya.
        let f = kolom(sk::isi_jawaban(&l, &perencana, &iid, 2030, "1.a.1", jawab("6")).await);
        assert_eq!(f["jawaban"], "Pilihan: 1, 2, 3, 4, 5");
        // Tingkat V, IV, lalu III untuk sembilan sisanya → 65,458 → 65,46, B.
        let kode: Vec<String> = x
            .komponen
            .iter()
            .flat_map(|k| k.sub.iter().flat_map(|s| s.kriteria.iter()))
            .map(|c| c.kode.clone())
            .collect();
        for (i, c) in kode.iter().enumerate() {
            let level = ["5", "4"].get(i).copied().unwrap_or("3");
            sk::isi_jawaban(&l, &perencana, &iid, 2030, c, jawab(level))
                .await
                .unwrap();
        }
        let x = sk::ajukan_lke(&l, &perencana, &iid, 2030, None)
            .await
            .unwrap();
        assert_eq!(
            (
                x.status.as_str(),
                x.nilai.nilai.as_str(),
                x.nilai.predikat.as_str()
            ),
            ("verifikasi", "65.46", "B")
        );
        assert_eq!(x.terjawab, 11);
        // Peninjau menurunkan variabel I ke tingkat IV: 65,458 − 9,10 × 0,2 = 63,638.
        let inspektur = konteks(&l, "inspektur").await;
        let j = store::sakip::jawaban_lke(l.pool(), &iid, &{
            store::sakip::lke_tahun(l.pool(), &iid, 2030)
                .await
                .unwrap()
                .unwrap()
                .id
        })
        .await
        .unwrap();
        let versi = j.iter().find(|j| j.kriteria_kode == "1.a.1").unwrap().versi;
        let f = kolom(
            sk::reviu_jawaban(
                &l,
                &inspektur,
                &iid,
                2030,
                "1.a.1",
                sk::MasukanReviuJawaban {
                    jawaban_reviu: Some("E".into()),
                    catatan_reviu: None,
                    versi,
                },
            )
            .await,
        );
        assert!(f.contains_key("jawaban_reviu"));
        sk::reviu_jawaban(
            &l,
            &inspektur,
            &iid,
            2030,
            "1.a.1",
            sk::MasukanReviuJawaban {
                jawaban_reviu: Some("4".into()),
                catatan_reviu: Some("Belum ada perbandingan alternatif kegiatan".into()),
                versi,
            },
        )
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
                &iid,
                2030,
                sk::MasukanTahap {
                    keputusan: "setuju".into(),
                    komentar: None,
                },
            )
            .await
            .unwrap();
            assert_eq!(x.status, st);
        }
        let x = sk::lke(&l, &perencana, &iid, 2030).await.unwrap();
        assert_eq!(
            (x.nilai.nilai.as_str(), x.nilai_mandiri.nilai.as_str()),
            ("63.64", "65.46")
        );
        let c = &x.komponen[0].sub[0].kriteria[0];
        assert_eq!(
            (c.jawaban.as_deref(), c.jawaban_reviu.as_deref()),
            (Some("5"), Some("4"))
        );

        // MenPAN untuk 2031: LKE 2030 tetap memakai salinan Mendagri-nya.
        let t = sk::lke::muat_templat(&l, &sistem, 2031, "kuesioner_menpan", MENPAN)
            .await
            .unwrap();
        assert_eq!(t.nama, "Kuesioner evaluasi kelembagaan (KemenPANRB)");
        let x = sk::lke(&l, &perencana, &iid, 2030).await.unwrap();
        assert_eq!(x.komponen.len(), 11);
        let x = sk::lke(&l, &perencana, &iid, 2031).await.unwrap();
        assert_eq!((x.komponen.len(), x.kriteria), (8, 62));
        assert_eq!(x.komponen[0].bobot, "25.00");
        assert_eq!(x.komponen[1].bobot, "12.50");
        let c = &x.komponen[0].sub[0].kriteria[0];
        assert_eq!(c.pilihan, ["1", "2", "3", "4"]);
        assert!(c.penjelasan.is_some());
        let kode: Vec<String> = x
            .komponen
            .iter()
            .flat_map(|k| k.sub.iter().flat_map(|s| s.kriteria.iter()))
            .map(|c| c.kode.clone())
            .collect();
        for c in &kode {
            sk::isi_jawaban(&l, &perencana, &iid, 2031, c, jawab("3"))
                .await
                .unwrap();
        }
        // Semua "setuju" (tipe 3): 124001/1848 = 67,1001… → 67,10, B.
        let x = sk::ajukan_lke(&l, &perencana, &iid, 2031, None)
            .await
            .unwrap();
        assert_eq!(
            (x.nilai.nilai.as_str(), x.nilai.predikat.as_str()),
            ("67.10", "B")
        );
        assert_eq!(x.komponen[0].nilai, "15.18");
        // Perbandingan tahunan: 2030 memakai templat lain, selisih tetap dihitung.
        let lalu = x.tahun_lalu.unwrap();
        assert_eq!(
            (
                lalu.tahun,
                lalu.nilai.as_str(),
                lalu.selisih.as_str(),
                lalu.sebanding
            ),
            (2030, "63.64", "3.46", false)
        );
        assert_eq!(
            lalu.templat,
            "Kuesioner tingkat kematangan perangkat daerah (Kemendagri)"
        );
        // Tahun sesudahnya memakai templat termuat terakhir (MenPAN, 2031).
        let x = sk::lke(&l, &perencana, &iid, 2032).await.unwrap();
        assert_eq!((x.kriteria, x.tahun_lalu.unwrap().sebanding), (62, true));
    }
}
