//! Isi awal repositori: 200 inovasi dari repositori inovasi LAN (ekspor
//! 2018-07-28), `data/inovasi/lan_inovasi_repository_2018.json` (asal-usul di
//! data/SOURCES.md). Dimuat sekali ke basis data yang repositorinya kosong.
//!
//! Pemetaan kolom LAN → Kinerja: `faktor_pendorong` → masalah, `deskripsi` →
//! solusi, `output`/`outcome`/`manfaat` → hasil, `tahapan_proses` → tahapan,
//! `prasyarat_replikasi` → prasyarat. Wilayah dari `kabkota_id`/`provinsi_id`
//! bila ada, selain itu dari nama instansi ("Kota Surabaya", "Provinsi Jawa
//! Barat") yang dicocokkan dengan daftar wilayah. Urusan ditebak (`urusan`).

use super::{BahanInovasi, bentuk_inovasi, urusan};
use crate::{Hasil, Layanan};
use serde::Deserialize;
use std::collections::HashMap;

const JSON: &str = include_str!("../../../../data/inovasi/lan_inovasi_repository_2018.json");

pub const SUMBER: &str = "Repositori Inovasi LAN (ekspor 2018-07-28)";

#[derive(Deserialize)]
struct Berkas {
    inovasi: Vec<Baris>,
    lookups: Rujukan,
}

#[derive(Deserialize)]
struct Rujukan {
    jenis_inovasi: Vec<Nama>,
}

#[derive(Deserialize)]
struct Nama {
    id: i64,
    nama: String,
}

#[derive(Deserialize)]
struct Baris {
    id: i64,
    jenis_inovasi_id: Option<i64>,
    nama_inovasi: String,
    produk_inovasi: Option<String>,
    deskripsi: Option<String>,
    nama_instansi: Option<String>,
    unit_instansi: Option<String>,
    tahun_implementasi: Option<i64>,
    tahun_inisiasi: Option<i64>,
    faktor_pendorong: Option<String>,
    tahapan_proses: Option<String>,
    output: Option<String>,
    outcome: Option<String>,
    manfaat: Option<String>,
    prasyarat_replikasi: Option<String>,
    sumber: Option<String>,
    provinsi_id: Option<i64>,
    kabkota_id: Option<i64>,
}

/// Nama instansi dirapikan: huruf besar semua → huruf awal kapital per kata.
pub fn rapikan_nama(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().any(|c| c.is_lowercase()) {
        return s;
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w.len() > 3 || !w.chars().all(char::is_alphabetic) => {
                    f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
                }
                Some(_) => w.to_string(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn bersih(s: Option<String>) -> Option<String> {
    s.map(|t| {
        t.replace("\r\n", "\n")
            .replace('\t', " ")
            .trim()
            .to_string()
    })
    .filter(|t| !t.is_empty() && t != "-")
}

/// Kode wilayah dari kode BPS LAN (3578 → 35.78, 35 → 35) atau nama instansi.
fn wilayah(b: &Baris, nama_wilayah: &HashMap<String, String>) -> Option<String> {
    if let Some(k) = b.kabkota_id {
        let s = k.to_string();
        if s.len() == 4 {
            return Some(format!("{}.{}", &s[..2], &s[2..]));
        }
    }
    if let Some(p) = b.provinsi_id {
        return Some(format!("{p:02}"));
    }
    let n = b.nama_instansi.as_deref()?.to_lowercase();
    let n = n
        .trim_start_matches("pemerintah ")
        .replace("provinsi ", "")
        .replace("daerah istimewa ", "di ")
        .trim()
        .to_string();
    nama_wilayah.get(&n).cloned()
}

/// Memuat 200 inovasi LAN bila repositori masih kosong. Idempoten; dipanggil
/// saat `serve`/`seed` membuka basis data.
pub async fn isi_bila_kosong(l: &Layanan) -> Hasil<usize> {
    if store::inovasi::jumlah(l.pool()).await? > 0 {
        return Ok(0);
    }
    let berkas: Berkas = serde_json::from_str(JSON)
        .map_err(|e| crate::Galat::Internal(format!("data inovasi LAN: {e}")))?;
    let jenis: HashMap<i64, String> = berkas
        .lookups
        .jenis_inovasi
        .into_iter()
        .map(|n| (n.id, n.nama.to_lowercase()))
        .collect();
    // Nama wilayah (huruf kecil) → kode; provinsi dengan dan tanpa "DI".
    let mut nama_wilayah = HashMap::new();
    for w in store::wilayah::semua(l.pool()).await? {
        let n = w.nama.to_lowercase().replace("daerah istimewa ", "di ");
        nama_wilayah.insert(n, w.kode);
    }
    let w = store::sekarang();
    let mut daftar = Vec::new();
    for b in berkas.inovasi {
        let kode_wilayah = wilayah(&b, &nama_wilayah);
        let unit = bersih(b.unit_instansi.clone());
        let produk = bersih(b.produk_inovasi.clone());
        let judul = b
            .nama_inovasi
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let urusan = urusan::tebak(unit.as_deref(), &judul, produk.as_deref()).map(str::to_string);
        let hasil: Vec<String> = [b.output, b.outcome, b.manfaat]
            .into_iter()
            .filter_map(bersih)
            .collect();
        let bahan = BahanInovasi {
            id: format!("lan-{}", b.id),
            judul,
            masalah: bersih(b.faktor_pendorong),
            solusi: bersih(b.deskripsi),
            hasil: (!hasil.is_empty()).then(|| hasil.join("\n\n")),
            tahapan: bersih(b.tahapan_proses),
            prasyarat_replikasi: bersih(b.prasyarat_replikasi),
            produk,
            nama_instansi: rapikan_nama(b.nama_instansi.as_deref().unwrap_or("(tidak disebut)")),
            unit_pemilik: unit,
            instansi_id: None,
            kode_wilayah,
            urusan,
            jenis: b.jenis_inovasi_id.and_then(|j| jenis.get(&j).cloned()),
            tahun: b.tahun_implementasi.or(b.tahun_inisiasi),
            tanggal_implementasi: None,
            video_url: None,
            sumber: match bersih(b.sumber) {
                Some(s) => format!("{SUMBER}; {s}"),
                None => SUMBER.to_string(),
            },
        };
        daftar.push(bentuk_inovasi(bahan, &w));
    }
    let n = daftar.len();
    super::simpan_banyak(l, &daftar).await?;
    Ok(n)
}

#[cfg(test)]
mod tes {
    #[test]
    fn nama_huruf_besar_dirapikan() {
        assert_eq!(super::rapikan_nama("KOTA  SURAKARTA"), "Kota Surakarta");
        assert_eq!(super::rapikan_nama("Kota Surabaya"), "Kota Surabaya");
        assert_eq!(
            super::rapikan_nama("BADAN PERTANAHAN NASIONAL RI"),
            "Badan Pertanahan Nasional RI"
        );
    }
}
