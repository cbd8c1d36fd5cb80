//! Dokumen OpenAPI 3 untuk `/api/v1`, disusun dari satu tabel rute agar tes
//! dapat memastikan setiap rute API terdokumentasi (lihat docs/adr/0005).

use axum::Json;
use serde_json::{Map, Value, json};

/// (metode, jalur, ringkasan, skema badan masukan, skema jawaban)
pub const RUTE: &[(&str, &str, &str, Option<&str>, &str)] = &[
    (
        "get",
        "/instansi",
        "Daftar instansi yang boleh dilihat",
        None,
        "DaftarInstansi",
    ),
    (
        "post",
        "/instansi",
        "Buat instansi (super admin)",
        Some("MasukanInstansi"),
        "Instansi",
    ),
    ("get", "/instansi/{iid}", "Satu instansi", None, "Instansi"),
    (
        "put",
        "/instansi/{iid}",
        "Ubah instansi",
        Some("MasukanInstansi"),
        "Instansi",
    ),
    (
        "get",
        "/instansi/{iid}/unit",
        "Pohon unit kerja pada tanggal (?tanggal=YYYY-MM-DD)",
        None,
        "PohonUnit",
    ),
    (
        "post",
        "/instansi/{iid}/unit",
        "Buat unit kerja",
        Some("MasukanUnit"),
        "UnitKerja",
    ),
    (
        "get",
        "/instansi/{iid}/unit/{id}",
        "Satu unit kerja",
        None,
        "UnitKerja",
    ),
    (
        "put",
        "/instansi/{iid}/unit/{id}",
        "Ubah unit kerja (versi untuk penguncian optimistis)",
        Some("MasukanUnit"),
        "UnitKerja",
    ),
    (
        "get",
        "/instansi/{iid}/jabatan",
        "Daftar jabatan",
        None,
        "DaftarJabatan",
    ),
    (
        "post",
        "/instansi/{iid}/jabatan",
        "Buat jabatan",
        Some("MasukanJabatan"),
        "Jabatan",
    ),
    (
        "get",
        "/instansi/{iid}/pegawai",
        "Daftar pegawai (?cari, unit_id, status, jenis_asn, halaman, per_halaman)",
        None,
        "HalamanPegawai",
    ),
    (
        "post",
        "/instansi/{iid}/pegawai",
        "Tambah pegawai",
        Some("MasukanPegawai"),
        "Pegawai",
    ),
    (
        "get",
        "/instansi/{iid}/pegawai/{id}",
        "Detail pegawai (pembacaan dicatat di audit)",
        None,
        "DetailPegawai",
    ),
    (
        "put",
        "/instansi/{iid}/pegawai/{id}",
        "Ubah pegawai",
        Some("MasukanPegawai"),
        "Pegawai",
    ),
    (
        "get",
        "/instansi/{iid}/pegawai/{id}/riwayat",
        "Riwayat perubahan (audit); hanya dengan akses penuh atas rekaman itu",
        None,
        "DaftarAudit",
    ),
    (
        "post",
        "/instansi/{iid}/pegawai/{id}/penugasan",
        "Tugaskan Plt./Plh. (admin instansi)",
        Some("MasukanPenugasan"),
        "RiwayatJabatan",
    ),
    (
        "post",
        "/instansi/{iid}/pegawai/{id}/mutasi",
        "Mutasi ke instansi lain (super admin)",
        Some("MasukanMutasi"),
        "Pegawai",
    ),
    (
        "get",
        "/instansi/{iid}/pengguna",
        "Akun pengguna instansi (admin instansi)",
        None,
        "DaftarPengguna",
    ),
    (
        "post",
        "/instansi/{iid}/pengguna",
        "Buat akun pengguna (admin instansi)",
        Some("MasukanPengguna"),
        "Pengguna",
    ),
    (
        "post",
        "/instansi/{iid}/pengguna/{id}/sandi",
        "Atur ulang sandi akun (admin instansi)",
        Some("MasukanSandi"),
        "Kosong",
    ),
    (
        "post",
        "/instansi/{iid}/pegawai/impor",
        "Impor pegawai dari CSV/XLSX (?nama_berkas; admin instansi)",
        Some("Berkas"),
        "LaporanImpor",
    ),
    (
        "post",
        "/instansi/{iid}/unit/impor",
        "Impor unit kerja dari CSV/XLSX (?nama_berkas; admin instansi)",
        Some("Berkas"),
        "LaporanImpor",
    ),
    (
        "get",
        "/instansi/{iid}/pegawai/ekspor",
        "Ekspor pegawai (?format=csv|xlsx; admin instansi)",
        None,
        "Berkas",
    ),
    (
        "get",
        "/instansi/{iid}/unit/ekspor",
        "Ekspor unit kerja (?format=csv|xlsx)",
        None,
        "Berkas",
    ),
    (
        "get",
        "/token",
        "Token API milik sendiri",
        None,
        "DaftarToken",
    ),
    (
        "post",
        "/token",
        "Buat token API (rahasia ditampilkan sekali)",
        Some("MasukanToken"),
        "TokenBaru",
    ),
    ("delete", "/token/{id}", "Cabut token API", None, "Kosong"),
    (
        "post",
        "/instansi/{iid}/bukti",
        "Unggah bukti (multipart/form-data, field `berkas` boleh berulang): JPEG, PNG, WebP, PDF, XLSX, DOCX, dikenali dari isi; semua atau tidak sama sekali",
        Some("UnggahBukti"),
        "DaftarBukti",
    ),
    (
        "get",
        "/instansi/{iid}/bukti",
        "Unggahan bukti milik sendiri (terbaru dulu)",
        None,
        "DaftarBukti",
    ),
    (
        "get",
        "/instansi/{iid}/bukti/{id}",
        "Isi bukti (?varian=asli|kecil|mini); asli sebagai lampiran, salinan foto boleh tampil",
        None,
        "IsiBukti",
    ),
    (
        "delete",
        "/instansi/{iid}/bukti/{id}",
        "Hapus bukti yang belum dirujuk rekaman lain",
        None,
        "Kosong",
    ),
    (
        "get",
        "/kalkulator",
        "Daftar kalkulator publik",
        None,
        "DaftarKalkulator",
    ),
    (
        "post",
        "/kalkulator/{nama}",
        "Jalankan kalkulator publik (tanpa login, dibatasi laju)",
        Some("MasukanKalkulator"),
        "HasilKalkulator",
    ),
    (
        "get",
        "/tugas/{id}",
        "Status tugas latar (pemilik, admin instansinya, super admin)",
        None,
        "Tugas",
    ),
    (
        "get",
        "/notifikasi",
        "Notifikasi milik sendiri (100 terbaru) dan jumlah yang belum dibaca",
        None,
        "DaftarNotifikasi",
    ),
    (
        "post",
        "/notifikasi/{id}/baca",
        "Tandai notifikasi dibaca",
        None,
        "Kosong",
    ),
];

