//! Ringkasan rencana satu tahun, gerbang keluaran, penetapan dan perubahan.
//!
//! Draf boleh tidak lengkap; penetapan hanya bila setiap sub kegiatan lolos
//! aturan `gerbang-anggaran` — tanpa penimpaan. Perubahan menyalin revisi
//! yang berlaku ke draf baru dengan `kunci` yang sama, sehingga kedua
//! revisi tetap ada dan realisasi tetap menempel.

use super::{
    DataRencana, RevisiTahun, SUBKEGIATAN, d2, desimal, nama_unit, periksa_tahun, rupiah, status,
    terlihat,
};
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{HasilGerbang, IndikatorRencana, SubkegiatanRencana};
use rules::permenpanrb_8_2021::Polaritas;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use store::perencanaan::{Butir, Indikator, KunciPeriode, Rencana, Rincian};

/// Satu kekurangan gerbang, persis bentuk keluaran kalkulator `gerbang-anggaran`.
#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct KekuranganJson {
    pub subkegiatan: Option<String>,
    pub kode: String,
    pub pesan: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GerbangJson {
    pub lolos: bool,
    pub kekurangan: Vec<KekuranganJson>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RevisiRingkas {
    pub revisi: i64,
    /// `draf` | `ditetapkan` | `diganti`.
    pub status: String,
    pub versi: i64,
    pub ditetapkan_pada: Option<String>,
    pub alasan_perubahan: Option<String>,
    pub jumlah_subkegiatan: usize,
    /// Jumlah pagu sub kegiatan (rupiah, dua desimal).
    pub pagu: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DrafRingkas {
    pub revisi: i64,
    pub versi: i64,
    /// Pratinjau gerbang atas draf (yang akan diperiksa saat ditetapkan).
    pub gerbang: GerbangJson,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RingkasanAnggaran {
    pub tahun: i64,
    pub revisi: Vec<RevisiRingkas>,
    pub draf: Option<DrafRingkas>,
    pub kunci: Vec<KunciPeriode>,
}

/// Penetapan ditolak gerbang: galat 422 `gerbang_keluaran` (fields per kode
/// sub kegiatan) dan larik kekurangan yang sama dengan kalkulator.
#[derive(Debug)]
pub struct PenolakanGerbang {
    pub galat: Galat,
    pub kekurangan: Vec<KekuranganJson>,
}

fn polaritas(t: &Option<String>) -> Option<Polaritas> {
    t.as_deref().and_then(Polaritas::dari_token)
}

/// Masukan aturan gerbang dari satu revisi, urut program → kegiatan → sub
/// kegiatan; `unit` = nama unit (hanya kekosongannya yang dinilai).
/// K/L (`kl`): kode RO diawali kode kegiatannya, bukan kode program, jadi
/// induk yang diperiksa aturan `di_luar_program` adalah kegiatannya.
pub(crate) fn masukan_gerbang(
    data: &DataRencana,
    unit: &HashMap<String, String>,
    c: &CakupanUnit,
    kl: bool,
) -> Vec<SubkegiatanRencana> {
    let per_id = data.per_id();
    let ind = data.indikator_per_butir();
    data.subkegiatan_urut()
        .into_iter()
        .filter(|b| terlihat(c, b))
        .map(|b| {
            let program = data.leluhur(
                &per_id,
                b,
                if kl { super::KEGIATAN } else { super::PROGRAM },
            );
            let indikator = ind
                .get(b.id.as_str())
                .map(|v| v.iter().map(|i| indikator_rencana(i)).collect())
                .unwrap_or_default();
            SubkegiatanRencana {
                kode: Some(b.kode.clone()),
                program_kode: program.map(|p| p.kode.clone()),
                unit: b
                    .unit_id
                    .as_ref()
                    .map(|u| unit.get(u).cloned().unwrap_or_else(|| u.clone())),
                pagu: b.pagu_sen.map(rupiah),
                indikator,
            }
        })
        .collect()
}

fn indikator_rencana(i: &Indikator) -> IndikatorRencana {
    let tw = [&i.target_tw1, &i.target_tw2, &i.target_tw3, &i.target_tw4].map(desimal);
    IndikatorRencana {
        nama: Some(i.nama.clone()),
        satuan: i.satuan.clone(),
        polaritas: polaritas(&i.polaritas),
        target: desimal(&i.target),
        target_triwulan: tw.iter().any(Option::is_some).then_some(tw),
    }
}

pub(crate) fn gerbang_json(h: &HasilGerbang, k: &Konteks) -> GerbangJson {
    GerbangJson {
        lolos: h.lolos(),
        kekurangan: h
            .kekurangan
            .iter()
            .map(|x| KekuranganJson {
                subkegiatan: x.subkegiatan.clone(),
                kode: x.alasan().token().to_string(),
                pesan: x.pesan(k.bahasa),
            })
            .collect(),
    }
}

fn jumlah_pagu<'a>(butir: impl Iterator<Item = &'a Butir>) -> (usize, i64) {
    butir
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .fold((0, 0i64), |(n, s), b| {
            (n + 1, s.saturating_add(b.pagu_sen.unwrap_or(0)))
        })
}

/// Ringkasan rencana satu tahun: revisi, draf dan pratinjau gerbangnya, kunci periode.
pub async fn ringkasan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<RingkasanAnggaran> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::Rencana(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    susun_ringkasan(l, k, instansi_id, tahun, &c).await
}

async fn susun_ringkasan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    c: &CakupanUnit,
) -> Hasil<RingkasanAnggaran> {
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let unit = nama_unit(l, instansi_id).await?;
    let kl = super::skema_kl(l, instansi_id).await?;
    let mut revisi = Vec::new();
    let mut draf = None;
    for r in &rt.semua {
        let data = DataRencana::muat(l, r.clone(), false).await?;
        let (n, pagu) = jumlah_pagu(data.butir.iter().filter(|b| terlihat(c, b)));
        revisi.push(RevisiRingkas {
            revisi: r.revisi,
            status: r.status.clone(),
            versi: r.versi,
            ditetapkan_pada: r.ditetapkan_pada.clone(),
            alasan_perubahan: r.alasan_perubahan.clone(),
            jumlah_subkegiatan: n,
            pagu: d2(rupiah(pagu)),
        });
        if r.status == store::perencanaan::DRAF {
            let m = masukan_gerbang(&data, &unit, c, kl);
            let h = if m.is_empty() {
                HasilGerbang::default()
            } else {
                rules::anggaran::gerbang(&m).map_err(|g| Galat::Internal(format!("{g:?}")))?
            };
            draf = Some(DrafRingkas {
                revisi: r.revisi,
                versi: r.versi,
                gerbang: gerbang_json(&h, k),
            });
        }
    }
    let mut kon = l.pool().acquire().await?;
    let kunci = store::perencanaan::kunci_periode(&mut kon, instansi_id, tahun).await?;
    Ok(RingkasanAnggaran {
        tahun,
        revisi,
        draf,
        kunci,
    })
}

fn pesan_tanpa_draf(k: &Konteks, rt: &RevisiTahun, tahun: i64) -> Galat {
    if rt.berlaku().is_some() {
        status(
            "sudah_ditetapkan",
            match k.bahasa {
                crate::Bahasa::Id => format!(
                    "Rencana {tahun} sudah ditetapkan dan tidak ada draf perubahan. Buat perubahan dulu."
                ),
                crate::Bahasa::En => format!(
                    "The {tahun} plan is already final and there is no draft revision. Start a revision first."
                ),
            },
        )
    } else {
        status(
            "draf_tidak_ada",
            match k.bahasa {
                crate::Bahasa::Id => format!(
                    "Belum ada rencana {tahun}. Impor rencana atau tambahkan sub kegiatan dulu."
                ),
                crate::Bahasa::En => format!(
                    "There is no {tahun} plan yet. Import a plan or add sub-activities first."
                ),
            },
        )
    }
}

/// Menetapkan draf bila setiap sub kegiatan lolos gerbang. `Ok(Err(…))`:
/// ditolak gerbang, dengan daftar kekurangan per sub kegiatan.
pub async fn tetapkan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Result<RingkasanAnggaran, PenolakanGerbang>> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(draf) = rt.draf().cloned() else {
        return Err(pesan_tanpa_draf(k, &rt, tahun));
    };
    let data = DataRencana::muat(l, draf.clone(), false).await?;
    let unit = nama_unit(l, instansi_id).await?;
    let kl = super::skema_kl(l, instansi_id).await?;
    let m = masukan_gerbang(&data, &unit, &CakupanUnit::Semua, kl);
    if m.is_empty() {
        let pesan = k.t(
            "Rencana belum berisi sub kegiatan; tidak ada yang dapat ditetapkan.",
            "The plan holds no sub-activity; there is nothing to make final.",
        );
        return Ok(Err(PenolakanGerbang {
            galat: Galat::InputTidakValid {
                kode: "gerbang_keluaran".into(),
                pesan: pesan.into(),
                fields: BTreeMap::from([("subkegiatan".to_string(), pesan.to_string())]),
            },
            kekurangan: Vec::new(),
        }));
    }
    let h = rules::anggaran::gerbang(&m).map_err(|g| Galat::Internal(format!("{g:?}")))?;
    if !h.lolos() {
        let j = gerbang_json(&h, k);
        let mut fields: BTreeMap<String, String> = BTreeMap::new();
        for x in &j.kekurangan {
            let kunci = x
                .subkegiatan
                .clone()
                .unwrap_or_else(|| "subkegiatan".into());
            let e = fields.entry(kunci).or_default();
            if !e.is_empty() {
                e.push(' ');
            }
            e.push_str(&x.pesan);
        }
        let n = fields.len();
        let pesan = match k.bahasa {
            crate::Bahasa::Id => {
                format!("Rencana {tahun} belum dapat ditetapkan: {n} sub kegiatan belum lengkap.")
            }
            crate::Bahasa::En => format!(
                "The {tahun} plan cannot be made final yet: {n} sub-activities are incomplete."
            ),
        };
        return Ok(Err(PenolakanGerbang {
            galat: Galat::InputTidakValid {
                kode: "gerbang_keluaran".into(),
                pesan,
                fields,
            },
            kekurangan: j.kekurangan,
        }));
    }
    let (_, patok) = super::nomenklatur::kamus_untuk(l, instansi_id, tahun, None).await?;
    let patok = patok
        .map(|p| serde_json::to_string(&p))
        .transpose()
        .map_err(|e| Galat::Internal(e.to_string()))?;
    let pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    let lama = store::perencanaan::rencana_tahun_di(&mut tx, instansi_id, tahun).await?;
    if let Some(b) = lama
        .iter()
        .find(|r| r.status == store::perencanaan::DITETAPKAN)
    {
        store::perencanaan::tandai_diganti(&mut tx, instansi_id, &b.id, &pada).await?;
    }
    if !store::perencanaan::tandai_ditetapkan(
        &mut tx,
        instansi_id,
        &draf.id,
        draf.versi,
        Some(&a.pengguna_id),
        &pada,
        patok.as_deref(),
    )
    .await?
    {
        return Err(Galat::Konflik(
            k.t(
                "Draf berubah saat penetapan diperiksa. Muat ulang lalu tetapkan lagi.",
                "The draft changed while it was being checked. Reload and make it final again.",
            )
            .into(),
        ));
    }
    let mut sesudah = draf.clone();
    sesudah.status = store::perencanaan::DITETAPKAN.into();
    sesudah.ditetapkan_oleh = Some(a.pengguna_id.clone());
    sesudah.ditetapkan_pada = Some(pada.clone());
    sesudah.nomenklatur = patok;
    sesudah.versi += 1;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "tetapkan",
        "rencana",
        &draf.id,
        Some(&draf),
        Some(&sesudah),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(susun_ringkasan(
        l,
        k,
        instansi_id,
        tahun,
        &CakupanUnit::Semua,
    )
    .await?))
}

