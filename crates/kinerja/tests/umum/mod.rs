//! Bagian bersama tes yang menjalankan biner `kinerja` sebagai proses.
#![allow(dead_code)]

use std::process::Child;

pub const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

/// Proses server yang dibunuh saat nilai ini dilepas (juga saat tes panik).
pub struct Server {
    pub anak: Child,
    pub alamat: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.anak.kill();
        let _ = self.anak.wait();
    }
}

/// Akhiran unik per proses dan saat (nama basis data, folder).
pub fn unik() -> String {
    format!(
        "{}{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}
