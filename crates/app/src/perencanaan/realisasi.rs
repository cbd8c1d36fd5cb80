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

// ---------- isian realisasi per sel ----------

/// Jenis objek rujukan bukti realisasi keluaran; objeknya
/// `{tahun}:{kode sub kegiatan}:{kunci indikator}:{triwulan}`.
pub const OBJEK_BUKTI_KELUARAN: &str = "realisasi_keluaran";

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanRealisasiAnggaran {
    /// Belanja bulan itu (rupiah, teks desimal ≤ 2 desimal, bukan kumulatif).
    pub jumlah: String,
    /// Versi yang dilihat; 0 bila bulan itu belum berisi.
    #[serde(default)]
    pub versi: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanRealisasiKeluaran {
    /// Nama indikator seperti di rencana.
    pub indikator: String,
    /// Realisasi kumulatif sampai akhir triwulan.
    pub realisasi: String,
    /// Bukti yang sudah diunggah (`POST …/bukti`) oleh pengisi.
    #[serde(default)]
    pub bukti_id: Option<String>,
    /// Atau tautan bukti (http/https).
    #[serde(default)]
    pub bukti_url: Option<String>,
    /// Versi yang dilihat; 0 bila triwulan itu belum berisi.
    #[serde(default)]
    pub versi: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanVerifikasi {
    pub indikator: String,
    #[serde(default)]
    pub catatan: Option<String>,
}

fn galat_kolom(k: &Konteks, kolom: &str, pesan: impl Into<String>) -> Galat {
    Galat::input(
        k.t("Periksa isian realisasi.", "Check the result fields."),
        BTreeMap::from([(kolom.to_string(), pesan.into())]),
    )
}

fn periode_terkunci(k: &Konteks, x: &KunciPeriode, kolom: &str) -> Galat {
    let pesan = match k.bahasa {
        Bahasa::Id => format!(
            "{} dikunci keuangan; tidak dapat diubah. Minta keuangan membuka kuncinya.",
            nama_periode(k.bahasa, &x.jenis, x.periode, x.tahun)
        ),
        Bahasa::En => format!(
            "{} is locked by finance and cannot be changed. Ask finance to unlock it.",
            nama_periode(k.bahasa, &x.jenis, x.periode, x.tahun)
        ),
    };
    Galat::Status {
        kode: "periode_dikunci".into(),
        pesan: pesan.clone(),
        fields: BTreeMap::from([(kolom.to_string(), pesan)]),
    }
}

/// Bulan terakhir yang sudah berjalan pada tahun itu (0: belum mulai).
async fn bulan_berjalan(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<i64> {
    let hari = crate::organisasi::hari_ini_di(l, instansi_id).await?;
    let th: i64 = hari[0..4].parse().unwrap_or(tahun);
    let bl: i64 = hari[5..7].parse().unwrap_or(12);
    Ok(if tahun < th {
        12
    } else if tahun > th {
        0
    } else {
        bl
    })
}

/// Butir yang dapat menerima realisasi: sub kegiatan saja (anggaran), atau
/// juga program/kegiatan (indikator hasil, realisasi triwulanan).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sasaran {
    Subkegiatan,
    Indikator,
}

impl Sasaran {
    fn cocok(self, tingkat: &str) -> bool {
        tingkat == super::SUBKEGIATAN
            || (self == Sasaran::Indikator
                && (tingkat == super::PROGRAM || tingkat == super::KEGIATAN))
    }
}

/// Butir di rencana yang ditetapkan, atau galat yang tepat.
async fn butir_berlaku(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    sasaran: Sasaran,
) -> Hasil<(
    store::perencanaan::Butir,
    Vec<store::perencanaan::Indikator>,
)> {
    let rt = super::RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(r) = rt.berlaku().cloned() else {
        return Err(status(
            "rencana_belum_ditetapkan",
            k.t(
                "Rencana tahun ini belum ditetapkan; realisasi dicatat atas rencana yang ditetapkan.",
                "This year's plan is not final yet; results are recorded against the final plan.",
            ),
        ));
    };
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &r.id).await?;
    let b = butir
        .into_iter()
        .find(|b| b.kode == kode && sasaran.cocok(&b.tingkat))
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                match sasaran {
                    Sasaran::Subkegiatan => k.t(
                        "Sub kegiatan tidak ada di rencana yang ditetapkan.",
                        "No such sub-activity in the final plan.",
                    ),
                    Sasaran::Indikator => k.t(
                        "Program, kegiatan atau sub kegiatan itu tidak ada di rencana yang ditetapkan.",
                        "No such programme, activity or sub-activity in the final plan.",
                    ),
                }
                .into(),
            )
        })?;
    let ind = store::perencanaan::indikator_rencana(l.pool(), instansi_id, &r.id)
        .await?
        .into_iter()
        .filter(|i| i.butir_id == b.id)
        .collect();
    Ok((b, ind))
}

