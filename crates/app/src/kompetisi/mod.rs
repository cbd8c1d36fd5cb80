//! Kompetisi inovasi pelayanan publik (KIPP) dan putaran pemantauan
//! keberlanjutan/replikasi (PKRI), isu 12. Satu mesin untuk keduanya:
//! kelompok dengan aturan kelayakan, tahap berurutan (pendaftaran, seleksi,
//! penilaian dengan rubrik dan potongan Top N, penetapan), juri dengan
//! penugasan seimbang tanpa konflik, nilai tersembunyi sampai tahap ditutup,
//! pengumuman dan penghargaan yang tercatat di repositori.
//!
//! Modul: `mod` (kompetisi, kelompok, tahap, rubrik), `entri` (proposal
//! peserta), `juri` (juri, konflik, penugasan, nilai), `hasil` (menutup
//! tahap, keputusan, pengumuman, daftar hasil). docs/adr/0018,
//! docs/aturan-inovasi.md.

pub mod entri;
pub mod hasil;
pub mod juri;

use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::organisasi::tanggal_sah;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use store::kompetisi::{Kelompok, Kompetisi, Kriteria, Tahap};

pub const OBJEK_KOMPETISI: &str = "kompetisi";
pub const OBJEK_TAHAP: &str = "tahap_kompetisi";

pub const JENIS_TAHAP: &[&str] = &["pendaftaran", "seleksi", "penilaian", "penetapan"];
pub const ATURAN_KELOMPOK: &[&str] = &["umum", "replikasi", "khusus", "bebas"];
/// Batas ukuran konfigurasi (kompetisi kecil dan tetap).
const MAKS_KELOMPOK: usize = 10;
const MAKS_TAHAP: usize = 12;
const MAKS_KRITERIA: usize = 20;

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = MasukanKriteriaTahap)]
pub struct MasukanKriteria {
    pub kode: String,
    pub nama: String,
    /// Bobot (desimal sebagai teks); jumlah per tahap 100.
    pub bobot: String,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = MasukanKelompokKompetisi)]
pub struct MasukanKelompok {
    pub kode: String,
    pub nama: String,
    /// `umum`, `replikasi`, `khusus` atau `bebas`.
    pub aturan: String,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = MasukanTahapKompetisi)]
pub struct MasukanTahap {
    /// Versi yang dilihat (atau header If-Match) saat mengubah.
    #[serde(default)]
    pub versi: Option<i64>,
    /// `pendaftaran`, `seleksi`, `penilaian`, `penetapan`.
    pub jenis: String,
    pub nama: String,
    pub mulai: String,
    pub selesai: String,
    #[serde(default)]
    pub n_lolos: Option<i64>,
    #[serde(default)]
    pub nilai_minimum: Option<String>,
    #[serde(default)]
    pub min_juri: Option<i64>,
    /// Label penghargaan bagi yang lolos tahap ini, mis. "Top 99".
    #[serde(default)]
    pub penghargaan: Option<String>,
    /// `top99` atau `top`.
    #[serde(default)]
    pub tingkat_penghargaan: Option<String>,
    #[serde(default)]
    pub kriteria: Vec<MasukanKriteria>,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanKompetisi {
    pub nama: String,
    pub tahun: i64,
    /// `kompetisi` (bawaan: KIPP, kelompok Umum dan Replikasi) atau
    /// `pemantauan` (PKRI: Keberlanjutan dan Replikasi).
    #[serde(default)]
    pub jenis: Option<String>,
    /// Acuan kelayakan "diterapkan ≥ 1 tahun" (YYYY-MM-DD), biasanya akhir pendaftaran.
    pub tanggal_acuan: String,
    #[serde(default)]
    pub deskripsi: String,
    /// Kosong: bawaan menurut jenis.
    #[serde(default)]
    pub kelompok: Vec<MasukanKelompok>,
    /// Kosong: bawaan menurut jenis (tanggal dihitung dari tanggal acuan).
    #[serde(default)]
    pub tahap: Vec<MasukanTahap>,
}

/// Kompetisi lengkap dengan kelompok, tahap, dan rubrik per tahap.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct DetailKompetisi {
    #[serde(flatten)]
    pub kompetisi: Kompetisi,
    pub penyelenggara: String,
    pub kelompok: Vec<Kelompok>,
    pub tahap: Vec<TahapLengkap>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct TahapLengkap {
    #[serde(flatten)]
    pub tahap: Tahap,
    pub kriteria: Vec<Kriteria>,
}

fn tanggal_tambah(t: &str, hari: i64) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(t, &f)
        .map(|d| {
            (d + time::Duration::days(hari))
                .format(&f)
                .unwrap_or_default()
        })
        .unwrap_or_else(|_| t.to_string())
}

