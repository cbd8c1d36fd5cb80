//! Pencarian repositori: kueri pengguna → kata dasar (Sastrawi) → koreksi
//! salah ketik terhadap kamus kata yang pernah diindeks → saringan store.
//!
//! Kamus dimuat sekali ke memori dan disegarkan bila jumlah katanya berubah
//! (diperiksa paling sering sekali per `SEGAR`), sebab kata tidak pernah
//! dihapus: beberapa proses web berbagi satu basis data tanpa saling memberi
//! tahu.

use crate::{Hasil, Layanan};
use std::collections::HashSet;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Jeda terpanjang sebelum kamus diperiksa ulang.
const SEGAR: Duration = Duration::from_secs(60);
/// Kata kueri yang dipakai (sisanya diabaikan): kueri panjang tidak boleh
/// memperbesar kerja tanpa batas.
pub const MAKS_ISTILAH: usize = 8;
/// Karakter kueri yang dibaca.
pub const MAKS_KUERI: usize = 200;
/// Usulan koreksi per kata.
const MAKS_USULAN: usize = 4;

#[derive(Default)]
pub struct Kamus {
    isi: RwLock<Option<Arc<DataKamus>>>,
    diperiksa: std::sync::Mutex<Option<Instant>>,
}

pub struct DataKamus {
    kata: HashSet<String>,
    /// Kata per panjang (karakter), untuk memindai hanya yang panjangnya dekat.
    per_panjang: Vec<Vec<String>>,
    jumlah: i64,
}

impl DataKamus {
    fn baru(daftar: Vec<String>, jumlah: i64) -> DataKamus {
        let mut per_panjang: Vec<Vec<String>> = Vec::new();
        for w in &daftar {
            let n = w.chars().count();
            if per_panjang.len() <= n {
                per_panjang.resize(n + 1, Vec::new());
            }
            per_panjang[n].push(w.clone());
        }
        for v in &mut per_panjang {
            v.sort();
        }
        DataKamus {
            kata: daftar.into_iter().collect(),
            per_panjang,
            jumlah,
        }
    }

    pub fn ada(&self, w: &str) -> bool {
        self.kata.contains(w)
    }

    /// Kata kamus terdekat (jarak edit terkecil dalam toleransi), paling banyak
    /// `MAKS_USULAN`, urut abjad di antara yang sama dekatnya.
    pub fn usulan(&self, w: &str) -> Vec<String> {
        let maks = rules::inovasi::toleransi_salah_ketik(w);
        if maks == 0 {
            return Vec::new();
        }
        let n = w.chars().count();
        let mut terbaik = usize::MAX;
        let mut hasil: Vec<String> = Vec::new();
        for p in n.saturating_sub(maks)..=(n + maks) {
            let Some(daftar) = self.per_panjang.get(p) else {
                continue;
            };
            for c in daftar {
                if let Some(d) = rules::inovasi::jarak_edit(w, c, maks.min(terbaik)) {
                    if d < terbaik {
                        terbaik = d;
                        hasil.clear();
                    }
                    if d == terbaik && d > 0 {
                        hasil.push(c.clone());
                    }
                }
            }
        }
        hasil.sort();
        hasil.truncate(MAKS_USULAN);
        hasil
    }
}

impl Kamus {
    /// Kamus terkini (memuat atau menyegarkan bila perlu).
    pub async fn ambil(&self, l: &Layanan) -> Hasil<Arc<DataKamus>> {
        let ada = self.isi.read().ok().and_then(|g| g.clone());
        let segar = self
            .diperiksa
            .lock()
            .ok()
            .and_then(|g| *g)
            .is_some_and(|t| t.elapsed() < SEGAR);
        if let Some(d) = &ada
            && segar
        {
            return Ok(d.clone());
        }
        let jumlah = store::inovasi::jumlah_kosakata(l.pool()).await?;
        let data = match ada {
            Some(d) if d.jumlah == jumlah => d,
            _ => Arc::new(DataKamus::baru(
                store::inovasi::kosakata(l.pool()).await?,
                jumlah,
            )),
        };
        if let Ok(mut g) = self.isi.write() {
            *g = Some(data.clone());
        }
        if let Ok(mut g) = self.diperiksa.lock() {
            *g = Some(Instant::now());
        }
        Ok(data)
    }

