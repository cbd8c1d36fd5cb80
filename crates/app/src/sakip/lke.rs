//! Lembar Kerja Evaluasi AKIP (PermenPANRB 88/2021): templat sebagai data
//! (bawaan di `data/sakip/`, versi baru dimuat admin nasional), jawaban
//! mandiri dengan bukti per kriteria oleh perencana, lalu reviu tiga tahap
//! oleh inspektorat — verifikasi, penjaminan mutu, evaluasi — masing-masing
//! oleh orang yang berbeda, dengan komentar. Nilai dan predikatnya lewat
//! `rules::sakip::nilai_lke` → `evaluasi_akip`; dibandingkan dengan tahun lalu.

use super::{galat_kolom, periksa_tahun, tautan_bukti, teks_bebas};
use crate::kebijakan::{self, Aksi, Sumber};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::sakip::instrumen::{self, FormatTemplat};
use rules::sakip::{NilaiLke, TemplatLke, nilai_lke};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use store::sakip::{JawabanLke, Lke, ReviuLke};

pub const OBJEK_BUKTI_LKE: &str = "lke_jawaban";
/// Urutan status; tiga yang di tengah adalah tahap reviu.
pub const TAHAP: [&str; 5] = [
    "pengisian",
    "verifikasi",
    "penjaminan_mutu",
    "evaluasi",
    "selesai",
];

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanJawaban {
    /// `Y`/`T`, `A`–`E`, atau kode salah satu `opsi` kriteria (jenis `pilihan`) menurut jenis kriteria; kosong = hapus jawaban.
    #[serde(default)]
    pub jawaban: Option<String>,
    #[serde(default)]
    pub catatan: Option<String>,
    #[serde(default)]
    pub bukti_id: Option<String>,
    #[serde(default)]
    pub bukti_url: Option<String>,
    /// Versi yang dilihat; 0 bila belum berisi.
    #[serde(default)]
    pub versi: Option<i64>,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanReviuJawaban {
    /// Jawaban menurut peninjau (menggantikan jawaban mandiri dalam nilai akhir); kosong = ikut jawaban mandiri.
    #[serde(default)]
    pub jawaban_reviu: Option<String>,
    #[serde(default)]
    pub catatan_reviu: Option<String>,
    pub versi: i64,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanTahap {
    /// `setuju` (lanjut ke tahap berikut) | `kembalikan` (ke pengisian).
    pub keputusan: String,
    #[serde(default)]
    pub komentar: Option<String>,
}

/// Satu pilihan jawaban kriteria berjenis `pilihan` (mis. tingkat kematangan 1–5).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OpsiIsi {
    /// Kode yang dikirim sebagai `jawaban`.
    pub kode: String,
    pub uraian: String,
    /// Nilai pilihan, 0–1 dari bobot kriteria, dua desimal.
    pub nilai: String,
    /// Penjelasan dan bukti dukung yang diharapkan (panduan).
    pub penjelasan: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct KriteriaIsi {
    pub kode: String,
    pub uraian: String,
    /// `ya_tidak` | `a_e` | `pilihan`.
    pub jenis: String,
    /// Kode jawaban yang diizinkan, dalam urutan tampil.
    pub pilihan: Vec<String>,
    /// Pilihan dengan teksnya (hanya jenis `pilihan`).
    pub opsi: Vec<OpsiIsi>,
    /// Panduan pengisian kriteria.
    pub penjelasan: Option<String>,
    pub jawaban: Option<String>,
    pub catatan: Option<String>,
    pub bukti_id: Option<String>,
    pub bukti_url: Option<String>,
    pub jawaban_reviu: Option<String>,
    pub catatan_reviu: Option<String>,
    pub versi: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SubIsi {
    pub kode: String,
    pub nama: String,
    pub bobot: String,
    pub nilai_mandiri: String,
    pub nilai: String,
    pub kriteria: Vec<KriteriaIsi>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct KomponenIsi {
    pub kode: String,
    pub nama: String,
    pub bobot: String,
    pub nilai_mandiri: String,
    pub nilai: String,
    pub sub: Vec<SubIsi>,
}

/// Nilai dan predikatnya (dua desimal; predikat dari nilai yang dibulatkan).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NilaiRingkas {
    pub nilai: String,
    /// `AA` … `D`.
    pub predikat: String,
    pub interpretasi: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TahunLalu {
    pub tahun: i64,
    pub nilai: String,
    pub predikat: String,
    /// Nilai tahun ini − tahun lalu, dua desimal.
    pub selisih: String,
    /// Nama templat LKE tahun lalu.
    pub templat: String,
    /// Templat tahun lalu sama (jenis instrumen dan nama) dengan tahun ini:
    /// bila tidak, selisih membandingkan dua instrumen yang berbeda.
    pub sebanding: bool,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LkeLengkap {
    pub tahun: i64,
    /// `belum_dimulai` | `pengisian` | `verifikasi` | `penjaminan_mutu` | `evaluasi` | `selesai`.
    pub status: String,
    pub templat: String,
    pub sumber_templat: String,
    /// `akip` (LKE PermenPANRB 88/2021) | `kuesioner` (instrumen lain, komponen bebas berbobot 100).
    pub instrumen: String,
    /// Nilai akhir: jawaban peninjau bila ada, selain itu jawaban mandiri.
    pub nilai: NilaiRingkas,
    /// Nilai dari jawaban mandiri saja.
    pub nilai_mandiri: NilaiRingkas,
    pub terjawab: usize,
    pub kriteria: usize,
    pub komponen: Vec<KomponenIsi>,
    pub reviu: Vec<ReviuLke>,
    pub tahun_lalu: Option<TahunLalu>,
    pub boleh_isi: bool,
    pub boleh_reviu: bool,
}

fn ringkas(n: &NilaiLke, k: &Konteks) -> NilaiRingkas {
    NilaiRingkas {
        nilai: rules::angka::teks_2(n.hasil.nilai_bulat),
        predikat: n.hasil.predikat.token().to_string(),
        interpretasi: n.hasil.predikat.interpretasi(k.bahasa).to_string(),
    }
}

/// Templat yang berlaku untuk tahun itu bila LKE belum dibuat.
async fn templat_tahun(l: &Layanan, tahun: i64) -> Hasil<TemplatLke> {
    let mut kon = l.pool().acquire().await?;
    match store::sakip::templat_untuk_tahun(&mut kon, tahun).await? {
        Some(t) => {
            serde_json::from_str(&t.isi).map_err(|e| Galat::Internal(format!("templat LKE: {e}")))
        }
        None => Ok(rules::sakip::templat_bawaan()),
    }
}

fn templat_dari(x: &Lke) -> Hasil<TemplatLke> {
    serde_json::from_str(&x.templat).map_err(|e| Galat::Internal(format!("templat LKE: {e}")))
}

fn nilai(t: &TemplatLke, jawaban: &[JawabanLke], reviu: bool) -> NilaiLke {
    let peta: BTreeMap<String, String> = jawaban
        .iter()
        .filter_map(|j| {
            let x = if reviu {
                j.jawaban_reviu.clone().or(j.jawaban.clone())
            } else {
                j.jawaban.clone()
            };
            x.map(|x| (j.kriteria_kode.clone(), x))
        })
        .collect();
    // Jawaban tersimpan sudah diperiksa terhadap templatnya.
    nilai_lke(t, &peta)
        .unwrap_or_else(|_| nilai_lke(t, &BTreeMap::new()).expect("templat tersimpan sah"))
}

/// LKE satu tahun dengan nilai dan predikatnya (belum dimulai: templat kosong).
pub async fn lke(l: &Layanan, k: &Konteks, instansi_id: &str, tahun: i64) -> Hasil<LkeLengkap> {
    kebijakan::wajib(k, Aksi::Baca, Sumber::Lke(instansi_id))?;
    periksa_tahun(k, tahun)?;
    isi_lke(l, k, instansi_id, tahun).await
}

/// Isi LKE tanpa pemeriksaan baca: pemanggil sudah memutuskan (LKjIP memuat
/// hasil evaluasi yang selesai bagi setiap pembacanya).
pub(crate) async fn isi_lke(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
) -> Hasil<LkeLengkap> {
    let pool = l.pool();
    let x = store::sakip::lke_tahun(pool, instansi_id, tahun).await?;
    let (t, jawaban, reviu, status) = match &x {
        Some(x) => (
            templat_dari(x)?,
            store::sakip::jawaban_lke(pool, instansi_id, &x.id).await?,
            store::sakip::reviu_lke(pool, instansi_id, &x.id).await?,
            x.status.clone(),
        ),
        None => (
            templat_tahun(l, tahun).await?,
            Vec::new(),
            Vec::new(),
            "belum_dimulai".to_string(),
        ),
    };
    let mandiri = nilai(&t, &jawaban, false);
    let akhir = nilai(&t, &jawaban, true);
    let per_kode: BTreeMap<&str, &JawabanLke> = jawaban
        .iter()
        .map(|j| (j.kriteria_kode.as_str(), j))
        .collect();
    let komponen = t
        .komponen
        .iter()
        .zip(mandiri.komponen.iter().zip(akhir.komponen.iter()))
        .map(|(kt, (km, ka))| KomponenIsi {
            kode: kt.kode.clone(),
            nama: kt.nama.clone(),
            bobot: rules::angka::teks_2(kt.bobot),
            nilai_mandiri: rules::angka::teks_2(rules::angka::bulatkan(km.nilai)),
            nilai: rules::angka::teks_2(rules::angka::bulatkan(ka.nilai)),
            sub: kt
                .sub
                .iter()
                .zip(km.sub.iter().zip(ka.sub.iter()))
                .map(|(st, (sm, sa))| SubIsi {
                    kode: st.kode.clone(),
                    nama: st.nama.clone(),
                    bobot: rules::angka::teks_2(st.bobot),
                    nilai_mandiri: rules::angka::teks_2(rules::angka::bulatkan(sm.nilai)),
                    nilai: rules::angka::teks_2(rules::angka::bulatkan(sa.nilai)),
                    kriteria: st
                        .kriteria
                        .iter()
                        .map(|c| {
                            let j = per_kode.get(c.kode.as_str());
                            KriteriaIsi {
                                kode: c.kode.clone(),
                                uraian: c.uraian.clone(),
                                jenis: c.jenis.token().to_string(),
                                pilihan: c.kode_pilihan().iter().map(|s| s.to_string()).collect(),
                                opsi: c
                                    .pilihan
                                    .iter()
                                    .map(|o| OpsiIsi {
                                        kode: o.kode.clone(),
                                        uraian: o.uraian.clone(),
                                        nilai: rules::angka::teks_2(o.nilai),
                                        penjelasan: Some(o.penjelasan.clone())
                                            .filter(|p| !p.is_empty()),
                                    })
                                    .collect(),
                                penjelasan: Some(c.penjelasan.clone()).filter(|p| !p.is_empty()),
                                jawaban: j.and_then(|j| j.jawaban.clone()),
                                catatan: j.and_then(|j| j.catatan.clone()),
                                bukti_id: j.and_then(|j| j.bukti_id.clone()),
                                bukti_url: j.and_then(|j| j.bukti_url.clone()),
                                jawaban_reviu: j.and_then(|j| j.jawaban_reviu.clone()),
                                catatan_reviu: j.and_then(|j| j.catatan_reviu.clone()),
                                versi: j.map(|j| j.versi).unwrap_or(0),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let tahun_lalu = match store::sakip::lke_tahun(pool, instansi_id, tahun - 1).await? {
        Some(y) => {
            let ty = templat_dari(&y)?;
            let jy = store::sakip::jawaban_lke(pool, instansi_id, &y.id).await?;
            let ny = nilai(&ty, &jy, true);
            Some(TahunLalu {
                tahun: tahun - 1,
                nilai: rules::angka::teks_2(ny.hasil.nilai_bulat),
                predikat: ny.hasil.predikat.token().to_string(),
                selisih: rules::angka::teks_2(akhir.hasil.nilai_bulat - ny.hasil.nilai_bulat),
                sebanding: ty.instrumen == t.instrumen && ty.nama == t.nama,
                templat: ty.nama,
            })
        }
        None => None,
    };
    let boleh_isi = matches!(status.as_str(), "belum_dimulai" | "pengisian")
        && kebijakan::wajib(k, Aksi::Kelola, Sumber::Lke(instansi_id)).is_ok();
    let boleh_reviu = matches!(
        status.as_str(),
        "verifikasi" | "penjaminan_mutu" | "evaluasi"
    ) && kebijakan::wajib(k, Aksi::Kelola, Sumber::ReviuLke(instansi_id)).is_ok();
    Ok(LkeLengkap {
        tahun,
        status,
        templat: t.nama.clone(),
        sumber_templat: t.sumber.clone(),
        instrumen: t.instrumen.token().to_string(),
        nilai: ringkas(&akhir, k),
        nilai_mandiri: ringkas(&mandiri, k),
        terjawab: mandiri.terjawab,
        kriteria: mandiri.kriteria,
        komponen,
        reviu,
        tahun_lalu,
        boleh_isi,
        boleh_reviu,
    })
}

fn status_salah(k: &Konteks, kode: &str) -> Galat {
    Galat::Status {
        kode: kode.into(),
        pesan: match kode {
            "lke_dalam_reviu" => k.t(
                "LKE sedang direviu; jawaban mandiri tidak dapat diubah sampai dikembalikan.",
                "The evaluation is under review; self-assessment answers are locked until it is returned.",
            ),
            _ => k.t(
                "LKE tidak sedang pada tahap reviu.",
                "The evaluation is not at a review step.",
            ),
        }
        .into(),
        fields: Default::default(),
    }
}

/// Mengisi satu jawaban mandiri (perencana); LKE dibuat bila belum ada.
pub async fn isi_jawaban(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    m: MasukanJawaban,
) -> Hasil<JawabanLke> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Lke(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let Some(versi) = m.versi else {
        return Err(Galat::VersiWajib(
            k.t(
                "Sertakan versi yang Anda lihat (0 bila belum berisi).",
                "Include the version you saw (0 if empty).",
            )
            .into(),
        ));
    };
    let catatan = teks_bebas(k, "catatan", m.catatan, crate::validasi::MAKS_KETERANGAN)?;
    let url = tautan_bukti(k, m.bukti_url)?;
    let bukti_id = m.bukti_id.filter(|x| !x.trim().is_empty());
    if let Some(b) = &bukti_id {
        crate::bukti::lihat(l, k, instansi_id, b).await?;
    }
    let jawaban = m
        .jawaban
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty());
    let t_baru = templat_tahun(l, tahun).await?;
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    let x = match store::sakip::lke_tahun_di(&mut tx, instansi_id, tahun).await? {
        Some(x) => x,
        None => {
            let x = Lke {
                instansi_id: instansi_id.into(),
                id: store::id_baru(),
                tahun,
                templat: serde_json::to_string(&t_baru)
                    .map_err(|e| Galat::Internal(e.to_string()))?,
                status: "pengisian".into(),
                versi: 1,
                dibuat_pada: kini.clone(),
                diubah_pada: kini.clone(),
            };
            store::sakip::sisipkan_lke(&mut tx, &x).await?;
            crate::audit::catat(
                &mut tx,
                k,
                instansi_id,
                "buat",
                "lke",
                &x.id,
                None,
                Some(&x.tahun),
            )
            .await?;
            x
        }
    };
    if x.status != "pengisian" {
        return Err(status_salah(k, "lke_dalam_reviu"));
    }
    store::sakip::sentuh_lke(&mut tx, instansi_id, &x.id, &kini).await?;
    let t = templat_dari(&x)?;
    let Some(c) = t.kriteria().find(|c| c.kode == kode) else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Kriteria tidak ada di LKE ini.",
                "No such criterion in this evaluation.",
            )
            .into(),
        ));
    };
    if let Some(j) = &jawaban
        && !c.kode_pilihan().contains(&j.as_str())
    {
        return Err(galat_kolom(
            k,
            "jawaban",
            format!(
                "{} {}",
                k.t("Pilihan:", "Choices:"),
                c.kode_pilihan().join(", ")
            ),
        ));
    }
    let lama = store::sakip::jawaban_satu(&mut tx, instansi_id, &x.id, kode).await?;
    if lama.as_ref().map(|j| j.versi).unwrap_or(0) != versi {
        return Err(super::basi(k));
    }
    let baru = JawabanLke {
        instansi_id: instansi_id.into(),
        lke_id: x.id.clone(),
        kriteria_kode: kode.into(),
        jawaban,
        catatan,
        bukti_id: bukti_id.clone(),
        bukti_url: url,
        jawaban_reviu: lama.as_ref().and_then(|j| j.jawaban_reviu.clone()),
        catatan_reviu: lama.as_ref().and_then(|j| j.catatan_reviu.clone()),
        versi: versi + 1,
        diubah_oleh: Some(a.pengguna_id.clone()),
        diubah_pada: kini,
    };
    if !store::sakip::tulis_jawaban(&mut tx, &baru, versi).await? {
        return Err(super::basi(k));
    }
    let objek = format!("{tahun}:{kode}");
    if let Some(lama_id) = lama.as_ref().and_then(|x| x.bukti_id.clone())
        && Some(&lama_id) != bukti_id.as_ref()
    {
        crate::bukti::lepas(&mut tx, instansi_id, &lama_id, OBJEK_BUKTI_LKE, &objek).await?;
    }
    if let Some(b) = &bukti_id
        && lama.as_ref().and_then(|x| x.bukti_id.as_ref()) != Some(b)
    {
        crate::bukti::rujuk(&mut tx, instansi_id, b, OBJEK_BUKTI_LKE, &objek).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "lke_jawaban",
        &objek,
        lama.as_ref(),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Mengajukan LKE untuk direviu (perencana): semua kriteria harus terjawab.
pub async fn ajukan_lke(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    komentar: Option<String>,
) -> Hasil<LkeLengkap> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Lke(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let komentar = teks_bebas(k, "komentar", komentar, crate::validasi::MAKS_KETERANGAN)?;
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    let Some(x) = store::sakip::lke_tahun_di(&mut tx, instansi_id, tahun).await? else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "LKE tahun ini belum diisi.",
                "This year's evaluation has not been started.",
            )
            .into(),
        ));
    };
    if x.status != "pengisian" {
        return Err(status_salah(k, "lke_dalam_reviu"));
    }
    let t = templat_dari(&x)?;
    let jawaban: Vec<JawabanLke> = {
        let semua = store::sakip::jawaban_lke(l.pool(), instansi_id, &x.id).await?;
        semua.into_iter().filter(|j| j.jawaban.is_some()).collect()
    };
    let mut kurang = BTreeMap::new();
    for c in t.kriteria() {
        if !jawaban.iter().any(|j| j.kriteria_kode == c.kode) {
            kurang.insert(
                c.kode.clone(),
                k.t("Belum dijawab.", "Not answered yet.").to_string(),
            );
        }
    }
    if !kurang.is_empty() {
        return Err(Galat::input(
            k.t(
                "Masih ada kriteria yang belum dijawab.",
                "Some criteria are not answered yet.",
            ),
            kurang,
        ));
    }
    if !store::sakip::ubah_status_lke(&mut tx, instansi_id, &x.id, x.versi, TAHAP[1], &kini).await?
    {
        return Err(super::basi(k));
    }
    let r = ReviuLke {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        lke_id: x.id.clone(),
        tahap: TAHAP[0].into(),
        keputusan: "ajukan".into(),
        komentar,
        oleh: a.pengguna_id.clone(),
        oleh_nama: Some(a.nama.clone()),
        pada: kini,
    };
    store::sakip::sisipkan_reviu(&mut tx, &r).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ajukan",
        "lke",
        &x.id,
        None,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    lke(l, k, instansi_id, tahun).await
}

/// Kolom reviu satu kriteria (inspektur, pada tahap reviu).
pub async fn reviu_jawaban(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    kode: &str,
    m: MasukanReviuJawaban,
) -> Hasil<JawabanLke> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::ReviuLke(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let catatan = teks_bebas(
        k,
        "catatan_reviu",
        m.catatan_reviu,
        crate::validasi::MAKS_KETERANGAN,
    )?;
    let jawaban = m
        .jawaban_reviu
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty());
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    let Some(x) = store::sakip::lke_tahun_di(&mut tx, instansi_id, tahun).await? else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "LKE tahun ini belum diisi.",
                "This year's evaluation has not been started.",
            )
            .into(),
        ));
    };
    if !TAHAP[1..4].contains(&x.status.as_str()) {
        return Err(status_salah(k, "lke_bukan_tahap_reviu"));
    }
    store::sakip::sentuh_lke(&mut tx, instansi_id, &x.id, &kini).await?;
    let t = templat_dari(&x)?;
    let Some(c) = t.kriteria().find(|c| c.kode == kode) else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Kriteria tidak ada di LKE ini.",
                "No such criterion in this evaluation.",
            )
            .into(),
        ));
    };
    if let Some(j) = &jawaban
        && !c.kode_pilihan().contains(&j.as_str())
    {
        return Err(galat_kolom(
            k,
            "jawaban_reviu",
            format!(
                "{} {}",
                k.t("Pilihan:", "Choices:"),
                c.kode_pilihan().join(", ")
            ),
        ));
    }
    let lama = store::sakip::jawaban_satu(&mut tx, instansi_id, &x.id, kode).await?;
    if lama.as_ref().map(|j| j.versi).unwrap_or(0) != m.versi {
        return Err(super::basi(k));
    }
    let mut baru = lama.clone().unwrap_or(JawabanLke {
        instansi_id: instansi_id.into(),
        lke_id: x.id.clone(),
        kriteria_kode: kode.into(),
        jawaban: None,
        catatan: None,
        bukti_id: None,
        bukti_url: None,
        jawaban_reviu: None,
        catatan_reviu: None,
        versi: 0,
        diubah_oleh: None,
        diubah_pada: kini.clone(),
    });
    baru.jawaban_reviu = jawaban;
    baru.catatan_reviu = catatan;
    baru.versi = m.versi + 1;
    baru.diubah_oleh = Some(a.pengguna_id.clone());
    baru.diubah_pada = kini;
    if !store::sakip::tulis_jawaban(&mut tx, &baru, m.versi).await? {
        return Err(super::basi(k));
    }
    let objek = format!("{tahun}:{kode}");
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "reviu",
        "lke_jawaban",
        &objek,
        lama.as_ref(),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Keputusan satu tahap reviu. Satu orang tidak memutuskan dua tahap dalam
