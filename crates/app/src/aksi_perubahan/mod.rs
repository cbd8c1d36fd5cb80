//! Aksi perubahan (isu 13): alumni pelatihan kepemimpinan dipantau sesudah
//! pulang ke daerahnya. Angkatan dan peserta (dari instansi mana pun),
//! proyek perubahan dengan tonggak jangka pendek/menengah/panjang, progres
//! dengan bukti dari ponsel, verifikasi mentor, daftar dan dasbor.
//!
//! Siapa boleh apa diputuskan satu tempat: `kebijakan::CakupanAksi` (alumni,
//! mentor, BKD, provinsi, lembaga pelatihan). Status setiap tonggak dan
//! proyek dihitung aturan murni `rules::aksi_perubahan` pada tanggal hari ini
//! di zona waktu instansi alumni; tidak disimpan.

pub mod dasbor;
pub mod impor;
pub mod pengaturan;
pub mod pengingat;
pub mod pindah;
pub mod tonggak;
pub mod usul_inovasi;

use crate::bukti::BerkasMasuk;
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi as AksiKebijakan, CakupanAksi, FaktaAksi, HakAksi, Sumber};
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::aksi_perubahan::{
    self as aturan, AlasanProyek, AlasanTonggak, KonfigurasiAksiPerubahan, StatusAksi, Tahap,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
pub use store::aksi_perubahan::{Aksi, Angkatan, Progres, Tonggak};

/// Jenis objek di audit dan rujukan bukti.
pub const OBJEK_ANGKATAN: &str = "angkatan_pelatihan";
pub const OBJEK_AKSI: &str = "aksi_perubahan";
pub const OBJEK_TONGGAK: &str = "tonggak_aksi";
pub const OBJEK_PROGRES: &str = "progres_aksi";

/// Baris per halaman daftar.
pub const UKURAN_HALAMAN: usize = 25;
/// Tonggak per proyek (sama dengan batas kalkulator).
pub const MAKS_TONGGAK: usize = 200;
const MAKS_JUDUL: usize = 300;
const MAKS_URAIAN: usize = 4_000;

// ---------- jenis pelatihan ----------

/// Program pelatihan kepemimpinan (Peraturan LAN 5/2022) dan nama lamanya.
pub const JENIS_PELATIHAN: &[(&str, &str, &str)] = &[
    ("pkn_i", "PKN Tingkat I", "Diklat PIM I"),
    ("pkn_ii", "PKN Tingkat II", "Diklat PIM II"),
    ("pka", "PKA (Administrator)", "Diklat PIM III"),
    ("pkp", "PKP (Pengawas)", "Diklat PIM IV"),
];

/// Kode jenis pelatihan dari kode, nama, atau nama lama (Diklat PIM I–IV).
pub fn jenis_pelatihan(teks: &str) -> Option<&'static str> {
    let t: String = teks
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let alias: &[(&str, &str)] = &[
        ("pkni", "pkn_i"),
        ("pkntingkati", "pkn_i"),
        ("diklatpimi", "pkn_i"),
        ("pimi", "pkn_i"),
        ("pknii", "pkn_ii"),
        ("pkntingkatii", "pkn_ii"),
        ("diklatpimii", "pkn_ii"),
        ("pimii", "pkn_ii"),
        ("pka", "pka"),
        ("pkaadministrator", "pka"),
        ("diklatpimiii", "pka"),
        ("pimiii", "pka"),
        ("pkp", "pkp"),
        ("pkppengawas", "pkp"),
        ("diklatpimiv", "pkp"),
        ("pimiv", "pkp"),
    ];
    alias.iter().find(|(a, _)| *a == t).map(|(_, k)| *k)
}

/// Label jenis pelatihan (kode tidak dikenal: apa adanya).
pub fn label_pelatihan(kode: &str) -> String {
    JENIS_PELATIHAN
        .iter()
        .find(|(k, _, _)| *k == kode)
        .map(|(_, n, lama)| format!("{n} ({lama})"))
        .unwrap_or_else(|| kode.to_string())
}

