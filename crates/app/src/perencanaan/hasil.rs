//! Indikator hasil (outcome) program dan kegiatan: ditampilkan di halaman
//! rencana dan disunting perencana di draf (atau diimpor: baris rencana
//! dengan `subkegiatan_kode` kosong).
//!
//! Disimpan di `rencana_indikator` seperti indikator keluaran, dengan
//! `butir_id` program atau kegiatan. Gerbang keluaran, nilai uang,
//! keselarasan dan perbandingan biaya hanya membaca indikator butir sub
//! kegiatan, jadi indikator hasil tidak pernah dinilai sebagai keluaran dan
//! tidak menahan penetapan. Karena tidak melewati gerbang, aturan target
//! triwulannya diperiksa saat diisi ([`periksa_triwulan_hasil`]).
//! Realisasinya dicatat triwulanan seperti keluaran (`realisasi_keluaran`,
//! kode program/kegiatan; lihat `realisasi::realisasi_hasil`).

use super::subkegiatan::{IsianIndikator, indikator_sama, isian, susun_indikator};
use super::{DataRencana, KEGIATAN, PROGRAM, RevisiTahun, nama_unit, periksa_tahun};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{IndikatorRencana, MasalahTriwulan, RincianKekurangan, SubkegiatanRencana};
use rules::permenpanrb_8_2021::Polaritas;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use store::perencanaan::{Butir, Indikator};

/// Program atau kegiatan dengan indikator hasilnya (halaman rencana).
#[derive(Clone, Debug, Serialize)]
pub struct ButirHasil {
    /// `program` | `kegiatan`.
    pub tingkat: String,
    pub kode: String,
    pub nama: String,
    pub unit: Option<String>,
    pub indikator: Vec<IsianIndikator>,
    /// Kegiatan di bawah program (kosong untuk kegiatan).
    pub kegiatan: Vec<ButirHasil>,
}

/// Program dan kegiatan satu revisi (draf terbuka, atau yang berlaku).
#[derive(Clone, Debug, Serialize)]
pub struct DaftarHasil {
    pub revisi: i64,
    /// `draf` | `ditetapkan`.
    pub status: String,
    pub program: Vec<ButirHasil>,
}

/// Satu program atau kegiatan dengan indikator hasilnya.
#[derive(Clone, Debug, Serialize)]
pub struct DetailHasil {
    pub tahun: i64,
    pub revisi: i64,
    /// Status revisi yang ditampilkan: `draf` dapat diubah perencana.
    pub status: String,
    /// `program` | `kegiatan`.
    pub tingkat: String,
    pub kode: String,
    pub nama: String,
    /// Program induk (untuk kegiatan).
    pub program_kode: Option<String>,
    pub program_nama: Option<String>,
    /// Unit penanggung jawab program/kegiatan.
    pub unit_id: Option<String>,
    pub unit: Option<String>,
    /// Pejabat penanggung jawab: yang ditetapkan perencana, atau kepala unit
    /// penanggung jawab menurut data kepegawaian.
    pub pejabat: Option<String>,
    pub pejabat_id: Option<String>,
    /// `ditetapkan` | `kepegawaian`.
    pub pejabat_asal: Option<String>,
    /// NIP pejabat yang ditetapkan (isian formulir), bila ada.
    pub pejabat_nip: Option<String>,
    pub versi: i64,
    pub indikator: Vec<IsianIndikator>,
}

#[derive(Clone, Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MasukanHasil {
    #[serde(default)]
    pub unit_id: Option<String>,
    /// Pejabat penanggung jawab yang ditetapkan (id pegawai atau NIP; tidak
    /// dikirim: tetap; teks kosong: menurut data kepegawaian).
    #[serde(default)]
    pub pejabat_id: Option<String>,
    /// Indikator hasil sebagai himpunan: yang tidak disebut dihapus; nama yang
    /// sama mempertahankan identitasnya.
    #[serde(default)]
    pub indikator: Vec<IsianIndikator>,
    /// Versi program/kegiatan yang dilihat pengubah.
    #[serde(default)]
    pub versi: Option<i64>,
}

