//! Uji properti: monoton, dalam rentang, kurva tidak pernah menerima sebaran
//! yang melanggar batas, dan pembaca masukan tidak pernah panik.

use proptest::prelude::*;
use rules::Bahasa;
use rules::kalkulator::{DAFTAR, hitung, hitung_teks};
use rules::nip::Nip;
use rules::nomenklatur::KodeNomenklatur;
use rules::permenpanrb_8_2021::{self as p8, Polaritas, Target};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Desimal non-negatif sampai 4 desimal, sampai 1.000.000.
fn desimal() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        desimal().prop_map(Target::Tunggal),
        (desimal(), desimal()).prop_map(|(a, b)| Target::Rentang {
            min: a.min(b),
            max: a.max(b)
        }),
    ]
}

fn polaritas() -> impl Strategy<Value = Polaritas> {
    prop_oneof![Just(Polaritas::Positif), Just(Polaritas::Negatif)]
}

fn target_json(t: Target) -> Value {
    match t {
        Target::Tunggal(x) => json!(x.to_string()),
        Target::Rentang { min, max } => json!({"min": min.to_string(), "max": max.to_string()}),
    }
}

fn keluaran_desimal(v: &Value, kunci: &str) -> Decimal {
    let s = v[kunci].as_str().unwrap();
    assert_eq!(
        s.split_once('.').map(|(_, p)| p.len()),
        Some(2),
        "{s} harus 2 desimal"
    );
    s.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn capaian_monoton_pada_realisasi(pol in polaritas(), t in target(), a in desimal(), b in desimal()) {
        let (r1, r2) = (a.min(b), a.max(b));
        let c1 = p8::capaian(pol, t, r1);
        let c2 = p8::capaian(pol, t, r2);
        // Target nol positif: galat untuk keduanya (atau hanya di luar rentang).
        if let (Ok(c1), Ok(c2)) = (c1, c2) {
            let (c1, c2) = (c1.capaian_persen, c2.capaian_persen);
            prop_assert!(c1 >= Decimal::ZERO && c2 >= Decimal::ZERO);
            match pol {
                Polaritas::Positif => prop_assert!(c1 <= c2, "{} > {}", c1, c2),
                Polaritas::Negatif => prop_assert!(c1 >= c2, "{} < {}", c1, c2),
            }
            // Lewat kontrak JSON: nilai dibulatkan tetap monoton.
            let tok = if pol == Polaritas::Positif { "positif" } else { "negatif" };
            let j1 = hitung("capaian", &json!({"polaritas": tok, "target": target_json(t), "realisasi": r1.to_string()}), Bahasa::Id).unwrap();
            let j2 = hitung("capaian", &json!({"polaritas": tok, "target": target_json(t), "realisasi": r2.to_string()}), Bahasa::Id).unwrap();
            let (k1, k2) = (keluaran_desimal(&j1, "capaian_persen"), keluaran_desimal(&j2, "capaian_persen"));
            match pol {
                Polaritas::Positif => prop_assert!(k1 <= k2),
                Polaritas::Negatif => prop_assert!(k1 >= k2),
            }
        }
    }

    #[test]
    fn capaian_dalam_rentang_selalu_100(pol in polaritas(), a in desimal(), b in desimal(), f in 0u32..=100) {
        let (min, max) = (a.min(b), a.max(b));
        let r = min + (max - min) * Decimal::from(f) / Decimal::from(100);
        let h = p8::capaian(pol, Target::Rentang { min, max }, r).unwrap();
        prop_assert_eq!(h.capaian_persen, Decimal::ONE_HUNDRED);
    }

    #[test]
    fn nilai_iki_monoton_dan_0_sampai_120(a in desimal(), b in desimal(), maks in any::<bool>()) {
        let (c1, c2) = (a.min(b), a.max(b));
        let n1 = p8::nilai_capaian_iki(c1, maks).unwrap();
        let n2 = p8::nilai_capaian_iki(c2, maks).unwrap();
        prop_assert!(n1.nilai <= n2.nilai, "{} → {}, {} → {}", c1, n1.nilai, c2, n2.nilai);
        prop_assert!(n1.kategori >= n2.kategori, "kategori harus tidak turun");
        for n in [n1.nilai, n2.nilai] {
            prop_assert!(n >= Decimal::ZERO && n <= Decimal::from(120));
        }
        let j = hitung("nilai-capaian-iki", &json!({"capaian_persen": c1.to_string(), "target_maksimal": maks}), Bahasa::Id).unwrap();
        let k = keluaran_desimal(&j, "nilai");
        prop_assert!(k >= Decimal::ZERO && k <= Decimal::from(120));
    }
}