fn objek(properti: &[(&str, &str)], wajib: &[&str]) -> Value {
    let mut p = Map::new();
    for (k, t) in properti {
        let skema = match *t {
            "string?" => json!({"type": ["string", "null"]}),
            "integer" => json!({"type": "integer"}),
            "integer?" => json!({"type": ["integer", "null"]}),
            "boolean" => json!({"type": "boolean"}),
            t => json!({"type": t}),
        };
        p.insert(k.to_string(), skema);
    }
    json!({"type": "object", "properties": p, "required": wajib})
}

fn skema() -> Value {
    let galat = json!({
        "type": "object",
        "properties": {"error": {"type": "object", "properties": {
            "code": {"type": "string"}, "message": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "string"}}
        }, "required": ["code", "message", "fields"]}},
        "required": ["error"]
    });
    let instansi = objek(
        &[
            ("id", "string"),
            ("nama", "string"),
            ("jenis", "string"),
            ("kode_wilayah", "string?"),
            ("zona_waktu", "string"),
            ("versi", "integer"),
        ],
        &["id", "nama", "jenis", "zona_waktu", "versi"],
    );
    let unit = objek(
        &[
            ("instansi_id", "string"),
            ("id", "string"),
            ("induk_id", "string?"),
            ("nama", "string"),
            ("singkatan", "string?"),
            ("jenis", "string"),
            ("urutan", "integer"),
            ("berlaku_mulai", "string"),
            ("berlaku_sampai", "string?"),
            ("versi", "integer"),
        ],
        &["id", "nama", "jenis", "berlaku_mulai", "versi"],
    );
    let jabatan = objek(
        &[
            ("id", "string"),
            ("unit_id", "string"),
            ("nama", "string"),
            ("jenis", "string"),
            ("jenjang", "string?"),
            ("kelas", "integer?"),
        ],
        &["id", "nama", "jenis"],
    );
    let pegawai = objek(
        &[
            ("instansi_id", "string"),
            ("id", "string"),
            ("nip", "string?"),
            ("nama", "string"),
            ("gelar_depan", "string?"),
            ("gelar_belakang", "string?"),
            ("jenis_asn", "string"),
            ("tanggal_lahir", "string?"),
            ("jenis_kelamin", "string?"),
            ("golongan", "string?"),
            ("unit_id", "string"),
            ("jabatan_id", "string?"),
            ("atasan_id", "string?"),
            ("status", "string"),
            ("email", "string?"),
            ("telepon", "string?"),
            ("versi", "integer"),
        ],
        &["id", "nama", "jenis_asn", "unit_id", "status", "versi"],
    );
    let masukan_pegawai = objek(
        &[
            ("nip", "string?"),
            ("nama", "string"),
            ("gelar_depan", "string?"),
            ("gelar_belakang", "string?"),
            ("jenis_asn", "string"),
            ("golongan", "string?"),
            ("unit_id", "string"),
            ("jabatan_id", "string?"),
            ("atasan_id", "string?"),
            ("status", "string?"),
            ("email", "string?"),
            ("telepon", "string?"),
            ("versi", "integer?"),
            ("tmt_penempatan", "string?"),
        ],
        &["nama", "jenis_asn", "unit_id"],
    );
    let mut skema = json!({
        "Galat": galat,
        "Instansi": instansi,
        "DaftarInstansi": {"type": "array", "items": {"$ref": "#/components/schemas/Instansi"}},
        "MasukanInstansi": objek(&[("nama", "string"), ("jenis", "string"), ("kode_wilayah", "string?"), ("zona_waktu", "string?"), ("versi", "integer?")], &["nama", "jenis"]),
        "UnitKerja": unit,
        "PohonUnit": {"type": "array", "items": objek(&[("kedalaman", "integer"), ("jumlah_pegawai", "integer")], &["kedalaman", "unit", "jumlah_pegawai"])},
        "MasukanUnit": objek(&[("induk_id", "string?"), ("nama", "string"), ("singkatan", "string?"), ("jenis", "string"), ("urutan", "integer?"), ("berlaku_mulai", "string?"), ("berlaku_sampai", "string?"), ("versi", "integer?")], &["nama", "jenis"]),
        "Jabatan": jabatan,
        "DaftarJabatan": {"type": "array", "items": {"$ref": "#/components/schemas/Jabatan"}},
        "MasukanJabatan": objek(&[("unit_id", "string"), ("nama", "string"), ("jenis", "string"), ("jenjang", "string?"), ("kelas", "integer?")], &["unit_id", "nama", "jenis"]),
        "Pegawai": pegawai,
        "MasukanPegawai": masukan_pegawai,
        "HalamanPegawai": objek(&[("total", "integer"), ("halaman", "integer"), ("per_halaman", "integer"), ("jumlah_halaman", "integer")], &["isi", "total", "halaman"]),
        "DetailPegawai": {"type": "object", "description": "Kolom pribadi (tanggal_lahir, jenis_kelamin, email, telepon) null dan riwayat kosong bila akses = direktori (ADR 0010).", "properties": {"pegawai": {"$ref": "#/components/schemas/Pegawai"}, "akses": {"type": "string", "enum": ["penuh", "direktori"]}}, "required": ["pegawai", "akses"]},
        "DaftarAudit": {"type": "array", "items": objek(&[("waktu", "string"), ("nama_pengguna", "string"), ("aksi", "string"), ("jenis_objek", "string"), ("objek_id", "string"), ("sebelum", "string?"), ("sesudah", "string?")], &["waktu", "aksi"])},
        "MasukanToken": objek(&[("nama", "string"), ("cakupan", "string"), ("hari", "integer")], &["nama", "cakupan"]),
        "TokenBaru": objek(&[("token", "string")], &["token", "info"]),
        "DaftarToken": {"type": "array", "items": objek(&[("id", "string"), ("nama", "string"), ("cakupan", "string"), ("kedaluwarsa_pada", "string"), ("dicabut_pada", "string?")], &["id"])},
        "DaftarKalkulator": {"type": "object"},
        "MasukanKalkulator": {"type": "object", "description": "Bentuk masukan per kalkulator: lihat /kalkulator. Nilai desimal sebagai string (\"97.89\")."},
        "HasilKalkulator": {"type": "object", "description": "Nilai desimal sebagai string dengan tepat 2 desimal."},
        "Kosong": {"type": "object"},
        "MasukanPenugasan": objek(&[("jenis_penugasan", "string"), ("unit_id", "string"), ("jabatan_id", "string?"), ("mulai", "string"), ("selesai", "string?")], &["jenis_penugasan", "unit_id", "mulai"]),
        "RiwayatJabatan": objek(&[("id", "string"), ("pegawai_id", "string"), ("unit_id", "string"), ("jabatan_id", "string?"), ("jenis_penugasan", "string"), ("mulai", "string"), ("selesai", "string?")], &["id", "jenis_penugasan", "mulai"]),
        "MasukanMutasi": objek(&[("instansi_tujuan", "string"), ("unit_tujuan", "string"), ("tanggal", "string")], &["instansi_tujuan", "unit_tujuan", "tanggal"]),
        "Pengguna": objek(&[("instansi_id", "string"), ("id", "string"), ("username", "string"), ("nama", "string"), ("pegawai_id", "string?"), ("aktif", "integer")], &["id", "username"]),
        "DaftarPengguna": {"type": "array", "items": {"$ref": "#/components/schemas/Pengguna"}},
        "MasukanPengguna": {"type": "object", "properties": {"username": {"type": "string"}, "nama": {"type": "string"}, "sandi": {"type": "string"}, "pegawai_id": {"type": ["string", "null"]}, "peran": {"type": "array", "items": {"type": "string"}}}, "required": ["username", "nama", "sandi", "peran"]},
        "Berkas": {"type": "string", "format": "binary", "description": "CSV (koma, titik koma atau tab) atau XLSX"},
        "LaporanImpor": {"type": "object", "description": "diterima, dibuat, diperbarui, tidak_berubah, galat[{baris, kolom, pesan}], info[…]"},
        "MasukanSandi": objek(&[("sandi_baru", "string")], &["sandi_baru"])
    });
    if let Some(m) = skema.as_object_mut() {
        m.extend(skema_tugas());
    }
    skema
}

