//! Halaman perencanaan dan anggaran (isu 9): ringkasan rencana per tahun
//! dengan pratinjau gerbang dan tombol Tetapkan, sub kegiatan (melengkapi
//! indikator di draf), dan dasbor nilai uang dan keselarasan. Semua angka,
//! tanda dan pesan dari layanan yang sama dengan API.

use super::{Bingkai, HasilHalaman, Isian, KeHalaman, render};
use crate::AppState;
use crate::grafik::{Titik, sebaran};
use crate::pengunjung::Pengunjung;
use app::Galat;
use app::impor::Jenis;
use app::perencanaan::{
    self as pr, DetailSubkegiatan, IsianIndikator, JawabanKeselarasan, JawabanNilaiUang,
    KekuranganJson, MasukanSubkegiatan, RingkasanAnggaran, TanyaNilaiUang,
};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::{Form, Router};
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/instansi/{iid}/anggaran", get(tahun_ini))
        .route("/instansi/{iid}/anggaran/{tahun}", get(ringkasan))
        .route(
            "/instansi/{iid}/anggaran/{tahun}/tetapkan",
            axum::routing::post(tetapkan),
        )
        .route(
            "/instansi/{iid}/anggaran/{tahun}/subkegiatan/{kode}",
            get(subkegiatan).post(simpan_subkegiatan),
        )
        .route(
            "/instansi/{iid}/anggaran/{tahun}/hasil/{kode}",
            get(hasil).post(simpan_hasil),
        )
        .route(
            "/instansi/{iid}/anggaran/{tahun}/hasil/{kode}/realisasi",
            axum::routing::post(simpan_realisasi_hasil),
        )
        .route("/instansi/{iid}/anggaran/{tahun}/dasbor", get(dasbor))
        .route(
            "/instansi/{iid}/anggaran/{tahun}/subkegiatan/{kode}/realisasi",
            axum::routing::post(simpan_realisasi),
        )
        .route(
            "/instansi/{iid}/anggaran/{tahun}/{jenis}/impor",
            get(form_impor)
                .post(unggah)
                .layer(axum::extract::DefaultBodyLimit::max(
                    app::impor::BATAS_UKURAN + 1024 * 1024,
                )),
        )
        .route(
            "/instansi/{iid}/anggaran/{tahun}/{jenis}/{berkas}",
            get(unduh),
        )
        .route("/wilayah/{kode}/anggaran/{tahun}", get(wilayah))
}

/// Jenis impor anggaran dari segmen alamat, dengan sumber kebijakannya.
fn jenis_impor(
    p: &Pengunjung,
    iid: &str,
    s: &str,
) -> Result<(Jenis, bool), axum::response::Response> {
    let j = match s {
        "rencana" => Jenis::Rencana,
        "belanja" => Jenis::Belanja,
        "realisasi-anggaran" => Jenis::RealisasiAnggaran,
        "realisasi-keluaran" => Jenis::RealisasiKeluaran,
        _ => {
            return Err(super::galat(
                p,
                Galat::TidakDitemukan(
                    p.konteks
                        .t("Halaman tidak ditemukan.", "Page not found.")
                        .into(),
                ),
            ));
        }
    };
    use app::kebijakan::{Aksi, Sumber, putuskan};
    let sumber = match j {
        Jenis::Rencana => Sumber::Rencana(iid),
        Jenis::Belanja => Sumber::Belanja(iid),
        Jenis::RealisasiAnggaran => Sumber::Realisasi(iid),
        _ => Sumber::Keluaran(iid),
    };
    let boleh = putuskan(p.konteks.aktor.as_ref(), Aksi::Kelola, sumber).boleh();
    Ok((j, boleh))
}

