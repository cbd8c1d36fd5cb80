//! Skema OpenAPI masukan dan keluaran setiap kalkulator (fitur `openapi`).
//!
//! Pembaca masukan ([`super::masukan`]) sengaja tidak memakai serde: ia
//! mengumpulkan semua kesalahan sekaligus dan menerima desimal sebagai teks.
//! Karena itu bentuk JSON setiap kalkulator ditulis di sini sebagai struct
//! yang hanya menurunkan skemanya (`ToSchema`). Tiga penjaga menahan
//! struct ini agar tidak tertinggal dari pembaca dan keluaran nyata:
//! setiap entri [`super::info::REGISTRI`] wajib menunjuk pasangan skemanya
//! (kompilator menolak entri tanpa skema); contoh masukan setiap kalkulator
//! harus lolos skema masukan, diterima kalkulatornya, dan keluarannya lolos
//! skema keluaran (`crates/web/tests/openapi_http.rs`); Schemathesis
//! membangkitkan masukan dari skema ini dan memeriksa setiap jawaban.
//!
//! Format kabel desimal: masukan berupa teks (`"97.89"`, `"97,89"`) atau
//! bilangan bulat JSON (`100`), bukan bilangan pecahan JSON; keluaran selalu
//! teks dengan tepat 2 desimal (`"109.00"`).

#![allow(dead_code)]

mod aksi_perubahan;
mod anggaran;
mod inovasi;
pub use aksi_perubahan::*;
pub use anggaran::*;
pub use inovasi::*;

use crate::abk::{KategoriEj, PembulatanPegawai};
use crate::nip::{JenisAsn, JenisKelamin};
use crate::nomenklatur::{JenisKode, TingkatKl, TingkatPemda};
use crate::permenpanrb_1_2023::Jenjang;
use crate::permenpanrb_6_2022::{
    AturanKurva, PredikatKinerjaPegawai, PredikatOrganisasi, RatingKinerja,
};
use crate::permenpanrb_8_2021::{KategoriCapaianIki, Polaritas};
use crate::permenpanrb_88_2021::PredikatAkip;
use crate::pp_30_2019::{BobotPp30, PredikatPp30};
use crate::pp_46_2011::KategoriPp46;
use crate::sumber::StatusSumber;
use serde::Deserialize;
use serde_json::{Value, json};
use std::borrow::Cow;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

/// Daftar komponen skema `(nama, skema)` seperti dikumpulkan utoipa.
pub type Komponen = Vec<(String, RefOr<Schema>)>;

/// Menambahkan skema masukan dan keluaran satu kalkulator (beserta skema
/// yang dirujuknya) ke `komponen`; mengembalikan nama skema masukan dan
/// keluaran.
pub type FungsiSkema = fn(&mut Komponen) -> (String, String);

/// [`FungsiSkema`] untuk pasangan tipe masukan `M` dan keluaran `H`.
pub(crate) fn pasangan<M: ToSchema, H: ToSchema>(k: &mut Komponen) -> (String, String) {
    k.push((M::name().into_owned(), M::schema()));
    M::schemas(k);
    k.push((H::name().into_owned(), H::schema()));
    H::schemas(k);
    (M::name().into_owned(), H::name().into_owned())
}

/// Skema dari JSON yang ditulis di kode ini (selalu sah; tes memeriksanya).
pub fn dari_json(v: Value) -> RefOr<Schema> {
    serde_json::from_value(v).unwrap_or_else(|_| RefOr::T(Schema::default()))
}

/// Teks dengan salah satu token enum.
pub fn pilihan(token: &[&str]) -> RefOr<Schema> {
    dari_json(json!({"type": "string", "enum": token}))
}

/// Pola teks desimal masukan: tanda opsional, digit, pemisah titik atau koma.
pub const POLA_DESIMAL_MASUK: &str = r"^[ \t\r\n]*[-+]?[0-9]+([.,][0-9]+)?[ \t\r\n]*$";
/// Pola teks desimal keluaran: tepat 2 desimal.
pub const POLA_DESIMAL_KELUAR: &str = r"^-?[0-9]+\.[0-9]{2}$";

