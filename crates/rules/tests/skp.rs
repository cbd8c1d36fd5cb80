//! Aturan SKP: periode, alur, pejabat penilai, kelompok kurva, saran rating.

use rules::Bahasa;
use rules::galat::Masalah;
use rules::permenpanrb_6_2022::{PredikatOrganisasi, RatingKinerja};
use rules::skp::*;
use rust_decimal::Decimal;
use time::macros::date;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn p(tahun: i32, jenis: JenisPeriode) -> Periode {
    Periode { tahun, jenis }
}

// ---------- Periode ----------

#[test]
fn kode_semua_bentuk_bolak_balik() {
    let mut semua = vec![p(2027, JenisPeriode::Tahunan)];
    for f in Frekuensi::SEMUA {
        semua.extend(daftar_periode(2027, *f));
    }
    assert_eq!(semua.len(), 1 + 12 + 4 + 2);
    for x in &semua {
        let k = x.kode();
        assert_eq!(Periode::urai(&k), Ok(*x), "{k}");
        assert_eq!(Periode::urai(&k.to_lowercase()), Ok(*x), "{k}");
        assert_eq!(x.to_string(), k);
        assert_eq!(k.parse::<Periode>(), Ok(*x));
    }
    let kode: Vec<String> = daftar_periode(2027, Frekuensi::Triwulanan)
        .iter()
        .map(Periode::kode)
        .collect();
    assert_eq!(kode, ["2027-TW1", "2027-TW2", "2027-TW3", "2027-TW4"]);
    assert_eq!(p(2027, JenisPeriode::Bulan(1)).kode(), "2027-B01");
    assert_eq!(p(2027, JenisPeriode::Bulan(12)).kode(), "2027-B12");
    assert_eq!(p(2027, JenisPeriode::Semester(2)).kode(), "2027-S2");
    assert_eq!(p(2027, JenisPeriode::Tahunan).kode(), "2027-TAHUNAN");
    assert_eq!(
        Periode::urai("2027-tw1"),
        Ok(p(2027, JenisPeriode::Triwulan(1)))
    );
    assert_eq!(
        Periode::urai("2027-Tahunan"),
        Ok(p(2027, JenisPeriode::Tahunan))
    );
    assert_eq!(
        Periode::urai("2000-b07"),
        Ok(p(2000, JenisPeriode::Bulan(7)))
    );
    assert_eq!(
        Periode::urai("2100-s1"),
        Ok(p(2100, JenisPeriode::Semester(1)))
    );
}

#[test]
fn kode_salah_ditolak() {
    for salah in [
        "",
        "2027",
        "2027-",
        "2027-TW5",
        "2027-TW0",
        "2027-TW01",
        "2027-B1",
        "2027-B00",
        "2027-B13",
        "2027-B001",
        "2027-S0",
        "2027-S3",
        "2027-Q1",
        "2027-TAHUN",
        "2027-TAHUNANX",
        "27-TW1",
        "+202-TW1",
        "2027_TW1",
        " 2027-TW1",
        "2027-TW1 ",
        "2027-TW1-TW2",
        "2027-TW١",
        "2027-TW1 dan seterusnya panjang sekali",
    ] {
        let g = Periode::urai(salah).unwrap_err();
        assert_eq!(g.field, "periode", "{salah:?}");
        assert_eq!(g.masalah, Masalah::PilihanTidakDikenal, "{salah:?}");
    }
    for luar in ["1999-TW1", "2101-TAHUNAN", "0000-B01"] {
        let g = Periode::urai(luar).unwrap_err();
        assert_eq!(g.field, "periode");
        assert!(matches!(g.masalah, Masalah::DiLuarRentang { .. }), "{luar}");
    }
    assert!(Periode::baru(2027, JenisPeriode::Bulan(13)).is_err());
    assert!(Periode::baru(2027, JenisPeriode::Triwulan(0)).is_err());
    assert!(Periode::baru(2027, JenisPeriode::Semester(2)).is_ok());
}

