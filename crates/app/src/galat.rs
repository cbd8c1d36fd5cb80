//! Satu jenis galat untuk lapisan layanan; dipetakan sekali ke HTTP di web.

use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error("{0}")]
    TidakMasuk(String),
    #[error("{0}")]
    Dilarang(String),
    #[error("{0}")]
    TidakDitemukan(String),
    /// Masukan salah: pesan umum dan pesan per kolom (nama kolom → alasan).
    #[error("{pesan}")]
    InputTidakValid {
        kode: String,
        pesan: String,
        fields: BTreeMap<String, String>,
    },
    #[error("{0}")]
    Konflik(String),
    /// Keadaan rekaman menolak perubahan (409) dengan kodenya sendiri:
    /// `periode_dikunci`, `rencana_belum_ditetapkan`, `draf_sudah_ada`, …
    #[error("{pesan}")]
    Status {
        kode: String,
        pesan: String,
        fields: BTreeMap<String, String>,
    },
    /// Perubahan tanpa versi yang dilihat pengubahnya (field `versi` atau
    /// `If-Match`): ditolak agar tidak menimpa perubahan orang lain diam-diam.
    #[error("{0}")]
    VersiWajib(String),
    #[error("{0}")]
    TerlaluBanyak(String),
    /// Badan permintaan atau berkas melewati batas ukuran (413).
    #[error("{0}")]
    TerlaluBesar(String),
    /// Galat kalkulator publik dengan kode dan field-nya sendiri (404 nama
    /// tidak dikenal, 422 masukan).
    #[error("{0}")]
    Kalkulator(rules::kalkulator::GalatKalkulator),
    /// Aturan basis data yang lolos dari pemeriksaan layanan (UNIQUE → 409,
    /// lainnya → 422), dengan kolomnya; pesannya disusun lapisan web per bahasa.
    #[error("kendala basis data: {0:?}")]
    Kendala(store::Kendala),
    #[error("kesalahan internal: {0}")]
    Internal(String),
}

impl Galat {
    pub fn input(pesan: impl Into<String>, fields: BTreeMap<String, String>) -> Galat {
        Galat::InputTidakValid {
            kode: "input_tidak_valid".into(),
            pesan: pesan.into(),
            fields,
        }
    }
    pub fn kode(&self) -> &str {
        match self {
            Galat::TidakMasuk(_) => "belum_masuk",
            Galat::Dilarang(_) => "dilarang",
            Galat::TidakDitemukan(_) => "tidak_ditemukan",
            Galat::InputTidakValid { kode, .. } => kode,
            Galat::Konflik(_) => "konflik",
            Galat::Status { kode, .. } => kode,
            Galat::VersiWajib(_) => "versi_wajib",
            Galat::TerlaluBanyak(_) => "terlalu_banyak_permintaan",
            Galat::TerlaluBesar(_) => "berkas_terlalu_besar",
            Galat::Kalkulator(g) => &g.kode,
            Galat::Kendala(store::Kendala::Unik(_)) => "data_sudah_ada",
            Galat::Kendala(store::Kendala::TidakSah(_)) => "data_tidak_sah",
            Galat::Internal(_) => "kesalahan_internal",
        }
    }
    pub fn fields(&self) -> BTreeMap<String, String> {
        match self {
            Galat::InputTidakValid { fields, .. } | Galat::Status { fields, .. } => fields.clone(),
            Galat::VersiWajib(pesan) => BTreeMap::from([("versi".to_string(), pesan.clone())]),
            Galat::Kalkulator(g) => g.fields.clone(),
            _ => BTreeMap::new(),
        }
    }
}

impl From<store::GalatStore> for Galat {
    fn from(e: store::GalatStore) -> Self {
        if let Some(kendala) = e.kendala() {
            tracing::warn!(galat = %e, "kendala basis data");
            return Galat::Kendala(kendala);
        }
        tracing::error!(galat = %e, "galat basis data");
        Galat::Internal(e.to_string())
    }
}

impl From<sqlx_error::Error> for Galat {
    fn from(e: sqlx_error::Error) -> Self {
        Galat::from(store::GalatStore::from(e))
    }
}

mod sqlx_error {
    pub use store::SqlxError as Error;
}

pub type Hasil<T> = Result<T, Galat>;

/// Versi yang dilihat pengubah, atau galat [`Galat::VersiWajib`].
pub fn versi_wajib(k: &crate::Konteks, versi: Option<i64>) -> Hasil<i64> {
    versi.ok_or_else(|| {
        Galat::VersiWajib(
            k.t(
                "Sertakan versi yang Anda lihat (field `versi` atau header If-Match) agar perubahan orang lain tidak tertimpa.",
                "Include the version you saw (field `versi` or an If-Match header) so that nobody else's change is overwritten.",
            )
            .into(),
        )
    })
}

/// Kumpulan galat per kolom selama validasi formulir.
#[derive(Debug, Default)]
pub struct GalatKolom(pub BTreeMap<String, String>);

impl GalatKolom {
    pub fn tambah(&mut self, kolom: &str, pesan: impl Into<String>) {
        self.0
            .entry(kolom.to_string())
            .or_insert_with(|| pesan.into());
    }
    pub fn kosong(&self) -> bool {
        self.0.is_empty()
    }
    pub fn jadi_galat(self, pesan: impl Into<String>) -> Hasil<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Galat::input(pesan, self.0))
        }
    }
}
