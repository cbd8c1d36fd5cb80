//! Dokumen OpenAPI 3.1 untuk `/api/v1`, disusun dari tipe (docs/adr/0011):
//! jalur, parameter dan badan dari anotasi `#[utoipa::path]` pada setiap
//! penangan yang didaftarkan lewat `utoipa_axum::routes!` (rute dan
//! dokumennya berasal dari satu pendaftaran), skema dari `#[derive(ToSchema)]`
//! pada struct yang benar-benar diserialkan, dan skema setiap kalkulator dari
//! `rules::kalkulator::skema` menurut registrinya. Yang ditambahkan di sini
//! hanya yang berlaku untuk semua operasi: jawaban galat (satu bentuk,
//! `rules::galat::badan_json`), skema keamanan, dan satu operasi per
//! kalkulator (`POST /api/v1/kalkulator/<nama>`).

use axum::Json;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;

/// Badan setiap galat API: `{"error": {"code", "message", "fields"}}`
/// (disusun hanya oleh `rules::galat::badan_json`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Galat {
    error: RincianGalat,
}

/// Isi galat: kode stabil, pesan dalam bahasa permintaan, pesan per field.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct RincianGalat {
    /// Kode stabil snake_case, mis. `input_tidak_valid`, `versi_wajib`.
    code: String,
    /// Pesan untuk manusia (Accept-Language: id bawaan, en).
    message: String,
    /// Pesan per field yang salah (kunci = jalur field, mis. `target.min`).
    fields: BTreeMap<String, String>,
}

/// Isi berkas apa adanya (unggahan impor, unduhan ekspor, isi bukti).
pub struct Berkas;

impl PartialSchema for Berkas {
    fn schema() -> RefOr<Schema> {
        rules::kalkulator::skema::dari_json(json!({
            "type": "string",
            "format": "binary",
            "description": "Isi berkas apa adanya"
        }))
    }
}
impl ToSchema for Berkas {}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kinerja API",
        description = "Manajemen kinerja ASN. Galat selalu `{\"error\": {\"code\", \"message\", \"fields\"}}`. Bahasa: Accept-Language (id bawaan, en). Desimal berjalan sebagai teks (masukan `\"97.89\"`/`\"97,89\"` atau bilangan bulat; keluaran tepat 2 desimal).",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    servers((url = "/")),
    security(("token" = []), ("sesi" = [])),
    components(schemas(Galat, RincianGalat, Berkas)),
    tags(
        (name = "organisasi", description = "Instansi, unit kerja, jabatan, pegawai, riwayat perubahan"),
        (name = "kepegawaian", description = "Plt./Plh., mutasi antar-instansi, akun pengguna instansi"),
        (name = "akun", description = "Token API milik sendiri"),
        (name = "impor", description = "Impor dan ekspor CSV/XLSX"),
        (name = "anggaran", description = "Perencanaan dan penganggaran berbasis kinerja: rencana, gerbang keluaran, nilai uang, keselarasan, kunci periode"),
        (name = "kalkulator", description = "Kalkulator regulasi publik (tanpa login, dibatasi laju); satu operasi per kalkulator"),
        (name = "bukti", description = "Berkas pendukung (JPEG, PNG, WebP, PDF, XLSX, DOCX)"),
        (name = "tugas", description = "Status tugas latar"),
        (name = "notifikasi", description = "Notifikasi dalam aplikasi"),
        (name = "skp", description = "SKP (PermenPANRB 6/2022): periode, RHK dan indikator, cascading, alur, realisasi dengan bukti, umpan balik, evaluasi, kalibrasi kurva distribusi"),
        (name = "sakip", description = "SAKIP: Renstra dan IKU, pohon kinerja, realisasi IKU, Perjanjian Kinerja, saran predikat organisasi, LKE dan reviunya, LKjIP"),
        (name = "inovasi", description = "Repositori inovasi pelayanan publik (publik): pencarian, halaman inovasi, data terbuka, sebaran replikasi; replikasi dan konfirmasi pemilik"),
        (name = "kompetisi", description = "Kompetisi inovasi (KIPP) dan pemantauan (PKRI): tahap, entri, juri, penilaian, hasil"),
        (name = "aksi_perubahan", description = "Aksi perubahan alumni pelatihan kepemimpinan: angkatan, peserta, proyek, tonggak, progres, verifikasi mentor, dasbor")
    )
)]
struct Dasar;

/// Dokumen utoipa: dasar di atas ditambah setiap rute API di `/api/v1`.
pub fn dokumen_utoipa() -> utoipa::openapi::OpenApi {
    OpenApiRouter::<crate::AppState>::with_openapi(Dasar::openapi())
        .nest("/api/v1", super::router_openapi())
        .into_openapi()
}

/// Dokumen yang dilayani di `/api/openapi.json` (dibangun sekali).
pub fn dokumen() -> Value {
    static DOKUMEN: OnceLock<Value> = OnceLock::new();
    DOKUMEN.get_or_init(susun).clone()
}