#[test]
fn serde_sebagai_kode() {
    let x = p(2027, JenisPeriode::Bulan(3));
    assert_eq!(serde_json::to_string(&x).unwrap(), "\"2027-B03\"");
    assert_eq!(serde_json::from_str::<Periode>("\"2027-b03\"").unwrap(), x);
    assert!(serde_json::from_str::<Periode>("\"2027-B3\"").is_err());
    assert!(serde_json::from_str::<Periode>("2027").is_err());
    assert_eq!(
        serde_json::to_string(&Frekuensi::default()).unwrap(),
        "\"triwulanan\""
    );
}

#[test]
fn tanggal_mulai_selesai_dan_kabisat() {
    let feb = |t| p(t, JenisPeriode::Bulan(2));
    assert_eq!(feb(2028).selesai(), date!(2028 - 02 - 29));
    assert_eq!(feb(2027).selesai(), date!(2027 - 02 - 28));
    assert_eq!(feb(2100).selesai(), date!(2100 - 02 - 28)); // bukan kabisat
    assert_eq!(feb(2000).selesai(), date!(2000 - 02 - 29));
    let tw = |n| p(2027, JenisPeriode::Triwulan(n));
    assert_eq!(
        (tw(1).mulai(), tw(1).selesai()),
        (date!(2027 - 01 - 01), date!(2027 - 03 - 31))
    );
    assert_eq!(
        (tw(2).mulai(), tw(2).selesai()),
        (date!(2027 - 04 - 01), date!(2027 - 06 - 30))
    );
    assert_eq!(tw(3).selesai(), date!(2027 - 09 - 30));
    assert_eq!(tw(4).selesai(), date!(2027 - 12 - 31));
    let s2 = p(2027, JenisPeriode::Semester(2));
    assert_eq!(
        (s2.mulai(), s2.selesai()),
        (date!(2027 - 07 - 01), date!(2027 - 12 - 31))
    );
    let th = p(2027, JenisPeriode::Tahunan);
    assert_eq!(
        (th.mulai(), th.selesai()),
        (date!(2027 - 01 - 01), date!(2027 - 12 - 31))
    );
    assert!(tw(1).memuat(date!(2027 - 03 - 31)));
    assert!(!tw(1).memuat(date!(2027 - 04 - 01)));
    assert!(!tw(1).memuat(date!(2026 - 02 - 01)));
    // Nilai rakitan di luar rentang tidak panik.
    assert_eq!(
        p(2027, JenisPeriode::Bulan(13)).selesai(),
        date!(2027 - 12 - 31)
    );
}

#[test]
fn periode_pada_batas_triwulan() {
    let f = Frekuensi::Triwulanan;
    let tw = |n| p(2027, JenisPeriode::Triwulan(n));
    assert_eq!(periode_pada(date!(2027 - 01 - 01), f), tw(1));
    assert_eq!(periode_pada(date!(2027 - 03 - 31), f), tw(1));
    assert_eq!(periode_pada(date!(2027 - 04 - 01), f), tw(2));
    assert_eq!(periode_pada(date!(2027 - 06 - 30), f), tw(2));
    assert_eq!(periode_pada(date!(2027 - 07 - 01), f), tw(3));
    assert_eq!(periode_pada(date!(2027 - 09 - 30), f), tw(3));
    assert_eq!(periode_pada(date!(2027 - 10 - 01), f), tw(4));
    assert_eq!(periode_pada(date!(2027 - 12 - 31), f), tw(4));
    assert_eq!(
        periode_pada(date!(2027 - 06 - 30), Frekuensi::Semesteran),
        p(2027, JenisPeriode::Semester(1))
    );
    assert_eq!(
        periode_pada(date!(2027 - 07 - 01), Frekuensi::Semesteran),
        p(2027, JenisPeriode::Semester(2))
    );
    assert_eq!(
        periode_pada(date!(2028 - 02 - 29), Frekuensi::Bulanan),
        p(2028, JenisPeriode::Bulan(2))
    );
    // Setiap hari dalam setahun jatuh di periode yang memuatnya.
    let mut h = date!(2028 - 01 - 01);
    while h.year() == 2028 {
        for f in Frekuensi::SEMUA {
            let x = periode_pada(h, *f);
            assert!(x.memuat(h) && x.mulai() <= h && h <= x.selesai(), "{h} {x}");
        }
        h = h.next_day().unwrap();
    }
}

