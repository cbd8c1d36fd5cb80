//! Replikasi dan keberlanjutan: instansi mendaftarkan bahwa ia mereplikasi
//! sebuah inovasi (apa yang disesuaikan, mulai kapan, penanggung jawab) dan
//! melapor per semester dengan bukti; pemilik inovasi mengonfirmasi setiap
//! tahun bahwa aslinya masih berjalan. Hak: `Sumber::Inovasi` instansi aktor
//! (admin instansi, operator inovasi); hanya untuk instansinya sendiri.

use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi, Sumber};
use crate::organisasi::{hari_ini_di, tanggal_sah};
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use serde::{Deserialize, Serialize};
use store::inovasi::{Konfirmasi, LaporanReplikasi, Replikasi};

pub const OBJEK_REPLIKASI: &str = "replikasi_inovasi";
pub const OBJEK_LAPORAN: &str = "laporan_replikasi";
pub const OBJEK_KONFIRMASI: &str = "konfirmasi_inovasi";
/// Jenis objek rujukan bukti laporan replikasi.
pub const RUJUKAN_LAPORAN: &str = "laporan_replikasi";

/// Teks uraian panjang (adaptasi, capaian).
const MAKS_URAIAN: usize = 4_000;
const MIN_ADAPTASI: usize = 20;

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanReplikasi {
    /// Apa yang disesuaikan dari aslinya (20–4.000 karakter).
    pub adaptasi: String,
    /// Tanggal mulai diterapkan (YYYY-MM-DD).
    pub mulai: String,
    /// Unit/pejabat penanggung jawab.
    pub penanggung_jawab: String,
    /// Unit kerja penanggung jawab di instansi Anda (opsional).
    #[serde(default)]
    pub unit_id: Option<String>,
}

fn kosong(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
}

/// Aktor boleh mendaftarkan replikasi atas nama instansinya (untuk
/// menampilkan formulir; `daftar` tetap memeriksa sendiri).
pub fn boleh_daftar(k: &Konteks) -> bool {
    k.aktor.as_ref().is_some_and(|a| {
        kebijakan::putuskan(Some(a), Aksi::Kelola, Sumber::Inovasi(&a.instansi_id)).boleh()
    })
}

