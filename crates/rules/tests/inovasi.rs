//! Aturan inovasi pelayanan publik (isu 12, docs/aturan-inovasi.md):
//! peringkat juri, kelayakan per kelompok, penugasan juri tanpa konflik,
//! dan bantuan teks pencarian.

use proptest::prelude::*;
use rules::Bahasa;
use rules::inovasi::{
    AlasanTidakLayak as A, AturanKelompok, CalonEntri, EntriDinilai, EntriTugas, GalatPeringkat,
    JuriTugas, KriteriaBobot, MasukanPeringkat, NilaiJuri, Penghargaan, TingkatPenghargaan,
    berkonflik, jarak_edit, kata_cari, kelayakan, nilai_juri, peringkat, setahun_sesudah,
    toleransi_salah_ketik, tugaskan_juri, wilayah_berkonflik,
};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use time::Date;
use time::macros::date;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn kriteria(bobot: &[(&str, &str)]) -> Vec<KriteriaBobot> {
    bobot
        .iter()
        .map(|(k, b)| KriteriaBobot {
            kode: k.to_string(),
            bobot: d(b),
        })
        .collect()
}

fn skor(s: &[(&str, &str)]) -> BTreeMap<String, Decimal> {
    s.iter().map(|(k, v)| (k.to_string(), d(v))).collect()
}

/// Rubrik satu kriteria berbobot 100: nilai juri = skornya.
fn tunggal() -> Vec<KriteriaBobot> {
    kriteria(&[("k", "100")])
}

/// Entri dengan satu nilai per juri (rubrik [`tunggal`]).
fn entri(id: &str, nilai: &[&str]) -> EntriDinilai {
    EntriDinilai {
        id: id.into(),
        nilai: nilai
            .iter()
            .enumerate()
            .map(|(j, v)| NilaiJuri {
                juri: format!("j{j}"),
                skor: skor(&[("k", v)]),
            })
            .collect(),
    }
}

fn masukan(n: u32, minimum: &str, entri: Vec<EntriDinilai>) -> MasukanPeringkat {
    MasukanPeringkat {
        n,
        nilai_minimum: d(minimum),
        kriteria: tunggal(),
        entri,
    }
}

fn urutan(h: &rules::inovasi::HasilPeringkat) -> Vec<(&str, String, u32)> {
    h.peringkat
        .iter()
        .map(|p| (p.id.as_str(), p.nilai.to_string(), p.urutan))
        .collect()
}

// ---------------------------------------------------------------------------
// Peringkat
// ---------------------------------------------------------------------------

#[test]
fn peringkat_seri_berbagi_1_1_3_dan_urut_id() {
    let h = peringkat(&masukan(
        10,
        "0",
        vec![
            entri("c", &["85"]),
            entri("b", &["90"]),
            entri("a", &["90"]),
            entri("d", &["70"]),
            entri("e", &["70"]),
        ],
    ))
    .unwrap();
    assert_eq!(
        urutan(&h),
        [
            ("a", "90.00".into(), 1),
            ("b", "90.00".into(), 1),
            ("c", "85.00".into(), 3),
            ("d", "70.00".into(), 4),
            ("e", "70.00".into(), 4),
        ]
    );
    assert_eq!(h.lolos, ["a", "b", "c", "d", "e"]);
    assert!(h.seri_di_batas.is_empty() && !h.perlu_keputusan);
}

#[test]
fn nilai_juri_jumlah_berbobot_tanpa_pembulatan() {
    let k = kriteria(&[("kebaruan", "40"), ("manfaat", "35"), ("lanjut", "25")]);
    let s = skor(&[("kebaruan", "90"), ("manfaat", "88"), ("lanjut", "85")]);
    // 36 + 30.8 + 21.25
    assert_eq!(nilai_juri(&k, &s), d("88.05"));
    let k = kriteria(&[("a", "33.3"), ("b", "33.3"), ("c", "33.4")]);
    let s = skor(&[("a", "80.5"), ("b", "81"), ("c", "79.25")]);
    // (2680.65 + 2697.3 + 2646.95) / 100 = 80.249 (tidak dibulatkan ke 2 desimal)
    assert_eq!(nilai_juri(&k, &s), d("80.249"));
}

#[test]
fn rata_rata_juri_dibulatkan_setengah_ke_atas() {
    // 88.125 → 88.13 (pembulatan bankir akan memberi 88.12).
    let h = peringkat(&masukan(1, "0", vec![entri("a", &["88.12", "88.13"])])).unwrap();
    assert_eq!(h.peringkat[0].nilai.to_string(), "88.13");
    // 241 / 3 = 80.333… → 80.33; 242 / 3 = 80.666… → 80.67.
    let h = peringkat(&masukan(
        2,
        "0",
        vec![
            entri("a", &["80", "80", "81"]),
            entri("b", &["80", "81", "81"]),
        ],
    ))
    .unwrap();
    assert_eq!(
        urutan(&h),
        [("b", "80.67".into(), 1), ("a", "80.33".into(), 2)]
    );
    // Pembulatan hanya sekali, pada rata-rata: 88.004 + 88.004 → 88.00, bukan dari nilai juri.
    let h = peringkat(&masukan(1, "0", vec![entri("a", &["88.005", "88.004"])])).unwrap();
    assert_eq!(h.peringkat[0].nilai.to_string(), "88.00");
}