// ---------- masukan dan keluaran ----------

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanAngkatan {
    /// `pkn_i`, `pkn_ii`, `pka`, `pkp` (atau nama lama Diklat PIM I–IV).
    #[schema(max_length = 50)]
    pub jenis: String,
    #[schema(max_length = 200)]
    pub nama: String,
    /// Lembaga penyelenggara, mis. "BPSDM Provinsi Maluku".
    #[schema(max_length = 200)]
    pub penyelenggara: String,
    /// Unit penyelenggara di instansi Anda (pimpinannya melihat angkatannya).
    #[schema(max_length = 64)]
    pub unit_penyelenggara_id: Option<String>,
    /// YYYY-MM-DD.
    #[schema(format = Date, max_length = 10)]
    pub mulai: String,
    #[schema(format = Date, max_length = 10)]
    pub selesai: String,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanPeserta {
    /// NIP peserta (instansi mana pun).
    #[schema(max_length = 18)]
    pub nip: String,
    /// NIP mentor (atasan langsung), satu instansi dengan peserta.
    #[schema(max_length = 18)]
    pub mentor_nip: Option<String>,
    /// Coach (widyaiswara).
    #[schema(max_length = 200)]
    pub coach_nama: Option<String>,
    #[schema(max_length = 300)]
    pub judul: Option<String>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanAksi {
    #[schema(max_length = 300)]
    pub judul: String,
    #[schema(max_length = 4000)]
    pub masalah: Option<String>,
    #[schema(max_length = 4000)]
    pub tujuan: Option<String>,
    #[schema(max_length = 4000)]
    pub pemangku_kepentingan: Option<String>,
    #[schema(max_length = 200)]
    pub coach_nama: Option<String>,
    /// Kosong: mentor tidak berubah.
    #[schema(max_length = 18)]
    pub mentor_nip: Option<String>,
    /// Hasil seminar (lembaga pelatihan): kode pita, mis. `memuaskan`.
    /// Diabaikan bila `nilai_seminar` diisi (kualifikasi dihitung dari pita).
    #[schema(max_length = 50)]
    pub kualifikasi: Option<String>,
    /// Nilai seminar 0–100 (lembaga pelatihan), mis. `86,5`.
    #[schema(max_length = 10)]
    pub nilai_seminar: Option<String>,
    /// Versi yang dilihat pengubah (atau header If-Match).
    pub versi: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanTonggak {
    pub tahap: Tahap,
    #[schema(max_length = 4000)]
    pub uraian: String,
    #[schema(format = Date, max_length = 10)]
    pub jatuh_tempo: String,
    /// Keluaran (deliverable).
    #[schema(max_length = 4000)]
    pub keluaran: Option<String>,
    /// Indikator keberhasilan.
    #[schema(max_length = 4000)]
    pub indikator: Option<String>,
}

/// Progres dari formulir/multipart (teks mentah; diperiksa di sini).
#[derive(Debug, Clone, Default)]
pub struct MasukanProgres {
    pub progres_persen: String,
    pub catatan: String,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanVerifikasi {
    /// true: diterima; false: ditolak.
    pub diterima: bool,
    #[schema(max_length = 2000)]
    pub catatan: Option<String>,
}

/// Satu baris daftar (`GET /api/v1/aksi-perubahan`): bentuknya kontrak isu 13.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisAksi {
    pub id: String,
    pub judul: String,
    /// Nama alumni.
    pub alumni: String,
    pub status: StatusAksi,
    pub tonggak_terlambat: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HalamanAksi {
    pub isi: Vec<BarisAksi>,
    pub total: i64,
}

/// Tonggak beserta status dan alasannya hari ini.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TonggakBerstatus {
    #[serde(flatten)]
    pub tonggak: Tonggak,
    pub status: StatusAksi,
    pub alasan: AlasanTonggak,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DetailAksi {
    pub aksi: Aksi,
    pub alumni: String,
    pub alumni_nip: Option<String>,
    pub instansi: String,
    pub mentor: Option<String>,
    pub angkatan: Option<Angkatan>,
    /// Tanggal penilaian status (hari ini di zona instansi alumni).
    pub tanggal: String,
    /// Zona waktu instansi alumni (WIB/WITA/WIT) untuk menampilkan waktu.
    pub zona_waktu: String,
    pub status: StatusAksi,
    pub alasan: AlasanProyek,
    pub tonggak: Vec<TonggakBerstatus>,
    pub progres: Vec<Progres>,
    /// Bukti per progres (id progres → id bukti).
    pub bukti: HashMap<String, Vec<String>>,
    pub hak: HakAksi,
    /// Proyek ini sudah pindah bersama alumninya: ke mana (hanya dibaca).
    pub pindah: Option<pindah::PindahKe>,
    /// Proyek-proyek sebelum pindah (rantai, terbaru dulu, paling banyak 10)
    /// dengan riwayat progres dan buktinya, bagi mentor dan BKD yang baru.
    pub asal: Vec<pindah::AsalAksi>,
    /// Ambang instansi alumni yang dipakai menilai status (pengaturan).
    pub hari_senyap: u32,
    pub hari_berisiko: u32,
    /// Pita kualifikasi lembaga pelatihan angkatan ini (pilihan hasil seminar).
    pub pita_kualifikasi: Vec<aturan::PitaKualifikasi>,
    /// Usul ke repositori inovasi dan keputusannya, bila pernah diusulkan.
    pub usul_inovasi: Option<store::aksi_perubahan::UsulInovasi>,
    /// Yang belum terpenuhi untuk diusulkan ke repositori inovasi (kosong = layak).
    pub belum_layak_inovasi: Vec<aturan::BelumLayakInovasi>,
}

/// Saringan daftar dari permintaan.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SaringanAksi {
    #[param(max_length = 64)]
    pub angkatan_id: Option<String>,
    /// Kode wilayah, mis. `81.71` (kota) atau `81` (provinsi dan kab/kotanya).
    #[param(max_length = 20)]
    pub wilayah: Option<String>,
    pub status: Option<StatusAksi>,
    /// Mulai 1.
    #[param(minimum = 1, maximum = 100000)]
    pub halaman: Option<u32>,
}

// ---------- pembantu ----------

fn tidak_ditemukan(k: &Konteks) -> Galat {
    Galat::TidakDitemukan(
        k.t(
            "Aksi perubahan tidak ditemukan.",
            "Change project not found.",
        )
        .into(),
    )
}

fn fakta(a: &Aksi, kode_wilayah: Option<&str>) -> FaktaAksiMilik {
    FaktaAksiMilik {
        instansi_id: a.instansi_id.clone(),
        pegawai_id: a.pegawai_id.clone(),
        mentor: a.mentor_pegawai_id.clone(),
        angkatan_instansi_id: a.angkatan_instansi_id.clone(),
        angkatan_id: a.angkatan_id.clone(),
        kode_wilayah: kode_wilayah.map(str::to_string),
    }
}

struct FaktaAksiMilik {
    instansi_id: String,
    pegawai_id: String,
    mentor: Option<String>,
    angkatan_instansi_id: String,
    angkatan_id: String,
    kode_wilayah: Option<String>,
}

impl FaktaAksiMilik {
    fn pinjam(&self) -> FaktaAksi<'_> {
        FaktaAksi {
            instansi_id: &self.instansi_id,
            pegawai_id: &self.pegawai_id,
            mentor_pegawai_id: self.mentor.as_deref(),
            angkatan_instansi_id: &self.angkatan_instansi_id,
            angkatan_id: &self.angkatan_id,
            kode_wilayah: self.kode_wilayah.as_deref(),
        }
    }
}

/// Proyek dan hak aktor atasnya; 404 bila tidak ada, 403 bila tidak boleh
/// dibaca. Proyek yang sudah pindah: baca saja (`hak.dipindah`; penulis
/// memanggil `pindah::tolak_bila_pindah` untuk 409).
async fn muat(l: &Layanan, k: &Konteks, c: &CakupanAksi, id: &str) -> Hasil<(Aksi, HakAksi)> {
    let a = store::aksi_perubahan::aksi(l.pool(), id)
        .await?
        .ok_or_else(|| tidak_ditemukan(k))?;
    let kode = store::organisasi::instansi(l.pool(), &a.instansi_id)
        .await?
        .and_then(|i| i.kode_wilayah);
    let f = fakta(&a, kode.as_deref());
    let mut hak = c.hak(&f.pinjam());
    // Sudah pindah bersama alumninya: hanya dibaca, juga oleh yang boleh
    // membaca lanjutannya (rantai dibaca hanya bila hak sendiri belum cukup).
    if let Some(p) = store::aksi_perubahan::pindah_keluar(l.pool(), &a.instansi_id, &a.id).await? {
        let lanjutan = if hak.baca {
            Vec::new()
        } else {
            pindah::fakta_lanjutan(l, &p).await?
        };
        let lanjutan: Vec<FaktaAksi<'_>> = lanjutan.iter().map(|x| x.pinjam()).collect();
        hak = c.hak_pindah(&f.pinjam(), &lanjutan);
    }
    if !hak.baca {
        return Err(k.dilarang());
    }
    Ok((a, hak))
}

fn galat_hak(k: &Konteks, id: &'static str, en: &'static str) -> Galat {
    if k.aktor.as_ref().is_some_and(|a| a.hanya_baca) {
        Galat::Dilarang(
            k.t("Token ini hanya untuk membaca.", "This token is read-only.")
                .into(),
        )
    } else {
        Galat::Dilarang(k.t(id, en).into())
    }
}

fn tanggal_sah(s: &str) -> bool {
    aturan::baca_tanggal(s).is_some()
}

fn periksa_tanggal(f: &mut GalatKolom, k: &Konteks, kolom: &str, s: &str) {
    if !tanggal_sah(s) {
        f.tambah(
            kolom,
            k.t(
                "Tanggal harus berbentuk YYYY-MM-DD dan ada, mis. 2026-12-01.",
                "The date must be YYYY-MM-DD and exist, e.g. 2026-12-01.",
            ),
        );
    }
}

fn bersih(s: Option<String>) -> Option<String> {
    s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty())
}

/// Progres 0–100, paling banyak 2 desimal; koma desimal diterima.
pub fn baca_progres(s: &str) -> Option<Decimal> {
    let d = rules::angka::baca_desimal_tepat(s.trim()).ok()?;
    (d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED && d.scale() <= 2).then(|| d.normalize())
}

/// Tonggak tersimpan → tonggak aturan.
fn ke_aturan(t: &store::aksi_perubahan::TonggakRingkas) -> Option<aturan::Tonggak> {
    Some(aturan::Tonggak {
        id: t.id.clone(),
        tahap: Tahap::dari_token(&t.tahap)?,
        jatuh_tempo: aturan::baca_tanggal(&t.jatuh_tempo)?,
        progres_persen: rules::angka::baca_desimal_tepat(&t.progres_persen).ok()?,
        diperbarui_pada: aturan::baca_tanggal(&t.diperbarui_pada)?,
        selesai_pada: t.selesai_pada.as_deref().and_then(aturan::baca_tanggal),
        dibatalkan: t.dibatalkan_alasan.clone(),
    })
}

fn ringkas_dari(t: &Tonggak) -> store::aksi_perubahan::TonggakRingkas {
    store::aksi_perubahan::TonggakRingkas {
        instansi_id: t.instansi_id.clone(),
        id: t.id.clone(),
        aksi_id: t.aksi_id.clone(),
        tahap: t.tahap.clone(),
        jatuh_tempo: t.jatuh_tempo.clone(),
        progres_persen: t.progres_persen.clone(),
        diperbarui_pada: t.diperbarui_pada.clone(),
        selesai_pada: t.selesai_pada.clone(),
        dibatalkan_alasan: t.dibatalkan_alasan.clone(),
    }
}

/// Hari ini (YYYY-MM-DD) per zona waktu (WIB/WITA/WIT).
pub(crate) fn hari_ini_zona(zona: &str, sekarang: time::OffsetDateTime) -> time::Date {
    let jam = crate::organisasi::referensi::selisih_utc(zona) as i64;
    (sekarang + time::Duration::hours(jam)).date()
}

/// Status proyek dari tonggak tersimpan pada `tanggal`.
pub(crate) fn hitung_status(
    tonggak: &[store::aksi_perubahan::TonggakRingkas],
    tanggal: time::Date,
    k: &KonfigurasiAksiPerubahan,
) -> aturan::HasilStatus {
    let t: Vec<aturan::Tonggak> = tonggak.iter().filter_map(ke_aturan).collect();
    aturan::status(tanggal, &t, k)
}

// ---------- angkatan dan peserta ----------

/// Membuat angkatan; penyelenggara = instansi aktor (admin instansi).
pub async fn buat_angkatan(l: &Layanan, k: &Konteks, m: MasukanAngkatan) -> Hasil<Angkatan> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, AksiKebijakan::Kelola, Sumber::AksiPerubahan(&iid))?;
    // Penyelenggara = instansi akun; akun tanpa instansi nyata tidak menyelenggarakan.
    if store::organisasi::instansi(l.pool(), &iid).await?.is_none() {
        return Err(Galat::Dilarang(
            k.t(
                "Angkatan dibuat oleh akun instansi penyelenggara.",
                "A cohort is created by an account of the organising agency.",
            )
            .into(),
        ));
    }
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    let jenis = jenis_pelatihan(&m.jenis);
    if jenis.is_none() {
        f.tambah(
            "jenis",
            k.t(
                "Jenis pelatihan tidak dikenal; pilih PKN I, PKN II, PKA, PKP (atau Diklat PIM I–IV).",
                "Unknown training; choose PKN I, PKN II, PKA, PKP (or Diklat PIM I–IV).",
            ),
        );
    }
    for (kolom, v) in [("nama", &m.nama), ("penyelenggara", &m.penyelenggara)] {
        if v.trim().is_empty() {
            f.tambah(kolom, k.t("Wajib diisi.", "Required."));
        }
        validasi::periksa(&mut f, b, kolom, v, validasi::MAKS_NAMA, JenisTeks::Baris);
    }
    periksa_tanggal(&mut f, k, "mulai", &m.mulai);
    periksa_tanggal(&mut f, k, "selesai", &m.selesai);
    if tanggal_sah(&m.mulai) && tanggal_sah(&m.selesai) && m.selesai < m.mulai {
        f.tambah(
            "selesai",
            k.t(
                "Tanggal selesai tidak boleh sebelum tanggal mulai.",
                "The end date cannot be before the start date.",
            ),
        );
    }
    let unit = bersih(m.unit_penyelenggara_id);
    if let Some(u) = &unit
        && store::organisasi::unit(l.pool(), &iid, u).await?.is_none()
    {
        f.tambah(
            "unit_penyelenggara_id",
            k.t(
                "Unit tidak ada di instansi Anda.",
                "No such unit in your agency.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data angkatan belum benar.",
        "The cohort data is not valid.",
    ))?;
    let w = store::sekarang();
    let a = Angkatan {
        instansi_id: iid.clone(),
        id: store::id_baru(),
        jenis: jenis.unwrap_or_default().to_string(),
        nama: m.nama.trim().to_string(),
        penyelenggara: m.penyelenggara.trim().to_string(),
        unit_penyelenggara_id: unit,
        mulai: m.mulai,
        selesai: m.selesai,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_angkatan(&mut tx, &a).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &iid,
        "buat",
        OBJEK_ANGKATAN,
        &a.id,
        None,
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(a)
}

/// Angkatan yang diselenggarakan instansi aktor (anggota instansi).
pub async fn daftar_angkatan(l: &Layanan, k: &Konteks) -> Hasil<Vec<Angkatan>> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, AksiKebijakan::Baca, Sumber::AksiPerubahan(&iid))?;
    Ok(store::aksi_perubahan::daftar_angkatan(l.pool(), &iid).await?)
}

