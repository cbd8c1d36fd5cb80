//! Data SKP skala besar untuk tolok ukur (`scripts/bench_skp.sh`, isu 11):
//! periode dibuka lewat layanan yang sama dengan BKD, lalu untuk setiap SKP
//! satu RHK dengan dua indikator (menaut RHK pertama pejabat penilainya),
//! status disetujui, rating TW I untuk semua pegawai ber-SKP (kurva
//! dipenuhi di sebagian besar kelompok, dilanggar di setiap kelompok
//! kesepuluh) dan predikat organisasi "Baik" per kelompok kurva.
//!
//! Akun pegawai untuk serbuan akhir bulan: Argon2 ±0,1 s per hash membuat
//! ribuan akun lewat `buat_akun` memakan waktu lama, jadi semua akun di sini
//! berbagi SATU hash Argon2id dari sandi yang diberikan (masuk dengan sandi
//! itu tetap bekerja seperti biasa), dan setiap akun mendapat token API
//! `tulis` satu hari yang disimpan ter-hash seperti token biasa. Tidak ada
//! jalan pintas di server: token itu diperiksa seperti token mana pun.

use crate::skp::periode::{MasukanPeriodeSkp, buka_periode, urut_induk_dulu};
use crate::{Galat, Hasil, Konteks, Layanan, Peran};
use rules::permenpanrb_6_2022::{RatingKinerja, predikat_kinerja};
use rules::skp::{UnitDinilai, kelompok_kurva};
use std::collections::{HashMap, HashSet};
use store::akun::{Pengguna, TokenApi};
use store::skp::{EvaluasiSkp, IndikatorSkp, KurvaUnit, Rhk, Skp};

const OLEH: &str = "skala";

/// Yang dibangkitkan [`isi_skala_skp`].
#[derive(Clone, Debug, Default)]
pub struct RingkasSkalaSkp {
    pub skp: usize,
    pub rhk: usize,
    pub indikator: usize,
    pub evaluasi: usize,
    pub kelompok: usize,
    pub akun: usize,
    /// Satu baris per akun pegawai: (token API, skp_id, indikator_id).
    pub token: Vec<(String, String, String)>,
}

/// Mengisi SKP sintetis satu instansi satu tahun (periode dibuka bila belum),
/// dengan akun dan token API untuk `akun` pegawai pertama ber-SKP dan, bila
/// `admin` diberikan, satu akun admin instansi (BKD) bernama itu. Sandi
/// semua akun: `sandi`. RHK, rating dan kurva hanya diisi sekali (bila
/// tahun itu belum punya RHK).
pub async fn isi_skala_skp(
    l: &Layanan,
    instansi_id: &str,
    tahun: i64,
    akun: usize,
    admin: Option<&str>,
    sandi: &str,
) -> Hasil<RingkasSkalaSkp> {
    let pool = l.pool();
    let k = Konteks::sistem();
    if store::skp::periode(pool, instansi_id, tahun)
        .await?
        .is_none()
    {
        buka_periode(
            l,
            &k,
            instansi_id,
            &MasukanPeriodeSkp {
                tahun,
                frekuensi: None,
                ambang_kurva: None,
            },
        )
        .await?;
    }
    let skp = store::skp::daftar_skp(pool, instansi_id, tahun, None).await?;
    let mut r = RingkasSkalaSkp {
        skp: skp.len(),
        ..Default::default()
    };
    if store::skp::rhk_tahun(pool, instansi_id, tahun)
        .await?
        .is_empty()
    {
        isi_rencana_dan_rating(l, instansi_id, tahun, &skp, &mut r).await?;
    }
    if akun > 0 || admin.is_some() {
        buat_akun_dan_token(l, instansi_id, tahun, &skp, akun, admin, sandi, &mut r).await?;
    }
    store::organisasi::rapikan_setelah_muat(pool).await?;
    Ok(r)
}

