//! Proyek perubahan yang terbukti diusulkan ke repositori inovasi (isu 13 →
//! isu 12). Alumni, mentor atau BKD mengusulkan; syaratnya aturan murni
//! `rules::aksi_perubahan::belum_layak_inovasi` (tonggak jangka pendek
//! selesai, paling sedikit satu jangka menengah selesai) dan masalah serta
//! tujuan terisi. Admin instansi alumni atau operator inovasinya menerima —
//! inovasi terbit di repositori publik, bersumber proyek dan angkatannya —
//! atau menolak dengan catatan (boleh diusulkan lagi sesudah diperbaiki).

use super::{ada_perubahan, bersih, fakta, galat_hak, tidak_ditemukan};
use crate::galat::GalatKolom;
use crate::kebijakan::{self, Aksi as AksiKebijakan, CakupanAksi, HakAksi, Sumber};
use crate::notifikasi::NotifikasiBaru;
use crate::validasi::{self, JenisTeks};
use crate::{Galat, Hasil, Konteks, Layanan};
use rules::aksi_perubahan::{self as aturan, Tahap};
use serde::{Deserialize, Serialize};
pub use store::aksi_perubahan::UsulInovasi;

pub const OBJEK_USUL: &str = "usul_inovasi_aksi";

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanUsul {
    /// Mengapa proyek ini layak direplikasi (opsional).
    #[schema(max_length = 2000)]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MasukanKeputusanUsul {
    pub diterima: bool,
    /// Wajib saat menolak.
    #[schema(max_length = 2000)]
    pub catatan: Option<String>,
}

/// Satu usul yang menunggu keputusan.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisUsul {
    pub aksi_id: String,
    pub judul: String,
    pub alumni: String,
    pub diusulkan_pada: String,
}

/// Proyek dan hak aktor tanpa mensyaratkan hak baca (operator inovasi
/// memutus usul tanpa membaca proyek lain): 404 bila tidak ada.
async fn muat_dengan_hak(l: &Layanan, k: &Konteks, id: &str) -> Hasil<(super::Aksi, HakAksi)> {
    let c = CakupanAksi::untuk(l, k).await?;
    let a = store::aksi_perubahan::aksi(l.pool(), id)
        .await?
        .ok_or_else(|| tidak_ditemukan(k))?;
    let kode = store::organisasi::instansi(l.pool(), &a.instansi_id)
        .await?
        .and_then(|i| i.kode_wilayah);
    let f = fakta(&a, kode.as_deref());
    let mut hak = c.hak(&f.pinjam());
    // Sudah pindah: usulnya ikut ke lanjutan; yang lama hanya dibaca.
    if store::aksi_perubahan::pindah_keluar(l.pool(), &a.instansi_id, &a.id)
        .await?
        .is_some()
    {
        hak = c.hak_pindah(&f.pinjam(), &[]);
    }
    Ok((a, hak))
}