#[test]
fn seri_di_batas_n_tidak_ditebak() {
    let h = peringkat(&masukan(
        2,
        "85",
        vec![
            entri("a", &["95"]),
            entri("c", &["90"]),
            entri("b", &["90"]),
            entri("d", &["86"]),
        ],
    ))
    .unwrap();
    assert_eq!(h.lolos, ["a"]);
    assert_eq!(h.seri_di_batas, ["b", "c"]);
    assert!(h.perlu_keputusan);
    // Seri yang dimulai di dalam kuota: semua yang bernilai batas diserahkan.
    let h = peringkat(&masukan(
        3,
        "85",
        vec![
            entri("a", &["95"]),
            entri("b", &["90"]),
            entri("c", &["90"]),
            entri("d", &["90"]),
            entri("e", &["80"]),
        ],
    ))
    .unwrap();
    assert_eq!(h.lolos, ["a"]);
    assert_eq!(h.seri_di_batas, ["b", "c", "d"]);
    assert!(h.perlu_keputusan);
    // Seri di dalam kuota (bukan di batas): tidak perlu keputusan.
    let h = peringkat(&masukan(
        3,
        "85",
        vec![
            entri("a", &["90"]),
            entri("b", &["90"]),
            entri("c", &["88"]),
            entri("d", &["87"]),
        ],
    ))
    .unwrap();
    assert_eq!(h.lolos, ["a", "b", "c"]);
    assert!(h.seri_di_batas.is_empty() && !h.perlu_keputusan);
    // Seri tepat di nilai minimum masih ≥ minimum: tetap perlu keputusan.
    let h = peringkat(&masukan(
        1,
        "85",
        vec![entri("a", &["85"]), entri("b", &["85"])],
    ))
    .unwrap();
    assert!(h.lolos.is_empty());
    assert_eq!(h.seri_di_batas, ["a", "b"]);
    assert!(h.perlu_keputusan);
}

#[test]
fn seri_di_bawah_nilai_minimum_tidak_lolos_tanpa_keputusan() {
    let h = peringkat(&masukan(
        2,
        "85",
        vec![
            entri("a", &["90"]),
            entri("b", &["80"]),
            entri("c", &["80"]),
        ],
    ))
    .unwrap();
    assert_eq!(h.lolos, ["a"]);
    assert!(h.seri_di_batas.is_empty() && !h.perlu_keputusan);
    let h = peringkat(&masukan(
        1,
        "85",
        vec![entri("a", &["84.99"]), entri("b", &["84.99"])],
    ))
    .unwrap();
    assert!(h.lolos.is_empty() && h.seri_di_batas.is_empty() && !h.perlu_keputusan);
    // Di bawah minimum tidak pernah lolos, walau kuota masih ada.
    let h = peringkat(&masukan(
        99,
        "85",
        vec![entri("a", &["85"]), entri("b", &["84.994"])],
    ))
    .unwrap();
    assert_eq!(h.lolos, ["a"]);
    assert_eq!(h.peringkat.len(), 2, "semua entri tetap diperingkat");
}

#[test]
fn n_nol_tidak_ada_yang_lolos() {
    let h = peringkat(&masukan(
        0,
        "0",
        vec![entri("a", &["90"]), entri("b", &["90"])],
    ))
    .unwrap();
    assert!(h.lolos.is_empty() && h.seri_di_batas.is_empty() && !h.perlu_keputusan);
    assert_eq!(h.peringkat.len(), 2);
    let h = peringkat(&masukan(3, "85", vec![])).unwrap();
    assert!(h.peringkat.is_empty() && h.lolos.is_empty());
}

#[test]
fn entri_tanpa_nilai_galat_menyebut_entri() {
    let g = peringkat(&masukan(
        1,
        "85",
        vec![entri("a", &["90"]), entri("INV-007", &[])],
    ))
    .unwrap_err();
    assert_eq!(
        g,
        GalatPeringkat::TanpaNilai {
            entri: 1,
            id: "INV-007".into()
        }
    );
    assert_eq!(g.field(), "entri[1].nilai");
    assert_eq!(g.kode(), "tanpa_nilai");
    assert!(g.pesan(Bahasa::Id).contains("INV-007"));
    assert!(g.pesan(Bahasa::En).contains("no judge's score"));
}