#[test]
fn frekuensi_label_dan_cakupan() {
    assert_eq!(
        p(2027, JenisPeriode::Bulan(5)).frekuensi(),
        Some(Frekuensi::Bulanan)
    );
    assert_eq!(
        p(2027, JenisPeriode::Triwulan(2)).frekuensi(),
        Some(Frekuensi::Triwulanan)
    );
    assert_eq!(
        p(2027, JenisPeriode::Semester(1)).frekuensi(),
        Some(Frekuensi::Semesteran)
    );
    assert_eq!(p(2027, JenisPeriode::Tahunan).frekuensi(), None);

    let label = |j, b| p(2027, j).label(b);
    assert_eq!(
        label(JenisPeriode::Triwulan(1), Bahasa::Id),
        "Triwulan I 2027"
    );
    assert_eq!(
        label(JenisPeriode::Triwulan(4), Bahasa::Id),
        "Triwulan IV 2027"
    );
    assert_eq!(
        label(JenisPeriode::Triwulan(1), Bahasa::En),
        "Quarter 1 2027"
    );
    assert_eq!(label(JenisPeriode::Bulan(1), Bahasa::Id), "Januari 2027");
    assert_eq!(label(JenisPeriode::Bulan(1), Bahasa::En), "January 2027");
    assert_eq!(label(JenisPeriode::Bulan(8), Bahasa::Id), "Agustus 2027");
    assert_eq!(
        label(JenisPeriode::Semester(1), Bahasa::Id),
        "Semester I 2027"
    );
    assert_eq!(label(JenisPeriode::Semester(2), Bahasa::En), "Half 2 2027");
    assert_eq!(label(JenisPeriode::Tahunan, Bahasa::Id), "Tahunan 2027");
    assert_eq!(label(JenisPeriode::Tahunan, Bahasa::En), "Annual 2027");

    let mei = p(2027, JenisPeriode::Bulan(5));
    let tw2 = p(2027, JenisPeriode::Triwulan(2));
    let tw3 = p(2027, JenisPeriode::Triwulan(3));
    let s1 = p(2027, JenisPeriode::Semester(1));
    let th = p(2027, JenisPeriode::Tahunan);
    for (a, b) in [
        (mei, tw2),
        (mei, s1),
        (mei, th),
        (tw2, s1),
        (tw2, th),
        (s1, th),
        (tw2, tw2),
    ] {
        assert!(a.tercakup_dalam(&b), "{a} ⊂ {b}");
    }
    for (a, b) in [
        (mei, tw3),
        (tw2, mei),
        (tw3, s1),
        (th, s1),
        (s1, tw2),
        (mei, p(2028, JenisPeriode::Tahunan)),
    ] {
        assert!(!a.tercakup_dalam(&b), "{a} ⊄ {b}");
    }
}

// ---------- Alur ----------

#[test]
fn semua_transisi_menurut_tabel() {
    use LangkahSkp as L;
    use PelakuSkp as A;
    use StatusSkp as S;
    let boleh = [
        (S::Draf, L::Ajukan, A::Pegawai, S::Diajukan),
        (S::Dikembalikan, L::Ajukan, A::Pegawai, S::Diajukan),
        (S::Diajukan, L::Setujui, A::Penilai, S::Disetujui),
        (S::Diajukan, L::Kembalikan, A::Penilai, S::Dikembalikan),
        (S::Disetujui, L::BukaRevisi, A::Penilai, S::Draf),
    ];
    let pemilik = |l| {
        if l == L::Ajukan {
            A::Pegawai
        } else {
            A::Penilai
        }
    };
    let mut diizinkan = 0;
    for s in S::SEMUA {
        for l in L::SEMUA {
            for a in A::SEMUA {
                let hasil = transisi(*s, *l, *a);
                match boleh.iter().find(|b| (b.0, b.1, b.2) == (*s, *l, *a)) {
                    Some(b) => {
                        assert_eq!(hasil, Ok(b.3), "{s} {l} {a}");
                        diizinkan += 1;
                    }
                    None if *a != pemilik(*l) => {
                        assert_eq!(hasil, Err(TolakTransisi::BukanPelaku), "{s} {l} {a}")
                    }
                    None => assert_eq!(hasil, Err(TolakTransisi::StatusTidakSesuai), "{s} {l} {a}"),
                }
            }
        }
    }
    assert_eq!(diizinkan, boleh.len());
    assert_eq!(
        langkah_tersedia(S::Diajukan, A::Penilai),
        [L::Setujui, L::Kembalikan]
    );
    assert!(langkah_tersedia(S::Diajukan, A::Pegawai).is_empty());
    assert_eq!(langkah_tersedia(S::Dikembalikan, A::Pegawai), [L::Ajukan]);
}

