//! Menyebut unit kerja dengan nama di berkas. Nama unit tidak unik
//! ("Sekretariat" ada di setiap dinas), maka unit disebut dengan jalur nama
//! dari induk ke anak, dipisah `>`, cukup panjang agar unik:
//! `Dinas Kesehatan > Sekretariat`. Id unit juga diterima. Ekspor menulis
//! jalur terpendek yang unik (atau id bila jalur lengkap pun kembar), sehingga
//! berkas ekspor selalu kembali ke unit yang sama saat diimpor.

use std::collections::HashMap;

pub(crate) const PEMISAH: &str = " > ";

/// Kunci pembanding nama: huruf kecil, spasi dirapatkan.
pub(crate) fn kunci(nama: &str) -> String {
    nama.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Simpul {
    induk: Option<String>,
    nama: String,
    kunci: String,
    berlaku: bool,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Cari {
    Satu(String),
    TidakAda,
    Ganda(usize),
}

pub(crate) struct PohonUnit {
    simpul: HashMap<String, Simpul>,
    per_nama: HashMap<String, Vec<String>>,
    hari_ini: String,
}

impl PohonUnit {
    pub fn dari(unit: &[store::organisasi::UnitKerja]) -> Self {
        let mut p = PohonUnit {
            simpul: HashMap::new(),
            per_nama: HashMap::new(),
            hari_ini: crate::organisasi::hari_ini(),
        };
        for u in unit {
            p.pasang(
                &u.id,
                u.induk_id.clone(),
                &u.nama,
                &u.berlaku_mulai,
                u.berlaku_sampai.as_deref(),
            );
        }
        p
    }

    /// Menambah atau mengganti satu unit (saat impor menyusun pohon barunya).
    pub fn pasang(
        &mut self,
        id: &str,
        induk: Option<String>,
        nama: &str,
        mulai: &str,
        sampai: Option<&str>,
    ) {
        if let Some(lama) = self.simpul.get(id)
            && let Some(v) = self.per_nama.get_mut(&lama.kunci)
        {
            v.retain(|x| x != id);
        }
        let berlaku =
            mulai <= self.hari_ini.as_str() && sampai.is_none_or(|s| s > self.hari_ini.as_str());
        let k = kunci(nama);
        self.per_nama
            .entry(k.clone())
            .or_default()
            .push(id.to_string());
        self.simpul.insert(
            id.to_string(),
            Simpul {
                induk,
                nama: nama.trim().to_string(),
                kunci: k,
                berlaku,
            },
        );
    }

    /// Id dari akar sampai unit itu (dibatasi agar data melingkar tidak menggantung).
    fn jalur_id(&self, id: &str) -> Vec<&str> {
        let mut v = Vec::new();
        let mut cur = self.simpul.get_key_value(id).map(|(k, _)| k.as_str());
        while let Some(c) = cur {
            if v.len() > 100 || v.contains(&c) {
                break;
            }
            v.push(c);
            cur = self
                .simpul
                .get(c)
                .and_then(|s| s.induk.as_deref())
                .and_then(|i| self.simpul.get_key_value(i))
                .map(|(k, _)| k.as_str());
        }
        v.reverse();
        v
    }

    fn cocok_akhiran(&self, id: &str, seg: &[String]) -> bool {
        let j = self.jalur_id(id);
        if j.len() < seg.len() {
            return false;
        }
        j[j.len() - seg.len()..]
            .iter()
            .zip(seg)
            .all(|(a, b)| self.simpul.get(*a).is_some_and(|s| &s.kunci == b))
    }

    /// Unit dari teks berkas: id, atau jalur nama (akhiran dari jalur lengkap).
    /// Bila beberapa cocok, yang berlaku hari ini diutamakan.
    pub fn cari(&self, teks: &str) -> Cari {
        let t = teks.trim();
        if self.simpul.contains_key(t) {
            return Cari::Satu(t.to_string());
        }
        let seg: Vec<String> = t.split('>').map(kunci).collect();
        if seg.iter().any(String::is_empty) {
            return Cari::TidakAda;
        }
        let Some(calon) = seg.last().and_then(|s| self.per_nama.get(s)) else {
            return Cari::TidakAda;
        };
        let cocok: Vec<&String> = calon
            .iter()
            .filter(|c| self.cocok_akhiran(c, &seg))
            .collect();
        match cocok.len() {
            0 => Cari::TidakAda,
            1 => Cari::Satu(cocok[0].clone()),
            n => {
                let berlaku: Vec<&&String> = cocok
                    .iter()
                    .filter(|c| self.simpul.get(c.as_str()).is_some_and(|s| s.berlaku))
                    .collect();
                if berlaku.len() == 1 {
                    Cari::Satu(berlaku[0].to_string())
                } else {
                    Cari::Ganda(n)
                }
            }
        }
    }

    /// Jalur nama terpendek yang menunjuk unit ini saja (tanpa memandang masa
    /// berlaku), atau id-nya bila tidak ada.
    pub fn tampil(&self, id: &str) -> String {
        let j = self.jalur_id(id);
        let nama: Vec<&Simpul> = j.iter().filter_map(|x| self.simpul.get(*x)).collect();
        if nama.is_empty()
            || nama
                .iter()
                .any(|s| s.nama.contains('>') || s.nama.is_empty())
        {
            return id.to_string();
        }
        let calon = self
            .per_nama
            .get(&nama[nama.len() - 1].kunci)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for n in 1..=nama.len() {
            let seg: Vec<String> = nama[nama.len() - n..]
                .iter()
                .map(|s| s.kunci.clone())
                .collect();
            let jumlah = calon.iter().filter(|c| self.cocok_akhiran(c, &seg)).count();
            if jumlah == 1 {
                return nama[nama.len() - n..]
                    .iter()
                    .map(|s| s.nama.as_str())
                    .collect::<Vec<_>>()
                    .join(PEMISAH);
            }
        }
        id.to_string()
    }

    /// Jalur lengkap untuk pesan.
    pub fn jalur_lengkap(&self, id: &str) -> String {
        self.jalur_id(id)
            .iter()
            .filter_map(|x| self.simpul.get(*x))
            .map(|s| s.nama.as_str())
            .collect::<Vec<_>>()
            .join(PEMISAH)
    }

    /// Apakah `calon` adalah `id` sendiri atau salah satu turunannya.
    pub fn di_bawah(&self, calon: &str, id: &str) -> bool {
        self.jalur_id(calon).contains(&id)
    }

    /// Unit bernama `nama` yang induknya `induk`.
    pub fn anak_bernama(&self, induk: Option<&str>, nama: &str) -> Vec<String> {
        let k = kunci(nama);
        self.per_nama
            .get(&k)
            .map(|v| {
                v.iter()
                    .filter(|c| {
                        self.simpul
                            .get(c.as_str())
                            .is_some_and(|s| s.induk.as_deref() == induk)
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn berlaku(&self, id: &str) -> bool {
        self.simpul.get(id).is_some_and(|s| s.berlaku)
    }
}

#[cfg(test)]
mod tes {
    use super::*;
    use store::organisasi::UnitKerja;

    fn u(id: &str, induk: Option<&str>, nama: &str, sampai: Option<&str>) -> UnitKerja {
        UnitKerja {
            instansi_id: "i".into(),
            id: id.into(),
            induk_id: induk.map(str::to_string),
            nama: nama.into(),
            singkatan: None,
            jenis: "bidang".into(),
            urutan: 0,
            berlaku_mulai: "2020-01-01".into(),
            berlaku_sampai: sampai.map(str::to_string),
            versi: 1,
            dibuat_pada: String::new(),
            diubah_pada: String::new(),
        }
    }

    #[test]
    fn jalur_terpendek_yang_unik() {
        let p = PohonUnit::dari(&[
            u("akar", None, "Pemprov", None),
            u("dk", Some("akar"), "Dinas Kesehatan", None),
            u("dp", Some("akar"), "Dinas Pendidikan", None),
            u("sk", Some("dk"), "Sekretariat", None),
            u("sp", Some("dp"), "Sekretariat", None),
            u("lama", Some("akar"), "Dinas Sosial", Some("2021-01-01")),
            u("baru", Some("akar"), "Dinas Sosial", None),
        ]);
        assert_eq!(p.tampil("dk"), "Dinas Kesehatan");
        assert_eq!(p.tampil("sk"), "Dinas Kesehatan > Sekretariat");
        assert_eq!(p.tampil("baru"), "baru");
        assert_eq!(
            p.cari("dinas  kesehatan > SEKRETARIAT"),
            Cari::Satu("sk".into())
        );
        assert_eq!(p.cari("Sekretariat"), Cari::Ganda(2));
        assert_eq!(
            p.cari("Pemprov > Dinas Pendidikan > Sekretariat"),
            Cari::Satu("sp".into())
        );
        assert_eq!(p.cari("Dinas Sosial"), Cari::Satu("baru".into()));
        assert_eq!(p.cari("Dinas Pertanian"), Cari::TidakAda);
        assert_eq!(p.cari("sp"), Cari::Satu("sp".into()));
        for id in ["akar", "dk", "dp", "sk", "sp", "lama", "baru"] {
            assert_eq!(p.cari(&p.tampil(id)), Cari::Satu(id.into()), "{id}");
        }
        assert!(p.di_bawah("sk", "akar"));
        assert!(!p.di_bawah("dk", "sk"));
        assert_eq!(
            p.anak_bernama(Some("dk"), "sekretariat"),
            vec!["sk".to_string()]
        );
    }
}
