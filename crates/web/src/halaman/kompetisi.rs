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

// ---------- daftar hasil ----------

struct BarisHasilTampil {
    /// Baris pertama kelompoknya (judul kelompok di atasnya).
    kelompok_baru: bool,
    urutan: String,
    judul: String,
    instansi: String,
    kelompok: String,
    keputusan: &'static str,
    kelas: &'static str,
    nilai: String,
    alasan: String,
    inovasi: Option<String>,
}

#[derive(Template)]
#[template(path = "kompetisi_hasil.html")]
struct HalamanHasil {
    b: Bingkai,
    kid: String,
    urutan: i64,
    kompetisi: String,
    diumumkan: Option<String>,
    baris: Vec<BarisHasilTampil>,
    penyelenggara: bool,
}

async fn hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kid, u)): Path<(String, i64)>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    let d = hs::daftar(l, k, &kid, u).await.atau_halaman(&p)?;
    let x = kp::lihat(l, k, &kid).await.atau_halaman(&p)?;
    let nama_kelompok: HashMap<&str, &str> = x
        .kelompok
        .iter()
        .map(|g| (g.kode.as_str(), g.nama.as_str()))
        .collect();
    let penyelenggara =
        k.aktor.is_some() && app::kebijakan::wajib_penyelenggara(k, &x.kompetisi).is_ok();
    let mut sebelum = String::new();
    let baris = d
        .baris
        .into_iter()
        .map(|r| {
            let (kep, kelas) = keputusan(&t, &r.keputusan);
            let kelompok_baru = r.kelompok != sebelum;
            sebelum = r.kelompok.clone();
            BarisHasilTampil {
                kelompok_baru,
                urutan: r.urutan.map(|x| x.to_string()).unwrap_or_default(),
                kelompok: nama_kelompok
                    .get(r.kelompok.as_str())
                    .map(|x| x.to_string())
                    .unwrap_or(r.kelompok),
                judul: r.judul,
                instansi: r.instansi,
                keputusan: kep,
                kelas,
                nilai: r.nilai.unwrap_or_default(),
                alasan: r.alasan.unwrap_or_default(),
                inovasi: r.inovasi_id,
            }
        })
        .collect();
    let res = render(&HalamanHasil {
        b: Bingkai::dari(&p, format!("{} · {}", d.tahap, t.s("hasil", "results"))),
        kid,
        urutan: u,
        kompetisi: d.kompetisi,
        diumumkan: d.diumumkan_pada.map(|w| t.tanggal(&w)),
        baris,
        penyelenggara,
    });
    Ok(res)
}

// ---------- entri peserta ----------

struct BagianTampil {
    kode: &'static str,
    label: &'static str,
    maks: usize,
    replikasi: bool,
    nilai: String,
    galat: String,
}

struct BuktiTampil {
    id: String,
    nama: String,
    dipilih: bool,
}

struct HasilTampil {
    tahap: String,
    keputusan: &'static str,
    kelas: &'static str,
    alasan: String,
    nilai: String,
    urutan: String,
}

#[derive(Template)]
#[template(path = "kompetisi_entri.html")]
struct HalamanEntri {
    b: Bingkai,
    kid: String,
    kompetisi: String,
    eid: Option<String>,
    instansi: String,
    status: Option<(&'static str, &'static str)>,
    /// Formulir dapat diubah (draf milik instansinya, pendaftaran buka).
    boleh_ubah: bool,
    boleh_tarik: bool,
    versi: i64,
    f: Isian,
    galat_lain: Vec<String>,
    bagian: Vec<BagianTampil>,
    kelompok: Vec<(String, String, bool)>,
    bukti: Vec<BuktiTampil>,
    hasil: Vec<HasilTampil>,
    pesan: Option<String>,
}

