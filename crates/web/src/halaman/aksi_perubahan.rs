//! Halaman aksi perubahan (isu 13), ponsel dulu: daftar proyek yang boleh
//! dilihat, detail dengan formulir progres + foto (alumni) dan verifikasi
//! (mentor), dasbor pemantauan dengan ekspor XLSX. Hak dan aturan di
//! `app::aksi_perubahan`; halaman hanya menyusun tampilan.

use super::{Bingkai, HasilHalaman, KeHalaman, render};
use crate::AppState;
use crate::pengunjung::Pengunjung;
use app::aksi_perubahan::{self as ap, SaringanAksi};
use askama::Template;
use axum::extract::multipart::Multipart;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use rules::aksi_perubahan::StatusAksi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/aksi-perubahan", get(daftar))
        .route("/aksi-perubahan/dasbor", get(dasbor))
        .route("/aksi-perubahan/{id}", get(detail))
        .route(
            "/aksi-perubahan/{id}/tonggak/{tid}/progres",
            post(kirim_progres).layer(DefaultBodyLimit::max(crate::api::bukti::BATAS_MUTLAK)),
        )
        .route(
            "/aksi-perubahan/{id}/progres/{pid}/verifikasi",
            post(verifikasi),
        )
}

/// Label dan kelas CSS status.
fn status(t: &super::Teks, s: StatusAksi) -> (String, &'static str) {
    (
        s.label(t.0).to_string(),
        match s {
            StatusAksi::Terlambat => "st-merah",
            StatusAksi::Senyap | StatusAksi::Berisiko => "st-kuning",
            StatusAksi::Selesai => "st-hijau",
            _ => "st-biasa",
        },
    )
}

/// Saringan dari query halaman (teks mentah; status yang salah diabaikan).
#[derive(serde::Deserialize, Default)]
struct Tanya {
    #[serde(default)]
    angkatan_id: String,
    #[serde(default)]
    wilayah: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    halaman: Option<u32>,
}

impl Tanya {
    fn saringan(&self) -> SaringanAksi {
        let isi = |s: &str| Some(s.trim().to_string()).filter(|x| !x.is_empty());
        SaringanAksi {
            angkatan_id: isi(&self.angkatan_id),
            wilayah: isi(&self.wilayah),
            status: StatusAksi::dari_token(self.status.trim()),
            halaman: self.halaman,
        }
    }
    fn query(&self) -> String {
        super::query(&[
            ("angkatan_id", &self.angkatan_id),
            ("wilayah", &self.wilayah),
            ("status", &self.status),
        ])
    }
}

struct BarisTampil {
    id: String,
    judul: String,
    alumni: String,
    status: String,
    kelas: &'static str,
    terlambat: i64,
}