/// satu putaran (sejak pengajuan terakhir): pemisahan tugas peninjau.
pub async fn putuskan_tahap(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    m: MasukanTahap,
) -> Hasil<LkeLengkap> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::ReviuLke(instansi_id))?.clone();
    periksa_tahun(k, tahun)?;
    let komentar = teks_bebas(k, "komentar", m.komentar, crate::validasi::MAKS_KETERANGAN)?;
    let setuju = match m.keputusan.as_str() {
        "setuju" => true,
        "kembalikan" => false,
        _ => {
            return Err(galat_kolom(
                k,
                "keputusan",
                k.t(
                    "Pilih “setuju” atau “kembalikan”.",
                    "Choose “setuju” or “kembalikan”.",
                ),
            ));
        }
    };
    if !setuju && komentar.is_none() {
        return Err(galat_kolom(
            k,
            "komentar",
            k.t("Tulis apa yang perlu diperbaiki.", "Say what needs fixing."),
        ));
    }
    let kini = store::sekarang();
    let mut tx = l.db.mulai().await?;
    let Some(x) = store::sakip::lke_tahun_di(&mut tx, instansi_id, tahun).await? else {
        return Err(Galat::TidakDitemukan(
            k.t(
                "LKE tahun ini belum diisi.",
                "This year's evaluation has not been started.",
            )
            .into(),
        ));
    };
    let Some(i) = TAHAP[1..4].iter().position(|t| *t == x.status) else {
        return Err(status_salah(k, "lke_bukan_tahap_reviu"));
    };
    let riwayat = store::sakip::reviu_lke_di(&mut tx, instansi_id, &x.id).await?;
    let putaran = riwayat
        .iter()
        .rposition(|r| r.keputusan == "ajukan")
        .map(|p| &riwayat[p + 1..])
        .unwrap_or(&riwayat[..]);
    if putaran.iter().any(|r| r.oleh == a.pengguna_id) {
        return Err(Galat::Status {
            kode: "peninjau_sama".into(),
            pesan: k
                .t(
                    "Anda sudah memutuskan tahap sebelumnya pada putaran ini; tahap ini harus diputuskan peninjau lain.",
                    "You decided an earlier step in this round; another reviewer must decide this one.",
                )
                .into(),
            fields: Default::default(),
        });
    }
    let berikut = if setuju { TAHAP[i + 2] } else { TAHAP[0] };
    if !store::sakip::ubah_status_lke(&mut tx, instansi_id, &x.id, x.versi, berikut, &kini).await? {
        return Err(super::basi(k));
    }
    let r = ReviuLke {
        instansi_id: instansi_id.into(),
        id: store::id_baru(),
        lke_id: x.id.clone(),
        tahap: x.status.clone(),
        keputusan: m.keputusan.clone(),
        komentar,
        oleh: a.pengguna_id.clone(),
        oleh_nama: Some(a.nama.clone()),
        pada: kini,
    };
    store::sakip::sisipkan_reviu(&mut tx, &r).await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        &m.keputusan,
        "lke",
        &x.id,
        None,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    lke(l, k, instansi_id, tahun).await
}