impl HalamanEntri {
    fn galat_bukti(&self) -> String {
        self.f
            .galat
            .iter()
            .filter(|(k, _)| k.starts_with("bukti") || k.as_str() == "berkas")
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn ada_galat_bukti(&self) -> bool {
        !self.galat_bukti().is_empty()
    }
    fn tautan_bukti(&self, bid: &str) -> Option<String> {
        self.eid.as_ref().map(|e| {
            format!(
                "/api/v1/entri-kompetisi/{}/bukti/{}?varian=asli",
                enkode(e),
                enkode(bid)
            )
        })
    }
}

/// Kolom formulir entri yang punya tempat pesan sendiri.
fn kolom_dikenal(k: &str) -> bool {
    matches!(
        k,
        "kelompok"
            | "judul"
            | "tanggal_implementasi"
            | "video_url"
            | "boleh_direplikasi"
            | "asal_inovasi_id"
            | "inovasi_id"
            | "berkas"
    ) || k.starts_with("bagian.")
        || k.starts_with("bukti")
}

fn isian_dari_entri(e: &store::kompetisi::Entri, isi: &en::IsiEntri) -> (Isian, BTreeSet<String>) {
    let mut f = Isian::default();
    f.set("kelompok", e.kelompok.clone());
    f.set("judul", e.judul.clone());
    f.set(
        "tanggal_implementasi",
        e.tanggal_implementasi.clone().unwrap_or_default(),
    );
    f.set("video_url", e.video_url.clone().unwrap_or_default());
    if e.boleh_direplikasi == 1 {
        f.set("boleh_direplikasi", "1");
    }
    f.set(
        "asal_inovasi_id",
        e.asal_inovasi_id.clone().unwrap_or_default(),
    );
    f.set("inovasi_id", e.inovasi_id.clone().unwrap_or_default());
    for (k, v) in &isi.bagian {
        f.set(&format!("bagian.{k}"), v.clone());
    }
    (f, isi.bukti.iter().cloned().collect())
}

/// Kiriman formulir entri: pasangan teks dan berkas bukti baru (multipart),
/// atau pasangan teks saja (urlencoded).
struct Kiriman {
    pasangan: Vec<(String, String)>,
    berkas: Vec<app::bukti::BerkasMasuk>,
}

impl Kiriman {
    fn v(&self, k: &str) -> String {
        self.pasangan
            .iter()
            .rev()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Teks satu field multipart paling banyak ini (bagian terpanjang 8.000
/// karakter, jadi 256 KiB longgar tetapi tidak tanpa batas).
const MAKS_TEKS_FIELD: usize = 256 * 1024;

async fn baca_kiriman(s: &AppState, p: &Pengunjung, req: Request) -> Result<Kiriman, Galat> {
    let k = &p.konteks;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let rusak = |rinci: String| {
        let pesan = format!(
            "{}: {rinci}",
            k.t("Formulir tidak terbaca", "The form could not be read")
        );
        Galat::InputTidakValid {
            kode: "formulir_tidak_valid".into(),
            fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
            pesan,
        }
    };
    if !multipart {
        let Form(pasangan) = Form::<Vec<(String, String)>>::from_request(req, &())
            .await
            .map_err(|e| rusak(e.body_text()))?;
        return Ok(Kiriman {
            pasangan,
            berkas: Vec::new(),
        });
    }
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| rusak(e.body_text()))?;
    let c = &s.layanan.konfigurasi;
    let mut kiriman = Kiriman {
        pasangan: Vec::new(),
        berkas: Vec::new(),
    };
    let mut total: u64 = 0;
    while let Some(mut field) = mp.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            app::bukti::galat_permintaan_terlalu_besar(k, crate::api::bukti::BATAS_MUTLAK as u64)
        } else {
            rusak(e.body_text())
        }
    })? {
        let nama_field = field.name().unwrap_or("").to_string();
        let berkas = nama_field == "berkas";
        let nama_berkas = field.file_name().unwrap_or("").to_string();
        let mut isi: Vec<u8> = Vec::new();
        while let Some(potong) = field.chunk().await.map_err(|e| rusak(e.body_text()))? {
            total += potong.len() as u64;
            if berkas {
                if (isi.len() + potong.len()) as u64 > c.bukti_maks_bita {
                    return Err(app::bukti::galat_terlalu_besar(
                        k,
                        &nama_berkas,
                        c.bukti_maks_bita,
                    ));
                }
                if total > c.bukti_maks_permintaan {
                    return Err(app::bukti::galat_permintaan_terlalu_besar(
                        k,
                        c.bukti_maks_permintaan,
                    ));
                }
            } else if isi.len() + potong.len() > MAKS_TEKS_FIELD {
                return Err(rusak(nama_field.chars().take(64).collect()));
            }
            isi.extend_from_slice(&potong);
        }
        if berkas {
            // Peramban mengirim bagian kosong bila tidak ada berkas dipilih.
            if isi.is_empty() && nama_berkas.is_empty() {
                continue;
            }
            if kiriman.berkas.len() >= c.bukti_maks_berkas {
                return Err(app::bukti::galat_terlalu_banyak(k, c.bukti_maks_berkas));
            }
            kiriman.berkas.push(app::bukti::BerkasMasuk {
                nama: nama_berkas,
                isi,
            });
        } else {
            let teks =
                String::from_utf8(isi).map_err(|_| rusak(nama_field.chars().take(64).collect()))?;
            kiriman.pasangan.push((nama_field, teks));
        }
    }
    Ok(kiriman)
}