#[derive(Template)]
#[template(path = "aksi_daftar.html")]
struct HalamanDaftar {
    b: Bingkai,
    q_angkatan: String,
    q_wilayah: String,
    q_status: String,
    pilihan_status: Vec<(&'static str, String)>,
    baris: Vec<BarisTampil>,
    total: i64,
    halaman: u32,
    sebelum: Option<String>,
    sesudah: Option<String>,
}

fn pilihan_status(t: &super::Teks) -> Vec<(&'static str, String)> {
    StatusAksi::SEMUA
        .iter()
        .map(|s| (s.token(), s.label(t.0).to_string()))
        .collect()
}

async fn daftar(State(s): State<AppState>, p: Pengunjung, Query(q): Query<Tanya>) -> HasilHalaman {
    let h = ap::daftar(&s.layanan, &p.konteks, &q.saringan())
        .await
        .atau_halaman(&p)?;
    let b = Bingkai::dari(&p, p.konteks.t("Aksi perubahan", "Change projects"));
    let halaman = q.halaman.unwrap_or(1).max(1);
    let dasar = q.query();
    let ke = |n: u32| format!("/aksi-perubahan?{dasar}&halaman={n}");
    let baris = h
        .isi
        .into_iter()
        .map(|x| {
            let (status, kelas) = status(&b.t, x.status);
            BarisTampil {
                id: x.id,
                judul: x.judul,
                alumni: x.alumni,
                status,
                kelas,
                terlambat: x.tonggak_terlambat,
            }
        })
        .collect();
    let ada_lagi = (halaman as i64) * (ap::UKURAN_HALAMAN as i64) < h.total;
    Ok(render(&HalamanDaftar {
        pilihan_status: pilihan_status(&b.t),
        b,
        q_angkatan: q.angkatan_id.clone(),
        q_wilayah: q.wilayah.clone(),
        q_status: q.status.clone(),
        baris,
        total: h.total,
        halaman,
        sebelum: (halaman > 1).then(|| ke(halaman - 1)),
        sesudah: ada_lagi.then(|| ke(halaman + 1)),
    }))
}

struct TonggakTampil {
    id: String,
    tahap: String,
    uraian: String,
    jatuh_tempo: String,
    keluaran: String,
    indikator: String,
    progres: String,
    status: String,
    kelas: &'static str,
    alasan: String,
    terbuka: bool,
    /// Nilai formulir ubah tonggak (dari isian bila formulir itu gagal).
    tahap_token: String,
    jatuh_tempo_iso: String,
    versi: i64,
    dibatalkan: Option<String>,
    rhk_id: Option<String>,
}

struct ProgresTampil {
    id: String,
    tonggak: String,
    progres: String,
    catatan: String,
    waktu: String,
    status: String,
    menunggu: bool,
    bukti: Vec<String>,
}

/// Proyek sebelum pindah instansi beserta progresnya (hanya dibaca).
struct AsalTampil {
    aksi_id: String,
    instansi: String,
    judul: String,
    tanggal: String,
    progres: Vec<ProgresTampil>,
}

#[derive(Template)]
#[template(path = "aksi_detail.html")]
struct HalamanDetail {
    b: Bingkai,
    d: ap::DetailAksi,
    status: String,
    kelas: &'static str,
    angkatan: String,
    tonggak: Vec<TonggakTampil>,
    progres: Vec<ProgresTampil>,
    /// Sudah pindah: (instansi tujuan, tanggal, proyek lanjutan).
    pindah: Option<(String, String, String)>,
    asal: Vec<AsalTampil>,
    pesan: Option<String>,
    galat: Option<String>,
    /// Formulir yang gagal (`proyek`, `tonggak-baru`, `ubah-{tid}`,
    /// `batal-{tid}`, `rhk-{tid}`, `usul`) dan isiannya: yang diketik tidak hilang.
    formulir: String,
    isian: super::Isian,
    /// Label kualifikasi seminar dari pita lembaga pelatihan.
    kualifikasi: String,
    pilihan_tahap: Vec<(&'static str, &'static str)>,
    /// Boleh mengusulkan sekarang (berhak, belum diusulkan atau ditolak).
    boleh_usul: bool,
}

impl HalamanDetail {
    /// Nilai field `kolom` formulir `f`: isian bila formulir itu yang gagal, selain itu `asal`.
    fn v(&self, f: &str, kolom: &str, asal: &str) -> String {
        if self.formulir == f {
            self.isian.v(kolom).to_string()
        } else {
            asal.to_string()
        }
    }
    /// Galat field `kolom` formulir `f` (kosong bila tidak ada).
    fn g(&self, f: &str, kolom: &str) -> String {
        if self.formulir == f {
            self.isian.g(kolom).to_string()
        } else {
            String::new()
        }
    }
    fn opsi<'a>(&self, x: &'a Option<String>) -> &'a str {
        x.as_deref().unwrap_or("")
    }
}