fn kr(kode: &str, nama: &str, bobot: &str) -> MasukanKriteria {
    MasukanKriteria {
        kode: kode.into(),
        nama: nama.into(),
        bobot: bobot.into(),
    }
}

/// Rubrik penilaian proposal bawaan. Bobot nasional per aspek tidak
/// diterbitkan [R]; ini rancangan kami dari kriteria PermenPANRB 91/2021
/// (kebaruan, efektif/bermanfaat, mudah direplikasi, berkelanjutan) dan aspek
/// proposal KIPP 2021 — dapat diubah penyelenggara.
pub fn rubrik_proposal() -> Vec<MasukanKriteria> {
    vec![
        kr("kebaruan", "Kebaruan (inovatif)", "20"),
        kr("signifikansi", "Signifikansi dan dampak", "25"),
        kr(
            "transferabilitas",
            "Transferabilitas (mudah direplikasi)",
            "20",
        ),
        kr("keberlanjutan", "Keberlanjutan dan sumber daya", "20"),
        kr("kesesuaian", "Kesesuaian kategori, tujuan dan SDGs", "15"),
    ]
}

/// Presentasi dan wawancara: substansi 70 %, penyajian 30 % (contoh KIPP
/// Sulawesi Selatan 2022 [S]).
pub fn rubrik_presentasi() -> Vec<MasukanKriteria> {
    vec![
        kr("substansi", "Substansi inovasi", "70"),
        kr("presentasi", "Presentasi dan wawancara", "30"),
    ]
}

/// Pemantauan keberlanjutan/replikasi (PKRI) [R].
pub fn rubrik_pemantauan() -> Vec<MasukanKriteria> {
    vec![
        kr("keberlanjutan", "Keberlanjutan sejak penghargaan", "40"),
        kr("dampak", "Dampak dan hasil terkini", "30"),
        kr("replikasi", "Penyebaran dan replikasi", "30"),
    ]
}

fn tahap_bawaan(jenis: &str, acuan: &str, dibuat: &str) -> Vec<MasukanTahap> {
    let t = |jenis: &str, nama: &str, mulai: String, selesai: String| MasukanTahap {
        jenis: jenis.into(),
        nama: nama.into(),
        mulai,
        selesai,
        ..Default::default()
    };
    let a = |h: i64| tanggal_tambah(acuan, h);
    let mut v = vec![t(
        "pendaftaran",
        "Pendaftaran",
        dibuat.to_string(),
        acuan.to_string(),
    )];
    v.push(t("seleksi", "Seleksi administrasi", a(1), a(21)));
    if jenis == "pemantauan" {
        let mut p = t("penilaian", "Penilaian pemantauan", a(22), a(60));
        p.min_juri = Some(3);
        p.kriteria = rubrik_pemantauan();
        v.push(p);
        let mut f = t("penetapan", "Penetapan", a(61), a(75));
        f.penghargaan = Some("Inovasi Berkelanjutan".into());
        f.tingkat_penghargaan = Some("top".into());
        v.push(f);
        return v;
    }
    let mut p = t("penilaian", "Penilaian proposal", a(22), a(60));
    p.n_lolos = Some(99);
    p.nilai_minimum = Some("85".into());
    p.min_juri = Some(3);
    p.penghargaan = Some("Top 99".into());
    p.tingkat_penghargaan = Some("top99".into());
    p.kriteria = rubrik_proposal();
    v.push(p);
    let mut w = t("penilaian", "Presentasi dan wawancara", a(61), a(90));
    w.n_lolos = Some(45);
    w.min_juri = Some(3);
    w.kriteria = rubrik_presentasi();
    v.push(w);
    v.push(t("seleksi", "Verifikasi lapangan", a(91), a(120)));
    let mut f = t("penetapan", "Penetapan", a(121), a(135));
    f.penghargaan = Some("Top 45".into());
    f.tingkat_penghargaan = Some("top".into());
    v.push(f);
    v
}

