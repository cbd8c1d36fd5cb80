//! Setiap contoh EXAMPLES.md (E1–E9) lewat API bertipe.

use rules::abk::{self, KategoriEj, KonfigurasiAbk, PembulatanPegawai, SkalaEj, TugasAbk};
use rules::angka::{bulatkan, teks_2};
use rules::nip::{JenisAsn, JenisKelamin, Nip, Tmt};
use rules::nomenklatur::{KodeNomenklatur, TingkatKl, TingkatPemda};
use rules::permenpanrb_1_2023::{self as p1, Jenjang, KonfigurasiAngkaKredit, ProrataAngkaKredit};
use rules::permenpanrb_6_2022::{
    self as p6, AturanKurva, JumlahPredikat, KebijakanKurva, PembulatanBatas,
    PredikatKinerjaPegawai as PK, PredikatOrganisasi as PO, RatingKinerja as RK,
};
use rules::permenpanrb_8_2021::{
    self as p8, KategoriCapaianIki as KI, PembandingTarget, Polaritas, Target,
};
use rules::permenpanrb_88_2021::{self as p88, KomponenAkip, PredikatAkip};
use rules::pmk_22_2021::{self as pmk, Keluaran, KonfigurasiEfisiensi};
use rules::pp_30_2019::{self as p30, BobotPp30, PredikatPp30};
use rules::pp_46_2011::{self as p46, Biaya, KategoriPp46, KegiatanPp46};
use rules::{GalatInput, Masalah};
use rust_decimal::Decimal;
use time::Month;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

// ---------- E1 ----------

#[test]
fn e1_matriks_predikat() {
    let kasus = [
        (RK::DiAtasEkspektasi, RK::DiAtasEkspektasi, PK::SangatBaik),
        (RK::DiAtasEkspektasi, RK::SesuaiEkspektasi, PK::Baik),
        (RK::DiAtasEkspektasi, RK::DiBawahEkspektasi, PK::Kurang),
        (RK::SesuaiEkspektasi, RK::DiAtasEkspektasi, PK::Baik),
        (RK::SesuaiEkspektasi, RK::SesuaiEkspektasi, PK::Baik),
        (RK::SesuaiEkspektasi, RK::DiBawahEkspektasi, PK::Kurang),
        (
            RK::DiBawahEkspektasi,
            RK::DiAtasEkspektasi,
            PK::ButuhPerbaikan,
        ),
        (
            RK::DiBawahEkspektasi,
            RK::SesuaiEkspektasi,
            PK::ButuhPerbaikan,
        ),
        (
            RK::DiBawahEkspektasi,
            RK::DiBawahEkspektasi,
            PK::SangatKurang,
        ),
    ];
    for (hasil, perilaku, harap) in kasus {
        assert_eq!(
            p6::predikat_kinerja(hasil, perilaku),
            harap,
            "{hasil} × {perilaku}"
        );
    }
}

// ---------- E2 ----------

fn jumlah(sb: u64, b: u64, bp: u64, k: u64, sk: u64) -> JumlahPredikat {
    JumlahPredikat {
        sangat_baik: sb,
        baik: b,
        butuh_perbaikan: bp,
        kurang: k,
        sangat_kurang: sk,
    }
}

fn langgar(org: PO, j: JumlahPredikat) -> Vec<(AturanKurva, u64, u64)> {
    let h = p6::periksa_kurva(org, &j, &KebijakanKurva::default()).unwrap();
    let v: Vec<_> = h
        .pelanggaran()
        .map(|p| (p.aturan, p.ditemukan, p.batas))
        .collect();
    assert_eq!(h.valid(), v.is_empty());
    v
}

#[test]
fn e2_kurva_distribusi() {
    assert_eq!(langgar(PO::Baik, jumlah(3, 14, 2, 1, 0)), vec![]);
    assert_eq!(
        langgar(PO::Baik, jumlah(5, 15, 0, 0, 0)),
        vec![
            (AturanKurva::BaikMaksimal, 15, 14),
            (AturanKurva::HarusAdaButuhPerbaikanAtauKurang, 0, 1),
        ]
    );
    assert_eq!(langgar(PO::ButuhPerbaikan, jumlah(1, 3, 6, 0, 0)), vec![]);
    assert_eq!(
        langgar(PO::ButuhPerbaikan, jumlah(2, 2, 6, 0, 0)),
        vec![(AturanKurva::SangatBaikMaksimal, 2, 1)]
    );
}