/// Angkatan menurut id (404 bila tidak ada); hak diperiksa pemanggil.
pub(crate) async fn cari_angkatan(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Angkatan> {
    k.aktor()?;
    store::aksi_perubahan::angkatan(l.pool(), id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Angkatan tidak ditemukan.", "Cohort not found.").into())
        })
}

/// Pegawai aktif dari NIP di instansi mana pun: (instansi, pegawai).
async fn pegawai_dari_nip(l: &Layanan, nip: &str) -> Hasil<Option<store::organisasi::Pegawai>> {
    let Some((iid, pid)) = store::organisasi::pemilik_nip(l.pool(), nip.trim()).await? else {
        return Ok(None);
    };
    Ok(store::organisasi::pegawai(l.pool(), &iid, &pid).await?)
}

/// Menyiapkan proyek peserta baru (belum disimpan); galat per kolom.
async fn siapkan_peserta(
    l: &Layanan,
    k: &Konteks,
    ang: &Angkatan,
    m: &MasukanPeserta,
    f: &mut GalatKolom,
) -> Hasil<Option<Aksi>> {
    let b = k.bahasa;
    let peserta = pegawai_dari_nip(l, &m.nip).await?;
    if peserta.is_none() {
        f.tambah(
            "nip",
            k.t(
                "NIP tidak terdaftar di instansi mana pun.",
                "This NIP is not registered in any agency.",
            ),
        );
    }
    let mut mentor = None;
    if let Some(n) = m
        .mentor_nip
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
    {
        match pegawai_dari_nip(l, n).await? {
            Some(g) if peserta.as_ref().is_some_and(|p| p.instansi_id == g.instansi_id) => {
                if peserta.as_ref().is_some_and(|p| p.id == g.id) {
                    f.tambah(
                        "mentor_nip",
                        k.t("Mentor bukan peserta itu sendiri.", "The mentor cannot be the participant."),
                    );
                }
                mentor = Some(g.id)
            }
            Some(_) => f.tambah(
                "mentor_nip",
                k.t(
                    "Mentor harus satu instansi dengan peserta (biasanya atasan langsungnya).",
                    "The mentor must be in the participant's agency (normally the direct supervisor).",
                ),
            ),
            None => f.tambah(
                "mentor_nip",
                k.t("NIP mentor tidak terdaftar.", "The mentor's NIP is not registered."),
            ),
        }
    }
    let coach = bersih(m.coach_nama.clone());
    validasi::periksa_opsional(
        f,
        b,
        "coach_nama",
        coach.as_deref(),
        validasi::MAKS_NAMA,
        JenisTeks::Baris,
    );
    let judul = bersih(m.judul.clone());
    validasi::periksa_opsional(
        f,
        b,
        "judul",
        judul.as_deref(),
        MAKS_JUDUL,
        JenisTeks::Baris,
    );
    let Some(p) = peserta else { return Ok(None) };
    // Mentor bawaan: atasan langsung peserta.
    let mentor = mentor.or(p.atasan_id.clone());
    let w = store::sekarang();
    Ok(Some(Aksi {
        instansi_id: p.instansi_id.clone(),
        id: store::id_baru(),
        pegawai_id: p.id.clone(),
        angkatan_instansi_id: ang.instansi_id.clone(),
        angkatan_id: ang.id.clone(),
        mentor_pegawai_id: mentor,
        coach_nama: coach,
        judul: judul.unwrap_or_else(|| k.t("(judul belum diisi)", "(no title yet)").to_string()),
        masalah: None,
        tujuan: None,
        pemangku_kepentingan: None,
        kualifikasi: None,
        usul_inovasi: 0,
        nilai_seminar: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }))
}