/// Usul satu proyek, bila ada (bagi yang boleh membaca proyeknya atau memutus usulnya).
pub async fn lihat(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Option<UsulInovasi>> {
    let (a, hak) = muat_dengan_hak(l, k, id).await?;
    if !hak.baca && !hak.putuskan_inovasi {
        return Err(k.dilarang());
    }
    Ok(store::aksi_perubahan::usul_inovasi(l.pool(), &a.instansi_id, &a.id).await?)
}

/// Mengusulkan proyek ke repositori inovasi.
pub async fn usulkan(l: &Layanan, k: &Konteks, id: &str, m: MasukanUsul) -> Hasil<UsulInovasi> {
    let (a, hak) = muat_dengan_hak(l, k, id).await?;
    if !hak.baca {
        return Err(k.dilarang());
    }
    super::pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    if !hak.usul_inovasi {
        return Err(galat_hak(
            k,
            "Proyek diusulkan alumninya, mentornya atau BKD instansinya.",
            "A project is proposed by its alumnus, their mentor or their agency's BKD.",
        ));
    }
    let catatan = bersih(m.catatan);
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "catatan",
        catatan.as_deref(),
        2_000,
        JenisTeks::Bebas,
    );
    for (kolom, v) in [("masalah", &a.masalah), ("tujuan", &a.tujuan)] {
        if v.as_deref().is_none_or(|x| x.trim().is_empty()) {
            f.tambah(
                kolom,
                k.t(
                    "Isi dulu di proyek: repositori memerlukan masalah dan tujuan perubahan.",
                    "Fill this in on the project first: the repository needs the problem and objectives.",
                ),
            );
        }
    }
    let tonggak = store::aksi_perubahan::tonggak_proyek(l.pool(), &a.instansi_id, &a.id).await?;
    let aturan_t: Vec<aturan::Tonggak> = tonggak
        .iter()
        .filter_map(|t| super::ke_aturan(&super::ringkas_dari(t)))
        .collect();
    let alasan = aturan::belum_layak_inovasi(&aturan_t);
    if !alasan.is_empty() {
        let pesan: Vec<&str> = alasan.iter().map(|x| x.label(k.bahasa)).collect();
        f.tambah("tonggak", pesan.join(" "));
    }
    if !f.kosong() {
        let pesan = k.t(
            "Proyek belum dapat diusulkan ke repositori inovasi.",
            "The project cannot be proposed to the innovation repository yet.",
        );
        // Tonggak belum terbukti: kode sendiri (422 `belum_layak`) agar
        // integrator membedakannya dari isian yang salah.
        if !alasan.is_empty() {
            return Err(Galat::Status {
                kode: "belum_layak".into(),
                pesan: pesan.into(),
                fields: f.0,
            });
        }
        f.jadi_galat(pesan)?;
    }
    let lama = store::aksi_perubahan::usul_inovasi(l.pool(), &a.instansi_id, &a.id).await?;
    match lama.as_ref().map(|u| u.status.as_str()) {
        Some("diusulkan") => {
            return Err(Galat::Konflik(
                k.t(
                    "Proyek ini sudah diusulkan dan menunggu keputusan.",
                    "This project has already been proposed and awaits a decision.",
                )
                .into(),
            ));
        }
        Some("diterima") => {
            return Err(Galat::Konflik(
                k.t(
                    "Proyek ini sudah terbit di repositori inovasi.",
                    "This project is already published in the innovation repository.",
                )
                .into(),
            ));
        }
        _ => {}
    }
    let aktor = k.aktor()?;
    let u = UsulInovasi {
        instansi_id: a.instansi_id.clone(),
        aksi_id: a.id.clone(),
        status: "diusulkan".into(),
        diusulkan_oleh: aktor.pengguna_id.clone(),
        diusulkan_pada: store::sekarang(),
        catatan_usul: catatan,
        diputuskan_oleh: None,
        diputuskan_pada: None,
        catatan_keputusan: None,
        inovasi_id: None,
        versi: lama.as_ref().map(|x| x.versi + 1).unwrap_or(1),
    };
    let mut tx = l.db.mulai().await?;
    let versi_lama = lama.as_ref().map(|x| x.versi).unwrap_or(0);
    if !store::aksi_perubahan::simpan_usul(&mut tx, &u, versi_lama).await? {
        return Err(Galat::Konflik(
            k.t(
                "Usul ini baru saja berubah; muat ulang lalu ulangi.",
                "This proposal just changed; reload and try again.",
            )
            .into(),
        ));
    }
    store::aksi_perubahan::tandai_usul(&mut tx, &a.instansi_id, &a.id, 1).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "usulkan",
        OBJEK_USUL,
        &a.id,
        lama.as_ref(),
        Some(&u),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    let pemutus = store::aksi_perubahan::pemutus_usul(l.pool(), &a.instansi_id).await?;
    crate::notifikasi::kirim_banyak(
        l,
        pemutus
            .into_iter()
            .filter(|p| *p != aktor.pengguna_id)
            .map(|p| NotifikasiBaru {
                instansi_id: a.instansi_id.clone(),
                pengguna_id: p,
                judul: format!("Usul inovasi: {}", a.judul),
                isi: "Proyek perubahan ini diusulkan ke repositori inovasi; terima atau tolak di halaman usul inovasi.".into(),
                tautan: Some("/aksi-perubahan/usul-inovasi".into()),
            })
            .collect(),
    )
    .await?;
    Ok(u)
}