/// Pemeriksaan batas kurva yang independen: aritmetika bilangan bulat
/// (jumlah × 100 dibanding P × total), tanpa floor/ceil.
fn kurva_valid_independen(org: &str, sb: u64, b: u64, bp: u64, k: u64, sk: u64) -> bool {
    let n = sb + b + bp + k + sk;
    let maks = |x: u64, p: u64| x * 100 <= p * n;
    let min = |x: u64, p: u64| x * 100 >= p * n;
    match org {
        "istimewa" => maks(sb, 70),
        "baik" => maks(b, 70) && bp + k >= 1,
        "butuh_perbaikan" => min(bp, 60) && maks(sb, 10),
        "kurang" => min(k, 60) && min(bp, 10) && maks(sb, 10),
        "sangat_kurang" => min(sk, 60) && min(k + bp, 10) && sb == 0,
        _ => unreachable!(),
    }
}

fn periksa_kurva_json(org: &str, [sb, b, bp, k, sk]: [u64; 5]) -> Result<(), TestCaseError> {
    let input = json!({"predikat_organisasi": org, "jumlah": {
        "sangat_baik": sb, "baik": b, "butuh_perbaikan": bp, "kurang": k, "sangat_kurang": sk}});
    let v = hitung("kurva-distribusi", &input, Bahasa::Id).unwrap();
    let harap = kurva_valid_independen(org, sb, b, bp, k, sk);
    prop_assert_eq!(v["valid"].as_bool().unwrap(), harap, "{}", input);
    let pelanggaran = v["pelanggaran"].as_array().unwrap();
    prop_assert_eq!(pelanggaran.is_empty(), harap);
    for p in pelanggaran {
        let (d, bt) = (
            p["ditemukan"].as_u64().unwrap(),
            p["batas"].as_u64().unwrap(),
        );
        prop_assert!(
            d != bt,
            "{}: pelanggaran dengan ditemukan = batas",
            p["aturan"]
        );
        prop_assert!(!p["pesan"].as_str().unwrap().is_empty());
    }
    Ok(())
}

const ORGANISASI: [&str; 5] = [
    "istimewa",
    "baik",
    "butuh_perbaikan",
    "kurang",
    "sangat_kurang",
];

/// Sebaran yang satu hitungannya tepat di sekitar batas P % × n (P = 10, 60, 70),
/// sisanya dibagi acak ke predikat lain: di sinilah floor/ceil bisa salah.
fn sebaran_di_batas() -> impl Strategy<Value = [u64; 5]> {
    (
        1u64..=200,
        prop::sample::select(vec![10u64, 60, 70]),
        -1i64..=1,
        any::<bool>(),
        0usize..5,
        prop::collection::vec(1u64..=10, 4),
    )
        .prop_map(|(n, p, d, atas, fokus, bobot)| {
            let dasar = if atas {
                (p * n).div_ceil(100)
            } else {
                p * n / 100
            };
            let c = (dasar as i64 + d).clamp(0, n as i64) as u64;
            let sisa = n - c;
            let total_bobot: u64 = bobot.iter().sum();
            let mut lain: Vec<u64> = bobot.iter().map(|w| sisa * w / total_bobot).collect();
            lain[3] += sisa - lain.iter().sum::<u64>();
            let mut hasil = [0u64; 5];
            let mut it = lain.into_iter();
            for (i, h) in hasil.iter_mut().enumerate() {
                *h = if i == fokus {
                    c
                } else {
                    it.next().unwrap_or(0)
                };
            }
            hasil
        })
}

