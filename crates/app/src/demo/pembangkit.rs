//! Pembangkit data demo yang deterministik: unit, jabatan dan pegawai satu
//! pemerintah daerah dengan rantai atasan dan NIP yang sah.

use super::data;
use super::{NIP_MENTOR, NIP_PEGAWAI, NIP_PIMPINAN};
use crate::Hasil;
use crate::organisasi::pegawai::{nama_cari, simpan_baru};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::collections::HashSet;
use store::organisasi::{Instansi, Jabatan, Pegawai, UnitKerja};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Tingkat {
    Sekda,
    KepalaOpd,
    Administrator,
    Pengawas,
    Fungsional,
    Pelaksana,
    Pppk,
}

pub(super) struct Pembangkit {
    pub(super) rng: StdRng,
    pub(super) nip_terpakai: HashSet<String>,
    pub(super) waktu: String,
    pub(super) mulai: String,
    /// Pegawai yang ditulis dalam transaksi berjalan (untuk ANALYZE berkala).
    pub(super) tulis_dalam_transaksi: usize,
}

/// Ringkasan satu instansi yang dibangkitkan: id pegawai yang diberi login.
#[derive(Default)]
pub(super) struct Tokoh {
    pub(super) kepala_dinkes: Option<String>,
    pub(super) staf_dinkes: Option<String>,
    pub(super) kabid_bpsdm: Option<String>,
    pub(super) jumlah: usize,
}

impl Pembangkit {
    pub(super) fn baru(benih: u64) -> Self {
        let mut nip_terpakai = HashSet::new();
        for n in [NIP_PIMPINAN, NIP_PEGAWAI, NIP_MENTOR] {
            nip_terpakai.insert(n.to_string());
        }
        let waktu = store::sekarang();
        Pembangkit {
            rng: StdRng::seed_from_u64(benih),
            nip_terpakai,
            mulai: "2024-01-02".into(),
            waktu,
            tulis_dalam_transaksi: 0,
        }
    }

