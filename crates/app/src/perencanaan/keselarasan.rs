//! Keselarasan ("nyambung") setiap program: apakah belanja sub kegiatannya
//! sesuai tujuan program — putusan dari `rules::anggaran::keselarasan`,
//! fungsi kalkulator `keselarasan-program`.

use super::{DataRencana, PROGRAM, RevisiTahun, d2, periksa_tahun, rupiah, terlihat};
use crate::kebijakan::{Aksi, CakupanUnit, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{
    BarisBelanja, IndikatorKeluaran, KonfigurasiAnggaran, MasukanKeselarasan, ProgramRencana,
    SubkegiatanBelanja, Temuan,
};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TemuanJson {
    pub kode: String,
    /// Kode sub kegiatan (null: program).
    pub subkegiatan: Option<String>,
    pub pesan: String,
    /// Baris belanja, kata atau indikator yang membuat temuan ini muncul.
    pub bukti: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PutusanProgram {
    pub kode: String,
    pub nama: String,
    pub selaras: bool,
    pub porsi_belanja_penunjang_persen: String,
    pub alasan: Vec<TemuanJson>,
    pub peringatan: Vec<TemuanJson>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct JawabanKeselarasan {
    pub tahun: i64,
    pub revisi: i64,
    pub program: Vec<PutusanProgram>,
}

fn temuan(t: &Temuan, k: &Konteks) -> TemuanJson {
    TemuanJson {
        kode: t.kode().token().into(),
        subkegiatan: t.subkegiatan.clone(),
        pesan: t.pesan(k.bahasa),
        bukti: t.bukti.clone(),
    }
}

/// Masukan aturan per program dari satu revisi (program tanpa sub kegiatan dilewati).
pub(crate) fn masukan_program(data: &DataRencana, c: &CakupanUnit) -> Vec<MasukanKeselarasan> {
    let per_id = data.per_id();
    let ind = data.indikator_per_butir();
    let mut belanja: HashMap<&str, Vec<BarisBelanja>> = HashMap::new();
    for r in &data.rincian {
        belanja
            .entry(r.butir_id.as_str())
            .or_default()
            .push(BarisBelanja {
                kode_rekening: r.kode_rekening.clone(),
                uraian: r.uraian.clone(),
                jumlah: rupiah(r.jumlah_sen),
            });
    }
    let mut urutan: Vec<String> = Vec::new();
    let mut per_program: BTreeMap<String, MasukanKeselarasan> = BTreeMap::new();
    for b in data.subkegiatan_urut() {
        if !terlihat(c, b) {
            continue;
        }
        let Some(p) = data.leluhur(&per_id, b, PROGRAM) else {
            continue;
        };
        let m = per_program.entry(p.kode.clone()).or_insert_with(|| {
            urutan.push(p.kode.clone());
            MasukanKeselarasan {
                program: ProgramRencana {
                    kode: p.kode.clone(),
                    nama: p.nama.clone(),
                },
                subkegiatan: Vec::new(),
            }
        });
        m.subkegiatan.push(SubkegiatanBelanja {
            kode: b.kode.clone(),
            nama: b.nama.clone(),
            jenis: None,
            indikator: ind
                .get(b.id.as_str())
                .map(|v| {
                    v.iter()
                        .map(|i| IndikatorKeluaran {
                            nama: i.nama.clone(),
                            satuan: i.satuan.clone().unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            belanja: belanja.remove(b.id.as_str()).unwrap_or_default(),
        });
    }
    urutan
        .into_iter()
        .filter_map(|k| per_program.remove(&k))
        .collect()
}

/// Putusan keselarasan setiap program. Bawaan revisi: draf terbuka bila ada
/// (alat perencana sebelum penetapan), selain itu yang ditetapkan.
pub async fn keselarasan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    revisi: Option<i64>,
) -> Hasil<JawabanKeselarasan> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let pilihan = match revisi {
        Some(n) => rt.revisi(n),
        None => rt.draf().or(rt.berlaku()),
    };
    let Some(rencana) = pilihan.cloned() else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Rencana tahun ini (atau revisi itu) tidak ditemukan.",
                "No plan (or no such revision) for this year.",
            )
            .into(),
        ));
    };
    let n = rencana.revisi;
    let data = DataRencana::muat(l, rencana, true).await?;
    let konf = KonfigurasiAnggaran::default();
    let mut program = Vec::new();
    for m in masukan_program(&data, &c) {
        let h = rules::anggaran::keselarasan(&m, &konf.keselarasan)
            .map_err(|g| Galat::Internal(format!("keselarasan {}: {g:?}", m.program.kode)))?;
        program.push(PutusanProgram {
            kode: m.program.kode.clone(),
            nama: m.program.nama.clone(),
            selaras: h.selaras(),
            porsi_belanja_penunjang_persen: d2(h.porsi_belanja_penunjang_persen),
            alasan: h.alasan.iter().map(|t| temuan(t, k)).collect(),
            peringatan: h.peringatan.iter().map(|t| temuan(t, k)).collect(),
        });
    }
    Ok(JawabanKeselarasan {
        tahun,
        revisi: n,
        program,
    })
}
