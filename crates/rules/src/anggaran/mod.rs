//! Anggaran berbasis kinerja (isu 9): tiga aturan murni di atas data
//! nomenklatur dan bagan akun belanja yang dikirim bersama Kinerja.
//!
//! * [`gerbang()`] — sebelum diberi anggaran, setiap sub kegiatan harus jelas
//!   keluarannya (indikator, target, target triwulan), penanggung jawabnya,
//!   programnya dan pagunya. Menerima draf.
//! * [`nilai_uang()`] — penyerapan dibandingkan capaian keluaran, ekspektasi
//!   waktu, biaya per satuan, dan tanda (uang habis hasil tidak jelas, …).
//! * [`keselarasan()`] — apakah sub kegiatan dan belanjanya nyambung dengan
//!   programnya (kode, nomenklatur, porsi belanja penunjang, kata penunjang,
//!   indikator administratif).
//! * Data: [`kode_dikenal`], [`jenis_subkegiatan`], [`entri_subkegiatan`],
//!   [`uraian_rekening`]; kelompok belanja penunjang [`BelanjaPenunjang`].
//!
//! Setiap ambang adalah kebijakan Kinerja [R] yang dapat diatur per instansi
//! ([`KonfigurasiAnggaran`]) dan ditimpa lewat field masukan kalkulator.
//! Aturan, bawaan, sumber dan contoh kerja: `docs/aturan-anggaran.md`.

pub mod data;
pub mod gerbang;
pub mod kamus;
pub mod keselarasan;
pub mod nilai_uang;
pub mod penunjang;
pub mod perbandingan;

pub use data::{
    EntriSubkegiatan, JenisPemda, JenisSubkegiatan, VersiNomenklatur, entri_subkegiatan,
    jenis_subkegiatan, jenis_subkegiatan_pemda, kode_dikenal, kode_dikenal_di, normalkan_kode,
    normalkan_rekening, program_penunjang, uraian_rekening,
};
pub use gerbang::{
    AlasanGerbang, HasilGerbang, IndikatorRencana, Kekurangan, MasalahTriwulan, RincianKekurangan,
    SubkegiatanRencana, gerbang,
};
pub use kamus::{
    KamusBawaan, KamusBerlaku, KamusKl, KamusNomenklatur, PerubahanNomenklatur, Tindakan,
    versi_untuk,
};
pub use keselarasan::{
    BarisBelanja, HasilKeselarasan, IndikatorKeluaran, KodeTemuan, KonfigurasiKeselarasan,
    MasukanKeselarasan, ProgramRencana, RincianTemuan, SubkegiatanBelanja, Temuan, keselarasan,
    keselarasan_dengan,
};
pub use nilai_uang::{
    AmbangNilaiUang, HasilNilaiUang, KodeTanda, MasukanNilaiUang, Tanda, nilai_uang,
};
pub use penunjang::{
    BelanjaPenunjang, KelompokPenunjang, daftar_kata_penunjang, indikator_administratif,
    kata_penunjang,
};
pub use perbandingan::{AmbangPerbandingan, Pencilan, StatistikBiaya, pencilan, statistik_biaya};

use crate::{Bahasa, angka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Angka untuk pesan, dengan pemisah sesuai bahasa (paling banyak 4 desimal):
/// `6050000000` → `6.050.000.000` (id) / `6,050,000,000` (en); `60.5` → `60,5` (id).
pub(crate) fn angka_pesan(x: Decimal, b: Bahasa) -> String {
    let teks = angka::teks_ringkas(x);
    let (tanda, mutlak) = match teks.strip_prefix('-') {
        Some(t) => ("-", t),
        None => ("", teks.as_str()),
    };
    let (bulat, pecahan) = mutlak.split_once('.').unwrap_or((mutlak, ""));
    let (ribuan, desimal) = match b {
        Bahasa::Id => ('.', ','),
        Bahasa::En => (',', '.'),
    };
    let mut out = String::from(tanda);
    for (i, c) in bulat.chars().enumerate() {
        if i > 0 && (bulat.len() - i) % 3 == 0 {
            out.push(ribuan);
        }
        out.push(c);
    }
    if !pecahan.is_empty() {
        out.push(desimal);
        out.push_str(pecahan);
    }
    out
}

/// Sumber aturan gerbang anggaran, untuk penjelasan.
pub const SUMBER_GERBANG: &str = "Kebijakan anggaran berbasis kinerja (KemenPAN-RB, Kemenkeu, Bappenas: \"sebelum diberikan anggaran harus jelas dulu apa yang mau dihasilkan\"); Permendagri No. 90 Tahun 2019 (kode dan indikator sub kegiatan); PermenPANRB No. 8 Tahun 2021 (target)";
/// Sumber aturan nilai uang, untuk penjelasan.
pub const SUMBER_NILAI_UANG: &str = "PMK No. 22/PMK.02/2021 (penyerapan); PermenPANRB No. 8 Tahun 2021 (capaian); ambang tanda: kebijakan Kinerja";
/// Sumber aturan keselarasan program, untuk penjelasan.
pub const SUMBER_KESELARASAN: &str = "Permendagri No. 90 Tahun 2019; Kepmendagri 050-5889/2021 dan perubahannya (nomenklatur, kode rekening belanja); PP No. 12 Tahun 2019 Pasal 54 ayat (3); Inpres No. 1 Tahun 2025";

/// Konfigurasi anggaran per instansi; `Default` = nilai terdokumentasi [R].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KonfigurasiAnggaran {
    /// Ambang tanda nilai uang.
    pub nilai_uang: AmbangNilaiUang,
    /// Ambang dan kelompok belanja penunjang keselarasan program.
    pub keselarasan: KonfigurasiKeselarasan,
    /// Perbandingan biaya per satuan antarwilayah.
    pub perbandingan: AmbangPerbandingan,
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn angka_untuk_pesan() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(angka_pesan(d("6050000000"), Bahasa::Id), "6.050.000.000");
        assert_eq!(angka_pesan(d("6050000000"), Bahasa::En), "6,050,000,000");
        assert_eq!(angka_pesan(d("60.50"), Bahasa::Id), "60,5");
        assert_eq!(angka_pesan(d("-1234.5"), Bahasa::En), "-1,234.5");
        assert_eq!(angka_pesan(d("100"), Bahasa::Id), "100");
    }
}
