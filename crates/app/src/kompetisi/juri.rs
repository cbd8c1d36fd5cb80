//! Juri: penyelenggara menambahkan akun sebagai juri (juri eksternal tanpa
//! instansi asal: akun dibuat di instansi penyelenggara), juri menyatakan
//! konflik kepentingan, penugasan massal seimbang tanpa konflik
//! (`rules::inovasi::tugaskan_juri`), dan penilaian per rubrik. Nilai juri
//! hanya terlihat oleh juri itu sendiri sampai tahapnya ditutup; setiap
//! perubahan nilai diaudit.

use super::{galat_status, muat as muat_kompetisi, tahap_ke};
use crate::galat::GalatKolom;
use crate::kebijakan;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use store::kompetisi::{Juri, Konflik, Penilaian};

pub const OBJEK_JURI: &str = "juri_kompetisi";
pub const OBJEK_PENILAIAN: &str = "penilaian_entri";

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanJuri {
    /// Nama pengguna akun juri (akun yang sudah ada).
    pub username: String,
    /// Perguruan tinggi, K/L, atau lembaga asal.
    pub afiliasi: String,
    /// true: juri eksternal (akademisi, panel independen) tanpa instansi asal
    /// di antara peserta; konflik instansi/wilayah tidak berlaku baginya.
    #[serde(default)]
    pub eksternal: bool,
    /// Tahap penilaian (urutan) yang dilayani, mis. `[3]` untuk tim evaluasi
    /// proposal atau `[4]` untuk panel independen; kosong = semua tahap penilaian.
    #[serde(default)]
    pub tahap: Vec<i64>,
}

/// Menambahkan juri ke kompetisi (penyelenggara).
pub async fn tambah(l: &Layanan, k: &Konteks, kid: &str, m: MasukanJuri) -> Hasil<Juri> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::wajib_penyelenggara(k, &x)?;
    let mut f = GalatKolom::default();
    validasi::periksa(
        &mut f,
        k.bahasa,
        "afiliasi",
        &m.afiliasi,
        validasi::MAKS_NAMA,
        JenisTeks::Nama,
    );
    if m.afiliasi.trim().is_empty() {
        f.tambah("afiliasi", k.t("Wajib diisi.", "Required."));
    }
    let akun = if m.username.len() > validasi::MAKS_NAMA {
        None
    } else {
        store::akun::pengguna_untuk_masuk(l.pool(), m.username.trim()).await?
    };
    if akun.is_none() {
        f.tambah("username", k.t("Akun tidak ditemukan; buat akunnya dulu (juri eksternal: di instansi penyelenggara).", "Account not found; create it first (external judges: in the organising agency)."));
    }
    if m.eksternal
        && let Some(a) = &akun
        && a.instansi_id != x.instansi_id
    {
        f.tambah(
            "eksternal",
            k.t(
                "Juri eksternal memakai akun di instansi penyelenggara.",
                "External judges use an account in the organising agency.",
            ),
        );
    }
    let tahap_kompetisi = store::kompetisi::tahap(l.pool(), kid).await?;
    let mut tahap = m.tahap.clone();
    tahap.sort();
    tahap.dedup();
    for u in &tahap {
        if !tahap_kompetisi
            .iter()
            .any(|t| t.urutan == *u && t.jenis == "penilaian")
        {
            f.tambah(
                "tahap",
                k.t(
                    "Sebutkan urutan tahap penilaian kompetisi ini.",
                    "Give the order numbers of this competition's scoring stages.",
                ),
            );
        }
    }
    f.jadi_galat(k.t("Data juri belum benar.", "The judge data is not valid."))?;
    let akun = akun.ok_or_else(|| Galat::Internal("akun".into()))?;
    let (instansi_asal_id, wilayah_asal) = if m.eksternal {
        (None, None)
    } else {
        let w = store::organisasi::instansi(l.pool(), &akun.instansi_id)
            .await?
            .and_then(|i| i.kode_wilayah);
        (Some(akun.instansi_id.clone()), w)
    };
    let j = Juri {
        kompetisi_id: x.id.clone(),
        pengguna_instansi_id: akun.instansi_id.clone(),
        pengguna_id: akun.id.clone(),
        nama: akun.nama.clone(),
        afiliasi: m.afiliasi.trim().to_string(),
        instansi_asal_id,
        wilayah_asal,
        dibuat_pada: store::sekarang(),
        tahap: (!tahap.is_empty()).then(|| {
            tahap
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(",")
        }),
    };
    let mut tx = l.db.mulai().await?;
    if let Err(e) = store::kompetisi::sisipkan_juri(&mut tx, &j).await {
        if e.pelanggaran_unik() {
            return Err(Galat::Konflik(
                k.t(
                    "Akun ini sudah menjadi juri kompetisi ini.",
                    "This account is already a judge of this competition.",
                )
                .into(),
            ));
        }
        return Err(e.into());
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "buat",
        OBJEK_JURI,
        &format!("{}/{}", x.id, j.pengguna_id),
        None,
        Some(&j),
    )
    .await?;
    tx.commit().await?;
    Ok(j)
}

