//! Halaman repositori inovasi (isu 12), publik dan ponsel dulu: pencarian
//! (GET, tanpa JavaScript; saringan salah → pesan di samping kolomnya),
//! halaman satu inovasi dengan replikasinya dan formulir "Daftarkan
//! replikasi" bagi instansi yang berhak, dan sebaran replikasi per wilayah.
//! Hak dan aturan di `app::inovasi`; halaman hanya menyusun tampilan.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, Teks, enkode, query, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::inovasi::replikasi::{self as rp, MasukanReplikasi};
use app::inovasi::{self as ino, DetailInovasi, ParamCari};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inovasi", get(cari))
        .route("/inovasi/sebaran", get(sebaran))
        .route("/inovasi/{id}", get(detail))
        .route("/inovasi/{id}/replikasi", post(daftar_replikasi))
}

/// Jenis inovasi di repositori (huruf kecil, seperti tersimpan).
const JENIS: &[(&str, &str, &str)] = &[
    ("proses", "Proses", "Process"),
    ("metode", "Metode", "Method"),
    ("produk", "Produk", "Product"),
    ("konseptual", "Konseptual", "Conceptual"),
    ("teknologi", "Teknologi", "Technology"),
    (
        "struktur organisasi",
        "Struktur organisasi",
        "Organisational structure",
    ),
    ("hubungan", "Hubungan", "Relationships"),
    (
        "sumber daya manusia",
        "Sumber daya manusia",
        "Human resources",
    ),
];

/// Kolom saringan pencarian (urutan tampil dan query).
const KOLOM_CARI: &[&str] = &["cari", "urusan", "wilayah", "tahun", "penghargaan", "jenis"];

/// Pilihan `<select>`: (nilai, label, terpilih). Nilai yang tidak ada di
/// daftar tetap ditampilkan sebagai pilihan terpilih, agar isian tidak hilang.
pub(crate) fn pilihan(
    daftar: impl IntoIterator<Item = (String, String)>,
    dipilih: &str,
) -> Vec<(String, String, bool)> {
    let mut v: Vec<(String, String, bool)> = daftar
        .into_iter()
        .map(|(k, l)| {
            let p = k == dipilih;
            (k, l, p)
        })
        .collect();
    if !dipilih.is_empty() && !v.iter().any(|x| x.2) {
        v.push((dipilih.to_string(), dipilih.to_string(), true));
    }
    v
}

fn label_penghargaan(t: &Teks, tingkat: Option<&str>) -> &'static str {
    match tingkat {
        Some("top") => t.s("Pemenang (Top)", "Winner (Top)"),
        Some("top99") => t.s("Nominasi (Top 99)", "Nominee (Top 99)"),
        _ => "",
    }
}

fn label_berjalan(t: &Teks, m: Option<i64>) -> &'static str {
    match m {
        Some(1) => t.s("masih berjalan", "still running"),
        Some(_) => t.s("berhenti", "stopped"),
        None => "",
    }
}

// ---------- pencarian ----------

struct BarisCari {
    id: String,
    judul: String,
    instansi: String,
    tahun: Option<i64>,
    ringkasan: String,
    penghargaan: Option<String>,
    replikasi: i64,
    berjalan: &'static str,
    berhenti: bool,
}

#[derive(Template)]
#[template(path = "inovasi_cari.html")]
struct HalamanCari {
    b: Bingkai,
    f: Isian,
    /// Kolom salah yang tidak punya isian sendiri (halaman, per_halaman).
    galat_lain: Vec<String>,
    buka_saringan: bool,
    urusan: Vec<(String, String, bool)>,
    wilayah: Vec<(String, String, bool)>,
    penghargaan: Vec<(String, String, bool)>,
    jenis: Vec<(String, String, bool)>,
    ada_kata: bool,
    baris: Vec<BarisCari>,
    total: i64,
    halaman: i64,
    sebelum: Option<String>,
    sesudah: Option<String>,
    /// "Mungkin maksud Anda": (teks, tautan).
    usulan: Option<(String, String)>,
    koreksi: Vec<(String, String)>,
    sebagian: bool,
}

