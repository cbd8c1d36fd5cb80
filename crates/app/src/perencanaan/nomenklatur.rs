//! Kamus nomenklatur untuk satu rencana: versi dasar tahunnya, dilipat
//! dengan perubahan yang dimuat admin; dipatok saat rencana ditetapkan
//! sehingga rencana lama tidak berubah surut (docs/adr/0013).

use crate::{Galat, Hasil, Konteks, Layanan};
use rules::anggaran::{
    JenisPemda, JenisSubkegiatan, KamusBawaan, KamusBerlaku, KamusKl, KamusNomenklatur,
    PerubahanNomenklatur, Tindakan, VersiNomenklatur, versi_untuk,
};
use serde::{Deserialize, Serialize};

/// Patokan nomenklatur rencana yang ditetapkan.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Patok {
    pub dasar: String,
    pub perubahan: Vec<String>,
}

/// Kamus pemda atau, untuk K/L, semua data yang ditanam.
pub enum Kamus {
    Pemda(KamusBerlaku),
    Kl(KamusKl),
    Bawaan(KamusBawaan),
}

impl KamusNomenklatur for Kamus {
    fn dikenal(&self, kode: &str) -> bool {
        match self {
            Kamus::Pemda(k) => k.dikenal(kode),
            Kamus::Kl(k) => k.dikenal(kode),
            Kamus::Bawaan(k) => k.dikenal(kode),
        }
    }
    fn jenis(&self, kode: &str) -> Option<JenisSubkegiatan> {
        match self {
            Kamus::Pemda(k) => k.jenis(kode),
            Kamus::Kl(k) => k.jenis(kode),
            Kamus::Bawaan(k) => k.jenis(kode),
        }
    }
    fn tingkat_sah(&self, kode: &str, tingkat: rules::nomenklatur::TingkatPemda) -> bool {
        match self {
            Kamus::Pemda(k) => k.tingkat_sah(kode, tingkat),
            Kamus::Kl(k) => k.tingkat_sah(kode, tingkat),
            Kamus::Bawaan(k) => k.tingkat_sah(kode, tingkat),
        }
    }
}

pub(crate) fn jenis_pemda(jenis_instansi: &str) -> Option<JenisPemda> {
    match jenis_instansi {
        "provinsi" => Some(JenisPemda::Provinsi),
        "kabupaten" | "kota" => Some(JenisPemda::KabupatenKota),
        _ => None,
    }
}

fn lipat(baris: &[store::nomenklatur::BarisPerubahan]) -> Vec<PerubahanNomenklatur> {
    baris
        .iter()
        .filter_map(|b| {
            Some(PerubahanNomenklatur {
                tindakan: match b.tindakan.as_str() {
                    "hapus" => Tindakan::Hapus,
                    _ => Tindakan::Ubah,
                },
                pemda: JenisPemda::dari_token(&b.pemda)?,
                kode: b.kode.clone(),
                jenis: b.jenis.as_deref().and_then(JenisSubkegiatan::dari_token),
            })
        })
        .collect()
}

/// Kamus untuk rencana instansi pada tahun itu; `patok` = patokan rencana
/// yang ditetapkan (bila ada). Mengembalikan juga patokan yang berlaku kini.
pub(crate) async fn kamus_untuk(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    patok: Option<&str>,
) -> Hasil<(Kamus, Option<Patok>)> {
    let i = store::organisasi::instansi(l.pool(), instansi_id)
        .await?
        .ok_or_else(|| Galat::TidakDitemukan("instansi".into()))?;
    let Some(pemda) = jenis_pemda(&i.jenis) else {
        if matches!(i.jenis.as_str(), "kementerian" | "lembaga") {
            return Ok((Kamus::Kl(KamusKl), None));
        }
        return Ok((Kamus::Bawaan(KamusBawaan), None));
    };
    if let Some(p) = patok.and_then(|t| serde_json::from_str::<Patok>(t).ok())
        && let Some(dasar) = VersiNomenklatur::dari_token(&p.dasar)
    {
        let baris = store::nomenklatur::perubahan_versi(l.pool(), &p.perubahan).await?;
        return Ok((
            Kamus::Pemda(KamusBerlaku::baru(dasar, pemda, &lipat(&baris))),
            Some(p),
        ));
    }
    let dasar = versi_untuk(tahun, pemda);
    let baris = store::nomenklatur::perubahan_untuk(l.pool(), dasar.token(), tahun).await?;
    let mut ids: Vec<String> = Vec::new();
    for b in &baris {
        if !ids.contains(&b.versi_id) {
            ids.push(b.versi_id.clone());
        }
    }
    Ok((
        Kamus::Pemda(KamusBerlaku::baru(dasar, pemda, &lipat(&baris))),
        Some(Patok {
            dasar: dasar.token().into(),
            perubahan: ids,
        }),
    ))
}

/// Daftar perubahan nomenklatur yang dimuat (siapa pun yang masuk).
pub async fn daftar_versi(
    l: &Layanan,
    k: &Konteks,
) -> Hasil<Vec<store::nomenklatur::VersiNomenklatur>> {
    k.aktor()?;
    Ok(store::nomenklatur::daftar_versi(l.pool()).await?)
}