fn susun() -> Value {
    let mut d = serde_json::to_value(dokumen_utoipa()).unwrap_or_default();
    // operationId dari nama fungsi penangan, diawali tag agar unik
    // (`daftar` ada di beberapa modul).
    if let Some(paths) = d["paths"].as_object_mut() {
        for op in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in op.values_mut() {
                let tag = op["tags"][0].as_str().unwrap_or("api").to_string();
                let id = op["operationId"].as_str().unwrap_or("").to_string();
                if !id.starts_with(&tag) {
                    op["operationId"] = json!(format!("{tag}_{id}"));
                }
            }
        }
    }
    d["components"]["securitySchemes"] = json!({
        "token": {"type": "http", "scheme": "bearer", "description": "Token API (knj_…) dari /akun; cakupan baca atau tulis"},
        "sesi": {"type": "apiKey", "in": "cookie", "name": "kinerja_sesi", "description": "Sesi peramban; penulisan wajib header X-CSRF-Token"}
    });
    kalkulator(&mut d);
    if let Some(paths) = d["paths"].as_object_mut() {
        for (jalur, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (metode, op) in item.iter_mut() {
                galat(jalur, metode, op);
            }
        }
    }
    d
}

fn skema_ref(nama: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{nama}")})
}

/// Satu operasi per kalkulator dengan skema masukan dan keluarannya sendiri;
/// operasi umum `{nama}` menerima salah satunya.
fn kalkulator(d: &mut Value) {
    let mut komponen = Vec::new();
    let mut masuk = Vec::new();
    let mut keluar = Vec::new();
    for nama in rules::kalkulator::DAFTAR {
        let (Some(f), Some(info)) = (
            rules::kalkulator::skema(nama),
            rules::kalkulator::info(nama),
        ) else {
            continue;
        };
        let (m, h) = f(&mut komponen);
        masuk.push(skema_ref(&m));
        keluar.push(skema_ref(&h));
        let mut uraian = format!(
            "{}\n\nSumber: {} [{}].",
            info.penjelasan,
            info.sumber,
            info.status.token()
        );
        for c in info.belum_terkonfirmasi {
            uraian.push_str(&format!("\n- [{}] {}", c.status.token(), c.nilai));
        }
        let op = json!({
            "tags": ["kalkulator"],
            "summary": format!("{} ({})", info.judul_id, info.judul_en),
            "description": uraian,
            "operationId": format!("kalkulator_{}", nama.replace('-', "_")),
            "security": [{}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": skema_ref(&m)}}},
            "responses": {"200": {"description": format!("Hasil {nama}"),
                "content": {"application/json": {"schema": skema_ref(&h)}}}}
        });
        d["paths"][format!("/api/v1/kalkulator/{nama}")] = json!({ "post": op });
    }
    if let Some(s) = d["components"]["schemas"].as_object_mut() {
        for (nama, skema) in komponen {
            s.insert(nama, serde_json::to_value(skema).unwrap_or_default());
        }
    }
    let umum = &mut d["paths"]["/api/v1/kalkulator/{nama}"]["post"];
    umum["requestBody"]["content"]["application/json"]["schema"] = json!({ "anyOf": masuk });
    umum["responses"]["200"]["content"]["application/json"]["schema"] = json!({ "anyOf": keluar });
    umum["parameters"][0]["schema"] = json!({"type": "string", "enum": rules::kalkulator::DAFTAR});
}

/// Jawaban galat yang dapat muncul di setiap operasi, semuanya berbentuk `Galat`.
fn galat(jalur: &str, metode: &str, op: &mut Value) {
    let publik = op["security"] == json!([{}]);
    let tulis = matches!(metode, "post" | "put" | "patch" | "delete");
    let kalkulator = jalur.starts_with("/api/v1/kalkulator");
    let mut kode: Vec<(&str, &str)> = Vec::new();
    if !publik {
        kode.push(("401", "Belum masuk, sesi habis, atau token tidak sah"));
        kode.push((
            "403",
            "Tidak berhak (peran, instansi, cakupan token, atau CSRF)",
        ));
    }
    kode.push(("404", "Tidak ditemukan (atau tidak boleh diketahui ada)"));
    kode.push(("422", "Masukan tidak valid; `fields` menyebut field-nya"));
    if tulis && !kalkulator {
        kode.push((
            "409",
            "Bentrok: versi berbeda, nilai unik sudah dipakai, atau masih dirujuk",
        ));
    }
    if matches!(metode, "post" | "put" | "patch") {
        kode.push(("413", "Badan permintaan terlalu besar"));
    }
    if metode == "put" {
        kode.push((
            "428",
            "Versi wajib: field `versi` atau header If-Match (`versi_wajib`)",
        ));
    }
    if kalkulator || jalur.ends_with("/impor") {
        kode.push(("429", "Terlalu banyak permintaan"));
    }
    let Some(jawaban) = op["responses"].as_object_mut() else {
        return;
    };
    for (k, uraian) in kode {
        jawaban.entry(k).or_insert_with(|| {
            json!({"description": uraian,
                "content": {"application/json": {"schema": skema_ref("Galat")}}})
        });
    }
    let urut: Map<String, Value> = {
        let mut v: Vec<_> = std::mem::take(jawaban).into_iter().collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.into_iter().collect()
    };
    *jawaban = urut;
}

pub async fn tangani() -> Json<Value> {
    Json(dokumen())
}