/// Kueri yang diketik dengan kata yang dikoreksi diganti usulan pertamanya.
fn kueri_usulan(teks: &str, koreksi: &[ino::Koreksi]) -> Option<String> {
    let mut ganti = false;
    let baru: Vec<String> = teks
        .split_whitespace()
        .map(|token| {
            let dasar = rules::inovasi::kata_cari(token);
            for c in koreksi {
                if dasar.len() == 1
                    && dasar[0] == c.kata
                    && let Some(m) = c.menjadi.first()
                {
                    ganti = true;
                    return m.clone();
                }
            }
            token.to_lowercase()
        })
        .collect();
    ganti.then(|| baru.join(" "))
}

async fn cari(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<Vec<(String, String)>>,
) -> HasilHalaman {
    let t = Teks(p.bahasa());
    // Pengunjung tanpa masuk dibatasi seperti API pencarian (per alamat).
    if p.konteks.aktor.is_none() && !s.pembatas_cari.izinkan(p.alamat) {
        return Err(super::galat(
            &p,
            Galat::TerlaluBanyak(
                t.s(
                    "Terlalu banyak permintaan; coba lagi sebentar lagi.",
                    "Too many requests; try again shortly.",
                )
                .into(),
            ),
        ));
    }
    let mut f = Isian::default();
    let mut halaman_teks = String::new();
    for (k, v) in q {
        if KOLOM_CARI.contains(&k.as_str()) {
            f.set(&k, v.chars().take(200).collect::<String>());
        } else if k == "halaman" {
            halaman_teks = v.chars().take(10).collect();
        }
    }
    let isi = |k: &str| Some(f.v(k).trim().to_string()).filter(|x| !x.is_empty());
    let mut lokal: BTreeMap<String, String> = BTreeMap::new();
    let mut angka = |kolom: &str, teks: &str, pesan: &'static str| -> Option<i64> {
        let teks = teks.trim();
        if teks.is_empty() {
            return None;
        }
        teks.parse::<i64>().map_or_else(
            |_| {
                lokal.insert(kolom.to_string(), pesan.to_string());
                None
            },
            Some,
        )
    };
    let tahun = angka(
        "tahun",
        f.v("tahun"),
        t.s(
            "Tahun berupa angka, mis. 2019.",
            "A year in digits, e.g. 2019.",
        ),
    );
    let halaman = angka(
        "halaman",
        &halaman_teks,
        t.s("Nomor halaman berupa angka.", "A page number in digits."),
    );
    let param = ParamCari {
        cari: isi("cari"),
        urusan: isi("urusan"),
        wilayah: isi("wilayah"),
        tahun,
        penghargaan: isi("penghargaan"),
        jenis: isi("jenis"),
        halaman,
        per_halaman: None,
    };
    let mut st = StatusCode::OK;
    let h = match ino::cari(&s.layanan, &p.konteks, &param).await {
        Ok(h) if lokal.is_empty() => Some(h),
        Ok(_) => None,
        Err(Galat::InputTidakValid { fields, .. }) => {
            lokal.extend(fields);
            None
        }
        Err(g) => return Err(super::galat(&p, g)),
    };
    if !lokal.is_empty() {
        st = StatusCode::UNPROCESSABLE_ENTITY;
        f.pesan = Some(
            t.s(
                "Parameter pencarian belum benar; perbaiki yang ditandai.",
                "The search parameters are not valid; fix what is marked.",
            )
            .into(),
        );
    }
    let galat_lain = lokal
        .iter()
        .filter(|(k, _)| !KOLOM_CARI.contains(&k.as_str()))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    f.galat = lokal;
    let buka_saringan = KOLOM_CARI[1..]
        .iter()
        .any(|k| !f.v(k).is_empty() || f.ada_galat(k));
    let dasar: Vec<(&str, &str)> = KOLOM_CARI.iter().map(|k| (*k, f.v(k))).collect();
    let ke = |n: i64| {
        let q = query(&dasar);
        if q.is_empty() {
            format!("/inovasi?halaman={n}")
        } else {
            format!("/inovasi?{q}&halaman={n}")
        }
    };
    let (mut baris, mut total, mut hal, mut sebelum, mut sesudah) = (Vec::new(), 0, 1, None, None);
    let (mut usulan, mut koreksi, mut sebagian) = (None, Vec::new(), false);
    if let Some(h) = h {
        total = h.total;
        hal = h.halaman;
        sebelum = (h.halaman > 1).then(|| ke(h.halaman - 1));
        sesudah = (h.halaman * h.per_halaman < h.total && h.halaman < ino::MAKS_HALAMAN)
            .then(|| ke(h.halaman + 1));
        sebagian = h.sebagian;
        if let Some(u) = kueri_usulan(f.v("cari"), &h.koreksi) {
            let mut pas: Vec<(&str, &str)> = dasar.clone();
            pas[0] = ("cari", u.as_str());
            usulan = Some((u.clone(), format!("/inovasi?{}", query(&pas))));
        }
        koreksi = h
            .koreksi
            .iter()
            .map(|c| (c.kata.clone(), c.menjadi.join(", ")))
            .collect();
        baris = h
            .isi
            .into_iter()
            .map(|x| BarisCari {
                berjalan: label_berjalan(&t, x.masih_berjalan),
                berhenti: x.masih_berjalan == Some(0),
                penghargaan: x.penghargaan.clone().filter(|s| !s.is_empty()),
                id: x.id,
                judul: x.judul,
                instansi: x.instansi,
                tahun: x.tahun,
                ringkasan: x.ringkasan,
                replikasi: x.jumlah_replikasi,
            })
            .collect();
    }
    let urusan = pilihan(
        ino::urusan::URUSAN
            .iter()
            .map(|(k, n)| (k.to_string(), format!("{k} {n}"))),
        f.v("urusan"),
    );
    let provinsi = ino::provinsi(&s.layanan, &p.konteks)
        .await
        .atau_halaman(&p)?;
    let wilayah = pilihan(provinsi.into_iter(), f.v("wilayah"));
    let penghargaan = pilihan(
        [
            ("top", t.s("Pemenang (Top)", "Winners (Top)")),
            ("top99", t.s("Nominasi (Top 99)", "Nominees (Top 99)")),
            ("ada", t.s("Penghargaan apa pun", "Any award")),
        ]
        .map(|(k, l)| (k.to_string(), l.to_string())),
        f.v("penghargaan"),
    );
    let jenis = pilihan(
        JENIS
            .iter()
            .map(|(k, id, en)| (k.to_string(), t.s(id, en).to_string())),
        f.v("jenis"),
    );
    let tpl = HalamanCari {
        b: Bingkai::dari(&p, t.s("Repositori inovasi", "Innovation repository")),
        ada_kata: !f.v("cari").trim().is_empty(),
        f,
        galat_lain,
        buka_saringan,
        urusan,
        wilayah,
        penghargaan,
        jenis,
        baris,
        total,
        halaman: hal,
        sebelum,
        sesudah,
        usulan,
        koreksi,
        sebagian,
    };
    let res = (st, render(&tpl)).into_response();
    Ok(res)
}

