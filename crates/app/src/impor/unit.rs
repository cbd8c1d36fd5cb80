//! Impor dan ekspor unit kerja.
//!
//! Baris dibaca berurutan: `induk` harus unit yang sudah ada atau yang
//! disebut di baris sebelumnya (ekspor menulis pohon kedalaman-dulu, induk
//! lebih dulu). Unit lama dikenali dari kolom `id`, atau dari nama yang sama
//! di bawah induk yang sama. Aturan isian sama dengan formulir unit (nama
//! wajib ≤ 200, jenis dari daftar, tanggal TTTT-BB-HH, tidak berinduk pada
//! dirinya atau turunannya).

use super::baca;
use super::jalur::{Cari, PohonUnit, kunci};
use super::pegawai::{
    DaftarGalat, catat_ekspor, catat_impor, galat_tulis, pesan_unit, tulis_berkas,
};
use super::{Format, Jenis, Kolom, LaporanImpor, baca_berkas, pastikan_instansi, pilih};
use crate::organisasi::{hari_ini, referensi, tanggal_sah};
use crate::{Hasil, Konteks, Layanan};
use std::collections::HashMap;
use store::organisasi::UnitKerja;

/// Kolom berkas unit, dalam urutan templat dan ekspor.
pub const KOLOM_UNIT: &[Kolom] = &[
    Kolom {
        nama: "id",
        wajib: false,
        id: "Id unit (diisi oleh ekspor). Kosong untuk unit baru; bila diisi, unit itu yang diperbarui (nama dan induknya boleh diubah).",
        en: "Unit id (filled in by the export). Empty for a new unit; when given, that unit is updated (its name and parent may change).",
        pilihan: &[],
    },
    Kolom {
        nama: "nama",
        wajib: true,
        id: "Nama unit (maksimal 200 karakter).",
        en: "Unit name (at most 200 characters).",
        pilihan: &[],
    },
    Kolom {
        nama: "singkatan",
        wajib: false,
        id: "Singkatan, mis. Dinkes.",
        en: "Abbreviation, e.g. Dinkes.",
        pilihan: &[],
    },
    Kolom {
        nama: "jenis",
        wajib: true,
        id: "Jenis unit dari daftar.",
        en: "Unit type from the list.",
        pilihan: referensi::JENIS_UNIT,
    },
    Kolom {
        nama: "induk",
        wajib: false,
        id: "Unit induk: nama (jalur dengan “>” bila kembar, mis. Dinas Kesehatan > Sekretariat) atau id; harus sudah ada atau disebut di baris sebelumnya. Kosong untuk akar.",
        en: "Parent unit: name (a path with “>” when names repeat, e.g. Dinas Kesehatan > Sekretariat) or id; it must exist or appear on an earlier row. Empty for a root.",
        pilihan: &[],
    },
    Kolom {
        nama: "urutan",
        wajib: false,
        id: "Urutan tampil (bilangan bulat; 3,0 diterima).",
        en: "Display order (whole number; 3,0 is accepted).",
        pilihan: &[],
    },
    Kolom {
        nama: "berlaku_mulai",
        wajib: false,
        id: "Tanggal mulai berlaku, TTTT-BB-HH atau HH/BB/TTTT (kosong = hari ini untuk unit baru).",
        en: "Valid from, YYYY-MM-DD or DD/MM/YYYY (empty = today for a new unit).",
        pilihan: &[],
    },
    Kolom {
        nama: "berlaku_sampai",
        wajib: false,
        id: "Tanggal berakhir (restrukturisasi); kosong bila masih berlaku.",
        en: "Valid until (restructuring); empty while in force.",
        pilihan: &[],
    },
];

struct Rencana {
    lama: Option<usize>,
    baru: UnitKerja,
}

fn berubah(a: &UnitKerja, b: &UnitKerja) -> bool {
    a.induk_id != b.induk_id
        || a.nama != b.nama
        || a.singkatan != b.singkatan
        || a.jenis != b.jenis
        || a.urutan != b.urutan
        || a.berlaku_mulai != b.berlaku_mulai
        || a.berlaku_sampai != b.berlaku_sampai
}