/// Mendaftarkan satu peserta (proyeknya dibuat di instansi peserta).
pub async fn tambah_peserta(
    l: &Layanan,
    k: &Konteks,
    angkatan_id: &str,
    m: MasukanPeserta,
) -> Hasil<Aksi> {
    let ang = cari_angkatan(l, k, angkatan_id).await?;
    // Peserta didaftarkan admin instansi penyelenggara.
    kebijakan::wajib(
        k,
        AksiKebijakan::Kelola,
        Sumber::AksiPerubahan(&ang.instansi_id),
    )?;
    let mut f = GalatKolom::default();
    let a = siapkan_peserta(l, k, &ang, &m, &mut f).await?;
    if let Some(a) = &a
        && store::aksi_perubahan::aksi_peserta(l.pool(), &a.instansi_id, &ang.id, &a.pegawai_id)
            .await?
            .is_some()
    {
        f.tambah(
            "nip",
            k.t(
                "Pegawai ini sudah peserta angkatan ini.",
                "This employee is already in this cohort.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data peserta belum benar.",
        "The participant data is not valid.",
    ))?;
    let a = a.ok_or_else(|| Galat::Internal("peserta".into()))?;
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_aksi(&mut tx, &a).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        OBJEK_AKSI,
        &a.id,
        None,
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(a)
}

// ---------- proyek ----------

/// Detail satu proyek: tonggak dengan status hari ini, progres, hak aktor.
pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<DetailAksi> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    let pool = l.pool();
    let inst = store::organisasi::instansi(pool, &a.instansi_id).await?;
    let alumni = store::organisasi::pegawai(pool, &a.instansi_id, &a.pegawai_id).await?;
    let mentor = match &a.mentor_pegawai_id {
        Some(m) => store::organisasi::pegawai(pool, &a.instansi_id, m)
            .await?
            .map(|p| p.nama),
        None => None,
    };
    let angkatan = store::aksi_perubahan::angkatan(pool, &a.angkatan_id).await?;
    let tonggak = store::aksi_perubahan::tonggak_proyek(pool, &a.instansi_id, &a.id).await?;
    let progres = store::aksi_perubahan::progres_proyek(pool, &a.instansi_id, &a.id).await?;
    let zona = inst
        .as_ref()
        .map(|i| i.zona_waktu.clone())
        .unwrap_or_else(|| "WIB".into());
    let tanggal = hari_ini_zona(&zona, time::OffsetDateTime::now_utc());
    let ringkas: Vec<_> = tonggak.iter().map(ringkas_dari).collect();
    // Ambang instansi alumni (BKD-nya yang memantau).
    let konf = pengaturan::berlaku(l, &a.instansi_id).await?.konfigurasi();
    let h = hitung_status(&ringkas, tanggal, &konf);
    let aturan_t: Vec<aturan::Tonggak> = ringkas.iter().filter_map(ke_aturan).collect();
    let belum_layak_inovasi = aturan::belum_layak_inovasi(&aturan_t);
    let pita_kualifikasi = pengaturan::berlaku(l, &a.angkatan_instansi_id)
        .await?
        .pita_kualifikasi;
    let usul_inovasi = store::aksi_perubahan::usul_inovasi(pool, &a.instansi_id, &a.id).await?;
    let per_id: HashMap<&str, &aturan::StatusTonggak> =
        h.tonggak.iter().map(|s| (s.id.as_str(), s)).collect();
    let tonggak = tonggak
        .into_iter()
        .map(|t| {
            let (status, alasan) = per_id
                .get(t.id.as_str())
                .map(|s| (s.status, s.alasan))
                .unwrap_or((StatusAksi::SesuaiJadwal, AlasanTonggak::SesuaiJadwal));
            TonggakBerstatus {
                tonggak: t,
                status,
                alasan,
            }
        })
        .collect();
    let mut bukti: HashMap<String, Vec<String>> = HashMap::new();
    for (bid, oid) in store::aksi_perubahan::bukti_progres(pool, &a.instansi_id, &a.id).await? {
        bukti.entry(oid).or_default().push(bid);
    }
    // Membaca proyek orang lain adalah membaca data pegawai: dicatat (UU 27/2022).
    let orang_lain =
        k.aktor.as_ref().and_then(|x| x.pegawai_id.as_deref()) != Some(a.pegawai_id.as_str());
    if orang_lain {
        crate::audit::catat_baca(l, k, &a.instansi_id, OBJEK_AKSI, &a.id).await?;
    }
    let pindah = if hak.dipindah {
        pindah::pindah_ke(l, &a).await?
    } else {
        None
    };
    let asal = pindah::asal(l, k, &a, orang_lain).await?;
    Ok(DetailAksi {
        pindah,
        asal,
        hari_senyap: konf.hari_senyap,
        hari_berisiko: konf.hari_berisiko,
        pita_kualifikasi,
        usul_inovasi,
        belum_layak_inovasi,
        alumni: alumni.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        alumni_nip: alumni.and_then(|p| p.nip),
        instansi: inst.map(|i| i.nama).unwrap_or_default(),
        mentor,
        angkatan,
        tanggal: aturan::teks_tanggal(tanggal),
        zona_waktu: zona,
        status: h.status,
        alasan: h.alasan,
        tonggak,
        progres,
        bukti,
        hak,
        aksi: a,
    })
}