/// Baris progres untuk tampilan (`uraian`: id tonggak → uraian).
fn progres_tampil(
    t: &super::Teks,
    x: &ap::Progres,
    uraian: &std::collections::HashMap<String, String>,
    zona: &str,
    bukti: &std::collections::HashMap<String, Vec<String>>,
) -> ProgresTampil {
    ProgresTampil {
        id: x.id.clone(),
        tonggak: uraian.get(&x.tonggak_id).cloned().unwrap_or_default(),
        progres: x.progres_persen.clone(),
        catatan: x.catatan.clone(),
        waktu: t.waktu(&x.dibuat_pada, zona),
        status: match x.status.as_str() {
            "diterima" => t.s("diterima mentor", "accepted by the mentor"),
            "ditolak" => t.s("ditolak mentor", "rejected by the mentor"),
            _ => t.s("menunggu verifikasi", "awaiting verification"),
        }
        .to_string(),
        menunggu: x.status == "menunggu",
        bukti: bukti.get(&x.id).cloned().unwrap_or_default(),
    }
}

/// Penjelasan status tonggak dengan ambang instansi alumni yang dipakai.
fn alasan_tonggak(
    t: &super::Teks,
    a: rules::aksi_perubahan::AlasanTonggak,
    senyap: u32,
    berisiko: u32,
) -> String {
    use rules::aksi_perubahan::AlasanTonggak::*;
    match a {
        AdaTanggalSelesai => t.s("sudah selesai", "done").into(),
        Dibatalkan => t.s("dibatalkan", "cancelled").into(),
        LewatJatuhTempo => t.s("lewat jatuh tempo", "past its due date").into(),
        TanpaPembaruan => match t.0 {
            app::Bahasa::Id => format!("{senyap} hari atau lebih tanpa pembaruan"),
            app::Bahasa::En => format!("{senyap} days or more without an update"),
        },
        JatuhTempoDekatProgresRendah => match t.0 {
            app::Bahasa::Id => format!("jatuh tempo dalam {berisiko} hari, progres di bawah 50%"),
            app::Bahasa::En => format!("due within {berisiko} days, progress under 50%"),
        },
        SesuaiJadwal => t.s("sesuai jadwal", "on schedule").into(),
    }
}

#[derive(serde::Deserialize, Default)]
struct TanyaDetail {
    #[serde(default)]
    ok: String,
}

pub(super) async fn halaman_detail(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
) -> HasilHalaman {
    halaman_detail_penuh(
        s,
        p,
        id,
        pesan,
        galat,
        String::new(),
        super::Isian::default(),
    )
    .await
}

