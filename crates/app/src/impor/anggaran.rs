//! Impor rencana, rincian belanja, realisasi anggaran dan realisasi keluaran
//! (isu 9), per instansi dan tahun. Aturan bersama impor lain berlaku:
//! semua atau tidak sama sekali, laporan per baris, kolom yang tidak ada
//! tidak mengubah nilai lama, satu baris audit per rekaman.
//!
//! - `rencana`: satu baris per indikator; masuk ke draf terbuka (dibuat bila
//!   tahun itu belum punya rencana). Sub kegiatan dicocokkan dengan kode,
//!   indikator dengan namanya (huruf kecil, spasi rapat) di sub kegiatan itu.
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
        "Unit penanggung jawab sub kegiatan: nama, jalur (Dinas Kesehatan > Sekretariat) atau id.",
        "Unit responsible for the sub-activity: name, path (Dinas Kesehatan > Sekretariat) or id.",
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
        "Kode kegiatan, mis. 1.02.02.2.02.",
        "Activity code, e.g. 1.02.02.2.02.",
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
        "Kode sub kegiatan, mis. 1.02.02.2.02.0015.",
        "Sub-activity code, e.g. 1.02.02.2.02.0015.",
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
        "Nama indikator keluaran; kosong = sub kegiatan tanpa indikator (draf).",
        "Output indicator name; empty = a sub-activity without indicator (draft).",
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
        "Pagu sub kegiatan (rupiah, paling banyak 2 desimal); boleh di baris mana pun sub kegiatannya, sama bila diulang.",
        "Sub-activity budget ceiling (rupiah, at most 2 decimals); on any row of the sub-activity, equal when repeated.",
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
        "Kode sub kegiatan di rencana yang ditetapkan.",
        "Sub-activity code in the final plan.",
    ),
    kolom(
        "indikator",
        true,
        "Nama indikator seperti di rencana.",
        "Indicator name as in the plan.",
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

// ---------- rencana ----------

#[derive(Default)]
struct AkumulasiSub {
    baris: usize,
    kegiatan: String,
    nama: Option<String>,
    unit: Option<Option<String>>,
    pagu: Option<(usize, Option<i64>)>,
}

/// Mengimpor rencana (program, kegiatan, sub kegiatan, indikator, pagu) ke draf.
pub async fn impor_rencana(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Rencana, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Rencana, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    let draf = rt.draf().cloned();
    if draf.is_none() && rt.berlaku().is_some() {
        return Ok(tolak(
            &mut lap,
            pilih(
                k,
                format!(
                    "Rencana {tahun} sudah ditetapkan; buat perubahan dulu, lalu impor ke draf perubahannya."
                ),
                format!(
                    "The {tahun} plan is already final; start a revision first, then import into its draft."
                ),
            ),
        ));
    }
    let unit_semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let pohon = PohonUnit::dari(&unit_semua);
    let kl = crate::perencanaan::skema_kl(l, instansi_id).await?;
    let (mut butir_lama, mut ind_lama) = match &draf {
        Some(d) => (
            store::perencanaan::butir_rencana(l.pool(), instansi_id, &d.id).await?,
            store::perencanaan::indikator_rencana(l.pool(), instansi_id, &d.id).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut g = DaftarGalat::default();
    // kode → (baris pertama, nama) untuk program dan kegiatan.
    let mut program: HashMap<String, (usize, Option<String>)> = HashMap::new();
    let mut kegiatan: HashMap<String, (usize, String, Option<String>)> = HashMap::new();
    let mut sub: HashMap<String, AkumulasiSub> = HashMap::new();
    let mut urut_sub: Vec<String> = Vec::new();
    struct BarisInd {
        sub: String,
        nama: String,
        kunci: String,
        satuan: Option<String>,
        polaritas: Option<String>,
        baseline: Option<Decimal>,
        target: Option<Decimal>,
        tw: [Option<Decimal>; 4],
    }
    let mut indikator: Vec<BarisInd> = Vec::new();
    let mut ind_terlihat: HashMap<(String, String), usize> = HashMap::new();
    let ada = |c: &str| tabel.ada(c);
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let kd = |c: &str, g: &mut DaftarGalat| match kode(k, sel(c)) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                g.tambah(n, c, k.t("Kode wajib diisi.", "A code is required."));
                None
            }
            Err(e) => {
                g.tambah(n, c, e);
                None
            }
        };
        let pk = kd("program_kode", &mut g);
        let kk = kd("kegiatan_kode", &mut g);
        let sk = kd("subkegiatan_kode", &mut g);
        let nama = |c: &str, g: &mut DaftarGalat| {
            let t = sel(c).teks()?;
            if let Some(e) =
                crate::validasi::alasan(k.bahasa, &t, 500, crate::validasi::JenisTeks::Nama)
            {
                g.tambah(n, c, e);
                return None;
            }
            Some(t)
        };
        let pn = nama("program_nama", &mut g);
        let kn = nama("kegiatan_nama", &mut g);
        let sn = nama("subkegiatan_nama", &mut g);
        if let Some(pk) = &pk {
            let e = program.entry(pk.clone()).or_insert((n, None));
            if let Some(x) = pn {
                match &e.1 {
                    Some(lama) if kunci(lama) != kunci(&x) => g.tambah(
                        n,
                        "program_nama",
                        pilih(
                            k,
                            format!("Program {pk} bernama lain di baris {}.", e.0),
                            format!("Programme {pk} has another name on row {}.", e.0),
                        ),
                    ),
                    Some(_) => {}
                    None => e.1 = Some(x),
                }
            }
        }
        if let (Some(kk), Some(pk)) = (&kk, &pk) {
            let e = kegiatan.entry(kk.clone()).or_insert((n, pk.clone(), None));
            if &e.1 != pk {
                g.tambah(
                    n,
                    "program_kode",
                    pilih(
                        k,
                        format!(
                            "Kegiatan {kk} berada di bawah program {} di baris {}.",
                            e.1, e.0
                        ),
                        format!("Activity {kk} sits under programme {} on row {}.", e.1, e.0),
                    ),
                );
            }
            if let Some(x) = kn {
                match &e.2 {
                    Some(lama) if kunci(lama) != kunci(&x) => g.tambah(
                        n,
                        "kegiatan_nama",
                        pilih(
                            k,
                            format!("Kegiatan {kk} bernama lain di baris {}.", e.0),
                            format!("Activity {kk} has another name on row {}.", e.0),
                        ),
                    ),
                    Some(_) => {}
                    None => e.2 = Some(x),
                }
            }
        }
        let Some(sk) = sk else { continue };
        let baru = !sub.contains_key(&sk);
        let a = sub.entry(sk.clone()).or_default();
        if baru {
            urut_sub.push(sk.clone());
            a.baris = n;
            a.kegiatan = kk.clone().unwrap_or_default();
        } else if let Some(kk) = &kk
            && &a.kegiatan != kk
        {
            g.tambah(
                n,
                "kegiatan_kode",
                pilih(
                    k,
                    format!(
                        "Sub kegiatan {sk} berada di bawah kegiatan {} di baris {}.",
                        a.kegiatan, a.baris
                    ),
                    format!(
                        "Sub-activity {sk} sits under activity {} on row {}.",
                        a.kegiatan, a.baris
                    ),
                ),
            );
        }
        if a.nama.is_none() {
            a.nama = sn;
        }
        if ada("unit") {
            let u = match sel("unit").teks() {
                None => None,
                Some(t) => match pohon.cari(&t) {
                    Cari::Satu(id) => Some(id),
                    c => {
                        if let Some(p) = pesan_unit(k, &t, &c) {
                            g.tambah(n, "unit", p);
                        }
                        None
                    }
                },
            };
            match &a.unit {
                Some(lama) if lama != &u && !(u.is_none() && sel("unit").teks().is_none()) => g
                    .tambah(
                        n,
                        "unit",
                        pilih(
                            k,
                            format!("Unit sub kegiatan {sk} berbeda dengan baris {}.", a.baris),
                            format!(
                                "The unit of sub-activity {sk} differs from row {}.",
                                a.baris
                            ),
                        ),
                    ),
                Some(_) => {}
                None => a.unit = Some(u),
            }
        }
        if ada("pagu") && sel("pagu").teks().is_some() {
            match uang(k, &tabel, sel("pagu")) {
                Err(e) => g.tambah(n, "pagu", e),
                Ok(p) => match a.pagu {
                    Some((m, Some(lama))) if Some(lama) != p => g.tambah(
                        n,
                        "pagu",
                        pilih(
                            k,
                            format!("Pagu sub kegiatan {sk} berbeda dengan baris {m}; tulis pagu yang sama atau hanya di satu baris."),
                            format!("The budget ceiling of sub-activity {sk} differs from row {m}; write the same amount or only on one row."),
                        ),
                    ),
                    Some((_, Some(_))) => {}
                    _ => a.pagu = Some((n, p)),
                },
            }
        }
        let Some(ind_nama) = sel("indikator").teks() else {
            continue;
        };
        if let Some(e) =
            crate::validasi::alasan(k.bahasa, &ind_nama, 500, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "indikator", e);
            continue;
        }
        let ik = kunci(&ind_nama);
        if let Some(m) = ind_terlihat.insert((sk.clone(), ik.clone()), n) {
            g.tambah(
                n,
                "indikator",
                pilih(
                    k,
                    format!("Indikator “{ind_nama}” sub kegiatan {sk} sudah ada di baris {m}."),
                    format!(
                        "Indicator “{ind_nama}” of sub-activity {sk} already appears on row {m}."
                    ),
                ),
            );
            continue;
        }
        let polaritas = match sel("polaritas").teks().map(|t| t.to_lowercase()) {
            None => None,
            Some(p) if p == "positif" || p == "negatif" => Some(p),
            Some(p) => {
                g.tambah(
                    n,
                    "polaritas",
                    pilih(
                        k,
                        format!("Polaritas “{p}” tidak dikenal; tulis positif atau negatif."),
                        format!("Polarity “{p}” is unknown; write positif or negatif."),
                    ),
                );
                None
            }
        };
        let mut num = |c: &str| match angka(k, &tabel, sel(c)) {
            Ok(x) => x,
            Err(e) => {
                g.tambah(n, c, e);
                None
            }
        };
        let baseline = num("baseline");
        let target = num("target");
        let tw = [
            num("target_tw1"),
            num("target_tw2"),
            num("target_tw3"),
            num("target_tw4"),
        ];
        let satuan = sel("satuan").teks();
        if let Some(s) = &satuan
            && let Some(e) =
                crate::validasi::alasan(k.bahasa, s, 100, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "satuan", e);
        }
        indikator.push(BarisInd {
            sub: sk,
            nama: ind_nama,
            kunci: ik,
            satuan,
            polaritas,
            baseline,
            target,
            tw,
        });
    }
    // Nama wajib untuk butir baru.
    let lama_per_kode: HashMap<String, usize> = butir_lama
        .iter()
        .enumerate()
        .map(|(i, b)| (b.kode.clone(), i))
        .collect();
    for (pk, (n, nama)) in &program {
        if nama.is_none() && !lama_per_kode.contains_key(pk) {
            g.tambah(
                *n,
                "program_nama",
                pilih(
                    k,
                    format!("Program {pk} baru: tulis namanya."),
                    format!("Programme {pk} is new: write its name."),
                ),
            );
        }
    }
    for (kk, (n, _, nama)) in &kegiatan {
        if nama.is_none() && !lama_per_kode.contains_key(kk) {
            g.tambah(
                *n,
                "kegiatan_nama",
                pilih(
                    k,
                    format!("Kegiatan {kk} baru: tulis namanya."),
                    format!("Activity {kk} is new: write its name."),
                ),
            );
        }
    }
    for sk in &urut_sub {
        let a = &sub[sk];
        if a.nama.is_none() && !lama_per_kode.contains_key(sk) {
            match rules::anggaran::entri_subkegiatan(sk).first() {
                Some(_) => {}
                None => g.tambah(
                    a.baris,
                    "subkegiatan_nama",
                    pilih(
                        k,
                        format!(
                            "Sub kegiatan {sk} baru dan tidak ada di nomenklatur: tulis namanya."
                        ),
                        format!(
                            "Sub-activity {sk} is new and not in the nomenclature: write its name."
                        ),
                    ),
                ),
            }
        }
        if !kl && !rules::anggaran::kode_dikenal(sk) {
            lap.info.push(CatatanBaris::baru(a.baris, "subkegiatan_kode", pilih(k,
                format!("Kode {sk} tidak ada di nomenklatur yang dikenal Kinerja; keselarasan akan melaporkannya."),
                format!("Code {sk} is not in the nomenclature Kinerja knows; the alignment audit will report it."))));
        }
    }
    if g.jumlah > 0 {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_RENCANA);
        return Ok(lap);
    }

    // Rencana gabungan: butir lama diperbarui, yang baru ditambahkan.
    let waktu = store::sekarang();
    let rencana_id = draf
        .as_ref()
        .map(|d| d.id.clone())
        .unwrap_or_else(store::id_baru);
    let rencana_baru = draf.is_none().then(|| Rencana {
        instansi_id: instansi_id.into(),
        id: rencana_id.clone(),
        tahun,
        revisi: 0,
        status: store::perencanaan::DRAF.into(),
        dasar_id: None,
        alasan_perubahan: None,
        ditetapkan_oleh: None,
        ditetapkan_pada: None,
        nomenklatur: None,
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu.clone(),
    });
    let per_kode: HashMap<String, usize> = lama_per_kode;
    let asli: Vec<Butir> = butir_lama.clone();
    let mut baru_butir: Vec<Butir> = Vec::new();
    let mut urutan_maks = butir_lama.iter().map(|b| b.urutan).max().unwrap_or(0);
    let mut buat_atau_ubah = |tingkat: &str,
                              kd: &str,
                              nama: Option<&String>,
                              induk: Option<String>,
                              butir_lama: &mut Vec<Butir>,
                              baru_butir: &mut Vec<Butir>|
     -> String {
        if let Some(&i) = per_kode.get(kd) {
            let b = &mut butir_lama[i];
            if let Some(x) = nama {
                b.nama = x.trim().to_string();
            }
            if induk.is_some() {
                b.induk_id = induk;
            }
            b.id.clone()
        } else if let Some(b) = baru_butir.iter_mut().find(|b| b.kode == kd) {
            b.id.clone()
        } else {
            urutan_maks += 1;
            let id = store::id_baru();
            baru_butir.push(Butir {
                instansi_id: instansi_id.into(),
                id: id.clone(),
                rencana_id: rencana_id.clone(),
                kunci: store::id_baru(),
                tingkat: tingkat.into(),
                kode: kd.into(),
                nama: nama.map(|x| x.trim().to_string()).unwrap_or_default(),
                induk_id: induk,
                unit_id: None,
                pagu_sen: None,
                lokasi: None,
                urutan: urutan_maks,
                versi: 1,
                dibuat_pada: waktu.clone(),
                diubah_pada: waktu.clone(),
            });
            id
        }
    };
    let mut id_program: HashMap<String, String> = HashMap::new();
    let mut daftar_program: Vec<(&String, &(usize, Option<String>))> = program.iter().collect();
    daftar_program.sort_by_key(|(_, (n, _))| *n);
    for (pk, (_, nama)) in daftar_program {
        let id = buat_atau_ubah(
            PROGRAM,
            pk,
            nama.as_ref(),
            None,
            &mut butir_lama,
            &mut baru_butir,
        );
        id_program.insert(pk.clone(), id);
    }
    let mut id_kegiatan: HashMap<String, String> = HashMap::new();
    let mut daftar_kegiatan: Vec<_> = kegiatan.iter().collect();
    daftar_kegiatan.sort_by_key(|(_, (n, _, _))| *n);
    for (kk, (_, pk, nama)) in daftar_kegiatan {
        let induk = id_program.get(pk).cloned();
        let id = buat_atau_ubah(
            KEGIATAN,
            kk,
            nama.as_ref(),
            induk,
            &mut butir_lama,
            &mut baru_butir,
        );
        id_kegiatan.insert(kk.clone(), id);
    }
    let mut id_sub: HashMap<String, String> = HashMap::new();
    for sk in &urut_sub {
        let a = &sub[sk];
        let nama = a.nama.clone().or_else(|| {
            rules::anggaran::entri_subkegiatan(sk)
                .first()
                .map(|e| e.nama.to_string())
        });
        let induk = id_kegiatan.get(&a.kegiatan).cloned();
        let id = buat_atau_ubah(
            SUBKEGIATAN,
            sk,
            nama.as_ref(),
            induk,
            &mut butir_lama,
            &mut baru_butir,
        );
        let b = match per_kode.get(sk.as_str()) {
            Some(&i) => &mut butir_lama[i],
            None => baru_butir
                .iter_mut()
                .find(|b| &b.kode == sk)
                .expect("baru dibuat"),
        };
        if let Some(u) = &a.unit {
            b.unit_id = u.clone();
        }
        if let Some((_, p)) = a.pagu {
            b.pagu_sen = p;
        }
        id_sub.insert(sk.clone(), id);
    }
    // Indikator.
    let ind_per_kunci: HashMap<(String, String), usize> = ind_lama
        .iter()
        .enumerate()
        .map(|(i, x)| ((x.butir_id.clone(), x.nama_kunci.clone()), i))
        .collect();
    let ind_asli = ind_lama.clone();
    let mut urutan_ind: HashMap<String, i64> = HashMap::new();
    for x in &ind_lama {
        let e = urutan_ind.entry(x.butir_id.clone()).or_insert(-1);
        *e = (*e).max(x.urutan);
    }
    let mut ind_baru: Vec<Indikator> = Vec::new();
    for x in indikator {
        let bid = id_sub[&x.sub].clone();
        let set = |i: &mut Indikator| {
            i.nama = x.nama.clone();
            if ada("satuan") {
                i.satuan = x.satuan.clone();
            }
            if ada("polaritas") {
                i.polaritas = x.polaritas.clone();
            }
            if ada("baseline") {
                i.baseline = x.baseline.map(kanonis);
            }
            if ada("target") {
                i.target = x.target.map(kanonis);
            }
            for (j, slot) in [
                &mut i.target_tw1,
                &mut i.target_tw2,
                &mut i.target_tw3,
                &mut i.target_tw4,
            ]
            .into_iter()
            .enumerate()
            {
                if ada(&format!("target_tw{}", j + 1)) {
                    *slot = x.tw[j].map(kanonis);
                }
            }
        };
        match ind_per_kunci.get(&(bid.clone(), x.kunci.clone())) {
            Some(&i) => set(&mut ind_lama[i]),
            None => {
                let u = urutan_ind.entry(bid.clone()).or_insert(-1);
                *u += 1;
                let mut i = Indikator {
                    instansi_id: instansi_id.into(),
                    id: store::id_baru(),
                    rencana_id: rencana_id.clone(),
                    butir_id: bid,
                    kunci: store::id_baru(),
                    nama: String::new(),
                    nama_kunci: x.kunci.clone(),
                    satuan: None,
                    polaritas: None,
                    baseline: None,
                    target: None,
                    target_tw1: None,
                    target_tw2: None,
                    target_tw3: None,
                    target_tw4: None,
                    urutan: *u,
                    versi: 1,
                    dibuat_pada: waktu.clone(),
                    diubah_pada: waktu.clone(),
                };
                set(&mut i);
                ind_baru.push(i);
            }
        }
    }
    let butir_ubah: Vec<(&Butir, &Butir)> = asli
        .iter()
        .zip(butir_lama.iter())
        .filter(|(a, b)| a != b)
        .collect();
    let ind_ubah: Vec<(&Indikator, &Indikator)> = ind_asli
        .iter()
        .zip(ind_lama.iter())
        .filter(|(a, b)| a != b)
        .collect();
    lap.dibuat = baru_butir.len() + ind_baru.len();
    lap.diperbarui = butir_ubah.len() + ind_ubah.len();
    let disentuh: HashSet<&str> = id_sub.values().map(String::as_str).collect();
    let disentuh_ind = ind_lama
        .iter()
        .filter(|i| disentuh.contains(i.butir_id.as_str()))
        .count();
    lap.tidak_berubah = (program.len() + kegiatan.len() + urut_sub.len())
        .saturating_sub(baru_butir.len() + butir_ubah.len())
        + disentuh_ind.saturating_sub(ind_ubah.len());

    let mut tx = l.db.mulai().await?;
    let tulis = TulisRencana {
        instansi_id,
        tahun,
        rencana_baru: rencana_baru.as_ref(),
        rencana_id: &rencana_id,
        butir_baru: &baru_butir,
        butir_ubah: &butir_ubah,
        ind_baru: &ind_baru,
        ind_ubah: &ind_ubah,
        waktu: &waktu,
    };
    match tulis.jalankan(&mut tx).await {
        Ok(true) => {}
        Ok(false) => return Err(berubah_saat_impor(k)),
        Err(e) => return Err(galat_tulis(k, e)),
    }
    let audit_baru = baru_butir.iter().map(|b| (b.id.as_str(), None, Some(b)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "buat", "rencana_butir", audit_baru)
        .await?;
    let audit_ubah = butir_ubah
        .iter()
        .map(|(a, b)| (a.id.as_str(), Some(*a), Some(*b)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "ubah", "rencana_butir", audit_ubah)
        .await?;
    let audit_ind = ind_baru.iter().map(|i| (i.id.as_str(), None, Some(i)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "rencana_indikator",
        audit_ind,
    )
    .await?;
    let audit_ind_ubah = ind_ubah
        .iter()
        .map(|(a, b)| (a.id.as_str(), Some(*a), Some(*b)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "rencana_indikator",
        audit_ind_ubah,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

fn berubah_saat_impor(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Rencana diubah orang lain saat impor berjalan. Tidak ada yang disimpan; unggah berkas itu lagi.",
            "Someone changed the plan while the import ran. Nothing was saved; upload the file again.",
        )
        .into(),
    )
}

struct TulisRencana<'a> {
    instansi_id: &'a str,
    tahun: i64,
    rencana_baru: Option<&'a Rencana>,
    rencana_id: &'a str,
    butir_baru: &'a [Butir],
    butir_ubah: &'a [(&'a Butir, &'a Butir)],
    ind_baru: &'a [Indikator],
    ind_ubah: &'a [(&'a Indikator, &'a Indikator)],
    waktu: &'a str,
}

impl TulisRencana<'_> {
    /// false: versi sebuah rekaman sudah berubah (ditulis orang lain).
    async fn jalankan(&self, tx: &mut store::Transaksi<'_>) -> Result<bool, store::GalatStore> {
        store::perencanaan::sentuh_rencana(tx, self.instansi_id, self.tahun).await?;
        if let Some(r) = self.rencana_baru {
            store::perencanaan::sisipkan_rencana(tx, r).await?;
        }
        // Induk lebih dulu (FK induk_id).
        for tingkat in [PROGRAM, KEGIATAN, SUBKEGIATAN] {
            let potong: Vec<Butir> = self
                .butir_baru
                .iter()
                .filter(|b| b.tingkat == tingkat)
                .cloned()
                .collect();
            store::perencanaan::sisipkan_butir_banyak(tx, &potong).await?;
        }
        for (a, b) in self.butir_ubah {
            let mut x = (*b).clone();
            x.versi = a.versi;
            x.diubah_pada = self.waktu.to_string();
            if !store::perencanaan::ubah_butir(tx, &x).await? {
                return Ok(false);
            }
        }
        store::perencanaan::sisipkan_indikator_banyak(tx, self.ind_baru).await?;
        for (a, b) in self.ind_ubah {
            let mut x = (*b).clone();
            x.versi = a.versi;
            x.diubah_pada = self.waktu.to_string();
            if !store::perencanaan::ubah_indikator(tx, &x).await? {
                return Ok(false);
            }
        }
        store::perencanaan::naikkan_versi_rencana(
            tx,
            self.instansi_id,
            self.rencana_id,
            self.waktu,
        )
        .await?;
        if self.butir_baru.len() + self.ind_baru.len() > 1_000 {
            store::perencanaan::segarkan_statistik_anggaran(tx).await?;
        }
        Ok(true)
    }
}

// ---------- belanja ----------

/// Mengganti rincian belanja sub kegiatan yang disebut berkas.
pub async fn impor_belanja(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Belanja(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Belanja, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Belanja, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    let Some(sasaran) = rt.draf().or(rt.berlaku()).cloned() else {
        return Ok(tolak(
            &mut lap,
            pilih(
                k,
                format!("Belum ada rencana {tahun}; impor rencananya dulu."),
                format!("There is no {tahun} plan yet; import the plan first."),
            ),
        ));
    };
    lap.info.push(CatatanBaris::baru(
        0,
        "",
        pilih(
            k,
            format!(
                "Rincian dimuat ke revisi {} ({}).",
                sasaran.revisi, sasaran.status
            ),
            format!(
                "Details loaded into revision {} ({}).",
                sasaran.revisi, sasaran.status
            ),
        ),
    ));
    let kl = crate::perencanaan::skema_kl(l, instansi_id).await?;
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &sasaran.id).await?;
    let per_kode: HashMap<&str, &Butir> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .map(|b| (b.kode.as_str(), b))
        .collect();
    let mut g = DaftarGalat::default();
    let mut rincian: Vec<Rincian> = Vec::new();
    let mut jumlah: HashMap<String, i64> = HashMap::new();
    let waktu = store::sekarang();
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let butir = match kode(k, sel("subkegiatan_kode")) {
            Ok(Some(x)) => match per_kode.get(x.as_str()) {
                Some(b) => Some(*b),
                None => {
                    g.tambah(
                        n,
                        "subkegiatan_kode",
                        pilih(
                            k,
                            format!(
                                "Sub kegiatan {x} tidak ada di rencana {tahun} revisi {}.",
                                sasaran.revisi
                            ),
                            format!(
                                "Sub-activity {x} is not in the {tahun} plan, revision {}.",
                                sasaran.revisi
                            ),
                        ),
                    );
                    None
                }
            },
            Ok(None) => {
                g.tambah(
                    n,
                    "subkegiatan_kode",
                    k.t("Kode wajib diisi.", "A code is required."),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "subkegiatan_kode", e);
                None
            }
        };
        let rek = sel("kode_rekening").teks().map(|t| {
            if kl {
                t.trim().to_string()
            } else {
                rules::anggaran::normalkan_rekening(&t)
            }
        });
        match &rek {
            None => g.tambah(n, "kode_rekening", k.t("Kode rekening wajib diisi.", "An account code is required.")),
            // K/L: akun BAS enam digit, belanja diawali 5.
            Some(r) if kl => {
                if !(r.len() == 6 && r.starts_with('5') && r.chars().all(|c| c.is_ascii_digit())) {
                    g.tambah(n, "kode_rekening", pilih(k,
                        format!("Akun {r} bukan akun belanja BAS enam digit (mis. 524111)."),
                        format!("Account {r} is not a six-digit BAS spending account (e.g. 524111).")));
                }
            }
            Some(r) if !r.starts_with("5.") || rules::anggaran::uraian_rekening(r).is_none() => g.tambah(
                n,
                "kode_rekening",
                pilih(
                    k,
                    format!("Kode rekening {r} bukan kode belanja (5.…) yang ada di bagan akun Permendagri 90/2019."),
                    format!("Account {r} is not a spending account (5.…) in the Permendagri 90/2019 chart."),
                ),
            ),
            Some(_) => {}
        }
        let uraian = sel("uraian").teks();
        if let Some(u) = &uraian
            && let Some(e) =
                crate::validasi::alasan(k.bahasa, u, 500, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "uraian", e);
        }
        let jml = match uang(k, &tabel, sel("jumlah")) {
            Ok(Some(x)) if x > 0 => Some(x),
            Ok(_) => {
                g.tambah(
                    n,
                    "jumlah",
                    k.t(
                        "Jumlah harus lebih dari nol.",
                        "The amount must be above zero.",
                    ),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "jumlah", e);
                None
            }
        };
        if let (Some(b), Some(rek), Some(jml)) = (butir, rek, jml) {
            let e = jumlah.entry(b.id.clone()).or_default();
            *e = e.saturating_add(jml);
            rincian.push(Rincian {
                instansi_id: instansi_id.into(),
                id: store::id_baru(),
                rencana_id: sasaran.id.clone(),
                butir_id: b.id.clone(),
                kode_rekening: rek,
                uraian,
                jumlah_sen: jml,
                urutan: n as i64,
                dibuat_pada: waktu.clone(),
            });
        }
    }
    if g.jumlah > 0 {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_BELANJA);
        return Ok(lap);
    }
    let per_id: HashMap<&str, &Butir> = butir.iter().map(|b| (b.id.as_str(), b)).collect();
    let mut diganti: Vec<String> = jumlah.keys().cloned().collect();
    diganti.sort();
    for id in &diganti {
        let b = per_id[id.as_str()];
        if b.pagu_sen.is_some_and(|p| p != jumlah[id]) {
            lap.info.push(CatatanBaris::baru(
                0,
                "jumlah",
                pilih(
                    k,
                    format!(
                        "Jumlah rincian sub kegiatan {} (Rp{}) tidak sama dengan pagunya (Rp{}).",
                        b.kode,
                        crate::perencanaan::d2(rupiah(jumlah[id])),
                        crate::perencanaan::d2(rupiah(b.pagu_sen.unwrap_or(0)))
                    ),
                    format!(
                        "Details of sub-activity {} add up to Rp{}, not its ceiling Rp{}.",
                        b.kode,
                        crate::perencanaan::d2(rupiah(jumlah[id])),
                        crate::perencanaan::d2(rupiah(b.pagu_sen.unwrap_or(0)))
                    ),
                ),
            ));
        }
    }
    lap.dibuat = rincian.len();
    let mut tx = l.db.mulai().await?;
    let hasil = async {
        store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
        store::perencanaan::ganti_rincian(&mut tx, instansi_id, &diganti, &rincian).await
    }
    .await;
    hasil.map_err(|e| galat_tulis(k, e))?;
    let audit = rincian.iter().map(|r| (r.id.as_str(), None, Some(r)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "impor", "rincian_belanja", audit).await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

// ---------- realisasi ----------

/// Bulan terakhir yang sudah berjalan pada tahun itu (0 bila belum mulai).
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

fn pesan_kunci(k: &Konteks, x: &KunciPeriode) -> String {
    let periode = crate::perencanaan::nama_periode(k.bahasa, &x.jenis, x.periode, x.tahun);
    let pada = x.dikunci_pada.get(0..10).unwrap_or(&x.dikunci_pada);
    match k.bahasa {
        Bahasa::Id => format!(
            "{periode} dikunci keuangan pada {pada}; tidak ada yang disimpan. Minta keuangan membuka kuncinya."
        ),
        Bahasa::En => format!(
            "{periode} was locked by finance on {pada}; nothing was saved. Ask finance to unlock it."
        ),
    }
}

fn bilangan(t: &Tabel, s: &Sel, min: i64, maks: i64) -> Option<i64> {
    baca::bilangan_bulat(s, t.desimal_koma)
        .ok()
        .flatten()
        .filter(|x| (min..=maks).contains(x))
}

/// Realisasi anggaran bulanan per sub kegiatan (upsert per kode dan bulan).
pub async fn impor_realisasi_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Realisasi(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::RealisasiAnggaran, nama_berkas);
    let Some(tabel) =
        baca_berkas(k, Jenis::RealisasiAnggaran, nama_berkas, bytes, &mut lap).await?
    else {
        return Ok(lap);
    };
    let Some(berlaku) = rt.berlaku().cloned() else {
        return Ok(tolak(&mut lap, belum_ditetapkan(k, tahun)));
    };
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    let kode_sah: HashSet<&str> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .map(|b| b.kode.as_str())
        .collect();
    let sampai = bulan_berjalan(l, instansi_id, tahun).await?;
    let lama: HashMap<(String, i64), i64> =
        store::perencanaan::realisasi_anggaran(l.pool(), instansi_id, tahun)
            .await?
            .into_iter()
            .map(|r| ((r.subkegiatan_kode, r.bulan), r.jumlah_sen))
            .collect();
    let mut g = DaftarGalat::default();
    let mut baris: Vec<(usize, RealisasiBulan)> = Vec::new();
    let mut dilihat: HashMap<(String, i64), usize> = HashMap::new();
    let waktu = store::sekarang();
    let oleh = k.aktor.as_ref().map(|a| a.pengguna_id.clone());
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let kd = match kode(k, sel("subkegiatan_kode")) {
            Ok(Some(x)) if kode_sah.contains(x.as_str()) => Some(x),
            Ok(Some(x)) => {
                g.tambah(
                    n,
                    "subkegiatan_kode",
                    pilih(
                        k,
                        format!("Sub kegiatan {x} tidak ada di rencana {tahun} yang ditetapkan."),
                        format!("Sub-activity {x} is not in the final {tahun} plan."),
                    ),
                );
                None
            }
            Ok(None) => {
                g.tambah(
                    n,
                    "subkegiatan_kode",
                    k.t("Kode wajib diisi.", "A code is required."),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "subkegiatan_kode", e);
                None
            }
        };
        let bulan = bilangan(&tabel, sel("bulan"), 1, 12);
        match bulan {
            None => g.tambah(
                n,
                "bulan",
                k.t(
                    "Bulan harus bilangan bulat 1–12.",
                    "The month must be a whole number 1–12.",
                ),
            ),
            Some(x) if x > sampai => g.tambah(n, "bulan", pesan_tahun_depan(k)),
            Some(_) => {}
        }
        let jumlah = match uang(k, &tabel, sel("jumlah")) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                g.tambah(
                    n,
                    "jumlah",
                    k.t(
                        "Jumlah wajib diisi (0 bila tidak ada belanja).",
                        "An amount is required (0 when nothing was spent).",
                    ),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "jumlah", e);
                None
            }
        };
        if let (Some(kd), Some(bulan), Some(jumlah)) = (kd, bulan, jumlah) {
            if let Some(m) = dilihat.insert((kd.clone(), bulan), n) {
                g.tambah(
                    n,
                    "bulan",
                    pilih(
                        k,
                        format!("Sub kegiatan {kd} bulan {bulan} sudah ada di baris {m}."),
                        format!("Sub-activity {kd}, month {bulan} already appears on row {m}."),
                    ),
                );
                continue;
            }
            baris.push((
                n,
                RealisasiBulan {
                    instansi_id: instansi_id.into(),
                    tahun,
                    subkegiatan_kode: kd,
                    bulan,
                    jumlah_sen: jumlah,
                    versi: 1,
                    diubah_oleh: oleh.clone(),
                    diubah_pada: waktu.clone(),
                },
            ));
        }
    }
    if g.jumlah > 0 {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_REALISASI_ANGGARAN);
        return Ok(lap);
    }
    let tulis: Vec<RealisasiBulan> = baris
        .iter()
        .filter(|(_, r)| lama.get(&(r.subkegiatan_kode.clone(), r.bulan)) != Some(&r.jumlah_sen))
        .map(|(_, r)| r.clone())
        .collect();
    lap.dibuat = tulis
        .iter()
        .filter(|r| !lama.contains_key(&(r.subkegiatan_kode.clone(), r.bulan)))
        .count();
    lap.diperbarui = tulis.len() - lap.dibuat;
    lap.tidak_berubah = baris.len() - tulis.len();
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    // Kunci dibaca di dalam transaksi, sesudah baris rencana terkunci.
    let kunci = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    let terkunci: Vec<&KunciPeriode> = kunci.iter().filter(|x| x.jenis == "anggaran").collect();
    if periksa_kunci(
        k,
        &mut lap,
        &terkunci,
        baris.iter().map(|(n, r)| (*n, r.bulan)),
        "bulan",
    ) {
        return Ok(lap);
    }
    store::perencanaan::tulis_realisasi_anggaran_banyak(&mut tx, &tulis)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let id: Vec<String> = tulis
        .iter()
        .map(|r| format!("{tahun}:{}:{}", r.subkegiatan_kode, r.bulan))
        .collect();
    let audit = tulis
        .iter()
        .zip(&id)
        .map(|(r, i)| (i.as_str(), None, Some(r)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "impor",
        "realisasi_anggaran",
        audit,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

fn belum_ditetapkan(k: &Konteks, tahun: i64) -> String {
    pilih(
        k,
        format!(
            "Rencana {tahun} belum ditetapkan; realisasi dicatat atas rencana yang ditetapkan."
        ),
        format!("The {tahun} plan is not final yet; results are recorded against the final plan."),
    )
}

/// true: ada baris yang menyentuh periode terkunci — laporan ditolak utuh.
fn periksa_kunci(
    k: &Konteks,
    lap: &mut LaporanImpor,
    terkunci: &[&KunciPeriode],
    baris: impl Iterator<Item = (usize, i64)>,
    kolom: &str,
) -> bool {
    let mut galat = Vec::new();
    let mut berkas: Vec<String> = Vec::new();
    for (n, periode) in baris {
        if let Some(x) = terkunci.iter().find(|x| x.periode == periode) {
            let p = pesan_kunci(k, x);
            if !berkas.contains(&p) {
                berkas.push(p.clone());
            }
            galat.push(CatatanBaris::baru(n, kolom, p));
        }
    }
    if galat.is_empty() {
        return false;
    }
    let mut semua: Vec<CatatanBaris> = berkas
        .into_iter()
        .map(|p| CatatanBaris::baru(0, "", p))
        .collect();
    let jumlah = semua.len() + galat.len();
    semua.extend(galat);
    semua.truncate(super::BATAS_GALAT_LAPORAN);
    lap.galat = semua;
    lap.jumlah_galat = jumlah;
    lap.dibuat = 0;
    lap.diperbarui = 0;
    lap.tidak_berubah = 0;
    true
}

/// Realisasi keluaran triwulanan per indikator (kumulatif). Nilai atau
/// bukti yang berubah mengosongkan verifikasi pimpinan unit.
pub async fn impor_realisasi_keluaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    let cakupan = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::Keluaran(instansi_id)).await?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::RealisasiKeluaran, nama_berkas);
    let Some(tabel) =
        baca_berkas(k, Jenis::RealisasiKeluaran, nama_berkas, bytes, &mut lap).await?
    else {
        return Ok(lap);
    };
    let Some(berlaku) = rt.berlaku().cloned() else {
        return Ok(tolak(&mut lap, belum_ditetapkan(k, tahun)));
    };
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    let indikator =
        store::perencanaan::indikator_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    let sub: HashMap<&str, &Butir> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .map(|b| (b.kode.as_str(), b))
        .collect();
    let ind: HashMap<(&str, &str), &Indikator> = indikator
        .iter()
        .map(|i| ((i.butir_id.as_str(), i.nama_kunci.as_str()), i))
        .collect();
    let sampai = (bulan_berjalan(l, instansi_id, tahun).await? + 2) / 3;
    let lama: HashMap<(String, i64), RealisasiTriwulan> =
        store::perencanaan::realisasi_keluaran(l.pool(), instansi_id, tahun, 4)
            .await?
            .into_iter()
            .map(|r| ((r.indikator_kunci.clone(), r.triwulan), r))
            .collect();
    let mut g = DaftarGalat::default();
    let mut baris: Vec<(usize, RealisasiTriwulan)> = Vec::new();
    let mut dilihat: HashMap<(String, i64), usize> = HashMap::new();
    let waktu = store::sekarang();
    let oleh = k.aktor.as_ref().map(|a| a.pengguna_id.clone());
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let sb =
            match kode(k, sel("subkegiatan_kode")) {
                Ok(Some(x)) => {
                    match sub.get(x.as_str()) {
                        Some(b) if cakupan.memuat(b.unit_id.as_deref()) => Some(*b),
                        Some(_) => {
                            g.tambah(
                                n,
                                "subkegiatan_kode",
                                pilih(
                                    k,
                                    format!("Sub kegiatan {x} bukan tanggung jawab unit Anda."),
                                    format!("Sub-activity {x} is not your unit's responsibility."),
                                ),
                            );
                            None
                        }
                        None => {
                            g.tambah(n, "subkegiatan_kode", pilih(k,
                        format!("Sub kegiatan {x} tidak ada di rencana {tahun} yang ditetapkan."),
                        format!("Sub-activity {x} is not in the final {tahun} plan.")));
                            None
                        }
                    }
                }
                Ok(None) => {
                    g.tambah(
                        n,
                        "subkegiatan_kode",
                        k.t("Kode wajib diisi.", "A code is required."),
                    );
                    None
                }
                Err(e) => {
                    g.tambah(n, "subkegiatan_kode", e);
                    None
                }
            };
        let i = match (sb, sel("indikator").teks()) {
            (_, None) => {
                g.tambah(
                    n,
                    "indikator",
                    k.t(
                        "Nama indikator wajib diisi.",
                        "An indicator name is required.",
                    ),
                );
                None
            }
            (None, Some(_)) => None,
            (Some(b), Some(t)) => match ind.get(&(b.id.as_str(), kunci(&t).as_str())) {
                Some(i) => Some(*i),
                None => {
                    g.tambah(
                        n,
                        "indikator",
                        pilih(
                            k,
                            format!("Indikator “{t}” tidak ada di sub kegiatan {}.", b.kode),
                            format!("Indicator “{t}” is not in sub-activity {}.", b.kode),
                        ),
                    );
                    None
                }
            },
        };
        let tw = bilangan(&tabel, sel("triwulan"), 1, 4);
        match tw {
            None => g.tambah(
                n,
                "triwulan",
                k.t(
                    "Triwulan harus bilangan bulat 1–4.",
                    "The quarter must be a whole number 1–4.",
                ),
            ),
            Some(x) if x > sampai => g.tambah(n, "triwulan", pesan_tahun_depan(k)),
            Some(_) => {}
        }
        let realisasi = match angka(k, &tabel, sel("realisasi")) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                g.tambah(
                    n,
                    "realisasi",
                    k.t("Realisasi wajib diisi.", "A result is required."),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "realisasi", e);
                None
            }
        };
        let url = sel("bukti_url").teks();
        if let Some(u) = &url
            && (!(u.starts_with("https://") || u.starts_with("http://"))
                || u.len() > 2_000
                || crate::validasi::alasan(k.bahasa, u, 2_000, crate::validasi::JenisTeks::Baris)
                    .is_some())
        {
            g.tambah(n, "bukti_url", k.t(
                "Tautan bukti harus alamat http:// atau https:// (paling panjang 2.000 karakter).",
                "The evidence link must be an http:// or https:// address (at most 2,000 characters)."));
        }
        if let (Some(b), Some(i), Some(tw), Some(realisasi)) = (sb, i, tw, realisasi) {
            if let Some(m) = dilihat.insert((i.kunci.clone(), tw), n) {
                g.tambah(
                    n,
                    "triwulan",
                    pilih(
                        k,
                        format!("Indikator ini triwulan {tw} sudah ada di baris {m}."),
                        format!("This indicator, quarter {tw}, already appears on row {m}."),
                    ),
                );
                continue;
            }
            let nilai = kanonis(realisasi);
            let sebelum = lama.get(&(i.kunci.clone(), tw));
            // Verifikasi hanya bertahan bila nilai dan buktinya tidak berubah.
            let tetap = sebelum.is_some_and(|x| x.realisasi == nilai && x.bukti_url == url);
            baris.push((
                n,
                RealisasiTriwulan {
                    instansi_id: instansi_id.into(),
                    tahun,
                    indikator_kunci: i.kunci.clone(),
                    triwulan: tw,
                    subkegiatan_kode: b.kode.clone(),
                    realisasi: nilai,
                    bukti_id: sebelum.and_then(|x| x.bukti_id.clone()),
                    bukti_url: url,
                    diverifikasi_oleh: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.diverifikasi_oleh.clone()),
                    diverifikasi_pada: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.diverifikasi_pada.clone()),
                    catatan_verifikasi: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.catatan_verifikasi.clone()),
                    versi: 1,
                    diubah_oleh: oleh.clone(),
                    diubah_pada: waktu.clone(),
                },
            ));
        }
    }
    if g.jumlah > 0 {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_REALISASI_KELUARAN);
        return Ok(lap);
    }
    let sama = |r: &RealisasiTriwulan| {
        lama.get(&(r.indikator_kunci.clone(), r.triwulan))
            .is_some_and(|x| x.realisasi == r.realisasi && x.bukti_url == r.bukti_url)
    };
    let tulis: Vec<RealisasiTriwulan> = baris
        .iter()
        .filter(|(_, r)| !sama(r))
        .map(|(_, r)| r.clone())
        .collect();
    lap.dibuat = tulis
        .iter()
        .filter(|r| !lama.contains_key(&(r.indikator_kunci.clone(), r.triwulan)))
        .count();
    lap.diperbarui = tulis.len() - lap.dibuat;
    lap.tidak_berubah = baris.len() - tulis.len();
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let kunci_ada = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    let terkunci: Vec<&KunciPeriode> = kunci_ada.iter().filter(|x| x.jenis == "keluaran").collect();
    if periksa_kunci(
        k,
        &mut lap,
        &terkunci,
        baris.iter().map(|(n, r)| (*n, r.triwulan)),
        "triwulan",
    ) {
        return Ok(lap);
    }
    store::perencanaan::tulis_realisasi_keluaran_banyak(&mut tx, &tulis)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let id: Vec<String> = tulis
        .iter()
        .map(|r| format!("{tahun}:{}:{}", r.indikator_kunci, r.triwulan))
        .collect();
    let audit = tulis
        .iter()
        .zip(&id)
        .map(|(r, i)| (i.as_str(), None, Some(r)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "impor",
        "realisasi_keluaran",
        audit,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

// ---------- ekspor ----------

/// Tabel anggaran yang dapat diekspor. Empat yang pertama memakai kolom
/// impornya, sehingga ekspor → impor kembali tidak mengubah apa pun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabelEkspor {
    Rencana,
    Belanja,
    RealisasiAnggaran,
    RealisasiKeluaran,
    NilaiUang,
    Keselarasan,
    Unit,
}

impl TabelEkspor {
    pub fn dari_kode(s: &str) -> Option<TabelEkspor> {
        Some(match s {
            "rencana" => TabelEkspor::Rencana,
            "belanja" => TabelEkspor::Belanja,
            "realisasi-anggaran" => TabelEkspor::RealisasiAnggaran,
            "realisasi-keluaran" => TabelEkspor::RealisasiKeluaran,
            "nilai-uang" => TabelEkspor::NilaiUang,
            "keselarasan" => TabelEkspor::Keselarasan,
            "unit" => TabelEkspor::Unit,
            _ => return None,
        })
    }
    pub fn kode(self) -> &'static str {
        match self {
            TabelEkspor::Rencana => "rencana",
            TabelEkspor::Belanja => "belanja",
            TabelEkspor::RealisasiAnggaran => "realisasi-anggaran",
            TabelEkspor::RealisasiKeluaran => "realisasi-keluaran",
            TabelEkspor::NilaiUang => "nilai-uang",
            TabelEkspor::Keselarasan => "keselarasan",
            TabelEkspor::Unit => "unit",
        }
    }
    fn kolom(self) -> &'static [Kolom] {
        match self {
            TabelEkspor::Rencana => KOLOM_RENCANA,
            TabelEkspor::Belanja => KOLOM_BELANJA,
            TabelEkspor::RealisasiAnggaran => KOLOM_REALISASI_ANGGARAN,
            TabelEkspor::RealisasiKeluaran => KOLOM_REALISASI_KELUARAN,
            TabelEkspor::NilaiUang => KOLOM_NILAI_UANG,
            TabelEkspor::Keselarasan => KOLOM_KESELARASAN,
            TabelEkspor::Unit => KOLOM_UNIT_ANGGARAN,
        }
    }
}

