//! Berkas konfigurasi TOML; setiap kunci boleh kosong. Flag dan lingkungan
//! `KINERJA_*` (lewat clap) didahulukan, lalu berkas ini, lalu bawaan.

use crate::OpsiDb;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Berkas {
    pub listen: Option<String>,
    pub data_dir: Option<String>,
    pub database_url: Option<String>,
    pub metrics_listen: Option<String>,
    pub metrics_on_main: Option<bool>,
    pub cookie_secure: Option<bool>,
    pub log_json: Option<bool>,
    pub smtp_url: Option<String>,
    pub surel_dari: Option<String>,
    pub alamat_publik: Option<String>,
    pub impor_latar_bita: Option<usize>,
    pub pekerja: Option<usize>,
    pub kalkulator_per_menit: Option<u32>,
    pub bukti_url: Option<String>,
    pub bukti_maks_bita: Option<u64>,
    pub bukti_maks_permintaan: Option<u64>,
    pub bukti_tenggang_jam: Option<i64>,
}

pub const LISTEN_BAWAAN: &str = "127.0.0.1:8080";
pub const DATA_DIR_BAWAAN: &str = "./kinerja-data";

pub fn baca(db: &OpsiDb) -> Result<Berkas, String> {
    let jalur: Option<PathBuf> = match &db.config {
        Some(c) => Some(PathBuf::from(c)),
        None => {
            let dir = db
                .data_dir
                .clone()
                .unwrap_or_else(|| DATA_DIR_BAWAAN.into());
            let p = Path::new(&dir).join("kinerja.toml");
            p.exists().then_some(p)
        }
    };
    let Some(jalur) = jalur else {
        return Ok(Berkas::default());
    };
    let teks = std::fs::read_to_string(&jalur)
        .map_err(|e| format!("tidak dapat membaca {}: {e}", jalur.display()))?;
    toml::from_str(&teks).map_err(|e| format!("berkas konfigurasi {} salah: {e}", jalur.display()))
}

/// Folder data dan URL basis data yang berlaku.
pub fn db(db: &OpsiDb, berkas: &Berkas) -> Result<(PathBuf, String), String> {
    let dir = PathBuf::from(
        db.data_dir
            .clone()
            .or(berkas.data_dir.clone())
            .unwrap_or_else(|| DATA_DIR_BAWAAN.into()),
    );
    let url = match db.database_url.clone().or(berkas.database_url.clone()) {
        Some(u) => u,
        None => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("tidak dapat membuat folder data {}: {e}", dir.display()))?;
            format!("sqlite://{}", dir.join("kinerja.db").display())
        }
    };
    Ok((dir, url))
}