#[test]
fn e2_tim_kecil_floor_dan_ceil() {
    // 70 % dari 7 = 4,9 → paling banyak 4; 60 % dari 7 = 4,2 → paling sedikit 5.
    assert_eq!(langgar(PO::Baik, jumlah(0, 4, 1, 0, 2)), vec![]);
    assert_eq!(
        langgar(PO::Baik, jumlah(0, 5, 1, 0, 1)),
        vec![(AturanKurva::BaikMaksimal, 5, 4)]
    );
    assert_eq!(langgar(PO::ButuhPerbaikan, jumlah(0, 2, 5, 0, 0)), vec![]);
    assert_eq!(
        langgar(PO::ButuhPerbaikan, jumlah(0, 3, 4, 0, 0)),
        vec![(AturanKurva::ButuhPerbaikanMinimal, 4, 5)]
    );
    // Kebijakan lain: maksimal dibulatkan ke atas → 5 diterima.
    let longgar = KebijakanKurva {
        pembulatan_maksimal: PembulatanBatas::Atas,
        ..Default::default()
    };
    let h = p6::periksa_kurva(PO::Baik, &jumlah(0, 5, 1, 0, 1), &longgar).unwrap();
    assert!(h.valid());
}

#[test]
fn e2_semua_predikat_organisasi() {
    // Istimewa: SB ≤ 70 %.
    assert_eq!(langgar(PO::Istimewa, jumlah(7, 3, 0, 0, 0)), vec![]);
    assert_eq!(
        langgar(PO::Istimewa, jumlah(8, 2, 0, 0, 0)),
        vec![(AturanKurva::SangatBaikMaksimal, 8, 7)]
    );
    // Kurang: K ≥ 60 %, BP ≥ 10 %, SB ≤ 10 %.
    assert_eq!(langgar(PO::Kurang, jumlah(1, 2, 1, 6, 0)), vec![]);
    assert_eq!(
        langgar(PO::Kurang, jumlah(2, 3, 0, 5, 0)),
        vec![
            (AturanKurva::KurangMinimal, 5, 6),
            (AturanKurva::ButuhPerbaikanMinimal, 0, 1),
            (AturanKurva::SangatBaikMaksimal, 2, 1),
        ]
    );
    // Sangat Kurang: SK ≥ 60 %, K+BP ≥ 10 %, tanpa SB.
    assert_eq!(langgar(PO::SangatKurang, jumlah(0, 3, 0, 1, 6)), vec![]);
    assert_eq!(
        langgar(PO::SangatKurang, jumlah(1, 3, 0, 0, 6)),
        vec![
            (AturanKurva::KurangAtauButuhPerbaikanMinimal, 0, 1),
            (AturanKurva::SangatBaikTidakBolehAda, 1, 0),
        ]
    );
}

#[test]
fn e2_total_nol_galat() {
    let g = p6::periksa_kurva(
        PO::Baik,
        &JumlahPredikat::default(),
        &KebijakanKurva::default(),
    );
    assert_eq!(g, Err(GalatInput::baru("jumlah", Masalah::TotalNol)));
}

// ---------- E3 ----------

fn iki(c: &str, maks: bool) -> (String, KI) {
    let h = p8::nilai_capaian_iki(d(c), maks).unwrap();
    (teks_2(h.nilai), h.kategori)
}

#[test]
fn e3_nilai_capaian_iki() {
    assert_eq!(iki("98", false), ("88.00".into(), KI::Cukup));
    assert_eq!(iki("100", false), ("109.00".into(), KI::Baik));
    assert_eq!(iki("100", true), ("120.00".into(), KI::SangatBaik));
    assert_eq!(iki("115", false), ("120.00".into(), KI::SangatBaik));
    assert_eq!(iki("70", false), ("60.00".into(), KI::Kurang));
    // Contoh resmi: 97,89 % ditulis 98 % → 88; celah 99,5 % → 100 → 109.
    assert_eq!(iki("97.89", false), ("88.00".into(), KI::Cukup));
    assert_eq!(iki("99.5", false), ("109.00".into(), KI::Baik));
    assert_eq!(iki("99.49", false), ("89.00".into(), KI::Cukup));
    // Tepi pita.
    assert_eq!(iki("101", false), ("110.00".into(), KI::SangatBaik));
    assert_eq!(iki("110", false), ("120.00".into(), KI::SangatBaik));
    assert_eq!(iki("105", false), ("114.44".into(), KI::SangatBaik));
    assert_eq!(iki("80", false), ("70.00".into(), KI::Cukup));
    assert_eq!(iki("79", false), ("69.00".into(), KI::Kurang));
    assert_eq!(iki("60", false), ("50.00".into(), KI::Kurang));
    assert_eq!(iki("59", false), ("49.00".into(), KI::SangatKurang));
    assert_eq!(iki("30", false), ("24.92".into(), KI::SangatKurang));
    assert_eq!(iki("0", false), ("0.00".into(), KI::SangatKurang));
    // target_maksimal hanya berlaku pada capaian ≥ 100.
    assert_eq!(iki("99.5", true), ("120.00".into(), KI::SangatBaik));
    assert_eq!(iki("98", true), ("88.00".into(), KI::Cukup));
    assert_eq!(
        p8::nilai_capaian_iki(d("-1"), false),
        Err(GalatInput::baru("capaian_persen", Masalah::Negatif))
    );
}