// ---------- satu inovasi ----------

struct ReplikasiTampil {
    instansi: String,
    wilayah: String,
    adaptasi: String,
    mulai: String,
    berjalan: bool,
    laporan: Option<(String, String)>,
    jumlah_laporan: i64,
}

/// Keadaan formulir replikasi bagi pengunjung ini.
enum Formulir {
    /// Belum masuk: tautan ke halaman masuk.
    Tamu,
    /// Masuk tetapi bukan admin instansi/operator inovasi.
    TidakBerhak,
    /// Inovasi milik instansinya sendiri.
    MilikSendiri,
    /// Instansinya sudah mendaftarkan replikasi.
    SudahAda,
    Tampil,
}

#[derive(Template)]
#[template(path = "inovasi_detail.html")]
struct HalamanDetail {
    b: Bingkai,
    d: DetailInovasi,
    penghargaan: &'static str,
    berjalan: &'static str,
    berhenti: bool,
    jenis: String,
    video: Option<String>,
    penghargaan_semua: Vec<(i64, String)>,
    konfirmasi: Vec<(i64, bool, String)>,
    replikasi: Vec<ReplikasiTampil>,
    formulir: Formulir,
    unit: Vec<(String, String, bool)>,
    f: Isian,
    pesan: Option<String>,
}

impl HalamanDetail {
    fn tampil_form(&self) -> bool {
        matches!(self.formulir, Formulir::Tampil)
    }
    fn tamu(&self) -> bool {
        matches!(self.formulir, Formulir::Tamu)
    }
    fn catatan_form(&self) -> &'static str {
        let t = &self.b.t;
        match self.formulir {
            Formulir::TidakBerhak => t.s(
                "Replikasi didaftarkan oleh admin instansi atau operator inovasi.",
                "A replication is registered by an agency admin or innovation operator.",
            ),
            Formulir::MilikSendiri => t.s(
                "Ini inovasi instansi Anda sendiri; replikasi dilakukan instansi lain.",
                "This is your own agency's innovation; replication is done by other agencies.",
            ),
            Formulir::SudahAda => t.s(
                "Instansi Anda sudah mendaftarkan replikasi inovasi ini.",
                "Your agency has already registered a replication of this innovation.",
            ),
            _ => "",
        }
    }
}