fn hasil_tingkat(b: &Butir) -> bool {
    b.tingkat == PROGRAM || b.tingkat == KEGIATAN
}

/// Program/kegiatan yang boleh dilihat cakupan: pembaca penuh semuanya;
/// pimpinan unit: yang unitnya di cakupannya, dan leluhur sub kegiatan unitnya.
fn terlihat_hasil<'a>(data: &'a DataRencana, c: &CakupanUnit) -> HashSet<&'a str> {
    let hasil_semua = data.butir.iter().filter(|b| hasil_tingkat(b));
    if c.semua() {
        return hasil_semua.map(|b| b.id.as_str()).collect();
    }
    let per_id = data.per_id();
    let mut ya: HashSet<&str> = hasil_semua
        .filter(|b| c.memuat(b.unit_id.as_deref()))
        .map(|b| b.id.as_str())
        .collect();
    for b in data.butir.iter().filter(|b| c.memuat(b.unit_id.as_deref())) {
        let mut x = b.induk_id.as_deref();
        for _ in 0..8 {
            let Some(p) = x.and_then(|i| per_id.get(i)) else {
                break;
            };
            ya.insert(p.id.as_str());
            x = p.induk_id.as_deref();
        }
    }
    ya
}

async fn muat(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<DataRencana> {
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(r) = rt.draf().or(rt.berlaku()).cloned() else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Belum ada rencana untuk tahun ini.",
                "There is no plan for this year yet.",
            )
            .into(),
        ));
    };
    DataRencana::muat(l, r, false).await
}

fn tidak_ada(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t(
            "Program atau kegiatan tidak ada di rencana ini.",
            "No such programme or activity in this plan.",
        )
        .into(),
    )
}

fn urut(v: &mut [&Butir]) {
    v.sort_by(|a, b| a.urutan.cmp(&b.urutan).then(a.kode.cmp(&b.kode)));
}

/// Program → kegiatan dengan indikator hasilnya (draf terbuka, atau revisi
/// yang berlaku); `None` bila tahun itu belum punya rencana.
pub async fn daftar_hasil(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Option<DaftarHasil>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(r) = rt.draf().or(rt.berlaku()).cloned() else {
        return Ok(None);
    };
    let data = DataRencana::muat(l, r, false).await?;
    let unit = nama_unit(l, instansi_id).await?;
    let boleh = terlihat_hasil(&data, &c);
    let ind = data.indikator_per_butir();
    let satu = |b: &Butir, kegiatan: Vec<ButirHasil>| ButirHasil {
        tingkat: b.tingkat.clone(),
        kode: b.kode.clone(),
        nama: b.nama.clone(),
        unit: b.unit_id.as_ref().and_then(|u| unit.get(u).cloned()),
        indikator: ind
            .get(b.id.as_str())
            .map(|v| v.iter().map(|i| isian(i)).collect())
            .unwrap_or_default(),
        kegiatan,
    };
    let mut program: Vec<&Butir> = data
        .butir
        .iter()
        .filter(|b| b.tingkat == PROGRAM && boleh.contains(b.id.as_str()))
        .collect();
    urut(&mut program);
    let mut anak: HashMap<&str, Vec<&Butir>> = HashMap::new();
    for b in data
        .butir
        .iter()
        .filter(|b| b.tingkat == KEGIATAN && boleh.contains(b.id.as_str()))
    {
        anak.entry(b.induk_id.as_deref().unwrap_or_default())
            .or_default()
            .push(b);
    }
    let program = program
        .into_iter()
        .map(|p| {
            let mut g = anak.remove(p.id.as_str()).unwrap_or_default();
            urut(&mut g);
            satu(p, g.into_iter().map(|x| satu(x, Vec::new())).collect())
        })
        .collect();
    Ok(Some(DaftarHasil {
        revisi: data.rencana_revisi,
        status: data.rencana_status.clone(),
        program,
    }))
}