// ---------- E4 ----------

fn cap(pol: Polaritas, t: Target, r: &str) -> String {
    teks_2(p8::capaian(pol, t, d(r)).unwrap().capaian_persen)
}

#[test]
fn e4_capaian_rentang_dan_negatif() {
    let rentang = Target::Rentang {
        min: d("80"),
        max: d("90"),
    };
    assert_eq!(cap(Polaritas::Positif, rentang, "70"), "87.50");
    assert_eq!(cap(Polaritas::Positif, rentang, "92"), "102.22");
    assert_eq!(cap(Polaritas::Positif, rentang, "85"), "100.00");
    assert_eq!(cap(Polaritas::Positif, rentang, "80"), "100.00");
    assert_eq!(cap(Polaritas::Positif, rentang, "90"), "100.00");
    let h = p8::capaian(Polaritas::Positif, rentang, d("92")).unwrap();
    assert_eq!(h.pembanding, PembandingTarget::BatasAtas);
    assert_eq!(h.target_dipakai, Some(d("90")));
    let h = p8::capaian(Polaritas::Positif, rentang, d("70")).unwrap();
    assert_eq!(h.pembanding, PembandingTarget::BatasBawah);

    let sepuluh = Target::Tunggal(d("10"));
    assert_eq!(cap(Polaritas::Negatif, sepuluh, "8"), "120.00");
    assert_eq!(cap(Polaritas::Negatif, sepuluh, "12"), "80.00");
    assert_eq!(cap(Polaritas::Negatif, sepuluh, "25"), "0.00");
    // Negatif + rentang: pilihan batas sama, lalu rumus negatif.
    assert_eq!(cap(Polaritas::Negatif, rentang, "70"), "112.50");
    assert_eq!(cap(Polaritas::Negatif, rentang, "99"), "90.00");
    assert_eq!(cap(Polaritas::Negatif, rentang, "85"), "100.00");
    // Contoh resmi: 85/85 → 100; 93/95 → 97,89.
    assert_eq!(
        cap(Polaritas::Positif, Target::Tunggal(d("85")), "85"),
        "100.00"
    );
    assert_eq!(
        cap(Polaritas::Positif, Target::Tunggal(d("95")), "93"),
        "97.89"
    );
}

#[test]
fn e4_target_nol_dan_rentang_terbalik() {
    let nol = Target::Tunggal(Decimal::ZERO);
    assert_eq!(
        p8::capaian(Polaritas::Positif, nol, d("5")),
        Err(GalatInput::baru("target", Masalah::TargetNol))
    );
    assert_eq!(cap(Polaritas::Negatif, nol, "0"), "100.00");
    assert_eq!(cap(Polaritas::Negatif, nol, "1"), "0.00");
    let terbalik = Target::Rentang {
        min: d("90"),
        max: d("80"),
    };
    assert_eq!(
        p8::capaian(Polaritas::Positif, terbalik, d("85")),
        Err(GalatInput::baru("target", Masalah::MinLebihBesarDariMax))
    );
    assert_eq!(
        p8::capaian(Polaritas::Positif, Target::Tunggal(d("10")), d("-1")),
        Err(GalatInput::baru("realisasi", Masalah::Negatif))
    );
    let rentang_nol = Target::Rentang {
        min: d("0"),
        max: d("0"),
    };
    assert_eq!(
        p8::capaian(Polaritas::Positif, rentang_nol, d("3")),
        Err(GalatInput::baru("target.max", Masalah::TargetNol))
    );
}

// ---------- E5 ----------