/// Isian formulir dan masukan layanan dari kiriman.
fn masukan_dari(
    kiriman: &Kiriman,
    kode_bagian: &[&str],
) -> (Isian, MasukanEntri, BTreeSet<String>) {
    let mut f = Isian::default();
    let mut bukti = BTreeSet::new();
    let mut bagian = BTreeMap::new();
    for (k, v) in &kiriman.pasangan {
        if k == "bukti" {
            if !v.is_empty() {
                bukti.insert(v.clone());
            }
            continue;
        }
        if let Some(kode) = k.strip_prefix("bagian.")
            && kode_bagian.contains(&kode)
        {
            bagian.insert(kode.to_string(), v.clone());
        }
        if kolom_dikenal(k) {
            f.set(k, v.clone());
        }
    }
    let opsi = |k: &str| Some(kiriman.v(k)).filter(|x| !x.trim().is_empty());
    let m = MasukanEntri {
        versi: None,
        kelompok: kiriman.v("kelompok"),
        judul: kiriman.v("judul"),
        tanggal_implementasi: opsi("tanggal_implementasi"),
        bagian,
        video_url: opsi("video_url"),
        boleh_direplikasi: !kiriman.v("boleh_direplikasi").is_empty(),
        asal_inovasi_id: opsi("asal_inovasi_id"),
        inovasi_id: opsi("inovasi_id"),
        bukti: bukti.iter().cloned().collect(),
    };
    (f, m, bukti)
}

struct KonteksEntri {
    kid: String,
    kompetisi: String,
    jenis: String,
    kelompok: Vec<(String, String)>,
    pendaftaran_buka: bool,
}

async fn konteks_entri(
    s: &AppState,
    p: &Pengunjung,
    kid: &str,
) -> Result<KonteksEntri, axum::response::Response> {
    let d = kp::lihat(&s.layanan, &p.konteks, kid)
        .await
        .atau_halaman(p)?;
    Ok(KonteksEntri {
        kid: d.kompetisi.id.clone(),
        kompetisi: d.kompetisi.nama.clone(),
        jenis: d.kompetisi.jenis.clone(),
        kelompok: d
            .kelompok
            .iter()
            .map(|g| (g.kode.clone(), g.nama.clone()))
            .collect(),
        pendaftaran_buka: d.tahap.first().is_some_and(|t| t.tahap.status == "buka"),
    })
}

struct Tampil {
    eid: Option<String>,
    instansi: String,
    status: Option<String>,
    boleh_ubah: bool,
    boleh_tarik: bool,
    versi: i64,
    f: Isian,
    dipilih: BTreeSet<String>,
    hasil: Vec<en::HasilUntukPeserta>,
    pesan: Option<String>,
    st: StatusCode,
}