#[test]
fn galat_masukan_menyebut_field() {
    let dasar = || MasukanPeringkat {
        n: 2,
        nilai_minimum: d("85"),
        kriteria: kriteria(&[("a", "60"), ("b", "40")]),
        entri: vec![EntriDinilai {
            id: "e1".into(),
            nilai: vec![NilaiJuri {
                juri: "j1".into(),
                skor: skor(&[("a", "90"), ("b", "80")]),
            }],
        }],
    };
    assert!(peringkat(&dasar()).is_ok());
    type Ubah = Box<dyn Fn(&mut MasukanPeringkat)>;
    let kasus: Vec<(Ubah, &str, &str)> = vec![
        (
            Box::new(|m| m.kriteria[1].bobot = d("39.99")),
            "jumlah_bobot_bukan_100",
            "kriteria",
        ),
        (
            Box::new(|m| m.kriteria.clear()),
            "daftar_kosong",
            "kriteria",
        ),
        (
            Box::new(|m| m.kriteria[1].kode = "a".into()),
            "ganda",
            "kriteria[1].kode",
        ),
        (
            Box::new(|m| {
                m.kriteria[0].bobot = d("110");
                m.kriteria[1].bobot = d("-10");
            }),
            "di_luar_rentang",
            "kriteria[0].bobot",
        ),
        (
            Box::new(|m| {
                m.kriteria = (0..51)
                    .map(|i| KriteriaBobot {
                        kode: format!("k{i}"),
                        bobot: Decimal::ZERO,
                    })
                    .collect()
            }),
            "terlalu_banyak",
            "kriteria",
        ),
        (
            Box::new(|m| m.nilai_minimum = d("100.01")),
            "di_luar_rentang",
            "nilai_minimum",
        ),
        (
            Box::new(|m| {
                m.entri[0].nilai[0].skor.insert("c".into(), d("1"));
            }),
            "kriteria_tidak_dikenal",
            "entri[0].nilai[0].skor.c",
        ),
        (
            Box::new(|m| {
                m.entri[0].nilai[0].skor.remove("b");
            }),
            "kriteria_tidak_dinilai",
            "entri[0].nilai[0].skor.b",
        ),
        (
            Box::new(|m| {
                m.entri[0].nilai[0].skor.insert("b".into(), d("100.5"));
            }),
            "di_luar_rentang",
            "entri[0].nilai[0].skor.b",
        ),
        (
            Box::new(|m| {
                m.entri[0].nilai[0].skor.insert("a".into(), d("-0.5"));
            }),
            "di_luar_rentang",
            "entri[0].nilai[0].skor.a",
        ),
        (
            Box::new(|m| {
                let e = m.entri[0].clone();
                m.entri.push(e);
            }),
            "ganda",
            "entri[1].id",
        ),
        (
            Box::new(|m| {
                let j = m.entri[0].nilai[0].clone();
                m.entri[0].nilai.push(j);
            }),
            "ganda",
            "entri[0].nilai[1].juri",
        ),
        (
            Box::new(|m| {
                let j = m.entri[0].nilai[0].clone();
                m.entri[0].nilai = (0..51)
                    .map(|i| NilaiJuri {
                        juri: format!("j{i}"),
                        ..j.clone()
                    })
                    .collect();
            }),
            "terlalu_banyak",
            "entri[0].nilai",
        ),
        (
            Box::new(|m| {
                let e = m.entri[0].clone();
                m.entri = (0..20_001)
                    .map(|i| EntriDinilai {
                        id: format!("e{i}"),
                        ..e.clone()
                    })
                    .collect();
            }),
            "terlalu_banyak",
            "entri",
        ),
        (
            Box::new(|m| m.entri[0].id = " ".into()),
            "field_wajib",
            "entri[0].id",
        ),
    ];
    for (ubah, kode, field) in kasus {
        let mut m = dasar();
        ubah(&mut m);
        let g = peringkat(&m).unwrap_err();
        assert_eq!((g.kode(), g.field().as_str()), (kode, field), "{g:?}");
        for b in [Bahasa::Id, Bahasa::En] {
            assert!(g.pesan(b).starts_with(field), "{}", g.pesan(b));
        }
    }
}

// ---------------------------------------------------------------------------
// Kelayakan
// ---------------------------------------------------------------------------

fn calon(tanggal: Option<Date>) -> CalonEntri {
    CalonEntri {
        tanggal_implementasi: tanggal,
        penghargaan: vec![],
        asal_penghargaan: vec![],
        ada_asal: false,
        perubahan: String::new(),
    }
}

fn ph(tahun: i32, tingkat: TingkatPenghargaan) -> Penghargaan {
    Penghargaan { tahun, tingkat }
}

const ACUAN: Date = date!(2025 - 03 - 01);

#[test]
fn satu_tahun_untuk_semua_kelompok() {
    for aturan in AturanKelompok::SEMUA.iter().copied() {
        let mut c = calon(Some(date!(2024 - 03 - 01)));
        // Umum/Khusus/Replikasi punya syarat lain; yang diuji hanya syarat tanggal.
        c.penghargaan = if aturan == AturanKelompok::Khusus {
            vec![ph(2022, TingkatPenghargaan::Top)]
        } else {
            vec![]
        };
        c.ada_asal = true;
        c.asal_penghargaan = vec![ph(2021, TingkatPenghargaan::Top99)];
        c.perubahan = "Layanan dipindah ke aplikasi seluler desa".into();
        assert_eq!(
            kelayakan(aturan, &c, ACUAN),
            [],
            "{aturan}: tepat satu tahun"
        );
        c.tanggal_implementasi = Some(date!(2024 - 03 - 02));
        assert_eq!(kelayakan(aturan, &c, ACUAN), [A::BelumSetahun], "{aturan}");
        c.tanggal_implementasi = None;
        assert_eq!(
            kelayakan(aturan, &c, ACUAN),
            [A::TanpaTanggalImplementasi],
            "{aturan}"
        );
    }
}

