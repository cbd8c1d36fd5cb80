//! Halaman kompetisi inovasi (isu 12), ponsel dulu dan tanpa JavaScript:
//! daftar dan halaman kompetisi (publik: kelompok, tahap, rubrik, hasil yang
//! diumumkan), alat penyelenggara (buka/tutup/umumkan tahap, juri,
//! penugasan, kemajuan penilaian, keputusan seleksi dan seri), entri peserta
//! per bagian (draf tidak pernah kehilangan teks; bukti diunggah dari
//! formulir yang sama), dan penilaian juri per rubrik. Hak dan aturan di
//! `app::kompetisi`; halaman hanya menyusun tampilan.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, Teks, enkode, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::kompetisi::entri::{self as en, DetailEntri, MasukanEntri};
use app::kompetisi::hasil::{self as hs, MasukanKeputusan, MasukanTutup};
use app::kompetisi::juri::{self as jr, MasukanJuri, MasukanKonflik, MasukanNilai};
use app::kompetisi::{self as kp, DetailKompetisi};
use askama::Template;
use axum::extract::multipart::Multipart;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod entri;
mod hasil;
mod juri;
use entri::*;
use hasil::*;
use juri::*;

pub fn router() -> Router<AppState> {
    let batas = DefaultBodyLimit::max(crate::api::bukti::BATAS_MUTLAK);
    Router::new()
        .route("/kompetisi", get(daftar))
        .route("/kompetisi/{kid}", get(detail))
        .route("/kompetisi/{kid}/juri", post(tambah_juri))
        .route("/kompetisi/{kid}/tahap/{u}/{aksi}", post(aksi_tahap))
        .route("/kompetisi/{kid}/tahap/{u}/hasil", get(hasil))
        .route("/kompetisi/{kid}/penilaian", get(penilaian))
        .route(
            "/kompetisi/{kid}/entri/baru",
            get(entri_baru).post(simpan_baru).layer(batas),
        )
        .route(
            "/entri-kompetisi/{eid}",
            get(entri).post(simpan_entri).layer(batas),
        )
        .route("/entri-kompetisi/{eid}/tarik", post(tarik))
        .route(
            "/entri-kompetisi/{eid}/nilai/{u}",
            get(halaman_nilai).post(simpan_nilai),
        )
        .route("/entri-kompetisi/{eid}/konflik", post(konflik))
}

// ---------- label ----------

fn status_kompetisi(t: &Teks, s: &str) -> (&'static str, &'static str) {
    match s {
        "berjalan" => (t.s("Berjalan", "Running"), "st-kuning"),
        "selesai" => (t.s("Selesai", "Finished"), "st-hijau"),
        _ => (t.s("Persiapan", "In preparation"), "st-biasa"),
    }
}

fn status_tahap(t: &Teks, s: &str) -> (&'static str, &'static str) {
    match s {
        "buka" => (t.s("Buka", "Open"), "st-hijau"),
        "ditutup" => (t.s("Ditutup", "Closed"), "st-biasa"),
        _ => (t.s("Menunggu", "Upcoming"), "st-biasa"),
    }
}

fn jenis_tahap(t: &Teks, s: &str) -> &'static str {
    match s {
        "pendaftaran" => t.s("Pendaftaran", "Registration"),
        "seleksi" => t.s("Seleksi", "Selection"),
        "penilaian" => t.s("Penilaian", "Scoring"),
        _ => t.s("Penetapan", "Final decision"),
    }
}

fn jenis_kompetisi(t: &Teks, s: &str) -> &'static str {
    match s {
        "pemantauan" => t.s(
            "Pemantauan keberlanjutan dan replikasi",
            "Sustainability and replication monitoring",
        ),
        _ => t.s("Kompetisi inovasi", "Innovation competition"),
    }
}

fn keputusan(t: &Teks, s: &str) -> (&'static str, &'static str) {
    match s {
        "lolos" => (t.s("Lolos", "Passed"), "st-hijau"),
        "seri" => (t.s("Seri di batas", "Tied at the cut"), "st-kuning"),
        _ => (t.s("Tidak lolos", "Not passed"), "st-merah"),
    }
}

