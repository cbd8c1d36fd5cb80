//! Impor rencana, rincian belanja, realisasi anggaran dan realisasi keluaran
//! (isu 9), per instansi dan tahun. Aturan bersama impor lain berlaku:
//! semua atau tidak sama sekali, laporan per baris, kolom yang tidak ada
//! tidak mengubah nilai lama, satu baris audit per rekaman.
//!
//! - `rencana`: satu baris per indikator; masuk ke draf terbuka (dibuat bila
//!   tahun itu belum punya rencana). Sub kegiatan dicocokkan dengan kode,
//!   indikator dengan namanya (huruf kecil, spasi rapat) di sub kegiatan itu.
//!   Baris tanpa `subkegiatan_kode` dengan `indikator` terisi adalah
//!   indikator hasil kegiatan (atau program bila `kegiatan_kode` kosong),
//!   tanpa pagu; gerbang dan nilai uang tidak membacanya.
//! - `belanja`: mengganti seluruh rincian setiap sub kegiatan yang disebut
//!   (draf bila ada, selain itu revisi yang ditetapkan).
//! - `realisasi-anggaran` dan `realisasi-keluaran`: atas revisi yang
//!   ditetapkan; berkas yang menyentuh periode terkunci ditolak utuh.

use super::baca::{self, Sel, Tabel};
use super::jalur::{Cari, PohonUnit, kunci};
use super::pegawai::{DaftarGalat, catat_impor, galat_tulis, pesan_unit};
use super::{CatatanBaris, Jenis, Kolom, LaporanImpor, baca_berkas, pastikan_instansi, pilih};
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::perencanaan::{
    KEGIATAN, PROGRAM, SUBKEGIATAN, kanonis, periksa_tahun, rupiah, sen_dari,
};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use store::perencanaan::{
    Butir, Indikator, KunciPeriode, RealisasiBulan, RealisasiTriwulan, Rencana, Rincian,
};

const fn kolom(nama: &'static str, wajib: bool, id: &'static str, en: &'static str) -> Kolom {
    Kolom {
        nama,
        wajib,
        id,
        en,
        pilihan: &[],
    }
}