#[test]
fn setahun_dari_29_februari_adalah_28_februari() {
    assert_eq!(
        setahun_sesudah(date!(2024 - 02 - 29)),
        date!(2025 - 02 - 28)
    );
    assert_eq!(
        setahun_sesudah(date!(2023 - 02 - 28)),
        date!(2024 - 02 - 28)
    );
    assert_eq!(
        setahun_sesudah(date!(2024 - 12 - 31)),
        date!(2025 - 12 - 31)
    );
    let c = calon(Some(date!(2024 - 02 - 29)));
    assert_eq!(
        kelayakan(AturanKelompok::Bebas, &c, date!(2025 - 02 - 28)),
        []
    );
    assert_eq!(
        kelayakan(AturanKelompok::Bebas, &c, date!(2025 - 02 - 27)),
        [A::BelumSetahun]
    );
}

#[test]
fn kelompok_umum() {
    let mut c = calon(Some(date!(2020 - 01 - 01)));
    assert_eq!(kelayakan(AturanKelompok::Umum, &c, ACUAN), []);
    c.penghargaan = vec![ph(2023, TingkatPenghargaan::Top99)];
    assert_eq!(
        kelayakan(AturanKelompok::Umum, &c, ACUAN),
        [],
        "sekali Top 99"
    );
    c.penghargaan.push(ph(2023, TingkatPenghargaan::Top99));
    assert_eq!(
        kelayakan(AturanKelompok::Umum, &c, ACUAN),
        [],
        "catatan ganda tahun yang sama bukan dua kali"
    );
    c.penghargaan.push(ph(2024, TingkatPenghargaan::Top99));
    assert_eq!(
        kelayakan(AturanKelompok::Umum, &c, ACUAN),
        [A::DuaKaliTop99]
    );
    c.penghargaan = vec![ph(2022, TingkatPenghargaan::Top)];
    assert_eq!(kelayakan(AturanKelompok::Umum, &c, ACUAN), [A::SudahTop]);
    c.penghargaan.extend([
        ph(2021, TingkatPenghargaan::Top99),
        ph(2023, TingkatPenghargaan::Top99),
    ]);
    c.tanggal_implementasi = None;
    assert_eq!(
        kelayakan(AturanKelompok::Umum, &c, ACUAN),
        [A::TanpaTanggalImplementasi, A::SudahTop, A::DuaKaliTop99]
    );
}

#[test]
fn kelompok_replikasi() {
    let mut c = calon(Some(date!(2023 - 06 - 01)));
    c.perubahan = "x".repeat(29);
    assert_eq!(
        kelayakan(AturanKelompok::Replikasi, &c, ACUAN),
        [A::TanpaAsal, A::TanpaPerubahan]
    );
    c.ada_asal = true;
    assert_eq!(
        kelayakan(AturanKelompok::Replikasi, &c, ACUAN),
        [A::AsalBukanPemenang, A::TanpaPerubahan]
    );
    c.asal_penghargaan = vec![ph(2019, TingkatPenghargaan::Top99)];
    // Spasi tepi tidak dihitung; 30 karakter (bukan bita) cukup.
    c.perubahan = format!("   {}   ", "é".repeat(29));
    assert_eq!(
        kelayakan(AturanKelompok::Replikasi, &c, ACUAN),
        [A::TanpaPerubahan]
    );
    c.perubahan = format!("   {}   ", "é".repeat(30));
    assert_eq!(kelayakan(AturanKelompok::Replikasi, &c, ACUAN), []);
    c.asal_penghargaan = vec![ph(2018, TingkatPenghargaan::Top)];
    assert_eq!(kelayakan(AturanKelompok::Replikasi, &c, ACUAN), []);
    // Penghargaan replikasi itu sendiri tidak membatasi kelompok ini.
    c.penghargaan = vec![ph(2023, TingkatPenghargaan::Top)];
    assert_eq!(kelayakan(AturanKelompok::Replikasi, &c, ACUAN), []);
}

#[test]
fn kelompok_khusus_dan_bebas() {
    let mut c = calon(Some(date!(2020 - 01 - 01)));
    assert_eq!(
        kelayakan(AturanKelompok::Khusus, &c, ACUAN),
        [A::BelumPernahTop]
    );
    c.penghargaan = vec![
        ph(2021, TingkatPenghargaan::Top99),
        ph(2022, TingkatPenghargaan::Top99),
    ];
    assert_eq!(
        kelayakan(AturanKelompok::Khusus, &c, ACUAN),
        [A::BelumPernahTop]
    );
    c.penghargaan.push(ph(2023, TingkatPenghargaan::Top));
    assert_eq!(kelayakan(AturanKelompok::Khusus, &c, ACUAN), []);
    assert_eq!(kelayakan(AturanKelompok::Bebas, &c, ACUAN), []);
    assert_eq!(
        kelayakan(AturanKelompok::Umum, &c, ACUAN),
        [A::SudahTop, A::DuaKaliTop99]
    );
}