fn kelompok_bawaan(jenis: &str) -> Vec<MasukanKelompok> {
    let g = |kode: &str, nama: &str, aturan: &str| MasukanKelompok {
        kode: kode.into(),
        nama: nama.into(),
        aturan: aturan.into(),
    };
    if jenis == "pemantauan" {
        vec![
            g("keberlanjutan", "Keberlanjutan", "khusus"),
            g("replikasi", "Replikasi", "replikasi"),
        ]
    } else {
        vec![
            g("umum", "Umum", "umum"),
            g("replikasi", "Replikasi", "replikasi"),
        ]
    }
}

/// Desimal 0–100 dengan paling banyak 2 angka di belakang koma.
pub fn desimal_0_100(s: &str) -> Option<Decimal> {
    let d = Decimal::from_str(s.trim().replace(',', ".").as_str()).ok()?;
    (d >= Decimal::ZERO && d <= Decimal::from(100) && d.scale() <= 2).then_some(d.normalize())
}

fn periksa_tahap(k: &Konteks, f: &mut GalatKolom, i: usize, t: &MasukanTahap) {
    let p = |x: &str| format!("tahap[{i}].{x}");
    if !JENIS_TAHAP.contains(&t.jenis.as_str()) {
        f.tambah(
            &p("jenis"),
            k.t(
                "Pilih pendaftaran, seleksi, penilaian atau penetapan.",
                "Choose pendaftaran, seleksi, penilaian or penetapan.",
            ),
        );
    }
    if t.nama.trim().is_empty() {
        f.tambah(&p("nama"), k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        f,
        k.bahasa,
        &p("nama"),
        &t.nama,
        validasi::MAKS_NAMA,
        JenisTeks::Nama,
    );
    for (x, v) in [("mulai", &t.mulai), ("selesai", &t.selesai)] {
        if !tanggal_sah(v) {
            f.tambah(&p(x), k.t("Tanggal YYYY-MM-DD.", "A date YYYY-MM-DD."));
        }
    }
    if tanggal_sah(&t.mulai) && tanggal_sah(&t.selesai) && t.selesai < t.mulai {
        f.tambah(
            &p("selesai"),
            k.t(
                "Tidak boleh sebelum tanggal mulai.",
                "Cannot be before the start date.",
            ),
        );
    }
    if let Some(n) = t.n_lolos
        && !(1..=10_000).contains(&n)
    {
        f.tambah(
            &p("n_lolos"),
            k.t("Antara 1 dan 10.000.", "Between 1 and 10,000."),
        );
    }
    if let Some(m) = &t.nilai_minimum
        && desimal_0_100(m).is_none()
    {
        f.tambah(
            &p("nilai_minimum"),
            k.t(
                "Angka 0–100, paling banyak 2 desimal.",
                "A number 0–100, at most 2 decimals.",
            ),
        );
    }
    if let Some(j) = t.min_juri
        && !(0..=20).contains(&j)
    {
        f.tambah(&p("min_juri"), k.t("Antara 0 dan 20.", "Between 0 and 20."));
    }
    if let Some(x) = &t.tingkat_penghargaan
        && !["top", "top99"].contains(&x.as_str())
    {
        f.tambah(
            &p("tingkat_penghargaan"),
            k.t("Pilih top atau top99.", "Choose top or top99."),
        );
    }
    if t.tingkat_penghargaan.is_some()
        != t.penghargaan
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
    {
        f.tambah(
            &p("penghargaan"),
            k.t(
                "Isi label dan tingkat penghargaan bersama-sama.",
                "Give both the award label and its level.",
            ),
        );
    }
    if let Some(x) = &t.penghargaan {
        validasi::periksa(
            f,
            k.bahasa,
            &p("penghargaan"),
            x,
            validasi::MAKS_NAMA,
            JenisTeks::Nama,
        );
    }
    if t.jenis == "penilaian" {
        if t.kriteria.is_empty() || t.kriteria.len() > MAKS_KRITERIA {
            f.tambah(
                &p("kriteria"),
                k.t(
                    "Tahap penilaian memerlukan 1–20 kriteria.",
                    "A scoring stage needs 1–20 criteria.",
                ),
            );
        }
        let mut jumlah = Decimal::ZERO;
        let mut kode = std::collections::HashSet::new();
        for (j, c) in t.kriteria.iter().enumerate() {
            let q = |x: &str| format!("tahap[{i}].kriteria[{j}].{x}");
            if c.kode.is_empty()
                || c.kode.len() > 40
                || !c
                    .kode
                    .chars()
                    .all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
            {
                f.tambah(
                    &q("kode"),
                    k.t(
                        "Huruf kecil, angka, garis bawah (≤ 40).",
                        "Lowercase letters, digits, underscore (≤ 40).",
                    ),
                );
            } else if !kode.insert(c.kode.clone()) {
                f.tambah(
                    &q("kode"),
                    k.t("Kode kriteria ganda.", "Duplicate criterion code."),
                );
            }
            if c.nama.trim().is_empty() {
                f.tambah(&q("nama"), k.t("Wajib diisi.", "Required."));
            }
            validasi::periksa(
                f,
                k.bahasa,
                &q("nama"),
                &c.nama,
                validasi::MAKS_NAMA,
                JenisTeks::Nama,
            );
            match desimal_0_100(&c.bobot) {
                Some(b) if b > Decimal::ZERO => jumlah += b,
                _ => f.tambah(
                    &q("bobot"),
                    k.t("Bobot 0–100 (lebih dari 0).", "Weight 0–100 (above 0)."),
                ),
            }
        }
        if !t.kriteria.is_empty() && jumlah != Decimal::from(100) {
            f.tambah(
                &p("kriteria"),
                match k.bahasa {
                    crate::Bahasa::Id => format!("Jumlah bobot harus 100, sekarang {jumlah}."),
                    crate::Bahasa::En => format!("Weights must sum to 100, now {jumlah}."),
                },
            );
        }
    } else if !t.kriteria.is_empty() {
        f.tambah(
            &p("kriteria"),
            k.t(
                "Hanya tahap penilaian yang memakai rubrik.",
                "Only a scoring stage uses a rubric.",
            ),
        );
    }
}

fn jadi_tahap(kid: &str, urutan: i64, t: &MasukanTahap, status: &str) -> (Tahap, Vec<Kriteria>) {
    let tahap = Tahap {
        kompetisi_id: kid.to_string(),
        urutan,
        jenis: t.jenis.clone(),
        nama: t.nama.trim().to_string(),
        mulai: t.mulai.clone(),
        selesai: t.selesai.clone(),
        status: status.to_string(),
        n_lolos: t.n_lolos,
        nilai_minimum: t
            .nilai_minimum
            .as_deref()
            .and_then(desimal_0_100)
            .map(|d| d.to_string()),
        min_juri: t
            .min_juri
            .unwrap_or(if t.jenis == "penilaian" { 3 } else { 0 }),
        penghargaan: t
            .penghargaan
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        tingkat_penghargaan: t.tingkat_penghargaan.clone(),
        diumumkan_pada: None,
        versi: 1,
    };
    let kriteria = t
        .kriteria
        .iter()
        .enumerate()
        .map(|(j, c)| Kriteria {
            kompetisi_id: kid.to_string(),
            tahap: urutan,
            kode: c.kode.clone(),
            nama: c.nama.trim().to_string(),
            bobot: desimal_0_100(&c.bobot).unwrap_or_default().to_string(),
            urutan: j as i64 + 1,
        })
        .collect();
    (tahap, kriteria)
}

/// Membuat kompetisi (penyelenggara = instansi aktor). Kelompok dan tahap
/// bawaan menurut jenisnya bila tidak diberikan.
pub async fn buat(l: &Layanan, k: &Konteks, m: MasukanKompetisi) -> Hasil<DetailKompetisi> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Kompetisi(&iid))?;
    if store::organisasi::instansi(l.pool(), &iid).await?.is_none() {
        return Err(Galat::Dilarang(
            k.t(
                "Kompetisi dibuat oleh akun instansi penyelenggara.",
                "A competition is created by an account of the organising agency.",
            )
            .into(),
        ));
    }
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    let jenis = m.jenis.clone().unwrap_or_else(|| "kompetisi".into());
    if !["kompetisi", "pemantauan"].contains(&jenis.as_str()) {
        f.tambah(
            "jenis",
            k.t(
                "Pilih kompetisi atau pemantauan.",
                "Choose kompetisi or pemantauan.",
            ),
        );
    }
    if m.nama.trim().is_empty() {
        f.tambah("nama", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        &mut f,
        b,
        "nama",
        &m.nama,
        validasi::MAKS_NAMA,
        JenisTeks::Nama,
    );
    validasi::periksa(
        &mut f,
        b,
        "deskripsi",
        &m.deskripsi,
        validasi::MAKS_KETERANGAN,
        JenisTeks::Bebas,
    );
    if !(2000..=2100).contains(&m.tahun) {
        f.tambah("tahun", k.t("Tahun tidak masuk akal.", "Implausible year."));
    }
    if !tanggal_sah(&m.tanggal_acuan) {
        f.tambah(
            "tanggal_acuan",
            k.t("Tanggal YYYY-MM-DD.", "A date YYYY-MM-DD."),
        );
    }
    f.jadi_galat(k.t(
        "Data kompetisi belum benar.",
        "The competition data is not valid.",
    ))?;
    let hari_ini = crate::organisasi::hari_ini_di(l, &iid).await?;
    let kelompok = if m.kelompok.is_empty() {
        kelompok_bawaan(&jenis)
    } else {
        m.kelompok
    };
    let tahap = if m.tahap.is_empty() {
        tahap_bawaan(
            &jenis,
            &m.tanggal_acuan,
            &hari_ini.min(m.tanggal_acuan.clone()),
        )
    } else {
        m.tahap
    };
    let mut f = GalatKolom::default();
    if kelompok.is_empty() || kelompok.len() > MAKS_KELOMPOK {
        f.tambah("kelompok", k.t("1–10 kelompok.", "1–10 groups."));
    }
    let mut kode = std::collections::HashSet::new();
    for (i, g) in kelompok.iter().enumerate() {
        let p = |x: &str| format!("kelompok[{i}].{x}");
        if g.kode.is_empty()
            || g.kode.len() > 40
            || !g
                .kode
                .chars()
                .all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
        {
            f.tambah(
                &p("kode"),
                k.t(
                    "Huruf kecil, angka, garis bawah (≤ 40).",
                    "Lowercase letters, digits, underscore (≤ 40).",
                ),
            );
        } else if !kode.insert(g.kode.clone()) {
            f.tambah(
                &p("kode"),
                k.t("Kode kelompok ganda.", "Duplicate group code."),
            );
        }
        if g.nama.trim().is_empty() {
            f.tambah(&p("nama"), k.t("Wajib diisi.", "Required."));
        }
        validasi::periksa(
            &mut f,
            b,
            &p("nama"),
            &g.nama,
            validasi::MAKS_NAMA,
            JenisTeks::Nama,
        );
        if !ATURAN_KELOMPOK.contains(&g.aturan.as_str()) {
            f.tambah(
                &p("aturan"),
                k.t(
                    "Pilih umum, replikasi, khusus atau bebas.",
                    "Choose umum, replikasi, khusus or bebas.",
                ),
            );
        }
    }
    if tahap.len() < 2 || tahap.len() > MAKS_TAHAP {
        f.tambah("tahap", k.t("2–12 tahap.", "2–12 stages."));
    }
    if tahap.first().is_some_and(|t| t.jenis != "pendaftaran") {
        f.tambah(
            "tahap[0].jenis",
            k.t(
                "Tahap pertama adalah pendaftaran.",
                "The first stage is registration.",
            ),
        );
    }
    if tahap.last().is_some_and(|t| t.jenis != "penetapan") {
        f.tambah(
            &format!("tahap[{}].jenis", tahap.len().saturating_sub(1)),
            k.t(
                "Tahap terakhir adalah penetapan.",
                "The last stage is the final decision.",
            ),
        );
    }
    for (i, t) in tahap.iter().enumerate() {
        if i > 0 && i + 1 < tahap.len() && !["seleksi", "penilaian"].contains(&t.jenis.as_str()) {
            f.tambah(
                &format!("tahap[{i}].jenis"),
                k.t(
                    "Tahap di tengah: seleksi atau penilaian.",
                    "Middle stages: seleksi or penilaian.",
                ),
            );
        }
        periksa_tahap(k, &mut f, i, t);
    }
    f.jadi_galat(k.t(
        "Susunan kompetisi belum benar.",
        "The competition set-up is not valid.",
    ))?;
    let w = store::sekarang();
    let x = Kompetisi {
        id: store::id_baru(),
        instansi_id: iid.clone(),
        nama: m.nama.trim().to_string(),
        tahun: m.tahun,
        jenis,
        tanggal_acuan: m.tanggal_acuan,
        status: "draf".into(),
        deskripsi: m.deskripsi.trim().to_string(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    store::kompetisi::sisipkan_kompetisi(&mut tx, &x).await?;
    for (i, g) in kelompok.iter().enumerate() {
        store::kompetisi::sisipkan_kelompok(
            &mut tx,
            &Kelompok {
                kompetisi_id: x.id.clone(),
                kode: g.kode.clone(),
                nama: g.nama.trim().to_string(),
                aturan: g.aturan.clone(),
                urutan: i as i64 + 1,
            },
        )
        .await?;
    }
    for (i, t) in tahap.iter().enumerate() {
        let (th, kr) = jadi_tahap(&x.id, i as i64 + 1, t, "menunggu");
        store::kompetisi::sisipkan_tahap(&mut tx, &th).await?;
        store::kompetisi::ganti_kriteria(&mut tx, &x.id, th.urutan, &kr).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &iid,
        "buat",
        OBJEK_KOMPETISI,
        &x.id,
        None,
        Some(&x),
    )
    .await?;
    tx.commit().await?;
    lihat(l, k, &x.id).await
}

/// Kompetisi menurut id, atau 404 (metadata kompetisi publik).
pub async fn muat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Kompetisi> {
    kebijakan::publik(k);
    if id.len() > validasi::MAKS_ID {
        return Err(tidak_ada(k));
    }
    store::kompetisi::kompetisi(l.pool(), id)
        .await?
        .ok_or_else(|| tidak_ada(k))
}

pub(crate) fn tidak_ada(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t("Kompetisi tidak ditemukan.", "Competition not found.")
            .into(),
    )
}

/// Kompetisi, kelompok, tahap dan rubriknya (publik: pengumuman kompetisi).
pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<DetailKompetisi> {
    let x = muat(l, k, id).await?;
    let kriteria = store::kompetisi::kriteria(l.pool(), id).await?;
    let tahap = store::kompetisi::tahap(l.pool(), id)
        .await?
        .into_iter()
        .map(|t| TahapLengkap {
            kriteria: kriteria
                .iter()
                .filter(|c| c.tahap == t.urutan)
                .cloned()
                .collect(),
            tahap: t,
        })
        .collect();
    let penyelenggara = store::organisasi::instansi(l.pool(), &x.instansi_id)
        .await?
        .map(|i| i.nama)
        .unwrap_or_default();
    Ok(DetailKompetisi {
        kelompok: store::kompetisi::kelompok(l.pool(), id).await?,
        tahap,
        penyelenggara,
        kompetisi: x,
    })
}

/// Semua kompetisi (publik), terbaru dulu.
pub async fn daftar(l: &Layanan, k: &Konteks) -> Hasil<Vec<Kompetisi>> {
    kebijakan::publik(k);
    Ok(store::kompetisi::daftar_kompetisi(l.pool()).await?)
}

/// Tahap `urutan` kompetisi, atau 404.
pub(crate) async fn tahap_ke(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    urutan: i64,
) -> Hasil<(Vec<Tahap>, Tahap)> {
    let semua = store::kompetisi::tahap(l.pool(), kid).await?;
    let t = semua
        .iter()
        .find(|t| t.urutan == urutan)
        .cloned()
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Tahap tidak ditemukan.", "Stage not found.").into())
        })?;
    Ok((semua, t))
}

