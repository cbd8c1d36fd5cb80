//! Matriks predikat kinerja pegawai (PermenPANRB 6/2022) [S]: "Kuadran Kinerja
//! Pegawai" BKN/Kemdikbud, sama sel demi sel di ≥ 6 implementasi publik.

use crate::Bahasa;

enum_token! {
    /// Rating hasil kerja atau rating perilaku kerja.
    pub enum RatingKinerja {
        /// Di atas ekspektasi.
        DiAtasEkspektasi => "di_atas_ekspektasi",
        /// Sesuai ekspektasi.
        SesuaiEkspektasi => "sesuai_ekspektasi",
        /// Di bawah ekspektasi.
        DiBawahEkspektasi => "di_bawah_ekspektasi",
    }
}

enum_token! {
    /// Predikat kinerja pegawai (juga dipakai PermenPANRB 1/2023 untuk angka kredit).
    pub enum PredikatKinerjaPegawai {
        /// Sangat Baik.
        SangatBaik => "sangat_baik",
        /// Baik.
        Baik => "baik",
        /// Butuh Perbaikan.
        ButuhPerbaikan => "butuh_perbaikan",
        /// Kurang/Misconduct.
        Kurang => "kurang",
        /// Sangat Kurang.
        SangatKurang => "sangat_kurang",
    }
}

impl RatingKinerja {
    /// Label untuk manusia.
    pub fn label(self, bahasa: Bahasa) -> &'static str {
        match self {
            RatingKinerja::DiAtasEkspektasi => {
                bahasa.pilih("Di Atas Ekspektasi", "Above expectations")
            }
            RatingKinerja::SesuaiEkspektasi => {
                bahasa.pilih("Sesuai Ekspektasi", "Meets expectations")
            }
            RatingKinerja::DiBawahEkspektasi => {
                bahasa.pilih("Di Bawah Ekspektasi", "Below expectations")
            }
        }
    }
}

impl PredikatKinerjaPegawai {
    /// Label untuk manusia.
    pub fn label(self, bahasa: Bahasa) -> &'static str {
        match self {
            PredikatKinerjaPegawai::SangatBaik => bahasa.pilih("Sangat Baik", "Very Good"),
            PredikatKinerjaPegawai::Baik => bahasa.pilih("Baik", "Good"),
            PredikatKinerjaPegawai::ButuhPerbaikan => {
                bahasa.pilih("Butuh Perbaikan", "Needs Improvement")
            }
            PredikatKinerjaPegawai::Kurang => bahasa.pilih("Kurang/Misconduct", "Poor/Misconduct"),
            PredikatKinerjaPegawai::SangatKurang => bahasa.pilih("Sangat Kurang", "Very Poor"),
        }
    }
}

/// Predikat dari rating hasil kerja dan rating perilaku kerja.
///
/// | hasil ↓ / perilaku → | di bawah | sesuai | di atas |
/// |---|---|---|---|
/// | di atas | Kurang | Baik | Sangat Baik |
/// | sesuai | Kurang | Baik | Baik |
/// | di bawah | Sangat Kurang | Butuh Perbaikan | Butuh Perbaikan |
pub fn predikat_kinerja(
    hasil_kerja: RatingKinerja,
    perilaku_kerja: RatingKinerja,
) -> PredikatKinerjaPegawai {
    use PredikatKinerjaPegawai as P;
    use RatingKinerja::*;
    match (hasil_kerja, perilaku_kerja) {
        // Perilaku buruk: hasil juga buruk → Sangat Kurang; hasil cukup → Misconduct.
        (DiBawahEkspektasi, DiBawahEkspektasi) => P::SangatKurang,
        (_, DiBawahEkspektasi) => P::Kurang,
        // Hasil buruk dengan perilaku minimal sesuai → Butuh Perbaikan.
        (DiBawahEkspektasi, _) => P::ButuhPerbaikan,
        // Hanya keduanya di atas ekspektasi yang Sangat Baik.
        (DiAtasEkspektasi, DiAtasEkspektasi) => P::SangatBaik,
        _ => P::Baik,
    }
}
