//! Lapis strategis: periode Renstra/RPJMD (lima tahun), tujuan dan sasaran
//! strategis, IKU dengan target per tahun, tautan sasaran → program rencana
//! tahunan, unit kontributor simpul lintas unit, dan salinan pohon ke tahun
//! berikutnya.

use super::{angka_opsional, galat_kolom, periksa_tahun, target_wajib, teks_target, teks_wajib};
use crate::kebijakan::{self, Aksi, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use serde::{Deserialize, Serialize};
use store::sakip::{Iku, Kontributor, Periode, Sasaran, TargetIku, Tautan};

/// Batas agar satu instansi tidak dapat menumpuk baris tanpa ujung.
const MAKS_SASARAN: usize = 500;
const MAKS_IKU_PER_SASARAN: usize = 50;
const MAKS_TAUTAN: usize = 200;

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPeriode {
    /// Mis. "RPJMD 2025–2029".
    pub nama: String,
    pub tahun_awal: i64,
    pub tahun_akhir: i64,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanSasaran {
    /// `tujuan` | `sasaran`.
    pub jenis: String,
    /// Tujuan induk sebuah sasaran.
    #[serde(default)]
    pub induk_id: Option<String>,
    pub kode: String,
    pub nama: String,
    /// Unit penanggung jawab.
    #[serde(default)]
    pub unit_id: Option<String>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanTarget {
    pub tahun: i64,
    /// Angka atau rentang ("80-90").
    pub target: String,
    /// Target triwulan kumulatif (opsional), angka.
    #[serde(default)]
    pub target_tw: Option<[Option<String>; 4]>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanIku {
    pub nama: String,
    #[serde(default)]
    pub satuan: Option<String>,
    /// `positif` (bawaan) | `negatif`.
    #[serde(default)]
    pub polaritas: Option<String>,
    /// `kumulatif` | `snapshot` (bawaan).
    #[serde(default)]
    pub rekap: Option<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    /// Target akhir periode Renstra.
    #[serde(default)]
    pub target_akhir: Option<String>,
    #[serde(default)]
    pub target: Vec<MasukanTarget>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanTautan {
    /// Kode program rencana tahun itu yang mendukung sasaran.
    pub program_kode: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanKontributor {
    /// `sasaran:{id}` atau `butir:{kode}`.
    pub simpul: String,
    pub unit_id: Vec<String>,
}

/// Lapis strategis yang berlaku untuk satu tahun.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Renstra {
    pub periode: Option<Periode>,
    pub sasaran: Vec<Sasaran>,
    pub iku: Vec<Iku>,
    pub target: Vec<TargetIku>,
    pub tautan: Vec<Tautan>,
    pub kontributor: Vec<Kontributor>,
}

/// Lapis strategis yang memuat `tahun` (kosong bila belum ada periode).
pub async fn renstra(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<Renstra> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    baca(l, instansi_id, tahun).await
}

pub(crate) async fn baca(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<Renstra> {
    let pool = l.pool();
    let periode = store::sakip::periode_untuk_tahun(pool, instansi_id, tahun).await?;
    let (tautan, kontributor, target) = tokio::try_join!(
        store::sakip::tautan_tahun(pool, instansi_id, tahun),
        store::sakip::kontributor_tahun(pool, instansi_id, tahun),
        store::sakip::target_iku_tahun(pool, instansi_id, tahun),
    )?;
    let (sasaran, iku) = match &periode {
        Some(p) => tokio::try_join!(
            store::sakip::sasaran_periode(pool, instansi_id, &p.id),
            store::sakip::iku_periode(pool, instansi_id, &p.id),
        )?,
        None => (Vec::new(), Vec::new()),
    };
    Ok(Renstra {
        periode,
        sasaran,
        iku,
        target,
        tautan,
        kontributor,
    })
}

pub async fn buat_periode(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    m: MasukanPeriode,
) -> Hasil<Periode> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    let nama = teks_wajib(k, "nama", &m.nama, crate::validasi::MAKS_NAMA)?;
    periksa_tahun(k, m.tahun_awal)?;
    if !(m.tahun_awal..=m.tahun_awal + 9).contains(&m.tahun_akhir) {
        return Err(galat_kolom(
            k,
            "tahun_akhir",
            k.t(
                "Tahun akhir harus sama atau sesudah tahun awal, paling lama 10 tahun.",
                "The end year must be on or after the start year, at most 10 years.",
            ),
        ));
    }
    let ada = store::sakip::daftar_periode(l.pool(), instansi_id).await?;
    if ada
        .iter()
        .any(|p| p.tahun_awal <= m.tahun_akhir && m.tahun_awal <= p.tahun_akhir)
    {
        return Err(Galat::Status {
            kode: "periode_tumpang_tindih".into(),
            pesan: k
                .t(
                    "Periode ini bertumpang tindih dengan periode Renstra yang sudah ada.",
                    "This period overlaps an existing strategic-plan period.",
                )
                .into(),
            fields: Default::default(),
        });
    }
    let kini = store::sekarang();
    let p = Periode {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        nama,
        tahun_awal: m.tahun_awal,
        tahun_akhir: m.tahun_akhir,
        versi: 1,
        dibuat_pada: kini.clone(),
        diubah_pada: kini,
    };
    let mut tx = l.db.mulai().await?;
    store::sakip::sisipkan_periode(&mut tx, &p).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "sakip_periode",
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

async fn unit_sah(l: &Layanan, k: &Konteks, instansi_id: &str, unit_id: &str) -> Hasil<()> {
    if store::organisasi::unit(l.pool(), instansi_id, unit_id)
        .await?
        .is_none()
    {
        return Err(galat_kolom(
            k,
            "unit_id",
            k.t(
                "Unit tidak ada di instansi ini.",
                "No such unit in this agency.",
            ),
        ));
    }
    Ok(())
}

pub async fn tambah_sasaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    periode_id: &str,
    m: MasukanSasaran,
) -> Hasil<Sasaran> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    let periode = store::sakip::daftar_periode(l.pool(), instansi_id)
        .await?
        .into_iter()
        .find(|p| p.id == periode_id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Periode tidak ditemukan.", "Period not found.").into())
        })?;
    if m.jenis != "tujuan" && m.jenis != "sasaran" {
        return Err(galat_kolom(
            k,
            "jenis",
            k.t(
                "Pilih “tujuan” atau “sasaran”.",
                "Choose “tujuan” or “sasaran”.",
            ),
        ));
    }
    let kode = teks_wajib(k, "kode", &m.kode, crate::validasi::MAKS_SINGKAT)?;
    let nama = teks_wajib(k, "nama", &m.nama, 500)?;
    let ada = store::sakip::sasaran_periode(l.pool(), instansi_id, &periode.id).await?;
    if ada.len() >= MAKS_SASARAN {
        return Err(Galat::TerlaluBanyak(
            k.t(
                "Terlalu banyak tujuan dan sasaran.",
                "Too many goals and objectives.",
            )
            .into(),
        ));
    }
    if ada.iter().any(|s| s.kode == kode) {
        return Err(galat_kolom(
            k,
            "kode",
            k.t(
                "Kode ini sudah dipakai di periode ini.",
                "This code is already used in this period.",
            ),
        ));
    }
    let induk_id = m.induk_id.filter(|s| !s.trim().is_empty());
    match (m.jenis.as_str(), &induk_id) {
        ("sasaran", Some(i)) if ada.iter().any(|s| &s.id == i && s.jenis == "tujuan") => {}
        ("tujuan", None) => {}
        _ => {
            return Err(galat_kolom(
                k,
                "induk_id",
                k.t(
                    "Sasaran harus di bawah sebuah tujuan periode ini; tujuan tanpa induk.",
                    "An objective must sit under a goal of this period; a goal has no parent.",
                ),
            ));
        }
    }
    let unit_id = m.unit_id.filter(|s| !s.trim().is_empty());
    if let Some(u) = &unit_id {
        unit_sah(l, k, instansi_id, u).await?;
    }
    let kini = store::sekarang();
    let s = Sasaran {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        periode_id: periode.id,
        jenis: m.jenis,
        induk_id,
        kode,
        nama,
        unit_id,
        urutan: ada.len() as i64 + 1,
        versi: 1,
        dibuat_pada: kini.clone(),
        diubah_pada: kini,
    };
    let mut tx = l.db.mulai().await?;
    store::sakip::sisipkan_sasaran(&mut tx, &s).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "sakip_sasaran",
        &s.id,
        None,
        Some(&s),
    )
    .await?;
    tx.commit().await?;
    Ok(s)
}

fn target_iku(k: &Konteks, instansi_id: &str, iku_id: &str, m: &MasukanTarget) -> Hasil<TargetIku> {
    periksa_tahun(k, m.tahun)?;
    let t = target_wajib(k, "target", &m.target)?;
    let tw = m.target_tw.clone().unwrap_or_default();
    let mut hasil = [None, None, None, None];
    for (i, x) in tw.iter().enumerate() {
        hasil[i] = angka_opsional(k, &format!("target_tw{}", i + 1), x.as_deref())?;
    }
    let [a, b, c, d] = hasil;
    Ok(TargetIku {
        instansi_id: instansi_id.into(),
        iku_id: iku_id.into(),
        tahun: m.tahun,
        target: teks_target(&t),
        target_tw1: a,
        target_tw2: b,
        target_tw3: c,
        target_tw4: d,
    })
}

pub async fn tambah_iku(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    sasaran_id: &str,
    m: MasukanIku,
) -> Hasil<Iku> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    let nama = teks_wajib(k, "nama", &m.nama, 500)?;
    let satuan = match m.satuan.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(teks_wajib(k, "satuan", s, crate::validasi::MAKS_SINGKAT)?),
        None => None,
    };
    let polaritas = m.polaritas.unwrap_or_else(|| "positif".into());
    if rules::permenpanrb_8_2021::capaian::Polaritas::dari_token(&polaritas).is_none() {
        return Err(galat_kolom(
            k,
            "polaritas",
            k.t(
                "Pilih “positif” atau “negatif”.",
                "Choose “positif” or “negatif”.",
            ),
        ));
    }
    let rekap = m.rekap.unwrap_or_else(|| "snapshot".into());
    if rules::sakip::Rekap::dari_token(&rekap).is_none() {
        return Err(galat_kolom(
            k,
            "rekap",
            k.t(
                "Pilih “kumulatif” (dijumlah per triwulan) atau “snapshot” (nilai triwulan terakhir).",
                "Choose “kumulatif” (quarters add up) or “snapshot” (latest quarter).",
            ),
        ));
    }
    let baseline = angka_opsional(k, "baseline", m.baseline.as_deref())?;
    let target_akhir = match m
        .target_akhir
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(t) => Some(teks_target(&target_wajib(k, "target_akhir", t)?)),
        None => None,
    };
    if m.target.len() > 10 {
        return Err(galat_kolom(
            k,
            "target",
            k.t(
                "Paling banyak 10 tahun target.",
                "At most 10 yearly targets.",
            ),
        ));
    }
    let pool = l.pool();
    let sasaran: Option<Sasaran> = {
        let semua = store::sakip::daftar_periode(pool, instansi_id).await?;
        let mut hasil = None;
        for p in semua {
            if let Some(s) = store::sakip::sasaran_periode(pool, instansi_id, &p.id)
                .await?
                .into_iter()
                .find(|s| s.id == sasaran_id)
            {
                hasil = Some(s);
                break;
            }
        }
        hasil
    };
    let sasaran = sasaran.ok_or_else(|| {
        Galat::TidakDitemukan(
            k.t("Sasaran tidak ditemukan.", "Objective not found.")
                .into(),
        )
    })?;
    let ada = store::sakip::iku_periode(pool, instansi_id, &sasaran.periode_id)
        .await?
        .into_iter()
        .filter(|i| i.sasaran_id == sasaran.id)
        .count();
    if ada >= MAKS_IKU_PER_SASARAN {
        return Err(Galat::TerlaluBanyak(
            k.t(
                "Terlalu banyak IKU untuk sasaran ini.",
                "Too many indicators for this objective.",
            )
            .into(),
        ));
    }
    let kini = store::sekarang();
    let iku = Iku {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        sasaran_id: sasaran.id,
        nama,
        satuan,
        polaritas,
        rekap,
        baseline,
        target_akhir,
        urutan: ada as i64 + 1,
        versi: 1,
        dibuat_pada: kini.clone(),
        diubah_pada: kini,
    };
    let target: Vec<TargetIku> = m
        .target
        .iter()
        .map(|t| target_iku(k, instansi_id, &iku.id, t))
        .collect::<Hasil<_>>()?;
    let mut tx = l.db.mulai().await?;
    store::sakip::sisipkan_iku(&mut tx, &iku).await?;
    for t in &target {
        store::sakip::simpan_target_iku(&mut tx, t).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "sakip_iku",
        &iku.id,
        None,
        Some(&iku),
    )
    .await?;
    tx.commit().await?;
    Ok(iku)
}