/// Proyek yang boleh dilihat aktor, dengan status hari ini; disaring dan
/// dipotong per halaman di sini (status bergantung tanggal, tidak disimpan).
pub async fn daftar(l: &Layanan, k: &Konteks, s: &SaringanAksi) -> Hasil<HalamanAksi> {
    let c = CakupanAksi::untuk(l, k).await?;
    let semua = terlihat(l, k, &c, s).await?;
    let total = semua.iter().count() as i64;
    let halaman = s.halaman.unwrap_or(1).max(1) as usize;
    let isi = semua
        .iter()
        .skip((halaman - 1) * UKURAN_HALAMAN)
        .take(UKURAN_HALAMAN)
        .map(|p| BarisAksi {
            id: p.aksi.id.clone(),
            judul: p.aksi.judul.clone(),
            alumni: p.aksi.alumni.clone(),
            status: p.status,
            tonggak_terlambat: p.terlambat,
        })
        .collect();
    Ok(HalamanAksi { isi, total })
}

/// Satu proyek terlihat beserta status dan tonggaknya.
pub struct ProyekTerlihat {
    pub aksi: store::aksi_perubahan::RingkasAksi,
    pub status: StatusAksi,
    pub terlambat: i64,
    pub tonggak: Vec<(store::aksi_perubahan::TonggakRingkas, StatusAksi)>,
    pub tanggal: time::Date,
    /// Ambang senyap instansi alumni (hari) yang dipakai menilai proyek ini.
    pub hari_senyap: u32,
}

fn galat_saringan(k: &Konteks, kolom: &str, id: &'static str, en: &'static str) -> Galat {
    let mut f = GalatKolom::default();
    f.tambah(kolom, k.t(id, en));
    match f.jadi_galat(k.t(id, en)) {
        Err(e) => e,
        Ok(()) => Galat::Internal("saringan".into()),
    }
}

/// Proyek yang terlihat, dengan saringan status diterapkan saat dibaca.
pub(crate) struct Terlihat {
    semua: std::sync::Arc<Vec<ProyekTerlihat>>,
    status: Option<StatusAksi>,
}

impl Terlihat {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &ProyekTerlihat> {
        let st = self.status;
        self.semua
            .iter()
            .filter(move |p| st.is_none_or(|x| x == p.status))
    }
}

/// Simpanan hasil per (cakupan, saringan) selama `UMUR_SIMPANAN`: dasbor
/// satu provinsi (5.000 proyek × 8 tonggak) dibaca dan dinilai ±100 ms CPU,
/// dan banyak pembaca di jam sibuk melihat cakupan yang sama. Setiap
/// perubahan aksi perubahan di proses ini menaikkan generasi (simpanan
/// langsung basi); perubahan dari proses lain terlihat paling lambat setelah
/// umur simpanan (docs/adr/0014).
struct Simpanan {
    dibuat: std::time::Instant,
    generasi: u64,
    isi: std::sync::Arc<Vec<ProyekTerlihat>>,
}

const UMUR_SIMPANAN: std::time::Duration = std::time::Duration::from_secs(60);
/// Entri simpanan paling banyak (setiap entri sebesar satu cakupan).
const MAKS_SIMPANAN: usize = 8;
/// Cakupan kecil dihitung langsung (murah), tidak disimpan.
const MIN_PROYEK_SIMPAN: usize = 200;

static GENERASI: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static SIMPANAN: std::sync::LazyLock<std::sync::Mutex<HashMap<String, Simpanan>>> =
    std::sync::LazyLock::new(Default::default);