async fn susun(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    data: &DataRencana,
    b: &Butir,
) -> Hasil<DetailHasil> {
    let unit = nama_unit(l, instansi_id).await?;
    let per_id = data.per_id();
    let program = (b.tingkat == KEGIATAN)
        .then(|| data.leluhur(&per_id, b, PROGRAM))
        .flatten();
    let ind = data.indikator_per_butir();
    let pj = super::subkegiatan::pejabat_butir(l, instansi_id, b).await?;
    Ok(DetailHasil {
        pejabat: pj.nama,
        pejabat_id: b.pejabat_id.clone(),
        pejabat_asal: pj.asal,
        pejabat_nip: pj.nip,
        tahun,
        revisi: data.rencana_revisi,
        status: data.rencana_status.clone(),
        tingkat: b.tingkat.clone(),
        kode: b.kode.clone(),
        nama: b.nama.clone(),
        program_kode: program.map(|p| p.kode.clone()),
        program_nama: program.map(|p| p.nama.clone()),
        unit_id: b.unit_id.clone(),
        unit: b.unit_id.as_ref().and_then(|u| unit.get(u).cloned()),
        versi: b.versi,
        indikator: ind
            .get(b.id.as_str())
            .map(|v| v.iter().map(|i| isian(i)).collect())
            .unwrap_or_default(),
    })
}

/// Satu program atau kegiatan dengan indikator hasilnya (draf terbuka, atau
/// revisi yang berlaku).
pub async fn hasil(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
) -> Hasil<DetailHasil> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let data = muat(l, k, instansi_id, tahun).await?;
    let b = data
        .butir
        .iter()
        .find(|b| b.kode == kode && hasil_tingkat(b))
        .ok_or_else(|| tidak_ada(k))?;
    if !terlihat_hasil(&data, &c).contains(b.id.as_str()) {
        return Err(k.dilarang());
    }
    susun(l, instansi_id, tahun, &data, b).await
}