pub const KOLOM_RENCANA: &[Kolom] = &[
    kolom(
        "unit",
        false,
        "Unit penanggung jawab sub kegiatan (baris indikator hasil: program/kegiatannya): nama, jalur (Dinas Kesehatan > Sekretariat) atau id.",
        "Unit responsible for the sub-activity (outcome indicator row: for its programme/activity): name, path (Dinas Kesehatan > Sekretariat) or id.",
    ),
    kolom(
        "program_kode",
        true,
        "Kode program Kepmendagri, mis. 1.02.02.",
        "Programme code, e.g. 1.02.02.",
    ),
    kolom(
        "program_nama",
        false,
        "Nama program (wajib untuk program baru).",
        "Programme name (required for a new programme).",
    ),
    kolom(
        "kegiatan_kode",
        true,
        "Kode kegiatan, mis. 1.02.02.2.02 (kosong hanya di baris indikator hasil program).",
        "Activity code, e.g. 1.02.02.2.02 (empty only on a programme outcome indicator row).",
    ),
    kolom(
        "kegiatan_nama",
        false,
        "Nama kegiatan (wajib untuk kegiatan baru).",
        "Activity name (required for a new activity).",
    ),
    kolom(
        "subkegiatan_kode",
        true,
        "Kode sub kegiatan, mis. 1.02.02.2.02.0015. Kosong dengan indikator terisi = indikator hasil kegiatan (atau program bila kegiatan_kode kosong).",
        "Sub-activity code, e.g. 1.02.02.2.02.0015. Empty with an indicator = an outcome indicator of the activity (or of the programme if kegiatan_kode is empty).",
    ),
    kolom(
        "subkegiatan_nama",
        false,
        "Nama sub kegiatan (kosong: dari nomenklatur).",
        "Sub-activity name (empty: from the nomenclature).",
    ),
    kolom(
        "indikator",
        false,
        "Nama indikator keluaran (baris tanpa sub kegiatan: indikator hasil); kosong = sub kegiatan tanpa indikator (draf).",
        "Output indicator name (row without a sub-activity: outcome indicator); empty = a sub-activity without indicator (draft).",
    ),
    kolom(
        "satuan",
        false,
        "Satuan indikator, mis. Orang, Dokumen, Unit.",
        "Indicator unit, e.g. Orang, Dokumen, Unit.",
    ),
    kolom(
        "polaritas",
        false,
        "positif (makin tinggi makin baik) atau negatif; kosong = positif.",
        "positif (higher is better) or negatif; empty = positif.",
    ),
    kolom(
        "baseline",
        false,
        "Kondisi awal (angka ≥ 0).",
        "Baseline (number ≥ 0).",
    ),
    kolom(
        "target",
        false,
        "Target tahunan (angka ≥ 0).",
        "Annual target (number ≥ 0).",
    ),
    kolom(
        "target_tw1",
        false,
        "Target kumulatif sampai triwulan I.",
        "Cumulative target to quarter I.",
    ),
    kolom(
        "target_tw2",
        false,
        "Target kumulatif sampai triwulan II.",
        "Cumulative target to quarter II.",
    ),
    kolom(
        "target_tw3",
        false,
        "Target kumulatif sampai triwulan III.",
        "Cumulative target to quarter III.",
    ),
    kolom(
        "target_tw4",
        false,
        "Target kumulatif sampai triwulan IV (= target tahunan).",
        "Cumulative target to quarter IV (= annual target).",
    ),
    kolom(
        "pagu",
        false,
        "Pagu sub kegiatan (rupiah, paling banyak 2 desimal); boleh di baris mana pun sub kegiatannya, sama bila diulang; kosong di baris indikator hasil.",
        "Sub-activity budget ceiling (rupiah, at most 2 decimals); on any row of the sub-activity, equal when repeated; empty on outcome indicator rows.",
    ),
    // Kolom tambahan (aditif): berkas lama tanpa kolom ini tetap sah.
    kolom(
        "lokasi",
        false,
        "Opsional: lokasi yang dilayani sub kegiatan (nama kecamatan/desa atau kode wilayah, ≤ 200 karakter); sama bila diulang; kosong tidak mengubah; kosong di baris indikator hasil.",
        "Optional: location served by the sub-activity (district/village name or region code, ≤ 200 characters); equal when repeated; empty leaves it unchanged; empty on outcome indicator rows.",
    ),
];

pub const KOLOM_BELANJA: &[Kolom] = &[
    kolom(
        "subkegiatan_kode",
        true,
        "Kode sub kegiatan yang sudah ada di rencana.",
        "Code of a sub-activity already in the plan.",
    ),
    kolom(
        "kode_rekening",
        true,
        "Kode rekening belanja (Permendagri 90/2019), mis. 5.1.02.01.01.0052.",
        "Spending account code, e.g. 5.1.02.01.01.0052.",
    ),
    kolom("uraian", false, "Uraian belanja.", "Description."),
    kolom(
        "jumlah",
        true,
        "Jumlah (rupiah > 0, paling banyak 2 desimal).",
        "Amount (rupiah > 0, at most 2 decimals).",
    ),
    // Kolom tambahan (aditif), hanya K/L: berkas tanpa kolom ini tetap sah.
    kolom(
        "komponen_kode",
        false,
        "Opsional, hanya K/L: kode komponen RO tiga digit (mis. 051); kosong untuk pemda.",
        "Optional, ministries/agencies only: three-digit RO component code (e.g. 051); empty for local governments.",
    ),
    kolom(
        "komponen_nama",
        false,
        "Opsional, hanya K/L: nama komponen (sama untuk kode yang sama di satu RO).",
        "Optional, ministries/agencies only: component name (equal for the same code within one RO).",
    ),
];

pub const KOLOM_REALISASI_ANGGARAN: &[Kolom] = &[
    kolom(
        "subkegiatan_kode",
        true,
        "Kode sub kegiatan di rencana yang ditetapkan.",
        "Sub-activity code in the final plan.",
    ),
    kolom("bulan", true, "Bulan 1–12.", "Month 1–12."),
    kolom(
        "jumlah",
        true,
        "Belanja bulan itu (rupiah ≥ 0, bukan kumulatif).",
        "Spending in that month (rupiah ≥ 0, not cumulative).",
    ),
];