#[test]
fn pesan_penolakan_dan_token() {
    use LangkahSkp as L;
    use StatusSkp as S;
    let t = TolakTransisi::StatusTidakSesuai;
    assert_eq!(t.token(), "status_tidak_sesuai");
    assert_eq!(TolakTransisi::BukanPelaku.token(), "bukan_pelaku");
    assert_eq!(
        t.pesan(Bahasa::Id, S::Disetujui, L::Ajukan),
        "SKP berstatus Disetujui tidak dapat diajukan lagi."
    );
    assert_eq!(
        t.pesan(Bahasa::En, S::Disetujui, L::Ajukan),
        "An SKP with status Approved cannot be submitted again."
    );
    assert_eq!(
        t.pesan(Bahasa::Id, S::Disetujui, L::Setujui),
        "SKP berstatus Disetujui tidak dapat disetujui lagi."
    );
    assert_eq!(
        t.pesan(Bahasa::Id, S::Dikembalikan, L::Kembalikan),
        "SKP berstatus Dikembalikan tidak dapat dikembalikan lagi."
    );
    assert_eq!(
        t.pesan(Bahasa::Id, S::Draf, L::Setujui),
        "SKP berstatus Draf tidak dapat disetujui."
    );
    assert_eq!(
        t.pesan(Bahasa::Id, S::Diajukan, L::BukaRevisi),
        "SKP berstatus Diajukan tidak dapat dibuka untuk revisi."
    );
    assert_eq!(
        TolakTransisi::BukanPelaku.pesan(Bahasa::Id, S::Diajukan, L::Setujui),
        "Hanya pejabat penilai yang dapat menyetujui SKP."
    );
    assert_eq!(
        TolakTransisi::BukanPelaku.pesan(Bahasa::En, S::Draf, L::Ajukan),
        "Only the SKP owner can submit the SKP."
    );
    assert_eq!(S::Dikembalikan.label(Bahasa::En), "Returned");
    assert_eq!(L::BukaRevisi.token(), "buka_revisi");
    assert_eq!(
        serde_json::to_string(&S::Dikembalikan).unwrap(),
        "\"dikembalikan\""
    );
}

#[test]
fn isi_hanya_diubah_pada_draf_atau_dikembalikan() {
    assert!(boleh_ubah_isi(StatusSkp::Draf));
    assert!(boleh_ubah_isi(StatusSkp::Dikembalikan));
    assert!(!boleh_ubah_isi(StatusSkp::Diajukan));
    assert!(!boleh_ubah_isi(StatusSkp::Disetujui));
}

// ---------- Pejabat penilai ----------

fn pos(
    id: &str,
    unit: &str,
    jabatan: Option<&str>,
    atasan: Option<&str>,
    aktif: bool,
) -> PosPegawai {
    PosPegawai {
        id: id.into(),
        unit_id: unit.into(),
        jabatan_id: jabatan.map(Into::into),
        atasan_id: atasan.map(Into::into),
        aktif,
    }
}