pub const KOLOM_NILAI_UANG: &[Kolom] = &[
    kolom(
        "subkegiatan_kode",
        false,
        "Kode sub kegiatan.",
        "Sub-activity code.",
    ),
    kolom(
        "subkegiatan_nama",
        false,
        "Nama sub kegiatan.",
        "Sub-activity name.",
    ),
    kolom("unit", false, "Unit penanggung jawab.", "Responsible unit."),
    kolom("program_kode", false, "Kode program.", "Programme code."),
    kolom("pagu", false, "Pagu (rupiah).", "Ceiling (rupiah)."),
    kolom(
        "realisasi_anggaran",
        false,
        "Realisasi anggaran sampai bulan berjalan.",
        "Spending to date.",
    ),
    kolom(
        "penyerapan_persen",
        false,
        "Penyerapan (%).",
        "Absorption (%).",
    ),
    kolom(
        "capaian_persen",
        false,
        "Capaian indikator utama (%).",
        "Main indicator achievement (%).",
    ),
    kolom(
        "ekspektasi_waktu_persen",
        false,
        "Ekspektasi waktu (%).",
        "Time expectation (%).",
    ),
    kolom(
        "biaya_per_satuan",
        false,
        "Biaya per satuan keluaran.",
        "Cost per unit of output.",
    ),
    kolom("satuan", false, "Satuan keluaran.", "Output unit."),
    kolom(
        "tanda",
        false,
        "Kode tanda merah, dipisah titik koma.",
        "Red-flag codes, separated by semicolons.",
    ),
    kolom(
        "bukti",
        false,
        "tidak_ada, belum_diverifikasi, diverifikasi.",
        "tidak_ada, belum_diverifikasi, diverifikasi.",
    ),
];

