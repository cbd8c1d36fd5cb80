//! Entri (proposal) kompetisi: operator inovasi instansi peserta menulisnya
//! per bagian, menyimpan draf sebanyak yang ia mau (draf tidak pernah ditolak
//! karena belum lengkap — hanya karena melewati batas panjang), lalu
//! mengajukan; saat itu kelengkapan dan kelayakan diperiksa. Hak per entri:
//! `kebijakan::hak_entri`.

use super::{galat_status, muat as muat_kompetisi, tidak_ada};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, HakEntri, Sumber};
use crate::organisasi::tanggal_sah;
use crate::validasi::{self, JenisTeks};
use crate::{Bahasa, Galat, Hasil, Konteks, Layanan};
use rules::inovasi::{
    AturanKelompok, CalonEntri, Penghargaan as PenghargaanAturan, TingkatPenghargaan,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use store::kompetisi::{Entri, HasilTahap, Kompetisi};

pub const OBJEK_ENTRI: &str = "entri_kompetisi";
/// Jenis objek rujukan bukti entri.
pub const RUJUKAN_ENTRI: &str = "entri_kompetisi";
pub const MAKS_JUDUL: usize = 300;
pub const MAKS_BUKTI: usize = 10;
/// Panjang paling sedikit satu bagian saat diajukan.
pub const MIN_BAGIAN: usize = 100;

/// Satu bagian proposal.
pub struct Bagian {
    pub kode: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    pub maks: usize,
    /// Hanya untuk kelompok beraturan replikasi.
    pub replikasi: bool,
}

impl Bagian {
    pub fn label(&self, b: Bahasa) -> &'static str {
        crate::teks::t(b, self.id, self.en)
    }
}

const fn bagian(kode: &'static str, id: &'static str, en: &'static str, maks: usize) -> Bagian {
    Bagian {
        kode,
        id,
        en,
        maks,
        replikasi: false,
    }
}

/// Bagian proposal KIPP (aspek utama KIPP 2021, docs/aturan-inovasi.md).
pub const BAGIAN_KOMPETISI: &[Bagian] = &[
    bagian(
        "latar_belakang",
        "Latar belakang dan tujuan",
        "Background and goals",
        6_000,
    ),
    bagian(
        "kesesuaian_kategori",
        "Kesesuaian dengan kategori",
        "Fit to category",
        3_000,
    ),
    bagian(
        "kontribusi_sdgs",
        "Kontribusi terhadap SDGs",
        "Contribution to the SDGs",
        3_000,
    ),
    bagian(
        "deskripsi",
        "Deskripsi inovasi",
        "Description of the innovation",
        8_000,
    ),
    bagian("kebaruan", "Kebaruan (inovatif)", "Novelty", 4_000),
    bagian("signifikansi", "Signifikansi", "Significance", 4_000),
    bagian(
        "transferabilitas",
        "Transferabilitas",
        "Transferability",
        4_000,
    ),
    bagian("sumber_daya", "Sumber daya", "Resources", 4_000),
    bagian("keberlanjutan", "Keberlanjutan", "Sustainability", 4_000),
    bagian("hasil", "Hasil dan bukti", "Results and evidence", 8_000),
    Bagian {
        kode: "perubahan",
        id: "Yang diadaptasi dan diubah dari inovasi asal",
        en: "What was adapted and changed from the original",
        maks: 4_000,
        replikasi: true,
    },
];

/// Bagian laporan pemantauan keberlanjutan/replikasi (PKRI).
pub const BAGIAN_PEMANTAUAN: &[Bagian] = &[
    bagian(
        "keberlanjutan",
        "Keberlanjutan sejak penghargaan",
        "Sustainability since the award",
        6_000,
    ),
    bagian(
        "dampak",
        "Dampak dan hasil terkini",
        "Current impact and results",
        6_000,
    ),
    bagian(
        "replikasi",
        "Penyebaran dan replikasi",
        "Spread and replication",
        6_000,
    ),
    bagian("hasil", "Bukti", "Evidence", 6_000),
    Bagian {
        kode: "perubahan",
        id: "Yang diadaptasi dan diubah dari inovasi asal",
        en: "What was adapted and changed from the original",
        maks: 4_000,
        replikasi: true,
    },
];