/// Dinas (DIN) ⊃ Bidang (BID) ⊃ Seksi (SEK); unit lain (LAIN) di bawah DIN.
/// kadis → kabid → kasi → staf.
fn peta() -> PetaOrganisasi {
    let mut m = PetaOrganisasi::default();
    for (u, i) in [
        ("DIN", None),
        ("BID", Some("DIN")),
        ("SEK", Some("BID")),
        ("LAIN", Some("DIN")),
    ] {
        m.induk_unit.insert(u.into(), i.map(Into::into));
    }
    for x in [
        pos("kadis", "DIN", Some("J-KADIS"), Some("sekda"), true),
        pos("kabid", "BID", Some("J-KABID"), Some("kadis"), true),
        pos("kasi", "SEK", Some("J-KASI"), Some("kabid"), true),
        pos("staf", "SEK", None, Some("kasi"), true),
    ] {
        m.pegawai.insert(x.id.clone(), x);
    }
    m
}

fn penilai(id: &str, dasar: DasarPenilai) -> Option<Penilai> {
    Some(Penilai {
        pegawai_id: id.into(),
        dasar,
    })
}

fn tugas(m: &mut PetaOrganisasi, jabatan: &str, pegawai: &str, jenis: JenisPenugasan, unit: &str) {
    m.penugasan.insert(
        jabatan.into(),
        PenugasanSementara {
            pegawai_id: pegawai.into(),
            jenis,
            unit_id: unit.into(),
        },
    );
}

#[test]
fn penilai_definitif() {
    let h = tentukan_penilai(&peta(), "staf");
    assert_eq!(h.penilai, penilai("kasi", DasarPenilai::Definitif));
    assert_eq!(h.atasan_penilai, penilai("kabid", DasarPenilai::Definitif));
    assert_eq!(h.masalah, None);
    // Atasan di unit induk juga sah.
    let h = tentukan_penilai(&peta(), "kasi");
    assert_eq!(h.penilai, penilai("kabid", DasarPenilai::Definitif));
    assert_eq!(h.masalah, None);
}

#[test]
fn atasan_pensiun_dengan_plt_dan_tanpa_pemegang() {
    let mut m = peta();
    m.pegawai.get_mut("kasi").unwrap().aktif = false;
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, None);
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanTidakAktif));
    // Atasan penilai tetap dihitung dari catatan atasan definitif.
    assert_eq!(h.atasan_penilai, penilai("kabid", DasarPenilai::Definitif));

    tugas(&mut m, "J-KASI", "kabid", JenisPenugasan::Plt, "SEK");
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("kabid", DasarPenilai::Plt));
    assert_eq!(h.masalah, None);

    tugas(&mut m, "J-KASI", "staf2", JenisPenugasan::Plh, "SEK");
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("staf2", DasarPenilai::Plh));
    assert_eq!(h.masalah, None);

    // Atasan aktif mengalahkan penugasan sementara yang tertinggal.
    m.pegawai.get_mut("kasi").unwrap().aktif = true;
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("kasi", DasarPenilai::Definitif));
}

#[test]
fn atasan_tidak_aktif_tanpa_jabatan() {
    let mut m = peta();
    let kasi = m.pegawai.get_mut("kasi").unwrap();
    kasi.aktif = false;
    kasi.jabatan_id = None;
    tugas(&mut m, "J-KASI", "kabid", JenisPenugasan::Plt, "SEK");
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, None);
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanTidakAktif));
}

#[test]
fn atasan_lintas_unit_ditandai_tetapi_tetap_menilai() {
    let mut m = peta();
    m.pegawai.get_mut("kasi").unwrap().unit_id = "LAIN".into();
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("kasi", DasarPenilai::Definitif));
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanLintasUnit));

    // Unit penugasan Plt yang dipakai, bukan unit asal pemegangnya.
    let mut m = peta();
    m.pegawai.get_mut("kasi").unwrap().aktif = false;
    tugas(&mut m, "J-KASI", "orang_lain", JenisPenugasan::Plt, "LAIN");
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("orang_lain", DasarPenilai::Plt));
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanLintasUnit));
    tugas(&mut m, "J-KASI", "orang_lain", JenisPenugasan::Plt, "SEK");
    assert_eq!(tentukan_penilai(&m, "staf").masalah, None);

    // Siklus di pohon unit tidak membuat fungsi berputar selamanya.
    let mut m = peta();
    m.induk_unit.insert("DIN".into(), Some("SEK".into()));
    m.pegawai.get_mut("kasi").unwrap().unit_id = "LAIN".into();
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanLintasUnit));
}