fn tanpa_indikator(k: &Konteks, b: &store::perencanaan::Butir) -> &'static str {
    match b.tingkat.as_str() {
        super::SUBKEGIATAN => k.t(
            "Indikator tidak ada di sub kegiatan ini.",
            "No such indicator in this sub-activity.",
        ),
        super::KEGIATAN => k.t(
            "Indikator hasil itu tidak ada di kegiatan ini.",
            "No such outcome indicator in this activity.",
        ),
        _ => k.t(
            "Indikator hasil itu tidak ada di program ini.",
            "No such outcome indicator in this programme.",
        ),
    }
}

fn basi(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Isian ini sudah diubah orang lain. Muat ulang lalu ulangi.",
            "Someone else changed this entry. Reload and try again.",
        )
        .into(),
    )
}

/// Realisasi anggaran satu sub kegiatan pada satu bulan (keuangan).
pub async fn simpan_realisasi_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    bulan: i64,
    m: MasukanRealisasiAnggaran,
) -> Hasil<store::perencanaan::RealisasiBulan> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Realisasi(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    if !(1..=12).contains(&bulan) {
        return Err(galat_kolom(
            k,
            "bulan",
            k.t("Bulan harus 1–12.", "The month must be 1–12."),
        ));
    }
    if bulan > bulan_berjalan(l, instansi_id, tahun).await? {
        return Err(galat_kolom(
            k,
            "bulan",
            k.t(
                "Bulan ini belum berjalan.",
                "This month has not started yet.",
            ),
        ));
    }
    let jumlah = rules::angka::baca_desimal(&m.jumlah)
        .and_then(super::sen_dari)
        .ok_or_else(|| {
            galat_kolom(
                k,
                "jumlah",
                k.t(
                    "Jumlah berupa rupiah ≥ 0 dengan paling banyak 2 desimal.",
                    "The amount is rupiah ≥ 0 with at most 2 decimals.",
                ),
            )
        })?;
    butir_berlaku(l, k, instansi_id, tahun, kode, Sasaran::Subkegiatan).await?;
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let kunci = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    if let Some(x) = kunci
        .iter()
        .find(|x| x.jenis == ANGGARAN && x.periode == bulan)
    {
        return Err(periode_terkunci(k, x, "bulan"));
    }
    let lama =
        store::perencanaan::realisasi_bulan(&mut tx, instansi_id, tahun, kode, bulan).await?;
    if lama.as_ref().map(|x| x.versi).unwrap_or(0) != versi {
        return Err(basi(k));
    }
    let baru = store::perencanaan::RealisasiBulan {
        instansi_id: instansi_id.into(),
        tahun,
        subkegiatan_kode: kode.into(),
        bulan,
        jumlah_sen: jumlah,
        versi: versi + 1,
        diubah_oleh: Some(a.pengguna_id.clone()),
        diubah_pada: store::sekarang(),
    };
    if lama.as_ref().map(|x| x.jumlah_sen) == Some(jumlah) {
        return Ok(lama.unwrap_or(baru));
    }
    store::perencanaan::tulis_realisasi_anggaran_banyak(&mut tx, std::slice::from_ref(&baru))
        .await?;
    let objek = format!("{tahun}:{kode}:{bulan}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "realisasi_anggaran",
        &objek,
        lama.as_ref(),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Realisasi keluaran satu indikator pada satu triwulan, dengan bukti
/// (perencana; pimpinan unit untuk unitnya). Nilai atau bukti yang berubah
/// mengosongkan verifikasi. `kode` boleh kode program/kegiatan: realisasi
/// indikator hasilnya, dengan kunci periode, bukti dan verifikasi yang sama
/// (pimpinan unit penanggung jawab program/kegiatan itu).
pub async fn simpan_realisasi_keluaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    triwulan: i64,
    m: MasukanRealisasiKeluaran,
) -> Hasil<store::perencanaan::RealisasiTriwulan> {
    let c = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::Keluaran(instansi_id)).await?;
    let a = k.aktor()?.clone();
    periksa_tahun(k, tahun)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    if !(1..=4).contains(&triwulan) {
        return Err(galat_kolom(
            k,
            "triwulan",
            k.t("Triwulan harus 1–4.", "The quarter must be 1–4."),
        ));
    }
    if triwulan > (bulan_berjalan(l, instansi_id, tahun).await? + 2) / 3 {
        return Err(galat_kolom(
            k,
            "triwulan",
            k.t(
                "Triwulan ini belum berjalan.",
                "This quarter has not started yet.",
            ),
        ));
    }
    let (b, ind) = butir_berlaku(l, k, instansi_id, tahun, kode, Sasaran::Indikator).await?;
    if !c.memuat(b.unit_id.as_deref()) {
        return Err(k.dilarang());
    }
    let i = ind
        .iter()
        .find(|i| i.nama_kunci == crate::impor::kunci_nama(&m.indikator))
        .ok_or_else(|| galat_kolom(k, "indikator", tanpa_indikator(k, &b)))?;
    let realisasi = rules::angka::baca_desimal(&m.realisasi)
        .filter(|d| !d.is_sign_negative())
        .ok_or_else(|| galat_kolom(k, "realisasi", k.t("Isi angka ≥ 0.", "Enter a number ≥ 0.")))?;
    let url = m
        .bukti_url
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || crate::validasi::alasan(k.bahasa, u, 2_000, crate::validasi::JenisTeks::Baris)
                .is_some())
    {
        return Err(galat_kolom(k, "bukti_url", k.t(
            "Tautan bukti harus alamat http:// atau https:// (paling panjang 2.000 karakter).",
            "The evidence link must be an http:// or https:// address (at most 2,000 characters).")));
    }
    let bukti_id = m.bukti_id.filter(|x| !x.trim().is_empty());
    if let Some(bid) = &bukti_id {
        // Hanya bukti yang boleh dilihat pengisinya (unggahannya sendiri).
        crate::bukti::lihat(l, k, instansi_id, bid).await?;
    }
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let kunci = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    if let Some(x) = kunci
        .iter()
        .find(|x| x.jenis == KELUARAN && x.periode == triwulan)
    {
        return Err(periode_terkunci(k, x, "triwulan"));
    }
    let lama =
        store::perencanaan::realisasi_triwulan(&mut tx, instansi_id, tahun, &i.kunci, triwulan)
            .await?;
    if lama.as_ref().map(|x| x.versi).unwrap_or(0) != versi {
        return Err(basi(k));
    }
    let nilai = super::kanonis(realisasi);
    let tetap = lama
        .as_ref()
        .is_some_and(|x| x.realisasi == nilai && x.bukti_url == url && x.bukti_id == bukti_id);
    if tetap {
        return Ok(lama.expect("ada"));
    }
    let baru = store::perencanaan::RealisasiTriwulan {
        instansi_id: instansi_id.into(),
        tahun,
        indikator_kunci: i.kunci.clone(),
        triwulan,
        subkegiatan_kode: kode.into(),
        realisasi: nilai,
        bukti_id: bukti_id.clone(),
        bukti_url: url,
        diverifikasi_oleh: None,
        diverifikasi_pada: None,
        catatan_verifikasi: None,
        versi: versi + 1,
        diubah_oleh: Some(a.pengguna_id.clone()),
        diubah_pada: store::sekarang(),
    };
    store::perencanaan::tulis_realisasi_keluaran_banyak(&mut tx, std::slice::from_ref(&baru))
        .await?;
    let objek = format!("{tahun}:{kode}:{}:{triwulan}", i.kunci);
    if let Some(lama_id) = lama.as_ref().and_then(|x| x.bukti_id.clone())
        && Some(&lama_id) != bukti_id.as_ref()
    {
        crate::bukti::lepas(&mut tx, instansi_id, &lama_id, OBJEK_BUKTI_KELUARAN, &objek).await?;
    }
    if let Some(bid) = &bukti_id {
        crate::bukti::rujuk(&mut tx, instansi_id, bid, OBJEK_BUKTI_KELUARAN, &objek).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "realisasi_keluaran",
        &objek,
        lama.as_ref(),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Verifikasi realisasi keluaran oleh pimpinan unit atas unitnya. Tanpa
/// bukti: 422 `tanpa_bukti`; triwulan terkunci: 409 `periode_dikunci`.
pub async fn verifikasi_keluaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    triwulan: i64,
    m: MasukanVerifikasi,
) -> Hasil<store::perencanaan::RealisasiTriwulan> {
    let c = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::VerifikasiKeluaran(instansi_id)).await?;
    let a = k.aktor()?.clone();
    periksa_tahun(k, tahun)?;
    if !(1..=4).contains(&triwulan) {
        return Err(galat_kolom(
            k,
            "triwulan",
            k.t("Triwulan harus 1–4.", "The quarter must be 1–4."),
        ));
    }
    let catatan = m
        .catatan
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(x) = &catatan
        && let Some(g) =
            crate::validasi::alasan(k.bahasa, x, 2_000, crate::validasi::JenisTeks::Bebas)
    {
        return Err(galat_kolom(k, "catatan", g));
    }
    let (b, ind) = butir_berlaku(l, k, instansi_id, tahun, kode, Sasaran::Indikator).await?;
    if !c.memuat(b.unit_id.as_deref()) {
        return Err(k.dilarang());
    }
    let i = ind
        .iter()
        .find(|i| i.nama_kunci == crate::impor::kunci_nama(&m.indikator))
        .ok_or_else(|| galat_kolom(k, "indikator", tanpa_indikator(k, &b)))?;
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let kunci = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    if let Some(x) = kunci
        .iter()
        .find(|x| x.jenis == KELUARAN && x.periode == triwulan)
    {
        return Err(periode_terkunci(k, x, "triwulan"));
    }
    let Some(lama) =
        store::perencanaan::realisasi_triwulan(&mut tx, instansi_id, tahun, &i.kunci, triwulan)
            .await?
    else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Belum ada realisasi triwulan ini.",
                "No result for this quarter yet.",
            )
            .into(),
        ));
    };
    if lama.bukti_id.is_none() && lama.bukti_url.is_none() {
        return Err(Galat::InputTidakValid {
            kode: "tanpa_bukti".into(),
            pesan: k
                .t(
                    "Realisasi tanpa bukti tidak dapat diverifikasi.",
                    "A result without evidence cannot be verified.",
                )
                .into(),
            fields: BTreeMap::from([(
                "bukti".to_string(),
                k.t(
                    "Minta pengisi melampirkan bukti dulu.",
                    "Ask for the evidence to be attached first.",
                )
                .to_string(),
            )]),
        });
    }
    let pada = store::sekarang();
    store::perencanaan::verifikasi_keluaran(
        &mut tx,
        instansi_id,
        tahun,
        &i.kunci,
        triwulan,
        Some(&a.pengguna_id),
        &pada,
        catatan.as_deref(),
    )
    .await?;
    let mut baru = lama.clone();
    baru.diverifikasi_oleh = Some(a.pengguna_id.clone());
    baru.diverifikasi_pada = Some(pada);
    baru.catatan_verifikasi = catatan;
    baru.versi += 1;
    let objek = format!("{tahun}:{kode}:{}:{triwulan}", i.kunci);
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "verifikasi",
        "realisasi_keluaran",
        &objek,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Jalur kedua melihat bukti: bukti yang dirujuk realisasi keluaran boleh
