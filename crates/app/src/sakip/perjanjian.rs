//! Perjanjian Kinerja (PermenPANRB 53/2014): per unit dan tahun, indikator
//! dan target diambil dari pohon kinerja (IKU sasaran unit itu, indikator
//! program/kegiatan unitnya), diusulkan pimpinan unit (atau disiapkan
//! perencana), disetujui atau dikembalikan atasannya (pihak kedua),
//! berevisi dengan riwayat: revisi baru yang disetujui menggantikan yang lama.

use super::capaian::{DataCapaian, angka_tampil, hitung};
use super::pohon::Org;
use super::{galat_kolom, periksa_tahun, teks_bebas};
use crate::kebijakan::{self, Aksi, CakupanUnit, Sumber};
use crate::perencanaan::{KEGIATAN, PROGRAM, SUBKEGIATAN};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use store::sakip::{BarisPk, PK_DIKEMBALIKAN, PK_DISETUJUI, PK_USULAN, PerjanjianKinerja};

/// Baris PK paling banyak (dokumen dicetak; pohon unit jarang > 30).
const MAKS_BARIS: usize = 100;

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPk {
    pub unit_id: String,
    /// Indikator yang dipilih dari usulan pohon: `"iku:{id}"` atau
    /// `"indikator:{kunci}"`. Kosong = semua usulan pohon untuk unit itu.
    #[serde(default)]
    pub indikator: Option<Vec<String>>,
    /// Wajib untuk revisi atas PK yang sudah disetujui.
    #[serde(default)]
    pub alasan_perubahan: Option<String>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanKeputusanPk {
    /// `setujui` | `kembalikan`.
    pub keputusan: String,
    /// Wajib saat mengembalikan.
    #[serde(default)]
    pub catatan: Option<String>,
    pub versi: i64,
}

/// Baris PK dengan capaiannya (dari fungsi capaian yang sama dengan pohon).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BarisPkCapaian {
    #[serde(flatten)]
    pub baris: BarisPk,
    pub realisasi: Option<String>,
    pub capaian_persen: Option<String>,
    pub warna: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PkLengkap {
    #[serde(flatten)]
    pub pk: PerjanjianKinerja,
    pub unit: String,
    pub pihak_pertama: Option<String>,
    pub pihak_kedua: Option<String>,
    pub baris: Vec<BarisPkCapaian>,
    /// Pengunjung boleh menyetujui/mengembalikan (dialah pihak kedua).
    pub boleh_putuskan: bool,
}

/// Indikator usulan pohon untuk satu unit: IKU sasaran unit itu, lalu
/// indikator program dan kegiatan unit itu; bila keduanya kosong, indikator
/// sub kegiatannya.
fn usulan(
    data: &DataCapaian,
    unit_id: &str,
) -> Vec<(String, String, String, Option<String>, String)> {
    let mut hasil = Vec::new();
    let r = &data.renstra;
    for s in r
        .sasaran
        .iter()
        .filter(|s| s.unit_id.as_deref() == Some(unit_id))
    {
        for i in r.iku.iter().filter(|i| i.sasaran_id == s.id) {
            if let Some(t) = data.target_iku(&i.id) {
                hasil.push((
                    format!("iku:{}", i.id),
                    s.nama.clone(),
                    i.nama.clone(),
                    i.satuan.clone(),
                    t.target.clone(),
                ));
            }
        }
    }
    if let Some(d) = &data.rencana {
        let ind = d.indikator_per_butir();
        let mut dari = |tingkat: &[&str]| {
            let mut n = 0;
            for b in d.butir.iter().filter(|b| {
                tingkat.contains(&b.tingkat.as_str()) && b.unit_id.as_deref() == Some(unit_id)
            }) {
                for i in ind.get(b.id.as_str()).into_iter().flatten() {
                    if let Some(t) = &i.target {
                        hasil.push((
                            format!("indikator:{}", i.kunci),
                            b.nama.clone(),
                            i.nama.clone(),
                            i.satuan.clone(),
                            t.clone(),
                        ));
                        n += 1;
                    }
                }
            }
            n
        };
        if dari(&[PROGRAM, KEGIATAN]) == 0 {
            dari(&[SUBKEGIATAN]);
        }
    }
    hasil
}

/// Data aturan untuk satu baris PK (IKU atau indikator rencana).
fn data_baris(data: &DataCapaian, b: &BarisPk) -> Option<rules::sakip::DataIndikator> {
    match b.sumber.as_str() {
        "iku" => data
            .renstra
            .iku
            .iter()
            .find(|i| i.id == b.sumber_kunci)
            .map(|i| data.data_iku(i)),
        _ => data
            .rencana
            .as_ref()?
            .indikator
            .iter()
            .find(|i| i.kunci == b.sumber_kunci)
            .map(|i| data.data_indikator(i)),
    }
}

pub(crate) fn dengan_capaian(
    data: &DataCapaian,
    baris: Vec<BarisPk>,
    sampai: u8,
) -> Vec<BarisPkCapaian> {
    baris
        .into_iter()
        .map(|b| {
            let c = data_baris(data, &b).and_then(|d| hitung(&d, sampai));
            let (realisasi, capaian_persen) = angka_tampil(&c);
            BarisPkCapaian {
                baris: b,
                realisasi,
                capaian_persen,
                warna: rules::sakip::warna(c.map(|c| c.capaian_persen))
                    .token()
                    .into(),
            }
        })
        .collect()
}

fn pegawai_id_aktor(k: &Konteks, instansi_id: &str) -> Option<String> {
    k.aktor
        .as_ref()
        .filter(|a| a.instansi_id == instansi_id)
        .and_then(|a| a.pegawai_id.clone())
}

/// Mengusulkan PK (awal atau revisi) untuk satu unit.
pub async fn ajukan_pk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    m: MasukanPk,
) -> Hasil<PkLengkap> {
    let c = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::PerjanjianKinerja(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let a = k.aktor()?.clone();
    let pool = l.pool();
    let unit = store::organisasi::unit(pool, instansi_id, &m.unit_id)
        .await?
        .ok_or_else(|| {
            galat_kolom(
                k,
                "unit_id",
                k.t(
                    "Unit tidak ada di instansi ini.",
                    "No such unit in this agency.",
                ),
            )
        })?;
    // Pimpinan unit hanya atas perjanjiannya sendiri: unit rekamannya (atau Plt./Plh.).
    if !c.semua() {
        let milik = match pegawai_id_aktor(k, instansi_id) {
            Some(pid) => store::organisasi::unit_pegawai(pool, instansi_id, &pid).await?,
            None => None,
        };
        let plt = match pegawai_id_aktor(k, instansi_id) {
            Some(pid) => {
                store::organisasi::unit_plt_aktif(
                    pool,
                    instansi_id,
                    &pid,
                    &crate::organisasi::hari_ini_di(l, instansi_id).await?,
                )
                .await?
            }
            None => Vec::new(),
        };
        if milik.as_deref() != Some(unit.id.as_str()) && !plt.contains(&unit.id) {
            return Err(k.dilarang());
        }
    }
    let alasan = teks_bebas(
        k,
        "alasan_perubahan",
        m.alasan_perubahan,
        crate::validasi::MAKS_KETERANGAN,
    )?;
    let data = DataCapaian::muat(l, instansi_id, tahun).await?;
    let semua = usulan(&data, &unit.id);
    let pilih: Vec<_> = match &m.indikator {
        None => semua,
        Some(p) => {
            if p.len() > MAKS_BARIS {
                return Err(galat_kolom(
                    k,
                    "indikator",
                    k.t("Terlalu banyak indikator.", "Too many indicators."),
                ));
            }
            let mut v = Vec::new();
            for (i, x) in p.iter().enumerate() {
                match semua.iter().find(|s| &s.0 == x) {
                    Some(s) => v.push(s.clone()),
                    None => {
                        return Err(galat_kolom(
                            k,
                            &format!("indikator[{i}]"),
                            k.t(
                                "Indikator ini bukan bagian pohon kinerja unit ini tahun ini.",
                                "This indicator is not in this unit's performance tree for the year.",
                            ),
                        ));
                    }
                }
            }
            v
        }
    };
    if pilih.is_empty() {
        return Err(Galat::Status {
            kode: "pk_tanpa_indikator".into(),
            pesan: k
                .t(
                    "Pohon kinerja belum memuat indikator bertarget untuk unit ini: tautkan sasaran/program unit ini dan isi targetnya dulu.",
                    "The performance tree holds no targeted indicator for this unit yet: link this unit's objectives/programmes and set their targets first.",
                )
                .into(),
            fields: Default::default(),
        });
    }
    if pilih.len() > MAKS_BARIS {
        return Err(galat_kolom(
            k,
            "indikator",
            k.t("Terlalu banyak indikator.", "Too many indicators."),
        ));
    }
    // Pihak pertama: kepala unit; pihak kedua: atasannya.
    let org_pegawai = store::organisasi::semua_pegawai(pool, instansi_id).await?;
    let jabatan = store::organisasi::semua_jabatan(pool, instansi_id).await?;
    let kelas: HashMap<String, i64> = jabatan
        .iter()
        .filter_map(|j| j.kelas.map(|x| (j.id.clone(), x)))
        .collect();
    let pertama = super::kepala_unit(&org_pegawai, &kelas, &unit.id);
    let pihak_pertama_id = pertama.map(|p| p.id.clone());
    let pihak_kedua_id = pertama.and_then(|p| p.atasan_id.clone());

    let mut tx = l.db.mulai().await?;
    let ada = store::sakip::pk_unit_di(&mut tx, instansi_id, tahun, &unit.id).await?;
    if ada.iter().any(|p| p.status == PK_USULAN) {
        return Err(Galat::Status {
            kode: "pk_usulan_ada".into(),
            pesan: k
                .t(
                    "Masih ada usulan PK unit ini yang menunggu keputusan atasan.",
                    "A proposal for this unit is still awaiting the superior's decision.",
                )
                .into(),
            fields: Default::default(),
        });
    }
    let ada_disetujui = ada.iter().any(|p| p.status == PK_DISETUJUI);
    if ada_disetujui && alasan.is_none() {
        return Err(galat_kolom(
            k,
            "alasan_perubahan",
            k.t(
                "PK tahun ini sudah disetujui: tulis alasan perubahannya (mis. pergantian pejabat, perubahan anggaran).",
                "This year's agreement is already approved: give the reason for the revision (e.g. new official, budget change).",
            ),
        ));
    }
    let kini = store::sekarang();
    let revisi = ada.iter().map(|p| p.revisi + 1).max().unwrap_or(0);
    let pk = PerjanjianKinerja {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        tahun,
        unit_id: unit.id.clone(),
        revisi,
        status: PK_USULAN.into(),
        pihak_pertama_id,
        pihak_kedua_id,
        alasan_perubahan: alasan,
        catatan: None,
        diajukan_oleh: Some(a.pengguna_id.clone()),
        diajukan_pada: Some(kini.clone()),
        diputuskan_oleh: None,
        diputuskan_pada: None,
        versi: 1,
        dibuat_pada: kini.clone(),
        diubah_pada: kini,
    };
    let baris: Vec<BarisPk> = pilih
        .into_iter()
        .enumerate()
        .map(|(i, (kunci, sasaran, indikator, satuan, target))| {
            let (sumber, sumber_kunci) = kunci
                .split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap_or_default();
            BarisPk {
                instansi_id: instansi_id.into(),
                id: store::id_baru(),
                pk_id: pk.id.clone(),
                urutan: i as i64 + 1,
                sumber,
                sumber_kunci,
                sasaran,
                indikator,
                satuan,
                target,
            }
        })
        .collect();
    store::sakip::sisipkan_pk(&mut tx, &pk).await?;
    store::sakip::sisipkan_baris_pk(&mut tx, &baris).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ajukan",
        "perjanjian_kinerja",
        &pk.id,
        None,
        Some(&pk),
    )
    .await?;
    tx.commit().await?;
    pk_satu(l, k, instansi_id, &pk.id).await
}

