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
    /// Tembolok hasil pencarian (kueri yang sudah dinormalkan → halaman
    /// hasil), paling lama `SEGAR`: pencarian publik sangat berulang ("layanan",
    /// "puskesmas") dan kata yang umum cocok dengan sebagian besar repositori.
    /// Dikosongkan oleh setiap tulisan di proses ini (`usang`); tulisan di
    /// proses lain terlihat paling lambat setelah `SEGAR`.
    hasil: std::sync::Mutex<std::collections::HashMap<String, (Instant, super::HasilCari)>>,
}

/// Entri tembolok hasil paling banyak (kunci terlama dibuang lebih dulu).
const MAKS_TEMBOLOK: usize = 2_000;

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

    /// Dipanggil setelah menulis inovasi, replikasi, konfirmasi atau
    /// penghargaan di proses ini: kamus dimuat ulang dan tembolok dikosongkan.
    pub fn usang(&self) {
        if let Ok(mut g) = self.isi.write() {
            *g = None;
        }
        if let Ok(mut h) = self.hasil.lock() {
            h.clear();
        }
    }

    /// Hasil tersimpan untuk `kunci` yang belum kedaluwarsa.
    pub fn dari_tembolok(&self, kunci: &str) -> Option<super::HasilCari> {
        if std::env::var_os("KINERJA_TANPA_TEMBOLOK_CARI").is_some() {
            return None;
        }
        let h = self.hasil.lock().ok()?;
        h.get(kunci)
            .filter(|(t, _)| t.elapsed() < SEGAR)
            .map(|(_, v)| v.clone())
    }

    pub fn ke_tembolok(&self, kunci: String, v: &super::HasilCari) {
        if let Ok(mut h) = self.hasil.lock() {
            if h.len() >= MAKS_TEMBOLOK {
                // Buang yang kedaluwarsa; bila masih penuh, buang yang terlama.
                h.retain(|_, (t, _)| t.elapsed() < SEGAR);
                if h.len() >= MAKS_TEMBOLOK
                    && let Some(k) = h
                        .iter()
                        .min_by_key(|(_, (t, _))| *t)
                        .map(|(k, _)| k.clone())
                {
                    h.remove(&k);
                }
            }
            h.insert(kunci, (Instant::now(), v.clone()));
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

/// Menyusun kueri: setiap kata yang diketik dipotong menjadi kata dasarnya.
/// Kata yang ada di kamus (bentuk permukaan yang pernah diindeks) dipakai
/// apa adanya; yang tidak ada dianggap salah ketik dan kata kamus terdekatnya
/// (dipotong juga) ikut dicari; kata terakhir yang tidak dikenal dan tanpa
/// usulan dicari sebagai awalan (sedang mengetik).
pub fn susun(teks: &str, kamus: &DataKamus) -> Kueri {
    let potong: String = teks.chars().take(MAKS_KUERI).collect();
    let aman = |w: &String| {
        w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    let mut q = Kueri::default();
    let mut dilihat: Vec<String> = Vec::new();
    let semua: Vec<String> = potong
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let n = semua.len();
    for (i, permukaan) in semua.into_iter().enumerate() {
        if q.istilah.len() >= MAKS_ISTILAH {
            break;
        }
        // Kata henti dan kata terlalu pendek hilang di sini, seperti saat diindeks.
        let Some(dasar) = rules::inovasi::kata_cari(&permukaan).into_iter().find(aman) else {
            continue;
        };
        if dilihat.contains(&dasar) {
            continue;
        }
        dilihat.push(dasar.clone());
        if kamus.ada(&permukaan) || kamus.ada(&dasar) {
            q.istilah.push(vec![dasar]);
            continue;
        }
        let usul = kamus.usulan(&permukaan);
        let mut alt = vec![dasar.clone()];
        for u in &usul {
            for d in rules::inovasi::kata_cari(u).into_iter().filter(aman) {
                if !alt.contains(&d) {
                    alt.push(d);
                }
            }
        }
        if alt.len() == 1 {
            if i + 1 == n && dasar.chars().count() >= 3 {
                q.awalan = true;
            }
        } else {
            q.koreksi.push((permukaan, usul));
        }
        q.istilah.push(alt);
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
        let k = kamus(&[
            "kesehatan",
            "layanan",
            "pelayanan",
            "puskesmas",
            "persuratan",
        ]);
        let q = susun("layanan kesehatn", &k);
        assert_eq!(q.istilah[0], vec!["layan".to_string()]);
        // "kesehatn" (salah ketik) dekat dengan "kesehatan", yang dipotong "sehat".
        assert!(
            q.istilah[1].contains(&"sehat".to_string()),
            "{:?}",
            q.istilah
        );
        assert_eq!(q.koreksi[0].1, vec!["kesehatan".to_string()]);
        let q = susun("persuratn", &k);
        assert!(
            q.istilah[0].contains(&"surat".to_string()),
            "{:?}",
            q.istilah
        );
        // Tidak dikenal dan tanpa usulan: kata terakhir dicari sebagai awalan.
        let q = susun("layanan zzqx", &k);
        assert!(q.awalan && q.koreksi.is_empty());
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