#[test]
fn tanpa_atasan_atasan_tidak_dikenal_pegawai_tidak_dikenal() {
    let mut m = peta();
    m.pegawai.get_mut("staf").unwrap().atasan_id = None;
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(
        h,
        HasilPenilai {
            penilai: None,
            atasan_penilai: None,
            masalah: Some(MasalahPenilai::TanpaAtasan)
        }
    );
    m.pegawai.get_mut("staf").unwrap().atasan_id = Some("hantu".into());
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, None);
    assert_eq!(h.masalah, Some(MasalahPenilai::AtasanTidakDikenal));
    assert_eq!(
        tentukan_penilai(&m, "tidak_ada").masalah,
        Some(MasalahPenilai::PegawaiTidakDikenal)
    );
    // Atasan penilai tidak dikenal → None tanpa masalah.
    let h = tentukan_penilai(&peta(), "kabid");
    assert_eq!(h.penilai, penilai("kadis", DasarPenilai::Definitif));
    assert_eq!(h.atasan_penilai, None);
    assert_eq!(h.masalah, None);
}

#[test]
fn atasan_penilai_lewat_plt() {
    let mut m = peta();
    m.pegawai.get_mut("kabid").unwrap().aktif = false;
    tugas(&mut m, "J-KABID", "kadis", JenisPenugasan::Plt, "BID");
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("kasi", DasarPenilai::Definitif));
    assert_eq!(h.atasan_penilai, penilai("kadis", DasarPenilai::Plt));
    // Tanpa pemegang sementara: atasan penilai kosong, penilai tetap.
    m.penugasan.clear();
    let h = tentukan_penilai(&m, "staf");
    assert_eq!(h.penilai, penilai("kasi", DasarPenilai::Definitif));
    assert_eq!(h.atasan_penilai, None);
    assert_eq!(h.masalah, None);
}

// ---------- Kelompok kurva ----------

fn u(id: &str, induk: Option<&str>, jumlah: u64) -> UnitDinilai {
    UnitDinilai {
        unit_id: id.into(),
        induk_id: induk.map(Into::into),
        jumlah,
    }
}

fn k(id: &str, anggota: &[&str], jumlah: u64, digabung: bool) -> KelompokKurva {
    KelompokKurva {
        unit_id: id.into(),
        anggota: anggota.iter().map(|s| s.to_string()).collect(),
        jumlah,
        digabung,
    }
}

#[test]
fn anak_kecil_digabung_ke_induk() {
    let unit = [u("A", None, 10), u("B", Some("A"), 3), u("C", Some("A"), 6)];
    assert_eq!(
        kelompok_kurva(&unit, 5),
        [k("A", &["A", "B"], 13, true), k("C", &["C"], 6, false)]
    );
    // Tepat di ambang tidak digabung.
    let unit = [u("A", None, 10), u("B", Some("A"), 5)];
    assert_eq!(
        kelompok_kurva(&unit, 5),
        [k("A", &["A"], 10, false), k("B", &["B"], 5, false)]
    );
}

#[test]
fn rantai_dua_tingkat_kecil_naik_dua_kali() {
    // C (2) → B (1 + 2 = 3 < 5) → A.
    let unit = [u("C", Some("B"), 2), u("B", Some("A"), 1), u("A", None, 7)];
    assert_eq!(
        kelompok_kurva(&unit, 5),
        [k("A", &["A", "B", "C"], 10, true)]
    );
    // Induk tanpa catatan dibuat dengan 0 pegawai dan menerima anak.
    let unit = [u("C", Some("B"), 2), u("D", Some("B"), 4)];
    assert_eq!(
        kelompok_kurva(&unit, 5),
        [k("B", &["B", "C", "D"], 6, true)]
    );
    // Kelompok di unit induk kosong dengan satu unit berpegawai: tidak "digabung".
    let unit = [u("C", Some("B"), 2), u("B", Some("A"), 0), u("A", None, 0)];
    assert_eq!(kelompok_kurva(&unit, 5), [k("A", &["A", "C"], 2, false)]);
}