/// Mendaftarkan replikasi oleh instansi aktor (POST /api/v1/inovasi/{id}/replikasi).
pub async fn daftar(
    l: &Layanan,
    k: &Konteks,
    inovasi_id: &str,
    m: MasukanReplikasi,
) -> Hasil<Replikasi> {
    let a = k.aktor()?;
    let iid = a.instansi_id.clone();
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Inovasi(&iid))?;
    let instansi = store::organisasi::instansi(l.pool(), &iid)
        .await?
        .ok_or_else(|| {
            Galat::Dilarang(
                k.t(
                    "Replikasi didaftarkan oleh akun sebuah instansi.",
                    "A replication is registered by an agency account.",
                )
                .into(),
            )
        })?;
    let ino = super::muat(l, k, inovasi_id).await?;
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    if ino.instansi_id.as_deref() == Some(iid.as_str()) {
        f.tambah(
            "inovasi",
            k.t(
                "Ini inovasi instansi Anda sendiri; replikasi dilakukan instansi lain.",
                "This is your own agency's innovation; replication is done by other agencies.",
            ),
        );
    }
    let adaptasi = m.adaptasi.trim().to_string();
    if adaptasi.chars().count() < MIN_ADAPTASI {
        f.tambah(
            "adaptasi",
            k.t(
                "Uraikan apa yang Anda sesuaikan (paling sedikit 20 karakter).",
                "Describe what you adapted (at least 20 characters).",
            ),
        );
    }
    validasi::periksa(
        &mut f,
        b,
        "adaptasi",
        &adaptasi,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    let pj = m.penanggung_jawab.trim().to_string();
    if pj.is_empty() {
        f.tambah("penanggung_jawab", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        &mut f,
        b,
        "penanggung_jawab",
        &pj,
        validasi::MAKS_NAMA,
        JenisTeks::Nama,
    );
    let hari_ini = hari_ini_di(l, &iid).await?;
    if !tanggal_sah(&m.mulai) {
        f.tambah("mulai", k.t("Tanggal YYYY-MM-DD.", "A date YYYY-MM-DD."));
    } else if m.mulai.as_str() > hari_ini.as_str() {
        f.tambah(
            "mulai",
            k.t(
                "Replikasi didaftarkan setelah mulai diterapkan, bukan sebelumnya.",
                "Register a replication once it has started, not before.",
            ),
        );
    }
    let unit = kosong(&m.unit_id);
    if let Some(u) = &unit
        && (u.len() > validasi::MAKS_ID
            || store::organisasi::unit(l.pool(), &iid, u).await?.is_none())
    {
        f.tambah(
            "unit_id",
            k.t(
                "Unit tidak ada di instansi Anda.",
                "No such unit in your agency.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data replikasi belum benar.",
        "The replication data is not valid.",
    ))?;
    let w = store::sekarang();
    let r = Replikasi {
        instansi_id: iid.clone(),
        id: store::id_baru(),
        inovasi_id: ino.id.clone(),
        unit_id: unit,
        penanggung_jawab: pj,
        adaptasi,
        mulai: m.mulai,
        status: "berjalan".into(),
        kode_wilayah: instansi.kode_wilayah.clone(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    if let Err(e) = store::inovasi::sisipkan_replikasi(&mut tx, &r).await {
        if e.pelanggaran_unik() {
            return Err(Galat::Konflik(
                k.t(
                    "Instansi Anda sudah mendaftarkan replikasi inovasi ini; kirim laporan berkalanya.",
                    "Your agency already registered a replication of this innovation; send its periodic report instead.",
                )
                .into(),
            ));
        }
        return Err(e.into());
    }
    crate::audit::catat(
        &mut tx,
        k,
        &iid,
        "buat",
        OBJEK_REPLIKASI,
        &r.id,
        None,
        Some(&r),
    )
    .await?;
    tx.commit().await?;
    l.kamus_inovasi.usang();
    Ok(r)
}

/// Replikasi yang didaftarkan instansi aktor, dengan judul inovasinya.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct ReplikasiSaya {
    #[serde(flatten)]
    pub replikasi: Replikasi,
    pub judul_inovasi: String,
    pub instansi_asal: String,
}

pub async fn milik_saya(l: &Layanan, k: &Konteks) -> Hasil<Vec<ReplikasiSaya>> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, Aksi::Baca, Sumber::Inovasi(&iid))?;
    let mut hasil = Vec::new();
    for r in store::inovasi::replikasi_instansi(l.pool(), &iid).await? {
        let (judul, asal) = match store::inovasi::inovasi(l.pool(), &r.inovasi_id).await? {
            Some(i) => (i.judul, i.nama_instansi),
            None => (String::new(), String::new()),
        };
        hasil.push(ReplikasiSaya {
            replikasi: r,
            judul_inovasi: judul,
            instansi_asal: asal,
        });
    }
    Ok(hasil)
}

/// Replikasi milik instansi aktor (404 bila milik instansi lain: tidak
/// membocorkan keberadaannya lewat 403).
async fn muat_replikasi_milik(l: &Layanan, k: &Konteks, id: &str, tulis: bool) -> Hasil<Replikasi> {
    let iid = k.aktor()?.instansi_id.clone();
    let aksi = if tulis { Aksi::Kelola } else { Aksi::Baca };
    kebijakan::wajib(k, aksi, Sumber::Inovasi(&iid))?;
    if id.len() > validasi::MAKS_ID {
        return Err(tidak_ada(k));
    }
    store::inovasi::replikasi(l.pool(), &iid, id)
        .await?
        .ok_or_else(|| tidak_ada(k))
}

fn tidak_ada(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t(
            "Replikasi tidak ditemukan di instansi Anda.",
            "Replication not found in your agency.",
        )
        .into(),
    )
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanLaporan {
    /// Semester: `2026-S1` (Januari–Juni) atau `2026-S2`.
    pub periode: String,
    pub masih_berjalan: bool,
    /// Capaian/hasil pada periode itu (angka layanan, waktu, biaya, kepuasan…).
    pub capaian: String,
    /// Bukti dari penyimpanan bukti instansi Anda (opsional).
    #[serde(default)]
    pub bukti_id: Option<String>,
    /// Tautan bukti (https://…), bila bukti ada di tempat lain.
    #[serde(default)]
    pub tautan: Option<String>,
}

/// Periode semester `YYYY-S1`/`YYYY-S2` yang sudah dimulai.
fn periode_sah(p: &str, hari_ini: &str) -> bool {
    let Some((t, s)) = p.split_once("-S") else {
        return false;
    };
    let Ok(tahun) = t.parse::<i32>() else {
        return false;
    };
    if t.len() != 4 || !(2000..=2100).contains(&tahun) || !(s == "1" || s == "2") {
        return false;
    }
    let awal = if s == "1" {
        format!("{t}-01-01")
    } else {
        format!("{t}-07-01")
    };
    awal.as_str() <= hari_ini
}

/// Laporan berkala replikasi (satu per semester).
pub async fn lapor(
    l: &Layanan,
    k: &Konteks,
    replikasi_id: &str,
    m: MasukanLaporan,
) -> Hasil<LaporanReplikasi> {
    let r = muat_replikasi_milik(l, k, replikasi_id, true).await?;
    let a = k.aktor()?.clone();
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    let hari_ini = hari_ini_di(l, &r.instansi_id).await?;
    if !periode_sah(&m.periode, &hari_ini) {
        f.tambah(
            "periode",
            k.t(
                "Semester yang sudah dimulai, mis. 2026-S1 atau 2026-S2.",
                "A semester that has started, e.g. 2026-S1 or 2026-S2.",
            ),
        );
    }
    let capaian = m.capaian.trim().to_string();
    if capaian.chars().count() < 10 {
        f.tambah(
            "capaian",
            k.t(
                "Tuliskan capaian periode ini (paling sedikit 10 karakter).",
                "Describe this period's results (at least 10 characters).",
            ),
        );
    }
    validasi::periksa(
        &mut f,
        b,
        "capaian",
        &capaian,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    let tautan = kosong(&m.tautan);
    if let Some(t) = &tautan
        && (!t.starts_with("https://") && !t.starts_with("http://") || t.chars().count() > 500)
    {
        f.tambah(
            "tautan",
            k.t(
                "Tautan http(s):// sampai 500 karakter.",
                "An http(s):// link up to 500 characters.",
            ),
        );
    }
    let bukti_id = kosong(&m.bukti_id);
    if let Some(bid) = &bukti_id
        && crate::bukti::lihat(l, k, &r.instansi_id, bid)
            .await
            .is_err()
    {
        f.tambah(
            "bukti_id",
            k.t(
                "Bukti tidak ditemukan di unggahan instansi Anda.",
                "Evidence not found among your agency's uploads.",
            ),
        );
    }
    f.jadi_galat(k.t("Laporan belum benar.", "The report is not valid."))?;
    let lap = LaporanReplikasi {
        instansi_id: r.instansi_id.clone(),
        id: store::id_baru(),
        replikasi_id: r.id.clone(),
        periode: m.periode,
        masih_berjalan: i64::from(m.masih_berjalan),
        capaian,
        bukti_id: bukti_id.clone(),
        tautan,
        pengguna_id: a.pengguna_id.clone(),
        dibuat_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    if let Err(e) = store::inovasi::sisipkan_laporan(&mut tx, &lap).await {
        if e.pelanggaran_unik() {
            return Err(Galat::Konflik(
                k.t(
                    "Laporan semester ini sudah dikirim.",
                    "This semester's report has already been sent.",
                )
                .into(),
            ));
        }
        return Err(e.into());
    }
    if let Some(bid) = &bukti_id {
        crate::bukti::rujuk(&mut tx, &r.instansi_id, bid, RUJUKAN_LAPORAN, &lap.id).await?;
    }
    let status = if m.masih_berjalan {
        "berjalan"
    } else {
        "berhenti"
    };
    if status != r.status {
        store::inovasi::ubah_status_replikasi(
            &mut tx,
            &r.instansi_id,
            &r.id,
            status,
            &lap.dibuat_pada,
        )
        .await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &r.instansi_id,
        "buat",
        OBJEK_LAPORAN,
        &lap.id,
        None,
        Some(&lap),
    )
    .await?;
    tx.commit().await?;
    l.kamus_inovasi.usang();
    Ok(lap)
}

pub async fn laporan(l: &Layanan, k: &Konteks, replikasi_id: &str) -> Hasil<Vec<LaporanReplikasi>> {
    let r = muat_replikasi_milik(l, k, replikasi_id, false).await?;
    Ok(store::inovasi::laporan(l.pool(), &r.instansi_id, &r.id).await?)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct MasukanKonfirmasi {
    pub tahun: i64,
    pub masih_berjalan: bool,
    /// Keadaan inovasi tahun itu (wajib bila berhenti: mengapa).
    #[serde(default)]
    pub catatan: String,
}

/// Konfirmasi tahunan pemilik bahwa inovasinya masih berjalan (atau berhenti).
pub async fn konfirmasi(
    l: &Layanan,
    k: &Konteks,
    inovasi_id: &str,
    m: MasukanKonfirmasi,
) -> Hasil<Konfirmasi> {
    let a = k.aktor()?.clone();
    let ino = super::muat(l, k, inovasi_id).await?;
    let pemilik = ino.instansi_id.clone().unwrap_or_default();
    if !a.super_admin() && pemilik != a.instansi_id {
        return Err(Galat::Dilarang(
            k.t(
                "Hanya instansi pemilik yang mengonfirmasi inovasinya.",
                "Only the owning agency confirms its innovation.",
            )
            .into(),
        ));
    }
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Inovasi(&pemilik))?;
    let mut f = GalatKolom::default();
    let tahun_ini: i64 = hari_ini_di(l, &pemilik).await?[..4].parse().unwrap_or(2026);
    if !(2000..=tahun_ini).contains(&m.tahun) {
        f.tambah(
            "tahun",
            k.t(
                "Tahun berjalan atau sebelumnya.",
                "This year or an earlier one.",
            ),
        );
    }
    let catatan = m.catatan.trim().to_string();
    if !m.masih_berjalan && catatan.chars().count() < 10 {
        f.tambah(
            "catatan",
            k.t(
                "Jelaskan mengapa inovasi berhenti (paling sedikit 10 karakter).",
                "Explain why the innovation stopped (at least 10 characters).",
            ),
        );
    }
    validasi::periksa(
        &mut f,
        k.bahasa,
        "catatan",
        &catatan,
        validasi::MAKS_KETERANGAN,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t("Konfirmasi belum benar.", "The confirmation is not valid."))?;
    let c = Konfirmasi {
        inovasi_id: ino.id.clone(),
        tahun: m.tahun,
        masih_berjalan: i64::from(m.masih_berjalan),
        catatan,
        instansi_id: pemilik.clone(),
        pengguna_id: a.pengguna_id.clone(),
        dibuat_pada: store::sekarang(),
    };
    let mut tx = l.db.mulai().await?;
    store::inovasi::simpan_konfirmasi(&mut tx, &c).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &pemilik,
        "konfirmasi",
        OBJEK_KONFIRMASI,
        &ino.id,
        None,
        Some(&c),
    )
    .await?;
    tx.commit().await?;
    l.kamus_inovasi.usang();
    Ok(c)
}

/// Jalur baca bukti: bukti yang dirujuk laporan replikasi instansinya boleh
/// dibaca anggota instansi itu yang berhak `Sumber::Inovasi`.
pub async fn boleh_lihat_bukti(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    bukti_id: &str,
) -> Hasil<bool> {
    let Ok(a) = k.aktor() else {
        return Ok(false);
    };
    if a.instansi_id != instansi_id && !a.super_admin() {
        return Ok(false);
    }
    if kebijakan::putuskan(Some(a), Aksi::Kelola, Sumber::Inovasi(instansi_id))
        != kebijakan::Akses::Penuh
    {
        return Ok(false);
    }
    Ok(
        store::inovasi::laporan_dengan_bukti(l.pool(), instansi_id, bukti_id)
            .await?
            .is_some(),
    )
}