/// Usul yang menunggu keputusan di instansi `iid` (admin, operator inovasi).
pub async fn menunggu(l: &Layanan, k: &Konteks, iid: &str) -> Hasil<Vec<BarisUsul>> {
    kebijakan::wajib(k, AksiKebijakan::Kelola, Sumber::Inovasi(iid))?;
    Ok(store::aksi_perubahan::usul_menunggu(l.pool(), iid)
        .await?
        .into_iter()
        .map(|(aksi_id, judul, alumni, diusulkan_pada)| BarisUsul {
            aksi_id,
            judul,
            alumni,
            diusulkan_pada,
        })
        .collect())
}

/// Isi repositori dari proyek: masalah, tujuan sebagai solusi, tonggak yang
/// selesai sebagai hasil, semua tonggak sebagai tahapan.
async fn bahan_inovasi(
    l: &Layanan,
    a: &super::Aksi,
    tonggak: &[store::aksi_perubahan::Tonggak],
    w: &str,
) -> Hasil<store::inovasi::Inovasi> {
    let inst = store::organisasi::instansi(l.pool(), &a.instansi_id).await?;
    let angkatan = store::aksi_perubahan::angkatan(l.pool(), &a.angkatan_id).await?;
    let baris = |t: &store::aksi_perubahan::Tonggak| {
        let tahap = Tahap::dari_token(&t.tahap)
            .map(|x| x.label(rules::Bahasa::Id))
            .unwrap_or("");
        match &t.selesai_pada {
            Some(s) => format!("- {} ({tahap}, selesai {s})", t.uraian),
            None => format!("- {} ({tahap}, jatuh tempo {})", t.uraian, t.jatuh_tempo),
        }
    };
    let hasil: Vec<String> = tonggak
        .iter()
        .filter(|t| t.selesai_pada.is_some())
        .map(|t| {
            let k = t
                .keluaran
                .as_deref()
                .or(t.indikator.as_deref())
                .unwrap_or("");
            if k.is_empty() {
                baris(t)
            } else {
                format!("{}: {k}", baris(t))
            }
        })
        .collect();
    let tahapan: Vec<String> = tonggak
        .iter()
        .filter(|t| t.dibatalkan_alasan.is_none())
        .map(baris)
        .collect();
    let mulai = tonggak.iter().filter_map(|t| t.selesai_pada.clone()).min();
    let sumber = match &angkatan {
        Some(x) => format!(
            "Aksi perubahan {} — {} ({})",
            super::label_pelatihan(&x.jenis),
            x.nama,
            x.penyelenggara
        ),
        None => "Aksi perubahan".to_string(),
    };
    let bahan = crate::inovasi::BahanInovasi {
        id: store::id_baru(),
        judul: a.judul.clone(),
        masalah: a.masalah.clone(),
        solusi: a.tujuan.clone(),
        hasil: (!hasil.is_empty()).then(|| hasil.join("\n")),
        tahapan: (!tahapan.is_empty()).then(|| tahapan.join("\n")),
        prasyarat_replikasi: a
            .pemangku_kepentingan
            .clone()
            .map(|p| format!("Pemangku kepentingan: {p}")),
        produk: None,
        nama_instansi: inst.as_ref().map(|i| i.nama.clone()).unwrap_or_default(),
        unit_pemilik: None,
        instansi_id: Some(a.instansi_id.clone()),
        kode_wilayah: inst.and_then(|i| i.kode_wilayah),
        urusan: crate::inovasi::urusan::tebak(None, &a.judul, a.tujuan.as_deref())
            .map(str::to_string),
        jenis: None,
        tahun: w.get(..4).and_then(|x| x.parse().ok()),
        tanggal_implementasi: mulai,
        video_url: None,
        sumber,
    };
    Ok(crate::inovasi::bentuk_inovasi(bahan, w))
}