#[test]
fn kode_dan_serde_kelayakan() {
    for a in AturanKelompok::SEMUA {
        assert_eq!(AturanKelompok::dari_kode(a.kode()), Some(*a));
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::json!(a.kode())
        );
    }
    assert_eq!(AturanKelompok::dari_kode("Umum"), None);
    assert_eq!(
        serde_json::to_value(TingkatPenghargaan::Top99).unwrap(),
        serde_json::json!("top99")
    );
    let p: Penghargaan = serde_json::from_str(r#"{"tahun": 2023, "tingkat": "top"}"#).unwrap();
    assert_eq!(p, ph(2023, TingkatPenghargaan::Top));
    let kode: Vec<&str> = A::SEMUA.iter().map(|a| a.kode()).collect();
    assert_eq!(
        kode,
        [
            "belum_setahun",
            "tanpa_tanggal_implementasi",
            "sudah_top",
            "dua_kali_top99",
            "tanpa_asal",
            "asal_bukan_pemenang",
            "tanpa_perubahan",
            "belum_pernah_top"
        ]
    );
    for a in A::SEMUA {
        assert!(!a.pesan(Bahasa::Id).is_empty() && a.pesan(Bahasa::Id) != a.pesan(Bahasa::En));
    }
}

// ---------------------------------------------------------------------------
// Penugasan juri
// ---------------------------------------------------------------------------

fn et(id: &str, instansi: &str, wilayah: Option<&str>) -> EntriTugas {
    EntriTugas {
        id: id.into(),
        instansi_id: instansi.into(),
        wilayah: wilayah.map(Into::into),
    }
}

fn jt(id: &str, instansi: Option<&str>, wilayah: Option<&str>, konflik: &[&str]) -> JuriTugas {
    JuriTugas {
        id: id.into(),
        instansi_id: instansi.map(Into::into),
        wilayah: wilayah.map(Into::into),
        konflik: konflik.iter().map(|s| s.to_string()).collect(),
    }
}

