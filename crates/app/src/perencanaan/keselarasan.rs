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
    /// Peringatan yang diterima perencana dengan justifikasi (selalu null
    /// untuk alasan: putusan tidak selaras hanya dapat diperbaiki).
    pub diterima: Option<Diterima>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Diterima {
    pub id: String,
    pub oleh: Option<String>,
    pub pada: String,
    pub alasan: String,
}

/// Sidik bukti sebuah temuan: penerimaan hanya berlaku selama buktinya sama.
pub(crate) fn sidik(kode: &str, subkegiatan: Option<&str>, bukti: &[String]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(kode.as_bytes());
    h.update([0x1f]);
    h.update(subkegiatan.unwrap_or("").as_bytes());
    for b in bukti {
        h.update([0x1f]);
        h.update(b.as_bytes());
    }
    hex::encode(h.finalize())[..16].to_string()
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PutusanProgram {
    pub kode: String,
    pub nama: String,
    pub selaras: bool,
    pub porsi_belanja_penunjang_persen: String,
    pub alasan: Vec<TemuanJson>,
    pub peringatan: Vec<TemuanJson>,
    /// K/L: komponen RO yang namanya menyebut dukungan/penunjang/pendukung —
    /// bukti untuk dibaca bersama porsi belanja penunjang (tidak mengubah
    /// putusan): `RO · komponen nama: jumlah`. Kosong untuk pemda.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub komponen_penunjang: Vec<String>,
}

/// Kata yang menandai komponen K/L sebagai penunjang [R] (dicocokkan pada
/// kata utuh nama komponen, huruf kecil).
const KATA_KOMPONEN_PENUNJANG: [&str; 3] = ["penunjang", "pendukung", "dukungan"];

/// Komponen penunjang di RO program `m` (urut RO lalu kode komponen).
fn komponen_penunjang(data: &DataRencana, m: &MasukanKeselarasan) -> Vec<String> {
    let ro: std::collections::HashSet<&str> =
        m.subkegiatan.iter().map(|s| s.kode.as_str()).collect();
    let kode_butir: HashMap<&str, &str> = data
        .butir
        .iter()
        .filter(|b| ro.contains(b.kode.as_str()))
        .map(|b| (b.id.as_str(), b.kode.as_str()))
        .collect();
    let mut per: BTreeMap<(&str, &str), (Option<&str>, i64)> = BTreeMap::new();
    for r in &data.rincian {
        let (Some(ro), Some(kk)) = (
            kode_butir.get(r.butir_id.as_str()),
            r.komponen_kode.as_deref(),
        ) else {
            continue;
        };
        let e = per.entry((ro, kk)).or_default();
        if e.0.is_none() {
            e.0 = r.komponen_nama.as_deref();
        }
        e.1 = e.1.saturating_add(r.jumlah_sen);
    }
    per.into_iter()
        .filter_map(|((ro, kk), (nama, sen))| {
            let nama = nama?;
            let kecil = nama.to_lowercase();
            kecil
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| KATA_KOMPONEN_PENUNJANG.contains(&w))
                .then(|| format!("{ro} · {kk} {nama}: {}", d2(rupiah(sen))))
        })
        .collect()
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
        diterima: None,
    }
}

/// Masukan aturan per program dari satu revisi (program tanpa sub kegiatan
/// dilewati). K/L (`kl`): dikelompokkan per kegiatan, karena kode RO diawali
/// kode kegiatannya.
pub(crate) fn masukan_program(
    data: &DataRencana,
    c: &CakupanUnit,
    kl: bool,
) -> Vec<MasukanKeselarasan> {
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
        let Some(p) = data.leluhur(&per_id, b, if kl { super::KEGIATAN } else { PROGRAM }) else {
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
    // Rencana yang ditetapkan dibaca terhadap nomenklatur yang dipatoknya.
    let (kamus, _) =
        super::nomenklatur::kamus_untuk(l, instansi_id, tahun, rencana.nomenklatur.as_deref())
            .await?;
    let data = DataRencana::muat(l, rencana, true).await?;
    let konf: KonfigurasiAnggaran = super::konfigurasi::berlaku(l, instansi_id).await?;
    let terima = store::perencanaan::penerimaan_aktif(l.pool(), instansi_id, tahun).await?;
    let mut program = Vec::new();
    let kl = super::skema_kl(l, instansi_id).await?;
    for m in masukan_program(&data, &c, kl) {
        let h = rules::anggaran::keselarasan_dengan(&m, &konf.keselarasan, &kamus)
            .map_err(|g| Galat::Internal(format!("keselarasan {}: {g:?}", m.program.kode)))?;
        program.push(PutusanProgram {
            komponen_penunjang: if kl {
                komponen_penunjang(&data, &m)
            } else {
                Vec::new()
            },
            kode: m.program.kode.clone(),
            nama: m.program.nama.clone(),
            selaras: h.selaras(),
            porsi_belanja_penunjang_persen: d2(h.porsi_belanja_penunjang_persen),
            alasan: h.alasan.iter().map(|t| temuan(t, k)).collect(),
            peringatan: h
                .peringatan
                .iter()
                .map(|t| {
                    let mut j = temuan(t, k);
                    let s = sidik(&j.kode, j.subkegiatan.as_deref(), &j.bukti);
                    j.diterima = terima
                        .iter()
                        .find(|p| {
                            p.program_kode == m.program.kode
                                && p.kode == j.kode
                                && p.subkegiatan_kode == j.subkegiatan.clone().unwrap_or_default()
                                && p.sidik == s
                        })
                        .map(|p| Diterima {
                            id: p.id.clone(),
                            oleh: p.diterima_oleh.clone(),
                            pada: p.diterima_pada.clone(),
                            alasan: p.alasan.clone(),
                        });
                    j
                })
                .collect(),
        });
    }
    Ok(JawabanKeselarasan {
        tahun,
        revisi: n,
        program,
    })
}

#[derive(Clone, Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPenerimaan {
    pub program_kode: String,
    /// Kode sub kegiatan peringatan itu (null: peringatan tingkat program).
    #[serde(default)]
    pub subkegiatan_kode: Option<String>,
    /// Kode peringatan, mis. `kata_penunjang`.
    pub kode: String,
    /// Justifikasi, 30–2.000 karakter.
    pub alasan: String,
}