/// Satu penghitungan besar pada satu waktu: 20 permintaan serentak yang
/// meleset tidak menghitung 20 kali (yang menunggu lalu memakai simpanan).
static SATU_HITUNG: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Dipanggil setiap penulisan aksi perubahan: simpanan basi.
pub(crate) fn ada_perubahan() {
    GENERASI.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

fn ambil_simpanan(kunci: &str) -> Option<std::sync::Arc<Vec<ProyekTerlihat>>> {
    let g = GENERASI.load(std::sync::atomic::Ordering::SeqCst);
    let m = SIMPANAN.lock().unwrap_or_else(|e| e.into_inner());
    m.get(kunci)
        .filter(|x| x.generasi == g && x.dibuat.elapsed() < UMUR_SIMPANAN)
        .map(|x| x.isi.clone())
}

/// Semua proyek yang terlihat bagi `c` setelah saringan angkatan/wilayah;
/// saringan status diterapkan oleh `Terlihat::iter`.
pub(crate) async fn terlihat(
    l: &Layanan,
    k: &Konteks,
    c: &CakupanAksi,
    s: &SaringanAksi,
) -> Hasil<Terlihat> {
    let cakupan = c.saringan();
    let tanggal = aturan::teks_tanggal(hari_ini_zona("WIT", time::OffsetDateTime::now_utc()));
    // Basis data ikut dalam kunci (tes menjalankan banyak basis data dalam satu proses).
    let kunci = format!(
        "{}|{cakupan:?}|{:?}|{:?}|{tanggal}",
        l.pool().connect_options().database_url,
        s.angkatan_id,
        s.wilayah
    );
    let semua = match ambil_simpanan(&kunci) {
        Some(x) => x,
        None => {
            let _giliran = SATU_HITUNG.lock().await;
            match ambil_simpanan(&kunci) {
                Some(x) => x,
                None => {
                    let generasi = GENERASI.load(std::sync::atomic::Ordering::SeqCst);
                    let isi = std::sync::Arc::new(hitung_terlihat(l, k, &cakupan, s).await?);
                    if isi.len() >= MIN_PROYEK_SIMPAN {
                        let mut m = SIMPANAN.lock().unwrap_or_else(|e| e.into_inner());
                        m.retain(|_, x| x.dibuat.elapsed() < UMUR_SIMPANAN);
                        if m.len() >= MAKS_SIMPANAN
                            && let Some(tertua) = m
                                .iter()
                                .min_by_key(|(_, x)| x.dibuat)
                                .map(|(k, _)| k.clone())
                        {
                            m.remove(&tertua);
                        }
                        m.insert(
                            kunci,
                            Simpanan {
                                dibuat: std::time::Instant::now(),
                                generasi,
                                isi: isi.clone(),
                            },
                        );
                    }
                    isi
                }
            }
        }
    };
    Ok(Terlihat {
        semua,
        status: s.status,
    })
}

async fn hitung_terlihat(
    l: &Layanan,
    k: &Konteks,
    cakupan: &store::aksi_perubahan::Cakupan,
    s: &SaringanAksi,
) -> Hasil<Vec<ProyekTerlihat>> {
    if let Some(w) = &s.wilayah
        && (w.is_empty() || w.len() > 20 || !w.chars().all(|x| x.is_ascii_digit() || x == '.'))
    {
        return Err(galat_saringan(
            k,
            "wilayah",
            "Kode wilayah berupa angka dan titik, mis. 81.71.",
            "A region code is digits and dots, e.g. 81.71.",
        ));
    }
    let saringan = store::aksi_perubahan::Saringan {
        angkatan_id: s.angkatan_id.clone().filter(|x| !x.is_empty()),
        wilayah: s.wilayah.clone(),
    };
    let (proyek, tonggak) = store::aksi_perubahan::ringkas(l.pool(), cakupan, &saringan).await?;
    if proyek.len() as i64 > store::aksi_perubahan::BATAS_PROYEK {
        return Err(galat_saringan(
            k,
            "angkatan_id",
            "Terlalu banyak proyek untuk satu tampilan; saring menurut angkatan atau wilayah.",
            "Too many projects for one view; filter by cohort or region.",
        ));
    }
    // Tonggak per proyek (id proyek UUID: unik lintas instansi).
    let mut per_aksi: HashMap<String, Vec<store::aksi_perubahan::TonggakRingkas>> = HashMap::new();
    for t in tonggak {
        per_aksi.entry(t.aksi_id.clone()).or_default().push(t);
    }
    let sekarang = time::OffsetDateTime::now_utc();
    // Ambang per instansi alumni; instansi tanpa pengaturan: bawaan.
    let konf_instansi = pengaturan::semua_konfigurasi(l).await?;
    let bawaan = KonfigurasiAksiPerubahan::default();
    let mut hasil = Vec::with_capacity(proyek.len());
    for p in proyek {
        // Hanya tonggak yang terbaca aturan; status dipasangkan menurut urutan.
        let (ts, aturan_t): (Vec<_>, Vec<_>) = per_aksi
            .remove(&p.id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|t| ke_aturan(&t).map(|a| (t, a)))
            .unzip();
        let tanggal = hari_ini_zona(&p.zona_waktu, sekarang);
        let konf = konf_instansi.get(&p.instansi_id).unwrap_or(&bawaan);
        let h = aturan::status(tanggal, &aturan_t, konf);
        let terlambat = h
            .tonggak
            .iter()
            .filter(|x| x.status == StatusAksi::Terlambat)
            .count() as i64;
        let tonggak = ts
            .into_iter()
            .zip(h.tonggak.iter().map(|x| x.status))
            .collect();
        hasil.push(ProyekTerlihat {
            aksi: p,
            status: h.status,
            terlambat,
            tonggak,
            tanggal,
            hari_senyap: konf.hari_senyap,
        });
    }
    Ok(hasil)
}

/// Mengubah isi proyek: alumni, BKD instansinya, admin penyelenggara.
pub async fn ubah(l: &Layanan, k: &Konteks, id: &str, m: MasukanAksi) -> Hasil<Aksi> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (lama, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &lama, &hak).await?;
    if !hak.ubah {
        return Err(galat_hak(
            k,
            "Proyek hanya diubah alumninya, BKD instansinya atau penyelenggara pelatihannya.",
            "Only the alumnus, their agency's BKD or the training organiser may change the project.",
        ));
    }
    let versi = crate::galat::versi_wajib(k, m.versi)?;
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    if m.judul.trim().is_empty() {
        f.tambah("judul", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        &mut f,
        b,
        "judul",
        m.judul.trim(),
        MAKS_JUDUL,
        JenisTeks::Baris,
    );
    for (kolom, v) in [
        ("masalah", &m.masalah),
        ("tujuan", &m.tujuan),
        ("pemangku_kepentingan", &m.pemangku_kepentingan),
    ] {
        validasi::periksa_opsional(
            &mut f,
            b,
            kolom,
            v.as_deref(),
            MAKS_URAIAN,
            JenisTeks::Bebas,
        );
    }
    validasi::periksa_opsional(
        &mut f,
        b,
        "coach_nama",
        m.coach_nama.as_deref(),
        validasi::MAKS_NAMA,
        JenisTeks::Baris,
    );
    // Hasil seminar: pita lembaga pelatihan (instansi penyelenggara angkatan).
    let pita = pengaturan::berlaku(l, &lama.angkatan_instansi_id)
        .await?
        .pita_kualifikasi;
    let nilai = bersih(m.nilai_seminar.clone());
    let mut nilai_seminar = lama.nilai_seminar.clone();
    let mut kualifikasi = bersih(m.kualifikasi.clone()).or(lama.kualifikasi.clone());
    if let Some(n) = &nilai {
        match baca_progres(n) {
            Some(d) => {
                nilai_seminar = Some(rules::angka::teks_ringkas(d));
                kualifikasi = aturan::kualifikasi(d, &pita).map(|p| p.kode.clone());
            }
            None => f.tambah(
                "nilai_seminar",
                k.t(
                    "Nilai seminar berupa angka 0–100 (paling banyak 2 desimal).",
                    "The seminar score is a number 0–100 (at most 2 decimals).",
                ),
            ),
        }
    } else if let Some(q) = &kualifikasi
        && !pita.iter().any(|p| &p.kode == q)
    {
        let pilihan: Vec<&str> = pita.iter().map(|p| p.kode.as_str()).collect();
        f.tambah(
            "kualifikasi",
            match k.bahasa {
                crate::Bahasa::Id => format!("Pilih salah satu: {}.", pilihan.join(", ")),
                crate::Bahasa::En => format!("Choose one of: {}.", pilihan.join(", ")),
            },
        );
    }
    let hasil_berubah = nilai_seminar != lama.nilai_seminar || kualifikasi != lama.kualifikasi;
    if hasil_berubah && !hak.nilai_seminar {
        f.tambah(
            if nilai.is_some() {
                "nilai_seminar"
            } else {
                "kualifikasi"
            },
            k.t(
                "Hasil seminar dicatat lembaga pelatihan penyelenggara angkatan.",
                "The seminar result is recorded by the training organiser.",
            ),
        );
    }
    let mut mentor = lama.mentor_pegawai_id.clone();
    if let Some(n) = m
        .mentor_nip
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
    {
        match store::organisasi::pegawai_nip(l.pool(), &lama.instansi_id, n).await? {
            Some(g) if g.id != lama.pegawai_id => mentor = Some(g.id),
            Some(_) => f.tambah(
                "mentor_nip",
                k.t(
                    "Mentor bukan alumni itu sendiri.",
                    "The mentor cannot be the alumnus.",
                ),
            ),
            None => f.tambah(
                "mentor_nip",
                k.t(
                    "NIP mentor tidak ada di instansi alumni.",
                    "The mentor's NIP is not in the alumnus's agency.",
                ),
            ),
        }
    }
    f.jadi_galat(k.t("Data proyek belum benar.", "The project data is not valid."))?;
    let mut baru = lama.clone();
    baru.judul = m.judul.trim().to_string();
    baru.masalah = bersih(m.masalah);
    baru.tujuan = bersih(m.tujuan);
    baru.pemangku_kepentingan = bersih(m.pemangku_kepentingan);
    baru.coach_nama = bersih(m.coach_nama).or(lama.coach_nama.clone());
    baru.mentor_pegawai_id = mentor;
    baru.kualifikasi = kualifikasi;
    baru.nilai_seminar = nilai_seminar;
    baru.versi = versi + 1;
    baru.diubah_pada = store::sekarang();
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::ubah_aksi(&mut tx, &baru, versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Proyek sudah diubah orang lain; muat ulang lalu ulangi.",
                "Someone else changed the project; reload and try again.",
            )
            .into(),
        ));
    }
    crate::audit::catat(
        &mut tx,
        k,
        &lama.instansi_id,
        "ubah",
        OBJEK_AKSI,
        &lama.id,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

/// Menambah tonggak: siapa yang boleh mengubah proyek.
pub async fn tambah_tonggak(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    m: MasukanTonggak,
) -> Hasil<Tonggak> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.ubah {
        return Err(galat_hak(
            k,
            "Tonggak hanya ditambah alumninya, BKD instansinya atau penyelenggara pelatihannya.",
            "Only the alumnus, their agency's BKD or the training organiser may add milestones.",
        ));
    }
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    if m.uraian.trim().is_empty() {
        f.tambah("uraian", k.t("Wajib diisi.", "Required."));
    }
    validasi::periksa(
        &mut f,
        b,
        "uraian",
        m.uraian.trim(),
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    validasi::periksa_opsional(
        &mut f,
        b,
        "keluaran",
        m.keluaran.as_deref(),
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    validasi::periksa_opsional(
        &mut f,
        b,
        "indikator",
        m.indikator.as_deref(),
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    periksa_tanggal(&mut f, k, "jatuh_tempo", &m.jatuh_tempo);
    let ada = store::aksi_perubahan::tonggak_proyek(l.pool(), &a.instansi_id, &a.id).await?;
    if ada.len() >= MAKS_TONGGAK {
        f.tambah(
            "uraian",
            k.t(
                "Paling banyak 200 tonggak per proyek.",
                "At most 200 milestones per project.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data tonggak belum benar.",
        "The milestone data is not valid.",
    ))?;
    let hari_ini = crate::organisasi::hari_ini_di(l, &a.instansi_id).await?;
    let w = store::sekarang();
    let t = Tonggak {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        aksi_id: a.id.clone(),
        urutan: ada.iter().map(|x| x.urutan).max().unwrap_or(0) + 1,
        tahap: m.tahap.token().to_string(),
        uraian: m.uraian.trim().to_string(),
        jatuh_tempo: m.jatuh_tempo,
        keluaran: bersih(m.keluaran),
        indikator: bersih(m.indikator),
        progres_persen: "0".into(),
        diperbarui_pada: hari_ini,
        selesai_pada: None,
        dibatalkan_alasan: None,
        rhk_id: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_tonggak(&mut tx, &t).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        OBJEK_TONGGAK,
        &t.id,
        None,
        Some(&t),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(t)
}

async fn tonggak_proyek_ini(l: &Layanan, k: &Konteks, a: &Aksi, tid: &str) -> Hasil<Tonggak> {
    store::aksi_perubahan::tonggak(l.pool(), &a.instansi_id, tid)
        .await?
        .filter(|t| t.aksi_id == a.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Tonggak tidak ditemukan.", "Milestone not found.")
                    .into(),
            )
        })
}

/// Alumni mengirim progres satu tonggak, dengan bukti opsional (foto dari
/// ponsel). Tonggak langsung mencatat progres dan tanggal pembaruannya
/// (tidak lagi senyap); selesai baru setelah mentor menerima progres 100.
pub async fn kirim_progres(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    tid: &str,
    m: MasukanProgres,
    bukti: Option<BerkasMasuk>,
) -> Hasil<Progres> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.kirim_progres {
        return Err(galat_hak(
            k,
            "Progres hanya dikirim alumni pemilik proyek.",
            "Only the alumnus who owns the project may post progress.",
        ));
    }
    let t = tonggak_proyek_ini(l, k, &a, tid).await?;
    let mut f = GalatKolom::default();
    let progres = baca_progres(&m.progres_persen);
    if progres.is_none() {
        f.tambah(
            "progres_persen",
            k.t(
                "Progres berupa angka 0–100 (paling banyak 2 desimal), mis. 60 atau 62,5.",
                "Progress is a number 0–100 (at most 2 decimals), e.g. 60 or 62.5.",
            ),
        );
    }
    let catatan = m.catatan.trim().to_string();
    if catatan.is_empty() {
        f.tambah(
            "catatan",
            k.t(
                "Ceritakan apa yang sudah dikerjakan.",
                "Describe what was done.",
            ),
        );
    }
    validasi::periksa(
        &mut f,
        k.bahasa,
        "catatan",
        &catatan,
        MAKS_URAIAN,
        JenisTeks::Bebas,
    );
    if t.selesai_pada.is_some() || t.dibatalkan_alasan.is_some() {
        f.tambah(
            "progres_persen",
            k.t(
                "Tonggak ini sudah selesai atau dibatalkan.",
                "This milestone is already done or cancelled.",
            ),
        );
    }
    f.jadi_galat(k.t("Progres belum benar.", "The progress is not valid."))?;
    let progres = progres.unwrap_or_default();
    // Bukti diunggah lebih dulu (milik alumni); dirujuk di transaksi progres.
    let bukti = match bukti {
        Some(b) => crate::bukti::unggah(l, k, &a.instansi_id, vec![b]).await?,
        None => Vec::new(),
    };
    let hari_ini = crate::organisasi::hari_ini_di(l, &a.instansi_id).await?;
    let w = store::sekarang();
    let p = Progres {
        instansi_id: a.instansi_id.clone(),
        id: store::id_baru(),
        aksi_id: a.id.clone(),
        tonggak_id: t.id.clone(),
        pengguna_id: c.aktor().pengguna_id.clone(),
        progres_persen: rules::angka::teks_ringkas(progres),
        catatan,
        status: "menunggu".into(),
        verifikator_id: None,
        diverifikasi_pada: None,
        catatan_verifikasi: None,
        dibuat_pada: w.clone(),
    };
    let mut baru = t.clone();
    baru.progres_persen = p.progres_persen.clone();
    baru.diperbarui_pada = hari_ini;
    baru.versi = t.versi + 1;
    baru.diubah_pada = w;
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_progres(&mut tx, &p).await?;
    if !store::aksi_perubahan::ubah_tonggak(&mut tx, &baru, t.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Tonggak baru saja berubah; kirim ulang.",
                "The milestone just changed; send again.",
            )
            .into(),
        ));
    }
    for b in &bukti {
        crate::bukti::rujuk(&mut tx, &a.instansi_id, &b.id, OBJEK_PROGRES, &p.id).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        OBJEK_PROGRES,
        &p.id,
        None,
        Some(&p),
    )
    .await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "ubah",
        OBJEK_TONGGAK,
        &t.id,
        Some(&t),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(p)
}