/// Skema tugas latar dan notifikasi (terpisah: batas rekursi makro `json!`).
fn skema_tugas() -> Map<String, Value> {
    let tugas = json!({"type": "object", "properties": {
        "id": {"type": "string"}, "jenis": {"type": "string"},
        "status": {"type": "string", "enum": ["antre", "jalan", "selesai", "gagal"]},
        "percobaan": {"type": "integer"}, "dibuat_pada": {"type": "string"},
        "selesai_pada": {"type": ["string", "null"]}, "hasil": {}, "galat": {"type": ["string", "null"]}
    }, "required": ["id", "jenis", "status", "percobaan", "dibuat_pada"]});
    let diterima = json!({"type": "object", "properties": {"tugas": {"$ref": "#/components/schemas/Tugas"}, "lokasi": {"type": "string"}}, "required": ["tugas", "lokasi"]});
    let notifikasi = objek(
        &[
            ("id", "string"),
            ("judul", "string"),
            ("isi", "string"),
            ("tautan", "string?"),
            ("dibuat_pada", "string"),
            ("dibaca_pada", "string?"),
        ],
        &["id", "judul", "isi", "dibuat_pada"],
    );
    let daftar = json!({"type": "object", "properties": {
        "belum_dibaca": {"type": "integer"},
        "isi": {"type": "array", "items": notifikasi}
    }, "required": ["belum_dibaca", "isi"]});
    Map::from_iter([
        ("Tugas".to_string(), tugas),
        ("TugasDiterima".to_string(), diterima),
        ("DaftarNotifikasi".to_string(), daftar),
        (
            "UnggahBukti".to_string(),
            json!({"type": "object", "properties": {"berkas": {"type": "array", "items": {"type": "string", "format": "binary"}}}, "required": ["berkas"]}),
        ),
        (
            "Bukti".to_string(),
            objek(
                &[
                    ("id", "string"),
                    ("instansi_id", "string"),
                    ("sha256", "string"),
                    ("ukuran", "integer"),
                    ("jenis_mime", "string"),
                    ("nama_asli", "string"),
                    ("pengunggah_id", "string"),
                    ("dibuat_pada", "string"),
                    ("lebar", "integer?"),
                    ("tinggi", "integer?"),
                    ("pratinjau", "boolean"),
                    ("url", "string"),
                    ("url_kecil", "string?"),
                    ("url_mini", "string?"),
                ],
                &["id", "sha256", "ukuran", "jenis_mime", "nama_asli", "url"],
            ),
        ),
        (
            "DaftarBukti".to_string(),
            json!({"type": "object", "properties": {"bukti": {"type": "array", "items": {"$ref": "#/components/schemas/Bukti"}}}, "required": ["bukti"]}),
        ),
        (
            "IsiBukti".to_string(),
            json!({"type": "string", "format": "binary", "description": "Isi berkas dengan jenis yang tersimpan (dikenali dari isi)"}),
        ),
    ])
}