pub async fn simpan_target_iku(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    iku_id: &str,
    m: MasukanTarget,
) -> Hasil<TargetIku> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    let t = target_iku(k, instansi_id, iku_id, &m)?;
    let mut tx = l.db.mulai().await?;
    if store::sakip::iku_satu(&mut tx, instansi_id, iku_id)
        .await?
        .is_none()
    {
        return Err(Galat::TidakDitemukan(
            k.t("IKU tidak ditemukan.", "Indicator not found.").into(),
        ));
    }
    store::sakip::simpan_target_iku(&mut tx, &t).await?;
    let objek = format!("{iku_id}:{}", t.tahun);
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "sakip_iku_target",
        &objek,
        None,
        Some(&t),
    )
    .await?;
    tx.commit().await?;
    Ok(t)
}

/// Menautkan program rencana tahun itu ke satu sasaran (mengganti tautan
/// lama). Program harus ada di rencana tahun itu (berlaku atau draf).
pub async fn tautkan_program(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    sasaran_id: &str,
    m: MasukanTautan,
) -> Hasil<Vec<Tautan>> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    if m.program_kode.len() > MAKS_TAUTAN {
        return Err(galat_kolom(
            k,
            "program_kode",
            k.t("Terlalu banyak program.", "Too many programmes."),
        ));
    }
    let r = baca(l, instansi_id, tahun).await?;
    if !r
        .sasaran
        .iter()
        .any(|s| s.id == sasaran_id && s.jenis == "sasaran")
    {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Sasaran tidak ditemukan pada periode Renstra tahun ini.",
                "Objective not found in this year's strategic-plan period.",
            )
            .into(),
        ));
    }
    let program = super::capaian::program_tahun(l, instansi_id, tahun).await?;
    let mut kode: Vec<String> = Vec::new();
    for (i, x) in m.program_kode.iter().enumerate() {
        let x = x.trim().to_string();
        if !program.contains(&x) {
            return Err(galat_kolom(
                k,
                &format!("program_kode[{i}]"),
                k.t(
                    "Program ini tidak ada di rencana tahun ini.",
                    "This programme is not in this year's plan.",
                ),
            ));
        }
        if !kode.contains(&x) {
            kode.push(x);
        }
    }
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    store::sakip::ganti_tautan(&mut tx, instansi_id, sasaran_id, tahun, &kode, &kini).await?;
    let objek = format!("{tahun}:{sasaran_id}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "sakip_tautan",
        &objek,
        None,
        Some(&kode),
    )
    .await?;
    tx.commit().await?;
    Ok(store::sakip::tautan_tahun(l.pool(), instansi_id, tahun)
        .await?
        .into_iter()
        .filter(|t| t.sasaran_id == sasaran_id)
        .collect())
}

