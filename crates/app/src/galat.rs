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
    #[error("{0}")]
    TerlaluBanyak(String),
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
            Galat::TerlaluBanyak(_) => "terlalu_banyak_permintaan",
            Galat::Internal(_) => "kesalahan_internal",
        }
    }
    pub fn fields(&self) -> BTreeMap<String, String> {
        match self {
            Galat::InputTidakValid { fields, .. } => fields.clone(),
            _ => BTreeMap::new(),
        }
    }
}

impl From<store::GalatStore> for Galat {
    fn from(e: store::GalatStore) -> Self {
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