fn kegiatan_e5() -> KegiatanPp46 {
    KegiatanPp46 {
        target_output: d("1"),
        realisasi_output: d("1"),
        target_kualitas: d("100"),
        realisasi_kualitas: d("90"),
        target_waktu: d("12"),
        realisasi_waktu: d("12"),
        biaya: Some(Biaya {
            target: d("170395000"),
            realisasi: d("170395000"),
        }),
    }
}

#[test]
fn e5_skp_pp46() {
    let h = p46::nilai_skp(&[kegiatan_e5()]).unwrap();
    let k = &h.kegiatan[0];
    assert_eq!(teks_2(k.kuantitas), "100.00");
    assert_eq!(teks_2(k.kualitas), "90.00");
    assert_eq!(teks_2(k.waktu.nilai), "76.00");
    assert_eq!(teks_2(k.biaya.unwrap().nilai), "76.00");
    assert_eq!(k.pembagi, 4);
    assert_eq!(teks_2(h.nilai_skp), "85.50");
    assert_eq!(h.kategori_skp, KategoriPp46::Baik);
    let p = p46::nilai_prestasi_kerja(h.nilai_skp, d("80")).unwrap();
    assert_eq!(teks_2(p.nilai), "83.30");
    assert_eq!(p.kategori, KategoriPp46::Baik);
}

#[test]
fn e5_aspek_waktu_dan_batas_24_persen() {
    let w = p46::nilai_efisiensi(d("12"), d("10")).unwrap();
    assert_eq!(teks_2(w.nilai), "92.67");
    assert!(w.sampai_24);
    // Tepat 24 %: harus cabang pertama dan tepat 100 (f64 memberi 76).
    let w = p46::nilai_efisiensi(d("12"), d("9.12")).unwrap();
    assert_eq!(w.efisiensi, d("24"));
    assert!(w.sampai_24);
    assert_eq!(w.nilai, d("100"));
    // Di atas 24 %: nilai turun. 6/12 → e = 50 → 76 − (126 − 100) = 50.
    let w = p46::nilai_efisiensi(d("12"), d("6")).unwrap();
    assert!(!w.sampai_24);
    assert_eq!(teks_2(w.nilai), "50.00");
    // Terlambat jauh: tidak kurang dari 0.
    assert_eq!(
        p46::nilai_efisiensi(d("12"), d("30")).unwrap().nilai,
        Decimal::ZERO
    );
}

#[test]
fn e5_tanpa_biaya_dan_tidak_dikerjakan() {
    let mut k = kegiatan_e5();
    k.biaya = None;
    let h = p46::nilai_skp(&[k]).unwrap();
    assert_eq!(h.kegiatan[0].pembagi, 3);
    assert_eq!(teks_2(h.nilai_skp), "88.67"); // (100 + 90 + 76) / 3
    k.biaya = Some(Biaya {
        target: Decimal::ZERO,
        realisasi: d("5"),
    });
    assert_eq!(p46::nilai_skp(&[k]).unwrap().kegiatan[0].pembagi, 3);
    let mut kosong = kegiatan_e5();
    kosong.realisasi_output = Decimal::ZERO;
    let h = p46::nilai_skp(&[kosong]).unwrap();
    assert!(h.kegiatan[0].tidak_dikerjakan);
    assert_eq!(h.kegiatan[0].waktu.nilai, Decimal::ZERO);
    assert_eq!(h.kegiatan[0].biaya.unwrap().nilai, Decimal::ZERO);
    assert_eq!(teks_2(h.nilai_skp), "22.50"); // (0 + 90 + 0 + 0) / 4
    assert_eq!(h.kategori_skp, KategoriPp46::Buruk);
    // Rata-rata eksak, dibulatkan sekali.
    let h = p46::nilai_skp(&[kegiatan_e5(), kosong]).unwrap();
    assert_eq!(teks_2(h.nilai_skp), "54.00");
    assert_eq!(h.kategori_skp, KategoriPp46::Kurang);
    assert_eq!(
        p46::nilai_skp(&[]),
        Err(GalatInput::baru("kegiatan", Masalah::DaftarKosong))
    );
    let mut nol = kegiatan_e5();
    nol.target_waktu = Decimal::ZERO;
    assert_eq!(
        p46::nilai_skp(&[kegiatan_e5(), nol]),
        Err(GalatInput::baru("kegiatan[1].target_waktu", Masalah::Nol))
    );
}