/// dilihat pembaca realisasi itu (penuh, atau pimpinan unit atas unitnya).
pub(crate) async fn boleh_lihat_bukti(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<bool> {
    let objek =
        store::bukti::objek_rujukan(l.pool(), instansi_id, bukti_id, OBJEK_BUKTI_KELUARAN).await?;
    if objek.is_empty() {
        return Ok(false);
    }
    let Ok(c) = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Keluaran(instansi_id)).await else {
        return Ok(false);
    };
    if c.semua() {
        return Ok(true);
    }
    for o in objek {
        let mut bagian = o.splitn(4, ':');
        let (Some(th), Some(kode)) = (
            bagian.next().and_then(|x| x.parse::<i64>().ok()),
            bagian.next(),
        ) else {
            continue;
        };
        if let Ok((b, _)) = butir_berlaku(l, k, instansi_id, th, kode, Sasaran::Indikator).await
            && c.memuat(b.unit_id.as_deref())
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Realisasi satu sub kegiatan (rencana yang ditetapkan) untuk halamannya.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RealisasiSub {
    /// Bulan 1–12: (jumlah rupiah dua desimal, versi; 0 = belum berisi).
    pub bulanan: Vec<(i64, String, i64)>,
    pub keluaran: Vec<KeluaranSel>,
    /// Pengunjung boleh mengisi realisasi anggaran / keluaran / memverifikasi.
    pub boleh_anggaran: bool,
    pub boleh_keluaran: bool,
    pub boleh_verifikasi: bool,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct KeluaranSel {
    pub indikator: String,
    pub triwulan: i64,
    pub realisasi: Option<String>,
    pub bukti_url: Option<String>,
    pub ada_bukti: bool,
    pub diverifikasi: bool,
    pub terkunci: bool,
    pub versi: i64,
}

/// Realisasi bulanan dan triwulanan satu sub kegiatan; `None` bila rencana
/// tahun itu belum ditetapkan atau kode tidak ada di sana.
pub async fn realisasi_subkegiatan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<Option<RealisasiSub>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let Ok((b, ind)) = butir_berlaku(l, k, instansi_id, tahun, kode, Sasaran::Subkegiatan).await
    else {
        return Ok(None);
    };
    if !c.memuat(b.unit_id.as_deref()) {
        return Err(k.dilarang());
    }
    let pool = l.pool();
    // Hanya baris sub kegiatan ini (bukan seluruh realisasi instansi).
    let real = store::perencanaan::realisasi_anggaran_kode(pool, instansi_id, tahun, kode).await?;
    let bulanan = (1..=12)
        .map(|bl| {
            let x = real
                .iter()
                .find(|r| r.subkegiatan_kode == kode && r.bulan == bl);
            (
                bl,
                x.map(|r| super::d2(super::rupiah(r.jumlah_sen)))
                    .unwrap_or_default(),
                x.map(|r| r.versi).unwrap_or(0),
            )
        })
        .collect();
    let kel = store::perencanaan::realisasi_keluaran_kode(pool, instansi_id, tahun, kode).await?;
    let mut kon = pool.acquire().await?;
    let kunci = store::perencanaan::kunci_periode(&mut kon, instansi_id, tahun).await?;
    drop(kon);
    let mut keluaran = Vec::new();
    for i in &ind {
        for tw in 1..=4 {
            let x = kel
                .iter()
                .find(|r| r.indikator_kunci == i.kunci && r.triwulan == tw);
            keluaran.push(KeluaranSel {
                indikator: i.nama.clone(),
                triwulan: tw,
                realisasi: x.map(|r| r.realisasi.clone()),
                bukti_url: x.and_then(|r| r.bukti_url.clone()),
                ada_bukti: x.is_some_and(|r| r.bukti_id.is_some() || r.bukti_url.is_some()),
                diverifikasi: x.is_some_and(|r| r.diverifikasi_pada.is_some()),
                terkunci: kunci.iter().any(|q| q.jenis == KELUARAN && q.periode == tw),
                versi: x.map(|r| r.versi).unwrap_or(0),
            });
        }
    }
    let unit = b.unit_id.as_deref();
    let boleh = |aksi, s| async move {
        CakupanUnit::untuk(l, k, aksi, s)
            .await
            .is_ok_and(|c| c.memuat(unit))
    };
    Ok(Some(RealisasiSub {
        bulanan,
        keluaran,
        boleh_anggaran: boleh(Aksi::Kelola, Sumber::Realisasi(instansi_id)).await,
        boleh_keluaran: boleh(Aksi::Kelola, Sumber::Keluaran(instansi_id)).await,
        boleh_verifikasi: boleh(Aksi::Kelola, Sumber::VerifikasiKeluaran(instansi_id)).await,
    }))
}

/// Satu sel realisasi indikator hasil (program/kegiatan) pada satu triwulan.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SelHasil {
    pub indikator: String,
    pub satuan: Option<String>,
    pub triwulan: i64,
    /// Target kumulatif triwulan itu (triwulan IV tanpa target triwulan:
    /// target tahunan).
    pub target: Option<String>,
    pub realisasi: Option<String>,
    /// Capaian persen dua desimal (aturan capaian PermenPANRB 8/2021, sadar
    /// polaritas — fungsi yang sama dengan pohon kinerja SAKIP).
    pub capaian_persen: Option<String>,
    pub bukti_url: Option<String>,
    pub ada_bukti: bool,
    pub diverifikasi: bool,
    pub terkunci: bool,
    pub versi: i64,
}

/// Realisasi triwulanan indikator hasil satu program/kegiatan (rencana yang
/// ditetapkan) untuk halamannya.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RealisasiHasil {
    pub sel: Vec<SelHasil>,
    /// Pengunjung boleh mengisi realisasi / memverifikasi (pimpinan unit
    /// penanggung jawab program/kegiatan).
    pub boleh_isi: bool,
    pub boleh_verifikasi: bool,
}

