//! Pembatas laju sederhana per alamat untuk API publik (kalkulator).
//! Per proses: cukup untuk menahan penyalahgunaan; di belakang beberapa
//! proses, batas efektifnya berlipat sejumlah proses.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Pembatas {
    batas: u32,
    jendela: Duration,
    peta: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Pembatas {
    pub fn baru(batas: u32, jendela: Duration) -> Self {
        Pembatas {
            batas,
            jendela,
            peta: Mutex::new(HashMap::new()),
        }
    }

    /// true bila permintaan ini masih diizinkan.
    pub fn izinkan(&self, ip: IpAddr) -> bool {
        let sekarang = Instant::now();
        let mut peta = self.peta.lock().unwrap_or_else(|e| e.into_inner());
        if peta.len() > 100_000 {
            peta.retain(|_, (mulai, _)| sekarang.duration_since(*mulai) < self.jendela);
        }
        let e = peta.entry(ip).or_insert((sekarang, 0));
        if sekarang.duration_since(e.0) >= self.jendela {
            *e = (sekarang, 0);
        }
        e.1 += 1;
        e.1 <= self.batas
    }
}

#[cfg(test)]
mod tes {
    use super::*;
    #[test]
    fn menolak_sesudah_batas_dan_per_alamat() {
        let p = Pembatas::baru(3, Duration::from_secs(60));
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(p.izinkan(a) && p.izinkan(a) && p.izinkan(a));
        assert!(!p.izinkan(a));
        assert!(p.izinkan(b));
    }
}