/// Desimal masukan: teks atau bilangan bulat JSON (paling banyak 28 digit bermakna).
pub struct DesimalMasuk;

impl PartialSchema for DesimalMasuk {
    fn schema() -> RefOr<Schema> {
        dari_json(json!({
            "description": "Desimal tepat: teks (\"97.89\" atau \"97,89\") atau bilangan bulat JSON (100). Bilangan pecahan JSON (97.89 tanpa tanda kutip) ditolak 422 karena dapat kehilangan digit; paling banyak 28 digit bermakna.",
            "oneOf": [
                {"type": "string", "pattern": POLA_DESIMAL_MASUK, "maxLength": 128},
                {"type": "integer"}
            ],
            "examples": ["97.89"]
        }))
    }
}
impl ToSchema for DesimalMasuk {}

/// Desimal keluaran: teks tepat 2 desimal, dibulatkan sekali setengah menjauhi nol.
pub struct Desimal2;

impl PartialSchema for Desimal2 {
    fn schema() -> RefOr<Schema> {
        dari_json(json!({
            "type": "string",
            "pattern": POLA_DESIMAL_KELUAR,
            "description": "Desimal tepat sebagai teks dengan tepat 2 desimal (\"109.00\"), dibulatkan sekali setengah menjauhi nol.",
            "examples": ["109.00"]
        }))
    }
}
impl ToSchema for Desimal2 {}

/// Penjelasan cara hitung di setiap keluaran.
pub struct Penjelasan;

impl PartialSchema for Penjelasan {
    fn schema() -> RefOr<Schema> {
        dari_json(json!({
            "type": "object",
            "description": "Cara hitung: sumber regulasi, status [P]/[S]/[R], rumus dan langkah; kunci lain khusus tiap kalkulator. Untuk membandingkan hasil, abaikan field ini.",
            "properties": {
                "sumber": {"type": "string"},
                "status": {"type": "string", "enum": StatusSumber::TOKEN},
                "status_arti": {"type": "string"},
                "rumus": {"type": "string"},
                "langkah": {"type": "array", "items": {"type": "string"}}
            },
            "required": ["sumber", "status", "status_arti"]
        }))
    }
}
impl ToSchema for Penjelasan {}

// ---------- predikat-kinerja ----------

/// Masukan `predikat-kinerja`: dua rating atasan.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"hasil_kerja": "di_atas_ekspektasi", "perilaku_kerja": "sesuai_ekspektasi"})))]
pub struct MasukanPredikatKinerja {
    hasil_kerja: RatingKinerja,
    perilaku_kerja: RatingKinerja,
}

/// Keluaran `predikat-kinerja`.
#[derive(ToSchema)]
pub struct HasilPredikatKinerja {
    predikat: PredikatKinerjaPegawai,
    penjelasan: Penjelasan,
}

// ---------- kurva-distribusi ----------

fn skema_jumlah() -> RefOr<Schema> {
    let mut p = serde_json::Map::new();
    for t in PredikatKinerjaPegawai::TOKEN {
        p.insert(
            (*t).to_string(),
            json!({"type": ["integer", "null"], "minimum": 0, "maximum": 10_000_000}),
        );
    }
    dari_json(json!({
        "type": "object",
        "description": "Jumlah pegawai per predikat; predikat yang tidak disebut dihitung 0.",
        "properties": p,
        "additionalProperties": false
    }))
}

/// Masukan `kurva-distribusi`: predikat organisasi dan sebaran predikat pegawai.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"predikat_organisasi": "baik", "jumlah": {"sangat_baik": 2, "baik": 6, "butuh_perbaikan": 1}})))]
pub struct MasukanKurvaDistribusi {
    predikat_organisasi: PredikatOrganisasi,
    #[schema(schema_with = skema_jumlah)]
    jumlah: Value,
}

/// Satu aturan kurva yang dilanggar.
#[derive(ToSchema)]
pub struct PelanggaranKurva {
    aturan: AturanKurva,
    pesan: String,
    ditemukan: u64,
    batas: u64,
}

/// Keluaran `kurva-distribusi`.
#[derive(ToSchema)]
pub struct HasilKurvaDistribusi {
    valid: bool,
    pelanggaran: Vec<PelanggaranKurva>,
    penjelasan: Penjelasan,
}