    pub(super) fn pilih<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.rng.random_range(0..xs.len())]
    }

    pub(super) fn nip(&mut self, tingkat: Tingkat, perempuan: bool) -> String {
        let (lahir_min, lahir_max) = match tingkat {
            Tingkat::Sekda => (1966, 1970),
            Tingkat::KepalaOpd => (1967, 1976),
            Tingkat::Administrator => (1970, 1982),
            Tingkat::Pengawas => (1975, 1989),
            Tingkat::Fungsional => (1982, 1996),
            Tingkat::Pelaksana => (1980, 1999),
            Tingkat::Pppk => (1985, 2000),
        };
        loop {
            let th = self.rng.random_range(lahir_min..=lahir_max);
            let bl = self.rng.random_range(1..=12u32);
            let hr = self.rng.random_range(1..=28u32);
            let tmt_th = (th + self.rng.random_range(23..=30)).min(2024);
            let tmt = if tingkat == Tingkat::Pppk {
                format!("{}21", self.rng.random_range(2022..=2024))
            } else {
                format!("{tmt_th}{:02}", self.rng.random_range(1..=12u32))
            };
            let jk = if perempuan { 2 } else { 1 };
            let urut = self.rng.random_range(1..=999u32);
            let nip = format!("{th}{bl:02}{hr:02}{tmt}{jk}{urut:03}");
            if self.nip_terpakai.insert(nip.clone()) {
                return nip;
            }
        }
    }

    pub(super) fn golongan(&mut self, t: Tingkat) -> &'static str {
        let pilihan: &[&'static str] = match t {
            Tingkat::Sekda => &["IV/d", "IV/e"],
            Tingkat::KepalaOpd => &["IV/c", "IV/d"],
            Tingkat::Administrator => &["IV/a", "IV/b"],
            Tingkat::Pengawas => &["III/c", "III/d"],
            Tingkat::Fungsional => &["III/a", "III/b", "III/c", "III/d"],
            Tingkat::Pelaksana => &["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"],
            Tingkat::Pppk => &["V", "VII", "IX"],
        };
        pilihan[self.rng.random_range(0..pilihan.len())]
    }

    /// Satu pegawai; `nip_tetap` untuk tokoh yang punya login demo.
    pub(super) fn pegawai(
        &mut self,
        instansi_id: &str,
        unit_id: &str,
        jabatan_id: Option<&str>,
        atasan_id: Option<&str>,
        t: Tingkat,
        nip_tetap: Option<&str>,
    ) -> Pegawai {
        let perempuan = match nip_tetap {
            Some(n) => n.as_bytes()[14] == b'2',
            None => self.rng.random_range(0..100) < 48,
        };
        let depan = if perempuan {
            self.pilih(data::NAMA_DEPAN_P)
        } else {
            self.pilih(data::NAMA_DEPAN_L)
        };
        let belakang = self.pilih(data::NAMA_BELAKANG);
        let nama = format!("{depan} {belakang}");
        let nip = nip_tetap
            .map(str::to_string)
            .unwrap_or_else(|| self.nip(t, perempuan));
        let gelar_belakang = match t {
            Tingkat::Pelaksana if self.rng.random_range(0..3) == 0 => None,
            Tingkat::Sekda | Tingkat::KepalaOpd | Tingkat::Administrator => Some(format!(
                "{}, {}",
                self.pilih(data::GELAR_S1),
                self.pilih(data::GELAR_S2)
            )),
            _ => Some(self.pilih(data::GELAR_S1).to_string()),
        };
        let pppk = t == Tingkat::Pppk || (nip.len() == 18 && &nip[12..14] == "21");
        let jenis_kelamin = if perempuan { "P" } else { "L" };
        let tanggal_lahir = format!("{}-{}-{}", &nip[0..4], &nip[4..6], &nip[6..8]);
        Pegawai {
            instansi_id: instansi_id.to_string(),
            id: store::id_baru(),
            nama_cari: nama_cari(&nama, Some(&nip)),
            nip: Some(nip),
            nama,
            gelar_depan: None,
            gelar_belakang,
            jenis_asn: if pppk { "pppk" } else { "pns" }.into(),
            tanggal_lahir: Some(tanggal_lahir),
            jenis_kelamin: Some(jenis_kelamin.into()),
            golongan: Some(self.golongan(if pppk { Tingkat::Pppk } else { t }).into()),
            unit_id: unit_id.to_string(),
            jabatan_id: jabatan_id.map(str::to_string),
            atasan_id: atasan_id.map(str::to_string),
            status: "aktif".into(),
            email: None,
            telepon: None,
            versi: 1,
            dibuat_pada: self.waktu.clone(),
            diubah_pada: self.waktu.clone(),
        }
    }

    pub(super) fn unit(
        &self,
        instansi_id: &str,
        induk: Option<&str>,
        nama: &str,
        singkatan: Option<&str>,
        jenis: &str,
        urutan: i64,
    ) -> UnitKerja {
        UnitKerja {
            instansi_id: instansi_id.to_string(),
            id: store::id_baru(),
            induk_id: induk.map(str::to_string),
            nama: nama.to_string(),
            singkatan: singkatan.map(str::to_string),
            jenis: jenis.to_string(),
            urutan,
            berlaku_mulai: "2022-01-01".into(),
            berlaku_sampai: None,
            versi: 1,
            dibuat_pada: self.waktu.clone(),
            diubah_pada: self.waktu.clone(),
        }
    }

    pub(super) fn jabatan(
        &self,
        u: &UnitKerja,
        nama: &str,
        jenis: &str,
        jenjang: Option<&str>,
    ) -> Jabatan {
        Jabatan {
            instansi_id: u.instansi_id.clone(),
            id: store::id_baru(),
            unit_id: u.id.clone(),
            nama: nama.to_string(),
            jenis: jenis.to_string(),
            jenjang: jenjang.map(str::to_string),
            kelas: None,
            dibuat_pada: self.waktu.clone(),
        }
    }

    pub(super) async fn simpan_unit(
        &self,
        tx: &mut store::Transaksi<'_>,
        u: &UnitKerja,
    ) -> Hasil<()> {
        store::organisasi::sisipkan_unit(tx, u).await?;
        Ok(())
    }

    pub(super) async fn simpan_jabatan(
        &self,
        tx: &mut store::Transaksi<'_>,
        j: &Jabatan,
    ) -> Hasil<()> {
        store::organisasi::sisipkan_jabatan(tx, j).await?;
        Ok(())
    }

    pub(super) async fn simpan_pegawai(
        &mut self,
        tx: &mut store::Transaksi<'_>,
        p: &Pegawai,
    ) -> Hasil<()> {
        simpan_baru(tx, p, &self.mulai).await?;
        // Muatan besar dalam satu transaksi: statistik disegarkan setiap kali
        // jumlahnya berlipat dua, agar PostgreSQL tidak terus memakai rencana
        // pemeriksaan FK dari tabel kosong (ADR 0006; 100.000 baris: 19 menit → detik).
        self.tulis_dalam_transaksi += 1;
        let n = self.tulis_dalam_transaksi;
        if n >= 256 && n.is_power_of_two() {
            store::organisasi::segarkan_statistik_pegawai(tx).await?;
        }
        Ok(())
    }

    /// Satu pemerintah daerah lengkap: unit, jabatan, pegawai dengan rantai atasan.
    pub(super) async fn bangun(
        &mut self,
        tx: &mut store::Transaksi<'_>,
        instansi: &Instansi,
        daftar_pd: &[(&str, &str, &[&str])],
        target: usize,
        kepala_daerah: &str,
        dengan_tokoh: bool,
    ) -> Hasil<Tokoh> {
        let iid = instansi.id.clone();
        let mut tokoh = Tokoh::default();
        self.tulis_dalam_transaksi = 0;
        let akar = self.unit(&iid, None, &instansi.nama, None, "lainnya", 0);
        self.simpan_unit(tx, &akar).await?;
        let j_kd = self.jabatan(&akar, kepala_daerah, "pejabat_negara", None);
        self.simpan_jabatan(tx, &j_kd).await?;
        let depan = self.pilih(data::NAMA_DEPAN_L);
        let belakang = self.pilih(data::NAMA_BELAKANG);
        let mut kd = self.pegawai(&iid, &akar.id, Some(&j_kd.id), None, Tingkat::Sekda, None);
        self.nip_terpakai.remove(kd.nip.as_deref().unwrap_or(""));
        kd.nip = None;
        kd.jenis_asn = "pejabat_negara".into();
        kd.golongan = None;
        kd.tanggal_lahir = None;
        kd.jenis_kelamin = Some("L".into());
        kd.nama = format!("{depan} {belakang}");
        kd.gelar_depan = Some("Drs.".into());
        kd.nama_cari = nama_cari(&kd.nama, None);
        self.simpan_pegawai(tx, &kd).await?;
        tokoh.jumlah += 1;

        // Pimpinan dan kepala unit lebih dulu, lalu staf dibagi ke unit terbawah.
        let mut sekda_id = None;
        let mut daun: Vec<(UnitKerja, String)> = Vec::new(); // (unit, id kepala unit)
        for (i, (nama_pd, singkat, bidang)) in daftar_pd.iter().enumerate() {
            let pd = self.unit(
                &iid,
                Some(&akar.id),
                nama_pd,
                Some(singkat),
                if i == 0 {
                    "sekretariat_daerah"
                } else {
                    "perangkat_daerah"
                },
                i as i64 + 1,
            );
            self.simpan_unit(tx, &pd).await?;
            let (nama_kepala, tingkat) = if i == 0 {
                ("Sekretaris Daerah".to_string(), Tingkat::Sekda)
            } else {
                (format!("Kepala {nama_pd}"), Tingkat::KepalaOpd)
            };
            let j = self.jabatan(&pd, &nama_kepala, "jpt", None);
            self.simpan_jabatan(tx, &j).await?;
            let atasan = if i == 0 {
                kd.id.clone()
            } else {
                sekda_id.clone().unwrap_or(kd.id.clone())
            };
            let tetap = (dengan_tokoh && *singkat == "Dinkes").then_some(NIP_PIMPINAN);
            let kepala = self.pegawai(&iid, &pd.id, Some(&j.id), Some(&atasan), tingkat, tetap);
            self.simpan_pegawai(tx, &kepala).await?;
            tokoh.jumlah += 1;
            if i == 0 {
                sekda_id = Some(kepala.id.clone());
            }
            if tetap.is_some() {
                tokoh.kepala_dinkes = Some(kepala.id.clone());
            }
            // Sekretariat (kecuali Setda/Setwan) dengan subbagian.
            let mut sub_unit: Vec<(String, Vec<String>, &str)> = Vec::new();
            if i > 1 && !nama_pd.starts_with("Inspektorat") {
                sub_unit.push((
                    "Sekretariat".to_string(),
                    data::SUBBAGIAN_SEKRETARIAT
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    "sekretariat",
                ));
            }
            for b in bidang.iter() {
                let jenis = if b.starts_with("Bagian") || b.starts_with("Biro") {
                    "bagian"
                } else {
                    "bidang"
                };
                sub_unit.push((
                    b.to_string(),
                    (0..2).map(|k| data::nama_seksi(b, k)).collect(),
                    jenis,
                ));
            }
            for (k, (nama_b, seksi, jenis_b)) in sub_unit.iter().enumerate() {
                let ub = self.unit(&iid, Some(&pd.id), nama_b, None, jenis_b, k as i64 + 1);
                self.simpan_unit(tx, &ub).await?;
                let jb = self.jabatan(
                    &ub,
                    &if *jenis_b == "sekretariat" {
                        format!("Sekretaris {nama_pd}")
                    } else {
                        format!("Kepala {nama_b}")
                    },
                    "administrator",
                    None,
                );
                self.simpan_jabatan(tx, &jb).await?;
                let tetap = (dengan_tokoh && *singkat == "BPSDM" && k == 1).then_some(NIP_MENTOR);
                let kb = self.pegawai(
                    &iid,
                    &ub.id,
                    Some(&jb.id),
                    Some(&kepala.id),
                    Tingkat::Administrator,
                    tetap,
                );
                self.simpan_pegawai(tx, &kb).await?;
                tokoh.jumlah += 1;
                if tetap.is_some() {
                    tokoh.kabid_bpsdm = Some(kb.id.clone());
                }
                for (s_i, nama_s) in seksi.iter().enumerate() {
                    let jenis_s = if nama_s.starts_with("Subbagian") {
                        "subbagian"
                    } else {
                        "seksi"
                    };
                    let us = self.unit(&iid, Some(&ub.id), nama_s, None, jenis_s, s_i as i64 + 1);
                    self.simpan_unit(tx, &us).await?;
                    let js = self.jabatan(&us, &format!("Kepala {nama_s}"), "pengawas", None);
                    self.simpan_jabatan(tx, &js).await?;
                    let ks = self.pegawai(
                        &iid,
                        &us.id,
                        Some(&js.id),
                        Some(&kb.id),
                        Tingkat::Pengawas,
                        None,
                    );
                    self.simpan_pegawai(tx, &ks).await?;
                    tokoh.jumlah += 1;
                    daun.push((us, ks.id.clone()));
                }
            }
        }
        // Jabatan staf per unit terbawah: satu fungsional dan satu pelaksana.
        let mut jabatan_staf = Vec::new();
        for (u, _) in &daun {
            let (nf, jenjang) =
                data::JABATAN_FUNGSIONAL[self.rng.random_range(0..data::JABATAN_FUNGSIONAL.len())];
            let jf = self.jabatan(
                u,
                &format!("{nf} {}", jenjang_teks(jenjang)),
                "fungsional",
                Some(jenjang),
            );
            let np = self.pilih_pelaksana();
            let jp = self.jabatan(u, np, "pelaksana", None);
            self.simpan_jabatan(tx, &jf).await?;
            self.simpan_jabatan(tx, &jp).await?;
            jabatan_staf.push((jf.id, jp.id));
        }
        let mut i = 0usize;
        let mut staf_dinkes_dibuat = false;
        while tokoh.jumlah < target && !daun.is_empty() {
            let k = i % daun.len();
            let (u, kepala) = &daun[k];
            let (jf, jp) = &jabatan_staf[k];
            let r = self.rng.random_range(0..100);
            let (t, j) = if r < 30 {
                (Tingkat::Fungsional, jf)
            } else if r < 85 {
                (Tingkat::Pelaksana, jp)
            } else {
                (Tingkat::Pppk, jp)
            };
            let di_dinkes =
                dengan_tokoh && !staf_dinkes_dibuat && u.nama.contains("Kesehatan Masyarakat");
            let tetap = di_dinkes.then_some(NIP_PEGAWAI);
            let t = if tetap.is_some() {
                Tingkat::Fungsional
            } else {
                t
            };
            let p = self.pegawai(&iid, &u.id, Some(j), Some(kepala), t, tetap);
            self.simpan_pegawai(tx, &p).await?;
            if tetap.is_some() {
                staf_dinkes_dibuat = true;
                tokoh.staf_dinkes = Some(p.id.clone());
            }
            tokoh.jumlah += 1;
            i += 1;
        }
        Ok(tokoh)
    }

    pub(super) fn pilih_pelaksana(&mut self) -> &'static str {
        data::JABATAN_PELAKSANA[self.rng.random_range(0..data::JABATAN_PELAKSANA.len())]
    }
}

pub(super) fn jenjang_teks(j: &str) -> &'static str {
    match j {
        "terampil" => "Terampil",
        "ahli_pertama" => "Ahli Pertama",
        "ahli_muda" => "Ahli Muda",
        "ahli_madya" => "Ahli Madya",
        _ => "",
    }
}