pub(crate) fn galat_status(k: &Konteks, kode: &str, id: &'static str, en: &'static str) -> Galat {
    Galat::Status {
        kode: kode.into(),
        pesan: k.t(id, en).into(),
        fields: Default::default(),
    }
}

/// Mengubah pengaturan satu tahap yang belum ditutup (tanggal, kuota, nilai
/// minimum, juri minimum, penghargaan, rubrik). Jenis tahap tetap.
pub async fn atur_tahap(
    l: &Layanan,
    k: &Konteks,
    kid: &str,
    urutan: i64,
    versi: i64,
    m: MasukanTahap,
) -> Hasil<TahapLengkap> {
    let x = muat(l, k, kid).await?;
    kebijakan::wajib_penyelenggara(k, &x)?;
    let (_, lama) = tahap_ke(l, k, kid, urutan).await?;
    if lama.status == "ditutup" {
        return Err(galat_status(
            k,
            "tahap_ditutup",
            "Tahap sudah ditutup; pengaturannya tidak dapat diubah.",
            "The stage is closed; its settings cannot be changed.",
        ));
    }
    let mut f = GalatKolom::default();
    if m.jenis != lama.jenis {
        f.tambah(
            "jenis",
            k.t(
                "Jenis tahap tidak dapat diubah.",
                "The stage type cannot be changed.",
            ),
        );
    }
    periksa_tahap(k, &mut f, 0, &m);
    // Pesan per kolom tanpa awalan `tahap[0].` (satu tahap).
    let f = GalatKolom(
        f.0.into_iter()
            .map(|(kol, p)| (kol.trim_start_matches("tahap[0].").to_string(), p))
            .collect(),
    );
    f.jadi_galat(k.t(
        "Pengaturan tahap belum benar.",
        "The stage settings are not valid.",
    ))?;
    let (mut baru, kr) = jadi_tahap(kid, urutan, &m, &lama.status);
    baru.versi = lama.versi + 1;
    baru.diumumkan_pada = lama.diumumkan_pada.clone();
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::ubah_tahap(&mut tx, &baru, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tahap sudah diubah orang lain; muat ulang lalu ulangi.",
                "The stage was changed by someone else; reload and retry.",
            )
            .into(),
        ));
    }
    store::kompetisi::ganti_kriteria(&mut tx, kid, urutan, &kr).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "ubah",
        OBJEK_TAHAP,
        &format!("{kid}/{urutan}"),
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(TahapLengkap {
        tahap: baru,
        kriteria: kr,
    })
}