async fn tampil_entri(s: &AppState, p: &Pengunjung, ke: KonteksEntri, x: Tampil) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    let bagian: Vec<BagianTampil> = en::bagian_untuk(&ke.jenis)
        .iter()
        .map(|d| {
            let kolom = format!("bagian.{}", d.kode);
            BagianTampil {
                kode: d.kode,
                label: d.label(t.0),
                maks: d.maks,
                replikasi: d.replikasi,
                nilai: x.f.v(&kolom).to_string(),
                galat: x.f.g(&kolom).to_string(),
            }
        })
        .collect();
    // Unggahan sendiri (terbaru dulu) dan bukti yang sudah ada di entri.
    let mut bukti: Vec<BuktiTampil> = Vec::new();
    if x.boleh_ubah
        && let Some(a) = k.aktor.as_ref()
    {
        for b in app::bukti::daftar_milik_saya(l, k, &a.instansi_id)
            .await
            .unwrap_or_default()
        {
            bukti.push(BuktiTampil {
                dipilih: x.dipilih.contains(&b.id),
                nama: format!("{} ({} KB)", b.nama_asli, (b.ukuran + 1023) / 1024),
                id: b.id,
            });
        }
    }
    for (i, bid) in x.dipilih.iter().enumerate() {
        if !bukti.iter().any(|b| &b.id == bid) {
            bukti.push(BuktiTampil {
                id: bid.clone(),
                nama: format!("{} {}", t.s("Bukti", "Evidence"), i + 1),
                dipilih: true,
            });
        }
    }
    let galat_lain =
        x.f.galat
            .iter()
            .filter(|(kol, _)| !kolom_dikenal(kol))
            .map(|(kol, v)| format!("{kol}: {v}"))
            .collect();
    let hasil = x
        .hasil
        .into_iter()
        .map(|h| {
            let (kep, kelas) = keputusan(&t, &h.keputusan);
            HasilTampil {
                tahap: h.nama_tahap,
                keputusan: kep,
                kelas,
                alasan: h.alasan.unwrap_or_default(),
                nilai: h.nilai.unwrap_or_default(),
                urutan: h.urutan.map(|u| u.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let judul = if x.eid.is_some() {
        x.f.v("judul").to_string()
    } else {
        t.s("Entri baru", "New entry").to_string()
    };
    let tpl = HalamanEntri {
        b: Bingkai::dari(
            p,
            if judul.trim().is_empty() {
                t.s("Entri", "Entry").to_string()
            } else {
                judul
            },
        ),
        kelompok: super::inovasi::pilihan(ke.kelompok.clone(), x.f.v("kelompok")),
        kid: ke.kid,
        kompetisi: ke.kompetisi,
        eid: x.eid,
        instansi: x.instansi,
        status: x.status.as_deref().map(|s| status_entri(&t, s)),
        boleh_ubah: x.boleh_ubah,
        boleh_tarik: x.boleh_tarik,
        versi: x.versi,
        galat_lain,
        f: x.f,
        bagian,
        bukti,
        hasil,
        pesan: x.pesan,
    };
    Ok((x.st, render(&tpl)).into_response())
}

async fn entri_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
) -> HasilHalaman {
    let a = p.konteks.aktor().atau_halaman(&p)?.clone();
    let ke = konteks_entri(&s, &p, &kid).await?;
    if !ke.pendaftaran_buka {
        return Err(super::galat(
            &p,
            Galat::Status {
                kode: "pendaftaran_tutup".into(),
                pesan: p
                    .konteks
                    .t(
                        "Pendaftaran kompetisi ini tidak sedang dibuka.",
                        "Registration for this competition is not open.",
                    )
                    .into(),
                fields: Default::default(),
            },
        ));
    }
    let mut f = Isian::default();
    if let Some((k, _)) = ke.kelompok.first() {
        f.set("kelompok", k.clone());
    }
    let instansi = store::organisasi::instansi(s.layanan.pool(), &a.instansi_id)
        .await
        .ok()
        .flatten()
        .map(|i| i.nama)
        .unwrap_or_default();
    let x = Tampil {
        eid: None,
        instansi,
        status: None,
        boleh_ubah: true,
        boleh_tarik: false,
        versi: 0,
        f,
        dipilih: BTreeSet::new(),
        hasil: Vec::new(),
        pesan: None,
        st: StatusCode::OK,
    };
    tampil_entri(&s, &p, ke, x).await
}

/// Unggah berkas baru (bila ada), lalu simpan; galat apa pun → formulir
/// dengan semua isian seperti diketik dan pesan di samping kolomnya.
async fn simpan_baru(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    req: Request,
) -> HasilHalaman {
    let a = p.konteks.aktor().atau_halaman(&p)?.clone();
    let ke = konteks_entri(&s, &p, &kid).await?;
    let kode: Vec<&str> = en::bagian_untuk(&ke.jenis).iter().map(|b| b.kode).collect();
    let kiriman = baca_kiriman(&s, &p, req).await;
    let mut kiriman = match kiriman {
        Ok(x) => x,
        Err(g) => {
            let mut f = Isian::default();
            let st = galat_di_halaman(&p, g, &mut f)?;
            return tampil_entri(&s, &p, ke, tampil_kosong(f, st)).await;
        }
    };
    p.periksa_csrf(&kiriman.v("_csrf")).atau_halaman(&p)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let hasil = async {
        unggah_baru(&s, &p, &a.instansi_id, &mut kiriman).await?;
        let (_, m, _) = masukan_dari(&kiriman, &kode);
        en::buat(l, k, &kid, m).await
    }
    .await;
    match hasil {
        Ok(e) => {
            if kiriman.v("aksi") == "ajukan" {
                return ajukan_lalu(&s, &p, ke, &e.id, e.versi, &kiriman, &kode).await;
            }
            Ok(
                Redirect::to(&format!("/entri-kompetisi/{}?ok=simpan", enkode(&e.id)))
                    .into_response(),
            )
        }
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(&kiriman, &kode);
            let st = galat_di_halaman(&p, g, &mut f)?;
            let mut x = tampil_kosong(f, st);
            x.dipilih = dipilih;
            tampil_entri(&s, &p, ke, x).await
        }
    }
}

fn tampil_kosong(f: Isian, st: StatusCode) -> Tampil {
    Tampil {
        eid: None,
        instansi: String::new(),
        status: None,
        boleh_ubah: true,
        boleh_tarik: false,
        versi: 0,
        f,
        dipilih: BTreeSet::new(),
        hasil: Vec::new(),
        pesan: None,
        st,
    }
}

/// Menyimpan berkas baru sebagai bukti instansi dan mencentangnya.
async fn unggah_baru(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    kiriman: &mut Kiriman,
) -> Result<(), Galat> {
    if kiriman.berkas.is_empty() {
        return Ok(());
    }
    let berkas = std::mem::take(&mut kiriman.berkas);
    let baru = app::bukti::unggah(&s.layanan, &p.konteks, iid, berkas)
        .await
        .map_err(|g| match g {
            // Pesan berkas di samping kolom unggahnya.
            Galat::InputTidakValid { kode, pesan, .. } => Galat::InputTidakValid {
                kode,
                fields: BTreeMap::from([("berkas".to_string(), pesan.clone())]),
                pesan,
            },
            g => g,
        })?;
    for b in baru {
        kiriman.pasangan.push(("bukti".into(), b.id));
    }
    Ok(())
}

/// Setelah draf tersimpan: ajukan; bila belum lengkap, formulir ditampilkan
/// lagi (isinya sudah tersimpan) dengan alasan di samping setiap kolom.
async fn ajukan_lalu(
    s: &AppState,
    p: &Pengunjung,
    ke: KonteksEntri,
    eid: &str,
    versi: i64,
    kiriman: &Kiriman,
    kode: &[&str],
) -> HasilHalaman {
    match en::ajukan(&s.layanan, &p.konteks, eid, versi).await {
        Ok(e) => Ok(
            Redirect::to(&format!("/entri-kompetisi/{}?ok=ajukan", enkode(&e.id))).into_response(),
        ),
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(kiriman, kode);
            let st = galat_di_halaman(p, g, &mut f)?;
            let d = en::lihat(&s.layanan, &p.konteks, eid)
                .await
                .atau_halaman(p)?;
            let mut x = tampil_dari(&d, &ke, None, st);
            x.f = f;
            x.dipilih = dipilih;
            tampil_entri(s, p, ke, x).await
        }
    }
}