#[test]
fn akar_di_bawah_ambang_tetap_sendiri_dan_unit_kosong_dilewati() {
    let unit = [
        u("A", None, 2),
        u("B", Some("A"), 1),
        u("X", None, 0),
        u("Y", Some("X"), 0),
    ];
    assert_eq!(kelompok_kurva(&unit, 5), [k("A", &["A", "B"], 3, true)]);
    assert!(kelompok_kurva(&[], 5).is_empty());
    assert!(kelompok_kurva(&[u("A", None, 0)], 5).is_empty());
    // Ambang 0: tidak ada yang digabung.
    let unit = [u("A", None, 1), u("B", Some("A"), 1)];
    assert_eq!(
        kelompok_kurva(&unit, 0),
        [k("A", &["A"], 1, false), k("B", &["B"], 1, false)]
    );
}

#[test]
fn kelompok_deterministik_dan_aman_dari_siklus() {
    let unit = vec![
        u("A", None, 20),
        u("B", Some("A"), 4),
        u("B1", Some("B"), 2),
        u("B2", Some("B"), 9),
        u("C", Some("A"), 1),
        u("C1", Some("C"), 1),
    ];
    let harap = [
        k("A", &["A", "C", "C1"], 22, true),
        k("B", &["B", "B1"], 6, true),
        k("B2", &["B2"], 9, false),
    ];
    assert_eq!(kelompok_kurva(&unit, 5), harap);
    let mut terbalik = unit.clone();
    terbalik.reverse();
    assert_eq!(kelompok_kurva(&terbalik, 5), harap);
    // Jumlah pegawai tidak hilang atau berlipat.
    let total: u64 = kelompok_kurva(&unit, 5).iter().map(|g| g.jumlah).sum();
    assert_eq!(total, 37);

    // Siklus A → B → A dan unit yang menjadi induknya sendiri: selesai, total tetap.
    let unit = [
        u("A", Some("B"), 2),
        u("B", Some("A"), 2),
        u("S", Some("S"), 1),
    ];
    let g = kelompok_kurva(&unit, 5);
    assert_eq!(g.iter().map(|g| g.jumlah).sum::<u64>(), 5);
    assert_eq!(g, [k("B", &["A", "B"], 4, true), k("S", &["S"], 1, false)]);
}

// ---------- Saran rating ----------

#[test]
fn rating_dari_predikat_unit() {
    use PredikatOrganisasi as P;
    use RatingKinerja as R;
    assert_eq!(
        rating_dari_predikat_organisasi(P::Istimewa),
        R::DiAtasEkspektasi
    );
    assert_eq!(
        rating_dari_predikat_organisasi(P::Baik),
        R::SesuaiEkspektasi
    );
    for p in [P::ButuhPerbaikan, P::Kurang, P::SangatKurang] {
        assert_eq!(rating_dari_predikat_organisasi(p), R::DiBawahEkspektasi);
    }
}

#[test]
fn saran_rating_batas_dan_batas_120() {
    let saran = |xs: &[&str]| {
        let v: Vec<Decimal> = xs.iter().map(|x| d(x)).collect();
        saran_rating_hasil(&v, Bahasa::Id).unwrap()
    };
    assert!(saran_rating_hasil(&[], Bahasa::Id).is_none());
    let s = saran(&["110"]);
    assert_eq!(
        (s.rating, s.rata_rata),
        (RatingKinerja::DiAtasEkspektasi, d("110.00"))
    );
    let s = saran(&["109.995"]); // dibulatkan ke 110,00 → di atas
    assert_eq!(s.rating, RatingKinerja::DiAtasEkspektasi);
    assert_eq!(saran(&["109.994"]).rating, RatingKinerja::SesuaiEkspektasi);
    assert_eq!(saran(&["90"]).rating, RatingKinerja::SesuaiEkspektasi);
    assert_eq!(saran(&["89.99"]).rating, RatingKinerja::DiBawahEkspektasi);
    // 200 dibatasi 120: (120 + 80) / 2 = 100 → sesuai, bukan (200 + 80) / 2 = 140.
    let s = saran(&["200", "80"]);
    assert_eq!(s.rata_rata, d("100.00"));
    assert_eq!(s.rating, RatingKinerja::SesuaiEkspektasi);
    assert_eq!(s.jumlah, 2);
    // Pembulatan sekali: (100 + 100 + 100.01) / 3 = 100.00333… → 100,00.
    let s = saran(&["100", "100", "100.01"]);
    assert_eq!(s.rata_rata, d("100.00"));
    assert_eq!(
        s.alasan,
        "Rata-rata capaian 3 indikator = 100,00 % (tiap indikator dibatasi 120 %), ≥ 90 % → Sesuai Ekspektasi. Saran ini tidak mengikat; pejabat penilai yang menetapkan rating."
    );
    let v = [d("50"), d("75.5")];
    let s = saran_rating_hasil(&v, Bahasa::En).unwrap();
    assert_eq!(s.rata_rata, d("62.75"));
    assert_eq!(
        s.alasan,
        "Average achievement of 2 indicators = 62,75 % (each capped at 120 %), < 90 % → Below expectations. This is a suggestion; the evaluator sets the rating."
    );
}