/// Atasan (pihak kedua) menyetujui atau mengembalikan usulan PK.
pub async fn putuskan_pk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    id: &str,
    m: MasukanKeputusanPk,
) -> Hasil<PkLengkap> {
    let a = k.aktor()?.clone();
    if a.hanya_baca {
        kebijakan::wajib(k, Aksi::Kelola, Sumber::PerjanjianKinerja(instansi_id))?;
    }
    let pk = store::sakip::pk_satu(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("PK tidak ditemukan.", "Agreement not found.").into())
        })?;
    let saya = pegawai_id_aktor(k, instansi_id);
    if saya.is_none() || saya != pk.pihak_kedua_id {
        return Err(Galat::Dilarang(
            k.t(
                "Hanya atasan pihak pertama (pihak kedua) yang memutuskan PK ini.",
                "Only the first party's superior (the second party) decides on this agreement.",
            )
            .into(),
        ));
    }
    let setuju = match m.keputusan.as_str() {
        "setujui" => true,
        "kembalikan" => false,
        _ => {
            return Err(galat_kolom(
                k,
                "keputusan",
                k.t(
                    "Pilih “setujui” atau “kembalikan”.",
                    "Choose “setujui” or “kembalikan”.",
                ),
            ));
        }
    };
    let catatan = teks_bebas(k, "catatan", m.catatan, crate::validasi::MAKS_KETERANGAN)?;
    if !setuju && catatan.is_none() {
        return Err(galat_kolom(
            k,
            "catatan",
            k.t("Tulis apa yang perlu diperbaiki.", "Say what needs fixing."),
        ));
    }
    if pk.status != PK_USULAN {
        return Err(Galat::Status {
            kode: "pk_bukan_usulan".into(),
            pesan: k
                .t(
                    "PK ini tidak sedang menunggu keputusan.",
                    "This agreement is not awaiting a decision.",
                )
                .into(),
            fields: Default::default(),
        });
    }
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    let status = if setuju {
        PK_DISETUJUI
    } else {
        PK_DIKEMBALIKAN
    };
    if setuju {
        for lama in store::sakip::pk_unit_di(&mut tx, instansi_id, pk.tahun, &pk.unit_id).await? {
            if lama.status == PK_DISETUJUI {
                store::sakip::tandai_pk_diganti(&mut tx, instansi_id, &lama.id, &kini).await?;
            }
        }
    }
    if !store::sakip::putuskan_pk(
        &mut tx,
        instansi_id,
        id,
        m.versi,
        status,
        &a.pengguna_id,
        &kini,
        catatan.as_deref(),
    )
    .await?
    {
        return Err(super::basi(k));
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        if setuju { "setujui" } else { "kembalikan" },
        "perjanjian_kinerja",
        id,
        Some(&pk),
        None::<&PerjanjianKinerja>,
    )
    .await?;
    tx.commit().await?;
    pk_satu(l, k, instansi_id, id).await
}