async fn form_impor(
    p: Pengunjung,
    Path((iid, th, jenis)): Path<(String, String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let (j, boleh) = jenis_impor(&p, &iid, &jenis)?;
    if !boleh {
        return Err(super::galat(&p, p.konteks.dilarang()));
    }
    let dasar = format!("/instansi/{iid}/anggaran/{th}/{jenis}");
    Ok(super::impor::halaman_impor(
        &p,
        j,
        dasar,
        format!("/instansi/{iid}/anggaran/{th}"),
        None,
        None,
        StatusCode::OK,
    ))
}

async fn unggah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, jenis)): Path<(String, String, String)>,
    mp: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let (j, _) = jenis_impor(&p, &iid, &jenis)?;
    let k = &p.konteks;
    let dasar = format!("/instansi/{iid}/anggaran/{th}/{jenis}");
    let kembali = format!("/instansi/{iid}/anggaran/{th}");
    let gagal = |pesan: &str, st: StatusCode| {
        super::impor::halaman_impor(
            &p,
            j,
            dasar.clone(),
            kembali.clone(),
            None,
            Some(pesan.to_string()),
            st,
        )
    };
    let rusak = k.t(
        "Unggahan tidak terbaca. Pilih berkas lalu kirim lagi dari formulir ini.",
        "The upload could not be read. Choose the file and submit again from this form.",
    );
    let Ok(mp) = mp else {
        return Ok(gagal(rusak, StatusCode::BAD_REQUEST));
    };
    let (csrf, nama, isi) = match super::impor::baca_unggahan(mp).await {
        super::impor::Unggahan::Ada {
            csrf, nama, isi, ..
        } => (csrf, nama, isi),
        super::impor::Unggahan::TerlaluBesar => {
            return Ok(gagal(
                k.t(
                    "Berkas lebih dari 10 MB; bagi menjadi beberapa berkas.",
                    "The file is larger than 10 MB; split it into several files.",
                ),
                StatusCode::PAYLOAD_TOO_LARGE,
            ));
        }
        super::impor::Unggahan::Rusak => return Ok(gagal(rusak, StatusCode::BAD_REQUEST)),
    };
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    if isi.is_empty() {
        return Ok(gagal(
            k.t(
                "Pilih berkas CSV atau XLSX lebih dulu.",
                "Choose a CSV or XLSX file first.",
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let l = &s.layanan;
    if l.konfigurasi
        .impor_latar_bita
        .is_some_and(|batas| isi.len() > batas)
    {
        // Berkas besar: tugas latar; halamannya menampilkan status dan laporan.
        let t = app::tugas::antre_impor_anggaran(l, k, &iid, th, j, &nama, &isi, None)
            .await
            .atau_halaman(&p)?;
        return Ok(Redirect::to(&format!("/tugas/{}", t.id)).into_response());
    }
    let hasil = match j {
        Jenis::Rencana => app::impor::impor_rencana(l, k, &iid, th, &nama, &isi).await,
        Jenis::Belanja => app::impor::impor_belanja(l, k, &iid, th, &nama, &isi).await,
        Jenis::RealisasiAnggaran => {
            app::impor::impor_realisasi_anggaran(l, k, &iid, th, &nama, &isi).await
        }
        _ => app::impor::impor_realisasi_keluaran(l, k, &iid, th, &nama, &isi).await,
    };
    match hasil {
        Ok(lap) => {
            let st = if lap.diterima {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok(super::impor::halaman_impor(
                &p,
                j,
                dasar,
                kembali,
                Some(lap),
                None,
                st,
            ))
        }
        Err(Galat::Konflik(pesan)) => Ok(gagal(&pesan, StatusCode::CONFLICT)),
        Err(g) => Err(super::galat(&p, g)),
    }
}

/// `templat.csv|xlsx` dan `ekspor.csv|xlsx` untuk satu jenis impor anggaran.
async fn unduh(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, jenis, berkas)): Path<(String, String, String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let tidak = || {
        super::galat(
            &p,
            Galat::TidakDitemukan(
                p.konteks
                    .t("Halaman tidak ditemukan.", "Page not found.")
                    .into(),
            ),
        )
    };
    let (j, _) = jenis_impor(&p, &iid, &jenis)?;
    let (nama, ext) = berkas.rsplit_once('.').ok_or_else(tidak)?;
    let format = app::impor::Format::dari_kode(ext).ok_or_else(tidak)?;
    let isi = match nama {
        "templat" => {
            app::kebijakan::CakupanUnit::untuk(
                &s.layanan,
                &p.konteks,
                app::kebijakan::Aksi::Baca,
                app::kebijakan::Sumber::Rencana(&iid),
            )
            .await
            .atau_halaman(&p)?;
            app::impor::templat(p.bahasa(), format, j).atau_halaman(&p)?
        }
        "ekspor" => {
            let tabel = app::impor::TabelEkspor::dari_kode(&jenis).ok_or_else(tidak)?;
            app::impor::ekspor_anggaran(&s.layanan, &p.konteks, &iid, th, tabel, format)
                .await
                .atau_halaman(&p)?
        }
        _ => return Err(tidak()),
    };
    Ok(super::impor::unduhan(
        &format!("{nama}-{jenis}-{th}.{}", format.ekstensi()),
        format,
        isi,
    ))
}

#[derive(Template)]
#[template(path = "anggaran_wilayah.html")]
struct HalamanWilayah {
    b: Bingkai,
    r: pr::RekapWilayah,
    /// Sebaran per instansi (serapan × capaian tertimbang).
    svg: Option<String>,
}

impl HalamanWilayah {
    fn rupiah(&self, s: &str) -> String {
        rupiah_tampil(self.b.t.0, s)
    }
    fn persen(&self, s: &Option<String>) -> String {
        match s {
            Some(x) => format!(
                "{}%",
                if self.b.t.0 == app::Bahasa::Id {
                    x.replace('.', ",")
                } else {
                    x.clone()
                }
            ),
            None => "—".into(),
        }
    }
}

async fn wilayah(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((kode, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let r = pr::rekap_wilayah(&s.layanan, &p.konteks, &kode, th, None)
        .await
        .atau_halaman(&p)?;
    let judul = format!(
        "{} {kode} · {th}",
        p.konteks.t("Anggaran wilayah", "Regional budget")
    );
    let titik: Vec<Titik> = r
        .instansi
        .iter()
        .filter_map(|i| {
            Some(Titik {
                x: f64_dari(&i.penyerapan_persen)?,
                y: f64_dari(&i.capaian_tertimbang_persen)?,
                judul: format!(
                    "{}: {} {}%, {} {}%",
                    i.nama,
                    p.konteks.t("serapan", "absorption"),
                    i.penyerapan_persen.clone().unwrap_or_default(),
                    p.konteks.t("capaian", "achievement"),
                    i.capaian_tertimbang_persen.clone().unwrap_or_default(),
                ),
                merah: i.jumlah_bertanda > 0 || i.program_tidak_selaras > 0,
            })
        })
        .collect();
    // Ekspektasi waktu: bulan berjalan menurut tanggal hari ini (semua
    // instansi satu provinsi di zona yang sama).
    let bulan = r.bulan.map(f64::from).unwrap_or_else(|| {
        app::organisasi::hari_ini()[5..7]
            .parse::<f64>()
            .unwrap_or(12.0)
    });
    let svg = (!titik.is_empty()).then(|| {
        sebaran(
            &titik,
            bulan * 100.0 / 12.0,
            90.0,
            50.0,
            p.konteks.t("Penyerapan %", "Absorption %"),
            p.konteks
                .t("Capaian tertimbang %", "Weighted achievement %"),
            p.konteks.t(
                "Sebaran penyerapan dan capaian per instansi",
                "Absorption against achievement per agency",
            ),
        )
    });
    Ok(render(&HalamanWilayah {
        b: Bingkai::dari(&p, judul),
        r,
        svg,
    }))
}

fn tahun(p: &Pengunjung, t: &str) -> Result<i64, axum::response::Response> {
    t.parse::<i64>()
        .map_err(|_| {
            Galat::TidakDitemukan(
                p.konteks
                    .t("Tahun anggaran tidak sah.", "Invalid budget year.")
                    .into(),
            )
        })
        .atau_halaman(p)
}

async fn tahun_ini(_p: Pengunjung, Path(iid): Path<String>) -> HasilHalaman {
    let hari = app::organisasi::hari_ini();
    Ok(Redirect::to(&format!("/instansi/{iid}/anggaran/{}", &hari[0..4])).into_response())
}

#[derive(Template)]
#[template(path = "anggaran_ringkasan.html")]
struct HalamanRingkasan {
    b: Bingkai,
    iid: String,
    tahun: i64,
    r: RingkasanAnggaran,
    /// Kekurangan gerbang yang menolak penetapan (setelah tombol Tetapkan).
    tolak: Vec<KekuranganJson>,
    pesan_galat: Option<String>,
    pesan_ok: Option<String>,
    boleh_tetapkan: bool,
    /// Impor yang boleh dilakukan pengunjung: (segmen, judul).
    impor: Vec<(&'static str, &'static str)>,
    /// Kode wilayah bila instansi ini provinsi (tautan tampilan wilayah).
    wilayah: Option<String>,
    /// Program → kegiatan dengan indikator hasilnya (draf, atau yang berlaku).
    hasil: Option<pr::DaftarHasil>,
}

impl HalamanRingkasan {
    fn polaritas(&self, p: &Option<String>) -> &'static str {
        label_polaritas(self.b.t, p)
    }
    fn status(&self, s: &str) -> &'static str {
        match s {
            "draf" => self.b.t.s("Draf", "Draft"),
            "ditetapkan" => self.b.t.s("Ditetapkan", "Final"),
            "diganti" => self.b.t.s("Diganti perubahan", "Superseded"),
            _ => "—",
        }
    }
    fn rupiah(&self, s: &str) -> String {
        rupiah_tampil(self.b.t.0, s)
    }
}

/// "1500000000.00" → "Rp1.500.000.000" (id) / "Rp1,500,000,000" (en).
fn rupiah_tampil(b: app::Bahasa, s: &str) -> String {
    let (bulat, pecahan) = s.split_once('.').unwrap_or((s, "00"));
    let n: i64 = bulat.parse().unwrap_or(0);
    let mut t = app::teks::ribuan(n);
    if b == app::Bahasa::En {
        t = t.replace('.', ",");
    }
    if pecahan != "00" {
        t.push(if b == app::Bahasa::En { '.' } else { ',' });
        t.push_str(pecahan);
    }
    format!("Rp{t}")
}

async fn tampil_ringkasan(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    tolak: Vec<KekuranganJson>,
    pesan_galat: Option<String>,
    pesan_ok: Option<String>,
    st: StatusCode,
) -> HasilHalaman {
    let r = pr::ringkasan(&s.layanan, &p.konteks, iid, th)
        .await
        .atau_halaman(p)?;
    let boleh_tetapkan = app::kebijakan::putuskan(
        p.konteks.aktor.as_ref(),
        app::kebijakan::Aksi::Kelola,
        app::kebijakan::Sumber::Rencana(iid),
    )
    .penuh();
    let b = p.bahasa();
    let mut impor = Vec::new();
    for (seg, j) in [
        ("rencana", Jenis::Rencana),
        ("belanja", Jenis::Belanja),
        ("realisasi-anggaran", Jenis::RealisasiAnggaran),
        ("realisasi-keluaran", Jenis::RealisasiKeluaran),
    ] {
        if jenis_impor(p, iid, seg).is_ok_and(|(_, boleh)| boleh) {
            impor.push((seg, super::impor::judul(b, j)));
        }
    }
    let hasil = pr::daftar_hasil(&s.layanan, &p.konteks, iid, th)
        .await
        .atau_halaman(p)?;
    let wilayah = match store::organisasi::instansi(s.layanan.pool(), iid).await {
        Ok(Some(i)) if i.jenis == "provinsi" => i.kode_wilayah,
        _ => None,
    };
    let judul = format!(
        "{} {th}",
        p.konteks.t("Rencana dan anggaran", "Plan and budget")
    );
    Ok((
        st,
        render(&HalamanRingkasan {
            impor,
            wilayah,
            hasil,
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            r,
            tolak,
            pesan_galat,
            pesan_ok,
            boleh_tetapkan,
        }),
    )
        .into_response())
}

async fn ringkasan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    tampil_ringkasan(&s, &p, &iid, th, Vec::new(), None, None, StatusCode::OK).await
}

#[derive(serde::Deserialize)]
struct FormCsrf {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

async fn tetapkan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
    Form(f): Form<FormCsrf>,
) -> HasilHalaman {
    p.periksa_csrf(&f.csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    match pr::tetapkan(&s.layanan, &p.konteks, &iid, th).await {
        Ok(Ok(_)) => {
            let ok = match p.bahasa() {
                app::Bahasa::Id => format!("Rencana {th} ditetapkan."),
                app::Bahasa::En => format!("The {th} plan is final."),
            };
            tampil_ringkasan(&s, &p, &iid, th, Vec::new(), None, Some(ok), StatusCode::OK).await
        }
        Ok(Err(t)) => {
            let pesan = crate::galat::pesan_aman(&t.galat, p.bahasa());
            let st = crate::galat::status(&t.galat);
            tampil_ringkasan(&s, &p, &iid, th, t.kekurangan, Some(pesan), None, st).await
        }
        Err(g @ (Galat::Status { .. } | Galat::Konflik(_))) => {
            let pesan = crate::galat::pesan_aman(&g, p.bahasa());
            let st = crate::galat::status(&g);
            tampil_ringkasan(&s, &p, &iid, th, Vec::new(), Some(pesan), None, st).await
        }
        Err(g) => Err(super::galat(&p, g)),
    }
}

#[derive(Template)]
#[template(path = "anggaran_subkegiatan.html")]
struct HalamanSubkegiatan {
    b: Bingkai,
    iid: String,
    tahun: i64,
    d: DetailSubkegiatan,
    f: Isian,
    /// Baris indikator di formulir: yang ada ditambah satu baris kosong.
    baris: Vec<usize>,
    boleh_ubah: bool,
    unit: Vec<(String, String)>,
    /// Realisasi rencana yang ditetapkan (bila ada).
    real: Option<pr::RealisasiSub>,
    /// Pesan hasil simpan realisasi.
    pesan_real: Option<(bool, String)>,
}

impl HalamanSubkegiatan {
    fn rupiah(&self, s: &str) -> String {
        rupiah_tampil(self.b.t.0, s)
    }
    fn kolom_indikator(&self) -> Vec<(&'static str, &'static str, bool)> {
        kolom_indikator(self.b.t)
    }
    fn k(&self, i: &usize, kolom: &str) -> String {
        format!("i{i}_{kolom}")
    }
}

/// Kolom isian satu indikator di formulir: (nama kolom, label, desimal).
fn kolom_indikator(t: super::Teks) -> Vec<(&'static str, &'static str, bool)> {
    {
        vec![
            ("nama", t.s("Nama indikator", "Indicator name"), false),
            ("satuan", t.s("Satuan", "Unit"), false),
            ("baseline", "Baseline", true),
            ("target", t.s("Target tahunan", "Annual target"), true),
            (
                "tw1",
                t.s("Target s.d. triwulan I", "Target to quarter I"),
                true,
            ),
            (
                "tw2",
                t.s("Target s.d. triwulan II", "Target to quarter II"),
                true,
            ),
            (
                "tw3",
                t.s("Target s.d. triwulan III", "Target to quarter III"),
                true,
            ),
            (
                "tw4",
                t.s("Target s.d. triwulan IV", "Target to quarter IV"),
                true,
            ),
        ]
    }
}

/// "positif"/"negatif" (kosong = positif) untuk tabel.
fn label_polaritas(t: super::Teks, p: &Option<String>) -> &'static str {
    match p.as_deref() {
        Some("negatif") => t.s("negatif", "negative"),
        _ => t.s("positif", "positive"),
    }
}

fn isian_dari(d: &DetailSubkegiatan) -> Isian {
    let mut f = Isian::default();
    f.set("nama", d.nama.clone());
    f.set("unit_id", d.unit_id.clone().unwrap_or_default());
    f.set("pagu", d.pagu.clone().unwrap_or_default());
    f.set("lokasi", d.lokasi.clone().unwrap_or_default());
    f.set("pejabat_id", d.pejabat_nip.clone().unwrap_or_default());
    f.set("versi", d.versi.to_string());
    isi_indikator(&mut f, &d.indikator);
    f
}

/// Indikator ke kolom formulir `i{n}_…`.
fn isi_indikator(f: &mut Isian, indikator: &[IsianIndikator]) {
    for (i, x) in indikator.iter().enumerate() {
        f.set(&format!("i{i}_nama"), x.nama.clone());
        f.set(
            &format!("i{i}_satuan"),
            x.satuan.clone().unwrap_or_default(),
        );
        f.set(
            &format!("i{i}_polaritas"),
            x.polaritas.clone().unwrap_or_default(),
        );
        f.set(
            &format!("i{i}_baseline"),
            x.baseline.clone().unwrap_or_default(),
        );
        f.set(
            &format!("i{i}_target"),
            x.target.clone().unwrap_or_default(),
        );
        for j in 0..4 {
            let v = x
                .target_triwulan
                .get(j)
                .cloned()
                .flatten()
                .unwrap_or_default();
            f.set(&format!("i{i}_tw{}", j + 1), v);
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn tampil_sub(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    d: DetailSubkegiatan,
    f: Isian,
    st: StatusCode,
    pesan_real: Option<(bool, String)>,
) -> HasilHalaman {
    let n = d.indikator.len().max(
        (0..pr::MAKS_INDIKATOR)
            .filter(|i| !f.v(&format!("i{i}_nama")).is_empty())
            .count(),
    );
    let baris: Vec<usize> = (0..(n + 1).min(pr::MAKS_INDIKATOR)).collect();
    let boleh_ubah = d.status == "draf"
        && app::kebijakan::putuskan(
            p.konteks.aktor.as_ref(),
            app::kebijakan::Aksi::Kelola,
            app::kebijakan::Sumber::Rencana(iid),
        )
        .penuh();
    let unit = if boleh_ubah {
        app::organisasi::unit::pohon_ringan(&s.layanan, &p.konteks, iid)
            .await
            .atau_halaman(p)?
            .into_iter()
            .map(|x| {
                (
                    x.unit.id,
                    format!("{}{}", "· ".repeat(x.kedalaman), x.unit.nama),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let real = pr::realisasi_subkegiatan(&s.layanan, &p.konteks, iid, th, &d.kode)
        .await
        .atau_halaman(p)?;
    let judul = format!("{} {}", p.konteks.t("Sub kegiatan", "Sub-activity"), d.kode);
    Ok((
        st,
        render(&HalamanSubkegiatan {
            real,
            pesan_real,
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            d,
            f,
            baris,
            boleh_ubah,
            unit,
        }),
    )
        .into_response())
}

async fn subkegiatan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let d = pr::subkegiatan(&s.layanan, &p.konteks, &iid, th, &kode)
        .await
        .atau_halaman(&p)?;
    let f = isian_dari(&d);
    tampil_sub(&s, &p, &iid, th, d, f, StatusCode::OK, None).await
}

async fn simpan_subkegiatan(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(isi): Form<HashMap<String, String>>,
) -> HasilHalaman {
    let csrf = isi.get("_csrf").cloned().unwrap_or_default();
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let v = |k: &str| isi.get(k).map(|x| x.trim().to_string()).unwrap_or_default();
    let o = |k: &str| Some(v(k)).filter(|x| !x.is_empty());
    let (indikator, peta) = indikator_dari_form(&isi);
    let m = MasukanSubkegiatan {
        nama: v("nama"),
        unit_id: o("unit_id"),
        pagu: o("pagu"),
        lokasi: o("lokasi"),
        // Formulir mengirimnya: kosong = kembali ke kepala unit; tidak ada = tetap.
        pejabat_id: isi.get("pejabat_id").map(|x| x.trim().to_string()),
        indikator,
        versi: v("versi").parse().ok(),
    };
    match pr::simpan_subkegiatan(&s.layanan, &p.konteks, &iid, th, &kode, m).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/instansi/{iid}/anggaran/{th}/subkegiatan/{kode}?disimpan=1"
        ))
        .into_response()),
        Err(g) => {
            let d = pr::subkegiatan(&s.layanan, &p.konteks, &iid, th, &kode)
                .await
                .atau_halaman(&p)?;
            let mut f = Isian::default();
            for (k, x) in &isi {
                if k != "_csrf" {
                    f.set(k, x.clone());
                }
            }
            // Galat indikator[n].kolom → kolom formulir i{n}_kolom.
            let st = super::isian_dari_galat(&p, g, &mut f).map_err(|g| super::galat(&p, g))?;
            let galat: Vec<(String, String)> = f
                .galat
                .iter()
                .map(|(k, x)| (kolom_form(k, &peta), x.clone()))
                .collect();
            f.galat = galat.into_iter().collect();
            tampil_sub(&s, &p, &iid, th, d, f, st, None).await
        }
    }
}

/// Indikator dari kolom formulir `i{n}_…` (baris yang namanya kosong
/// dilewati: begitulah indikator dihapus), dengan nomor baris formulir
/// setiap indikator untuk menaruh galat di barisnya.
fn indikator_dari_form(isi: &HashMap<String, String>) -> (Vec<IsianIndikator>, Vec<usize>) {
    let v = |k: &str| isi.get(k).map(|x| x.trim().to_string()).unwrap_or_default();
    let o = |k: &str| Some(v(k)).filter(|x| !x.is_empty());
    let mut indikator = Vec::new();
    let mut peta = Vec::new();
    for i in 0..pr::MAKS_INDIKATOR {
        let nama = v(&format!("i{i}_nama"));
        if nama.is_empty() {
            continue;
        }
        indikator.push(IsianIndikator {
            nama,
            satuan: o(&format!("i{i}_satuan")),
            polaritas: o(&format!("i{i}_polaritas")),
            baseline: o(&format!("i{i}_baseline")),
            target: o(&format!("i{i}_target")),
            target_triwulan: (1..=4).map(|j| o(&format!("i{i}_tw{j}"))).collect(),
        });
        peta.push(i);
    }
    (indikator, peta)
}

/// `indikator[0].target_triwulan[2]` → `i0_tw3`; `indikator[1].nama` →
/// `i1_nama` — nomor indikator diterjemahkan ke baris formulirnya (`peta`).
fn kolom_form(k: &str, peta: &[usize]) -> String {
    let Some(r) = k.strip_prefix("indikator[") else {
        return k.to_string();
    };
    let (n, sisa) = r.split_once("].").unwrap_or((r, ""));
    let n = n
        .parse::<usize>()
        .ok()
        .and_then(|x| peta.get(x))
        .map(|x| x.to_string())
        .unwrap_or_else(|| n.to_string());
    if let Some(j) = sisa
        .strip_prefix("target_triwulan[")
        .and_then(|x| x.strip_suffix(']'))
        .and_then(|x| x.parse::<usize>().ok())
    {
        return format!("i{n}_tw{}", j + 1);
    }
    format!("i{n}_{sisa}")
}

#[derive(Template)]
#[template(path = "anggaran_hasil.html")]
struct HalamanHasil {
    b: Bingkai,
    iid: String,
    tahun: i64,
    d: pr::DetailHasil,
    f: Isian,
    /// Baris indikator di formulir: yang ada ditambah satu baris kosong.
    baris: Vec<usize>,
    boleh_ubah: bool,
    unit: Vec<(String, String)>,
    pesan_ok: Option<String>,
    /// Realisasi indikator hasil (rencana yang ditetapkan), bila terlihat.
    real: Option<pr::RealisasiHasil>,
    /// Isian sel realisasi yang gagal (`s{n}_realisasi`, …) dan pesannya.
    fr: Isian,
    pesan_real: Option<(bool, String)>,
}

impl HalamanHasil {
    /// Nilai kolom sel realisasi ke-`n`: yang diketik (bila gagal), atau tersimpan.
    fn sel_v(&self, n: &usize, kolom: &str, tersimpan: &Option<String>) -> String {
        let kunci = format!("s{n}_{kolom}");
        match self.fr.nilai.get(&kunci) {
            Some(x) => x.clone(),
            None => tersimpan.clone().unwrap_or_default(),
        }
    }
    fn sel_g(&self, n: &usize, kolom: &str) -> String {
        self.fr.g(&format!("s{n}_{kolom}")).to_string()
    }
    fn capaian(&self, c: &Option<String>) -> String {
        match c {
            Some(x) if self.b.t.0 == app::Bahasa::Id => format!("{}%", x.replace('.', ",")),
            Some(x) => format!("{x}%"),
            None => "—".into(),
        }
    }
    fn kolom_indikator(&self) -> Vec<(&'static str, &'static str, bool)> {
        kolom_indikator(self.b.t)
    }
    fn k(&self, i: &usize, kolom: &str) -> String {
        format!("i{i}_{kolom}")
    }
    fn polaritas(&self, p: &Option<String>) -> &'static str {
        label_polaritas(self.b.t, p)
    }
    fn tingkat(&self) -> &'static str {
        if self.d.tingkat == "kegiatan" {
            self.b.t.s("Kegiatan", "Activity")
        } else {
            self.b.t.s("Program", "Programme")
        }
    }
}

fn isian_hasil(d: &pr::DetailHasil) -> Isian {
    let mut f = Isian::default();
    f.set("unit_id", d.unit_id.clone().unwrap_or_default());
    f.set("pejabat_id", d.pejabat_nip.clone().unwrap_or_default());
    f.set("versi", d.versi.to_string());
    isi_indikator(&mut f, &d.indikator);
    f
}

#[allow(clippy::too_many_arguments)]
async fn tampil_hasil(
    s: &AppState,
    p: &Pengunjung,
    iid: &str,
    th: i64,
    d: pr::DetailHasil,
    f: Isian,
    st: StatusCode,
    pesan_ok: Option<String>,
    fr: Isian,
    pesan_real: Option<(bool, String)>,
) -> HasilHalaman {
    let real = pr::realisasi_hasil(&s.layanan, &p.konteks, iid, th, &d.kode)
        .await
        .atau_halaman(p)?;
    let n = d.indikator.len().max(
        (0..pr::MAKS_INDIKATOR)
            .filter(|i| !f.v(&format!("i{i}_nama")).is_empty())
            .map(|i| i + 1)
            .max()
            .unwrap_or(0),
    );
    let baris: Vec<usize> = (0..(n + 1).min(pr::MAKS_INDIKATOR)).collect();
    let boleh_ubah = d.status == "draf"
        && app::kebijakan::putuskan(
            p.konteks.aktor.as_ref(),
            app::kebijakan::Aksi::Kelola,
            app::kebijakan::Sumber::Rencana(iid),
        )
        .penuh();
    let unit = if boleh_ubah {
        app::organisasi::unit::pohon_ringan(&s.layanan, &p.konteks, iid)
            .await
            .atau_halaman(p)?
            .into_iter()
            .map(|x| {
                (
                    x.unit.id,
                    format!("{}{}", "· ".repeat(x.kedalaman), x.unit.nama),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let judul = format!(
        "{} {}",
        if d.tingkat == "kegiatan" {
            p.konteks.t("Kegiatan", "Activity")
        } else {
            p.konteks.t("Program", "Programme")
        },
        d.kode
    );
    Ok((
        st,
        render(&HalamanHasil {
            b: Bingkai::dari(p, judul),
            iid: iid.into(),
            tahun: th,
            d,
            f,
            baris,
            boleh_ubah,
            unit,
            pesan_ok,
            real,
            fr,
            pesan_real,
        }),
    )
        .into_response())
}

/// Program atau kegiatan: indikator hasil (outcome) dan unit penanggung
/// jawabnya; perencana menyuntingnya di draf.
async fn hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let d = pr::hasil(&s.layanan, &p.konteks, &iid, th, &kode)
        .await
        .atau_halaman(&p)?;
    let f = isian_hasil(&d);
    let ok = q.contains_key("disimpan").then(|| {
        p.konteks
            .t("Indikator hasil disimpan.", "Outcome indicators saved.")
            .to_string()
    });
    tampil_hasil(
        &s,
        &p,
        &iid,
        th,
        d,
        f,
        StatusCode::OK,
        ok,
        Isian::default(),
        None,
    )
    .await
}

async fn simpan_hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(isi): Form<HashMap<String, String>>,
) -> HasilHalaman {
    let csrf = isi.get("_csrf").cloned().unwrap_or_default();
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let v = |k: &str| isi.get(k).map(|x| x.trim().to_string()).unwrap_or_default();
    let (indikator, peta) = indikator_dari_form(&isi);
    let m = pr::MasukanHasil {
        unit_id: Some(v("unit_id")).filter(|x| !x.is_empty()),
        pejabat_id: isi.get("pejabat_id").map(|x| x.trim().to_string()),
        indikator,
        versi: v("versi").parse().ok(),
    };
    match pr::simpan_hasil(&s.layanan, &p.konteks, &iid, th, &kode, m).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/instansi/{iid}/anggaran/{th}/hasil/{kode}?disimpan=1"
        ))
        .into_response()),
        Err(g) => {
            let d = pr::hasil(&s.layanan, &p.konteks, &iid, th, &kode)
                .await
                .atau_halaman(&p)?;
            // Yang diketik tetap di formulir; galat di sebelah kolomnya.
            let mut f = Isian::default();
            for (k, x) in &isi {
                if k != "_csrf" {
                    f.set(k, x.clone());
                }
            }
            let st = super::isian_dari_galat(&p, g, &mut f).map_err(|g| super::galat(&p, g))?;
            f.galat = f
                .galat
                .iter()
                .map(|(k, x)| (kolom_form(k, &peta), x.clone()))
                .collect();
            tampil_hasil(&s, &p, &iid, th, d, f, st, None, Isian::default(), None).await
        }
    }
}

