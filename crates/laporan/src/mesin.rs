//! Mesin typst bersama: templat dan fon dimuat sekali per proses, data masuk
//! sebagai nilai typst (bukan teks sumber) lewat `sys.inputs.data`.

use std::sync::LazyLock;

use serde::Serialize;
use typst::foundations::{Array, Dict, Str, Value};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;

use crate::GalatLaporan;

/// Jumlah seluruh butir daftar (baris tabel, paragraf, butir tujuan…) dalam
/// satu dokumen. Jauh di atas dokumen nyata; pada batas ini render masih
/// ±3 detik (4.990 baris program: 106 halaman).
pub const BATAS_BARIS: usize = 5_000;

/// Jumlah karakter seluruh teks dalam satu dokumen; waktu tata letak naik
/// kira-kira sebanding (200.000 karakter satu paragraf: ±0,4 detik).
pub const BATAS_KARAKTER: usize = 200_000;

/// Karakter dalam satu isian (±4 halaman teks). Isian sepanjang itu bukan data
/// yang wajar; menolaknya lebih jelas daripada satu sel tabel yang meluap
/// berhalaman-halaman.
pub const BATAS_TEKS_SATU_ISIAN: usize = 20_000;

const UMUM: &str = include_str!("../templat/umum.typ");
const PK: &str = include_str!("../templat/perjanjian_kinerja.typ");
const LKJIP: &str = include_str!("../templat/lkjip.typ");
const AKSI: &str = include_str!("../templat/monitoring_aksi.typ");
const SKP_UMUM: &str = include_str!("../templat/skp_umum.typ");
const SKP: &str = include_str!("../templat/skp.typ");
const EVALUASI: &str = include_str!("../templat/evaluasi_kinerja.typ");
const KOMPETISI: &str = include_str!("../templat/hasil_kompetisi.typ");

/// Templat yang tersedia; nama berkasnya sama dengan yang didaftarkan di mesin.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Templat {
    PerjanjianKinerja,
    Lkjip,
    MonitoringAksi,
    Skp,
    EvaluasiKinerja,
    HasilKompetisi,
}

impl Templat {
    fn berkas(self) -> &'static str {
        match self {
            Templat::PerjanjianKinerja => "perjanjian_kinerja.typ",
            Templat::Lkjip => "lkjip.typ",
            Templat::MonitoringAksi => "monitoring_aksi.typ",
            Templat::Skp => "skp.typ",
            Templat::EvaluasiKinerja => "evaluasi_kinerja.typ",
            Templat::HasilKompetisi => "hasil_kompetisi.typ",
        }
    }
}

/// Dibangun sekali: mengurai fon memakan waktu, sedangkan mesinnya sendiri
/// tidak menyimpan keadaan antardokumen (data dimasukkan per kompilasi).
static MESIN: LazyLock<TypstEngine<TypstTemplateCollection>> = LazyLock::new(|| {
    TypstEngine::builder()
        .fonts(typst_assets::fonts())
        .with_static_source_file_resolver([
            ("umum.typ", UMUM),
            (Templat::PerjanjianKinerja.berkas(), PK),
            (Templat::Lkjip.berkas(), LKJIP),
            (Templat::MonitoringAksi.berkas(), AKSI),
            ("skp_umum.typ", SKP_UMUM),
            (Templat::Skp.berkas(), SKP),
            (Templat::EvaluasiKinerja.berkas(), EVALUASI),
            (Templat::HasilKompetisi.berkas(), KOMPETISI),
        ])
        .build()
});

pub(crate) fn render<T: Serialize>(templat: Templat, data: &T) -> Result<Vec<u8>, GalatLaporan> {
    let json = serde_json::to_value(data).map_err(|e| GalatLaporan::Templat(e.to_string()))?;
    periksa_ukuran(&json)?;
    let mut masukan = Dict::new();
    masukan.insert(Str::from("data"), ke_typst(json));
    let dokumen: PagedDocument = MESIN
        .compile_with_input(templat.berkas(), masukan)
        .output
        .map_err(|e| GalatLaporan::Templat(pesan_typst(e)))?;
    typst_pdf::pdf(&dokumen, &typst_pdf::PdfOptions::default()).map_err(|diag| {
        GalatLaporan::Pdf(
            diag.iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Menghitung butir dan karakter sebelum typst bekerja, agar biaya setiap
/// panggilan punya batas atas yang diketahui.
fn periksa_ukuran(v: &serde_json::Value) -> Result<(), GalatLaporan> {
    let mut baris = 0usize;
    let mut karakter = 0usize;
    let mut tumpukan = vec![v];
    while let Some(v) = tumpukan.pop() {
        match v {
            serde_json::Value::String(s) => {
                let n = s.chars().count();
                if n > BATAS_TEKS_SATU_ISIAN {
                    return Err(GalatLaporan::TerlaluBesar {
                        ukuran: "karakter dalam satu isian",
                        jumlah: n,
                        batas: BATAS_TEKS_SATU_ISIAN,
                    });
                }
                karakter += n;
            }
            serde_json::Value::Array(a) => {
                baris += a.len();
                tumpukan.extend(a);
            }
            serde_json::Value::Object(o) => tumpukan.extend(o.values()),
            _ => {}
        }
    }
    if baris > BATAS_BARIS {
        return Err(GalatLaporan::TerlaluBesar {
            ukuran: "baris",
            jumlah: baris,
            batas: BATAS_BARIS,
        });
    }
    if karakter > BATAS_KARAKTER {
        return Err(GalatLaporan::TerlaluBesar {
            ukuran: "karakter teks",
            jumlah: karakter,
            batas: BATAS_KARAKTER,
        });
    }
    Ok(())
}

/// Nilai JSON menjadi nilai typst secara langsung, tanpa teks JSON perantara
/// yang diurai ulang oleh `json()` di templat: satu salinan lebih sedikit, dan
/// mesin tidak memerlukan berkas virtual yang berbeda per panggilan.
fn ke_typst(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::Str(Str::from(s)),
        serde_json::Value::Array(a) => Value::Array(a.into_iter().map(ke_typst).collect::<Array>()),
        serde_json::Value::Object(o) => Value::Dict(
            o.into_iter()
                .map(|(k, v)| (Str::from(k), ke_typst(v)))
                .collect::<Dict>(),
        ),
    }
}

fn pesan_typst(e: TypstAsLibError) -> String {
    match e {
        TypstAsLibError::TypstSource(diag) => diag
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        lain => lain.to_string(),
    }
}