/// Admin instansi alumni atau operator inovasinya menerima (inovasi terbit)
/// atau menolak (dengan catatan) usul yang menunggu.
pub async fn putuskan(
    l: &Layanan,
    k: &Konteks,
    id: &str,
    m: MasukanKeputusanUsul,
) -> Hasil<UsulInovasi> {
    let (a, hak) = muat_dengan_hak(l, k, id).await?;
    if hak.baca {
        super::pindah::tolak_bila_pindah(l, k, &a, &hak).await?;
    }
    if !hak.putuskan_inovasi {
        if !hak.baca {
            return Err(k.dilarang());
        }
        return Err(galat_hak(
            k,
            "Usul diputus admin instansi alumni atau operator inovasinya.",
            "A proposal is decided by the alumnus's agency admin or its innovation officer.",
        ));
    }
    let catatan = bersih(m.catatan);
    let mut f = GalatKolom::default();
    validasi::periksa_opsional(
        &mut f,
        k.bahasa,
        "catatan",
        catatan.as_deref(),
        2_000,
        JenisTeks::Bebas,
    );
    if !m.diterima && catatan.is_none() {
        f.tambah(
            "catatan",
            k.t(
                "Tuliskan alasan penolakan agar pengusul dapat memperbaikinya.",
                "Say why it is rejected so that the proposer can improve it.",
            ),
        );
    }
    f.jadi_galat(k.t("Keputusan belum benar.", "The decision is not valid."))?;
    let lama = store::aksi_perubahan::usul_inovasi(l.pool(), &a.instansi_id, &a.id)
        .await?
        .filter(|u| u.status == "diusulkan")
        .ok_or_else(|| Galat::Status {
            kode: "usul_tidak_menunggu".into(),
            pesan: k
                .t(
                    "Tidak ada usul yang menunggu keputusan untuk proyek ini.",
                    "There is no proposal awaiting a decision for this project.",
                )
                .into(),
            fields: Default::default(),
        })?;
    let w = store::sekarang();
    let inovasi = if m.diterima {
        let tonggak =
            store::aksi_perubahan::tonggak_proyek(l.pool(), &a.instansi_id, &a.id).await?;
        Some(bahan_inovasi(l, &a, &tonggak, &w).await?)
    } else {
        None
    };
    let mut u = lama.clone();
    u.status = if m.diterima { "diterima" } else { "ditolak" }.into();
    u.diputuskan_oleh = Some(k.aktor()?.pengguna_id.clone());
    u.diputuskan_pada = Some(w.clone());
    u.catatan_keputusan = catatan;
    u.inovasi_id = inovasi.as_ref().map(|i| i.id.clone());
    u.versi = lama.versi + 1;
    let mut tx = l.db.mulai().await?;
    if !store::aksi_perubahan::simpan_usul(&mut tx, &u, lama.versi).await? {
        return Err(Galat::Konflik(
            k.t(
                "Usul ini sudah diputus orang lain.",
                "Someone else has already decided this proposal.",
            )
            .into(),
        ));
    }
    if let Some(i) = &inovasi {
        crate::inovasi::sisipkan_tx(&mut tx, std::slice::from_ref(i)).await?;
        crate::audit::catat(
            &mut tx,
            k,
            &a.instansi_id,
            "terbitkan",
            "inovasi",
            &i.id,
            None,
            Some(i),
        )
        .await?;
    } else {
        store::aksi_perubahan::tandai_usul(&mut tx, &a.instansi_id, &a.id, 0).await?;
    }
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        if m.diterima { "terima" } else { "tolak" },
        OBJEK_USUL,
        &a.id,
        Some(&lama),
        Some(&u),
    )
    .await?;
    tx.commit().await?;
    if inovasi.is_some() {
        l.kamus_inovasi.usang();
    }
    ada_perubahan();
    let judul = if m.diterima {
        format!("Terbit di repositori inovasi: {}", a.judul)
    } else {
        format!("Usul inovasi ditolak: {}", a.judul)
    };
    // Pengusul di instansi lama (proyek sudah pindah) tidak diberi tahu di sini.
    let pengusul_ada = store::akun::pengguna(l.pool(), &a.instansi_id, &lama.diusulkan_oleh)
        .await?
        .is_some();
    crate::notifikasi::kirim_banyak(
        l,
        pengusul_ada
            .then_some(NotifikasiBaru {
                instansi_id: a.instansi_id.clone(),
                pengguna_id: lama.diusulkan_oleh.clone(),
                judul,
                isi: u.catatan_keputusan.clone().unwrap_or_default(),
                tautan: Some(match &u.inovasi_id {
                    Some(i) => format!("/inovasi/{i}"),
                    None => format!("/aksi-perubahan/{}", a.id),
                }),
            })
            .into_iter()
            .collect(),
    )
    .await?;
    Ok(u)
}