#[test]
fn e5_kategori_pada_nilai_bulat() {
    assert_eq!(p46::kategori(d("90.00")), KategoriPp46::Baik);
    assert_eq!(p46::kategori(d("90.01")), KategoriPp46::SangatBaik);
    assert_eq!(p46::kategori(d("75.00")), KategoriPp46::Cukup);
    assert_eq!(p46::kategori(d("60.00")), KategoriPp46::Kurang);
    assert_eq!(p46::kategori(d("50.00")), KategoriPp46::Buruk);
    // 90,004 dibulatkan 90,00 → Baik (label sepakat dengan angka yang tampil).
    let p = p46::nilai_prestasi_kerja(d("90.0066666"), d("90")).unwrap();
    assert_eq!(teks_2(p.nilai), "90.00");
    assert_eq!(p.kategori, KategoriPp46::Baik);
}

// ---------- E6 ----------

fn pp30(skp: &str, perilaku: &str, bobot: BobotPp30, ide: bool) -> (String, PredikatPp30) {
    let h = p30::nilai_kinerja(d(skp), d(perilaku), bobot, ide).unwrap();
    (teks_2(h.nilai), h.predikat)
}

#[test]
fn e6_pp30() {
    use BobotPp30::*;
    assert_eq!(
        pp30("100", "90", Skp70Perilaku30, false),
        ("97.00".into(), PredikatPp30::Baik)
    );
    assert_eq!(
        pp30("100", "90", Skp60Perilaku40, false),
        ("96.00".into(), PredikatPp30::Baik)
    );
    assert_eq!(
        pp30("112", "112", Skp70Perilaku30, false),
        ("112.00".into(), PredikatPp30::Baik)
    );
    assert_eq!(
        pp30("112", "112", Skp70Perilaku30, true),
        ("112.00".into(), PredikatPp30::SangatBaik)
    );
    assert_eq!(
        pp30("89.99", "89.99", Skp70Perilaku30, false).1,
        PredikatPp30::Cukup
    );
    assert_eq!(
        pp30("69.90", "69.90", Skp70Perilaku30, false).1,
        PredikatPp30::Kurang
    );
    assert_eq!(
        pp30("49.00", "49.00", Skp70Perilaku30, false).1,
        PredikatPp30::SangatKurang
    );
    // Ide baru tidak menolong di bawah 110.
    assert_eq!(
        pp30("100", "100", Skp70Perilaku30, true).1,
        PredikatPp30::Baik
    );
    assert_eq!(p30::predikat(d("110"), true), PredikatPp30::SangatBaik);
    assert_eq!(p30::predikat(d("109.99"), true), PredikatPp30::Baik);
    assert_eq!(p30::predikat(d("90"), false), PredikatPp30::Baik);
    assert_eq!(p30::predikat(d("70"), false), PredikatPp30::Cukup);
    assert_eq!(p30::predikat(d("50"), false), PredikatPp30::Kurang);
    assert!(p30::nilai_kinerja(d("120.01"), d("0"), Skp70Perilaku30, false).is_err());
    assert_eq!(
        p30::nilai_kinerja(d("100"), d("-1"), Skp70Perilaku30, false)
            .unwrap_err()
            .field,
        "nilai_perilaku"
    );
}

// ---------- E7 ----------

#[test]
fn e7_evaluasi_akip() {
    let k = KomponenAkip {
        perencanaan: d("24.5"),
        pengukuran: d("22.1"),
        pelaporan: d("11.3"),
        evaluasi_internal: d("17.6"),
    };
    let h = p88::evaluasi_akip(&k).unwrap();
    assert_eq!(teks_2(h.nilai), "75.50");
    assert_eq!(h.predikat, PredikatAkip::Bb);
    let lebih = KomponenAkip {
        pelaporan: d("15.01"),
        ..k
    };
    assert_eq!(
        p88::evaluasi_akip(&lebih),
        Err(GalatInput::baru(
            "pelaporan",
            Masalah::MelebihiBobot { bobot: d("15") }
        ))
    );
    let pita = [
        ("90.01", PredikatAkip::Aa),
        ("90", PredikatAkip::A),
        ("80", PredikatAkip::Bb),
        ("70", PredikatAkip::B),
        ("60", PredikatAkip::Cc),
        ("50", PredikatAkip::C),
        ("30", PredikatAkip::D),
    ];
    for (n, p) in pita {
        assert_eq!(p88::predikat(d(n)), p, "{n}");
    }
}

// ---------- E8 ----------