// ---------- capaian ----------

fn skema_target() -> RefOr<Schema> {
    dari_json(json!({
        "description": "Target tunggal (desimal) atau rentang {min, max}.",
        "oneOf": [
            {"$ref": "#/components/schemas/DesimalMasuk"},
            {"type": "object", "properties": {
                "min": {"$ref": "#/components/schemas/DesimalMasuk"},
                "max": {"$ref": "#/components/schemas/DesimalMasuk"}
            }, "required": ["min", "max"], "additionalProperties": false}
        ]
    }))
}

/// Masukan `capaian`: polaritas indikator, target (tunggal atau rentang), realisasi.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"polaritas": "positif", "target": "100", "realisasi": "97.89"})))]
pub struct MasukanCapaian {
    polaritas: Polaritas,
    #[schema(schema_with = skema_target)]
    target: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi: Value,
}

/// Keluaran `capaian`.
#[derive(ToSchema)]
pub struct HasilCapaian {
    capaian_persen: Desimal2,
    penjelasan: Penjelasan,
}

// ---------- nilai-capaian-iki ----------

/// Masukan `nilai-capaian-iki`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"capaian_persen": "97.89"})))]
pub struct MasukanNilaiCapaianIki {
    #[schema(value_type = DesimalMasuk)]
    capaian_persen: Value,
    /// Target sudah nilai maksimal yang mungkin (100% bernilai 120). Bawaan false.
    target_maksimal: Option<bool>,
}

/// Keluaran `nilai-capaian-iki`.
#[derive(ToSchema)]
pub struct HasilNilaiCapaianIki {
    nilai: Desimal2,
    kategori: KategoriCapaianIki,
    penjelasan: Penjelasan,
}

// ---------- skp-pp46 ----------

/// Satu kegiatan SKP PP 46/2011. Biaya boleh tidak disebut (dibagi 3).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KegiatanSkpPp46 {
    #[schema(value_type = DesimalMasuk)]
    target_output: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_output: Value,
    #[schema(value_type = DesimalMasuk)]
    target_kualitas: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_kualitas: Value,
    #[schema(value_type = DesimalMasuk)]
    target_waktu: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_waktu: Value,
    #[schema(value_type = Option<DesimalMasuk>)]
    target_biaya: Option<Value>,
    #[schema(value_type = Option<DesimalMasuk>)]
    realisasi_biaya: Option<Value>,
}

/// Masukan `skp-pp46`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"kegiatan": [{"target_output": "10", "realisasi_output": "10",
    "target_kualitas": "100", "realisasi_kualitas": "90", "target_waktu": "12",
    "realisasi_waktu": "12"}], "nilai_perilaku": "80"})))]
pub struct MasukanSkpPp46 {
    kegiatan: Vec<KegiatanSkpPp46>,
    #[schema(value_type = DesimalMasuk)]
    nilai_perilaku: Value,
}

/// Nilai satu kegiatan SKP.
#[derive(ToSchema)]
pub struct NilaiKegiatanPp46 {
    kuantitas: Desimal2,
    kualitas: Desimal2,
    waktu: Desimal2,
    /// Hanya bila kegiatan memakai biaya.
    #[schema(required = false)]
    biaya: Desimal2,
    nilai: Desimal2,
}

/// Keluaran `skp-pp46`.
#[derive(ToSchema)]
pub struct HasilSkpPp46 {
    kegiatan: Vec<NilaiKegiatanPp46>,
    nilai_skp: Desimal2,
    kategori_skp: KategoriPp46,
    nilai_prestasi_kerja: Desimal2,
    kategori: KategoriPp46,
    penjelasan: Penjelasan,
}

// ---------- nilai-kinerja-pp30 ----------

/// Masukan `nilai-kinerja-pp30`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"nilai_skp": "100", "nilai_perilaku": "90", "bobot": "70_30", "ide_baru": false})))]
pub struct MasukanNilaiKinerjaPp30 {
    #[schema(value_type = DesimalMasuk)]
    nilai_skp: Value,
    #[schema(value_type = DesimalMasuk)]
    nilai_perilaku: Value,
    bobot: BobotPp30,
    ide_baru: bool,
}

