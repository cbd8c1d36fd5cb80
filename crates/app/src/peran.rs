//! Peran dan cakupannya. Publik (tanpa masuk) tidak punya peran.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Peran {
    /// Nasional: semua instansi.
    SuperAdmin,
    /// BKD/BKPSDM: mengelola organisasi dan pegawai instansinya.
    AdminInstansi,
    /// Bappeda.
    Perencana,
    /// BPKAD/keuangan.
    Keuangan,
    PimpinanUnit,
    Pegawai,
    Penilai,
    Mentor,
    /// Inspektorat (APIP): membaca rencana, anggaran dan realisasi
    /// instansinya untuk pengawasan, tidak pernah menulis.
    Inspektur,
    /// Operator inovasi instansi: menulis entri kompetisi inovasi, mendaftarkan
    /// replikasi dan mengonfirmasi inovasinya masih berjalan; di instansi
    /// penyelenggara juga tim sekretariat kompetisi.
    OperatorInovasi,
}

impl Peran {
    pub const SEMUA: [Peran; 10] = [
        Peran::SuperAdmin,
        Peran::AdminInstansi,
        Peran::Perencana,
        Peran::Keuangan,
        Peran::PimpinanUnit,
        Peran::Pegawai,
        Peran::Penilai,
        Peran::Mentor,
        Peran::Inspektur,
        Peran::OperatorInovasi,
    ];

    pub fn kode(self) -> &'static str {
        match self {
            Peran::SuperAdmin => "super_admin",
            Peran::AdminInstansi => "admin_instansi",
            Peran::Perencana => "perencana",
            Peran::Keuangan => "keuangan",
            Peran::PimpinanUnit => "pimpinan_unit",
            Peran::Pegawai => "pegawai",
            Peran::Penilai => "penilai",
            Peran::Mentor => "mentor",
            Peran::Inspektur => "inspektur",
            Peran::OperatorInovasi => "operator_inovasi",
        }
    }

    pub fn dari_kode(s: &str) -> Option<Peran> {
        Peran::SEMUA.into_iter().find(|p| p.kode() == s)
    }

    pub fn label(self, b: crate::Bahasa) -> &'static str {
        use crate::teks::t;
        match self {
            Peran::SuperAdmin => t(b, "Super admin (nasional)", "Super admin (national)"),
            Peran::AdminInstansi => t(b, "Admin instansi (BKD)", "Agency admin (BKD)"),
            Peran::Perencana => t(b, "Perencana (Bappeda)", "Planner (Bappeda)"),
            Peran::Keuangan => t(b, "Keuangan", "Finance"),
            Peran::PimpinanUnit => t(b, "Pimpinan unit", "Unit head"),
            Peran::Pegawai => t(b, "Pegawai", "Employee"),
            Peran::Penilai => t(b, "Penilai/juri", "Assessor/judge"),
            Peran::Mentor => t(b, "Mentor", "Mentor"),
            Peran::Inspektur => t(b, "Inspektur (APIP)", "Inspector (internal audit)"),
            Peran::OperatorInovasi => t(b, "Operator inovasi", "Innovation officer"),
        }
    }
}