fn tautan_aman(u: &Option<String>) -> Option<String> {
    u.as_deref()
        .map(str::trim)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(str::to_string)
}

async fn halaman_detail(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    mut f: Isian,
    pesan: Option<String>,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let d = ino::lihat(l, k, id).await.atau_halaman(p)?;
    let b = Bingkai::dari(p, d.inovasi.judul.clone());
    let t = b.t;
    let formulir = match k.aktor.as_ref() {
        None => Formulir::Tamu,
        Some(a) => {
            let iid = a.instansi_id.as_str();
            if !ino::replikasi::boleh_daftar(k) {
                Formulir::TidakBerhak
            } else if d.inovasi.instansi_id.as_deref() == Some(iid) {
                Formulir::MilikSendiri
            } else if d.replikasi.iter().any(|r| r.instansi_id == iid) && f.galat.is_empty() {
                Formulir::SudahAda
            } else {
                Formulir::Tampil
            }
        }
    };
    // Unit penanggung jawab (opsional) dari instansi pengunjung.
    let unit = match (&formulir, k.aktor.as_ref()) {
        (Formulir::Tampil, Some(a)) => app::organisasi::unit::pohon_ringan(l, k, &a.instansi_id)
            .await
            .map(|v| {
                v.into_iter()
                    .map(|x| {
                        (
                            x.unit.id,
                            format!("{}{}", "\u{a0}\u{a0}".repeat(x.kedalaman), x.unit.nama),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let unit = if unit.is_empty() {
        unit.into_iter().map(|(a, b)| (a, b, false)).collect()
    } else {
        pilihan(unit, f.v("unit_id"))
    };
    if let Some(g) = f.galat.remove("inovasi") {
        f.pesan = Some(g);
    }
    let replikasi = d
        .replikasi
        .iter()
        .map(|r| ReplikasiTampil {
            instansi: r.instansi.clone(),
            wilayah: r.wilayah.clone().unwrap_or_default(),
            adaptasi: r.adaptasi.clone(),
            mulai: t.tanggal(&r.mulai),
            berjalan: r.status == "berjalan",
            laporan: r
                .laporan_periode
                .clone()
                .map(|x| (x, r.laporan_capaian.clone().unwrap_or_default())),
            jumlah_laporan: r.jumlah_laporan,
        })
        .collect();
    let jenis = d
        .inovasi
        .jenis
        .as_deref()
        .map(|j| {
            JENIS
                .iter()
                .find(|x| x.0 == j)
                .map(|x| t.s(x.1, x.2).to_string())
                .unwrap_or_else(|| j.to_string())
        })
        .unwrap_or_default();
    let tpl = HalamanDetail {
        penghargaan: label_penghargaan(&t, d.inovasi.tingkat_penghargaan.as_deref()),
        berjalan: label_berjalan(&t, d.inovasi.masih_berjalan),
        berhenti: d.inovasi.masih_berjalan == Some(0),
        jenis,
        video: tautan_aman(&d.inovasi.video_url),
        penghargaan_semua: d
            .penghargaan_semua
            .iter()
            .map(|x| (x.tahun, x.label.clone()))
            .collect(),
        konfirmasi: d
            .konfirmasi
            .iter()
            .map(|x| (x.tahun, x.masih_berjalan, x.catatan.clone()))
            .collect(),
        replikasi,
        formulir,
        unit,
        f,
        pesan,
        b,
        d,
    };
    Ok((st, render(&tpl)).into_response())
}

#[derive(serde::Deserialize, Default)]
struct TanyaOk {
    #[serde(default)]
    ok: String,
}

async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let pesan = (q.ok == "replikasi").then(|| {
        p.konteks
            .t(
                "Replikasi terdaftar; kirim laporan berkalanya setiap semester.",
                "Replication registered; send its report every semester.",
            )
            .to_string()
    });
    let res = halaman_detail(&s, &p, &id, Isian::default(), pesan, StatusCode::OK).await?;
    Ok(res)
}

#[derive(serde::Deserialize)]
struct FormReplikasi {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    adaptasi: String,
    #[serde(default)]
    mulai: String,
    #[serde(default)]
    penanggung_jawab: String,
    #[serde(default)]
    unit_id: String,
}

async fn daftar_replikasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Form(fr): Form<FormReplikasi>,
) -> HasilHalaman {
    let k = &p.konteks;
    let hasil = async {
        k.aktor()?;
        p.periksa_csrf(&fr.csrf)?;
        let m = MasukanReplikasi {
            adaptasi: fr.adaptasi.clone(),
            mulai: fr.mulai.clone(),
            penanggung_jawab: fr.penanggung_jawab.clone(),
            unit_id: Some(fr.unit_id.clone()).filter(|u| !u.trim().is_empty()),
        };
        rp::daftar(&s.layanan, k, &id, m).await
    }
    .await;
    match hasil {
        Ok(_) => Ok(
            Redirect::to(&format!("/inovasi/{}?ok=replikasi#replikasi", enkode(&id)))
                .into_response(),
        ),
        Err(g) => {
            let mut f = Isian::default();
            f.set("adaptasi", fr.adaptasi);
            f.set("mulai", fr.mulai);
            f.set("penanggung_jawab", fr.penanggung_jawab);
            f.set("unit_id", fr.unit_id);
            let st = match g {
                // Hak ditolak: pesannya di samping formulir, isian tetap.
                Galat::Dilarang(pesan) => {
                    f.pesan = Some(pesan);
                    StatusCode::FORBIDDEN
                }
                g => super::isian_dari_galat(&p, g, &mut f).map_err(|g| super::galat(&p, g))?,
            };
            halaman_detail(&s, &p, &id, f, None, st).await
        }
    }
}

// ---------- sebaran ----------

struct BarisSebaran {
    kode: String,
    nama: String,
    replikasi: i64,
    berjalan: i64,
    inovasi: i64,
    /// Panjang batang 0–100.
    batang: i64,
}

#[derive(Template)]
#[template(path = "inovasi_sebaran.html")]
struct HalamanSebaran {
    b: Bingkai,
    f: Isian,
    provinsi: Vec<(String, String, bool)>,
    nasional: bool,
    baris: Vec<BarisSebaran>,
    jumlah: i64,
}

#[derive(serde::Deserialize, Default)]
struct TanyaSebaran {
    #[serde(default)]
    provinsi: String,
}

async fn sebaran(
    State(s): State<AppState>,
    p: Pengunjung,
    Query(q): Query<TanyaSebaran>,
) -> HasilHalaman {
    let t = Teks(p.bahasa());
    let mut f = Isian::default();
    let kode = q.provinsi.trim().chars().take(20).collect::<String>();
    f.set("provinsi", kode.clone());
    let mut st = StatusCode::OK;
    let daftar = match ino::sebaran(
        &s.layanan,
        &p.konteks,
        Some(kode.as_str()).filter(|x| !x.is_empty()),
    )
    .await
    {
        Ok(v) => v,
        Err(g) => {
            st = super::isian_dari_galat(&p, g, &mut f).map_err(|g| super::galat(&p, g))?;
            Vec::new()
        }
    };
    let maks = daftar.iter().map(|x| x.replikasi).max().unwrap_or(0).max(1);
    let jumlah = daftar.iter().map(|x| x.replikasi).sum();
    let baris = daftar
        .into_iter()
        .map(|x| BarisSebaran {
            batang: (x.replikasi * 100 / maks).max(1),
            kode: x.kode,
            nama: x.nama,
            replikasi: x.replikasi,
            berjalan: x.berjalan,
            inovasi: x.inovasi,
        })
        .collect();
    let daftar_provinsi = ino::provinsi(&s.layanan, &p.konteks)
        .await
        .atau_halaman(&p)?;
    let nama_provinsi = daftar_provinsi
        .iter()
        .find(|(k, _)| *k == kode)
        .map(|(_, n)| n.clone());
    let judul = match &nama_provinsi {
        Some(n) => format!("{} · {n}", t.s("Sebaran replikasi", "Replication map")),
        None => t.s("Sebaran replikasi", "Replication map").to_string(),
    };
    let tpl = HalamanSebaran {
        b: Bingkai::dari(&p, judul),
        provinsi: pilihan(daftar_provinsi.into_iter(), &kode),
        nasional: kode.is_empty(),
        f,
        baris,
        jumlah,
    };
    let res = (st, render(&tpl)).into_response();
    Ok(res)
}