async fn isi_rencana_dan_rating(
    l: &Layanan,
    iid: &str,
    tahun: i64,
    skp: &[Skp],
    r: &mut RingkasSkalaSkp,
) -> Hasil<()> {
    let pool = l.pool();
    let unit = store::organisasi::semua_unit(pool, iid).await?;
    let skp_pegawai: HashMap<&str, &Skp> = skp.iter().map(|s| (s.pegawai_id.as_str(), s)).collect();
    let rhk_pertama: HashMap<&str, String> = skp
        .iter()
        .map(|s| (s.id.as_str(), store::id_baru()))
        .collect();
    let w = store::sekarang();
    let mut rhk = Vec::with_capacity(skp.len());
    let mut indikator = Vec::with_capacity(skp.len() * 2);
    for s in skp {
        let id = rhk_pertama[s.id.as_str()].clone();
        let atasan = s
            .penilai_id
            .as_deref()
            .and_then(|p| skp_pegawai.get(p))
            .and_then(|sp| rhk_pertama.get(sp.id.as_str()).cloned());
        rhk.push(Rhk {
            instansi_id: iid.into(),
            id: id.clone(),
            skp_id: s.id.clone(),
            jenis: "utama".into(),
            uraian: "Terselesaikannya tugas jabatan sesuai rencana kerja unit".into(),
            rhk_atasan_id: atasan,
            perspektif: None,
            sumber_pk: None,
            jam_beban: Some("900".into()),
            urutan: 0,
            versi: 1,
            dibuat_pada: w.clone(),
            diubah_pada: w.clone(),
        });
        for (n, (aspek, uraian, target, satuan)) in [
            (
                "kuantitas",
                "Jumlah laporan kegiatan yang diselesaikan",
                "12",
                "laporan",
            ),
            (
                "kualitas",
                "Persentase laporan yang diterima tanpa revisi",
                "90",
                "%",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            indikator.push(IndikatorSkp {
                instansi_id: iid.into(),
                id: store::id_baru(),
                rhk_id: id.clone(),
                skp_id: s.id.clone(),
                aspek: aspek.into(),
                uraian: uraian.into(),
                target: target.into(),
                satuan: satuan.into(),
                urutan: n as i64,
            });
        }
    }
    let rhk = urut_induk_dulu(rhk);

    // Kelompok kurva dan rating TW I untuk semua SKP aktif.
    let mut jumlah: HashMap<&str, u64> = HashMap::new();
    for s in skp {
        *jumlah.entry(s.unit_id.as_str()).or_default() += 1;
    }
    let dinilai: Vec<UnitDinilai> = unit
        .iter()
        .map(|u| UnitDinilai {
            unit_id: u.id.clone(),
            induk_id: u.induk_id.clone(),
            jumlah: jumlah.get(u.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let kelompok = kelompok_kurva(&dinilai, crate::skp::periode::AMBANG_KURVA_BAWAAN as u64);
    let periode = format!("{tahun}-TW1");
    let mut evaluasi = Vec::with_capacity(skp.len());
    let mut kurva = Vec::with_capacity(kelompok.len());
    use RatingKinerja::*;
    for (gi, g) in kelompok.iter().enumerate() {
        let anggota: HashSet<&str> = g.anggota.iter().map(String::as_str).collect();
        let di: Vec<&Skp> = skp
            .iter()
            .filter(|s| anggota.contains(s.unit_id.as_str()))
            .collect();
        let n = di.len() as u64;
        if n == 0 {
            continue;
        }
        // Setiap kelompok kesepuluh melanggar kurva (tanpa "Butuh Perbaikan").
        let langgar = gi % 10 == 9;
        let bp = if langgar { 0 } else { (n * 15 / 100).max(1) };
        let baik = (n - bp).min(n * 7 / 10);
        for (i, s) in di.iter().enumerate() {
            let i = i as u64;
            let (h, p) = if i < bp {
                (DiBawahEkspektasi, SesuaiEkspektasi)
            } else if i < bp + baik {
                (SesuaiEkspektasi, SesuaiEkspektasi)
            } else {
                (DiAtasEkspektasi, DiAtasEkspektasi)
            };
            evaluasi.push(EvaluasiSkp {
                instansi_id: iid.into(),
                skp_id: s.id.clone(),
                periode: periode.clone(),
                rating_hasil: h.token().into(),
                rating_perilaku: p.token().into(),
                predikat: predikat_kinerja(h, p).token().into(),
                catatan: None,
                pengguna_id: Some(OLEH.into()),
                versi: 1,
                diubah_pada: w.clone(),
            });
        }
        kurva.push(KurvaUnit {
            instansi_id: iid.into(),
            periode: periode.clone(),
            unit_id: g.unit_id.clone(),
            predikat_organisasi: Some("baik".into()),
            difinalkan: 0,
            alasan_pengecualian: None,
            pengguna_id: Some(OLEH.into()),
            versi: 1,
            diubah_pada: w.clone(),
        });
    }
    let mut tx = l.db.mulai().await?;
    store::skp::sisipkan_rhk_banyak(&mut tx, &rhk).await?;
    store::skp::sisipkan_indikator_banyak(&mut tx, &indikator).await?;
    store::skp::atur_status_tahun(&mut tx, iid, tahun, "disetujui").await?;
    store::skp::sisipkan_evaluasi_banyak(&mut tx, &evaluasi).await?;
    for u in &kurva {
        store::skp::simpan_kurva_unit(&mut tx, u, None).await?;
    }
    tx.commit().await?;
    r.rhk = rhk.len();
    r.indikator = indikator.len();
    r.evaluasi = evaluasi.len();
    r.kelompok = kurva.len();
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn buat_akun_dan_token(
    l: &Layanan,
    iid: &str,
    tahun: i64,
    skp: &[Skp],
    akun: usize,
    admin: Option<&str>,
    sandi: &str,
    r: &mut RingkasSkalaSkp,
) -> Hasil<()> {
    let pool = l.pool();
    if sandi.chars().count() < crate::akun::PANJANG_SANDI_MIN {
        return Err(Galat::Internal(format!(
            "sandi akun skala paling sedikit {} karakter",
            crate::akun::PANJANG_SANDI_MIN
        )));
    }
    // Satu hash Argon2id untuk semua akun (lihat keterangan modul).
    let hash = crate::akun::hash_sandi(sandi).await?;
    let pegawai: HashMap<String, store::organisasi::Pegawai> =
        store::organisasi::semua_pegawai(pool, iid)
            .await?
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
    let sudah: HashSet<String> = store::akun::daftar_pengguna(pool, iid)
        .await?
        .into_iter()
        .filter_map(|p| p.pegawai_id)
        .collect();
    let indikator_pertama: HashMap<String, String> = {
        let mut m: HashMap<String, (i64, String)> = HashMap::new();
        for i in store::skp::indikator_tahun(pool, iid, tahun).await? {
            let e = m
                .entry(i.skp_id.clone())
                .or_insert((i64::MAX, String::new()));
            if i.urutan < e.0 {
                *e = (i.urutan, i.id.clone());
            }
        }
        m.into_iter().map(|(s, (_, i))| (s, i)).collect()
    };
    let w = store::sekarang();
    let besok = store::format_waktu(time::OffsetDateTime::now_utc() + time::Duration::days(1));
    let pengguna_baru = |username: String, nama: String, pegawai_id: Option<String>| Pengguna {
        instansi_id: iid.to_string(),
        id: store::id_baru(),
        username,
        nama,
        pegawai_id,
        hash_sandi: hash.clone(),
        aktif: 1,
        bahasa: "id".into(),
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w.clone(),
    };
    let mut tx = l.db.mulai().await?;
    if let Some(nama) = admin
        && store::akun::pengguna_untuk_masuk(pool, nama)
            .await?
            .is_none()
    {
        let p = pengguna_baru(nama.to_string(), format!("Admin {nama}"), None);
        store::akun::sisipkan_pengguna(&mut tx, &p, &[Peran::AdminInstansi.kode().to_string()])
            .await?;
        r.akun += 1;
    }
    let peran = [Peran::Pegawai.kode().to_string()];
    for s in skp {
        if r.token.len() >= akun {
            break;
        }
        if sudah.contains(&s.pegawai_id) {
            continue;
        }
        let (Some(p), Some(ind)) = (pegawai.get(&s.pegawai_id), indikator_pertama.get(&s.id))
        else {
            continue;
        };
        let username = p.nip.clone().unwrap_or_else(|| format!("pegawai.{}", p.id));
        let u = pengguna_baru(username, p.nama.clone(), Some(p.id.clone()));
        store::akun::sisipkan_pengguna(&mut tx, &u, &peran).await?;
        let token = format!("knj_{}", crate::akun::token_acak());
        store::akun::sisipkan_token(
            &mut tx,
            &TokenApi {
                token_hash: crate::akun::hash_token(&token),
                id: store::id_baru(),
                instansi_id: iid.to_string(),
                pengguna_id: u.id.clone(),
                nama: "tolok ukur SKP".into(),
                cakupan: "tulis".into(),
                dibuat_pada: w.clone(),
                kedaluwarsa_pada: besok.clone(),
                dicabut_pada: None,
            },
        )
        .await?;
        r.akun += 1;
        r.token.push((token, s.id.clone(), ind.clone()));
    }
    tx.commit().await?;
    Ok(())
}

/// JPEG "foto" sintetis sedekat mungkin ke `sasaran` bita: pemandangan bergradien
/// dengan derau, sehingga ukurannya seperti foto ponsel yang dikecilkan,
/// bukan bidang warna rata. Kualitas dicari berulang sampai ukurannya dekat.
pub fn foto_jpeg(sasaran: usize) -> Hasil<Vec<u8>> {
    let (lebar, tinggi) = (1024u32, 768u32);
    let mut acak: u32 = 0x2545_f491;
    let g = image::RgbImage::from_fn(lebar, tinggi, |x, y| {
        acak ^= acak << 13;
        acak ^= acak >> 17;
        acak ^= acak << 5;
        let d = (acak % 48) as i32 - 24;
        let langit = y < tinggi / 2;
        let (r, g, b) = if langit {
            (120 + (y / 6) as i32, 170 + (y / 8) as i32, 230)
        } else {
            let pola = (((x / 40) + (y / 30)) % 3) as i32 * 25;
            (60 + pola, 120 + (x / 16) as i32 % 60, 50 + pola)
        };
        let c = |v: i32| (v + d).clamp(0, 255) as u8;
        image::Rgb([c(r), c(g), c(b)])
    });
    let kode = |q: u8| -> Hasil<Vec<u8>> {
        let mut isi = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut isi, q)
            .encode_image(&g)
            .map_err(|e| Galat::Internal(format!("foto sintetis: {e}")))?;
        Ok(isi)
    };
    let (mut bawah, mut atas) = (5u8, 95u8);
    let mut terbaik = kode(50)?;
    while bawah <= atas {
        let q = bawah + (atas - bawah) / 2;
        let isi = kode(q)?;
        let lebih_dekat = isi.len().abs_diff(sasaran) < terbaik.len().abs_diff(sasaran);
        let terlalu_besar = isi.len() > sasaran;
        if lebih_dekat {
            terbaik = isi;
        }
        if terlalu_besar {
            if q == 0 {
                break;
            }
            atas = q - 1;
        } else {
            bawah = q + 1;
        }
    }
    Ok(terbaik)
}