fn tampil_dari(
    d: &DetailEntri,
    ke: &KonteksEntri,
    pesan: Option<String>,
    st: StatusCode,
) -> Tampil {
    let (f, dipilih) = isian_dari_entri(&d.entri, &d.isi_entri);
    let draf = d.entri.status == "draf";
    Tampil {
        eid: Some(d.entri.id.clone()),
        instansi: d.instansi.clone(),
        status: Some(d.entri.status.clone()),
        boleh_ubah: d.hak.ubah && draf && ke.pendaftaran_buka,
        boleh_tarik: d.hak.ubah && !draf && ke.pendaftaran_buka,
        versi: d.entri.versi,
        f,
        dipilih,
        hasil: d.hasil.clone(),
        pesan,
        st,
    }
}

async fn entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let d = en::lihat(&s.layanan, &p.konteks, &eid)
        .await
        .atau_halaman(&p)?;
    let ke = konteks_entri(&s, &p, &d.entri.kompetisi_id).await?;
    let t = Teks(p.bahasa());
    let pesan = match q.ok.as_str() {
        "simpan" => Some(t.s("Draf tersimpan.", "Draft saved.")),
        "ajukan" => Some(t.s(
            "Entri diajukan. Anda dapat menariknya selama pendaftaran masih buka.",
            "Entry submitted. You can withdraw it while registration is open.",
        )),
        "tarik" => Some(t.s(
            "Entri ditarik dan kembali menjadi draf.",
            "Entry withdrawn; it is a draft again.",
        )),
        _ => None,
    }
    .map(str::to_string);
    let x = tampil_dari(&d, &ke, pesan, StatusCode::OK);
    tampil_entri(&s, &p, ke, x).await
}