fn status_entri(t: &Teks, s: &str) -> (&'static str, &'static str) {
    match s {
        "diajukan" => (t.s("Diajukan", "Submitted"), "st-hijau"),
        _ => (t.s("Draf", "Draft"), "st-kuning"),
    }
}

fn tautan_aman(u: Option<&str>) -> Option<String> {
    u.map(str::trim)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(str::to_string)
}

/// Pesan galat layanan untuk ditampilkan di halaman itu sendiri, dengan
/// kolom yang tidak punya isian sendiri; galat lain menjadi halaman galat.
#[allow(clippy::result_large_err)]
fn galat_di_halaman(
    p: &Pengunjung,
    g: Galat,
    f: &mut Isian,
) -> Result<StatusCode, axum::response::Response> {
    super::isian_dari_galat(p, g, f).map_err(|g| super::galat(p, g))
}

#[derive(serde::Deserialize, Default)]
struct TanyaOk {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
    #[serde(default)]
    c: String,
}

// ---------- daftar ----------

struct BarisKompetisi {
    id: String,
    nama: String,
    tahun: i64,
    jenis: &'static str,
    status: &'static str,
    kelas: &'static str,
}

#[derive(Template)]
#[template(path = "kompetisi_daftar.html")]
struct HalamanDaftar {
    b: Bingkai,
    baris: Vec<BarisKompetisi>,
    juri: Vec<(String, String)>,
}

async fn daftar(State(s): State<AppState>, p: Pengunjung) -> HasilHalaman {
    let l = &s.layanan;
    let t = Teks(p.bahasa());
    let semua = kp::daftar(l, &p.konteks).await.atau_halaman(&p)?;
    let juri = if p.konteks.aktor.is_some() {
        jr::kompetisi_saya(l, &p.konteks)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|x| (x.id, x.nama))
            .collect()
    } else {
        Vec::new()
    };
    let baris = semua
        .into_iter()
        .map(|x| {
            let (status, kelas) = status_kompetisi(&t, &x.status);
            BarisKompetisi {
                jenis: jenis_kompetisi(&t, &x.jenis),
                id: x.id,
                nama: x.nama,
                tahun: x.tahun,
                status,
                kelas,
            }
        })
        .collect();
    let res = render(&HalamanDaftar {
        b: Bingkai::dari(&p, t.s("Kompetisi inovasi", "Innovation competitions")),
        baris,
        juri,
    });
    Ok(res)
}

// ---------- satu kompetisi ----------

struct KemajuanTampil {
    judul: String,
    instansi: String,
    kelompok: String,
    juri: usize,
    sudah: usize,
    nilai: String,
}

struct TahapTampil {
    urutan: i64,
    nama: String,
    jenis: &'static str,
    penilaian: bool,
    mulai: String,
    selesai: String,
    status: &'static str,
    kelas: &'static str,
    /// Kuota, nilai minimum, penghargaan: satu baris.
    ketentuan: String,
    min_juri: i64,
    kriteria: Vec<(String, String)>,
    diumumkan: bool,
    ditutup: bool,
    // Penyelenggara:
    boleh_buka: bool,
    boleh_tutup: bool,
    boleh_umumkan: bool,
    boleh_tugaskan: bool,
    kemajuan: Vec<KemajuanTampil>,
    /// Calon keputusan (seleksi yang buka, atau seri di batas): (id, judul).
    calon: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "kompetisi_detail.html")]
struct HalamanDetail {
    b: Bingkai,
    d: DetailKompetisi,
    status: &'static str,
    kelas: &'static str,
    jenis: &'static str,
    kelompok: Vec<(String, String)>,
    tahap: Vec<TahapTampil>,
    penyelenggara: bool,
    /// Peserta (admin/operator inovasi instansi): entri instansinya.
    peserta: bool,
    pendaftaran_buka: bool,
    entri_saya: Vec<(String, String, &'static str, &'static str)>,
    tugas_juri: usize,
    juri: Vec<(String, String, bool)>,
    pesan: Option<String>,
    /// Galat tindakan penyelenggara, dengan kolom yang tidak punya isian.
    galat: Option<String>,
    galat_lain: Vec<String>,
    /// Isian formulir juri (`fj`) dan keputusan (`fk`, untuk tahap `tahap_fk`).
    fj: Isian,
    fk: Isian,
    tahap_fk: i64,
}