pub const KOLOM_REALISASI_KELUARAN: &[Kolom] = &[
    kolom(
        "subkegiatan_kode",
        true,
        "Kode sub kegiatan di rencana yang ditetapkan; atau kode program/kegiatan untuk realisasi indikator hasilnya.",
        "Sub-activity code in the final plan; or a programme/activity code for a result of its outcome indicator.",
    ),
    kolom(
        "indikator",
        true,
        "Nama indikator seperti di rencana (keluaran sub kegiatan, atau indikator hasil program/kegiatan).",
        "Indicator name as in the plan (sub-activity output, or programme/activity outcome indicator).",
    ),
    kolom("triwulan", true, "Triwulan 1–4.", "Quarter 1–4."),
    kolom(
        "realisasi",
        true,
        "Realisasi kumulatif sampai akhir triwulan (angka ≥ 0).",
        "Cumulative result to the end of the quarter (number ≥ 0).",
    ),
    kolom(
        "bukti_url",
        false,
        "Tautan bukti (http/https).",
        "Evidence link (http/https).",
    ),
];

/// Sel sebagai angka desimal ≥ 0 (koma desimal diterima). `Err` = pesan.
fn angka(k: &Konteks, t: &Tabel, s: &Sel) -> Result<Option<Decimal>, String> {
    let Some(teks) = s.teks() else {
        return Ok(None);
    };
    match baca::angka_desimal(&teks, t.desimal_koma) {
        Some(d) if !d.is_sign_negative() => Ok(Some(d)),
        _ => Err(pilih(
            k,
            format!("“{teks}” bukan angka ≥ 0."),
            format!("“{teks}” is not a number ≥ 0."),
        )),
    }
}

/// Sel rupiah → sen (≥ 0, paling banyak dua desimal).
fn uang(k: &Konteks, t: &Tabel, s: &Sel) -> Result<Option<i64>, String> {
    match angka(k, t, s)? {
        None => Ok(None),
        Some(d) => sen_dari(d).map(Some).ok_or_else(|| {
            k.t(
                "Jumlah rupiah paling banyak 2 desimal.",
                "Rupiah amounts have at most 2 decimals.",
            )
            .to_string()
        }),
    }
}

/// Kode nomenklatur dari sel: dinormalkan; hanya angka, huruf dan titik.
fn kode(k: &Konteks, s: &Sel) -> Result<Option<String>, String> {
    let Some(t) = s.teks() else {
        return Ok(None);
    };
    let n = rules::anggaran::normalkan_kode(&t);
    if n.is_empty()
        || n.len() > 40
        || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        || n.starts_with('.')
        || n.ends_with('.')
        || n.contains("..")
    {
        return Err(pilih(
            k,
            format!(
                "Kode “{t}” tidak berbentuk kode nomenklatur (angka dan titik, mis. 1.02.02.2.02.0015)."
            ),
            format!(
                "Code “{t}” is not a nomenclature code (digits and dots, e.g. 1.02.02.2.02.0015)."
            ),
        ));
    }
    Ok(Some(n))
}

fn pesan_tahun_depan(k: &Konteks) -> String {
    k.t(
        "Bulan atau triwulan ini belum berjalan.",
        "This month or quarter has not started yet.",
    )
    .into()
}

/// Laporan yang ditolak di tingkat berkas (baris 0).
fn tolak(lap: &mut LaporanImpor, pesan: String) -> LaporanImpor {
    lap.galat.push(CatatanBaris::baru(0, "", pesan));
    lap.jumlah_galat = lap.galat.len();
    lap.clone()
}

async fn mulai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<crate::perencanaan::RevisiTahun> {
    pastikan_instansi(l, k, instansi_id).await?;
    periksa_tahun(k, tahun)?;
    crate::perencanaan::RevisiTahun::baca(l, instansi_id, tahun).await
}

mod belanja;
mod ekspor;
mod realisasi;
mod rencana;

pub use belanja::impor_belanja;
pub use ekspor::{
    KOLOM_KESELARASAN, KOLOM_NILAI_UANG, KOLOM_UNIT_ANGGARAN, KOLOM_WILAYAH, TabelEkspor,
    ekspor_anggaran, ekspor_wilayah,
};
pub use realisasi::{impor_realisasi_anggaran, impor_realisasi_keluaran};
pub use rencana::impor_rencana;