/// Target triwulan indikator hasil. Boleh kosong semua (indikator hasil
/// sering hanya tahunan); bila diisi, berlaku aturan gerbang keluaran
/// `triwulan_tidak_konsisten` (fungsi yang sama): empat angka kumulatif,
/// triwulan IV = target tahunan, indikator positif tidak turun. Hasil
/// `Some((kolom, pesan))`: kolom `None` = target tahunan, `Some(j)` =
/// target triwulan ke-`j` (0–3).
pub(crate) fn periksa_triwulan_hasil(
    b: Bahasa,
    polaritas: Option<&str>,
    target: Option<Decimal>,
    tw: [Option<Decimal>; 4],
) -> Option<(Option<usize>, String)> {
    if tw.iter().all(Option::is_none) {
        return None;
    }
    let angka = |x: Decimal| {
        let t = rules::angka::teks_ringkas(x);
        match b {
            Bahasa::Id => t.replace('.', ","),
            Bahasa::En => t,
        }
    };
    let pilih = |id: String, en: String| match b {
        Bahasa::Id => id,
        Bahasa::En => en,
    };
    let Some(target) = target else {
        return Some((
            None,
            pilih(
                "Target triwulan diisi: isi juga target tahunan (sama dengan target triwulan IV).".into(),
                "Quarterly targets are filled: fill in the annual target too (equal to the quarter IV target).".into(),
            ),
        ));
    };
    let s = SubkegiatanRencana {
        kode: Some("-".into()),
        program_kode: Some("-".into()),
        unit: Some("-".into()),
        pagu: Some(Decimal::ONE),
        indikator: vec![IndikatorRencana {
            nama: None,
            satuan: None,
            polaritas: polaritas.and_then(Polaritas::dari_token),
            target: Some(target),
            target_triwulan: Some(tw),
        }],
    };
    let h = rules::anggaran::gerbang(&[s]).ok()?;
    h.kekurangan.into_iter().find_map(|x| match x.rincian {
        RincianKekurangan::Triwulan { masalah, .. } => Some(match masalah {
            MasalahTriwulan::BelumLengkap => (
                tw.iter().position(Option::is_none),
                pilih(
                    "Target triwulan belum lengkap: isi keempatnya (kumulatif, triwulan IV = target tahunan) atau kosongkan semuanya.".into(),
                    "The quarterly targets are incomplete: fill in all four (cumulative, quarter IV = annual target) or leave them all empty.".into(),
                ),
            ),
            MasalahTriwulan::AkhirBukanTarget { akhir, target } => (
                Some(3),
                pilih(
                    format!(
                        "Target triwulan IV ({}) tidak sama dengan target tahunan ({}); target triwulan bersifat kumulatif.",
                        angka(akhir),
                        angka(target)
                    ),
                    format!(
                        "The quarter IV target ({}) differs from the annual target ({}); quarterly targets are cumulative.",
                        angka(akhir),
                        angka(target)
                    ),
                ),
            ),
            MasalahTriwulan::Turun { ke, sebelum, nilai } => {
                let r = ["I", "II", "III", "IV"][usize::from(ke.clamp(1, 4)) - 1];
                (
                    Some(usize::from(ke.clamp(1, 4)) - 1),
                    pilih(
                        format!(
                            "Target triwulan {r} ({}) lebih kecil dari triwulan sebelumnya ({}); target kumulatif indikator positif tidak boleh turun.",
                            angka(nilai),
                            angka(sebelum)
                        ),
                        format!(
                            "The quarter {r} target ({}) is below the previous quarter ({}); cumulative targets of a positive indicator cannot fall.",
                            angka(nilai),
                            angka(sebelum)
                        ),
                    ),
                )
            }
        }),
        _ => None,
    })
}