/// Perubahan (APBD-P): salinan revisi yang berlaku menjadi draf revisi+1.
pub async fn buat_perubahan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    alasan: &str,
) -> Hasil<RingkasanAnggaran> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let alasan = alasan.trim();
    let n = alasan.chars().count();
    if !(10..=2000).contains(&n)
        || crate::validasi::alasan(k.bahasa, alasan, 2000, crate::validasi::JenisTeks::Bebas)
            .is_some()
    {
        return Err(Galat::input(
            k.t("Periksa alasan perubahan.", "Check the revision reason."),
            BTreeMap::from([(
                "alasan".to_string(),
                k.t(
                    "Tulis alasan perubahan, 10–2.000 karakter (mis. “APBD Perubahan 2026”).",
                    "Write the reason for the revision, 10–2,000 characters (e.g. “APBD Perubahan 2026”).",
                )
                .to_string(),
            )]),
        ));
    }
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    if rt.draf().is_some() {
        return Err(status(
            "draf_sudah_ada",
            k.t(
                "Sudah ada draf untuk tahun ini; lanjutkan atau buang draf itu dulu.",
                "A draft already exists for this year; continue it or discard it first.",
            ),
        ));
    }
    let Some(dasar) = rt.berlaku().cloned() else {
        return Err(status(
            "rencana_belum_ditetapkan",
            k.t(
                "Belum ada rencana yang ditetapkan untuk diubah.",
                "There is no final plan to revise.",
            ),
        ));
    };
    let data = DataRencana::muat(l, dasar.clone(), true).await?;
    let pada = store::sekarang();
    let baru = Rencana {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        tahun,
        revisi: rt.semua.iter().map(|r| r.revisi).max().unwrap_or(0) + 1,
        status: store::perencanaan::DRAF.into(),
        dasar_id: Some(dasar.id.clone()),
        alasan_perubahan: Some(alasan.to_string()),
        ditetapkan_oleh: None,
        ditetapkan_pada: None,
        nomenklatur: None,
        versi: 1,
        dibuat_pada: pada.clone(),
        diubah_pada: pada.clone(),
    };
    let (butir, indikator, rincian) = salin_isi(&data, &baru.id, &pada);
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    store::perencanaan::sisipkan_rencana(&mut tx, &baru).await?;
    store::perencanaan::sisipkan_butir_banyak(&mut tx, &butir).await?;
    store::perencanaan::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
    store::perencanaan::sisipkan_rincian_banyak(&mut tx, &rincian).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat_perubahan",
        "rencana",
        &baru.id,
        None,
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    susun_ringkasan(l, k, instansi_id, tahun, &CakupanUnit::Semua).await
}