mod pengingat {
    use rules::skp::{Frekuensi, Periode, PeristiwaSkp as P, StatusSkp, pengingat_skp};
    use time::macros::date;

    fn jenis(v: &[(P, String)]) -> Vec<(P, &str)> {
        v.iter().map(|(p, k)| (*p, k.as_str())).collect()
    }

    #[test]
    fn rencana_sebelum_dan_sesudah_batas_akhir_januari() {
        let f = Frekuensi::Triwulanan;
        let h = |d| pengingat_skp(d, 2027, StatusSkp::Draf, f, &[], &[]);
        assert!(jenis(&h(date!(2027 - 01 - 23))).is_empty());
        assert_eq!(
            jenis(&h(date!(2027 - 01 - 24))),
            [(P::RencanaSegera, "rencana")]
        );
        assert_eq!(
            jenis(&h(date!(2027 - 02 - 01))),
            [(P::RencanaLewatPegawai, "rencana")]
        );
        assert_eq!(
            jenis(&h(date!(2027 - 02 - 07))),
            [
                (P::RencanaLewatPegawai, "rencana"),
                (P::RencanaLewatPenilai, "rencana")
            ]
        );
        // Diajukan: pegawai sudah bertindak; penilai dan BKD yang diingatkan.
        let v = pengingat_skp(
            date!(2027 - 03 - 02),
            2027,
            StatusSkp::Diajukan,
            f,
            &[],
            &[],
        );
        assert_eq!(
            jenis(&v),
            [
                (P::RencanaLewatPenilai, "rencana"),
                (P::RencanaLewatBkd, "rencana")
            ]
        );
        // Disetujui: tidak ada pengingat rencana.
        let v = pengingat_skp(
            date!(2027 - 03 - 02),
            2027,
            StatusSkp::Disetujui,
            f,
            &[],
            &[],
        );
        assert!(v.iter().all(|(p, _)| *p != P::RencanaLewatBkd));
    }

    #[test]
    fn realisasi_dan_penilaian_per_periode() {
        let f = Frekuensi::Triwulanan;
        let tw1 = Periode::urai("2027-TW1").unwrap();
        let s = StatusSkp::Disetujui;
        // 7 hari sebelum akhir TW I tanpa realisasi.
        assert_eq!(
            jenis(&pengingat_skp(date!(2027 - 03 - 24), 2027, s, f, &[], &[])),
            [(P::RealisasiSegera, "2027-TW1")]
        );
        assert!(pengingat_skp(date!(2027 - 03 - 24), 2027, s, f, &[tw1], &[]).is_empty());
        // 7 hari sesudah: ke penilai; 14: belum dinilai; 30: BKD.
        let v = pengingat_skp(date!(2027 - 04 - 30), 2027, s, f, &[], &[]);
        assert_eq!(
            jenis(&v),
            [
                (P::RealisasiLewatPenilai, "2027-TW1"),
                (P::NilaiPenilai, "2027-TW1"),
                (P::NilaiBkd, "2027-TW1"),
            ]
        );
        let v = pengingat_skp(date!(2027 - 04 - 30), 2027, s, f, &[tw1], &[tw1]);
        assert!(v.is_empty(), "{v:?}");
    }
}
