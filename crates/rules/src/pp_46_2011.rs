//! PP No. 46 Tahun 2011 + Perka BKN No. 1 Tahun 2013 — SKP lama [S].
//!
//! Per kegiatan (T = target, R = realisasi):
//! * kuantitas = RO / TO × 100; kualitas = RK / TK × 100;
//! * waktu: efisiensi `e = 100 − RW/TW × 100`; bila `e ≤ 24`:
//!   `(1,76·TW − RW)/TW × 100`; bila tidak: `76 − ((1,76·TW − RW)/TW × 100 − 100)`.
//!   1,76 berasal dari: efisiensi tepat 24 % (RW = 0,76·TW) bernilai 100, RW = TW
//!   bernilai 76; efisiensi di atas 24 % dianggap target keliru dan nilainya turun.
//!   Batas 24 % harus eksak (f64 memberi 24,000000000000014 untuk 9,12/12);
//! * biaya: sama dengan waktu memakai TB/RB;
//! * nilai kegiatan = jumlah aspek / 4, atau / 3 tanpa target biaya (atau target biaya 0);
//! * kegiatan tidak dikerjakan (RO = 0): waktu dan biaya bernilai 0 (implementasi publik) [S].
//! * Kebijakan Kinerja [R]: nilai waktu/biaya tidak kurang dari 0 (rumus memberi
//!   negatif bila realisasi > 1,76 × target).
//!
//! Nilai SKP = rata-rata nilai kegiatan (eksak, dibulatkan sekali di akhir).
//! Nilai prestasi kerja = 60 % nilai SKP + 40 % nilai perilaku (0–100) [S].
//! Kategori dari nilai yang dibulatkan [S]: di atas 90 Sangat Baik; di atas 75
//! Baik; di atas 60 Cukup; di atas 50 Kurang; selebihnya Buruk. Tugas tambahan
//! dan kreativitas [R] tidak dihitung di sini.

use crate::angka;
use crate::galat::{GalatInput, Masalah, bukan_negatif, cek, dalam_rentang};
use rust_decimal::Decimal;

/// Sumber regulasi untuk penjelasan.
pub const SUMBER: &str = "PP No. 46 Tahun 2011 dan Perka BKN No. 1 Tahun 2013";

enum_token! {
    /// Kategori nilai SKP / nilai prestasi kerja.
    pub enum KategoriPp46 {
        /// Sangat Baik (> 90).
        SangatBaik => "sangat_baik",
        /// Baik (> 75).
        Baik => "baik",
        /// Cukup (> 60).
        Cukup => "cukup",
        /// Kurang (> 50).
        Kurang => "kurang",
        /// Buruk (≤ 50).
        Buruk => "buruk",
    }
}

/// Kategori dari nilai yang sudah dibulatkan.
pub fn kategori(nilai: Decimal) -> KategoriPp46 {
    let d = Decimal::from;
    if nilai > d(90) {
        KategoriPp46::SangatBaik
    } else if nilai > d(75) {
        KategoriPp46::Baik
    } else if nilai > d(60) {
        KategoriPp46::Cukup
    } else if nilai > d(50) {
        KategoriPp46::Kurang
    } else {
        KategoriPp46::Buruk
    }
}

/// Target dan realisasi biaya satu kegiatan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Biaya {
    /// Target biaya (0 = tanpa aspek biaya).
    pub target: Decimal,
    /// Realisasi biaya.
    pub realisasi: Decimal,
}

/// Satu kegiatan tugas jabatan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KegiatanPp46 {
    /// Target kuantitas output.
    pub target_output: Decimal,
    /// Realisasi kuantitas output.
    pub realisasi_output: Decimal,
    /// Target kualitas/mutu.
    pub target_kualitas: Decimal,
    /// Realisasi kualitas/mutu.
    pub realisasi_kualitas: Decimal,
    /// Target waktu (bulan).
    pub target_waktu: Decimal,
    /// Realisasi waktu (bulan).
    pub realisasi_waktu: Decimal,
    /// Biaya, bila ada.
    pub biaya: Option<Biaya>,
}