/// Membuka tahap `urutan`: tahap sebelumnya sudah ditutup tanpa seri yang
/// belum diputuskan, dan tidak ada tahap lain yang sedang buka.
pub async fn buka_tahap(l: &Layanan, k: &Konteks, kid: &str, urutan: i64) -> Hasil<Tahap> {
    let x = muat(l, k, kid).await?;
    kebijakan::wajib_penyelenggara(k, &x)?;
    let (semua, t) = tahap_ke(l, k, kid, urutan).await?;
    if t.status != "menunggu" {
        return Err(galat_status(
            k,
            "tahap_bukan_menunggu",
            "Tahap ini sudah pernah dibuka.",
            "This stage has already been opened.",
        ));
    }
    if semua.iter().any(|s| s.status == "buka") {
        return Err(galat_status(
            k,
            "tahap_lain_buka",
            "Tutup dulu tahap yang sedang berjalan.",
            "Close the running stage first.",
        ));
    }
    if let Some(sebelum) = semua.iter().find(|s| s.urutan == urutan - 1) {
        if sebelum.status != "ditutup" {
            return Err(galat_status(
                k,
                "tahap_sebelumnya_belum_ditutup",
                "Tahap sebelumnya belum ditutup.",
                "The previous stage is not closed yet.",
            ));
        }
        let h = store::kompetisi::hasil_tahap(l.pool(), kid, sebelum.urutan).await?;
        if h.iter().any(|r| r.keputusan == "seri") {
            return Err(galat_status(
                k,
                "seri_belum_diputuskan",
                "Ada entri seri di batas tahap sebelumnya yang belum diputuskan.",
                "Tied entries at the previous stage's cut are still undecided.",
            ));
        }
    } else if urutan != 1 {
        return Err(galat_status(
            k,
            "tahap_tidak_berurutan",
            "Tahap dibuka berurutan.",
            "Stages open in order.",
        ));
    }
    let mut baru = t.clone();
    baru.status = "buka".into();
    baru.versi += 1;
    let mut tx = l.db.mulai().await?;
    if !store::kompetisi::ubah_tahap(&mut tx, &baru, t.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tahap sudah diubah orang lain.",
                "The stage was changed by someone else.",
            )
            .into(),
        ));
    }
    if x.status == "draf" {
        store::kompetisi::ubah_status_kompetisi(&mut tx, kid, "berjalan", &store::sekarang())
            .await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &x.instansi_id,
        "buka",
        OBJEK_TAHAP,
        &format!("{kid}/{urutan}"),
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    Ok(baru)
}