    /// Dipanggil setelah menulis inovasi di proses ini: muat ulang saat dipakai.
    pub fn usang(&self) {
        if let Ok(mut g) = self.isi.write() {
            *g = None;
        }
    }
}

/// Kueri siap untuk store, dengan koreksi yang dipakai (untuk "mungkin
/// maksud Anda").
#[derive(Clone, Debug, Default)]
pub struct Kueri {
    pub istilah: Vec<Vec<String>>,
    pub awalan: bool,
    /// (kata dasar yang diketik, kata kamus yang dipakai sebagai gantinya).
    pub koreksi: Vec<(String, Vec<String>)>,
}

/// Menyusun kueri: setiap kata dasar yang ada di kamus dipakai apa adanya;
/// yang tidak ada diganti kata kamus terdekat (salah ketik); kata terakhir
/// yang tidak dikenal dan tanpa usulan dicari sebagai awalan (sedang mengetik).
pub fn susun(teks: &str, kamus: &DataKamus) -> Kueri {
    let potong: String = teks.chars().take(MAKS_KUERI).collect();
    // Indeks hanya dicari dengan huruf ASCII dan angka (kata beraksara lain
    // tidak pernah cocok dan tidak boleh masuk ekspresi FTS).
    let mut kata: Vec<String> = rules::inovasi::kata_cari(&potong)
        .into_iter()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        .collect();
    kata.dedup();
    kata.truncate(MAKS_ISTILAH);
    let mut q = Kueri::default();
    let n = kata.len();
    for (i, w) in kata.into_iter().enumerate() {
        if kamus.ada(&w) {
            q.istilah.push(vec![w]);
            continue;
        }
        let usul = kamus.usulan(&w);
        if usul.is_empty() {
            if i + 1 == n && w.chars().count() >= 3 {
                q.awalan = true;
            }
            q.istilah.push(vec![w]);
        } else {
            q.koreksi.push((w.clone(), usul.clone()));
            let mut alt = vec![w];
            alt.extend(usul);
            q.istilah.push(alt);
        }
    }
    q
}

#[cfg(test)]
mod tes {
    use super::*;

    fn kamus(kata: &[&str]) -> DataKamus {
        DataKamus::baru(
            kata.iter().map(|s| s.to_string()).collect(),
            kata.len() as i64,
        )
    }

    #[test]
    fn salah_ketik_diganti_kata_terdekat() {
        let k = kamus(&["sehat", "layan", "puskesmas", "surat"]);
        let q = susun("layanan kesehatn", &k);
        assert_eq!(q.istilah[0], vec!["layan".to_string()]);
        // "kesehatn" tidak terpotong menjadi "sehat"; kata terdekatnya
        // "sehat" berjarak 3 (> toleransi 2) — jadi tidak ada usulan, dan
        // sebagai kata terakhir ia dicari sebagai awalan.
        assert!(q.istilah.len() == 2);
        let q = susun("puskesmsa", &k);
        assert_eq!(q.koreksi.len(), 1);
        assert!(q.istilah[0].contains(&"puskesmas".to_string()));
    }

    #[test]
    fn kueri_dibatasi() {
        let k = kamus(&["a"]);
        let panjang = "kata ".repeat(10_000);
        let q = susun(&panjang, &k);
        assert!(q.istilah.len() <= MAKS_ISTILAH);
        let q = susun(
            "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh",
            &k,
        );
        assert!(q.istilah.len() <= MAKS_ISTILAH);
    }
}