/// Nilai aspek waktu atau biaya beserta efisiensinya.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NilaiEfisiensi {
    /// Efisiensi `100 − R/T × 100` (persen).
    pub efisiensi: Decimal,
    /// Apakah efisiensi ≤ 24 % (cabang rumus pertama).
    pub sampai_24: bool,
    /// Nilai aspek (eksak, ≥ 0).
    pub nilai: Decimal,
}

/// Nilai aspek waktu/biaya. `None` bila target 0 atau angka meluap.
pub fn nilai_efisiensi(target: Decimal, realisasi: Decimal) -> Option<NilaiEfisiensi> {
    let seratus = Decimal::ONE_HUNDRED;
    let efisiensi = seratus.checked_sub(realisasi.checked_mul(seratus)?.checked_div(target)?)?;
    // (1,76·T − R)/T × 100, dikalikan dulu lalu dibagi sekali.
    let dasar = Decimal::new(176, 2)
        .checked_mul(target)?
        .checked_sub(realisasi)?
        .checked_mul(seratus)?
        .checked_div(target)?;
    let sampai_24 = efisiensi <= Decimal::from(24);
    let nilai = if sampai_24 {
        dasar
    } else {
        Decimal::from(76).checked_sub(dasar.checked_sub(seratus)?)?
    };
    Some(NilaiEfisiensi {
        efisiensi,
        sampai_24,
        nilai: nilai.max(Decimal::ZERO),
    })
}

/// Nilai satu kegiatan (eksak).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NilaiKegiatan {
    /// Aspek kuantitas.
    pub kuantitas: Decimal,
    /// Aspek kualitas.
    pub kualitas: Decimal,
    /// Aspek waktu.
    pub waktu: NilaiEfisiensi,
    /// Aspek biaya, bila kegiatan punya target biaya > 0.
    pub biaya: Option<NilaiEfisiensi>,
    /// Kegiatan tidak dikerjakan (realisasi output 0): waktu dan biaya 0.
    pub tidak_dikerjakan: bool,
    /// Pembagi (4 dengan biaya, 3 tanpa).
    pub pembagi: u8,
    /// Nilai kegiatan.
    pub nilai: Decimal,
}

/// Nilai satu kegiatan. `awalan` adalah jalur field untuk pesan galat
/// (mis. `kegiatan[0]`).
pub fn nilai_kegiatan(k: &KegiatanPp46, awalan: &str) -> Result<NilaiKegiatan, GalatInput> {
    let f = |nama: &str| {
        if awalan.is_empty() {
            nama.to_string()
        } else {
            format!("{awalan}.{nama}")
        }
    };
    let positif = |nilai: Decimal, nama: &str| -> Result<Decimal, GalatInput> {
        bukan_negatif(nilai, &f(nama))?;
        if nilai.is_zero() {
            Err(GalatInput::baru(f(nama), Masalah::Nol))
        } else {
            Ok(nilai)
        }
    };
    let to = positif(k.target_output, "target_output")?;
    let ro = bukan_negatif(k.realisasi_output, &f("realisasi_output"))?;
    let tk = positif(k.target_kualitas, "target_kualitas")?;
    let rk = bukan_negatif(k.realisasi_kualitas, &f("realisasi_kualitas"))?;
    let tw = positif(k.target_waktu, "target_waktu")?;
    let rw = bukan_negatif(k.realisasi_waktu, &f("realisasi_waktu"))?;
    let biaya = match k.biaya {
        Some(b) => {
            let tb = bukan_negatif(b.target, &f("target_biaya"))?;
            let rb = bukan_negatif(b.realisasi, &f("realisasi_biaya"))?;
            (!tb.is_zero()).then_some((tb, rb))
        }
        None => None,
    };
    let seratus = Decimal::ONE_HUNDRED;
    let persen = |r: Decimal, t: Decimal, nama: &str| {
        cek(
            r.checked_mul(seratus).and_then(|x| x.checked_div(t)),
            &f(nama),
        )
    };
    let kuantitas = persen(ro, to, "realisasi_output")?;
    let kualitas = persen(rk, tk, "realisasi_kualitas")?;
    let tidak_dikerjakan = ro.is_zero();
    let efisiensi = |t, r, nama: &str| -> Result<NilaiEfisiensi, GalatInput> {
        let mut n = nilai_efisiensi(t, r)
            .ok_or_else(|| GalatInput::baru(f(nama), Masalah::TerlaluBesar))?;
        if tidak_dikerjakan {
            n.nilai = Decimal::ZERO;
        }
        Ok(n)
    };
    let waktu = efisiensi(tw, rw, "realisasi_waktu")?;
    let biaya = biaya
        .map(|(tb, rb)| efisiensi(tb, rb, "realisasi_biaya"))
        .transpose()?;
    let pembagi: u8 = if biaya.is_some() { 4 } else { 3 };
    let jumlah = [
        Some(kuantitas),
        Some(kualitas),
        Some(waktu.nilai),
        biaya.map(|b| b.nilai),
    ]
    .into_iter()
    .flatten()
    .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x));
    let nilai = cek(jumlah, &f("realisasi_output"))? / Decimal::from(pembagi);
    Ok(NilaiKegiatan {
        kuantitas,
        kualitas,
        waktu,
        biaya,
        tidak_dikerjakan,
        pembagi,
        nilai,
    })
}