async fn halaman_detail_penuh(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    pesan: Option<String>,
    galat: Option<String>,
    formulir: String,
    isian: super::Isian,
) -> HasilHalaman {
    let d = ap::lihat(&s.layanan, &p.konteks, id)
        .await
        .atau_halaman(p)?;
    let b = Bingkai::dari(p, d.aksi.judul.clone());
    let t = b.t;
    let (st, kelas) = status(&t, d.status);
    let uraian: std::collections::HashMap<String, String> = d
        .tonggak
        .iter()
        .map(|x| (x.tonggak.id.clone(), x.tonggak.uraian.clone()))
        .collect();
    let tonggak = d
        .tonggak
        .iter()
        .map(|x| {
            let (status, kelas) = status(&t, x.status);
            TonggakTampil {
                id: x.tonggak.id.clone(),
                tahap: rules::aksi_perubahan::Tahap::dari_token(&x.tonggak.tahap)
                    .map(|h| h.label(t.0).to_string())
                    .unwrap_or_default(),
                uraian: x.tonggak.uraian.clone(),
                jatuh_tempo: t.tanggal(&x.tonggak.jatuh_tempo),
                keluaran: x.tonggak.keluaran.clone().unwrap_or_default(),
                indikator: x.tonggak.indikator.clone().unwrap_or_default(),
                progres: x.tonggak.progres_persen.clone(),
                status,
                kelas,
                alasan: alasan_tonggak(&t, x.alasan, d.hari_senyap, d.hari_berisiko),
                terbuka: x.tonggak.selesai_pada.is_none() && x.tonggak.dibatalkan_alasan.is_none(),
                tahap_token: x.tonggak.tahap.clone(),
                jatuh_tempo_iso: x.tonggak.jatuh_tempo.clone(),
                versi: x.tonggak.versi,
                dibatalkan: x.tonggak.dibatalkan_alasan.clone(),
                rhk_id: x.tonggak.rhk_id.clone(),
            }
        })
        .collect();
    let progres = d
        .progres
        .iter()
        .map(|x| progres_tampil(&t, x, &uraian, &d.zona_waktu, &d.bukti))
        .collect();
    let pindah = d
        .pindah
        .as_ref()
        .map(|p| (p.instansi.clone(), t.tanggal(&p.tanggal), p.aksi_id.clone()));
    let asal = d
        .asal
        .iter()
        .map(|a| AsalTampil {
            aksi_id: a.aksi_id.clone(),
            instansi: a.instansi.clone(),
            judul: a.judul.clone(),
            tanggal: t.tanggal(&a.tanggal),
            progres: a
                .progres
                .iter()
                .map(|x| progres_tampil(&t, x, &a.tonggak, &a.zona_waktu, &a.bukti))
                .collect(),
        })
        .collect();
    let angkatan = d
        .angkatan
        .as_ref()
        .map(|a| format!("{} · {}", a.nama, ap::label_pelatihan(&a.jenis)))
        .unwrap_or_default();
    let kualifikasi = match (&d.aksi.kualifikasi, &d.aksi.nilai_seminar) {
        (Some(q), n) => {
            let label = d
                .pita_kualifikasi
                .iter()
                .find(|x| &x.kode == q)
                .map(|x| x.label.clone())
                .unwrap_or_else(|| q.clone());
            match n {
                Some(n) => format!("{label} ({} {n})", t.s("nilai", "score")),
                None => label,
            }
        }
        (None, Some(n)) => n.clone(),
        (None, None) => String::new(),
    };
    let pilihan_tahap = rules::aksi_perubahan::Tahap::SEMUA
        .iter()
        .map(|x| (x.token(), x.label(t.0)))
        .collect();
    let boleh_usul = d.hak.usul_inovasi
        && d.usul_inovasi
            .as_ref()
            .is_none_or(|u| u.status == "ditolak");
    Ok(render(&HalamanDetail {
        boleh_usul,
        b,
        status: st,
        kelas,
        angkatan,
        tonggak,
        progres,
        pindah,
        asal,
        pesan,
        galat,
        formulir,
        isian,
        kualifikasi,
        pilihan_tahap,
        d,
    }))
}

async fn detail(
    State(s): State<AppState>,
    p: Pengunjung,
    Path(id): Path<String>,
    Query(q): Query<TanyaDetail>,
) -> HasilHalaman {
    let pesan = match q.ok.as_str() {
        "progres" => Some(p.konteks.t(
            "Progres terkirim; menunggu verifikasi mentor.",
            "Progress sent; awaiting the mentor's verification.",
        )),
        "verifikasi" => Some(p.konteks.t("Verifikasi tersimpan.", "Verification saved.")),
        "proyek" => Some(p.konteks.t("Isi proyek tersimpan.", "Project saved.")),
        "tonggak" => Some(p.konteks.t("Tonggak tersimpan.", "Milestone saved.")),
        "batal" => Some(p.konteks.t("Tonggak dibatalkan.", "Milestone cancelled.")),
        "rhk" => Some(p.konteks.t(
            "Tonggak menjadi RHK di SKP Anda (draf); ajukan SKP seperti biasa.",
            "The milestone is now a result in your plan (draft); submit the plan as usual.",
        )),
        "usul" => Some(p.konteks.t(
            "Diusulkan ke repositori inovasi; admin atau operator inovasi instansi memutusnya.",
            "Proposed to the innovation repository; the agency admin or innovation officer decides.",
        )),
        _ => None,
    }
    .map(str::to_string);
    halaman_detail(&s, &p, &id, pesan, None).await
}