pub const KOLOM_KESELARASAN: &[Kolom] = &[
    kolom(
        "program_kode",
        false,
        "Kode program (K/L: kegiatan).",
        "Programme code (K/L: activity).",
    ),
    kolom("program_nama", false, "Nama program.", "Programme name."),
    kolom("selaras", false, "ya/tidak.", "yes/no."),
    kolom(
        "porsi_belanja_penunjang_persen",
        false,
        "Porsi belanja penunjang (%).",
        "Overhead share (%).",
    ),
    kolom(
        "jenis",
        false,
        "alasan (membuat tidak selaras) atau peringatan.",
        "alasan (makes it not aligned) or peringatan (warning).",
    ),
    kolom(
        "kode",
        false,
        "Kode alasan/peringatan.",
        "Reason/warning code.",
    ),
    kolom(
        "subkegiatan_kode",
        false,
        "Sub kegiatan (kosong: program).",
        "Sub-activity (empty: programme).",
    ),
    kolom("pesan", false, "Pesan.", "Message."),
    kolom(
        "bukti",
        false,
        "Bukti, dipisah titik koma.",
        "Evidence, separated by semicolons.",
    ),
    kolom(
        "diterima",
        false,
        "Justifikasi penerimaan peringatan, bila ada.",
        "Acceptance justification, if any.",
    ),
];

