//! Aturan SAKIP: rekap triwulan, capaian, warna, saran predikat, nilai LKE.

use rules::Bahasa;
use rules::permenpanrb_6_2022::kurva::PredikatOrganisasi;
use rules::permenpanrb_8_2021::capaian::{Polaritas, Target};
use rules::permenpanrb_88_2021::PredikatAkip;
use rules::sakip::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}
fn q(v: [Option<&str>; 4]) -> [Option<Decimal>; 4] {
    v.map(|x| x.map(d))
}

#[test]
fn rekap_kumulatif_menjumlah_snapshot_mengambil_terakhir() {
    let r = q([Some("10"), Some("20"), None, None]);
    assert_eq!(
        realisasi_sampai(Rekap::Kumulatif, &r, 4),
        Some((d("30"), 2))
    );
    assert_eq!(realisasi_sampai(Rekap::Snapshot, &r, 4), Some((d("20"), 2)));
    assert_eq!(
        realisasi_sampai(Rekap::Kumulatif, &r, 1),
        Some((d("10"), 1))
    );
    assert_eq!(realisasi_sampai(Rekap::Snapshot, &[None; 4], 4), None);
    // Celah: triwulan 2 kosong, triwulan 3 terisi.
    let r = q([Some("5"), None, Some("7"), None]);
    assert_eq!(
        realisasi_sampai(Rekap::Kumulatif, &r, 3),
        Some((d("12"), 3))
    );
    assert_eq!(realisasi_sampai(Rekap::Snapshot, &r, 2), Some((d("5"), 1)));
}

fn ind(
    pol: Polaritas,
    rekap: Rekap,
    target: &str,
    tw: [Option<&str>; 4],
    real: [Option<&str>; 4],
) -> DataIndikator {
    DataIndikator {
        polaritas: pol,
        rekap,
        target: Some(Target::Tunggal(d(target))),
        target_triwulan: q(tw),
        realisasi: q(real),
    }
}

#[test]
fn capaian_dibanding_target_triwulan_data_terakhir() {
    // Kumulatif: 30 sampai TW2, target TW2 = 40 → 75 %.
    let x = ind(
        Polaritas::Positif,
        Rekap::Kumulatif,
        "100",
        [Some("20"), Some("40"), Some("70"), Some("100")],
        [Some("10"), Some("20"), None, None],
    );
    let c = capaian_indikator(&x, 4).unwrap().unwrap();
    assert_eq!(
        (c.triwulan, c.realisasi, c.capaian_persen, c.warna),
        (2, d("30"), d("75.00"), Warna::Kuning)
    );
    // Tanpa target triwulan: dibanding target tahunan.
    let x = ind(
        Polaritas::Positif,
        Rekap::Kumulatif,
        "100",
        [None; 4],
        [Some("10"), Some("20"), None, None],
    );
    assert_eq!(
        capaian_indikator(&x, 4).unwrap().unwrap().capaian_persen,
        d("30.00")
    );
    // Negatif snapshot (prevalensi stunting): target 20, realisasi 18 → 110 %.
    let x = ind(
        Polaritas::Negatif,
        Rekap::Snapshot,
        "20",
        [None; 4],
        [Some("22"), Some("18"), None, None],
    );
    let c = capaian_indikator(&x, 4).unwrap().unwrap();
    assert_eq!((c.capaian_persen, c.warna), (d("110.00"), Warna::Hijau));
    // Sampai TW1 saja: 22 vs 20 → 90 % (kuning, batas inklusif).
    assert_eq!(
        capaian_indikator(&x, 1).unwrap().unwrap().capaian_persen,
        d("90.00")
    );
    assert_eq!(warna(Some(d("90.00"))), Warna::Kuning);
    assert_eq!(warna(Some(d("90.01"))), Warna::Hijau);
    assert_eq!(warna(Some(d("69.99"))), Warna::Merah);
    assert_eq!(warna(None), Warna::Abu);
    // Tanpa realisasi: belum ada capaian; target nol positif: galat.
    let x = ind(
        Polaritas::Positif,
        Rekap::Snapshot,
        "5",
        [None; 4],
        [None; 4],
    );
    assert_eq!(capaian_indikator(&x, 4).unwrap(), None);
    let x = ind(
        Polaritas::Positif,
        Rekap::Snapshot,
        "0",
        [None; 4],
        [Some("1"), None, None, None],
    );
    assert!(capaian_indikator(&x, 4).is_err());
    // Target rentang: di dalam rentang = 100.
    let x = DataIndikator {
        polaritas: Polaritas::Positif,
        rekap: Rekap::Snapshot,
        target: Some(Target::Rentang {
            min: d("80"),
            max: d("90"),
        }),
        target_triwulan: [None; 4],
        realisasi: q([None, None, None, Some("85")]),
    };
    assert_eq!(
        capaian_indikator(&x, 4).unwrap().unwrap().capaian_persen,
        d("100.00")
    );
}