/// Isi (`verifikasi` false) atau verifikasi satu realisasi triwulan dari
/// formulir halaman: sub kegiatan (keluaran) dan program/kegiatan (hasil)
/// memakai layanan dan isian yang sama; hanya pesannya yang berbeda.
#[allow(clippy::too_many_arguments)]
async fn realisasi_dari_formulir(
    l: &app::Layanan,
    k: &app::Konteks,
    iid: &str,
    th: i64,
    kode: &str,
    verifikasi: bool,
    isi: &HashMap<String, String>,
    hasil: bool,
) -> Result<String, Galat> {
    let v = |x: &str| isi.get(x).map(|y| y.trim().to_string()).unwrap_or_default();
    let angka = |x: &str| v(x).parse::<i64>().unwrap_or(0);
    let pesan = |id: &'static str, en: &'static str| k.t(id, en).to_string();
    if verifikasi {
        let m = pr::MasukanVerifikasi {
            indikator: v("indikator"),
            catatan: Some(v("catatan")).filter(|x| !x.is_empty()),
        };
        pr::verifikasi_keluaran(l, k, iid, th, kode, angka("triwulan"), m).await?;
        return Ok(if hasil {
            pesan(
                "Realisasi indikator hasil diverifikasi.",
                "Outcome result verified.",
            )
        } else {
            pesan(
                "Realisasi keluaran diverifikasi.",
                "Output result verified.",
            )
        });
    }
    let m = pr::MasukanRealisasiKeluaran {
        indikator: v("indikator"),
        realisasi: angka_ketikan(&v("realisasi")),
        bukti_id: None,
        bukti_url: Some(v("bukti_url")).filter(|x| !x.is_empty()),
        versi: Some(angka("versi")),
    };
    pr::simpan_realisasi_keluaran(l, k, iid, th, kode, angka("triwulan"), m).await?;
    Ok(if hasil {
        pesan(
            "Realisasi indikator hasil disimpan.",
            "Outcome result saved.",
        )
    } else {
        pesan("Realisasi keluaran disimpan.", "Output result saved.")
    })
}