pub fn bagian_untuk(jenis_kompetisi: &str) -> &'static [Bagian] {
    if jenis_kompetisi == "pemantauan" {
        BAGIAN_PEMANTAUAN
    } else {
        BAGIAN_KOMPETISI
    }
}

/// Isi tersimpan: bagian-bagian dan bukti unggahan.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct IsiEntri {
    #[serde(default)]
    pub bagian: BTreeMap<String, String>,
    #[serde(default)]
    pub bukti: Vec<String>,
}

impl IsiEntri {
    pub fn dari(e: &Entri) -> IsiEntri {
        serde_json::from_str(&e.isi).unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanEntri {
    /// Versi yang dilihat (atau header If-Match) saat mengubah.
    #[serde(default)]
    pub versi: Option<i64>,
    pub kelompok: String,
    pub judul: String,
    #[serde(default)]
    pub tanggal_implementasi: Option<String>,
    /// Isi per bagian: kode bagian → teks.
    #[serde(default)]
    pub bagian: BTreeMap<String, String>,
    #[serde(default)]
    pub video_url: Option<String>,
    /// Pernyataan bahwa instansi lain boleh mereplikasi inovasi ini.
    #[serde(default)]
    pub boleh_direplikasi: bool,
    /// Kelompok replikasi: inovasi pemenang terdahulu (id repositori) yang diadaptasi.
    #[serde(default)]
    pub asal_inovasi_id: Option<String>,
    /// Inovasi ini di repositori, bila sudah ada (wajib untuk pemantauan).
    #[serde(default)]
    pub inovasi_id: Option<String>,
    /// Bukti unggahan instansi Anda (paling banyak 10).
    #[serde(default)]
    pub bukti: Vec<String>,
}

fn kosong(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

/// Judul dinormalkan: huruf kecil, spasi tunggal (satu judul, satu proposal).
pub fn judul_kunci(j: &str) -> String {
    j.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Pendaftaran (tahap 1) sedang buka: entri boleh dibuat, diubah, diajukan, ditarik.
async fn wajib_pendaftaran_buka(l: &Layanan, k: &Konteks, x: &Kompetisi) -> Hasil<()> {
    let t = store::kompetisi::tahap(l.pool(), &x.id).await?;
    if t.first().is_some_and(|t| t.status == "buka") {
        Ok(())
    } else {
        Err(galat_status(
            k,
            "pendaftaran_tutup",
            "Pendaftaran kompetisi ini tidak sedang dibuka.",
            "Registration for this competition is not open.",
        ))
    }
}

/// Memeriksa isian (batas panjang dan bentuk, bukan kelengkapan) — dipakai
/// untuk draf dan pengajuan.
async fn periksa_isian(
    l: &Layanan,
    k: &Konteks,
    x: &Kompetisi,
    iid: &str,
    m: &MasukanEntri,
    f: &mut GalatKolom,
) -> Hasil<()> {
    let b = k.bahasa;
    let kelompok = store::kompetisi::kelompok(l.pool(), &x.id).await?;
    let g = kelompok.iter().find(|g| g.kode == m.kelompok);
    if g.is_none() {
        f.tambah(
            "kelompok",
            k.t(
                "Kelompok tidak ada di kompetisi ini.",
                "No such group in this competition.",
            ),
        );
    }
    if m.judul.trim().is_empty() {
        f.tambah("judul", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(f, b, "judul", &m.judul, MAKS_JUDUL, JenisTeks::Nama);
    if let Some(t) = kosong(&m.tanggal_implementasi)
        && !tanggal_sah(&t)
    {
        f.tambah(
            "tanggal_implementasi",
            k.t("Tanggal YYYY-MM-DD.", "A date YYYY-MM-DD."),
        );
    }
    let daftar = bagian_untuk(&x.jenis);
    for (kode, teks) in &m.bagian {
        match daftar.iter().find(|d| d.kode == kode) {
            None => f.tambah(
                &format!("bagian.{}", kode.chars().take(40).collect::<String>()),
                k.t("Bagian tidak dikenal.", "Unknown section."),
            ),
            Some(d) => validasi::periksa(
                f,
                b,
                &format!("bagian.{kode}"),
                teks,
                d.maks,
                JenisTeks::Bebas,
            ),
        }
    }
    if let Some(v) = kosong(&m.video_url)
        && (!(v.starts_with("https://") || v.starts_with("http://")) || v.chars().count() > 500)
    {
        f.tambah(
            "video_url",
            k.t(
                "Tautan video http(s):// sampai 500 karakter.",
                "A video link http(s):// up to 500 characters.",
            ),
        );
    }
    if m.bukti.len() > MAKS_BUKTI {
        f.tambah(
            "bukti",
            k.t(
                "Paling banyak 10 berkas bukti.",
                "At most 10 evidence files.",
            ),
        );
    } else {
        for (i, bid) in m.bukti.iter().enumerate() {
            if bid.len() > validasi::MAKS_ID || crate::bukti::lihat(l, k, iid, bid).await.is_err() {
                f.tambah(
                    &format!("bukti[{i}]"),
                    k.t(
                        "Bukti tidak ditemukan di unggahan instansi Anda.",
                        "Evidence not found among your agency's uploads.",
                    ),
                );
            }
        }
    }
    for (kol, v) in [
        ("asal_inovasi_id", &m.asal_inovasi_id),
        ("inovasi_id", &m.inovasi_id),
    ] {
        if let Some(id) = kosong(v)
            && (id.len() > validasi::MAKS_ID
                || store::inovasi::inovasi(l.pool(), &id).await?.is_none())
        {
            f.tambah(
                kol,
                k.t(
                    "Inovasi tidak ada di repositori.",
                    "No such innovation in the repository.",
                ),
            );
        }
    }
    Ok(())
}

fn isi_dari(m: &MasukanEntri) -> String {
    let isi = IsiEntri {
        bagian: m
            .bagian
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        bukti: m.bukti.clone(),
    };
    serde_json::to_string(&isi).unwrap_or_else(|_| "{}".into())
}

/// Membuat draf entri untuk instansi aktor.
pub async fn buat(l: &Layanan, k: &Konteks, kid: &str, m: MasukanEntri) -> Hasil<Entri> {
    let a = k.aktor()?.clone();
    let iid = a.instansi_id.clone();
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Kompetisi(&iid))?;
    let instansi = store::organisasi::instansi(l.pool(), &iid)
        .await?
        .ok_or_else(|| {
            Galat::Dilarang(
                k.t(
                    "Entri dibuat oleh akun instansi peserta.",
                    "An entry is made by a participating agency's account.",
                )
                .into(),
            )
        })?;
    let x = muat_kompetisi(l, k, kid).await?;
    wajib_pendaftaran_buka(l, k, &x).await?;
    let mut f = GalatKolom::default();
    periksa_isian(l, k, &x, &iid, &m, &mut f).await?;
    f.jadi_galat(k.t(
        "Entri belum dapat disimpan.",
        "The entry cannot be saved yet.",
    ))?;
    let w = store::sekarang();
    let e = Entri {
        id: store::id_baru(),
        kompetisi_id: x.id.clone(),
        kelompok: m.kelompok.clone(),
        instansi_id: iid.clone(),
        kode_wilayah: instansi.kode_wilayah.clone(),
        judul: m.judul.trim().to_string(),
        judul_kunci: judul_kunci(&m.judul),
        inovasi_id: kosong(&m.inovasi_id),
        asal_inovasi_id: kosong(&m.asal_inovasi_id),
        tanggal_implementasi: kosong(&m.tanggal_implementasi),
        isi: isi_dari(&m),
        video_url: kosong(&m.video_url),
        boleh_direplikasi: i64::from(m.boleh_direplikasi),
        status: "draf".into(),
        tahap: 1,
        diajukan_pada: None,
        pembuat_id: a.pengguna_id.clone(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    if let Err(err) = store::kompetisi::sisipkan_entri(&mut tx, &e).await {
        if err.pelanggaran_unik() {
            let mut f = GalatKolom::default();
            f.tambah(
                "judul",
                k.t(
                    "Instansi Anda sudah punya entri dengan judul ini di kompetisi ini.",
                    "Your agency already has an entry with this title in this competition.",
                ),
            );
            f.jadi_galat(k.t("Judul ganda.", "Duplicate title."))?;
        }
        return Err(err.into());
    }
    for bid in &m.bukti {
        crate::bukti::rujuk(&mut tx, &iid, bid, RUJUKAN_ENTRI, &e.id).await?;
    }
    crate::audit::catat(&mut tx, k, &iid, "buat", OBJEK_ENTRI, &e.id, None, Some(&e)).await?;
    tx.commit().await?;
    Ok(e)
}

/// Entri dan hak aktor atasnya; 404 bila tidak berhak membaca (tidak
/// membocorkan keberadaan entri instansi lain).
pub async fn muat(l: &Layanan, k: &Konteks, eid: &str) -> Hasil<(Kompetisi, Entri, HakEntri)> {
    k.aktor()?;
    let tidak = || Galat::TidakDitemukan(k.t("Entri tidak ditemukan.", "Entry not found.").into());
    if eid.len() > validasi::MAKS_ID {
        return Err(tidak());
    }
    let e = store::kompetisi::entri(l.pool(), eid)
        .await?
        .ok_or_else(tidak)?;
    let x = store::kompetisi::kompetisi(l.pool(), &e.kompetisi_id)
        .await?
        .ok_or_else(|| tidak_ada(k))?;
    let h = kebijakan::hak_entri(l, k, &x, &e).await?;
    if !h.baca {
        return Err(tidak());
    }
    Ok((x, e, h))
}

/// Mengubah draf (versi yang dilihat wajib).
pub async fn ubah(
    l: &Layanan,
    k: &Konteks,
    eid: &str,
    versi: i64,
    m: MasukanEntri,
) -> Hasil<Entri> {
    let (x, lama, h) = muat(l, k, eid).await?;
    if !h.ubah {
        return Err(k.dilarang());
    }
    if lama.status != "draf" {
        return Err(galat_status(
            k,
            "entri_bukan_draf",
            "Entri sudah diajukan; tarik dulu untuk mengubahnya.",
            "The entry has been submitted; withdraw it first to edit.",
        ));
    }
    wajib_pendaftaran_buka(l, k, &x).await?;
    let mut f = GalatKolom::default();
    periksa_isian(l, k, &x, &lama.instansi_id, &m, &mut f).await?;
    f.jadi_galat(k.t(
        "Entri belum dapat disimpan.",
        "The entry cannot be saved yet.",
    ))?;
    let mut e = lama.clone();
    e.kelompok = m.kelompok.clone();
    e.judul = m.judul.trim().to_string();
    e.judul_kunci = judul_kunci(&m.judul);
    e.inovasi_id = kosong(&m.inovasi_id);
    e.asal_inovasi_id = kosong(&m.asal_inovasi_id);
    e.tanggal_implementasi = kosong(&m.tanggal_implementasi);
    e.isi = isi_dari(&m);
    e.video_url = kosong(&m.video_url);
    e.boleh_direplikasi = i64::from(m.boleh_direplikasi);
    e.versi = lama.versi + 1;
    e.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    match store::kompetisi::ubah_entri(&mut tx, &e, versi).await {
        Ok(true) => {}
        Ok(false) => {
            return Err(Galat::Konflik(
                k.t(
                    "Entri sudah diubah orang lain; muat ulang (teks Anda tetap di formulir).",
                    "The entry was changed by someone else; reload (your text stays in the form).",
                )
                .into(),
            ));
        }
        Err(err) if err.pelanggaran_unik() => {
            let mut f = GalatKolom::default();
            f.tambah(
                "judul",
                k.t(
                    "Instansi Anda sudah punya entri dengan judul ini di kompetisi ini.",
                    "Your agency already has an entry with this title in this competition.",
                ),
            );
            f.jadi_galat(k.t("Judul ganda.", "Duplicate title."))?;
        }
        Err(err) => return Err(err.into()),
    }
    let lama_bukti = IsiEntri::dari(&lama).bukti;
    for bid in lama_bukti.iter().filter(|b| !m.bukti.contains(b)) {
        crate::bukti::lepas(&mut tx, &e.instansi_id, bid, RUJUKAN_ENTRI, &e.id).await?;
    }
    for bid in m.bukti.iter().filter(|b| !lama_bukti.contains(b)) {
        crate::bukti::rujuk(&mut tx, &e.instansi_id, bid, RUJUKAN_ENTRI, &e.id).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &e.instansi_id,
        "ubah",
        OBJEK_ENTRI,
        &e.id,
        Some(&lama),
        Some(&e),
    )
    .await?;
    tx.commit().await?;
    Ok(e)
}

/// Penghargaan inovasi di repositori sebelum tahun kompetisi (aturan kelayakan).
async fn penghargaan_sebelum(
    l: &Layanan,
    inovasi_id: Option<&str>,
    tahun: i64,
) -> Hasil<Vec<PenghargaanAturan>> {
    let Some(id) = inovasi_id else {
        return Ok(Vec::new());
    };
    Ok(store::inovasi::penghargaan(l.pool(), id)
        .await?
        .into_iter()
        .filter(|p| p.tahun < tahun)
        .filter_map(|p| {
            let tingkat = match p.tingkat.as_str() {
                "top" => TingkatPenghargaan::Top,
                "top99" => TingkatPenghargaan::Top99,
                _ => return None,
            };
            Some(PenghargaanAturan {
                tahun: p.tahun as i32,
                tingkat,
            })
        })
        .collect())
}

/// Mengajukan draf: kelengkapan setiap bagian, tanggal implementasi,
/// video, pernyataan replikasi, bukti, judul yang belum dipakai entri lain,
/// dan aturan kelayakan kelompoknya (422 dengan alasan per kolom).
pub async fn ajukan(l: &Layanan, k: &Konteks, eid: &str, versi: i64) -> Hasil<Entri> {
    let (x, lama, h) = muat(l, k, eid).await?;
    if !h.ubah {
        return Err(k.dilarang());
    }
    if lama.status != "draf" {
        return Err(galat_status(
            k,
            "entri_bukan_draf",
            "Entri sudah diajukan.",
            "The entry has already been submitted.",
        ));
    }
    wajib_pendaftaran_buka(l, k, &x).await?;
    let b = k.bahasa;
    let isi = IsiEntri::dari(&lama);
    let kelompok = store::kompetisi::kelompok(l.pool(), &x.id).await?;
    let aturan = kelompok
        .iter()
        .find(|g| g.kode == lama.kelompok)
        .and_then(|g| AturanKelompok::dari_kode(&g.aturan))
        .unwrap_or(AturanKelompok::Bebas);
    let mut f = GalatKolom::default();
    for d in bagian_untuk(&x.jenis) {
        if d.replikasi && aturan != AturanKelompok::Replikasi {
            continue;
        }
        let n = isi
            .bagian
            .get(d.kode)
            .map(|t| t.trim().chars().count())
            .unwrap_or(0);
        let min = if d.replikasi { 30 } else { MIN_BAGIAN };
        if n < min {
            f.tambah(
                &format!("bagian.{}", d.kode),
                match b {
                    Bahasa::Id => format!(
                        "Lengkapi bagian ini (paling sedikit {min} karakter; sekarang {n})."
                    ),
                    Bahasa::En => {
                        format!("Complete this section (at least {min} characters; now {n}).")
                    }
                },
            );
        }
    }
    if lama.tanggal_implementasi.is_none() {
        f.tambah(
            "tanggal_implementasi",
            k.t("Wajib diisi saat mengajukan.", "Required to submit."),
        );
    }
    if lama.video_url.is_none() {
        f.tambah(
            "video_url",
            k.t(
                "Sertakan tautan video inovasi.",
                "Include a link to the innovation's video.",
            ),
        );
    }
    if lama.boleh_direplikasi != 1 {
        f.tambah(
            "boleh_direplikasi",
            k.t(
                "Nyatakan bahwa instansi lain boleh mereplikasi inovasi ini.",
                "State that other agencies may replicate this innovation.",
            ),
        );
    }
    if isi.bukti.is_empty() {
        f.tambah(
            "bukti",
            k.t(
                "Unggah paling sedikit satu bukti hasil.",
                "Upload at least one evidence file of the results.",
            ),
        );
    }
    if x.jenis == "pemantauan" && lama.inovasi_id.is_none() {
        f.tambah(
            "inovasi_id",
            k.t(
                "Pemantauan: pilih inovasi pemenang terdahulu di repositori.",
                "Monitoring: choose the earlier winning innovation in the repository.",
            ),
        );
    }
    if store::kompetisi::entri_judul_sama(l.pool(), &x.id, &lama.judul_kunci, &lama.id).await? > 0 {
        f.tambah("judul", k.t("Judul ini sudah diajukan dalam kompetisi ini (satu judul, satu proposal).", "This title has already been submitted in this competition (one title, one proposal)."));
    }
    // Kelayakan kelompok (rules::inovasi::kelayakan).
    let f_tanggal = time::macros::format_description!("[year]-[month]-[day]");
    let acuan = time::Date::parse(&x.tanggal_acuan, &f_tanggal)
        .map_err(|e| Galat::Internal(format!("tanggal acuan: {e}")))?;
    let calon = CalonEntri {
        tanggal_implementasi: lama
            .tanggal_implementasi
            .as_deref()
            .and_then(|t| time::Date::parse(t, &f_tanggal).ok()),
        penghargaan: penghargaan_sebelum(l, lama.inovasi_id.as_deref(), x.tahun).await?,
        asal_penghargaan: penghargaan_sebelum(l, lama.asal_inovasi_id.as_deref(), x.tahun).await?,
        ada_asal: lama.asal_inovasi_id.is_some(),
        perubahan: isi.bagian.get("perubahan").cloned().unwrap_or_default(),
    };
    for alasan in rules::inovasi::kelayakan(aturan, &calon, acuan) {
        use rules::inovasi::AlasanTidakLayak as A;
        let kolom = match alasan {
            A::BelumSetahun | A::TanpaTanggalImplementasi => "tanggal_implementasi",
            A::TanpaAsal | A::AsalBukanPemenang => "asal_inovasi_id",
            A::TanpaPerubahan => "bagian.perubahan",
            _ => "kelompok",
        };
        f.tambah(kolom, alasan.pesan(b));
    }
    if !f.kosong() {
        return Err(Galat::InputTidakValid {
            kode: "entri_belum_lengkap".into(),
            pesan: k.t("Entri belum dapat diajukan; lengkapi yang ditandai (draf Anda tetap tersimpan).", "The entry cannot be submitted yet; complete what is marked (your draft is kept).").into(),
            fields: f.0,
        });
    }
    let mut e = lama.clone();
    e.status = "diajukan".into();
    e.diajukan_pada = Some(store::sekarang());
    e.versi += 1;
    e.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::ubah_entri(&mut tx, &e, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Entri sudah diubah orang lain; muat ulang.",
                "The entry was changed by someone else; reload.",
            )
            .into(),
        ));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &e.instansi_id,
        "ajukan",
        OBJEK_ENTRI,
        &e.id,
        Some(&lama),
        Some(&e),
    )
    .await?;
    tx.commit().await?;
    Ok(e)
}

/// Menarik entri yang sudah diajukan selama pendaftaran masih buka (kembali draf).
pub async fn tarik(l: &Layanan, k: &Konteks, eid: &str, versi: i64) -> Hasil<Entri> {
    let (x, lama, h) = muat(l, k, eid).await?;
    if !h.ubah {
        return Err(k.dilarang());
    }
    if lama.status != "diajukan" {
        return Err(galat_status(
            k,
            "entri_belum_diajukan",
            "Entri belum diajukan.",
            "The entry has not been submitted.",
        ));
    }
    wajib_pendaftaran_buka(l, k, &x).await?;
    let mut e = lama.clone();
    e.status = "draf".into();
    e.diajukan_pada = None;
    e.versi += 1;
    e.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::ubah_entri(&mut tx, &e, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Entri sudah diubah orang lain; muat ulang.",
                "The entry was changed by someone else; reload.",
            )
            .into(),
        ));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &e.instansi_id,
        "tarik",
        OBJEK_ENTRI,
        &e.id,
        Some(&lama),
        Some(&e),
    )
    .await?;
    tx.commit().await?;
    Ok(e)
}

/// Hasil satu tahap seperti yang dilihat peserta (alasan seleksi ikut; nilai
/// hanya setelah diumumkan).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct HasilUntukPeserta {
    pub tahap: i64,
    pub nama_tahap: String,
    pub keputusan: String,
    pub alasan: Option<String>,
    pub nilai: Option<String>,
    pub urutan: Option<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct DetailEntri {
    #[serde(flatten)]
    pub entri: Entri,
    pub isi_entri: IsiEntri,
    pub kompetisi: String,
    pub jenis_kompetisi: String,
    pub instansi: String,
    pub hak: HakEntri,
    /// Hasil per tahap (peserta dan penyelenggara).
    pub hasil: Vec<HasilUntukPeserta>,
}

/// Entri lengkap bagi yang berhak membacanya.
pub async fn lihat(l: &Layanan, k: &Konteks, eid: &str) -> Hasil<DetailEntri> {
    let (x, e, h) = muat(l, k, eid).await?;
    let tahap = store::kompetisi::tahap(l.pool(), &x.id).await?;
    let hasil: Vec<HasilTahap> = if h.ubah || h.kelola {
        store::kompetisi::hasil_entri(l.pool(), &e.id).await?
    } else {
        Vec::new()
    };
    let hasil = hasil
        .into_iter()
        .filter_map(|r| {
            let t = tahap.iter().find(|t| t.urutan == r.tahap)?;
            // Peserta melihat keputusan begitu tahap ditutup, nilainya setelah diumumkan.
            let umum = t.diumumkan_pada.is_some() || h.kelola;
            if t.status != "ditutup" {
                return None;
            }
            Some(HasilUntukPeserta {
                tahap: r.tahap,
                nama_tahap: t.nama.clone(),
                keputusan: r.keputusan,
                alasan: r.alasan,
                nilai: if umum { r.nilai } else { None },
                urutan: if umum { r.urutan } else { None },
            })
        })
        .collect();
    let instansi = store::organisasi::instansi(l.pool(), &e.instansi_id)
        .await?
        .map(|i| i.nama)
        .unwrap_or_default();
    Ok(DetailEntri {
        isi_entri: IsiEntri::dari(&e),
        kompetisi: x.nama,
        jenis_kompetisi: x.jenis,
        instansi,
        hak: h,
        hasil,
        entri: e,
    })
}

/// Entri instansi aktor (peserta), semua kompetisi atau satu.
pub async fn milik_saya(l: &Layanan, k: &Konteks, kid: Option<&str>) -> Hasil<Vec<Entri>> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, Aksi::Baca, Sumber::Kompetisi(&iid))?;
    Ok(store::kompetisi::entri_instansi(l.pool(), &iid, kid).await?)
}

/// Isi bukti entri bagi yang berhak membaca entrinya (juri, penyelenggara,
/// peserta), meski buktinya milik instansi lain.
pub async fn bukti(
    l: &Layanan,
    k: &Konteks,
    eid: &str,
    bukti_id: &str,
    varian: crate::bukti::Varian,
) -> Hasil<crate::bukti::Sajian> {
    let (_, e, _) = muat(l, k, eid).await?;
    if !IsiEntri::dari(&e).bukti.iter().any(|b| b == bukti_id) {
        return Err(Galat::TidakDitemukan(
            k.t(
                "Bukti tidak ada di entri ini.",
                "No such evidence in this entry.",
            )
            .into(),
        ));
    }
    crate::bukti::sajikan_untuk_rujukan(l, k, &e.instansi_id, bukti_id, varian).await
}