#[test]
fn e8_kode_pemda() {
    let KodeNomenklatur::Pemda(k) = KodeNomenklatur::parse("1.02.02.2.01.0006").unwrap() else {
        panic!("harus pemda");
    };
    assert_eq!(k.urusan(), "1");
    assert_eq!(k.bidang_urusan(), Some("1.02"));
    assert_eq!(k.program(), Some("1.02.02"));
    assert_eq!(k.kegiatan(), Some("1.02.02.2.01"));
    assert_eq!(k.sub_kegiatan(), Some("1.02.02.2.01.0006"));
    assert_eq!(k.tingkat(), TingkatPemda::SubKegiatan);
    assert_eq!(k.induk().unwrap().to_string(), "1.02.02.2.01");
    for salah in ["1.2.02", "1.02.02.2.01.6", "1.0A.02", "1.02.02.2"] {
        assert!(KodeNomenklatur::parse(salah).is_err(), "{salah}");
    }
}

#[test]
fn e8_kode_kl() {
    let KodeNomenklatur::Kl(k) = KodeNomenklatur::parse("005.01.WA.1066.EBA.994.001").unwrap()
    else {
        panic!("harus K/L");
    };
    assert_eq!(k.bagian_anggaran(), "005");
    assert_eq!(k.unit_eselon_1(), Some("01"));
    assert_eq!(k.program(), Some("WA"));
    assert_eq!(k.kegiatan(), Some("1066"));
    assert_eq!(k.kro(), Some("EBA"));
    assert_eq!(k.ro(), Some("994"));
    assert_eq!(k.komponen(), Some("001"));
    assert_eq!(k.tingkat(), TingkatKl::Komponen);
}

// ---------- E9 ----------

#[test]
fn e9_nip() {
    let n = Nip::parse("198503152010011002").unwrap();
    assert_eq!(n.jenis_asn(), JenisAsn::Pns);
    assert_eq!(
        n.tanggal_lahir(),
        time::Date::from_calendar_date(1985, Month::March, 15).unwrap()
    );
    assert_eq!(
        n.tmt(),
        Tmt::Pns {
            tahun: 2010,
            bulan: Month::January
        }
    );
    assert_eq!(n.tmt().to_string(), "2010-01");
    assert_eq!(n.jenis_kelamin(), JenisKelamin::L);
    assert_eq!(n.nomor_urut(), "002");

    let n = Nip::parse("198902252024211013").unwrap();
    assert_eq!(n.jenis_asn(), JenisAsn::Pppk);
    assert_eq!(
        n.tanggal_lahir(),
        time::Date::from_calendar_date(1989, Month::February, 25).unwrap()
    );
    assert_eq!(n.tmt(), Tmt::Pppk { tahun: 2024 });
    assert_eq!(n.tmt().to_string(), "2024");
    assert_eq!(n.jenis_kelamin(), JenisKelamin::L);
    assert_eq!(n.nomor_urut(), "013");
}

// ---------- Penyerapan, efisiensi, angka kredit, ABK ----------

#[test]
fn penyerapan_contoh_resmi() {
    let p = pmk::penyerapan(d("734881464333"), d("855830897000")).unwrap();
    assert_eq!(teks_2(p), "85.87");
    assert_eq!(
        pmk::penyerapan(d("1"), d("0")),
        Err(GalatInput::baru("pagu", Masalah::Nol))
    );
}

#[test]
fn efisiensi_rumus_dan_batas_capaian() {
    let k = |pagu: &str, ck: &str, rak: &str| Keluaran {
        pagu: d(pagu),
        capaian_persen: d(ck),
        realisasi_anggaran: d(rak),
    };
    let apa_adanya = KonfigurasiEfisiensi::default();
    let dibatasi = KonfigurasiEfisiensi {
        batasi_capaian: true,
    };
    assert_eq!(
        teks_2(
            pmk::efisiensi(&[k("1000", "100", "900")], &apa_adanya)
                .unwrap()
                .efisiensi_persen
        ),
        "10.00"
    );
    assert_eq!(
        teks_2(
            pmk::efisiensi(&[k("1000", "120", "900")], &apa_adanya)
                .unwrap()
                .efisiensi_persen
        ),
        "25.00"
    );
    assert_eq!(
        teks_2(
            pmk::efisiensi(&[k("1000", "120", "900")], &dibatasi)
                .unwrap()
                .efisiensi_persen
        ),
        "10.00"
    );
    // Dua keluaran: Σ(PAK×CK) = 800 + 1000 = 1800; Σ RAK = 1700 → 5,56 %.
    let dua = [k("1000", "80", "700"), k("1000", "100", "1000")];
    assert_eq!(
        teks_2(pmk::efisiensi(&dua, &apa_adanya).unwrap().efisiensi_persen),
        "5.56"
    );
    // Boros: negatif.
    assert_eq!(
        teks_2(
            pmk::efisiensi(&[k("1000", "50", "600")], &apa_adanya)
                .unwrap()
                .efisiensi_persen
        ),
        "-20.00"
    );
    assert_eq!(
        pmk::efisiensi(&[k("0", "100", "5")], &apa_adanya),
        Err(GalatInput::baru("keluaran", Masalah::PembagiNol))
    );
}