/// Realisasi indikator hasil dari halaman program/kegiatan: satu sel
/// (indikator × triwulan) diisi perencana/pimpinan unit penanggung jawab,
/// atau diverifikasi pimpinan unit. Gagal: yang diketik tetap di selnya,
/// galat di sebelah kolomnya.
async fn simpan_realisasi_hasil(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(isi): Form<HashMap<String, String>>,
) -> HasilHalaman {
    let csrf = isi.get("_csrf").cloned().unwrap_or_default();
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let v = |x: &str| isi.get(x).map(|y| y.trim().to_string()).unwrap_or_default();
    let sel = v("sel");
    let hasil: Result<String, Galat> = match v("aksi").as_str() {
        "isi" => realisasi_dari_formulir(l, k, &iid, th, &kode, false, &isi, true).await,
        "verifikasi" => realisasi_dari_formulir(l, k, &iid, th, &kode, true, &isi, true).await,
        _ => Err(Galat::input(
            k.t("Aksi tidak dikenal.", "Unknown action."),
            Default::default(),
        )),
    };
    let d = pr::hasil(l, k, &iid, th, &kode).await.atau_halaman(&p)?;
    let f = isian_hasil(&d);
    match hasil {
        Ok(pesan) => {
            tampil_hasil(
                &s,
                &p,
                &iid,
                th,
                d,
                f,
                StatusCode::OK,
                None,
                Isian::default(),
                Some((true, pesan)),
            )
            .await
        }
        Err(g @ (Galat::Dilarang(_) | Galat::TidakMasuk(_))) => Err(super::galat(&p, g)),
        Err(g) => {
            let mut fr = Isian::default();
            if v("aksi") == "isi" {
                fr.set(&format!("s{sel}_realisasi"), v("realisasi"));
                fr.set(&format!("s{sel}_bukti_url"), v("bukti_url"));
            }
            let st = super::isian_dari_galat(&p, g, &mut fr).map_err(|g| super::galat(&p, g))?;
            // Galat kolom ke sel yang dikirim (`realisasi` → `s3_realisasi`).
            fr.galat = fr
                .galat
                .iter()
                .map(|(x, y)| (format!("s{sel}_{x}"), y.clone()))
                .collect();
            let pesan = fr.pesan.take().unwrap_or_default();
            tampil_hasil(&s, &p, &iid, th, d, f, st, None, fr, Some((false, pesan))).await
        }
    }
}