struct Umpan {
    pesan: Option<String>,
    galat: Option<String>,
    galat_lain: Vec<String>,
    fj: Isian,
    fk: Isian,
    tahap_fk: i64,
    status: StatusCode,
}

impl Umpan {
    fn kosong() -> Self {
        Umpan {
            pesan: None,
            galat: None,
            galat_lain: Vec::new(),
            fj: Isian::default(),
            fk: Isian::default(),
            tahap_fk: 0,
            status: StatusCode::OK,
        }
    }
}

fn ketentuan(t: &Teks, th: &store::kompetisi::Tahap) -> String {
    let mut v = Vec::new();
    if let Some(n) = th.n_lolos {
        v.push(match t.0 {
            app::Bahasa::Id => format!("lolos paling banyak {n} per kelompok"),
            app::Bahasa::En => format!("at most {n} pass per group"),
        });
    }
    if let Some(m) = &th.nilai_minimum {
        v.push(format!("{} {m}", t.s("nilai minimum", "minimum score")));
    }
    if let Some(p) = &th.penghargaan {
        v.push(format!("{}: {p}", t.s("penghargaan", "award")));
    }
    let s = v.join(" · ");
    let mut c = s.chars();
    match c.next() {
        Some(h) => h.to_uppercase().chain(c).collect(),
        None => s,
    }
}

