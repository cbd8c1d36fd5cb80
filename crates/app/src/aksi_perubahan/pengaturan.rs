//! Pengaturan pemantauan aksi perubahan per instansi (isu 13):
//! - ambang `hari_senyap`/`hari_berisiko` berlaku bagi proyek alumni instansi
//!   itu (BKD-nya yang memantau);
//! - pita kualifikasi hasil seminar berlaku bagi angkatan yang
//!   diselenggarakan instansi itu (lembaga pelatihan yang menilai).
//!
//! Tanpa baris tersimpan: bawaan aturan (`rules::aksi_perubahan`).

use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi as AksiKebijakan, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::aksi_perubahan::{self as aturan, KonfigurasiAksiPerubahan, MAKS_HARI, PitaKualifikasi};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const OBJEK_PENGATURAN: &str = "pengaturan_aksi";

/// Pengaturan yang berlaku bagi satu instansi.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PengaturanAksi {
    pub instansi_id: String,
    pub hari_senyap: u32,
    pub hari_berisiko: u32,
    pub pita_kualifikasi: Vec<PitaKualifikasi>,
    /// true: belum pernah diubah (bawaan aturan).
    pub bawaan: bool,
    /// 0 selama bawaan; kirim kembali saat menyimpan.
    pub versi: i64,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPengaturan {
    /// Hari tanpa pembaruan sebelum tonggak senyap (1–3650).
    #[schema(minimum = 1, maximum = 3650)]
    pub hari_senyap: u32,
    /// Jendela hari sebelum jatuh tempo untuk tonggak berisiko (0–3650).
    #[schema(maximum = 3650)]
    pub hari_berisiko: u32,
    /// Pita kualifikasi hasil seminar; salah satunya mulai dari 0.
    #[schema(max_items = 10)]
    pub pita_kualifikasi: Vec<PitaKualifikasi>,
    /// Versi yang dilihat (0 bila masih bawaan).
    pub versi: Option<i64>,
}

fn dari_simpanan(iid: &str, p: Option<store::aksi_perubahan::Pengaturan>) -> PengaturanAksi {
    let bawaan = KonfigurasiAksiPerubahan::default();
    match p {
        Some(p) => PengaturanAksi {
            instansi_id: iid.to_string(),
            hari_senyap: u32::try_from(p.hari_senyap).unwrap_or(bawaan.hari_senyap),
            hari_berisiko: u32::try_from(p.hari_berisiko).unwrap_or(bawaan.hari_berisiko),
            pita_kualifikasi: serde_json::from_str(&p.pita_kualifikasi)
                .ok()
                .filter(|x: &Vec<PitaKualifikasi>| aturan::periksa_pita(x).is_ok())
                .unwrap_or_else(aturan::pita_bawaan),
            bawaan: false,
            versi: p.versi,
        },
        None => PengaturanAksi {
            instansi_id: iid.to_string(),
            hari_senyap: bawaan.hari_senyap,
            hari_berisiko: bawaan.hari_berisiko,
            pita_kualifikasi: aturan::pita_bawaan(),
            bawaan: true,
            versi: 0,
        },
    }
}

impl PengaturanAksi {
    pub fn konfigurasi(&self) -> KonfigurasiAksiPerubahan {
        KonfigurasiAksiPerubahan {
            hari_senyap: self.hari_senyap,
            hari_berisiko: self.hari_berisiko,
        }
    }
}

/// Pengaturan satu instansi (tanpa pemeriksaan hak: dipakai layanan lain).
pub(crate) async fn berlaku(l: &Layanan, iid: &str) -> Hasil<PengaturanAksi> {
    Ok(dari_simpanan(
        iid,
        store::aksi_perubahan::pengaturan(l.pool(), iid).await?,
    ))
}

/// Ambang per instansi yang mengubah bawaan (yang lain: bawaan).
pub(crate) async fn semua_konfigurasi(
    l: &Layanan,
) -> Hasil<HashMap<String, KonfigurasiAksiPerubahan>> {
    Ok(store::aksi_perubahan::semua_pengaturan(l.pool())
        .await?
        .into_iter()
        .map(|p| {
            let iid = p.instansi_id.clone();
            (iid.clone(), dari_simpanan(&iid, Some(p)).konfigurasi())
        })
        .collect())
}

/// Anggota instansi membaca pengaturannya.
pub async fn lihat(l: &Layanan, k: &Konteks, iid: &str) -> Hasil<PengaturanAksi> {
    kebijakan::wajib(k, AksiKebijakan::Baca, Sumber::AksiPerubahan(iid))?;
    berlaku(l, iid).await
}

/// Admin instansi (BKD / lembaga pelatihan) mengubah pengaturannya.
pub async fn simpan(
    l: &Layanan,
    k: &Konteks,
    iid: &str,
    m: MasukanPengaturan,
) -> Hasil<PengaturanAksi> {
    kebijakan::wajib(k, AksiKebijakan::Kelola, Sumber::AksiPerubahan(iid))?;
    if store::organisasi::instansi(l.pool(), iid).await?.is_none() {
        return Err(Galat::TidakDitemukan(
            k.t("Instansi tidak ditemukan.", "Agency not found.").into(),
        ));
    }
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let mut f = GalatKolom::default();
    if m.hari_senyap == 0 || m.hari_senyap > MAKS_HARI {
        f.tambah("hari_senyap", k.t("Isi 1–3650 hari.", "Give 1–3650 days."));
    }
    if m.hari_berisiko > MAKS_HARI {
        f.tambah(
            "hari_berisiko",
            k.t("Isi 0–3650 hari.", "Give 0–3650 days."),
        );
    }
    if let Err(e) = aturan::periksa_pita(&m.pita_kualifikasi) {
        f.tambah("pita_kualifikasi", e.label(k.bahasa));
    }
    f.jadi_galat(k.t("Pengaturan belum benar.", "The settings are not valid."))?;
    let lama = berlaku(l, iid).await?;
    let pita: Vec<PitaKualifikasi> = m
        .pita_kualifikasi
        .into_iter()
        .map(|p| PitaKualifikasi {
            kode: p.kode,
            label: p.label.trim().to_string(),
            nilai_min: p.nilai_min.normalize(),
        })
        .collect();
    let baru = store::aksi_perubahan::Pengaturan {
        instansi_id: iid.to_string(),
        hari_senyap: i64::from(m.hari_senyap),
        hari_berisiko: i64::from(m.hari_berisiko),
        pita_kualifikasi: serde_json::to_string(&pita)
            .map_err(|e| Galat::Internal(e.to_string()))?,
        versi: versi + 1,
        diubah_oleh: Some(k.aktor()?.pengguna_id.clone()),
        diubah_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::simpan_pengaturan(&mut tx, &baru, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Pengaturan sudah diubah orang lain; muat ulang lalu ulangi.",
                "Someone else changed the settings; reload and try again.",
            )
            .into(),
        ));
    }
    let sesudah = dari_simpanan(iid, Some(baru));
    crate::audit::catat(
        &mut tx,
        k,
        iid,
        "ubah",
        OBJEK_PENGATURAN,
        iid,
        Some(&lama),
        Some(&sesudah),
    )
    .await?;
    tx.commit().await?;
    super::ada_perubahan();
    Ok(sesudah)
}