#[derive(Template)]
#[template(path = "anggaran_dasbor.html")]
struct HalamanDasbor {
    b: Bingkai,
    iid: String,
    tahun: i64,
    nu: JawabanNilaiUang,
    ks: Option<JawabanKeselarasan>,
    svg: String,
    /// Sebaran per unit (perangkat daerah), bila ada dua unit atau lebih.
    svg_unit: Option<String>,
    /// Garis serapan kumulatif bulanan (pembaca seluruh instansi).
    svg_bulan: Option<String>,
}

impl HalamanDasbor {
    fn rupiah(&self, s: &str) -> String {
        rupiah_tampil(self.b.t.0, s)
    }
    fn persen(&self, s: &Option<String>) -> String {
        match s {
            Some(x) => format!(
                "{}%",
                if self.b.t.0 == app::Bahasa::Id {
                    x.replace('.', ",")
                } else {
                    x.clone()
                }
            ),
            None => "—".into(),
        }
    }
    fn bertanda(&self) -> Vec<&pr::BarisNilaiUang> {
        self.nu
            .subkegiatan
            .iter()
            .filter(|x| !x.tanda.is_empty())
            .collect()
    }
    fn label_tanda(&self, kode: &str) -> &'static str {
        match kode {
            "uang_habis_hasil_tidak_jelas" => self.b.t.s(
                "Uang habis, hasil tidak jelas",
                "Money spent, results unclear",
            ),
            "hasil_tanpa_bukti" => self.b.t.s("Hasil tanpa bukti", "Results without evidence"),
            "hasil_tanpa_belanja" => self
                .b
                .t
                .s("Hasil tanpa belanja", "Results without spending"),
            "target_di_bawah_baseline" => self
                .b
                .t
                .s("Target di bawah baseline", "Target below baseline"),
            "keluaran_tertinggal" => self.b.t.s("Keluaran tertinggal", "Output lagging"),
            _ => "—",
        }
    }
}