/// Unit kontributor satu simpul lintas unit (mengganti yang lama).
pub async fn simpan_kontributor(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    m: MasukanKontributor,
) -> Hasil<Vec<Kontributor>> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let simpul = m.simpul.trim().to_string();
    let sah = (simpul.starts_with("sasaran:") || simpul.starts_with("butir:"))
        && crate::validasi::alasan(k.bahasa, &simpul, 120, crate::validasi::JenisTeks::Baris)
            .is_none();
    if !sah {
        return Err(galat_kolom(
            k,
            "simpul",
            k.t(
                "Simpul harus “sasaran:{id}” atau “butir:{kode}”.",
                "The node must be “sasaran:{id}” or “butir:{kode}”.",
            ),
        ));
    }
    if m.unit_id.len() > 50 {
        return Err(galat_kolom(
            k,
            "unit_id",
            k.t("Paling banyak 50 unit.", "At most 50 units."),
        ));
    }
    for u in &m.unit_id {
        unit_sah(l, k, instansi_id, u).await?;
    }
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    store::sakip::ganti_kontributor(&mut tx, instansi_id, tahun, &simpul, &m.unit_id, &kini)
        .await?;
    let objek = format!("{tahun}:{simpul}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "sakip_kontributor",
        &objek,
        None,
        Some(&m.unit_id),
    )
    .await?;
    tx.commit().await?;
    Ok(
        store::sakip::kontributor_tahun(l.pool(), instansi_id, tahun)
            .await?
            .into_iter()
            .filter(|x| x.simpul == simpul)
            .collect(),
    )
}

/// Pohon tahun `tahun` bermula dari salinan tahun sebelumnya: tautan dan
/// kontributor yang belum ada disalin. Jumlah baris tersalin.
pub async fn salin_pohon(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<u64> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Sakip(instansi_id))?;
    periksa_tahun(k, tahun)?;
    let mut tx = l.db.mulai().await?;
    let n = store::sakip::salin_pohon(&mut tx, instansi_id, tahun - 1, tahun, &store::sekarang())
        .await?;
    let objek = format!("{tahun}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "salin",
        "sakip_pohon",
        &objek,
        None,
        Some(&n),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