/// Juri kompetisi (penyelenggara).
pub async fn daftar(l: &Layanan, k: &Konteks, kid: &str) -> Hasil<Vec<Juri>> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::baca_penyelenggara(k, &x)?;
    Ok(store::kompetisi::juri(l.pool(), kid).await?)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanKonflik {
    pub entri_id: String,
    pub alasan: String,
}

/// Juri menyatakan konflik kepentingan atas satu entri: ia tidak akan
/// ditugaskan, dan penugasannya di tahap yang belum ditutup dicabut
/// (termasuk nilai yang sudah ia berikan, agar tidak terhitung).
pub async fn nyatakan_konflik(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    m: MasukanKonflik,
) -> Hasil<Konflik> {
    let a = k.aktor()?.clone();
    let x = muat_kompetisi(l, k, kid).await?;
    let saya = store::kompetisi::satu_juri(l.pool(), kid, &a.pengguna_id).await?;
    if saya.is_none() || a.hanya_baca {
        return Err(k.dilarang());
    }
    let mut f = GalatKolom::default();
    let e = if m.entri_id.len() > validasi::MAKS_ID {
        None
    } else {
        store::kompetisi::entri(l.pool(), &m.entri_id).await?
    };
    if e.as_ref()
        .is_none_or(|e| e.kompetisi_id != kid || e.status != "diajukan")
    {
        f.tambah(
            "entri_id",
            k.t(
                "Entri tidak ada di kompetisi ini.",
                "No such entry in this competition.",
            ),
        );
    }
    if m.alasan.trim().chars().count() < 5 {
        f.tambah("alasan", k.t("Sebutkan alasannya.", "State the reason."));
    }
    validasi::periksa(
        &mut f,
        k.bahasa,
        "alasan",
        &m.alasan,
        validasi::MAKS_KETERANGAN,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t(
        "Pernyataan konflik belum benar.",
        "The conflict declaration is not valid.",
    ))?;
    let c = Konflik {
        kompetisi_id: kid.to_string(),
        pengguna_id: a.pengguna_id.clone(),
        entri_id: m.entri_id.clone(),
        alasan: m.alasan.trim().to_string(),
        dibuat_pada: store::sekarang(),
    };
    let tahap = store::kompetisi::tahap(l.pool(), kid).await?;
    let terbuka: Vec<i64> = tahap
        .iter()
        .filter(|t| t.status != "ditutup")
        .map(|t| t.urutan)
        .collect();
    let mut tx = l.db.mulai().await?;
    store::kompetisi::sisipkan_konflik(&mut tx, &c).await?;
    let dicabut =
        store::kompetisi::cabut_penugasan(&mut tx, kid, &m.entri_id, &a.pengguna_id, &terbuka)
            .await?;
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "konflik",
        OBJEK_JURI,
        &format!("{kid}/{}/{}", a.pengguna_id, m.entri_id),
        None,
        Some(&c),
    )
    .await?;
    for p in &dicabut {
        crate::audit::catat(
            &mut tx,
            k,
            &x.instansi_id,
            "hapus",
            OBJEK_PENILAIAN,
            &format!("{kid}/{}/{}/{}", p.tahap, p.entri_id, p.juri_id),
            Some(p),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(c)
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct HasilPenugasan {
    /// Penugasan baru yang dibuat.
    pub baru: usize,
    /// Entri yang jurinya masih kurang dari minimum (konflik atau juri terlalu sedikit).
    pub kurang: Vec<Kurang>,
    /// Beban per juri sesudahnya (nama → banyak entri).
    pub beban: BTreeMap<String, usize>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct Kurang {
    pub entri_id: String,
    pub juri: usize,
}

/// Penugasan massal tahap penilaian `urutan`: setiap entri yang mencapai
/// tahap ini mendapat paling sedikit `min_juri` juri tanpa konflik, beban
/// seimbang; penugasan lama tetap.
pub async fn tugaskan(l: &Layanan, k: &Konteks, kid: &str, urutan: i64) -> Hasil<HasilPenugasan> {
    let x = muat_kompetisi(l, k, kid).await?;
    kebijakan::wajib_penyelenggara(k, &x)?;
    let (_, t) = tahap_ke(l, k, kid, urutan).await?;
    if t.jenis != "penilaian" {
        return Err(galat_status(
            k,
            "bukan_tahap_penilaian",
            "Juri hanya ditugaskan di tahap penilaian.",
            "Judges are assigned only in a scoring stage.",
        ));
    }
    if t.status == "ditutup" {
        return Err(galat_status(
            k,
            "tahap_ditutup",
            "Tahap sudah ditutup.",
            "The stage is closed.",
        ));
    }
    let entri = store::kompetisi::entri_di_tahap(l.pool(), kid, urutan).await?;
    let juri = store::kompetisi::juri(l.pool(), kid).await?;
    let konflik = store::kompetisi::konflik(l.pool(), kid).await?;
    let lama = store::kompetisi::penilaian_tahap(l.pool(), kid, urutan).await?;
    let mut konflik_juri: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for c in &konflik {
        konflik_juri
            .entry(c.pengguna_id.as_str())
            .or_default()
            .insert(c.entri_id.clone());
    }
    let e_tugas: Vec<rules::inovasi::EntriTugas> = entri
        .iter()
        .map(|e| rules::inovasi::EntriTugas {
            id: e.id.clone(),
            instansi_id: e.instansi_id.clone(),
            wilayah: e.kode_wilayah.clone(),
        })
        .collect();
    // Hanya juri yang melayani tahap ini (tim evaluasi, panel independen).
    let juri: Vec<Juri> = juri.into_iter().filter(|j| j.melayani(urutan)).collect();
    let j_tugas: Vec<rules::inovasi::JuriTugas> = juri
        .iter()
        .map(|j| rules::inovasi::JuriTugas {
            id: j.pengguna_id.clone(),
            instansi_id: j.instansi_asal_id.clone(),
            wilayah: j.wilayah_asal.clone(),
            konflik: konflik_juri
                .get(j.pengguna_id.as_str())
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let sudah: Vec<(String, String)> = lama
        .iter()
        .map(|p| (p.entri_id.clone(), p.juri_id.clone()))
        .collect();
    let h = rules::inovasi::tugaskan_juri(&e_tugas, &j_tugas, &sudah, t.min_juri.max(0) as usize);
    let w = store::sekarang();
    let baru: Vec<Penilaian> = h
        .baru
        .iter()
        .map(|(e, j)| Penilaian {
            kompetisi_id: kid.to_string(),
            tahap: urutan,
            entri_id: e.clone(),
            juri_id: j.clone(),
            skor: None,
            catatan: None,
            dinilai_pada: None,
            versi: 1,
            dibuat_pada: w.clone(),
        })
        .collect();
    let mut tx = l.db.mulai().await?;
    store::kompetisi::tugaskan(&mut tx, &baru).await?;
    #[derive(Serialize)]
    struct Ringkas<'a> {
        tahap: i64,
        penugasan_baru: usize,
        kurang: &'a [(String, usize)],
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "tugaskan",
        OBJEK_PENILAIAN,
        &format!("{kid}/{urutan}"),
        None,
        Some(&Ringkas {
            tahap: urutan,
            penugasan_baru: baru.len(),
            kurang: &h.kurang,
        }),
    )
    .await?;
    tx.commit().await?;
    // Setiap juri yang mendapat tugas baru diberi tahu sekali.
    let mut per_juri: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, j) in &h.baru {
        *per_juri.entry(j.as_str()).or_default() += 1;
    }
    let pemberitahuan: Vec<crate::notifikasi::NotifikasiBaru> = juri
        .iter()
        .filter_map(|j| {
            let n = per_juri.get(j.pengguna_id.as_str())?;
            Some(crate::notifikasi::NotifikasiBaru {
                instansi_id: j.pengguna_instansi_id.clone(),
                pengguna_id: j.pengguna_id.clone(),
                judul: format!("{n} entri baru untuk dinilai: {}", x.nama),
                isi: format!(
                    "Anda ditugaskan menilai {n} entri di tahap \"{}\" {} (sampai {}).",
                    t.nama, x.nama, t.selesai
                ),
                tautan: Some(format!("/kompetisi/{kid}/penilaian")),
            })
        })
        .collect();
    crate::notifikasi::kirim_banyak(l, pemberitahuan).await?;
    let nama: HashMap<&str, &str> = juri
        .iter()
        .map(|j| (j.pengguna_id.as_str(), j.nama.as_str()))
        .collect();
    let mut beban: BTreeMap<String, usize> = BTreeMap::new();
    for (_, j) in sudah.iter().chain(h.baru.iter()) {
        *beban
            .entry(format!(
                "{} ({})",
                nama.get(j.as_str()).copied().unwrap_or(""),
                &j[j.len().saturating_sub(6)..]
            ))
            .or_default() += 1;
    }
    Ok(HasilPenugasan {
        baru: baru.len(),
        kurang: h
            .kurang
            .into_iter()
            .map(|(entri_id, juri)| Kurang { entri_id, juri })
            .collect(),
        beban,
    })
}

/// Satu entri yang ditugaskan kepada juri, dengan nilainya sendiri.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TugasJuri {
    pub entri_id: String,
    pub judul: String,
    pub kelompok: String,
    pub instansi: String,
    pub tahap: i64,
    pub nama_tahap: String,
    /// Tahap masih buka: nilai boleh diubah.
    pub buka: bool,
    /// Nilai saya (kode → skor), None = belum menilai.
    pub skor: Option<BTreeMap<String, String>>,
    pub catatan: Option<String>,
    pub versi: i64,
}

/// Penugasan juri aktor di satu kompetisi (semua tahap), nilainya sendiri saja.
pub async fn tugas_saya(l: &Layanan, k: &Konteks, kid: &str) -> Hasil<Vec<TugasJuri>> {
    let a = k.aktor()?.clone();
    let _ = muat_kompetisi(l, k, kid).await?;
    if store::kompetisi::satu_juri(l.pool(), kid, &a.pengguna_id)
        .await?
        .is_none()
    {
        return Err(k.dilarang());
    }
    let tahap = store::kompetisi::tahap(l.pool(), kid).await?;
    // Judul dan instansi semua entri yang diajukan dalam satu kueri, bukan per tugas.
    let ringkas = store::kompetisi::entri_kompetisi(l.pool(), kid, true).await?;
    let peta: HashMap<&str, &store::kompetisi::RingkasEntri> =
        ringkas.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut hasil = Vec::new();
    for t in tahap.iter().filter(|t| t.jenis == "penilaian") {
        for p in store::kompetisi::penilaian_juri(l.pool(), kid, t.urutan, &a.pengguna_id).await? {
            let Some(e) = peta.get(p.entri_id.as_str()) else {
                continue;
            };
            hasil.push(TugasJuri {
                entri_id: e.id.clone(),
                judul: e.judul.clone(),
                kelompok: e.kelompok.clone(),
                instansi: e.instansi.clone(),
                tahap: t.urutan,
                nama_tahap: t.nama.clone(),
                buka: t.status == "buka",
                skor: p.skor.as_deref().and_then(|s| serde_json::from_str(s).ok()),
                catatan: p.catatan,
                versi: p.versi,
            });
        }
    }
    Ok(hasil)
}

/// Kompetisi tempat aktor menjadi juri.
pub async fn kompetisi_saya(l: &Layanan, k: &Konteks) -> Hasil<Vec<store::kompetisi::Kompetisi>> {
    let a = k.aktor()?.clone();
    let mut v = Vec::new();
    for id in store::kompetisi::kompetisi_juri(l.pool(), &a.pengguna_id).await? {
        if let Some(x) = store::kompetisi::kompetisi(l.pool(), &id).await? {
            v.push(x);
        }
    }
    Ok(v)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanNilai {
    /// Versi yang dilihat (atau header If-Match) saat mengubah.
    #[serde(default)]
    pub versi: Option<i64>,
    /// Skor 0–100 per kode kriteria rubrik tahap ini (teks desimal).
    pub skor: BTreeMap<String, String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

/// Juri menilai satu entri di tahap penilaian yang buka (versi penugasan yang
/// dilihat wajib; setiap perubahan diaudit dengan nilai sebelum dan sesudah).
pub async fn nilai(
    l: &Layanan,
    k: &Konteks,
    eid: &str,
    urutan: i64,
    versi: i64,
    m: MasukanNilai,
) -> Hasil<Penilaian> {
    let (x, e, h) = super::entri::muat(l, k, eid).await?;
    let a = k.aktor()?.clone();
    if !h.juri {
        return Err(k.dilarang());
    }
    let (_, t) = tahap_ke(l, k, &x.id, urutan).await?;
    if t.status != "buka" {
        return Err(galat_status(
            k,
            "tahap_tidak_buka",
            "Tahap ini tidak sedang dibuka untuk penilaian.",
            "This stage is not open for scoring.",
        ));
    }
    let lama = store::kompetisi::penilaian_entri_juri(l.pool(), &e.id, &a.pengguna_id)
        .await?
        .into_iter()
        .find(|p| p.tahap == urutan)
        .ok_or_else(|| k.dilarang())?;
    let kriteria: Vec<_> = store::kompetisi::kriteria(l.pool(), &x.id)
        .await?
        .into_iter()
        .filter(|c| c.tahap == urutan)
        .collect();
    let mut f = GalatKolom::default();
    let mut skor: BTreeMap<String, String> = BTreeMap::new();
    for c in &kriteria {
        match m.skor.get(&c.kode) {
            None => f.tambah(
                &format!("skor.{}", c.kode),
                k.t("Wajib dinilai.", "Must be scored."),
            ),
            Some(v) => match super::desimal_0_100(v) {
                Some(d) => {
                    skor.insert(c.kode.clone(), d.to_string());
                }
                None => f.tambah(
                    &format!("skor.{}", c.kode),
                    k.t(
                        "Angka 0–100, paling banyak 2 desimal.",
                        "A number 0–100, at most 2 decimals.",
                    ),
                ),
            },
        }
    }
    for kode in m.skor.keys() {
        if !kriteria.iter().any(|c| &c.kode == kode) {
            f.tambah(
                &format!("skor.{}", kode.chars().take(40).collect::<String>()),
                k.t(
                    "Kriteria tidak ada di rubrik tahap ini.",
                    "No such criterion in this stage's rubric.",
                ),
            );
        }
    }
    let catatan = m
        .catatan
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if let Some(c) = &catatan {
        validasi::periksa(
            &mut f,
            k.bahasa,
            "catatan",
            c,
            validasi::MAKS_KETERANGAN,
            JenisTeks::Bebas,
        );
    }
    f.jadi_galat(k.t("Nilai belum benar.", "The scores are not valid."))?;
    let mut baru = lama.clone();
    baru.skor = Some(serde_json::to_string(&skor).unwrap_or_default());
    baru.catatan = catatan;
    baru.dinilai_pada = Some(store::sekarang());
    baru.versi = lama.versi + 1;
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::simpan_nilai(&mut tx, &baru, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Nilai ini sudah diubah (di perangkat lain?); muat ulang.",
                "These scores were changed (on another device?); reload.",
            )
            .into(),
        ));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        if lama.skor.is_some() { "ubah" } else { "nilai" },
        OBJEK_PENILAIAN,
        &format!("{}/{urutan}/{}/{}", x.id, e.id, a.pengguna_id),
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}

/// Nilai tertimbang satu juri (untuk tampilan), dari skor tersimpan.
pub fn nilai_tertimbang(kriteria: &[store::kompetisi::Kriteria], skor: &str) -> Option<Decimal> {
    let peta: BTreeMap<String, String> = serde_json::from_str(skor).ok()?;
    let bobot: Vec<rules::inovasi::KriteriaBobot> = kriteria
        .iter()
        .map(|c| rules::inovasi::KriteriaBobot {
            kode: c.kode.clone(),
            bobot: super::desimal_0_100(&c.bobot).unwrap_or_default(),
        })
        .collect();
    let s: BTreeMap<String, Decimal> = peta
        .into_iter()
        .filter_map(|(k, v)| super::desimal_0_100(&v).map(|d| (k, d)))
        .collect();
    Some(rules::inovasi::nilai_juri(&bobot, &s).round_dp(2))
}