/// Mengimpor unit kerja dari CSV atau XLSX; semua atau tidak sama sekali.
pub async fn impor_unit(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    k.boleh_kelola(instansi_id)?;
    pastikan_instansi(l, k, instansi_id).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Unit, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Unit, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    let ada = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let per_id: HashMap<&str, usize> = ada
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut pohon = PohonUnit::dari(&ada);
    let mut g = DaftarGalat::default();
    let mut rencana: Vec<Rencana> = Vec::new();
    let mut dipakai: HashMap<String, usize> = HashMap::new();
    let waktu = store::sekarang();
    let hari = hari_ini();

    for b in &tabel.baris {
        let n = b.nomor;
        let teks = |kolom: &str| tabel.sel(b, kolom).teks();
        let nama = teks("nama").unwrap_or_default();
        if nama.is_empty() || nama.chars().count() > 200 {
            g.tambah(
                n,
                "nama",
                k.t(
                    "Nama unit wajib (maksimal 200 karakter).",
                    "A unit name is required (at most 200 characters).",
                ),
            );
        }
        let induk: Option<String> = match teks("induk") {
            None => None,
            Some(t) => match pohon.cari(&t) {
                Cari::Satu(id) => Some(id),
                c => {
                    g.tambah(n, "induk", pesan_unit(k, &t, &c).unwrap_or_default());
                    None
                }
            },
        };
        let induk_ada = tabel.ada("induk") && teks("induk").is_some();
        // Rekaman lama: kolom id, atau nama yang sama di bawah induk yang sama.
        let lama: Option<usize> = match teks("id") {
            Some(id) => match per_id.get(id.as_str()) {
                Some(&i) => Some(i),
                None => {
                    g.tambah(
                        n,
                        "id",
                        pilih(
                            k,
                            format!("Unit dengan id {id} tidak ada di instansi ini. Kosongkan id untuk membuat unit baru."),
                            format!("No unit with id {id} exists in this agency. Leave the id empty to create a new unit."),
                        ),
                    );
                    None
                }
            },
            None if !nama.is_empty() && (!induk_ada || induk.is_some()) => {
                let calon: Vec<usize> = pohon
                    .anak_bernama(induk.as_deref(), &nama)
                    .iter()
                    .filter_map(|id| per_id.get(id.as_str()).copied())
                    .collect();
                match calon.as_slice() {
                    [] => None,
                    [i] => Some(*i),
                    v => {
                        let berlaku: Vec<usize> = v
                            .iter()
                            .copied()
                            .filter(|i| pohon.berlaku(&ada[*i].id))
                            .collect();
                        if berlaku.len() == 1 {
                            Some(berlaku[0])
                        } else {
                            g.tambah(
                                n,
                                "nama",
                                k.t(
                                    "Ada beberapa unit bernama sama di bawah induk ini; isi kolom id untuk menunjuk salah satunya.",
                                    "Several units share this name under this parent; fill in the id column to pick one.",
                                ),
                            );
                            None
                        }
                    }
                }
            }
            None => None,
        };
        let lu = lama.map(|i| &ada[i]);
        let id = lu.map(|u| u.id.clone()).unwrap_or_else(store::id_baru);
        if lama.is_some() || teks("id").is_none() {
            let kunci_baris = match lu {
                Some(u) => u.id.clone(),
                None => format!("{}\u{0}{}", induk.clone().unwrap_or_default(), kunci(&nama)),
            };
            if let Some(sebelum) = dipakai.insert(kunci_baris, n) {
                g.tambah(
                    n,
                    "nama",
                    pilih(
                        k,
                        format!("Unit ini sudah disebut di baris {sebelum}; satu unit satu baris."),
                        format!("This unit already appears on row {sebelum}; one row per unit."),
                    ),
                );
            }
        }
        let jenis = if tabel.ada("jenis") {
            teks("jenis").map(|s| kode_jenis(&s)).unwrap_or_default()
        } else {
            lu.map(|u| u.jenis.clone()).unwrap_or_default()
        };
        if !referensi::JENIS_UNIT.contains(&jenis.as_str()) {
            g.tambah(
                n,
                "jenis",
                pilih(
                    k,
                    format!(
                        "Jenis unit tidak dikenal. Pilih salah satu: {}.",
                        referensi::JENIS_UNIT.join(", ")
                    ),
                    format!(
                        "Unknown unit type. Choose one of: {}.",
                        referensi::JENIS_UNIT.join(", ")
                    ),
                ),
            );
        }
        let urutan = match baca::bilangan_bulat(tabel.sel(b, "urutan"), tabel.desimal_koma) {
            Ok(Some(x)) => x,
            Ok(None) => {
                if tabel.ada("urutan") {
                    0
                } else {
                    lu.map(|u| u.urutan).unwrap_or(0)
                }
            }
            Err(()) => {
                g.tambah(
                    n,
                    "urutan",
                    k.t(
                        "Urutan harus bilangan bulat, mis. 3.",
                        "The order must be a whole number, e.g. 3.",
                    ),
                );
                0
            }
        };
        let mut tgl = |kolom: &str| -> Option<String> {
            let t = baca::tanggal(tabel.sel(b, kolom))?;
            if tanggal_sah(&t) {
                Some(t)
            } else {
                g.tambah(
                    n,
                    kolom,
                    k.t(
                        "Tanggal harus berformat TTTT-BB-HH (atau HH/BB/TTTT).",
                        "Dates must be YYYY-MM-DD (or DD/MM/YYYY).",
                    ),
                );
                None
            }
        };
        let mulai = tgl("berlaku_mulai");
        let sampai = tgl("berlaku_sampai");
        let berlaku_mulai = match (mulai, lu) {
            (Some(t), _) => t,
            (None, Some(u)) => u.berlaku_mulai.clone(),
            (None, None) => hari.clone(),
        };
        let berlaku_sampai = if tabel.ada("berlaku_sampai") {
            sampai
        } else {
            lu.and_then(|u| u.berlaku_sampai.clone())
        };
        let induk = if tabel.ada("induk") {
            induk
        } else {
            lu.and_then(|u| u.induk_id.clone())
        };
        if let (Some(i), Some(_)) = (&induk, lu)
            && pohon.di_bawah(i, &id)
        {
            g.tambah(
                n,
                "induk",
                k.t(
                    "Unit tidak boleh berinduk pada dirinya atau turunannya.",
                    "A unit cannot sit under itself or its descendants.",
                ),
            );
        }
        let singkatan = if tabel.ada("singkatan") {
            teks("singkatan")
        } else {
            lu.and_then(|u| u.singkatan.clone())
        };
        let u = UnitKerja {
            instansi_id: instansi_id.to_string(),
            id: id.clone(),
            induk_id: induk.clone(),
            nama: nama.clone(),
            singkatan,
            jenis,
            urutan,
            berlaku_mulai,
            berlaku_sampai,
            versi: lu.map(|u| u.versi).unwrap_or(1),
            dibuat_pada: lu
                .map(|u| u.dibuat_pada.clone())
                .unwrap_or_else(|| waktu.clone()),
            diubah_pada: waktu.clone(),
        };
        // Baris berikutnya boleh menyebut unit ini sebagai induk.
        if !nama.is_empty() && !pohon.di_bawah(induk.as_deref().unwrap_or(""), &id) {
            pohon.pasang(
                &id,
                induk,
                &nama,
                &u.berlaku_mulai,
                u.berlaku_sampai.as_deref(),
            );
        }
        rencana.push(Rencana { lama, baru: u });
    }

    if !g.isi.is_empty() {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_UNIT);
        return Ok(lap);
    }

    let mut tx = l.db.mulai().await?;
    for r in &mut rencana {
        match r.lama {
            None => {
                store::organisasi::sisipkan_unit(&mut tx, &r.baru)
                    .await
                    .map_err(|e| galat_tulis(k, e))?;
                crate::audit::catat(
                    &mut tx,
                    k,
                    instansi_id,
                    "buat",
                    "unit_kerja",
                    &r.baru.id,
                    None,
                    Some(&r.baru),
                )
                .await?;
                lap.dibuat += 1;
            }
            Some(i) => {
                let lama = &ada[i];
                if !berubah(lama, &r.baru) {
                    lap.tidak_berubah += 1;
                    continue;
                }
                if !store::organisasi::ubah_unit(&mut tx, &r.baru)
                    .await
                    .map_err(|e| galat_tulis(k, e))?
                {
                    return Err(crate::Galat::Konflik(
                        k.t("Unit kerja diubah orang lain saat impor berjalan. Tidak ada yang disimpan; unggah lagi.", "A unit was changed by someone else during the import. Nothing was saved; upload again.").into(),
                    ));
                }
                r.baru.versi += 1;
                crate::audit::catat(
                    &mut tx,
                    k,
                    instansi_id,
                    "ubah",
                    "unit_kerja",
                    &r.baru.id,
                    Some(lama),
                    Some(&r.baru),
                )
                .await?;
                lap.diperbarui += 1;
            }
        }
    }
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    lap.diterima = true;
    Ok(lap)
}

fn kode_jenis(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Ekspor semua unit (termasuk yang sudah tidak berlaku), kedalaman-dulu.
pub async fn ekspor_unit(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    format: Format,
) -> Hasil<Vec<u8>> {
    k.boleh_baca(instansi_id)?;
    pastikan_instansi(l, k, instansi_id).await?;
    let semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let pohon = PohonUnit::dari(&semua);
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let baris: Vec<Vec<String>> = crate::organisasi::unit::ratakan(semua.clone(), &HashMap::new())
        .into_iter()
        .map(|s| {
            let u = s.unit;
            vec![
                u.id.clone(),
                u.nama.clone(),
                o(&u.singkatan),
                u.jenis.clone(),
                u.induk_id
                    .as_deref()
                    .map(|i| pohon.tampil(i))
                    .unwrap_or_default(),
                u.urutan.to_string(),
                u.berlaku_mulai.clone(),
                o(&u.berlaku_sampai),
            ]
        })
        .collect();
    catat_ekspor(l, k, instansi_id, Jenis::Unit, format, baris.len()).await?;
    tulis_berkas(k, Jenis::Unit, format, baris).await
}