/// Realisasi indikator hasil satu program atau kegiatan; `None` bila rencana
/// tahun itu belum ditetapkan atau kode itu bukan program/kegiatan di sana.
/// Disimpan di `realisasi_keluaran` (kunci indikator, `subkegiatan_kode` =
/// kode program/kegiatan) dengan kunci periode dan verifikasi yang sama.
pub async fn realisasi_hasil(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<Option<RealisasiHasil>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let Ok((b, ind)) = butir_berlaku(l, k, instansi_id, tahun, kode, Sasaran::Indikator).await
    else {
        return Ok(None);
    };
    if b.tingkat == super::SUBKEGIATAN {
        return Ok(None);
    }
    // Pimpinan unit lain boleh melihat program/kegiatan di atas sub kegiatan
    // unitnya (halaman hasil), tetapi realisasinya hanya bila unit penanggung
    // jawabnya di cakupan.
    if !c.memuat(b.unit_id.as_deref()) {
        return Ok(None);
    }
    let pool = l.pool();
    let kel = store::perencanaan::realisasi_keluaran_kode(pool, instansi_id, tahun, kode).await?;
    let mut kon = pool.acquire().await?;
    let kunci = store::perencanaan::kunci_periode(&mut kon, instansi_id, tahun).await?;
    drop(kon);
    let mut sel = Vec::new();
    for i in &ind {
        let d = |x: &Option<String>| x.as_deref().and_then(rules::angka::baca_desimal);
        let tw = [&i.target_tw1, &i.target_tw2, &i.target_tw3, &i.target_tw4].map(d);
        let baris: Vec<Option<&store::perencanaan::RealisasiTriwulan>> = (1..=4)
            .map(|q| {
                kel.iter()
                    .find(|r| r.indikator_kunci == i.kunci && r.triwulan == q)
            })
            .collect();
        let data = rules::sakip::DataIndikator {
            polaritas: i
                .polaritas
                .as_deref()
                .and_then(rules::permenpanrb_8_2021::Polaritas::dari_token)
                .unwrap_or(rules::permenpanrb_8_2021::Polaritas::Positif),
            rekap: rules::sakip::Rekap::Snapshot,
            target: i.target.as_deref().and_then(crate::sakip::baca_target),
            target_triwulan: tw,
            realisasi: std::array::from_fn(|q| {
                baris[q].and_then(|r| rules::angka::baca_desimal(&r.realisasi))
            }),
        };
        for q in 1..=4u8 {
            let x = baris[usize::from(q) - 1];
            let capaian = x
                .and_then(|_| crate::sakip::capaian::hitung(&data, q))
                .filter(|c| c.triwulan == q)
                .map(|c| rules::angka::teks_2(c.capaian_persen));
            let target = tw[usize::from(q) - 1]
                .map(rules::angka::teks_ringkas)
                .or_else(|| (q == 4).then(|| i.target.clone()).flatten());
            sel.push(SelHasil {
                indikator: i.nama.clone(),
                satuan: i.satuan.clone(),
                triwulan: i64::from(q),
                target,
                realisasi: x.map(|r| r.realisasi.clone()),
                capaian_persen: capaian,
                bukti_url: x.and_then(|r| r.bukti_url.clone()),
                ada_bukti: x.is_some_and(|r| r.bukti_id.is_some() || r.bukti_url.is_some()),
                diverifikasi: x.is_some_and(|r| r.diverifikasi_pada.is_some()),
                terkunci: kunci
                    .iter()
                    .any(|p| p.jenis == KELUARAN && p.periode == i64::from(q)),
                versi: x.map(|r| r.versi).unwrap_or(0),
            });
        }
    }
    let unit = b.unit_id.as_deref();
    let boleh = |aksi, s| async move {
        CakupanUnit::untuk(l, k, aksi, s)
            .await
            .is_ok_and(|c| c.memuat(unit))
    };
    Ok(Some(RealisasiHasil {
        sel,
        boleh_isi: boleh(Aksi::Kelola, Sumber::Keluaran(instansi_id)).await,
        boleh_verifikasi: boleh(Aksi::Kelola, Sumber::VerifikasiKeluaran(instansi_id)).await,
    }))
}
