//! Aturan `status-aksi-perubahan` (docs/aturan-aksi-perubahan.md): setiap
//! status tonggak dan proyek, batas hari (pembaruan pada hari itu = 0 hari),
//! dan sifat: status proyek adalah fungsi status tonggaknya.

use proptest::prelude::*;
use rules::aksi_perubahan::{
    AlasanProyek, AlasanTonggak, KonfigurasiAksiPerubahan, StatusAksi, Tahap, Tonggak,
    baca_tanggal, status, status_proyek, status_tonggak,
};
use rust_decimal::Decimal;

fn t(s: &str) -> time::Date {
    baca_tanggal(s).unwrap()
}

fn tonggak(jatuh_tempo: &str, progres: i64, diperbarui: &str) -> Tonggak {
    Tonggak {
        id: "x".into(),
        tahap: Tahap::JangkaMenengah,
        jatuh_tempo: t(jatuh_tempo),
        progres_persen: Decimal::from(progres),
        diperbarui_pada: t(diperbarui),
        selesai_pada: None,
        dibatalkan: None,
    }
}

fn k() -> KonfigurasiAksiPerubahan {
    KonfigurasiAksiPerubahan::default()
}

#[test]
fn pembaruan_pada_hari_itu_nol_hari() {
    let kecil = KonfigurasiAksiPerubahan {
        hari_senyap: 1,
        hari_berisiko: 0,
    };
    let hari_ini = tonggak("2027-06-30", 10, "2026-12-01");
    let s = status_tonggak(t("2026-12-01"), &hari_ini, &kecil);
    assert_eq!(s.hari_sejak_pembaruan, 0);
    assert_eq!(s.status, StatusAksi::SesuaiJadwal);
    let kemarin = tonggak("2027-06-30", 10, "2026-11-30");
    let s = status_tonggak(t("2026-12-01"), &kemarin, &kecil);
    assert_eq!(s.hari_sejak_pembaruan, 1);
    assert_eq!(s.status, StatusAksi::Senyap);
}

#[test]
fn batas_senyap_90_hari_tepat() {
    // 2026-09-02 → 2026-12-01 = 90 hari (senyap), 2026-09-03 = 89 hari.
    let a = status_tonggak(
        t("2026-12-01"),
        &tonggak("2027-12-31", 90, "2026-09-02"),
        &k(),
    );
    assert_eq!(
        (a.status, a.alasan),
        (StatusAksi::Senyap, AlasanTonggak::TanpaPembaruan)
    );
    let b = status_tonggak(
        t("2026-12-01"),
        &tonggak("2027-12-31", 90, "2026-09-03"),
        &k(),
    );
    assert_eq!(b.status, StatusAksi::SesuaiJadwal);
}

#[test]
fn jatuh_tempo_hari_ini_belum_terlambat_besok_terlambat() {
    let x = tonggak("2026-12-01", 80, "2026-11-30");
    assert_eq!(
        status_tonggak(t("2026-12-01"), &x, &k()).status,
        StatusAksi::SesuaiJadwal
    );
    let s = status_tonggak(t("2026-12-02"), &x, &k());
    assert_eq!(
        (s.status, s.alasan),
        (StatusAksi::Terlambat, AlasanTonggak::LewatJatuhTempo)
    );
    assert_eq!(s.hari_ke_jatuh_tempo, -1);
}

#[test]
fn berisiko_dalam_jendela_dan_di_bawah_50() {
    let tgl = t("2026-12-01");
    // 30 hari lagi, 49 → berisiko; 31 hari lagi → sesuai; progres 50 → sesuai.
    assert_eq!(
        status_tonggak(tgl, &tonggak("2026-12-31", 49, "2026-11-30"), &k()).status,
        StatusAksi::Berisiko
    );
    assert_eq!(
        status_tonggak(tgl, &tonggak("2027-01-01", 49, "2026-11-30"), &k()).status,
        StatusAksi::SesuaiJadwal
    );
    assert_eq!(
        status_tonggak(tgl, &tonggak("2026-12-31", 50, "2026-11-30"), &k()).status,
        StatusAksi::SesuaiJadwal
    );
}

