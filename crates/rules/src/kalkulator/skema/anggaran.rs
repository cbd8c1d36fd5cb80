//! Skema masukan dan keluaran kalkulator anggaran (isu 9): gerbang anggaran,
//! nilai uang, keselarasan program.

use super::{Desimal2, DesimalMasuk, Penjelasan, dari_json, skema_target};
use crate::anggaran::{AlasanGerbang, JenisSubkegiatan, KodeTanda, KodeTemuan};
use crate::permenpanrb_8_2021::Polaritas;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

// ---------- gerbang-anggaran ----------

/// Desimal draf: desimal, teks kosong atau `null` (kosong = belum diisi).
fn skema_desimal_draf() -> RefOr<Schema> {
    dari_json(json!({
        "description": "Desimal (teks atau bilangan bulat JSON); teks kosong atau null berarti belum diisi (draf).",
        "oneOf": [
            {"$ref": "#/components/schemas/DesimalMasuk"},
            {"type": "string", "pattern": r"^[ \t\r\n]*$"},
            {"type": "null"}
        ]
    }))
}

/// Polaritas draf: token, teks kosong atau `null`.
fn skema_polaritas_draf() -> RefOr<Schema> {
    dari_json(json!({
        "description": "Polaritas; kosong diperiksa sebagai positif.",
        "oneOf": [
            {"type": "string", "enum": Polaritas::TOKEN},
            {"type": "string", "pattern": r"^[ \t\r\n]*$"},
            {"type": "null"}
        ]
    }))
}

/// Target triwulan I–IV kumulatif (4 butir; daftar kosong = belum diisi).
fn skema_triwulan() -> RefOr<Schema> {
    dari_json(json!({
        "description": "Target triwulan I–IV, kumulatif: empat butir, triwulan IV = target tahunan. Daftar kosong atau null berarti belum diisi; butir kosong, null atau yang tidak ada (daftar kurang dari 4) adalah triwulan yang belum diisi.",
        "type": ["array", "null"],
        "maxItems": 4,
        "items": {"oneOf": [
            {"$ref": "#/components/schemas/DesimalMasuk"},
            {"type": "string", "pattern": r"^[ \t\r\n]*$"},
            {"type": "null"}
        ]}
    }))
}

/// Indikator keluaran draf (semua field boleh kosong).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndikatorGerbang {
    #[schema(max_length = 500)]
    nama: Option<String>,
    #[schema(max_length = 200)]
    satuan: Option<String>,
    #[schema(schema_with = skema_polaritas_draf, required = false)]
    polaritas: Option<Value>,
    /// Target tahunan.
    #[schema(schema_with = skema_desimal_draf, required = false)]
    target: Option<Value>,
    #[schema(schema_with = skema_triwulan, required = false)]
    target_triwulan: Option<Value>,
}

/// Sub kegiatan draf: field yang kosong menjadi kekurangan, bukan galat.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubkegiatanGerbang {
    #[schema(max_length = 200)]
    kode: Option<String>,
    #[schema(max_length = 200)]
    program_kode: Option<String>,
    /// Unit penanggung jawab.
    #[schema(max_length = 500)]
    unit: Option<String>,
    #[schema(schema_with = skema_desimal_draf, required = false)]
    pagu: Option<Value>,
    indikator: Option<Vec<IndikatorGerbang>>,
}

/// Masukan `gerbang-anggaran`: sub kegiatan rencana (boleh draf).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"subkegiatan": [{"kode": "1.02.02.2.02.0015", "program_kode": "1.02.02",
    "unit": "Bidang Kesehatan Masyarakat", "pagu": "250000000", "indikator": [{
    "nama": "Jumlah balita gizi kurang yang menerima makanan tambahan", "satuan": "Orang",
    "polaritas": "positif", "target": "1200", "target_triwulan": ["300", "600", "900", "1200"]}]}]})))]
pub struct MasukanGerbangAnggaran {
    subkegiatan: Vec<SubkegiatanGerbang>,
}

/// Satu kekurangan, dalam urutan sub kegiatan masukan.
#[derive(ToSchema)]
pub struct KekuranganGerbang {
    /// Kode sub kegiatan (null bila belum diisi).
    subkegiatan: Option<String>,
    kode: AlasanGerbang,
    pesan: String,
}

/// Keluaran `gerbang-anggaran`.
#[derive(ToSchema)]
pub struct HasilGerbangAnggaran {
    lolos: bool,
    kekurangan: Vec<KekuranganGerbang>,
    penjelasan: Penjelasan,
}

// ---------- nilai-uang ----------

/// Masukan `nilai-uang`: pagu dan realisasi anggaran, target dan realisasi keluaran.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"pagu": "1000000000", "realisasi_anggaran": "950000000", "target": "100",
    "realisasi_keluaran": "40", "polaritas": "positif", "ada_bukti": true, "bulan": 12})))]