#[test]
fn angka_kredit_seluruh_tabel() {
    use PK::*;
    let tabel: [(Jenjang, [&str; 5]); 8] = [
        (Jenjang::Pemula, ["5.63", "3.75", "2.81", "1.88", "0.94"]),
        (Jenjang::Terampil, ["7.50", "5.00", "3.75", "2.50", "1.25"]),
        (Jenjang::Mahir, ["18.75", "12.50", "9.38", "6.25", "3.13"]),
        (
            Jenjang::Penyelia,
            ["37.50", "25.00", "18.75", "12.50", "6.25"],
        ),
        (
            Jenjang::AhliPertama,
            ["18.75", "12.50", "9.38", "6.25", "3.13"],
        ),
        (
            Jenjang::AhliMuda,
            ["37.50", "25.00", "18.75", "12.50", "6.25"],
        ),
        (
            Jenjang::AhliMadya,
            ["56.25", "37.50", "28.13", "18.75", "9.38"],
        ),
        (
            Jenjang::AhliUtama,
            ["75.00", "50.00", "37.50", "25.00", "12.50"],
        ),
    ];
    let konf = KonfigurasiAngkaKredit::default();
    for (jenjang, baris) in tabel {
        for (pred, harap) in [SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang]
            .into_iter()
            .zip(baris)
        {
            let h = p1::angka_kredit(jenjang, pred, 12, &konf).unwrap();
            assert_eq!(teks_2(h.angka_kredit), harap, "{jenjang} {pred}");
        }
    }
    // Pro-rata 6 bulan; dan tanpa pro-rata.
    let h = p1::angka_kredit(Jenjang::AhliMuda, Baik, 6, &konf).unwrap();
    assert_eq!(teks_2(h.angka_kredit), "12.50");
    let h = p1::angka_kredit(Jenjang::Pemula, SangatBaik, 7, &konf).unwrap();
    assert_eq!(teks_2(h.angka_kredit), "3.28"); // 5,625 × 7/12 = 3,28125
    let tanpa = KonfigurasiAngkaKredit {
        prorata: ProrataAngkaKredit::TanpaProrata,
    };
    assert_eq!(
        teks_2(
            p1::angka_kredit(Jenjang::AhliMuda, Baik, 6, &tanpa)
                .unwrap()
                .angka_kredit
        ),
        "25.00"
    );
    assert_eq!(
        p1::angka_kredit(Jenjang::AhliMuda, Baik, 0, &konf)
            .unwrap_err()
            .field,
        "bulan"
    );
    assert_eq!(
        p1::angka_kredit(Jenjang::AhliMuda, Baik, 13, &konf)
            .unwrap_err()
            .field,
        "bulan"
    );
}

fn tugas(volume: &str, norma: &str) -> TugasAbk {
    TugasAbk {
        volume: d(volume),
        norma_waktu_menit: d(norma),
    }
}