fn pasangan(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn konflik_instansi_wilayah_dan_pernyataan() {
    let e = et("e1", "pemprov-maluku", Some("81.01"));
    assert!(berkonflik(&e, &jt("j", Some("pemprov-maluku"), None, &[])));
    assert!(!berkonflik(&e, &jt("j", None, None, &[])), "juri eksternal");
    assert!(
        berkonflik(&e, &jt("j", None, Some("81"), &[])),
        "provinsi memuat kabupaten"
    );
    assert!(berkonflik(&e, &jt("j", None, Some("81.01"), &[])));
    assert!(!berkonflik(&e, &jt("j", None, Some("81.02"), &[])));
    assert!(!berkonflik(&e, &jt("j", None, Some("8"), &[])));
    assert!(berkonflik(&e, &jt("j", None, Some("81.01.02"), &[])));
    assert!(
        berkonflik(&e, &jt("j", Some("lain"), Some("31"), &["e1"])),
        "dinyatakan"
    );
    assert!(!berkonflik(&e, &jt("j", Some("lain"), Some("31"), &["e2"])));
    assert!(wilayah_berkonflik("81", "81.01"));
    assert!(wilayah_berkonflik("81.01", "81"));
    assert!(!wilayah_berkonflik("81", "811"));
    assert!(!wilayah_berkonflik("811", "81"));
    assert!(!wilayah_berkonflik("", ""));
    assert!(!wilayah_berkonflik("", "81"));
}

#[test]
fn penugasan_menghindari_konflik() {
    let entri = vec![et("e1", "i1", Some("81.01")), et("e2", "i2", Some("31.71"))];
    let juri = vec![
        jt("ja", Some("i1"), None, &[]),      // instansi sama dengan e1
        jt("jb", None, Some("81"), &[]),      // provinsi e1
        jt("jc", None, Some("811"), &["e2"]), // bukan awalan bertitik; konflik dinyatakan e2
        jt("jd", None, Some("31"), &[]),      // provinsi e2
    ];
    let h = tugaskan_juri(&entri, &juri, &[], 2);
    assert_eq!(
        h.baru,
        pasangan(&[("e1", "jc"), ("e1", "jd"), ("e2", "ja"), ("e2", "jb")])
    );
    assert!(h.kurang.is_empty());
    for (e, j) in &h.baru {
        let e = entri.iter().find(|x| &x.id == e).unwrap();
        let j = juri.iter().find(|x| &x.id == j).unwrap();
        assert!(!berkonflik(e, j));
    }
}

#[test]
fn beban_seimbang_tanpa_konflik() {
    for (ne, nj, min) in [(10, 4, 2), (7, 3, 1), (25, 6, 3), (5, 8, 2), (13, 5, 5)] {
        let entri: Vec<EntriTugas> = (0..ne)
            .map(|i| et(&format!("e{i:02}"), &format!("i{i}"), None))
            .collect();
        let juri: Vec<JuriTugas> = (0..nj)
            .map(|j| jt(&format!("j{j}"), None, None, &[]))
            .collect();
        let h = tugaskan_juri(&entri, &juri, &[], min);
        assert!(h.kurang.is_empty(), "{ne} {nj} {min}");
        let mut beban: HashMap<&str, usize> = juri.iter().map(|j| (j.id.as_str(), 0)).collect();
        let mut per_entri: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for (e, j) in &h.baru {
            *beban.get_mut(j.as_str()).unwrap() += 1;
            assert!(per_entri.entry(e).or_default().insert(j), "juri ganda");
        }
        assert!(per_entri.values().all(|s| s.len() == min));
        let (lo, hi) = (beban.values().min().unwrap(), beban.values().max().unwrap());
        assert!(hi - lo <= 1, "{ne} {nj} {min}: {beban:?}");
    }
}

#[test]
fn penugasan_lama_dihormati() {
    let entri = vec![
        et("e1", "i1", None),
        et("e2", "i2", None),
        et("e3", "i3", None),
    ];
    let juri = vec![
        jt("ja", None, None, &[]),
        jt("jb", Some("i1"), None, &[]),
        jt("jc", None, None, &[]),
    ];
    // jb kini berkonflik dengan e1, tetapi penugasan lamanya tidak dicabut
    // dan dihitung; pasangan ganda dihitung sekali.
    let sudah = pasangan(&[("e1", "jb"), ("e1", "jb"), ("e2", "ja"), ("e2", "jc")]);
    let h = tugaskan_juri(&entri, &juri, &sudah, 2);
    for p in &sudah {
        assert!(!h.baru.contains(p), "penugasan lama tidak diulang");
    }
    // Beban awal ja 1, jb 1, jc 1. Juri layak tersisa: e2 1 (jb), e1 2 (ja,
    // jc), e3 3. e2 sudah cukup; e1 perlu 1 → ja (beban sama, id); e3 perlu 2
    // → jb dan jc (beban 1) sebelum ja (beban 2).
    assert_eq!(
        h.baru,
        pasangan(&[("e1", "ja"), ("e3", "jb"), ("e3", "jc")])
    );
    assert!(h.kurang.is_empty());
    // Minimum sudah terpenuhi penugasan lama: tidak ada yang baru.
    let h = tugaskan_juri(&entri[1..2], &juri, &sudah, 2);
    assert!(h.baru.is_empty() && h.kurang.is_empty());
}

#[test]
fn entri_kekurangan_juri_dilaporkan() {
    let entri = vec![
        et("e1", "i1", Some("81.01")),
        et("e2", "i2", None),
        et("e3", "i3", None),
    ];
    let juri = vec![
        jt("ja", Some("i1"), None, &[]),
        jt("jb", None, Some("81"), &["e2"]),
    ];
    let sudah = pasangan(&[("e3", "jx")]); // juri yang sudah tidak ada di daftar tetap dihitung
    let h = tugaskan_juri(&entri, &juri, &sudah, 3);
    assert_eq!(
        h.baru,
        pasangan(&[("e2", "ja"), ("e3", "ja"), ("e3", "jb")])
    );
    // e1: semua juri berkonflik; e2: hanya ja; e3 cukup (satu dari penugasan lama).
    assert_eq!(h.kurang, [("e1".to_string(), 0), ("e2".to_string(), 1)]);
    assert!(tugaskan_juri(&entri, &juri, &[], 0).baru.is_empty());
}

#[test]
fn penugasan_deterministik_tidak_bergantung_urutan_masukan() {
    let entri: Vec<EntriTugas> = (0..40)
        .map(|i| {
            et(
                &format!("e{i}"),
                &format!("i{}", i % 7),
                Some(&format!("{}", 11 + i % 5)),
            )
        })
        .collect();
    let juri: Vec<JuriTugas> = (0..9)
        .map(|j| {
            jt(
                &format!("j{j}"),
                Some(&format!("i{j}")),
                Some(&format!("{}.0{}", 11 + j % 5, j % 3 + 1)),
                &[],
            )
        })
        .collect();
    let a = tugaskan_juri(&entri, &juri, &[], 3);
    let mut e2 = entri.clone();
    e2.reverse();
    let mut j2 = juri.clone();
    j2.reverse();
    let b = tugaskan_juri(&e2, &j2, &[], 3);
    assert_eq!(a, b);
}

#[test]
fn penugasan_3500_entri_60_juri() {
    let entri: Vec<EntriTugas> = (0..3500)
        .map(|i| {
            et(
                &format!("INV-{i:05}"),
                &format!("pemda-{}", i % 548),
                Some(&format!("{}.{:02}", 11 + i % 38, i % 30 + 1)),
            )
        })
        .collect();
    let juri: Vec<JuriTugas> = (0..60)
        .map(|j| {
            let instansi = (j % 3 != 0).then(|| format!("pemda-{}", j * 7));
            let wilayah = (j % 2 == 0).then(|| format!("{}", 11 + j % 38));
            let konflik: Vec<String> = (0..5).map(|k| format!("INV-{:05}", j * 50 + k)).collect();
            JuriTugas {
                id: format!("juri-{j:02}"),
                instansi_id: instansi,
                wilayah,
                konflik: konflik.into_iter().collect(),
            }
        })
        .collect();
    let sudah: Vec<(String, String)> = (0..200)
        .map(|i| (format!("INV-{i:05}"), format!("juri-{:02}", i % 60)))
        .collect();
    let h = tugaskan_juri(&entri, &juri, &sudah, 3);
    assert!(h.kurang.is_empty());
    let pe: HashMap<&str, &EntriTugas> = entri.iter().map(|e| (e.id.as_str(), e)).collect();
    let pj: HashMap<&str, &JuriTugas> = juri.iter().map(|j| (j.id.as_str(), j)).collect();
    let mut unik = HashSet::new();
    for (e, j) in &h.baru {
        assert!(!berkonflik(pe[e.as_str()], pj[j.as_str()]), "{e} {j}");
        assert!(unik.insert((e, j)));
    }
    assert_eq!(h.baru.len() + sudah.len(), 3500 * 3);
}

// ---------------------------------------------------------------------------
// Teks pencarian
// ---------------------------------------------------------------------------

#[test]
fn kata_cari_mengambil_kata_dasar() {
    assert_eq!(kata_cari("pelayanan"), kata_cari("layanan"));
    assert_eq!(kata_cari("kesehatan"), kata_cari("sehat"));
    assert_eq!(kata_cari("Kesehatan"), ["sehat"]);
    assert_eq!(kata_cari("pelayanan"), ["layan"]);
    assert_eq!(
        kata_cari("Inovasi pelayanan KESEHATAN di desa, 2024!"),
        ["inovasi", "layan", "sehat", "desa", "2024"]
    );
}

#[test]
fn kata_cari_membuang_kata_henti_dan_token_pendek() {
    assert_eq!(kata_cari("yang dan di dari"), Vec::<String>::new());
    assert_eq!(kata_cari("a b 1 x-ray"), ["ray"]);
    assert_eq!(kata_cari("112 / 7 / 2024"), ["112", "2024"]);
    assert_eq!(kata_cari(""), Vec::<String>::new());
    let panjang = "desa ".repeat(20_000);
    assert_eq!(kata_cari(&panjang).len(), rules::inovasi::MAKS_TOKEN_CARI);
}

#[test]
fn jarak_edit_berbatas() {
    assert_eq!(jarak_edit("kesehatn", "kesehatan", 1), Some(1));
    assert_eq!(jarak_edit("kesehatan", "kesehatan", 0), Some(0));
    assert_eq!(jarak_edit("ksehatn", "kesehatan", 1), None);
    assert_eq!(jarak_edit("ksehatn", "kesehatan", 2), Some(2));
    assert_eq!(jarak_edit("inovasi", "inovsai", 2), Some(2));
    assert_eq!(jarak_edit("", "abc", 3), Some(3));
    assert_eq!(jarak_edit("", "abc", 2), None);
    assert_eq!(jarak_edit("layanan", "layanan", usize::MAX), Some(0));
    assert_eq!(jarak_edit("ab", "cd", usize::MAX), Some(2));
    // Per karakter, bukan bita.
    assert_eq!(jarak_edit("éa", "ea", 1), Some(1));
    // Panjang dengan pita sempit tetap cepat.
    let a = "a".repeat(100_000);
    let b = format!("{a}b");
    assert_eq!(jarak_edit(&a, &b, 2), Some(1));
}

#[test]
fn toleransi_menurut_panjang() {
    for (k, t) in [
        ("", 0),
        ("bpjs", 1),
        ("ktp", 0),
        ("sehat", 1),
        ("layanan", 1),
        ("kesehatan", 2),
        ("pelayan", 1),
        ("pelayana", 2),
        ("éééé", 1),
    ] {
        assert_eq!(toleransi_salah_ketik(k), t, "{k}");
    }
}

// ---------------------------------------------------------------------------
// Properti
// ---------------------------------------------------------------------------

fn skor_strategi() -> impl Strategy<Value = Decimal> {
    // 0–100 dengan sampai 2 desimal; nilai sedikit supaya seri sering terjadi.
    prop_oneof![
        (0i64..=10_000).prop_map(|x| Decimal::new(x, 2)),
        prop::sample::select(vec![80i64, 85, 90]).prop_map(Decimal::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn peringkat_konsisten(
        nilai in prop::collection::vec(prop::collection::vec(skor_strategi(), 1..4), 0..25),
        n in 0u32..30,
        minimum in prop::sample::select(vec![0i64, 80, 85, 90, 100]),
    ) {
        let m = MasukanPeringkat {
            n,
            nilai_minimum: Decimal::from(minimum),
            kriteria: tunggal(),
            entri: nilai.iter().enumerate().map(|(i, v)| EntriDinilai {
                id: format!("e{i:02}"),
                nilai: v.iter().enumerate().map(|(j, s)| NilaiJuri {
                    juri: format!("j{j}"),
                    skor: BTreeMap::from([("k".to_string(), *s)]),
                }).collect(),
            }).collect(),
        };
        let h = peringkat(&m).unwrap();
        prop_assert_eq!(h.peringkat.len(), m.entri.len());
        let nilai_id: HashMap<&str, Decimal> =
            h.peringkat.iter().map(|p| (p.id.as_str(), p.nilai)).collect();
        prop_assert!(h.lolos.len() <= n as usize);
        for id in &h.lolos {
            prop_assert!(nilai_id[id.as_str()] >= m.nilai_minimum);
        }
        for id in &h.seri_di_batas {
            prop_assert!(nilai_id[id.as_str()] >= m.nilai_minimum);
        }
        prop_assert_eq!(h.perlu_keputusan, !h.seri_di_batas.is_empty());
        // lolos lalu seri adalah awalan peringkat.
        let awalan: Vec<&str> = h.lolos.iter().chain(&h.seri_di_batas).map(String::as_str).collect();
        let atas: Vec<&str> = h.peringkat.iter().take(awalan.len()).map(|p| p.id.as_str()).collect();
        prop_assert_eq!(awalan, atas);
        for w in h.peringkat.windows(2) {
            prop_assert!(w[0].urutan <= w[1].urutan);
            prop_assert!(w[0].nilai >= w[1].nilai);
            if w[0].nilai == w[1].nilai {
                prop_assert_eq!(w[0].urutan, w[1].urutan);
                prop_assert!(w[0].id < w[1].id);
            }
        }
        for (k, p) in h.peringkat.iter().enumerate() {
            let lebih_baik = h.peringkat.iter().filter(|q| q.nilai > p.nilai).count();
            prop_assert_eq!(p.urutan as usize, lebih_baik + 1, "{}", k);
        }
        // Tanpa seri di batas, semua yang layak lolos sampai kuota.
        let layak = h.peringkat.iter().filter(|p| p.nilai >= m.nilai_minimum).count();
        if !h.perlu_keputusan {
            prop_assert_eq!(h.lolos.len(), layak.min(n as usize));
        } else {
            prop_assert!(h.lolos.len() < n as usize);
            prop_assert!(h.lolos.len() + h.seri_di_batas.len() > n as usize);
        }
    }

    #[test]
    fn penugasan_tidak_pernah_berkonflik(
        ne in 0usize..30,
        nj in 0usize..10,
        min in 0usize..5,
        benih in prop::collection::vec(0u8..6, 80),
        sudah_idx in prop::collection::vec((0usize..30, 0usize..10), 0..10),
    ) {
        let wilayah = ["81", "81.01", "81.02", "811", "31"];
        let entri: Vec<EntriTugas> = (0..ne).map(|i| EntriTugas {
            id: format!("e{i}"),
            instansi_id: format!("i{}", benih[i] % 4),
            wilayah: wilayah.get(usize::from(benih[i + 40])).map(|w| w.to_string()),
        }).collect();
        let juri: Vec<JuriTugas> = (0..nj).map(|j| JuriTugas {
            id: format!("j{j}"),
            instansi_id: (benih[j + 30] % 2 == 0).then(|| format!("i{}", benih[j + 31] % 4)),
            wilayah: wilayah.get(usize::from(benih[j + 70])).map(|w| w.to_string()),
            konflik: (benih[j + 60] % 3 == 0).then(|| format!("e{j}")).into_iter().collect(),
        }).collect();
        let sudah: Vec<(String, String)> = sudah_idx.iter()
            .map(|(e, j)| (format!("e{e}"), format!("j{j}")))
            .collect();
        let h = tugaskan_juri(&entri, &juri, &sudah, min);
        let mut unik = HashSet::new();
        let mut jumlah: HashMap<&str, usize> = HashMap::new();
        for (e, _) in sudah.iter().collect::<HashSet<_>>() {
            if entri.iter().any(|x| &x.id == e) {
                *jumlah.entry(e.as_str()).or_default() += 1;
            }
        }
        for (e, j) in &h.baru {
            let ee = entri.iter().find(|x| &x.id == e).unwrap();
            let jj = juri.iter().find(|x| &x.id == j).unwrap();
            prop_assert!(!berkonflik(ee, jj));
            prop_assert!(!sudah.contains(&(e.clone(), j.clone())));
            prop_assert!(unik.insert((e.clone(), j.clone())));
            *jumlah.entry(e.as_str()).or_default() += 1;
        }
        for e in &entri {
            let n = jumlah.get(e.id.as_str()).copied().unwrap_or(0);
            let di_kurang = h.kurang.iter().find(|(id, _)| id == &e.id);
            if n < min {
                prop_assert_eq!(di_kurang, Some(&(e.id.clone(), n)));
            } else {
                prop_assert!(di_kurang.is_none());
                // Tidak ada entri yang diberi lebih dari yang diperlukan.
                let baru = h.baru.iter().filter(|(x, _)| x == &e.id).count();
                prop_assert!(baru == 0 || n == min);
            }
        }
    }
}