/// Formulir progres (multipart, dengan foto dari kamera ponsel).
async fn kirim_progres(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, tid)): Path<(String, String)>,
    mp: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let k = &p.konteks;
    k.aktor().atau_halaman(&p)?;
    let hasil = async {
        let mut mp = mp.map_err(|_| {
            app::Galat::input(
                k.t("Formulir tidak terbaca.", "The form could not be read."),
                Default::default(),
            )
        })?;
        let (m, bukti, csrf) =
            crate::api::aksi_perubahan::baca_progres(&mut mp, k, &s.layanan.konfigurasi, true)
                .await?;
        p.periksa_csrf(&csrf)?;
        ap::kirim_progres(&s.layanan, k, &id, &tid, m, bukti).await
    }
    .await;
    match hasil {
        Ok(_) => Ok(Redirect::to(&format!("/aksi-perubahan/{id}?ok=progres")).into_response()),
        Err(
            g @ (app::Galat::InputTidakValid { .. }
            | app::Galat::TerlaluBesar(_)
            | app::Galat::Konflik(_)),
        ) => {
            // Pesan di halaman itu sendiri, di atas formulir tonggaknya.
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            for (kolom, isi) in crate::galat::kolom_galat(&g, p.bahasa()) {
                pesan.push_str(&format!(" {kolom}: {isi}"));
            }
            let st = crate::galat::status(&g);
            let r = halaman_detail(&s, &p, &id, None, Some(pesan)).await?;
            Ok((st, r).into_response())
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

#[derive(serde::Deserialize)]
struct FormVerifikasi {
    #[serde(rename = "_csrf", default)]
    csrf: String,
    #[serde(default)]
    keputusan: String,
    #[serde(default)]
    catatan: String,
}

async fn verifikasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((id, pid)): Path<(String, String)>,
    Form(f): Form<FormVerifikasi>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let m = ap::MasukanVerifikasi {
        diterima: f.keputusan == "terima",
        catatan: Some(f.catatan).filter(|c| !c.trim().is_empty()),
    };
    ap::verifikasi(&s.layanan, &p.konteks, &id, &pid, m)
        .await
        .atau_halaman(&p)?;
    Ok(Redirect::to(&format!("/aksi-perubahan/{id}?ok=verifikasi")).into_response())
}

struct StatusJumlah {
    token: &'static str,
    label: String,
    kelas: &'static str,
    jumlah: i64,
}

#[derive(Template)]
#[template(path = "aksi_dasbor.html")]
struct HalamanDasbor {
    b: Bingkai,
    d: ap::dasbor::Dasbor,
    status: Vec<StatusJumlah>,
    q_angkatan: String,
    q_wilayah: String,
    q_status: String,
    pilihan_status: Vec<(&'static str, String)>,
    ekspor: String,
    query: String,
}

async fn dasbor(State(s): State<AppState>, p: Pengunjung, Query(q): Query<Tanya>) -> HasilHalaman {
    let d = ap::dasbor::dasbor(&s.layanan, &p.konteks, &q.saringan())
        .await
        .atau_halaman(&p)?;
    let b = Bingkai::dari(
        &p,
        p.konteks
            .t("Pemantauan aksi perubahan", "Change-project monitoring"),
    );
    let status = d
        .per_status
        .iter()
        .map(|x| {
            let (label, kelas) = status(&b.t, x.status);
            StatusJumlah {
                token: x.status.token(),
                label,
                kelas,
                jumlah: x.jumlah,
            }
        })
        .collect();
    let query = q.query();
    Ok(render(&HalamanDasbor {
        pilihan_status: pilihan_status(&b.t),
        b,
        d,
        status,
        q_angkatan: q.angkatan_id.clone(),
        q_wilayah: q.wilayah.clone(),
        q_status: q.status.clone(),
        ekspor: format!("/api/v1/aksi-perubahan/ekspor?{query}"),
        query,
    }))
}

/// Halaman proyek sesudah formulir `formulir` gagal: pesan di atas, galat
/// per kolom di formulirnya, isian dipertahankan (`aksi_kelola`).
pub(super) async fn halaman_detail_isian(
    s: &AppState,
    p: &Pengunjung,
    id: &str,
    formulir: &str,
    isian: super::Isian,
) -> HasilHalaman {
    let pesan = isian.pesan.clone();
    halaman_detail_penuh(s, p, id, None, pesan, formulir.to_string(), isian).await
}