/// Memuat templat LKE baru untuk tahun `tahun` dan sesudahnya (super admin).
/// Templat diperiksa utuh; LKE yang sudah dibuat tetap memakai salinannya.
/// `format`: `lke` (bawaan; JSON templat apa adanya), `kuesioner_mendagri`
/// atau `kuesioner_menpan` (berkas kuesioner wp-eval-sakip, diubah oleh
/// `rules::sakip::instrumen`). Galat per field, dengan jalur di berkas asal.
pub async fn muat_templat(
    l: &Layanan,
    k: &Konteks,
    tahun: i64,
    format: &str,
    isi: &str,
) -> Hasil<store::sakip::TemplatLke> {
    let a = kebijakan::wajib(k, Aksi::Kelola, Sumber::Nasional)?.clone();
    periksa_tahun(k, tahun)?;
    let format = match format.trim() {
        "" => FormatTemplat::Lke,
        f => FormatTemplat::dari_token(f).ok_or_else(|| {
            galat_kolom(
                k,
                "format",
                format!(
                    "{} {}",
                    k.t("Pilihan:", "Choices:"),
                    FormatTemplat::TOKEN.join(", ")
                ),
            )
        })?,
    };
    let json_salah = |e: serde_json::Error| {
        galat_kolom(
            k,
            "templat",
            format!(
                "{} {e}",
                k.t("JSON templat tidak sah:", "Invalid template JSON:")
            ),
        )
    };
    let t: TemplatLke = match format {
        FormatTemplat::Lke => serde_json::from_str(isi).map_err(json_salah)?,
        f => {
            let v: serde_json::Value = serde_json::from_str(isi).map_err(json_salah)?;
            let hasil = if f == FormatTemplat::KuesionerMendagri {
                instrumen::dari_kuesioner_mendagri(&v)
            } else {
                instrumen::dari_kuesioner_menpan(&v)
            };
            hasil.map_err(|g| galat_kolom(k, &g.field, g.pesan(k.bahasa)))?
        }
    };
    t.periksa()
        .map_err(|g| galat_kolom(k, &g.field, g.pesan(k.bahasa)))?;
    let x = store::sakip::TemplatLke {
        id: store::id_baru(),
        tahun,
        nama: t.nama.clone(),
        isi: serde_json::to_string(&t).map_err(|e| Galat::Internal(e.to_string()))?,
        dimuat_oleh: Some(a.pengguna_id.clone()),
        dimuat_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    store::sakip::sisipkan_templat(&mut tx, &x).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "muat",
        "lke_templat",
        &x.id,
        None,
        Some(&x.nama),
    )
    .await?;
    tx.commit().await?;
    Ok(x)
}

/// Bukti yang dirujuk jawaban LKE: pembaca LKE instansi itu.
pub(crate) async fn boleh_lihat_bukti(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<bool> {
    let objek =
        store::bukti::objek_rujukan(l.pool(), instansi_id, bukti_id, OBJEK_BUKTI_LKE).await?;
    Ok(!objek.is_empty() && kebijakan::wajib(k, Aksi::Baca, Sumber::Lke(instansi_id)).is_ok())
}