/// Hasil nilai SKP PP 46/2011.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HasilSkpPp46 {
    /// Nilai per kegiatan.
    pub kegiatan: Vec<NilaiKegiatan>,
    /// Rata-rata nilai kegiatan, eksak.
    pub nilai_skp: Decimal,
    /// Nilai SKP dibulatkan (dasar kategori).
    pub nilai_skp_bulat: Decimal,
    /// Kategori nilai SKP.
    pub kategori_skp: KategoriPp46,
}

/// Nilai SKP dari daftar kegiatan. Field galat: `kegiatan`, `kegiatan[i].…`.
pub fn nilai_skp(kegiatan: &[KegiatanPp46]) -> Result<HasilSkpPp46, GalatInput> {
    if kegiatan.is_empty() {
        return Err(GalatInput::baru("kegiatan", Masalah::DaftarKosong));
    }
    let nilai: Vec<NilaiKegiatan> = kegiatan
        .iter()
        .enumerate()
        .map(|(i, k)| nilai_kegiatan(k, &format!("kegiatan[{i}]")))
        .collect::<Result<_, _>>()?;
    let jumlah = nilai
        .iter()
        .try_fold(Decimal::ZERO, |acc, n| acc.checked_add(n.nilai));
    let nilai_skp = cek(jumlah, "kegiatan")? / Decimal::from(nilai.len());
    let nilai_skp_bulat = angka::bulatkan(nilai_skp);
    Ok(HasilSkpPp46 {
        kegiatan: nilai,
        nilai_skp,
        nilai_skp_bulat,
        kategori_skp: kategori(nilai_skp_bulat),
    })
}

/// Hasil nilai prestasi kerja.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HasilPrestasiKerja {
    /// 60 % nilai SKP + 40 % nilai perilaku, eksak.
    pub nilai: Decimal,
    /// Nilai dibulatkan (dasar kategori).
    pub nilai_bulat: Decimal,
    /// Kategori.
    pub kategori: KategoriPp46,
}

/// Nilai prestasi kerja = 60 % nilai SKP (eksak) + 40 % nilai perilaku.
/// Field galat: `nilai_perilaku` (harus 0–100).
pub fn nilai_prestasi_kerja(
    nilai_skp: Decimal,
    nilai_perilaku: Decimal,
) -> Result<HasilPrestasiKerja, GalatInput> {
    dalam_rentang(
        nilai_perilaku,
        Decimal::ZERO,
        Decimal::ONE_HUNDRED,
        "nilai_perilaku",
    )?;
    let hitung = nilai_skp
        .checked_mul(Decimal::from(60))
        .and_then(|a| a.checked_add(nilai_perilaku * Decimal::from(40)))
        .map(|x| x / Decimal::ONE_HUNDRED);
    let nilai = cek(hitung, "kegiatan")?;
    let nilai_bulat = angka::bulatkan(nilai);
    Ok(HasilPrestasiKerja {
        nilai,
        nilai_bulat,
        kategori: kategori(nilai_bulat),
    })
}