#[test]
fn selesai_dan_dibatalkan_mengalahkan_terlambat() {
    let mut x = tonggak("2026-01-01", 10, "2025-01-01");
    x.dibatalkan = Some("alasan".into());
    assert_eq!(
        status_tonggak(t("2026-12-01"), &x, &k()).status,
        StatusAksi::Dibatalkan
    );
    x.selesai_pada = Some(t("2026-02-01"));
    assert_eq!(
        status_tonggak(t("2026-12-01"), &x, &k()).status,
        StatusAksi::Selesai
    );
}

#[test]
fn status_proyek_setiap_cabang() {
    use StatusAksi::*;
    let cek =
        |v: &[StatusAksi], s, a| assert_eq!(status_proyek(v.iter().copied()), (s, a), "{v:?}");
    cek(&[], SesuaiJadwal, AlasanProyek::BelumAdaTonggak);
    cek(
        &[Dibatalkan, Dibatalkan],
        Dibatalkan,
        AlasanProyek::SemuaTonggakDibatalkan,
    );
    cek(
        &[Dibatalkan, Selesai],
        Selesai,
        AlasanProyek::SemuaTonggakSelesai,
    );
    cek(&[Selesai], Selesai, AlasanProyek::SemuaTonggakSelesai);
    cek(
        &[Berisiko, Senyap, Terlambat],
        Terlambat,
        AlasanProyek::AdaTonggakTerlambat,
    );
    cek(
        &[Berisiko, Senyap, Selesai],
        Senyap,
        AlasanProyek::AdaTonggakSenyap,
    );
    cek(
        &[SesuaiJadwal, Berisiko],
        Berisiko,
        AlasanProyek::AdaTonggakBerisiko,
    );
    cek(
        &[SesuaiJadwal, Selesai, Dibatalkan],
        SesuaiJadwal,
        AlasanProyek::TonggakSesuaiJadwal,
    );
}

fn status_apa() -> impl Strategy<Value = StatusAksi> {
    prop::sample::select(StatusAksi::SEMUA.to_vec())
}

proptest! {
    /// Proyek tidak lebih baik dari tonggak terburuknya yang masih berjalan,
    /// dan urutan tonggak tidak berpengaruh.
    #[test]
    fn status_proyek_tidak_bergantung_urutan(mut v in prop::collection::vec(status_apa(), 0..12)) {
        let a = status_proyek(v.iter().copied());
        v.reverse();
        prop_assert_eq!(a, status_proyek(v.iter().copied()));
        if v.contains(&StatusAksi::Terlambat) {
            prop_assert_eq!(a.0, StatusAksi::Terlambat);
        }
    }

    /// Rentang hari mana pun: status yang keluar konsisten dengan definisinya.
    #[test]
    fn status_tonggak_konsisten(hari_tempo in -400i64..400, hari_lalu in -10i64..400, progres in 0i64..=100) {
        let tgl = t("2026-12-01");
        let x = Tonggak {
            id: "x".into(),
            tahap: Tahap::JangkaPanjang,
            jatuh_tempo: tgl + time::Duration::days(hari_tempo),
            progres_persen: Decimal::from(progres),
            diperbarui_pada: tgl - time::Duration::days(hari_lalu),
            selesai_pada: None,
            dibatalkan: None,
        };
        let s = status(tgl, std::slice::from_ref(&x), &k());
        let st = s.tonggak[0].status;
        prop_assert_eq!(st == StatusAksi::Terlambat, hari_tempo < 0);
        if hari_tempo >= 0 {
            prop_assert_eq!(st == StatusAksi::Senyap, hari_lalu >= 90);
        }
        prop_assert_eq!(s.status, st);
    }
}