/// Salinan isi revisi dengan id baru dan `kunci` yang sama.
fn salin_isi(
    data: &DataRencana,
    rencana_id: &str,
    pada: &str,
) -> (Vec<Butir>, Vec<Indikator>, Vec<Rincian>) {
    let id_baru: HashMap<&str, String> = data
        .butir
        .iter()
        .map(|b| (b.id.as_str(), store::id_baru()))
        .collect();
    // Induk lebih dulu agar FK induk_id terpenuhi di setiap potongan INSERT.
    let mut butir: Vec<Butir> = data
        .butir
        .iter()
        .map(|b| Butir {
            id: id_baru[b.id.as_str()].clone(),
            rencana_id: rencana_id.into(),
            induk_id: b.induk_id.as_deref().and_then(|i| id_baru.get(i).cloned()),
            versi: 1,
            dibuat_pada: pada.into(),
            diubah_pada: pada.into(),
            ..b.clone()
        })
        .collect();
    let derajat = |t: &str| match t {
        super::PROGRAM => 0,
        super::KEGIATAN => 1,
        _ => 2,
    };
    butir.sort_by_key(|b| derajat(&b.tingkat));
    let indikator = data
        .indikator
        .iter()
        .filter_map(|i| {
            Some(Indikator {
                id: store::id_baru(),
                rencana_id: rencana_id.into(),
                butir_id: id_baru.get(i.butir_id.as_str())?.clone(),
                versi: 1,
                dibuat_pada: pada.into(),
                diubah_pada: pada.into(),
                ..i.clone()
            })
        })
        .collect();
    let rincian = data
        .rincian
        .iter()
        .filter_map(|r| {
            Some(Rincian {
                id: store::id_baru(),
                rencana_id: rencana_id.into(),
                butir_id: id_baru.get(r.butir_id.as_str())?.clone(),
                dibuat_pada: pada.into(),
                ..r.clone()
            })
        })
        .collect();
    (butir, indikator, rincian)
}

/// Membuang draf yang terbuka (perubahan yang tidak jadi, atau draf awal).
pub async fn batalkan_perubahan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<()> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let rt = RevisiTahun::baca(l, instansi_id, tahun).await?;
    let Some(draf) = rt.draf().cloned() else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Tidak ada draf untuk dibuang.",
                "There is no draft to discard.",
            )
            .into(),
        ));
    };
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
    if !store::perencanaan::hapus_draf(&mut tx, instansi_id, &draf.id).await? {
        return Err(Galat::Konflik(
            k.t(
                "Draf sudah berubah. Muat ulang.",
                "The draft has changed. Reload.",
            )
            .into(),
        ));
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buang_draf",
        "rencana",
        &draf.id,
        Some(&draf),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