async fn lengkapi(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    pk: Vec<PerjanjianKinerja>,
    sampai: u8,
) -> Hasil<Vec<PkLengkap>> {
    let pool = l.pool();
    let (data, org, baris, pegawai) = tokio::try_join!(
        DataCapaian::muat(l, instansi_id, tahun),
        Org::muat(l, instansi_id),
        async { Ok(store::sakip::baris_pk_tahun(pool, instansi_id, tahun).await?) },
        async { Ok(store::organisasi::semua_pegawai(pool, instansi_id).await?) },
    )?;
    let nama: HashMap<&str, String> = pegawai
        .iter()
        .map(|p| (p.id.as_str(), super::nama_lengkap(p)))
        .collect();
    let mut per_pk: HashMap<String, Vec<BarisPk>> = HashMap::new();
    for b in baris {
        per_pk.entry(b.pk_id.clone()).or_default().push(b);
    }
    let saya = pegawai_id_aktor(k, instansi_id);
    Ok(pk
        .into_iter()
        .map(|p| PkLengkap {
            unit: org
                .nama_unit
                .get(&p.unit_id)
                .cloned()
                .unwrap_or_else(|| p.unit_id.clone()),
            pihak_pertama: p
                .pihak_pertama_id
                .as_deref()
                .and_then(|x| nama.get(x).cloned()),
            pihak_kedua: p
                .pihak_kedua_id
                .as_deref()
                .and_then(|x| nama.get(x).cloned()),
            baris: dengan_capaian(&data, per_pk.remove(&p.id).unwrap_or_default(), sampai),
            boleh_putuskan: p.status == PK_USULAN && saya.is_some() && saya == p.pihak_kedua_id,
            pk: p,
        })
        .collect())
}