async fn halaman_detail(s: &AppState, p: &Pengunjung, kid: &str, u: Umpan) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let d = kp::lihat(l, k, kid).await.atau_halaman(p)?;
    let b = Bingkai::dari(p, d.kompetisi.nama.clone());
    let t = b.t;
    let penyelenggara =
        k.aktor.is_some() && app::kebijakan::wajib_penyelenggara(k, &d.kompetisi).is_ok();
    let peserta = k.aktor.as_ref().is_some_and(|a| {
        app::kebijakan::wajib(
            k,
            app::kebijakan::Aksi::Kelola,
            app::kebijakan::Sumber::Kompetisi(&a.instansi_id),
        )
        .is_ok()
            && !a.super_admin()
    });
    let pendaftaran_buka = d.tahap.first().is_some_and(|x| x.tahap.status == "buka");
    let entri_saya = if peserta {
        en::milik_saya(l, k, Some(kid))
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|e| {
                let (st, kl) = status_entri(&t, &e.status);
                (e.id, e.judul, st, kl)
            })
            .collect()
    } else {
        Vec::new()
    };
    let tugas_juri = if k.aktor.is_some() {
        jr::tugas_saya(l, k, kid)
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    } else {
        0
    };
    let nama_kelompok: HashMap<String, String> = d
        .kelompok
        .iter()
        .map(|g| (g.kode.clone(), g.nama.clone()))
        .collect();
    // Entri yang sudah diajukan (penyelenggara), untuk keputusan seleksi.
    let entri_diajukan = if penyelenggara {
        hs::entri_penyelenggara(l, k, kid).await.unwrap_or_default()
    } else {
        Vec::new()
    };
    let ada_buka = d.tahap.iter().any(|x| x.tahap.status == "buka");
    let mut tahap = Vec::new();
    for (i, x) in d.tahap.iter().enumerate() {
        let th = &x.tahap;
        let (status, kelas) = status_tahap(&t, &th.status);
        let sebelum_ditutup = i == 0 || d.tahap[i - 1].tahap.status == "ditutup";
        let mut kemajuan = Vec::new();
        let mut calon = Vec::new();
        if penyelenggara {
            if th.jenis == "penilaian" && th.status != "menunggu" {
                kemajuan = hs::kemajuan(l, k, kid, th.urutan)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|e| KemajuanTampil {
                        kelompok: nama_kelompok
                            .get(&e.kelompok)
                            .cloned()
                            .unwrap_or(e.kelompok),
                        nilai: e
                            .nilai_juri
                            .iter()
                            .map(|(j, n)| format!("{j}: {n}"))
                            .collect::<Vec<_>>()
                            .join("; "),
                        judul: e.judul,
                        instansi: e.instansi,
                        juri: e.juri,
                        sudah: e.sudah_menilai,
                    })
                    .collect();
            }
            if th.jenis == "seleksi" && th.status == "buka" {
                calon = entri_diajukan
                    .iter()
                    .filter(|e| e.status == "diajukan" && e.tahap >= th.urutan)
                    .map(|e| (e.id.clone(), format!("{} — {}", e.judul, e.instansi)))
                    .collect();
            } else if th.status == "ditutup" && th.jenis == "penilaian" {
                calon = hs::daftar(l, k, kid, th.urutan)
                    .await
                    .map(|h| {
                        h.baris
                            .into_iter()
                            .filter(|r| r.keputusan == "seri")
                            .map(|r| (r.entri_id, format!("{} — {}", r.judul, r.instansi)))
                            .collect()
                    })
                    .unwrap_or_default();
            }
        }
        tahap.push(TahapTampil {
            urutan: th.urutan,
            nama: th.nama.clone(),
            jenis: jenis_tahap(&t, &th.jenis),
            penilaian: th.jenis == "penilaian",
            mulai: t.tanggal(&th.mulai),
            selesai: t.tanggal(&th.selesai),
            status,
            kelas,
            ketentuan: ketentuan(&t, th),
            min_juri: th.min_juri,
            kriteria: x
                .kriteria
                .iter()
                .map(|c| (c.nama.clone(), c.bobot.clone()))
                .collect(),
            diumumkan: th.diumumkan_pada.is_some(),
            ditutup: th.status == "ditutup",
            boleh_buka: penyelenggara && th.status == "menunggu" && !ada_buka && sebelum_ditutup,
            boleh_tutup: penyelenggara && th.status == "buka",
            boleh_umumkan: penyelenggara && th.status == "ditutup" && th.diumumkan_pada.is_none(),
            boleh_tugaskan: penyelenggara && th.jenis == "penilaian" && th.status != "ditutup",
            kemajuan,
            calon,
        });
    }
    let juri = if penyelenggara {
        jr::daftar(l, k, kid)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|j| (j.nama, j.afiliasi, j.instansi_asal_id.is_none()))
            .collect()
    } else {
        Vec::new()
    };
    let (status, kelas) = status_kompetisi(&t, &d.kompetisi.status);
    let tpl = HalamanDetail {
        jenis: jenis_kompetisi(&t, &d.kompetisi.jenis),
        kelompok: d
            .kelompok
            .iter()
            .map(|g| {
                let aturan = match g.aturan.as_str() {
                    "replikasi" => t.s(
                        "replikasi inovasi pemenang terdahulu",
                        "replication of an earlier winner",
                    ),
                    "khusus" => t.s("khusus", "special"),
                    "umum" => t.s("inovasi baru", "new innovations"),
                    _ => t.s("bebas", "open"),
                };
                (g.nama.clone(), aturan.to_string())
            })
            .collect(),
        b,
        status,
        kelas,
        tahap,
        penyelenggara,
        peserta,
        pendaftaran_buka,
        entri_saya,
        tugas_juri,
        juri,
        pesan: u.pesan,
        galat: u.galat,
        galat_lain: u.galat_lain,
        fj: u.fj,
        fk: u.fk,
        tahap_fk: u.tahap_fk,
        d,
    };
    Ok((u.status, render(&tpl)).into_response())
}

async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let t = Teks(p.bahasa());
    let n = |x: &str| x.parse::<u32>().unwrap_or(0);
    let pesan = match q.ok.as_str() {
        "buka" => Some(t.s("Tahap dibuka.", "Stage opened.").to_string()),
        "tutup" => Some(format!(
            "{} {} {}, {} {}, {} {}.",
            t.s("Tahap ditutup:", "Stage closed:"),
            n(&q.a),
            t.s("lolos", "passed"),
            n(&q.b),
            t.s("tidak lolos", "not passed"),
            n(&q.c),
            t.s("seri menunggu keputusan", "tied awaiting a decision"),
        )),
        "umumkan" => Some(
            t.s("Hasil tahap diumumkan.", "Stage results announced.")
                .to_string(),
        ),
        "penugasan" => Some(format!(
            "{} {}; {} {}.",
            n(&q.a),
            t.s("penugasan juri baru", "new judge assignments"),
            n(&q.b),
            t.s("entri masih kurang juri", "entries still short of judges"),
        )),
        "keputusan" => Some(t.s("Keputusan tersimpan.", "Decision saved.").to_string()),
        "juri" => Some(t.s("Juri ditambahkan.", "Judge added.").to_string()),
        _ => None,
    };
    let u = Umpan {
        pesan,
        ..Umpan::kosong()
    };
    let res = halaman_detail(&s, &p, &kid, u).await?;
    Ok(res)
}

