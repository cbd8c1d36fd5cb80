//! Skema masukan dan keluaran kalkulator `peringkat-inovasi` (isu 12).

use super::{Desimal2, DesimalMasuk, Penjelasan, dari_json};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

/// Skor per kode kriteria: objek `{kode: desimal}`.
fn skema_skor() -> RefOr<Schema> {
    dari_json(json!({
        "type": "object",
        "description": "Skor 0–100 per kode kriteria; setiap kriteria rubrik wajib dinilai, kode lain ditolak.",
        "additionalProperties": {"$ref": "#/components/schemas/DesimalMasuk"},
        "maxProperties": 50
    }))
}

/// Satu kriteria rubrik dan bobotnya.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KriteriaPeringkatInovasi {
    /// Kode unik, kunci di `skor`.
    #[schema(min_length = 1, max_length = 50)]
    kode: String,
    /// 0–100; bobot semua kriteria berjumlah 100.
    #[schema(value_type = DesimalMasuk)]
    bobot: Value,
}

/// Skor satu juri.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NilaiJuriPeringkatInovasi {
    /// Pengenal juri (unik dalam satu entri).
    #[schema(min_length = 1, max_length = 100)]
    juri: String,
    #[schema(schema_with = skema_skor)]
    skor: Value,
}

/// Satu entri dengan nilai para jurinya.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EntriPeringkatInovasi {
    /// Pengenal unik; seri diurutkan menurut id.
    #[schema(min_length = 1, max_length = 100)]
    id: String,
    /// Paling sedikit satu juri.
    #[schema(min_items = 1, max_items = 50)]
    nilai: Vec<NilaiJuriPeringkatInovasi>,
}

/// Masukan `peringkat-inovasi`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(json!({"n": 2, "nilai_minimum": "85",
    "kriteria": [{"kode": "kebaruan", "bobot": 40}, {"kode": "manfaat", "bobot": "60"}],
    "entri": [
        {"id": "INV-01", "nilai": [{"juri": "j1", "skor": {"kebaruan": 90, "manfaat": "92.5"}},
                                   {"juri": "j2", "skor": {"kebaruan": 88, "manfaat": 90}}]},
        {"id": "INV-02", "nilai": [{"juri": "j1", "skor": {"kebaruan": 86, "manfaat": 88}}]},
        {"id": "INV-03", "nilai": [{"juri": "j2", "skor": {"kebaruan": 80, "manfaat": 84}}]}]})))]
pub struct MasukanPeringkatInovasi {
    /// Kuota lolos (mis. 99 untuk Top 99); 0 = tidak ada yang lolos.
    #[schema(minimum = 0, maximum = 20000)]
    n: u32,
    /// Nilai paling rendah untuk lolos, 0–100; bawaan 85 (KIPP 2025).
    #[schema(value_type = Option<DesimalMasuk>)]
    nilai_minimum: Option<Value>,
    #[schema(min_items = 1, max_items = 50)]
    kriteria: Vec<KriteriaPeringkatInovasi>,
    #[schema(max_items = 20000)]
    entri: Vec<EntriPeringkatInovasi>,
}

/// Peringkat satu entri.
#[derive(ToSchema)]
pub struct PeringkatEntriInovasi {
    id: String,
    /// Rata-rata nilai juri, 2 desimal.
    nilai: Desimal2,
    /// 1 = terbaik; nilai sama berbagi peringkat (1, 1, 3).
    #[schema(minimum = 1)]
    urutan: u32,
}

/// Keluaran `peringkat-inovasi`.
#[derive(ToSchema)]
pub struct HasilPeringkatInovasi {
    /// Semua entri, terbaik dulu (seri: menurut id).
    peringkat: Vec<PeringkatEntriInovasi>,
    /// Id yang lolos, dalam urutan peringkat.
    lolos: Vec<String>,
    /// Id yang seri tepat di batas N; panitia memutuskan.
    seri_di_batas: Vec<String>,
    perlu_keputusan: bool,
    penjelasan: Penjelasan,
}