#[test]
fn abk_beban_kerja_dan_ej() {
    let konf = KonfigurasiAbk::default();
    assert_eq!(konf.jam_kerja_efektif, d("1250"));
    // 1.500 × 50 menit = 75.000 menit = 1.250 jam.
    let h = abk::analisis_beban_kerja(&[tugas("1500", "50")], 1, &konf).unwrap();
    assert_eq!(teks_2(h.beban_kerja_jam), "1250.00");
    assert_eq!(teks_2(h.kebutuhan_pegawai), "1.00");
    assert_eq!(h.kebutuhan_pegawai_dibulatkan, 1);
    assert_eq!(teks_2(h.efisiensi_jabatan), "1.00");
    assert_eq!(h.kategori_ej, KategoriEj::B);
    let h = abk::analisis_beban_kerja(&[tugas("1500", "50")], 2, &konf).unwrap();
    assert_eq!(teks_2(h.efisiensi_jabatan), "0.50");
    assert_eq!(h.kategori_ej, KategoriEj::D);
    // EJ eksak 0,895 → ditampilkan 0,90 → B (bukan C).
    let h = abk::analisis_beban_kerja(&[tugas("67125", "1")], 1, &konf).unwrap();
    assert_eq!(h.efisiensi_jabatan, d("0.895"));
    assert_eq!(h.kategori_ej, KategoriEj::B);
    // Kebutuhan eksak 2,4996 → tampil 2,50 → terdekat 3; ke atas dari 2,01 → 3.
    let h = abk::analisis_beban_kerja(&[tugas("187470", "1")], 3, &konf).unwrap();
    assert_eq!(teks_2(h.kebutuhan_pegawai), "2.50");
    assert_eq!(h.kebutuhan_pegawai_dibulatkan, 3);
    let ke_atas = KonfigurasiAbk {
        pembulatan: PembulatanPegawai::KeAtas,
        ..konf
    };
    let h = abk::analisis_beban_kerja(&[tugas("2512.5", "60")], 3, &ke_atas).unwrap();
    assert_eq!(teks_2(h.kebutuhan_pegawai), "2.01");
    assert_eq!(h.kebutuhan_pegawai_dibulatkan, 3);
    let h = abk::analisis_beban_kerja(&[tugas("2512.5", "60")], 3, &konf).unwrap();
    assert_eq!(h.kebutuhan_pegawai_dibulatkan, 2);
    // Beberapa tugas dijumlahkan.
    let h = abk::analisis_beban_kerja(&[tugas("100", "30"), tugas("10", "120")], 1, &konf).unwrap();
    assert_eq!(teks_2(h.beban_kerja_jam), "70.00");
    assert_eq!(h.kategori_ej, KategoriEj::E);
}

#[test]
fn abk_skala_ej() {
    let p = SkalaEj::Permendagri12Tahun2008;
    let j = SkalaEj::KemenkeuJla;
    let kasus = [
        ("1.01", KategoriEj::A, KategoriEj::A),
        ("1.00", KategoriEj::B, KategoriEj::B),
        ("0.90", KategoriEj::B, KategoriEj::B),
        ("0.85", KategoriEj::C, KategoriEj::B),
        ("0.81", KategoriEj::C, KategoriEj::B),
        ("0.80", KategoriEj::C, KategoriEj::C),
        ("0.70", KategoriEj::C, KategoriEj::C),
        ("0.69", KategoriEj::D, KategoriEj::C),
        ("0.66", KategoriEj::D, KategoriEj::C),
        ("0.65", KategoriEj::D, KategoriEj::D),
        ("0.50", KategoriEj::D, KategoriEj::D),
        ("0.49", KategoriEj::E, KategoriEj::E),
    ];
    for (ej, kp, kj) in kasus {
        assert_eq!(p.kategori(d(ej)), kp, "permendagri {ej}");
        assert_eq!(j.kategori(d(ej)), kj, "jla {ej}");
    }
    assert_eq!(bulatkan(d("0.895")), d("0.90"));
}

#[test]
fn abk_galat() {
    let konf = KonfigurasiAbk::default();
    assert_eq!(
        abk::analisis_beban_kerja(&[], 1, &konf).unwrap_err().field,
        "tugas"
    );
    assert_eq!(
        abk::analisis_beban_kerja(&[tugas("1", "1")], 0, &konf)
            .unwrap_err()
            .field,
        "jumlah_pegawai"
    );
    assert_eq!(
        abk::analisis_beban_kerja(&[tugas("1", "1"), tugas("-1", "1")], 1, &konf).unwrap_err(),
        GalatInput::baru("tugas[1].volume", Masalah::Negatif)
    );
    let nol = KonfigurasiAbk {
        jam_kerja_efektif: Decimal::ZERO,
        ..konf
    };
    assert_eq!(
        abk::analisis_beban_kerja(&[tugas("1", "1")], 1, &nol)
            .unwrap_err()
            .field,
        "jam_kerja_efektif"
    );
    // Jam kerja sangat kecil tidak membuat panik.
    let kecil = KonfigurasiAbk {
        jam_kerja_efektif: d("0.0000000000000000000000000001"),
        ..konf
    };
    let g = abk::analisis_beban_kerja(&[tugas("79228162514264337593543950335", "1")], 1, &kecil);
    assert_eq!(g.unwrap_err().masalah, Masalah::TerlaluBesar);
}