/// Keluaran `nilai-kinerja-pp30`.
#[derive(ToSchema)]
pub struct HasilNilaiKinerjaPp30 {
    nilai_kinerja: Desimal2,
    predikat: PredikatPp30,
    penjelasan: Penjelasan,
}

// ---------- evaluasi-akip ----------

/// Masukan `evaluasi-akip`: nilai empat komponen (paling tinggi bobotnya).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"perencanaan": "25", "pengukuran": "24", "pelaporan": "12", "evaluasi_internal": "20"})))]
pub struct MasukanEvaluasiAkip {
    /// Bobot 30.
    #[schema(value_type = DesimalMasuk)]
    perencanaan: Value,
    /// Bobot 30.
    #[schema(value_type = DesimalMasuk)]
    pengukuran: Value,
    /// Bobot 15.
    #[schema(value_type = DesimalMasuk)]
    pelaporan: Value,
    /// Bobot 25.
    #[schema(value_type = DesimalMasuk)]
    evaluasi_internal: Value,
}

/// Keluaran `evaluasi-akip`.
#[derive(ToSchema)]
pub struct HasilEvaluasiAkip {
    nilai: Desimal2,
    predikat: PredikatAkip,
    penjelasan: Penjelasan,
}

// ---------- beban-kerja ----------

/// Satu tugas jabatan: volume setahun dan norma waktu per volume.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TugasBebanKerja {
    #[schema(value_type = DesimalMasuk)]
    volume: Value,
    #[schema(value_type = DesimalMasuk)]
    norma_waktu_menit: Value,
}

/// Masukan `beban-kerja`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"tugas": [{"volume": "1200", "norma_waktu_menit": "60"}], "jumlah_pegawai": 1})))]
pub struct MasukanBebanKerja {
    tugas: Vec<TugasBebanKerja>,
    #[schema(minimum = 1, maximum = 10_000_000)]
    jumlah_pegawai: u64,
    /// Bawaan 1250 jam setahun (konfigurasi instansi).
    #[schema(value_type = Option<DesimalMasuk>)]
    jam_kerja_efektif: Option<Value>,
    pembulatan: Option<PembulatanPegawai>,
}

/// Keluaran `beban-kerja`.
#[derive(ToSchema)]
pub struct HasilBebanKerja {
    beban_kerja_jam: Desimal2,
    kebutuhan_pegawai: Desimal2,
    kebutuhan_pegawai_dibulatkan: u64,
    efisiensi_jabatan: Desimal2,
    kategori_ej: KategoriEj,
    penjelasan: Penjelasan,
}

// ---------- penyerapan ----------

/// Masukan `penyerapan`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"realisasi": "850000000", "pagu": "1000000000"})))]
pub struct MasukanPenyerapan {
    #[schema(value_type = DesimalMasuk)]
    realisasi: Value,
    #[schema(value_type = DesimalMasuk)]
    pagu: Value,
}

/// Keluaran `penyerapan`.
#[derive(ToSchema)]
pub struct HasilPenyerapan {
    penyerapan_persen: Desimal2,
    penjelasan: Penjelasan,
}

// ---------- efisiensi-anggaran ----------

/// Satu keluaran anggaran: pagu, capaian keluaran (persen), realisasi anggaran.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeluaranAnggaran {
    #[schema(value_type = DesimalMasuk)]
    pagu: Value,
    #[schema(value_type = DesimalMasuk)]
    capaian_persen: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_anggaran: Value,
}

/// Masukan `efisiensi-anggaran`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"keluaran": [{"pagu": "1000000", "capaian_persen": "100", "realisasi_anggaran": "900000"}]})))]
pub struct MasukanEfisiensiAnggaran {
    keluaran: Vec<KeluaranAnggaran>,
    /// Capaian keluaran dibatasi 100% (bawaan: konfigurasi instansi, false).
    batasi_capaian: Option<bool>,
}

/// Keluaran `efisiensi-anggaran`.
#[derive(ToSchema)]
pub struct HasilEfisiensiAnggaran {
    efisiensi_persen: Desimal2,
    penjelasan: Penjelasan,
}

// ---------- angka-kredit ----------