/// Semua PK (semua revisi) satu tahun yang boleh dilihat pengunjung.
pub async fn daftar_pk(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<PkLengkap>> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::PerjanjianKinerja(instansi_id)).await?;
    periksa_tahun(k, tahun)?;
    let saya = pegawai_id_aktor(k, instansi_id);
    let pk: Vec<PerjanjianKinerja> = store::sakip::pk_tahun(l.pool(), instansi_id, tahun)
        .await?
        .into_iter()
        .filter(|p| c.memuat(Some(&p.unit_id)) || (saya.is_some() && saya == p.pihak_kedua_id))
        .collect();
    lengkapi(l, k, instansi_id, tahun, pk, 4).await
}

pub async fn pk_satu(l: &Layanan, k: &Konteks, instansi_id: &str, id: &str) -> Hasil<PkLengkap> {
    let c = CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::PerjanjianKinerja(instansi_id)).await;
    let pk = store::sakip::pk_satu(l.pool(), instansi_id, id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("PK tidak ditemukan.", "Agreement not found.").into())
        })?;
    let saya = pegawai_id_aktor(k, instansi_id);
    let boleh = match &c {
        Ok(c) => c.memuat(Some(&pk.unit_id)),
        Err(_) => false,
    } || (saya.is_some() && saya == pk.pihak_kedua_id);
    if !boleh {
        return Err(c.err().unwrap_or_else(|| k.dilarang()));
    }
    let tahun = pk.tahun;
    Ok(lengkapi(l, k, instansi_id, tahun, vec![pk], 4)
        .await?
        .remove(0))
}