fn f64_dari(s: &Option<String>) -> Option<f64> {
    s.as_deref().and_then(|x| x.parse::<f64>().ok())
}

async fn dasbor(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th)): Path<(String, String)>,
) -> HasilHalaman {
    let th = tahun(&p, &th)?;
    let l = &s.layanan;
    let nu = pr::nilai_uang(l, &p.konteks, &iid, th, &TanyaNilaiUang::default())
        .await
        .atau_halaman(&p)?;
    let ks = pr::keselarasan(l, &p.konteks, &iid, th, None).await.ok();
    let titik: Vec<Titik> = nu
        .subkegiatan
        .iter()
        .filter_map(|x| {
            Some(Titik {
                x: f64_dari(&x.penyerapan_persen)?,
                y: f64_dari(&x.capaian_persen)?,
                judul: format!(
                    "{} {}: {} {}%, {} {}%",
                    x.kode,
                    x.unit.clone().unwrap_or_default(),
                    p.konteks.t("serapan", "absorption"),
                    x.penyerapan_persen.clone().unwrap_or_default(),
                    p.konteks.t("capaian", "achievement"),
                    x.capaian_persen.clone().unwrap_or_default()
                ),
                merah: !x.tanda.is_empty(),
            })
        })
        .collect();
    let e = f64_dari(
        &nu.subkegiatan
            .first()
            .map(|x| x.ekspektasi_waktu_persen.clone()),
    )
    .unwrap_or(f64::from(nu.bulan) * 100.0 / 12.0);
    let svg = sebaran(
        &titik,
        e,
        90.0,
        50.0,
        p.konteks.t("Penyerapan %", "Absorption %"),
        p.konteks.t("Capaian keluaran %", "Output achievement %"),
        p.konteks.t(
            "Sebaran penyerapan dan capaian per sub kegiatan",
            "Absorption against achievement per sub-activity",
        ),
    );
    // Per unit: serapan × capaian tertimbang pagu; merah bila ada sub
    // kegiatan bertanda (peringkat unit di tabel yang sama).
    let titik_unit: Vec<Titik> = nu
        .unit
        .iter()
        .filter_map(|u| {
            Some(Titik {
                x: f64_dari(&u.penyerapan_persen)?,
                y: f64_dari(&u.capaian_tertimbang_persen)?,
                judul: format!(
                    "{}: {} {}%, {} {}%, {} {}",
                    u.unit.clone().unwrap_or_default(),
                    p.konteks.t("serapan", "absorption"),
                    u.penyerapan_persen.clone().unwrap_or_default(),
                    p.konteks.t("capaian", "achievement"),
                    u.capaian_tertimbang_persen.clone().unwrap_or_default(),
                    u.jumlah_bertanda,
                    p.konteks.t("bertanda", "flagged"),
                ),
                merah: u.jumlah_bertanda > 0,
            })
        })
        .collect();
    let svg_unit = (titik_unit.len() >= 2).then(|| {
        sebaran(
            &titik_unit,
            e,
            90.0,
            50.0,
            p.konteks.t("Penyerapan %", "Absorption %"),
            p.konteks
                .t("Capaian tertimbang %", "Weighted achievement %"),
            p.konteks.t(
                "Sebaran penyerapan dan capaian per perangkat daerah/unit",
                "Absorption against achievement per department/unit",
            ),
        )
    });
    let pagu = rules::angka::baca_desimal(&nu.ringkasan.pagu).unwrap_or_default();
    let svg_bulan = pr::serapan_bulanan(l, &p.konteks, &iid, th, pagu)
        .await
        .atau_halaman(&p)?
        .map(|t| {
            let titik: Vec<(u8, f64)> = t
                .into_iter()
                .filter_map(|(b, x)| Some((b, x.to_string().parse::<f64>().ok()?)))
                .collect();
            crate::grafik::garis_bulanan(
                &titik,
                p.konteks
                    .t("Serapan kumulatif bulan", "Cumulative absorption, month"),
                p.konteks.t(
                    "Serapan kumulatif per bulan dibanding ekspektasi waktu",
                    "Cumulative absorption by month against time expectation",
                ),
            )
        });
    let judul = format!(
        "{} {th}",
        p.konteks.t("Dasbor anggaran", "Budget dashboard")
    );
    Ok(render(&HalamanDasbor {
        b: Bingkai::dari(&p, judul),
        iid,
        tahun: th,
        nu,
        ks,
        svg,
        svg_unit,
        svg_bulan,
    }))
}

