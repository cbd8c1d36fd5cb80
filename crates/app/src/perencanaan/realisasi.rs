//! Kunci periode realisasi: keuangan mengunci bulan (anggaran) atau
//! triwulan (keluaran) secara eksplisit — tidak pernah otomatis menurut
//! kalender. Periode terkunci menolak tulisan dan impor yang menyentuhnya.

use super::{periksa_tahun, status};
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use serde::Deserialize;
use std::collections::BTreeMap;
use store::perencanaan::KunciPeriode;

pub const ANGGARAN: &str = "anggaran";
pub const KELUARAN: &str = "keluaran";

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanKunci {
    /// `anggaran` (periode = bulan 1–12) | `keluaran` (periode = triwulan 1–4).
    pub jenis: String,
    pub periode: i64,
    #[serde(default)]
    pub alasan: Option<String>,
}

const NAMA_BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const NAMA_BULAN_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Bulan Maret 2026" / "Triwulan II 2026" dalam bahasa pengguna.
pub fn nama_periode(b: Bahasa, jenis: &str, periode: i64, tahun: i64) -> String {
    let i = (periode.clamp(1, 12) - 1) as usize;
    match (jenis, b) {
        (ANGGARAN, Bahasa::Id) => format!("Bulan {} {tahun}", NAMA_BULAN[i]),
        (ANGGARAN, Bahasa::En) => format!("{} {tahun}", NAMA_BULAN_EN[i]),
        (_, Bahasa::Id) => format!("Triwulan {} {tahun}", ["I", "II", "III", "IV"][i.min(3)]),
        (_, Bahasa::En) => format!("Quarter {} {tahun}", ["I", "II", "III", "IV"][i.min(3)]),
    }
}

fn periksa_periode(k: &Konteks, jenis: &str, periode: i64) -> Hasil<()> {
    let batas = match jenis {
        ANGGARAN => 12,
        KELUARAN => 4,
        _ => {
            return Err(Galat::input(
                k.t("Jenis kunci tidak dikenal.", "Unknown lock type."),
                BTreeMap::from([(
                    "jenis".to_string(),
                    k.t(
                        "Pilih “anggaran” (bulan) atau “keluaran” (triwulan).",
                        "Choose “anggaran” (month) or “keluaran” (quarter).",
                    )
                    .to_string(),
                )]),
            ));
        }
    };
    if !(1..=batas).contains(&periode) {
        return Err(Galat::input(
            k.t("Periode tidak sah.", "Invalid period."),
            BTreeMap::from([(
                "periode".to_string(),
                match k.bahasa {
                    Bahasa::Id => format!("Periode harus 1–{batas}."),
                    Bahasa::En => format!("The period must be 1–{batas}."),
                },
            )]),
        ));
    }
    Ok(())
}

/// Periode terkunci satu tahun.
pub async fn daftar_kunci(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<KunciPeriode>> {
    CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Realisasi(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let mut kon = l.pool().acquire().await?;
    Ok(store::perencanaan::kunci_periode(&mut kon, instansi_id, tahun).await?)
}

/// Mengunci satu periode (keuangan). 409 `periode_dikunci` bila sudah terkunci.
pub async fn kunci_periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    m: MasukanKunci,
) -> Hasil<KunciPeriode> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Realisasi(instansi_id))?;
    periksa_tahun(k, tahun)?;
    periksa_periode(k, &m.jenis, m.periode)?;
    let alasan = m
        .alasan
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(x) = &alasan
        && let Some(g) =
            crate::validasi::alasan(k.bahasa, x, 2_000, crate::validasi::JenisTeks::Bebas)
    {
        return Err(Galat::input(
            k.t("Periksa alasan kunci.", "Check the lock reason."),
            BTreeMap::from([("alasan".to_string(), g)]),
        ));
    }
    let x = KunciPeriode {
        instansi_id: instansi_id.into(),
        tahun,
        jenis: m.jenis.clone(),
        periode: m.periode,
        alasan,
        dikunci_oleh: Some(a.pengguna_id.clone()),
        dikunci_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let ada = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    if ada
        .iter()
        .any(|y| y.jenis == x.jenis && y.periode == x.periode)
    {
        return Err(status(
            "periode_dikunci",
            match k.bahasa {
                Bahasa::Id => format!(
                    "{} sudah dikunci.",
                    nama_periode(k.bahasa, &x.jenis, x.periode, tahun)
                ),
                Bahasa::En => format!(
                    "{} is already locked.",
                    nama_periode(k.bahasa, &x.jenis, x.periode, tahun)
                ),
            },
        ));
    }
    store::perencanaan::sisipkan_kunci(&mut tx, &x).await?;
    let objek = format!("{tahun}:{}:{}", x.jenis, x.periode);
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "kunci",
        "kunci_periode",
        &objek,
        None,
        Some(&x),
    )
    .await?;
    tx.commit().await?;
    Ok(x)
}

/// Membuka kunci satu periode (keuangan). 404 bila tidak terkunci.
pub async fn buka_kunci(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    jenis: &str,
    periode: i64,
) -> Hasil<()> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Realisasi(instansi_id))?;
    periksa_tahun(k, tahun)?;
    periksa_periode(k, jenis, periode)?;
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let ada = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    let Some(lama) = ada
        .into_iter()
        .find(|y| y.jenis == jenis && y.periode == periode)
    else {
        return Err(Galat::TidakDitemukan(
            k.t("Periode itu tidak terkunci.", "That period is not locked.")
                .into(),
        ));
    };
    store::perencanaan::hapus_kunci(&mut tx, instansi_id, tahun, jenis, periode).await?;
    let objek = format!("{tahun}:{jenis}:{periode}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buka_kunci",
        "kunci_periode",
        &objek,
        Some(&lama),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