/// Masukan `angka-kredit`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"jenjang": "ahli_pertama", "predikat": "baik"})))]
pub struct MasukanAngkaKredit {
    jenjang: Jenjang,
    predikat: PredikatKinerjaPegawai,
    /// Bulan dinilai dalam setahun (bawaan 12).
    #[schema(minimum = 1, maximum = 12)]
    bulan: Option<u8>,
}

/// Keluaran `angka-kredit`.
#[derive(ToSchema)]
pub struct HasilAngkaKredit {
    angka_kredit: Desimal2,
    penjelasan: Penjelasan,
}

// ---------- kode-nomenklatur ----------

/// Masukan `kode-nomenklatur`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"kode": "1.02.02.2.01.0006"})))]
pub struct MasukanKodeNomenklatur {
    #[schema(max_length = 200)]
    kode: String,
}

/// Keluaran `kode-nomenklatur`: jenis kode dan awalan/segmen per tingkat yang ada.
pub struct HasilKodeNomenklatur;

impl PartialSchema for HasilKodeNomenklatur {
    fn schema() -> RefOr<Schema> {
        let mut p = serde_json::Map::new();
        p.insert(
            "jenis".into(),
            json!({"$ref": "#/components/schemas/JenisKode"}),
        );
        for t in TingkatPemda::TOKEN.iter().chain(TingkatKl::TOKEN) {
            p.insert((*t).to_string(), json!({"type": "string"}));
        }
        p.insert(
            "penjelasan".into(),
            json!({"$ref": "#/components/schemas/Penjelasan"}),
        );
        dari_json(json!({
            "type": "object",
            "description": "Kode pemda: awalan per tingkat (urusan … sub_kegiatan); kode K/L: segmen per tingkat (bagian_anggaran … komponen). Hanya tingkat yang ada di kode yang muncul.",
            "properties": p,
            "required": ["jenis", "penjelasan"]
        }))
    }
}
impl ToSchema for HasilKodeNomenklatur {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("HasilKodeNomenklatur")
    }
    fn schemas(k: &mut Komponen) {
        k.push((JenisKode::name().into_owned(), JenisKode::schema()));
        k.push((Penjelasan::name().into_owned(), Penjelasan::schema()));
    }
}

// ---------- nip ----------

/// Masukan `nip`: NIP sebagai teks (angka JSON ditolak: digit bisa hilang).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"nip": "199108172015022003"})))]
pub struct MasukanNip {
    #[schema(max_length = 200)]
    nip: String,
}

/// Keluaran `nip`.
#[derive(ToSchema)]
pub struct HasilNip {
    jenis_asn: JenisAsn,
    /// YYYY-MM-DD.
    #[schema(format = Date)]
    tanggal_lahir: String,
    /// Bulan dan tahun pengangkatan.
    tmt: String,
    jenis_kelamin: JenisKelamin,
    nomor_urut: String,
    penjelasan: Penjelasan,
}

#[cfg(test)]
mod tes {
    use super::*;

    /// `dari_json` tidak pernah jatuh ke skema kosong: setiap skema yang
    /// ditulis sebagai JSON di sini terbaca oleh utoipa.
    #[test]
    fn setiap_skema_terbaca_dan_setiap_kalkulator_punya_pasangan() {
        let kosong = serde_json::to_value(RefOr::T(Schema::default())).unwrap();
        let mut k = Komponen::new();
        for nama in super::super::DAFTAR {
            let f = super::super::skema(nama).unwrap();
            let (m, h) = f(&mut k);
            assert!(m.starts_with("Masukan") && h.starts_with("Hasil"), "{nama}");
        }
        k.push(("Target".into(), skema_target()));
        k.push(("Jumlah".into(), skema_jumlah()));
        k.push(("Pilihan".into(), pilihan(&["a"])));
        for (nama, s) in &k {
            let v = serde_json::to_value(s).unwrap();
            assert_ne!(v, kosong, "{nama}: skema JSON tidak terbaca");
        }
        assert!(k.iter().any(|(n, _)| n == "DesimalMasuk"));
        assert!(k.iter().any(|(n, _)| n == "Desimal2"));
        assert!(k.iter().any(|(n, _)| n == "Penjelasan"));
    }
}
