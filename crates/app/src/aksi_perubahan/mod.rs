//! Aksi perubahan (isu 13): alumni pelatihan kepemimpinan dipantau sesudah
//! pulang ke daerahnya. Angkatan dan peserta (dari instansi mana pun),
//! proyek perubahan dengan tonggak jangka pendek/menengah/panjang, progres
//! dengan bukti dari ponsel, verifikasi mentor, daftar dan dasbor.
//!
//! Siapa boleh apa diputuskan satu tempat: `kebijakan::CakupanAksi` (alumni,
//! mentor, BKD, provinsi, lembaga pelatihan). Status setiap tonggak dan
//! proyek dihitung aturan murni `rules::aksi_perubahan` pada tanggal hari ini
//! di zona waktu instansi alumni; tidak disimpan.

mod angkatan;
mod daftar;
pub mod dasbor;
pub mod impor;
pub mod pengaturan;
pub mod pengingat;
pub mod pindah;
mod progres;
pub mod tonggak;
pub mod usul_inovasi;

use crate::bukti::BerkasMasuk;
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi as AksiKebijakan, CakupanAksi, FaktaAksi, HakAksi, Sumber};
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
pub use angkatan::{buat_angkatan, daftar_angkatan, tambah_peserta};
pub use daftar::{ProyekTerlihat, daftar};
pub(crate) use daftar::{ada_perubahan, terlihat};
pub use progres::{bukti_progres, kirim_progres, verifikasi};
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