pub const KOLOM_UNIT_ANGGARAN: &[Kolom] = &[
    kolom("unit", false, "Perangkat daerah.", "Department."),
    kolom("pagu", false, "Pagu.", "Ceiling."),
    kolom(
        "realisasi_anggaran",
        false,
        "Realisasi anggaran.",
        "Spending.",
    ),
    kolom(
        "penyerapan_persen",
        false,
        "Penyerapan (%).",
        "Absorption (%).",
    ),
    kolom(
        "capaian_tertimbang_persen",
        false,
        "Capaian tertimbang pagu (%).",
        "Achievement weighted by ceiling (%).",
    ),
    kolom(
        "jumlah_subkegiatan",
        false,
        "Sub kegiatan.",
        "Sub-activities.",
    ),
    kolom(
        "jumlah_bertanda",
        false,
        "Sub kegiatan bertanda merah.",
        "Red-flagged sub-activities.",
    ),
];

/// Ekspor satu tabel anggaran (CSV atau XLSX); pimpinan unit hanya unitnya.
pub async fn ekspor_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    tabel: TabelEkspor,
    format: super::Format,
) -> Hasil<Vec<u8>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let rt = crate::perencanaan::RevisiTahun::baca(l, instansi_id, tahun).await?;
    let pool = l.pool();
    let uang = |sen: i64| crate::perencanaan::d2(rupiah(sen));
    let baris: Vec<Vec<String>> = match tabel {
        TabelEkspor::Keselarasan => {
            let ks = crate::perencanaan::keselarasan(l, k, instansi_id, tahun, None).await?;
            let mut keluar = Vec::new();
            for p in ks.program {
                let selaras = if p.selaras { "ya" } else { "tidak" };
                let temuan = p
                    .alasan
                    .iter()
                    .map(|t| ("alasan", t))
                    .chain(p.peringatan.iter().map(|t| ("peringatan", t)));
                let mut ada = false;
                for (jenis, t) in temuan {
                    ada = true;
                    keluar.push(vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        selaras.into(),
                        p.porsi_belanja_penunjang_persen.clone(),
                        jenis.into(),
                        t.kode.clone(),
                        t.subkegiatan.clone().unwrap_or_default(),
                        t.pesan.clone(),
                        t.bukti.join("; "),
                        t.diterima
                            .as_ref()
                            .map(|d| d.alasan.clone())
                            .unwrap_or_default(),
                    ]);
                }
                if !ada {
                    keluar.push(vec![
                        p.kode.clone(),
                        p.nama.clone(),
                        selaras.into(),
                        p.porsi_belanja_penunjang_persen.clone(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            keluar
        }
        TabelEkspor::Unit => {
            let t = crate::perencanaan::TanyaNilaiUang {
                limit: Some(1_000),
                ..Default::default()
            };
            crate::perencanaan::nilai_uang(l, k, instansi_id, tahun, &t)
                .await?
                .unit
                .into_iter()
                .map(|u| {
                    vec![
                        u.unit.unwrap_or_default(),
                        u.pagu,
                        u.realisasi_anggaran,
                        u.penyerapan_persen.unwrap_or_default(),
                        u.capaian_tertimbang_persen.unwrap_or_default(),
                        u.jumlah_subkegiatan.to_string(),
                        u.jumlah_bertanda.to_string(),
                    ]
                })
                .collect()
        }
        TabelEkspor::NilaiUang => {
            let t = crate::perencanaan::TanyaNilaiUang {
                limit: Some(5_000),
                ..Default::default()
            };
            crate::perencanaan::nilai_uang(l, k, instansi_id, tahun, &t)
                .await?
                .subkegiatan
                .into_iter()
                .map(|x| {
                    vec![
                        x.kode,
                        x.nama,
                        x.unit.unwrap_or_default(),
                        x.program_kode.unwrap_or_default(),
                        x.pagu,
                        x.realisasi_anggaran,
                        x.penyerapan_persen.unwrap_or_default(),
                        x.capaian_persen.unwrap_or_default(),
                        x.ekspektasi_waktu_persen,
                        x.biaya_per_satuan.unwrap_or_default(),
                        x.satuan.unwrap_or_default(),
                        x.tanda
                            .iter()
                            .map(|t| t.kode.as_str())
                            .collect::<Vec<_>>()
                            .join(";"),
                        x.bukti,
                    ]
                })
                .collect()
        }
        _ => {
            // Rencana dan belanja: revisi yang menjadi sasaran impor (draf, atau
            // yang ditetapkan); realisasi: revisi yang ditetapkan.
            let r = match tabel {
                TabelEkspor::Rencana | TabelEkspor::Belanja => rt.draf().or(rt.berlaku()),
                _ => rt.berlaku(),
            };
            let Some(r) = r.cloned() else {
                return super::tulis_berkas_tabel(
                    k,
                    tabel.kode(),
                    tabel.kolom(),
                    format,
                    Vec::new(),
                )
                .await;
            };
            let butir = store::perencanaan::butir_rencana(pool, instansi_id, &r.id).await?;
            let indikator = store::perencanaan::indikator_rencana(pool, instansi_id, &r.id).await?;
            let per_id: HashMap<&str, &Butir> = butir.iter().map(|b| (b.id.as_str(), b)).collect();
            let terlihat = |b: &Butir| c.memuat(b.unit_id.as_deref());
            let sub: HashMap<&str, &Butir> = butir
                .iter()
                .filter(|b| b.tingkat == SUBKEGIATAN && terlihat(b))
                .map(|b| (b.kode.as_str(), b))
                .collect();
            match tabel {
                TabelEkspor::Rencana => {
                    let unit = store::organisasi::semua_unit(pool, instansi_id).await?;
                    let pohon = PohonUnit::dari(&unit);
                    let mut ind: HashMap<&str, Vec<&Indikator>> = HashMap::new();
                    for i in &indikator {
                        ind.entry(i.butir_id.as_str()).or_default().push(i);
                    }
                    let mut keluar = Vec::new();
                    let mut urut: Vec<&&Butir> = sub.values().collect();
                    urut.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
                    for b in urut {
                        let keg = b.induk_id.as_deref().and_then(|i| per_id.get(i));
                        let prog = keg
                            .and_then(|x| x.induk_id.as_deref())
                            .and_then(|i| per_id.get(i));
                        let dasar = vec![
                            b.unit_id
                                .as_deref()
                                .map(|u| pohon.tampil(u))
                                .unwrap_or_default(),
                            prog.map(|x| x.kode.clone()).unwrap_or_default(),
                            prog.map(|x| x.nama.clone()).unwrap_or_default(),
                            keg.map(|x| x.kode.clone()).unwrap_or_default(),
                            keg.map(|x| x.nama.clone()).unwrap_or_default(),
                            b.kode.clone(),
                            b.nama.clone(),
                        ];
                        let pagu = b.pagu_sen.map(uang).unwrap_or_default();
                        let mut daftar = ind.get(b.id.as_str()).cloned().unwrap_or_default();
                        daftar.sort_by_key(|i| i.urutan);
                        if daftar.is_empty() {
                            let mut x = dasar.clone();
                            x.extend(std::iter::repeat_n(String::new(), 9));
                            x.push(pagu.clone());
                            keluar.push(x);
                        }
                        for i in daftar {
                            let o = |v: &Option<String>| v.clone().unwrap_or_default();
                            let mut x = dasar.clone();
                            x.extend([
                                i.nama.clone(),
                                o(&i.satuan),
                                o(&i.polaritas),
                                o(&i.baseline),
                                o(&i.target),
                                o(&i.target_tw1),
                                o(&i.target_tw2),
                                o(&i.target_tw3),
                                o(&i.target_tw4),
                                pagu.clone(),
                            ]);
                            keluar.push(x);
                        }
                    }
                    keluar
                }
                TabelEkspor::Belanja => {
                    let kode_butir: HashMap<&str, &str> = sub
                        .values()
                        .map(|b| (b.id.as_str(), b.kode.as_str()))
                        .collect();
                    store::perencanaan::rincian_rencana(pool, instansi_id, &r.id)
                        .await?
                        .into_iter()
                        .filter_map(|x| {
                            let kode = kode_butir.get(x.butir_id.as_str())?;
                            Some(vec![
                                kode.to_string(),
                                x.kode_rekening,
                                x.uraian.unwrap_or_default(),
                                uang(x.jumlah_sen),
                            ])
                        })
                        .collect()
                }
                TabelEkspor::RealisasiAnggaran => {
                    store::perencanaan::realisasi_anggaran(pool, instansi_id, tahun)
                        .await?
                        .into_iter()
                        .filter(|x| sub.contains_key(x.subkegiatan_kode.as_str()))
                        .map(|x| vec![x.subkegiatan_kode, x.bulan.to_string(), uang(x.jumlah_sen)])
                        .collect()
                }
                _ => {
                    let nama: HashMap<&str, &str> = indikator
                        .iter()
                        .map(|i| (i.kunci.as_str(), i.nama.as_str()))
                        .collect();
                    store::perencanaan::realisasi_keluaran(pool, instansi_id, tahun, 4)
                        .await?
                        .into_iter()
                        .filter(|x| sub.contains_key(x.subkegiatan_kode.as_str()))
                        .filter_map(|x| {
                            let n = nama.get(x.indikator_kunci.as_str())?;
                            Some(vec![
                                x.subkegiatan_kode.clone(),
                                n.to_string(),
                                x.triwulan.to_string(),
                                x.realisasi,
                                x.bukti_url.unwrap_or_default(),
                            ])
                        })
                        .collect()
                }
            }
        }
    };
    super::tulis_berkas_tabel(k, tabel.kode(), tabel.kolom(), format, baris).await
}