/// Saran predikat organisasi satu unit untuk kurva distribusi SKP.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SaranUnit {
    pub unit_id: String,
    pub unit: String,
    /// Token predikat (`istimewa` … `sangat_kurang`), kosong bila belum ada capaian.
    pub predikat: Option<String>,
    pub label: Option<String>,
    pub rata_rata: Option<String>,
    pub jumlah_indikator: usize,
    pub alasan: String,
}

/// Saran predikat per unit dari PK yang disetujui tahun itu.
pub async fn saran_predikat(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<Vec<SaranUnit>> {
    CakupanUnit::untuk(l, k, Aksi::Baca, Sumber::PerjanjianKinerja(instansi_id)).await?;
    let semua = daftar_pk(l, k, instansi_id, tahun).await?;
    Ok(semua
        .into_iter()
        .filter(|p| p.pk.status == PK_DISETUJUI)
        .map(|p| {
            let capaian: Vec<Decimal> = p
                .baris
                .iter()
                .filter_map(|b| {
                    b.capaian_persen
                        .as_deref()
                        .and_then(rules::angka::baca_desimal)
                })
                .collect();
            let s = rules::sakip::saran_predikat_organisasi(&capaian, k.bahasa);
            SaranUnit {
                unit_id: p.pk.unit_id.clone(),
                unit: p.unit.clone(),
                predikat: s.as_ref().map(|s| s.predikat.token().to_string()),
                label: s.as_ref().map(|s| s.predikat.label(k.bahasa).to_string()),
                rata_rata: s.as_ref().map(|s| rules::angka::teks_2(s.rata_rata)),
                jumlah_indikator: capaian.len(),
                alasan: s.map(|s| s.alasan).unwrap_or_else(|| match k.bahasa {
                    Bahasa::Id => "Belum ada realisasi indikator PK.".into(),
                    Bahasa::En => "No agreement indicator has a result yet.".into(),
                }),
            }
        })
        .collect())
}