/// Angka ketikan orang Indonesia: `1.500.000` (titik ribuan), `1.500.000,50`
/// (koma desimal), atau `1500000.50`.
fn angka_ketikan(t: &str) -> String {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if t.contains(',') {
        return t.replace('.', "").replace(',', ".");
    }
    let titik = t.matches('.').count();
    let ribuan = titik > 1 || (titik == 1 && t.rsplit('.').next().is_some_and(|x| x.len() == 3));
    if ribuan { t.replace('.', "") } else { t }
}

/// Menyimpan realisasi dari halaman sub kegiatan: bulan-bulan yang berubah
/// (keuangan), satu sel keluaran (perencana/pimpinan unit), atau verifikasi.
async fn simpan_realisasi(
    State(s): State<AppState>,
    p: Pengunjung,
    Path((iid, th, kode)): Path<(String, String, String)>,
    Form(isi): Form<HashMap<String, String>>,
) -> HasilHalaman {
    let csrf = isi.get("_csrf").cloned().unwrap_or_default();
    p.periksa_csrf(&csrf).atau_halaman(&p)?;
    let th = tahun(&p, &th)?;
    let l = &s.layanan;
    let k = &p.konteks;
    let v = |x: &str| isi.get(x).map(|y| y.trim().to_string()).unwrap_or_default();
    let angka = |x: &str| v(x).parse::<i64>().unwrap_or(0);
    let hasil: Result<String, Galat> = match v("aksi").as_str() {
        "anggaran" => {
            let mut n = 0;
            let mut galat = None;
            for bl in 1..=12 {
                let baru = v(&format!("b{bl}"));
                let lama = v(&format!("l{bl}"));
                if baru == lama || (baru.is_empty() && lama.is_empty()) {
                    continue;
                }
                let m = pr::MasukanRealisasiAnggaran {
                    jumlah: if baru.is_empty() {
                        "0".into()
                    } else {
                        angka_ketikan(&baru)
                    },
                    versi: Some(angka(&format!("v{bl}"))),
                };
                match pr::simpan_realisasi_anggaran(l, k, &iid, th, &kode, bl, m).await {
                    Ok(_) => n += 1,
                    Err(g) => {
                        galat = Some(g);
                        break;
                    }
                }
            }
            match galat {
                Some(g) => Err(g),
                None => Ok(match p.bahasa() {
                    app::Bahasa::Id => format!("{n} bulan disimpan."),
                    app::Bahasa::En => format!("{n} months saved."),
                }),
            }
        }
        "keluaran" => realisasi_dari_formulir(l, k, &iid, th, &kode, false, &isi, false).await,
        "verifikasi" => realisasi_dari_formulir(l, k, &iid, th, &kode, true, &isi, false).await,
        _ => Err(Galat::input(
            k.t("Aksi tidak dikenal.", "Unknown action."),
            Default::default(),
        )),
    };
    let d = pr::subkegiatan(l, k, &iid, th, &kode)
        .await
        .atau_halaman(&p)?;
    let f = isian_dari(&d);
    match hasil {
        Ok(pesan) => tampil_sub(&s, &p, &iid, th, d, f, StatusCode::OK, Some((true, pesan))).await,
        Err(g @ (Galat::Dilarang(_) | Galat::TidakMasuk(_))) => Err(super::galat(&p, g)),
        Err(g) => {
            let st = crate::galat::status(&g);
            let mut pesan = crate::galat::pesan_aman(&g, p.bahasa());
            if let Some(x) = crate::galat::kolom_galat(&g, p.bahasa()).values().next() {
                pesan = format!("{pesan} {x}");
            }
            tampil_sub(&s, &p, &iid, th, d, f, st, Some((false, pesan))).await
        }
    }
}