pub fn dokumen() -> Value {
    let mut paths = Map::new();
    for (metode, jalur, ringkas, masuk, keluar) in RUTE {
        let mut op = Map::new();
        op.insert("summary".into(), json!(ringkas));
        let params: Vec<Value> = jalur
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|n| {
                // Nama kalkulator dari daftarnya: alamat lain hanya 404.
                let skema = if n == "nama" && jalur.starts_with("/kalkulator") {
                    json!({"type": "string", "enum": rules::kalkulator::DAFTAR})
                } else {
                    json!({"type": "string"})
                };
                json!({"name": n, "in": "path", "required": true, "schema": skema})
            })
            .collect();
        let mut params = params;
        if *metode == "get" && jalur.ends_with("/bukti/{id}") {
            params.push(json!({"name": "varian", "in": "query", "required": false,
                "schema": {"type": "string", "enum": ["asli", "kecil", "mini"]}}));
        }
        if !params.is_empty() {
            op.insert("parameters".into(), json!(params));
        }
        // Berkas impor/ekspor bukan JSON. Unggahan: byte mentah apa pun
        // (jenisnya dikenali dari isi); unduhan: CSV atau XLSX.
        let jenis_isi = |skema: &str, masuk: bool| match (skema, masuk) {
            ("Berkas", true) => vec!["application/octet-stream"],
            ("Berkas", false) => {
                vec![
                    "text/csv",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ]
            }
            _ => vec!["application/json"],
        };
        let isi = |skema: &str, masuk: bool| {
            let mut m = Map::new();
            for j in jenis_isi(skema, masuk) {
                m.insert(
                    j.into(),
                    json!({"schema": {"$ref": format!("#/components/schemas/{skema}")}}),
                );
            }
            Value::Object(m)
        };
        if *masuk == Some("UnggahBukti") {
            op.insert("requestBody".into(), json!({"required": true, "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/UnggahBukti"}}}}));
        } else if let Some(m) = masuk {
            op.insert(
                "requestBody".into(),
                json!({"required": true, "content": isi(m, true)}),
            );
        }
        let ok = match *metode {
            "post" if jalur.ends_with("/sandi") || jalur.ends_with("/baca") => "204",
            "post" if jalur.ends_with("/impor") => "200",
            "post" if !jalur.starts_with("/kalkulator") => "201",
            "delete" => "204",
            _ => "200",
        };
        let galat = json!({"description": "Galat", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Galat"}}}});
        let berhasil = if keluar == &"IsiBukti" {
            let biner = json!({"schema": {"$ref": "#/components/schemas/IsiBukti"}});
            let mut isi = Map::new();
            for m in [
                "image/jpeg",
                "image/png",
                "image/webp",
                "application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ] {
                isi.insert(m.into(), biner.clone());
            }
            json!({"description": "Isi berkas", "content": isi})
        } else if ok == "204" {
            json!({"description": "Berhasil, tanpa isi"})
        } else {
            json!({"description": "Berhasil", "content": isi(keluar, false)})
        };
        let mut jawaban = json!({
            ok: berhasil,
            "401": galat, "403": galat, "404": galat, "409": galat, "422": galat,
            "429": galat
        });
        if *metode == "put" {
            // Tanpa versi (field `versi` atau If-Match): 428 versi_wajib.
            jawaban["428"] = galat.clone();
        }
        if jalur.ends_with("/impor") {
            jawaban["413"] = galat.clone();
            // Berkas di atas --impor-latar-bita: tugas latar (Location: /api/v1/tugas/{id}).
            jawaban["202"] = json!({"description": "Diteruskan ke tugas latar", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TugasDiterima"}}}});
        }
        if *metode == "post" && jalur.ends_with("/bukti") {
            jawaban["413"] = galat.clone();
            jawaban["415"] = galat.clone();
        }
        op.insert("responses".into(), jawaban);
        if jalur.starts_with("/kalkulator") {
            op.insert("security".into(), json!([]));
        }
        let e = paths
            .entry(format!("/api/v1{jalur}"))
            .or_insert_with(|| json!({}));
        e.as_object_mut()
            .map(|o| o.insert(metode.to_string(), Value::Object(op)));
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Kinerja API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Manajemen kinerja ASN. Galat: {\"error\": {\"code\", \"message\", \"fields\"}}. Bahasa: Accept-Language (id bawaan, en)."},
        "servers": [{"url": "/"}],
        "components": {
            "schemas": skema(),
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "Token API (knj_…) dari /akun"},
                "sesi": {"type": "apiKey", "in": "cookie", "name": "kinerja_sesi", "description": "Sesi peramban; penulisan wajib header X-CSRF-Token"}
            }
        },
        "security": [{"token": []}, {"sesi": []}],
        "paths": paths
    })
}

pub async fn tangani() -> Json<Value> {
    Json(dokumen())
}