async fn simpan_entri(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    req: Request,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let a = k.aktor().atau_halaman(&p)?.clone();
    let d = en::lihat(l, k, &eid).await.atau_halaman(&p)?;
    let ke = konteks_entri(&s, &p, &d.entri.kompetisi_id).await?;
    let kode: Vec<&str> = en::bagian_untuk(&ke.jenis).iter().map(|b| b.kode).collect();
    let mut kiriman = match baca_kiriman(&s, &p, req).await {
        Ok(x) => x,
        Err(g) => {
            let mut f = Isian::default();
            let st = galat_di_halaman(&p, g, &mut f)?;
            let mut x = tampil_dari(&d, &ke, None, st);
            x.f.galat = f.galat;
            x.f.pesan = f.pesan;
            return tampil_entri(&s, &p, ke, x).await;
        }
    };
    p.periksa_csrf(&kiriman.v("_csrf")).atau_halaman(&p)?;
    let versi = kiriman.v("versi").trim().parse::<i64>().ok();
    let hasil = async {
        let versi = app::galat::versi_wajib(k, versi)?;
        unggah_baru(&s, &p, &a.instansi_id, &mut kiriman).await?;
        let (_, m, _) = masukan_dari(&kiriman, &kode);
        en::ubah(l, k, &eid, versi, m).await
    }
    .await;
    match hasil {
        Ok(e) => {
            if kiriman.v("aksi") == "ajukan" {
                return ajukan_lalu(&s, &p, ke, &e.id, e.versi, &kiriman, &kode).await;
            }
            Ok(
                Redirect::to(&format!("/entri-kompetisi/{}?ok=simpan", enkode(&e.id)))
                    .into_response(),
            )
        }
        Err(g) => {
            let (mut f, _, dipilih) = masukan_dari(&kiriman, &kode);
            let st = galat_di_halaman(&p, g, &mut f)?;
            // Versi yang dilihat tetap (409: muat ulang menampilkan versi baru);
            // formulir tetap tampil agar teksnya tidak hilang.
            let mut x = tampil_dari(&d, &ke, None, st);
            x.boleh_ubah = d.hak.ubah;
            x.boleh_tarik = false;
            x.f = f;
            x.dipilih = dipilih;
            if let Some(v) = versi {
                x.versi = v;
            }
            tampil_entri(&s, &p, ke, x).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct FormVersi {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    versi: String,
}

async fn tarik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Form(f): Form<FormVersi>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let versi = app::galat::versi_wajib(k, f.versi.trim().parse().ok()).atau_halaman(&p)?;
    en::tarik(&s.layanan, k, &eid, versi)
        .await
        .atau_halaman(&p)?;
    Ok(Redirect::to(&format!("/entri-kompetisi/{}?ok=tarik", enkode(&eid))).into_response())
}

// ---------- juri ----------

struct TugasTampil {
    entri_id: String,
    judul: String,
    instansi: String,
    kelompok: String,
    tahap: i64,
    nama_tahap: String,
    buka: bool,
    dinilai: bool,
    nilai: String,
}

#[derive(Template)]
#[template(path = "kompetisi_penilaian.html")]
struct HalamanPenilaian {
    b: Bingkai,
    kid: String,
    kompetisi: String,
    tugas: Vec<TugasTampil>,
    belum: usize,
    pesan: Option<String>,
}

async fn penilaian(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(kid): Path<String>,
    Query(q): Query<TanyaOk>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    k.aktor().atau_halaman(&p)?;
    let d = kp::lihat(l, k, &kid).await.atau_halaman(&p)?;
    let tugas = jr::tugas_saya(l, k, &kid).await.atau_halaman(&p)?;
    let nama_kelompok: HashMap<&str, &str> = d
        .kelompok
        .iter()
        .map(|g| (g.kode.as_str(), g.nama.as_str()))
        .collect();
    let tugas: Vec<TugasTampil> = tugas
        .into_iter()
        .map(|x| {
            let kriteria: Vec<store::kompetisi::Kriteria> = d
                .tahap
                .iter()
                .find(|th| th.tahap.urutan == x.tahap)
                .map(|th| th.kriteria.clone())
                .unwrap_or_default();
            let nilai = x
                .skor
                .as_ref()
                .and_then(|m| serde_json::to_string(m).ok())
                .and_then(|j| jr::nilai_tertimbang(&kriteria, &j))
                .map(|n| n.to_string())
                .unwrap_or_default();
            TugasTampil {
                kelompok: nama_kelompok
                    .get(x.kelompok.as_str())
                    .map(|n| n.to_string())
                    .unwrap_or(x.kelompok),
                dinilai: x.skor.is_some(),
                entri_id: x.entri_id,
                judul: x.judul,
                instansi: x.instansi,
                tahap: x.tahap,
                nama_tahap: x.nama_tahap,
                buka: x.buka,
                nilai,
            }
        })
        .collect();
    // Yang masih perlu dinilai dulu, lalu yang sudah, lalu tahap yang tidak buka.
    let mut tugas = tugas;
    tugas.sort_by_key(|x| (!x.buka, x.dinilai));
    let belum = tugas.iter().filter(|x| x.buka && !x.dinilai).count();
    let pesan = match q.ok.as_str() {
        "tersimpan" => Some(t.s("Nilai tersimpan.", "Scores saved.")),
        "konflik" => Some(t.s(
            "Konflik kepentingan tercatat; entri itu tidak lagi ditugaskan kepada Anda.",
            "Conflict of interest recorded; that entry is no longer assigned to you.",
        )),
        _ => None,
    }
    .map(str::to_string);
    Ok(render(&HalamanPenilaian {
        b: Bingkai::dari(&p, t.s("Penilaian saya", "My scoring")),
        kid,
        kompetisi: d.kompetisi.nama,
        tugas,
        belum,
        pesan,
    }))
}

struct KriteriaTampil {
    kode: String,
    nama: String,
    bobot: String,
}

#[derive(Template)]
#[template(path = "kompetisi_nilai.html")]
struct HalamanNilai {
    b: Bingkai,
    kid: String,
    eid: String,
    urutan: i64,
    kompetisi: String,
    nama_tahap: String,
    instansi: String,
    kelompok: String,
    tanggal_implementasi: String,
    bagian: Vec<(&'static str, String)>,
    video: Option<String>,
    bukti: Vec<String>,
    kriteria: Vec<KriteriaTampil>,
    versi: i64,
    buka: bool,
    f: Isian,
    fk: Isian,
}

impl HalamanNilai {
    fn kolom(&self, kode: &str) -> String {
        format!("skor.{kode}")
    }
    fn galat_lain(&self) -> Vec<String> {
        self.f
            .galat
            .iter()
            .filter(|(k, _)| {
                k.as_str() != "catatan"
                    && !self
                        .kriteria
                        .iter()
                        .any(|c| format!("skor.{}", c.kode) == **k)
            })
            .map(|(k, v)| format!("{k}: {v}"))
            .collect()
    }
}

/// Halaman menilai: isi entri dan formulir nilai per kriteria. Entri yang
/// tidak ditugaskan kepada juri ini di tahap itu: 404.
async fn tampil_nilai(
    s: &AppState,
    p: &Pengunjung,
    eid: &str,
    u: i64,
    f: Option<Isian>,
    fk: Isian,
    st: StatusCode,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    let t = Teks(p.bahasa());
    k.aktor().atau_halaman(p)?;
    let d = en::lihat(l, k, eid).await.atau_halaman(p)?;
    let kid = d.entri.kompetisi_id.clone();
    let tidak_ada = || {
        super::galat(
            p,
            Galat::TidakDitemukan(
                k.t(
                    "Entri ini tidak ditugaskan kepada Anda di tahap itu.",
                    "This entry is not assigned to you at that stage.",
                )
                .into(),
            ),
        )
    };
    if !d.hak.juri {
        return Err(tidak_ada());
    }
    let tugas = jr::tugas_saya(l, k, &kid)
        .await
        .atau_halaman(p)?
        .into_iter()
        .find(|x| x.entri_id == eid && x.tahap == u)
        .ok_or_else(tidak_ada)?;
    let x = kp::lihat(l, k, &kid).await.atau_halaman(p)?;
    let kriteria: Vec<KriteriaTampil> = x
        .tahap
        .iter()
        .find(|th| th.tahap.urutan == u)
        .map(|th| {
            th.kriteria
                .iter()
                .map(|c| KriteriaTampil {
                    kode: c.kode.clone(),
                    nama: c.nama.clone(),
                    bobot: c.bobot.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let f = f.unwrap_or_else(|| {
        let mut f = Isian::default();
        if let Some(m) = &tugas.skor {
            for (kode, v) in m {
                f.set(&format!("skor.{kode}"), v.clone());
            }
        }
        f.set("catatan", tugas.catatan.clone().unwrap_or_default());
        f
    });
    let bagian = en::bagian_untuk(&d.jenis_kompetisi)
        .iter()
        .filter_map(|b| {
            d.isi_entri
                .bagian
                .get(b.kode)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (b.label(t.0), v.clone()))
        })
        .collect();
    let kelompok = x
        .kelompok
        .iter()
        .find(|g| g.kode == d.entri.kelompok)
        .map(|g| g.nama.clone())
        .unwrap_or_else(|| d.entri.kelompok.clone());
    let tpl = HalamanNilai {
        b: Bingkai::dari(p, d.entri.judul.clone()),
        kid,
        eid: eid.to_string(),
        urutan: u,
        kompetisi: d.kompetisi.clone(),
        nama_tahap: tugas.nama_tahap.clone(),
        instansi: d.instansi.clone(),
        kelompok,
        tanggal_implementasi: d
            .entri
            .tanggal_implementasi
            .as_deref()
            .map(|x| t.tanggal(x))
            .unwrap_or_default(),
        bagian,
        video: tautan_aman(d.entri.video_url.as_deref()),
        bukti: d.isi_entri.bukti.clone(),
        kriteria,
        versi: tugas.versi,
        buka: tugas.buka,
        f,
        fk,
    };
    Ok((st, render(&tpl)).into_response())
}

async fn halaman_nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((eid, u)): Path<(String, i64)>,
) -> HasilHalaman {
    tampil_nilai(&s, &p, &eid, u, None, Isian::default(), StatusCode::OK).await
}

async fn simpan_nilai(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((eid, u)): Path<(String, i64)>,
    Form(pasangan): Form<Vec<(String, String)>>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    let v = |kunci: &str| {
        pasangan
            .iter()
            .rev()
            .find(|(a, _)| a == kunci)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    };
    p.periksa_csrf(&v("_csrf")).atau_halaman(&p)?;
    let mut f = Isian::default();
    let mut skor = BTreeMap::new();
    for (kunci, isi) in &pasangan {
        if let Some(kode) = kunci.strip_prefix("skor.") {
            f.set(kunci, isi.clone());
            skor.insert(kode.to_string(), isi.trim().to_string());
        }
    }
    let catatan = v("catatan");
    f.set("catatan", catatan.clone());
    let versi = v("versi").trim().parse::<i64>().ok();
    let hasil = async {
        let versi = app::galat::versi_wajib(k, versi)?;
        let m = MasukanNilai {
            versi: None,
            skor,
            catatan: Some(catatan).filter(|c| !c.trim().is_empty()),
        };
        jr::nilai(&s.layanan, k, &eid, u, versi, m).await
    }
    .await;
    match hasil {
        Ok(n) => Ok(Redirect::to(&format!(
            "/kompetisi/{}/penilaian?ok=tersimpan#entri-{}",
            enkode(&n.kompetisi_id),
            enkode(&eid)
        ))
        .into_response()),
        Err(g) => {
            let st = galat_di_halaman(&p, g, &mut f)?;
            tampil_nilai(&s, &p, &eid, u, Some(f), Isian::default(), st).await
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct FormKonflik {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    alasan: String,
    #[serde(default)]
    tahap: i64,
}

async fn konflik(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(eid): Path<String>,
    Form(fr): Form<FormKonflik>,
) -> HasilHalaman {
    let l = &s.layanan;
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    p.periksa_csrf(&fr.csrf).atau_halaman(&p)?;
    let d = en::lihat(l, k, &eid).await.atau_halaman(&p)?;
    let kid = d.entri.kompetisi_id.clone();
    let m = MasukanKonflik {
        entri_id: eid.clone(),
        alasan: fr.alasan.clone(),
    };
    match jr::nyatakan_konflik(l, k, &kid, m).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/kompetisi/{}/penilaian?ok=konflik", enkode(&kid)))
                .into_response(),
        ),
        Err(g) => {
            let mut fk = Isian::default();
            fk.set("alasan", fr.alasan);
            let st = galat_di_halaman(&p, g, &mut fk)?;
            tampil_nilai(&s, &p, &eid, fr.tahap, None, fk, st).await
        }
    }
}