fn galat_terima(_: &Konteks, kode: &str, kolom: &str, pesan: &str) -> Galat {
    Galat::InputTidakValid {
        kode: kode.into(),
        pesan: pesan.into(),
        fields: BTreeMap::from([(kolom.to_string(), pesan.to_string())]),
    }
}

/// Menerima satu peringatan keselarasan dengan justifikasi (perencana).
/// Alasan tidak selaras tidak dapat diterima — hanya diperbaiki.
pub async fn terima_peringatan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    m: MasukanPenerimaan,
) -> Hasil<store::perencanaan::Penerimaan> {
    let a = crate::kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let alasan = m.alasan.trim().to_string();
    let n = alasan.chars().count();
    if !(30..=2_000).contains(&n)
        || crate::validasi::alasan(k.bahasa, &alasan, 2_000, crate::validasi::JenisTeks::Bebas)
            .is_some()
    {
        return Err(galat_terima(
            k,
            "input_tidak_valid",
            "alasan",
            k.t(
                "Tulis justifikasi 30–2.000 karakter: mengapa peringatan ini dapat diterima.",
                "Write a justification of 30–2,000 characters: why this warning is acceptable.",
            ),
        ));
    }
    if rules::anggaran::KodeTemuan::dari_token(&m.kode).is_some_and(|x| {
        matches!(
            x,
            rules::anggaran::KodeTemuan::KodeDiLuarProgram
                | rules::anggaran::KodeTemuan::KodeTidakDikenal
                | rules::anggaran::KodeTemuan::BelanjaPenunjangDominan
        )
    }) {
        return Err(galat_terima(
            k,
            "alasan_tidak_dapat_diterima",
            "kode",
            k.t(
                "Putusan tidak selaras hanya dapat diperbaiki, tidak diterima.",
                "A not-aligned verdict can only be fixed, not accepted.",
            ),
        ));
    }
    let ks = keselarasan(l, k, instansi_id, tahun, None).await?;
    let sub = m.subkegiatan_kode.clone().filter(|s| !s.is_empty());
    let Some(t) = ks
        .program
        .iter()
        .filter(|p| p.kode == m.program_kode)
        .flat_map(|p| p.peringatan.iter())
        .find(|t| t.kode == m.kode && t.subkegiatan == sub)
    else {
        return Err(galat_terima(
            k,
            "peringatan_tidak_ada",
            "kode",
            k.t(
                "Peringatan itu tidak sedang muncul untuk program dan sub kegiatan ini.",
                "That warning is not currently raised for this programme and sub-activity.",
            ),
        ));
    };
    let p = store::perencanaan::Penerimaan {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        tahun,
        program_kode: m.program_kode.clone(),
        subkegiatan_kode: sub.clone().unwrap_or_default(),
        kode: m.kode.clone(),
        sidik: sidik(&t.kode, t.subkegiatan.as_deref(), &t.bukti),
        alasan,
        diterima_oleh: Some(a.pengguna_id.clone()),
        diterima_pada: store::sekarang(),
        dicabut_oleh: None,
        dicabut_pada: None,
    };
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sisipkan_penerimaan(&mut tx, &p).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "terima_peringatan",
        "penerimaan_peringatan",
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

/// Mencabut penerimaan; peringatannya terbuka lagi.
pub async fn cabut_penerimaan(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    id: &str,
) -> Hasil<()> {
    let a = crate::kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let mut tx = l.db.mulai().await?;
    if !store::perencanaan::cabut_penerimaan(
        &mut tx,
        instansi_id,
        tahun,
        id,
        Some(&a.pengguna_id),
        &store::sekarang(),
    )
    .await?
    {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Penerimaan itu tidak ada atau sudah dicabut.",
                "No such active acceptance.",
            )
            .into(),
        ));
    }
    crate::audit::catat::<()>(
        &mut tx,
        k,
        instansi_id,
        "cabut_penerimaan",
        "penerimaan_peringatan",
        id,
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