#[derive(serde::Deserialize, Default)]
struct FormTahap {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    abaikan_belum_dinilai: String,
    #[serde(default)]
    entri_id: String,
    #[serde(default)]
    lolos: String,
    #[serde(default)]
    alasan: String,
}

/// Tindakan penyelenggara atas satu tahap: buka, tutup, umumkan, penugasan, keputusan.
async fn aksi_tahap(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kid, u, aksi)): Path<(String, i64, String)>,
    Form(f): Form<FormTahap>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let ke = |q: String| Redirect::to(&format!("/kompetisi/{}?{q}", enkode(&kid))).into_response();
    let hasil = match aksi.as_str() {
        "buka" => kp::buka_tahap(l, k, &kid, u)
            .await
            .map(|_| ke("ok=buka".into())),
        "tutup" => hs::tutup_tahap(
            l,
            k,
            &kid,
            u,
            MasukanTutup {
                abaikan_belum_dinilai: !f.abaikan_belum_dinilai.is_empty(),
            },
        )
        .await
        .map(|r| {
            ke(format!(
                "ok=tutup&a={}&b={}&c={}",
                r.lolos, r.tidak_lolos, r.seri
            ))
        }),
        "umumkan" => hs::umumkan(l, k, &kid, u)
            .await
            .map(|_| ke("ok=umumkan".into())),
        "penugasan" => jr::tugaskan(l, k, &kid, u)
            .await
            .map(|h| ke(format!("ok=penugasan&a={}&b={}", h.baru, h.kurang.len()))),
        "keputusan" => hs::putuskan(
            l,
            k,
            &kid,
            u,
            MasukanKeputusan {
                entri_id: f.entri_id.clone(),
                lolos: f.lolos == "ya",
                alasan: Some(f.alasan.clone()).filter(|x| !x.trim().is_empty()),
            },
        )
        .await
        .map(|_| ke("ok=keputusan".into())),
        _ => Err(Galat::TidakDitemukan(
            k.t("Halaman tidak ditemukan.", "Page not found.").into(),
        )),
    };
    match hasil {
        Ok(r) => Ok(r),
        Err(g) => {
            let mut um = Umpan::kosong();
            let mut i = Isian::default();
            um.status = galat_di_halaman(&p, g, &mut i)?;
            if aksi == "keputusan" {
                i.set("entri_id", f.entri_id);
                i.set("lolos", f.lolos);
                i.set("alasan", f.alasan);
                um.tahap_fk = u;
            }
            um.galat = i.pesan.take();
            um.galat_lain = i
                .galat
                .iter()
                .filter(|(kol, _)| {
                    !["entri_id", "alasan"].contains(&kol.as_str()) || aksi != "keputusan"
                })
                .map(|(kol, v)| format!("{kol}: {v}"))
                .collect();
            um.fk = i;
            halaman_detail(&s, &p, &kid, um).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct FormJuri {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    afiliasi: String,
    #[serde(default)]
    eksternal: String,
    /// Urutan tahap penilaian dipisah koma; kosong = semua.
    #[serde(default)]
    tahap: String,
}

async fn tambah_juri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    Form(f): Form<FormJuri>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let m = MasukanJuri {
        username: f.username.clone(),
        afiliasi: f.afiliasi.clone(),
        eksternal: !f.eksternal.is_empty(),
        tahap: f
            .tahap
            .split(',')
            .filter_map(|x| x.trim().parse::<i64>().ok())
            .collect(),
    };
    match jr::tambah(&s.layanan, k, &kid, m).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/kompetisi/{}?ok=juri#juri", enkode(&kid))).into_response())
        }
        Err(g) => {
            let mut um = Umpan::kosong();
            let mut i = Isian::default();
            um.status = galat_di_halaman(&p, g, &mut i)?;
            i.set("username", f.username);
            i.set("afiliasi", f.afiliasi);
            i.set("eksternal", f.eksternal);
            i.set("tahap", f.tahap);
            um.fj = i;
            halaman_detail(&s, &p, &kid, um).await
        }
    }
}