#[test]
fn saran_predikat_dengan_batas_dan_alasan() {
    let s = saran_predikat_organisasi(&[d("100"), d("80")], Bahasa::Id).unwrap();
    assert_eq!(
        (s.predikat, s.rata_rata),
        (PredikatOrganisasi::Baik, d("90.00"))
    );
    assert!(s.alasan.contains("90,00 %"), "{}", s.alasan);
    // Satu indikator 300 % dibatasi 120: (120 + 60) / 2 = 90.
    let s = saran_predikat_organisasi(&[d("300"), d("60")], Bahasa::Id).unwrap();
    assert_eq!(s.rata_rata, d("90.00"));
    assert_eq!(
        saran_predikat_organisasi(&[d("110")], Bahasa::En)
            .unwrap()
            .predikat,
        PredikatOrganisasi::Istimewa
    );
    assert_eq!(
        saran_predikat_organisasi(&[d("69.99")], Bahasa::Id)
            .unwrap()
            .predikat,
        PredikatOrganisasi::Kurang
    );
    assert_eq!(
        saran_predikat_organisasi(&[d("49.99")], Bahasa::Id)
            .unwrap()
            .predikat,
        PredikatOrganisasi::SangatKurang
    );
    assert_eq!(saran_predikat_organisasi(&[], Bahasa::Id), None);
}

#[test]
fn templat_bawaan_sah_dan_bernilai_seperti_evaluasi_akip() {
    let t = templat_bawaan();
    t.periksa().unwrap();
    let semua: Vec<_> = t.kriteria().cloned().collect();
    // Semua terbaik → 100, AA.
    let jawab: BTreeMap<String, String> = semua
        .iter()
        .map(|c| {
            (
                c.kode.clone(),
                if c.jenis == JenisJawaban::YaTidak {
                    "Y"
                } else {
                    "A"
                }
                .to_string(),
            )
        })
        .collect();
    let n = nilai_lke(&t, &jawab).unwrap();
    assert_eq!(
        (n.hasil.nilai, n.hasil.predikat),
        (d("100"), PredikatAkip::Aa)
    );
    assert_eq!(n.terjawab, n.kriteria);
    // Semua B/Y: keberadaan penuh (20 % bobot), sisanya 0,75 → 20 + 80 × 0,75 = 80 → BB (> 70, bukan > 80).
    let jawab: BTreeMap<String, String> = semua
        .iter()
        .map(|c| {
            (
                c.kode.clone(),
                if c.jenis == JenisJawaban::YaTidak {
                    "Y"
                } else {
                    "B"
                }
                .to_string(),
            )
        })
        .collect();
    let n = nilai_lke(&t, &jawab).unwrap();
    assert_eq!(
        (n.hasil.nilai, n.hasil.predikat),
        (d("80"), PredikatAkip::Bb)
    );
    // Kosong: 0, D, semua belum terjawab.
    let n = nilai_lke(&t, &BTreeMap::new()).unwrap();
    assert_eq!((n.hasil.predikat, n.terjawab), (PredikatAkip::D, 0));
    // Jawaban di luar pilihan: galat menunjuk kode kriteria.
    let salah = BTreeMap::from([("1.a.1".to_string(), "B".to_string())]);
    assert_eq!(nilai_lke(&t, &salah).unwrap_err().field, "1.a.1");
}

#[test]
fn templat_yang_salah_ditolak_di_tempatnya() {
    let mut t = templat_bawaan();
    t.komponen[0].sub[0].bobot = d("7");
    assert_eq!(t.periksa().unwrap_err().field, "komponen[0].sub");
    let mut t = templat_bawaan();
    t.komponen[1].bobot = d("31");
    assert_eq!(t.periksa().unwrap_err().field, "komponen[1].bobot");
    let mut t = templat_bawaan();
    t.komponen[0].sub[1].kriteria[0].kode = "1.a.1".into();
    assert_eq!(
        t.periksa().unwrap_err().field,
        "komponen[0].sub[1].kriteria[0].kode"
    );
    let mut t = templat_bawaan();
    t.komponen.pop();
    assert_eq!(t.periksa().unwrap_err().field, "komponen");
    let mut t = templat_bawaan();
    t.skala.remove("C");
    assert_eq!(t.periksa().unwrap_err().field, "skala.C");
}