pub struct MasukanNilaiUang {
    #[schema(value_type = DesimalMasuk)]
    pagu: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_anggaran: Value,
    /// Target keluaran: tunggal atau rentang, seperti kalkulator `capaian`.
    #[schema(schema_with = skema_target)]
    target: Value,
    #[schema(value_type = DesimalMasuk)]
    realisasi_keluaran: Value,
    polaritas: Polaritas,
    #[schema(value_type = Option<DesimalMasuk>)]
    baseline: Option<Value>,
    ada_bukti: bool,
    /// Bulan yang sudah berjalan.
    #[schema(minimum = 1, maximum = 12)]
    bulan: u8,
    /// Bawaan 90 (konfigurasi instansi).
    #[schema(value_type = Option<DesimalMasuk>)]
    ambang_penyerapan: Option<Value>,
    /// Bawaan 50.
    #[schema(value_type = Option<DesimalMasuk>)]
    ambang_capaian: Option<Value>,
    /// Bawaan 25 (poin di bawah ekspektasi waktu).
    #[schema(value_type = Option<DesimalMasuk>)]
    ambang_tertinggal: Option<Value>,
}

/// Satu tanda nilai uang.
#[derive(ToSchema)]
pub struct TandaNilaiUang {
    kode: KodeTanda,
    pesan: String,
}

/// Keluaran `nilai-uang`.
#[derive(ToSchema)]
pub struct HasilNilaiUang {
    penyerapan_persen: Desimal2,
    capaian_persen: Desimal2,
    ekspektasi_waktu_persen: Desimal2,
    /// null bila belum ada keluaran.
    #[schema(value_type = Option<Desimal2>)]
    biaya_per_satuan: Value,
    tanda: Vec<TandaNilaiUang>,
    penjelasan: Penjelasan,
}

// ---------- keselarasan-program ----------

/// Program yang diperiksa.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramKeselarasan {
    #[schema(max_length = 200)]
    kode: String,
    #[schema(max_length = 500)]
    nama: String,
}

/// Indikator keluaran sub kegiatan.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndikatorKeselarasan {
    #[schema(max_length = 500)]
    nama: String,
    #[schema(max_length = 200)]
    satuan: String,
}

/// Satu baris belanja.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BelanjaKeselarasan {
    #[schema(max_length = 200)]
    kode_rekening: String,
    #[schema(max_length = 1000)]
    uraian: Option<String>,
    #[schema(value_type = DesimalMasuk)]
    jumlah: Value,
}

/// Sub kegiatan dengan indikator dan belanjanya.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubkegiatanKeselarasan {
    #[schema(max_length = 200)]
    kode: String,
    #[schema(max_length = 500)]
    nama: String,
    /// Bila kosong, dicari di nomenklatur yang dikirim.
    jenis: Option<JenisSubkegiatan>,
    indikator: Option<Vec<IndikatorKeselarasan>>,
    belanja: Option<Vec<BelanjaKeselarasan>>,
}

/// Masukan `keselarasan-program`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"program": {"kode": "1.02.02", "nama": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"},
    "subkegiatan": [{"kode": "1.02.02.2.02.0015", "nama": "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
    "indikator": [{"nama": "Jumlah balita gizi kurang yang menerima makanan tambahan", "satuan": "Orang"}],
    "belanja": [{"kode_rekening": "5.1.02.01.01.0039", "uraian": "Pengadaan makanan bergizi untuk posyandu", "jumlah": "450000000"},
    {"kode_rekening": "5.1.02.01.01.0052", "uraian": "Makan minum rapat kader", "jumlah": "15000000"}]}]})))]
pub struct MasukanKeselarasanProgram {
    program: ProgramKeselarasan,
    subkegiatan: Vec<SubkegiatanKeselarasan>,
    /// Bawaan 30 (konfigurasi instansi).
    #[schema(value_type = Option<DesimalMasuk>)]
    ambang_belanja_penunjang_persen: Option<Value>,
}

/// Satu alasan atau peringatan keselarasan.
#[derive(ToSchema)]
pub struct TemuanKeselarasan {
    kode: KodeTemuan,
    /// Kode sub kegiatan; null untuk program.
    subkegiatan: Option<String>,
    pesan: String,
    /// Baris belanja, kata atau kode yang membuat temuan ini muncul.
    bukti: Vec<String>,
}

/// Keluaran `keselarasan-program`.
#[derive(ToSchema)]
pub struct HasilKeselarasanProgram {
    selaras: bool,
    porsi_belanja_penunjang_persen: Desimal2,
    alasan: Vec<TemuanKeselarasan>,
    peringatan: Vec<TemuanKeselarasan>,
    penjelasan: Penjelasan,
}