/// Mentor memverifikasi satu progres yang masih menunggu. Progres 100 yang
/// diterima menyelesaikan tonggaknya (tanggal hari ini di zona instansi).
pub async fn verifikasi(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    pid: &str,
    m: MasukanVerifikasi,
) -> Hasil<Progres> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, hak) = muat(l, k, &c, id).await?;
    pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.verifikasi {
        return Err(galat_hak(
            k,
            "Progres hanya diverifikasi mentor alumni ini.",
            "Only this alumnus's mentor may verify progress.",
        ));
    }
    let lama = store::aksi_perubahan::progres(l.pool(), &a.instansi_id, pid)
        .await?
        .filter(|p| p.aksi_id == a.id)
        .ok_or_else(|| {
            Galat::TidakDitemukan(
                k.t("Progres tidak ditemukan.", "Progress not found.")
                    .into(),
            )
        })?;
    let catatan = bersih(m.catatan);
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "catatan",
        catatan.as_deref(),
        2_000,
        JenisTeks::Bebas,
    );
    f.jadi_galat(k.t("Catatan belum benar.", "The note is not valid."))?;
    let status = if m.diterima { "diterima" } else { "ditolak" };
    let w = store::sekarang();
    let verifikator = c.aktor().pengguna_id.clone();
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::verifikasi_progres(
        &mut tx,
        &a.instansi_id,
        pid,
        status,
        &verifikator,
        &w,
        catatan.as_deref(),
    )
    .await?
    {
        return Err(Galat::Konflik(
            k.t(
                "Progres ini sudah diverifikasi.",
                "This progress has already been verified.",
            )
            .into(),
        ));
    }
    let mut baru = lama.clone();
    baru.status = status.into();
    baru.verifikator_id = Some(verifikator);
    baru.diverifikasi_pada = Some(w.clone());
    baru.catatan_verifikasi = catatan;
    if m.diterima && baca_progres(&lama.progres_persen) == Some(Decimal::ONE_HUNDRED) {
        let t = tonggak_proyek_ini(l, k, &a, &lama.tonggak_id).await?;
        if t.selesai_pada.is_none() && t.dibatalkan_alasan.is_none() {
            let mut tb = t.clone();
            tb.selesai_pada = Some(crate::organisasi::hari_ini_di(l, &a.instansi_id).await?);
            tb.versi = t.versi + 1;
            tb.diubah_pada = w;
            if store::aksi_perubahan::ubah_tonggak(&mut tx, &tb, t.versi).await? {
                crate::audit::catat(
                    &mut tx,
                    k,
                    &a.instansi_id,
                    "selesai",
                    OBJEK_TONGGAK,
                    &t.id,
                    Some(&t),
                    Some(&tb),
                )
                .await?;
            }
        }
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "verifikasi",
        OBJEK_PROGRES,
        pid,
        Some(&lama),
        Some(&baru),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(baru)
}

/// Isi satu bukti progres bagi yang boleh membaca proyeknya (mentor, BKD…),
/// hanya salinan foto (kecil/mini) atau lampiran; dirujuk progres proyek ini.
pub async fn bukti_progres(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    bukti_id: &str,
    varian: crate::bukti::Varian,
) -> Hasil<crate::bukti::Sajian> {
    let c = CakupanAksi::untuk(l, k).await?;
    let (a, _) = muat(l, k, &c, id).await?;
    let dirujuk = store::aksi_perubahan::bukti_progres(l.pool(), &a.instansi_id, &a.id)
        .await?
        .into_iter()
        .any(|(b, _)| b == bukti_id);
    if !dirujuk {
        return Err(Galat::TidakDitemukan(
            k.t("Bukti tidak ditemukan.", "Evidence file not found.")
                .into(),
        ));
    }
    crate::bukti::sajikan_untuk_rujukan(l, k, &a.instansi_id, bukti_id, varian).await
}