#[test]
fn kurva_semua_tim_kecil() {
    // Semua sebaran untuk tim 1–12 orang, semua predikat organisasi.
    for n in 1u64..=12 {
        for sb in 0..=n {
            for b in 0..=n - sb {
                for bp in 0..=n - sb - b {
                    for k in 0..=n - sb - b - bp {
                        let sk = n - sb - b - bp - k;
                        for org in ORGANISASI {
                            periksa_kurva_json(org, [sb, b, bp, k, sk]).unwrap();
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn kurva_di_batas_tidak_pernah_salah(org in prop::sample::select(ORGANISASI.to_vec()), j in sebaran_di_batas()) {
        periksa_kurva_json(org, j)?;
    }

    #[test]
    fn kurva_tidak_pernah_menerima_pelanggaran(
        org in prop::sample::select(ORGANISASI.to_vec()),
        j in prop::array::uniform5(0u64..25),
    ) {
        prop_assume!(j.iter().sum::<u64>() > 0);
        periksa_kurva_json(org, j)?;
    }
}

/// Nilai JSON sembarang (termasuk angka pecahan dan bilangan sangat besar).
fn json_sembarang() -> impl Strategy<Value = Value> {
    let daun = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "-?[0-9]{1,40}(\\.[0-9]{1,30})?(e-?[0-9]{1,3})?"
            .prop_map(|s| serde_json::from_str(&s).unwrap_or(Value::Null)),
        ".{0,20}".prop_map(Value::String),
        "-?[0-9]{1,32}([.,][0-9]{0,32})?".prop_map(Value::String),
        prop::sample::select(vec![
            "positif",
            "negatif",
            "baik",
            "sangat_baik",
            "70_30",
            "di_atas_ekspektasi",
            "mahir",
            "198503152010011002",
            "1.02.02.2.01.0006",
            "005.01.WA",
            "1.02.02",
            "layanan",
            "5.1.02.04.01.0001",
            "Seminar dan studi banding",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    let kunci = prop::sample::select(vec![
        "target",
        "realisasi",
        "min",
        "max",
        "polaritas",
        "capaian_persen",
        "kegiatan",
        "tugas",
        "jumlah",
        "baik",
        "kurang",
        "nilai_skp",
        "nilai_perilaku",
        "bobot",
        "ide_baru",
        "pagu",
        "keluaran",
        "jenjang",
        "predikat",
        "bulan",
        "kode",
        "nip",
        "volume",
        "norma_waktu_menit",
        "jumlah_pegawai",
        "target_output",
        "realisasi_output",
        "target_waktu",
        "realisasi_waktu",
        "hasil_kerja",
        "perilaku_kerja",
        "predikat_organisasi",
        "subkegiatan",
        "indikator",
        "program_kode",
        "unit",
        "target_triwulan",
        "satuan",
        "nama",
        "program",
        "belanja",
        "kode_rekening",
        "uraian",
        "realisasi_anggaran",
        "realisasi_keluaran",
        "ada_bukti",
        "baseline",
        "jenis",
        "ambang_belanja_penunjang_persen",
        "x",
    ]);
    daun.prop_recursive(4, 48, 6, move |dalam| {
        prop_oneof![
            prop::collection::vec(dalam.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(kunci.clone().prop_map(String::from), dalam, 0..7)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn nip_tidak_pernah_panik(s in ".{0,40}", digit in "[0-9 ]{0,22}") {
        let _ = Nip::parse(&s);
        if let Ok(n) = Nip::parse(&digit) {
            // Yang diterima: 18 digit, dan dapat dibaca ulang dari teksnya.
            prop_assert_eq!(n.as_str().len(), 18);
            prop_assert_eq!(Nip::parse(n.as_str()).unwrap(), n.clone());
            prop_assert_eq!(n.to_string().parse::<Nip>().unwrap(), n);
        }
    }

    #[test]
    fn kode_tidak_pernah_panik(s in ".{0,40}", kode in "[0-9A-Za-z.]{0,30}") {
        let _ = KodeNomenklatur::parse(&s);
        if let Ok(k) = KodeNomenklatur::parse(&kode) {
            let teks = k.to_string();
            prop_assert_eq!(KodeNomenklatur::parse(&teks).unwrap(), k.clone());
            if let Some(induk) = k.induk() {
                prop_assert!(teks.starts_with(&induk.to_string()));
            }
        }
    }

    #[test]
    fn hitung_teks_tidak_pernah_panik(nama in prop::sample::select(DAFTAR.to_vec()), s in ".{0,80}") {
        let _ = hitung_teks(nama, &s, Bahasa::Id);
        let _ = hitung_teks(nama, &s, Bahasa::En);
    }

    #[test]
    fn hitung_json_tidak_pernah_panik(nama in prop::sample::select(DAFTAR.to_vec()), v in json_sembarang()) {
        match hitung(nama, &v, Bahasa::En) {
            Ok(keluaran) => prop_assert!(keluaran.is_object()),
            Err(g) => {
                prop_assert!(!g.kode.is_empty() && !g.pesan.is_empty());
                prop_assert!(g.kode != "galat_internal", "{:?}", g);
                let teks = serde_json::to_string(&v).unwrap();
                let g2 = hitung_teks(nama, &teks, Bahasa::En).unwrap_err();
                prop_assert_eq!(g2.kode, g.kode);
            }
        }
    }
}

#[test]
fn angka_raksasa_tidak_panik() {
    let besar = "79228162514264337593543950335";
    let kecil = "0.0000000000000000000000000001";
    let kasus = [
        (
            "capaian",
            json!({"polaritas": "positif", "target": kecil, "realisasi": besar}),
        ),
        (
            "capaian",
            json!({"polaritas": "negatif", "target": kecil, "realisasi": besar}),
        ),
        ("penyerapan", json!({"realisasi": besar, "pagu": kecil})),
        (
            "efisiensi-anggaran",
            json!({"keluaran": [{"pagu": besar, "capaian_persen": besar, "realisasi_anggaran": 1}]}),
        ),
        (
            "efisiensi-anggaran",
            json!({"keluaran": [{"pagu": besar, "capaian_persen": 100, "realisasi_anggaran": 1}, {"pagu": besar, "capaian_persen": 100, "realisasi_anggaran": 1}]}),
        ),
        (
            "beban-kerja",
            json!({"tugas": [{"volume": besar, "norma_waktu_menit": besar}], "jumlah_pegawai": 1}),
        ),
        (
            "beban-kerja",
            json!({"tugas": [{"volume": besar, "norma_waktu_menit": 1}], "jumlah_pegawai": 10_000_000, "jam_kerja_efektif": kecil}),
        ),
        (
            "skp-pp46",
            json!({"kegiatan": [{"target_output": kecil, "realisasi_output": besar, "target_kualitas": kecil, "realisasi_kualitas": besar, "target_waktu": kecil, "realisasi_waktu": besar, "target_biaya": kecil, "realisasi_biaya": besar}], "nilai_perilaku": 1}),
        ),
        (
            "skp-pp46",
            json!({"kegiatan": [{"target_output": besar, "realisasi_output": besar, "target_kualitas": 1, "realisasi_kualitas": 1, "target_waktu": besar, "realisasi_waktu": 1}], "nilai_perilaku": 1}),
        ),
        ("nilai-capaian-iki", json!({"capaian_persen": besar})),
        (
            "kurva-distribusi",
            json!({"predikat_organisasi": "baik", "jumlah": {"baik": 10_000_000, "kurang": 10_000_000}}),
        ),
        (
            "penyerapan",
            json!({"realisasi": "1", "pagu": "792281625142643375935439503350"}),
        ),
        (
            "nilai-uang",
            json!({"pagu": kecil, "realisasi_anggaran": besar, "target": kecil, "realisasi_keluaran": kecil, "polaritas": "positif", "ada_bukti": true, "bulan": 1}),
        ),
        (
            "nilai-uang",
            json!({"pagu": besar, "realisasi_anggaran": besar, "target": besar, "realisasi_keluaran": kecil, "polaritas": "negatif", "baseline": besar, "ada_bukti": false, "bulan": 12}),
        ),
        (
            "gerbang-anggaran",
            json!({"subkegiatan": [{"pagu": besar, "indikator": [{"target": besar, "target_triwulan": [kecil, besar, kecil, besar]}]}]}),
        ),
        (
            "keselarasan-program",
            json!({"program": {"kode": "1.02.02", "nama": "x"}, "subkegiatan": [{"kode": "1.02.02.2.02.0015", "nama": "x", "belanja": [{"kode_rekening": "5.1.02.04", "jumlah": besar}, {"kode_rekening": "5.1.02.04", "jumlah": besar}]}]}),
        ),
        (
            "keselarasan-program",
            json!({"program": {"kode": "1.02.02", "nama": "x"}, "subkegiatan": [{"kode": "1.02.02.2.02.0015", "nama": "x", "belanja": [{"kode_rekening": "5.1.02.04", "jumlah": besar}, {"kode_rekening": "5.2", "jumlah": kecil}]}]}),
        ),
    ];
    for (nama, input) in kasus {
        match hitung(nama, &input, Bahasa::Id) {
            Ok(v) => assert!(v.is_object()),
            Err(g) => assert_ne!(g.kode, "galat_internal", "{nama}: {g:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Anggaran (isu 9)
// ---------------------------------------------------------------------------

mod anggaran {
    use super::*;
    use rules::anggaran::{
        self as ag, AmbangNilaiUang, BarisBelanja, IndikatorRencana, KonfigurasiKeselarasan,
        MasukanKeselarasan, MasukanNilaiUang, ProgramRencana, SubkegiatanBelanja,
        SubkegiatanRencana,
    };

    fn opsi<T: std::fmt::Debug + Clone>(
        s: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = Option<T>> {
        prop::option::weighted(0.8, s)
    }

    fn kode() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "1.02.02.2.02.0015",
            "1.02.02.2.02.0001",
            "1.02.03.2.01.0001",
            "1.2.02.2.02.0004",
            "1.02.01.2.01.0001",
            "1.02.02.2.02.9999",
            "",
        ])
        .prop_map(String::from)
    }

    fn indikator() -> impl Strategy<Value = IndikatorRencana> {
        (
            opsi(polaritas()),
            opsi(desimal()),
            opsi(prop::array::uniform4(opsi(desimal()))),
        )
            .prop_map(|(polaritas, target, target_triwulan)| IndikatorRencana {
                nama: Some("indikator".into()),
                satuan: None,
                polaritas,
                target,
                target_triwulan,
            })
    }

    fn subkegiatan() -> impl Strategy<Value = SubkegiatanRencana> {
        (
            opsi(kode()),
            opsi(prop::sample::select(vec!["1.02.02", "1.02.01", ""]).prop_map(String::from)),
            opsi("[a-z ]{0,6}"),
            opsi((-5i64..=5_000_000).prop_map(Decimal::from)),
            prop::collection::vec(indikator(), 0..3),
        )
            .prop_map(
                |(kode, program_kode, unit, pagu, indikator)| SubkegiatanRencana {
                    kode,
                    program_kode,
                    unit,
                    pagu,
                    indikator,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Gerbang memeriksa setiap sub kegiatan sendiri-sendiri dan
        /// mempertahankan urutan masukan: hasil daftar = gabungan hasil per butir.
        #[test]
        fn gerbang_per_butir_dan_urut(daftar in prop::collection::vec(subkegiatan(), 1..6)) {
            let h = ag::gerbang(&daftar).unwrap();
            let mut gabungan = Vec::new();
            for (i, s) in daftar.iter().enumerate() {
                for mut k in ag::gerbang(std::slice::from_ref(s)).unwrap().kekurangan {
                    k.posisi = i;
                    gabungan.push(k);
                }
            }
            prop_assert_eq!(&h.kekurangan, &gabungan);
            prop_assert!(h.kekurangan.windows(2).all(|w| w[0].posisi <= w[1].posisi));
            prop_assert_eq!(h.lolos(), h.kekurangan.is_empty());
            // Target kosong tidak pernah dilaporkan bersama masalah triwulannya.
            for k in &h.kekurangan {
                if let ag::RincianKekurangan::Triwulan { indikator, .. } = k.rincian {
                    prop_assert!(daftar[k.posisi].indikator[indikator].target.is_some());
                }
            }
        }

        /// Penyerapan tepat: realisasi × 100 / pagu tanpa pembulatan antara;
        /// realisasi = pagu × k / 100 memberi tepat k.
        #[test]
        fn nilai_uang_penyerapan_tepat(pagu in 1i64..=1_000_000_000_000, k in 0i64..=150, bulan in 1u8..=12) {
            let pagu = Decimal::from(pagu);
            let realisasi = pagu * Decimal::from(k) / Decimal::ONE_HUNDRED;
            let m = MasukanNilaiUang {
                pagu,
                realisasi_anggaran: realisasi,
                target: Target::Tunggal(Decimal::from(10)),
                realisasi_keluaran: Decimal::from(5),
                polaritas: Polaritas::Positif,
                baseline: None,
                ada_bukti: true,
                bulan,
            };
            let h = ag::nilai_uang(&m, &AmbangNilaiUang::default()).unwrap();
            prop_assert_eq!(h.penyerapan_persen, Decimal::from(k));
            prop_assert_eq!(h.capaian.capaian_persen, Decimal::from(50));
            prop_assert_eq!(h.ekspektasi_waktu_persen * Decimal::from(12), Decimal::from(bulan) * Decimal::ONE_HUNDRED);
        }

        /// Porsi belanja penunjang 0–100, tidak bergantung urutan baris, dan
        /// menaikkan ambang tidak pernah mengubah selaras menjadi tidak selaras.
        #[test]
        fn keselarasan_porsi_dan_ambang(
            baris in prop::collection::vec((prop::sample::select(vec![
                "5.1.02.04.01.0001", "5.1.02.02.01.0003", "5.1.02.02.01.0014",
                "5.1.02.01.01.0039", "5.1.02.01.01.0052", "5.1.01.03.07.0001", "5.2.02.08.01.0018",
            ]), 0i64..=1_000_000_000), 0..8),
            a in 0i64..=100, b in 0i64..=100,
        ) {
            let belanja: Vec<BarisBelanja> = baris.iter().map(|(k, j)| BarisBelanja {
                kode_rekening: k.to_string(), uraian: None, jumlah: Decimal::from(*j),
            }).collect();
            let masukan = |belanja: Vec<BarisBelanja>| MasukanKeselarasan {
                program: ProgramRencana { kode: "1.02.02".into(), nama: "x".into() },
                subkegiatan: vec![SubkegiatanBelanja {
                    kode: "1.02.02.2.02.0015".into(), nama: "Pengelolaan Gizi".into(),
                    jenis: None, indikator: vec![], belanja,
                }],
            };
            let konf = |ambang: i64| KonfigurasiKeselarasan {
                ambang_belanja_penunjang_persen: Decimal::from(ambang),
                ..Default::default()
            };
            let h = ag::keselarasan(&masukan(belanja.clone()), &konf(30)).unwrap();
            prop_assert!(h.porsi_belanja_penunjang_persen >= Decimal::ZERO);
            prop_assert!(h.porsi_belanja_penunjang_persen <= Decimal::ONE_HUNDRED);
            let mut terbalik = belanja.clone();
            terbalik.reverse();
            let h2 = ag::keselarasan(&masukan(terbalik), &konf(30)).unwrap();
            prop_assert_eq!(h.porsi_belanja_penunjang_persen, h2.porsi_belanja_penunjang_persen);
            prop_assert_eq!(h.selaras(), h2.selaras());
            let (rendah, tinggi) = (a.min(b), a.max(b));
            let hr = ag::keselarasan(&masukan(belanja.clone()), &konf(rendah)).unwrap();
            let ht = ag::keselarasan(&masukan(belanja), &konf(tinggi)).unwrap();
            prop_assert!(!hr.selaras() || ht.selaras());
        }

        #[test]
        fn kata_penunjang_tidak_pernah_panik(s in ".{0,60}", t in "[a-zA-Z -]{0,60}") {
            let _ = ag::kata_penunjang(&s);
            for w in ag::kata_penunjang(&t) {
                prop_assert!(ag::daftar_kata_penunjang().contains(&w));
            }
            let _ = ag::indikator_administratif(&s, &t);
            let _ = ag::kode_dikenal(&s);
            let _ = ag::uraian_rekening(&s);
        }
    }
}