/// Menyimpan unit penanggung jawab dan indikator hasil satu program atau
/// kegiatan di draf (himpunan menurut nama, seperti indikator sub kegiatan).
pub async fn simpan_hasil(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    m: MasukanHasil,
) -> Hasil<DetailHasil> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let (draf, data, lama) = super::draf_dan_butir(
        l,
        k,
        instansi_id,
        tahun,
        |b| b.kode == kode && hasil_tingkat(b),
        || tidak_ada(k),
    )
    .await?;
    let mut f = GalatKolom::default();
    let unit_id = super::baca_unit(l, k, &mut f, instansi_id, m.unit_id).await?;
    let pejabat_id = super::subkegiatan::baca_pejabat(
        l,
        k,
        &mut f,
        instansi_id,
        m.pejabat_id.as_deref(),
        lama.pejabat_id.clone(),
    )
    .await?;
    let pada = store::sekarang();
    let ind_lama: Vec<&Indikator> = data
        .indikator
        .iter()
        .filter(|i| i.butir_id == lama.id)
        .collect();
    let susunan = susun_indikator(
        k,
        &mut f,
        &m.indikator,
        &ind_lama,
        (instansi_id, &draf.id, &lama.id),
        &pada,
    );
    for (n, i) in &susunan {
        let awalan = format!("indikator[{n}].");
        if f.0.keys().any(|x| x.starts_with(&awalan)) {
            continue;
        }
        let d = |t: &Option<String>| t.as_deref().and_then(rules::angka::baca_desimal);
        let tw = [&i.target_tw1, &i.target_tw2, &i.target_tw3, &i.target_tw4].map(d);
        if let Some((kolom, pesan)) =
            periksa_triwulan_hasil(k.bahasa, i.polaritas.as_deref(), d(&i.target), tw)
        {
            let kolom = match kolom {
                None => format!("{awalan}target"),
                Some(j) => format!("{awalan}target_triwulan[{j}]"),
            };
            f.tambah(&kolom, pesan);
        }
    }
    let ind_baru: Vec<Indikator> = susunan.into_iter().map(|(_, i)| i).collect();
    f.jadi_galat(k.t(
        "Periksa kembali indikator hasil.",
        "Please check the outcome indicators.",
    ))?;
    let konflik = || {
        Galat::Konflik(
            k.t(
                "Program/kegiatan ini sudah diubah orang lain. Muat ulang lalu ulangi.",
                "Someone else changed this programme/activity. Reload and try again.",
            )
            .into(),
        )
    };
    if versi != lama.versi {
        return Err(konflik());
    }
    let mut baru = lama.clone();
    baru.unit_id = unit_id;
    baru.pejabat_id = pejabat_id;
    baru.versi = versi;
    baru.diubah_pada = pada.clone();
    if baru.unit_id == lama.unit_id
        && baru.pejabat_id == lama.pejabat_id
        && indikator_sama(&ind_baru, &ind_lama)
    {
        return susun(l, instansi_id, tahun, &data, &lama).await;
    }
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    if !store::perencanaan::ubah_butir(&mut tx, &baru).await? {
        return Err(konflik());
    }
    for i in &ind_lama {
        store::perencanaan::hapus_indikator(&mut tx, instansi_id, &i.id).await?;
    }
    store::perencanaan::sisipkan_indikator_banyak(&mut tx, &ind_baru).await?;
    store::perencanaan::naikkan_versi_rencana(&mut tx, instansi_id, &draf.id, &pada).await?;
    let mut sesudah = baru.clone();
    sesudah.versi += 1;
    #[derive(Serialize)]
    struct Potret<'a> {
        butir: &'a Butir,
        indikator: Vec<&'a Indikator>,
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "rencana_butir",
        &lama.id,
        Some(&Potret {
            butir: &lama,
            indikator: ind_lama.clone(),
        }),
        Some(&Potret {
            butir: &sesudah,
            indikator: ind_baru.iter().collect(),
        }),
    )
    .await?;
    tx.commit().await?;
    let data = DataRencana::muat(l, draf, false).await?;
    let b = data
        .butir
        .iter()
        .find(|b| b.id == lama.id)
        .cloned()
        .ok_or_else(|| tidak_ada(k))?;
    susun(l, instansi_id, tahun, &data, &b).await
}

#[cfg(test)]
mod tes {
    use super::*;

    fn d(s: &str) -> Option<Decimal> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn triwulan_hasil_boleh_kosong_atau_kumulatif() {
        let b = Bahasa::Id;
        assert_eq!(periksa_triwulan_hasil(b, None, d("80"), [None; 4]), None);
        assert_eq!(
            periksa_triwulan_hasil(b, None, d("80"), [d("20"), d("40"), d("60"), d("80")]),
            None
        );
        let (k, p) =
            periksa_triwulan_hasil(b, None, d("80"), [d("20"), None, d("60"), d("80")]).unwrap();
        assert_eq!(k, Some(1));
        assert!(p.contains("belum lengkap"), "{p}");
        let (k, p) =
            periksa_triwulan_hasil(b, None, d("80.5"), [d("20"), d("40"), d("60"), d("80")])
                .unwrap();
        assert_eq!(k, Some(3));
        assert!(p.contains("(80)") && p.contains("(80,5)"), "{p}");
        let (k, _) =
            periksa_triwulan_hasil(b, None, d("80"), [d("20"), d("10"), d("60"), d("80")]).unwrap();
        assert_eq!(k, Some(1));
        // Negatif boleh turun; triwulan IV tetap = target.
        assert_eq!(
            periksa_triwulan_hasil(
                b,
                Some("negatif"),
                d("5"),
                [d("20"), d("10"), d("8"), d("5")]
            ),
            None
        );
        let (k, _) = periksa_triwulan_hasil(b, None, None, [d("1"), None, None, None]).unwrap();
        assert_eq!(k, None);
    }
}
