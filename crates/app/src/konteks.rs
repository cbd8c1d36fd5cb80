//! Siapa yang meminta, dan pemeriksaan cakupan per instansi.

use crate::kebijakan::{self, Aksi, Sumber};
use crate::teks::t;
use crate::{Bahasa, Galat, Hasil, Peran};

#[derive(Clone, Debug)]
pub struct Aktor {
    pub instansi_id: String,
    pub pengguna_id: String,
    pub username: String,
    pub nama: String,
    pub pegawai_id: Option<String>,
    pub peran: Vec<Peran>,
    /// Token API dengan cakupan `baca` tidak boleh mengubah apa pun.
    pub hanya_baca: bool,
}

impl Aktor {
    /// Aktor untuk baris perintah (`kinerja user add`, `seed`): berwenang
    /// penuh, tercatat di audit sebagai "sistem".
    pub fn sistem() -> Aktor {
        Aktor {
            instansi_id: String::new(),
            pengguna_id: "sistem".into(),
            username: "sistem".into(),
            nama: "Sistem".into(),
            pegawai_id: None,
            peran: vec![Peran::SuperAdmin],
            hanya_baca: false,
        }
    }

    pub fn punya(&self, p: Peran) -> bool {
        self.peran.contains(&p)
    }
    pub fn super_admin(&self) -> bool {
        self.punya(Peran::SuperAdmin)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Konteks {
    pub aktor: Option<Aktor>,
    pub bahasa: Bahasa,
}

impl Konteks {
    pub fn publik(bahasa: Bahasa) -> Self {
        Konteks {
            aktor: None,
            bahasa,
        }
    }
    pub fn sistem() -> Self {
        Konteks {
            aktor: Some(Aktor::sistem()),
            bahasa: Bahasa::Id,
        }
    }
    pub fn dengan(aktor: Aktor, bahasa: Bahasa) -> Self {
        Konteks {
            aktor: Some(aktor),
            bahasa,
        }
    }
    pub fn t(&self, id: &'static str, en: &'static str) -> &'static str {
        t(self.bahasa, id, en)
    }

    pub fn aktor(&self) -> Hasil<&Aktor> {
        self.aktor.as_ref().ok_or_else(|| {
            Galat::TidakMasuk(
                self.t("Silakan masuk terlebih dahulu.", "Please sign in first.")
                    .into(),
            )
        })
    }

    pub fn dilarang(&self) -> Galat {
        Galat::Dilarang(
            self.t(
                "Anda tidak berhak mengakses data ini.",
                "You are not allowed to access this data.",
            )
            .into(),
        )
    }

    /// Membaca data organisasi instansi (tanpa data pribadi): super admin, atau
    /// pengguna instansi itu sendiri. Diputuskan `kebijakan`; rekaman pegawai
    /// lewat `kebijakan::Cakupan`.
    pub fn boleh_baca(&self, instansi_id: &str) -> Hasil<&Aktor> {
        kebijakan::wajib(self, Aksi::Baca, Sumber::Organisasi(instansi_id))
    }

    /// Mengubah organisasi dan pegawai: super admin, atau admin instansi itu
    /// (token baca ditolak). Diputuskan `kebijakan`.
    pub fn boleh_kelola(&self, instansi_id: &str) -> Hasil<&Aktor> {
        kebijakan::wajib(self, Aksi::Kelola, Sumber::Organisasi(instansi_id))
    }

    pub fn wajib_super_admin(&self) -> Hasil<&Aktor> {
        kebijakan::wajib(self, Aksi::Kelola, Sumber::Nasional)
    }
}
