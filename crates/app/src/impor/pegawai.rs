//! Impor dan ekspor pegawai.
//!
//! Dua tahap: semua baris diperiksa dulu terhadap peta yang dimuat sekali
//! (pegawai per NIP, unit, jabatan; pemilik NIP nasional per 500 NIP), tanpa
//! kueri per baris; atasan diselesaikan di tahap kedua sehingga boleh
//! menunjuk pegawai yang baru didefinisikan di baris sesudahnya. Bila tidak
//! ada galat, semuanya ditulis dalam satu transaksi: atasan lebih dulu dari
//! bawahannya (kunci asing). Pegawai baru ditulis per 200 dengan INSERT
//! berbaris banyak (pegawai, NIP nasional, riwayat pertama, audit `buat`:
//! isinya sama dengan `simpan_baru` formulir); perubahan lewat `simpan_ubah`
//! yang sama dengan formulir (riwayat penempatan, penonaktifan akun, audit).
//!
//! Jabatan yang belum ada di unit itu dibuat sebagai jabatan pelaksana dan
//! disebut di laporan (keputusan: impor awal dari data BKD biasanya membawa
//! nama jabatan yang belum ada di aplikasi; menolaknya memaksa admin mengetik
//! ratusan jabatan lebih dulu).

use super::baca::{self, Sel};
use super::jalur::{Cari, PohonUnit, kunci};
use super::{
    CatatanBaris, Format, Jenis, Kolom, LaporanImpor, baca_berkas, pastikan_instansi, pilih, tulis,
};
use crate::galat::GalatKolom;
use crate::organisasi::pegawai::{MasukanPegawai, simpan_ubah, susun_isian};
use crate::organisasi::{hari_ini, referensi};
use crate::{Galat, Hasil, Konteks, Layanan};
use std::collections::{HashMap, HashSet};
use store::organisasi::{Jabatan, Pegawai};

const GOLONGAN: &[&str] = &[
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
];

/// Kolom berkas pegawai, dalam urutan templat dan ekspor.
pub const KOLOM_PEGAWAI: &[Kolom] = &[
    Kolom {
        nama: "nip",
        wajib: true,
        id: "NIP 18 digit sebagai TEKS (bukan angka); kosong hanya untuk pejabat negara. Kunci pencocokan: NIP yang sudah terdaftar di instansi ini diperbarui, bukan digandakan.",
        en: "18-digit NIP as TEXT (not a number); empty only for state officials. Matching key: a NIP already registered in this agency is updated, not duplicated.",
        pilihan: &[],
    },
    Kolom {
        nama: "nama",
        wajib: true,
        id: "Nama tanpa gelar (maksimal 200 karakter).",
        en: "Name without titles (at most 200 characters).",
        pilihan: &[],
    },
    Kolom {
        nama: "gelar_depan",
        wajib: false,
        id: "Gelar di depan nama, mis. dr. atau Drs.",
        en: "Title before the name, e.g. dr. or Drs.",
        pilihan: &[],
    },
    Kolom {
        nama: "gelar_belakang",
        wajib: false,
        id: "Gelar di belakang nama, mis. S.Kom., M.Si.",
        en: "Title after the name, e.g. S.Kom., M.Si.",
        pilihan: &[],
    },
    Kolom {
        nama: "jenis_asn",
        wajib: true,
        id: "pns, pppk atau pejabat_negara. NIP PPPK memuat 21 di posisi bulan TMT.",
        en: "pns, pppk or pejabat_negara (state official). A PPPK NIP has 21 where the TMT month is.",
        pilihan: referensi::JENIS_ASN,
    },
    Kolom {
        nama: "golongan",
        wajib: false,
        id: "PNS: I/a–IV/e; PPPK: I–XVII.",
        en: "PNS: I/a–IV/e; PPPK: I–XVII.",
        pilihan: GOLONGAN,
    },
    Kolom {
        nama: "unit",
        wajib: true,
        id: "Nama unit kerja seperti di pohon unit. Bila namanya kembar, tulis jalurnya dengan “>”, mis. Dinas Kesehatan > Sekretariat (atau id unit).",
        en: "Unit name as in the unit tree. When names repeat, write the path with “>”, e.g. Dinas Kesehatan > Sekretariat (or the unit id).",
        pilihan: &[],
    },
    Kolom {
        nama: "jabatan",
        wajib: false,
        id: "Nama jabatan di unit itu. Bila belum ada, dibuat sebagai jabatan pelaksana dan disebut di laporan.",
        en: "Position name within that unit. If it does not exist yet, it is created as a pelaksana position and listed in the report.",
        pilihan: &[],
    },
    Kolom {
        nama: "nip_atasan",
        wajib: false,
        id: "NIP atasan langsung (teks). Boleh pegawai di baris lain berkas ini, di atas atau di bawah. Pejabat tanpa NIP: id pegawainya. Kosong untuk puncak rantai.",
        en: "Direct supervisor's NIP (text). May be an employee on another row of this file, above or below. Officials without a NIP: their employee id. Empty for the top of the chain.",
        pilihan: &[],
    },
    Kolom {
        nama: "status",
        wajib: false,
        id: "aktif, cuti, pensiun, pindah, berhenti atau diberhentikan_sementara (kosong = aktif). Pensiun, pindah dan berhenti menonaktifkan akunnya; diberhentikan sementara (PP 11/2017) tanpa SKP, akunnya tetap.",
        en: "aktif, cuti, pensiun, pindah, berhenti or diberhentikan_sementara (empty = aktif). Retired, moved and stopped disable the account; suspended (PP 11/2017) gets no SKP but keeps the account.",
        pilihan: referensi::STATUS_PEGAWAI,
    },
    Kolom {
        nama: "email",
        wajib: false,
        id: "Alamat surel.",
        en: "E-mail address.",
        pilihan: &[],
    },
    Kolom {
        nama: "telepon",
        wajib: false,
        id: "Nomor telepon sebagai teks (angka 0 di depan dipertahankan).",
        en: "Phone number as text (keeps the leading 0).",
        pilihan: &[],
    },
];

enum Atasan {
    /// Kolom tidak ada di berkas: atasan lama dipertahankan.
    Tetap,
    Kosong,
    Teks(String),
}

struct Rencana {
    nomor: usize,
    lama: Option<usize>,
    baru: Pegawai,
    atasan: Atasan,
}

/// Bentuk kode: huruf kecil, spasi dan tanda hubung menjadi `_` ("Pejabat Negara" → "pejabat_negara").
fn kode(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn golongan_baku(s: &str) -> String {
    let t = s.trim();
    GOLONGAN
        .iter()
        .find(|g| g.eq_ignore_ascii_case(t))
        .map(|g| g.to_string())
        .unwrap_or_else(|| t.to_string())
}

/// Ada yang berubah (selain versi, waktu dan teks pencarian)?
fn berubah(a: &Pegawai, b: &Pegawai) -> bool {
    a.nip != b.nip
        || a.nama != b.nama
        || a.gelar_depan != b.gelar_depan
        || a.gelar_belakang != b.gelar_belakang
        || a.jenis_asn != b.jenis_asn
        || a.tanggal_lahir != b.tanggal_lahir
        || a.jenis_kelamin != b.jenis_kelamin
        || a.golongan != b.golongan
        || a.unit_id != b.unit_id
        || a.jabatan_id != b.jabatan_id
        || a.atasan_id != b.atasan_id
        || a.status != b.status
        || a.email != b.email
        || a.telepon != b.telepon
}

/// Kumpulan galat dengan paling banyak satu galat per (baris, kolom). Hanya
/// galat yang akan tampil di laporan yang disimpan (urutan baris, jadi
/// dipilih yang barisnya terkecil); sisanya dihitung saja, agar berkas
/// sejuta baris galat tidak menjadi laporan setengah gigabita.
#[derive(Default)]
pub(super) struct DaftarGalat {
    pub isi: Vec<CatatanBaris>,
    pub jumlah: usize,
    sudah: HashSet<u64>,
}

impl DaftarGalat {
    pub fn tambah(&mut self, baris: usize, kolom: &str, pesan: impl Into<String>) {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let kunci = BuildHasherDefault::<DefaultHasher>::default().hash_one((baris, kolom));
        if !self.sudah.insert(kunci) {
            return;
        }
        self.jumlah += 1;
        let c = CatatanBaris::baru(baris, kolom, pesan);
        if self.isi.len() < super::BATAS_GALAT_LAPORAN {
            self.isi.push(c);
        } else if let Some(maks) = self
            .isi
            .iter()
            .map(|x| x.baris)
            .max()
            .filter(|m| baris < *m)
        {
            // Galat baris yang lebih awal menggantikan satu dari baris terakhir.
            if let Some(i) = self.isi.iter().position(|x| x.baris == maks) {
                self.isi[i] = c;
            }
        }
    }
    pub fn dari_kolom(&mut self, baris: usize, f: GalatKolom) {
        for (kolom, pesan) in f.0 {
            self.tambah(baris, &kolom, pesan);
        }
    }
}

pub(super) fn pesan_unit(k: &Konteks, teks: &str, c: &Cari) -> Option<String> {
    match c {
        Cari::Satu(_) => None,
        Cari::TidakAda => Some(pilih(
            k,
            format!(
                "Unit kerja “{teks}” tidak ditemukan di instansi ini. Tulis namanya seperti di pohon unit (jalur dengan “>” bila kembar) atau id unitnya."
            ),
            format!(
                "Unit “{teks}” was not found in this agency. Write its name as in the unit tree (a path with “>” when names repeat) or its unit id."
            ),
        )),
        Cari::Ganda(n) => Some(pilih(
            k,
            format!(
                "Ada {n} unit yang cocok dengan “{teks}”. Tulis jalurnya, mis. “Nama Induk > {teks}”, atau id unitnya."
            ),
            format!(
                "{n} units match “{teks}”. Write its path, e.g. “Parent name > {teks}”, or its unit id."
            ),
        )),
    }
}

/// Mengimpor pegawai dari CSV atau XLSX. Galat masukan tidak menjadi `Err`:
/// laporannya `diterima == false` dan tidak ada yang ditulis. `Err` hanya
/// untuk hak akses, instansi yang tidak ada, dan galat basis data (termasuk
/// konflik dengan perubahan orang lain saat impor berjalan — tetap tanpa
/// tulisan sebagian).
pub async fn impor_pegawai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    k.boleh_kelola(instansi_id)?;
    pastikan_instansi(l, k, instansi_id).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Pegawai, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Pegawai, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    impor_tabel(l, k, instansi_id, tabel, lap, Tambahan::default()).await
}

/// Masukan impor dari bentuk berkas lain (`siasn`): galat baris yang sudah
/// ditemukan saat menerjemahkan kolomnya (digabung dengan galat di sini,
/// semua atau tidak sama sekali), dan jenis jabatan untuk jabatan yang baru
/// dibuat per nomor baris (bawaan: pelaksana).
#[derive(Default)]
pub(super) struct Tambahan {
    pub galat: DaftarGalat,
    pub jenis_jabatan: HashMap<usize, &'static str>,
}

/// Memeriksa dan menulis tabel berkolom [`KOLOM_PEGAWAI`] (sudah dibaca).
/// Pemanggil sudah memeriksa hak, instansi, dan memegang giliran impor.
pub(super) async fn impor_tabel(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    mut tabel: baca::Tabel,
    mut lap: LaporanImpor,
    tambahan: Tambahan,
) -> Hasil<LaporanImpor> {
    let Tambahan {
        galat: mut g,
        jenis_jabatan,
    } = tambahan;
    let pool = l.pool();
    let unit = store::organisasi::semua_unit(pool, instansi_id).await?;
    let jabatan = store::organisasi::semua_jabatan(pool, instansi_id).await?;
    let ada = store::organisasi::semua_pegawai(pool, instansi_id).await?;

    let pohon = PohonUnit::dari(&unit);
    let mut tembolok_unit: HashMap<String, Cari> = HashMap::new();
    let jabatan_id: HashSet<&str> = jabatan.iter().map(|j| j.id.as_str()).collect();
    let mut jabatan_nama: HashMap<(String, String), String> = HashMap::new();
    for j in &jabatan {
        jabatan_nama
            .entry((j.unit_id.clone(), kunci(&j.nama)))
            .or_insert_with(|| j.id.clone());
    }
    let per_nip: HashMap<&str, usize> = ada
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.nip.as_deref().map(|n| (n, i)))
        .collect();
    let per_id: HashMap<&str, usize> = ada
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut pejabat: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, p) in ada.iter().enumerate() {
        if p.nip.is_none() {
            pejabat
                .entry((p.unit_id.clone(), kunci(&p.nama)))
                .or_default()
                .push(i);
        }
    }

    let mut jabatan_baru: Vec<Jabatan> = Vec::new();
    let mut jabatan_baru_kunci: HashMap<(String, String), usize> = HashMap::new();
    let mut rencana: Vec<Rencana> = Vec::with_capacity(tabel.baris.len());
    let mut nip_berkas: HashMap<String, usize> = HashMap::new();
    let mut pejabat_berkas: HashMap<(String, String), usize> = HashMap::new();
    let waktu = store::sekarang();

    // Tahap 1: setiap baris sendiri-sendiri.
    // Baris berkas dilepas satu per satu begitu menjadi rencana: puncak
    // memori satu salinan data, bukan dua (docs/tolok-ukur.md).
    let baris_berkas = std::mem::take(&mut tabel.baris);
    for b in baris_berkas {
        let b = &b;
        let mut f = GalatKolom::default();
        let teks = |kolom: &str| tabel.sel(b, kolom).teks();
        let nip = match baca::nip(k, "nip", tabel.sel(b, "nip")) {
            Ok(n) => n,
            Err(p) => {
                f.tambah("nip", p);
                None
            }
        };
        let nip_kunci = nip.as_ref().map(|n| n.replace(' ', ""));
        let nama = teks("nama").unwrap_or_default();
        let jenis_asn = teks("jenis_asn").map(|s| kode(&s)).unwrap_or_default();
        let unit_id = match teks("unit") {
            None => {
                f.tambah(
                    "unit",
                    k.t("Unit kerja wajib diisi.", "A unit is required."),
                );
                None
            }
            Some(t) => {
                let c = tembolok_unit
                    .entry(t.clone())
                    .or_insert_with(|| pohon.cari(&t));
                match pesan_unit(k, &t, c) {
                    Some(p) => {
                        f.tambah("unit", p);
                        None
                    }
                    None => match c {
                        Cari::Satu(id) => Some(id.clone()),
                        _ => None,
                    },
                }
            }
        };

        // Rekaman lama: NIP di instansi ini; pejabat tanpa NIP: nama dalam unit yang sama.
        let mut lama: Option<usize> = None;
        if let Some(n) = &nip_kunci {
            if let Some(&i) = nip_berkas.get(n) {
                f.tambah(
                    "nip",
                    pilih(
                        k,
                        format!(
                            "NIP ini sudah ada di baris {}; satu pegawai satu baris.",
                            rencana[i].nomor
                        ),
                        format!(
                            "This NIP already appears on row {}; one row per employee.",
                            rencana[i].nomor
                        ),
                    ),
                );
            }
            lama = per_nip.get(n.as_str()).copied();
        } else if jenis_asn == "pejabat_negara"
            && let Some(u) = &unit_id
        {
            let kk = (u.clone(), kunci(&nama));
            match pejabat.get(&kk).map(Vec::as_slice) {
                Some([i]) => lama = Some(*i),
                Some(v) if v.len() > 1 => f.tambah(
                    "nama",
                    k.t(
                        "Ada lebih dari satu pejabat tanpa NIP dengan nama ini di unit ini; ubah lewat formulir.",
                        "More than one official without a NIP has this name in this unit; edit them through the form.",
                    ),
                ),
                _ => {}
            }
            if let Some(n) = pejabat_berkas.get(&kk) {
                f.tambah(
                    "nama",
                    pilih(
                        k,
                        format!("Pejabat ini sudah ada di baris {n}."),
                        format!("This official already appears on row {n}."),
                    ),
                );
            } else {
                pejabat_berkas.insert(kk, b.nomor);
            }
        }
        let lp = lama.map(|i| &ada[i]);
        // Kolom yang tidak ada di berkas: nilai lama tetap.
        let atau_lama = |kolom: &str, lama_nilai: Option<&Option<String>>| -> Option<String> {
            if tabel.ada(kolom) {
                teks(kolom)
            } else {
                lama_nilai.cloned().flatten()
            }
        };

        let jabatan_id_baris: Option<String> = if !tabel.ada("jabatan") {
            lp.and_then(|p| p.jabatan_id.clone())
        } else {
            match teks("jabatan") {
                None => None,
                Some(t) if jabatan_id.contains(t.as_str()) => Some(t),
                Some(t) => match &unit_id {
                    None => None,
                    Some(u) => {
                        let kk = (u.clone(), kunci(&t));
                        if let Some(id) = jabatan_nama.get(&kk) {
                            Some(id.clone())
                        } else if let Some(&i) = jabatan_baru_kunci.get(&kk) {
                            Some(jabatan_baru[i].id.clone())
                        } else if t.chars().count() > 200 {
                            f.tambah(
                                "jabatan",
                                k.t(
                                    "Nama jabatan maksimal 200 karakter.",
                                    "A position name has at most 200 characters.",
                                ),
                            );
                            None
                        } else {
                            let j = Jabatan {
                                instansi_id: instansi_id.to_string(),
                                id: store::id_baru(),
                                unit_id: u.clone(),
                                nama: t.split_whitespace().collect::<Vec<_>>().join(" "),
                                jenis: jenis_jabatan
                                    .get(&b.nomor)
                                    .copied()
                                    .unwrap_or("pelaksana")
                                    .into(),
                                jenjang: None,
                                kelas: None,
                                dibuat_pada: waktu.clone(),
                            };
                            lap.info.push(CatatanBaris::baru(
                                b.nomor,
                                "jabatan",
                                pilih(
                                    k,
                                    format!(
                                        "Jabatan “{}” belum ada di unit {}; dibuat sebagai jabatan {} (ubah jenisnya bila perlu).",
                                        j.nama,
                                        pohon.jalur_lengkap(u),
                                        j.jenis
                                    ),
                                    format!(
                                        "Position “{}” does not exist in unit {}; it is created as a {} position (change its type if needed).",
                                        j.nama,
                                        pohon.jalur_lengkap(u),
                                        j.jenis
                                    ),
                                ),
                            ));
                            jabatan_baru_kunci.insert(kk, jabatan_baru.len());
                            let id = j.id.clone();
                            jabatan_baru.push(j);
                            Some(id)
                        }
                    }
                },
            }
        };

        let atasan = if !tabel.ada("nip_atasan") {
            Atasan::Tetap
        } else {
            match baca::nip(k, "nip_atasan", tabel.sel(b, "nip_atasan")) {
                Err(p) => {
                    f.tambah("nip_atasan", p);
                    Atasan::Kosong
                }
                Ok(None) => Atasan::Kosong,
                Ok(Some(t)) => Atasan::Teks(t),
            }
        };

        let telepon = if !tabel.ada("telepon") {
            lp.and_then(|p| p.telepon.clone())
        } else {
            match tabel.sel(b, "telepon") {
                Sel::Angka { tampil, .. } => {
                    f.tambah(
                        "telepon",
                        pilih(
                            k,
                            format!("Nomor telepon tersimpan sebagai angka ({tampil}); angka 0 di depannya hilang. Format kolom ini sebagai Teks lalu ketik ulang."),
                            format!("The phone number is stored as a number ({tampil}); its leading 0 is lost. Format this column as Text and retype it."),
                        ),
                    );
                    None
                }
                s => s.teks(),
            }
        };

        let m = MasukanPegawai {
            nip,
            nama,
            gelar_depan: atau_lama("gelar_depan", lp.map(|p| &p.gelar_depan)),
            gelar_belakang: atau_lama("gelar_belakang", lp.map(|p| &p.gelar_belakang)),
            jenis_asn,
            golongan: atau_lama("golongan", lp.map(|p| &p.golongan)).map(|s| golongan_baku(&s)),
            unit_id: unit_id.unwrap_or_default(),
            jabatan_id: jabatan_id_baris,
            atasan_id: None,
            status: if tabel.ada("status") {
                teks("status").map(|s| kode(&s))
            } else {
                lp.map(|p| p.status.clone())
            },
            email: atau_lama("email", lp.map(|p| &p.email)),
            telepon,
            versi: None,
            tmt_penempatan: None,
        };
        let id = lp.map(|p| p.id.clone()).unwrap_or_else(store::id_baru);
        let mut p = susun_isian(k, instansi_id, Some(&id), &m, &mut f);
        if p.nip.is_none() {
            // Tanpa NIP, tanggal lahir dan jenis kelamin tidak ada di berkas: tetap.
            if let Some(lp) = lp {
                p.tanggal_lahir = lp.tanggal_lahir.clone();
                p.jenis_kelamin = lp.jenis_kelamin.clone();
            }
        }
        g.dari_kolom(b.nomor, f);
        if let Some(n) = nip_kunci {
            nip_berkas.entry(n).or_insert(rencana.len());
        }
        rencana.push(Rencana {
            nomor: b.nomor,
            lama,
            baru: p,
            atasan,
        });
    }

    // Tahap 2: atasan (boleh baris sesudahnya), lingkaran, pemilik NIP nasional.
    for i in 0..rencana.len() {
        let r = &rencana[i];
        let at = match &r.atasan {
            Atasan::Tetap => r.lama.and_then(|x| ada[x].atasan_id.clone()),
            Atasan::Kosong => None,
            Atasan::Teks(t) => {
                let n = t.replace(' ', "");
                if let Some(&j) = nip_berkas.get(&n) {
                    Some(rencana[j].baru.id.clone())
                } else if let Some(&x) = per_nip.get(n.as_str()) {
                    Some(ada[x].id.clone())
                } else if per_id.contains_key(t.as_str()) {
                    Some(t.clone())
                } else {
                    let pesan = if n.len() == 18 && n.chars().all(|c| c.is_ascii_digit()) {
                        pilih(
                            k,
                            format!(
                                "Atasan dengan NIP {n} tidak ada di instansi ini maupun di berkas ini."
                            ),
                            format!(
                                "No supervisor with NIP {n} exists in this agency or in this file."
                            ),
                        )
                    } else {
                        pilih(
                            k,
                            format!("“{t}” bukan NIP 18 digit atau id pegawai di instansi ini."),
                            format!(
                                "“{t}” is neither an 18-digit NIP nor an employee id in this agency."
                            ),
                        )
                    };
                    g.tambah(r.nomor, "nip_atasan", pesan);
                    None
                }
            }
        };
        if at.as_deref() == Some(r.baru.id.as_str()) {
            g.tambah(
                r.nomor,
                "nip_atasan",
                k.t(
                    "Pegawai tidak boleh menjadi atasannya sendiri.",
                    "An employee cannot supervise themselves.",
                ),
            );
            rencana[i].baru.atasan_id = None;
        } else {
            rencana[i].baru.atasan_id = at;
        }
    }
    for i in dalam_lingkaran(&ada, &rencana) {
        g.tambah(
            rencana[i].nomor,
            "nip_atasan",
            k.t(
                "Rantai atasan tidak boleh melingkar.",
                "The supervisor chain cannot loop.",
            ),
        );
    }
    let perlu: Vec<String> = rencana
        .iter()
        .filter(|r| r.lama.is_none_or(|x| berubah(&ada[x], &r.baru)))
        .filter_map(|r| r.baru.nip.clone())
        .collect();
    for (nip, inst, pid, status) in store::organisasi::pemilik_nip_banyak(pool, &perlu).await? {
        let Some(&i) = nip_berkas.get(&nip) else {
            continue;
        };
        let r = &rencana[i];
        let sama = inst == instansi_id && pid == r.baru.id;
        // NIP boleh dipakai lagi hanya bila pemilik lamanya sudah pindah (aturan formulir).
        if !sama && status.as_deref().is_some_and(|s| s != "pindah") {
            g.tambah(
                r.nomor,
                "nip",
                k.t(
                    "NIP ini sudah terdaftar untuk pegawai lain.",
                    "This NIP is already registered to another employee.",
                ),
            );
        }
    }

    if !g.isi.is_empty() {
        super::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_PEGAWAI);
        return Ok(lap);
    }

    // Tulis: atasan baru lebih dulu dari bawahannya.
    let baru_ke: HashMap<&str, usize> = rencana
        .iter()
        .enumerate()
        .filter(|(_, r)| r.lama.is_none())
        .map(|(i, r)| (r.baru.id.as_str(), i))
        .collect();
    let kedalaman: Vec<usize> = rencana
        .iter()
        .map(|r| {
            let mut d = 0;
            let mut cur = r.baru.atasan_id.as_deref();
            while let Some(&j) = cur.and_then(|c| baru_ke.get(c)) {
                d += 1;
                if d > rencana.len() {
                    break;
                }
                cur = rencana[j].baru.atasan_id.as_deref();
            }
            d
        })
        .collect();
    let mut urutan: Vec<usize> = (0..rencana.len()).collect();
    urutan.sort_by_key(|&i| (kedalaman[i], i));
    drop(baru_ke);

    let mulai = hari_ini();
    let mut tx = l.db.mulai().await?;
    for j in &jabatan_baru {
        store::organisasi::sisipkan_jabatan(&mut tx, j).await?;
        crate::audit::catat(
            &mut tx,
            k,
            instansi_id,
            "buat",
            "jabatan",
            &j.id,
            None,
            Some(j),
        )
        .await?;
    }
    // Statistik disegarkan setiap kali jumlah tulisan berlipat dua (lihat
    // store::organisasi::segarkan_statistik_pegawai): log2(n) kali saja.
    let mut segarkan_pada = 1000usize;
    // Pegawai baru ditampung lalu ditulis per potongan dengan INSERT berbaris
    // banyak; potongan dikosongkan sebelum setiap perubahan agar atasan yang
    // baru selalu tertulis lebih dulu (urutan topologis `urutan`).
    let mut tampung: Vec<usize> = Vec::with_capacity(store::BARIS_PER_SISIP);
    for i in urutan {
        let r = &mut rencana[i];
        match r.lama {
            None => {
                r.baru.dibuat_pada = waktu.clone();
                r.baru.diubah_pada = waktu.clone();
                tampung.push(i);
                if tampung.len() == store::BARIS_PER_SISIP {
                    tulis_baru(&mut tx, k, instansi_id, &rencana, &mut tampung, &mulai).await?;
                    lap.dibuat += store::BARIS_PER_SISIP;
                }
            }
            Some(x) => {
                let lama = &ada[x];
                if !berubah(lama, &r.baru) {
                    lap.tidak_berubah += 1;
                    continue;
                }
                let n = tampung.len();
                tulis_baru(&mut tx, k, instansi_id, &rencana, &mut tampung, &mulai).await?;
                lap.dibuat += n;
                let r = &mut rencana[i];
                r.baru.versi = lama.versi;
                r.baru.dibuat_pada = lama.dibuat_pada.clone();
                r.baru.diubah_pada = waktu.clone();
                simpan_ubah(&mut tx, k, lama, &mut r.baru, &mulai).await?;
                lap.diperbarui += 1;
            }
        }
        if lap.dibuat + lap.diperbarui >= segarkan_pada {
            store::organisasi::segarkan_statistik_pegawai(&mut tx).await?;
            segarkan_pada *= 2;
        }
    }
    let n = tampung.len();
    tulis_baru(&mut tx, k, instansi_id, &rencana, &mut tampung, &mulai).await?;
    lap.dibuat += n;
    catat_impor(&mut tx, k, instansi_id, &lap, jabatan_baru.len()).await?;
    tx.commit().await?;
    lap.diterima = true;
    if lap.dibuat + lap.diperbarui > 0 {
        crate::skp::selaras::picu(l, &[instansi_id]).await;
    }
    Ok(lap)
}

/// Menulis pegawai baru yang ditampung (beserta riwayat pertama dan audit
/// `buat`-nya) lalu mengosongkan tampungan.
async fn tulis_baru(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    instansi_id: &str,
    rencana: &[Rencana],
    tampung: &mut Vec<usize>,
    mulai: &str,
) -> Hasil<()> {
    if tampung.is_empty() {
        return Ok(());
    }
    let baru: Vec<Pegawai> = tampung.iter().map(|&i| rencana[i].baru.clone()).collect();
    let riwayat: Vec<_> = baru
        .iter()
        .map(|p| crate::organisasi::pegawai::riwayat_dari(p, mulai))
        .collect();
    store::organisasi::sisipkan_pegawai_banyak(tx, &baru)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    store::organisasi::sisipkan_riwayat_banyak(tx, &riwayat)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    crate::audit::catat_banyak(
        tx,
        k,
        instansi_id,
        "buat",
        "pegawai",
        baru.iter().map(|p| (p.id.as_str(), None, Some(p))),
    )
    .await?;
    tampung.clear();
    Ok(())
}

/// Baris rencana yang berada dalam lingkaran atasan pada susunan akhir
/// (rekaman lama yang ditimpa isi berkas).
fn dalam_lingkaran(ada: &[Pegawai], rencana: &[Rencana]) -> Vec<usize> {
    let mut induk: HashMap<&str, Option<&str>> = ada
        .iter()
        .map(|p| (p.id.as_str(), p.atasan_id.as_deref()))
        .collect();
    let mut baris: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rencana.iter().enumerate() {
        induk.insert(r.baru.id.as_str(), r.baru.atasan_id.as_deref());
        baris.insert(r.baru.id.as_str(), i);
    }
    // 1 = di jalur yang sedang ditelusuri, 2 = selesai.
    let mut keadaan: HashMap<&str, u8> = HashMap::new();
    let mut hasil = Vec::new();
    for r in rencana {
        let mut jalur: Vec<&str> = Vec::new();
        let mut cur = Some(r.baru.id.as_str());
        while let Some(c) = cur {
            match keadaan.get(c) {
                Some(2) => break,
                Some(_) => {
                    if let Some(awal) = jalur.iter().position(|x| *x == c) {
                        hasil.extend(jalur[awal..].iter().filter_map(|x| baris.get(x).copied()));
                    }
                    break;
                }
                None => {
                    keadaan.insert(c, 1);
                    jalur.push(c);
                    cur = induk.get(c).copied().flatten();
                }
            }
        }
        for x in jalur {
            keadaan.insert(x, 2);
        }
    }
    hasil.sort_unstable();
    hasil.dedup();
    hasil
}

pub(super) fn galat_tulis(k: &Konteks, e: store::GalatStore) -> Galat {
    if e.pelanggaran_unik() || e.pelanggaran_fk() {
        Galat::Konflik(
            k.t(
                "Data berubah saat impor berjalan (mis. NIP yang sama baru saja didaftarkan). Tidak ada yang disimpan; unggah berkas itu lagi.",
                "Data changed while the import ran (e.g. the same NIP was just registered). Nothing was saved; upload the file again.",
            )
            .into(),
        )
    } else {
        Galat::from(e)
    }
}

/// Satu baris audit untuk impor itu sendiri (nama berkas dan jumlahnya), di
/// samping baris audit per rekaman.
pub(super) async fn catat_impor(
    tx: &mut store::Transaksi<'_>,
    k: &Konteks,
    instansi_id: &str,
    lap: &LaporanImpor,
    jabatan_baru: usize,
) -> Hasil<()> {
    let ringkas = serde_json::json!({
        "jenis": lap.jenis,
        "nama_berkas": lap.nama_berkas,
        "format": lap.format,
        "baris_data": lap.baris_data,
        "dibuat": lap.dibuat,
        "diperbarui": lap.diperbarui,
        "tidak_berubah": lap.tidak_berubah,
        "jabatan_dibuat": jabatan_baru,
    });
    crate::audit::catat(
        tx,
        k,
        instansi_id,
        "impor",
        "berkas_impor",
        &store::id_baru(),
        None,
        Some(&ringkas),
    )
    .await
}

pub(super) async fn catat_ekspor(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    jenis: Jenis,
    format: Format,
    jumlah: usize,
) -> Hasil<()> {
    let ringkas = serde_json::json!({"jenis": jenis, "format": format, "baris": jumlah});
    let mut tx = l.db.mulai().await?;
    crate::audit::catat(
        &mut tx,
        k,
        instansi_id,
        "ekspor",
        "berkas_ekspor",
        &store::id_baru(),
        None,
        Some(&ringkas),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ekspor semua pegawai instansi (semua status) dengan kolom impor. Hanya
/// admin: berkas ini memuat data pribadi seluruh instansi sekaligus (NIP
/// menyandikan tanggal lahir dan jenis kelamin); ekspor dicatat di audit
/// (UU 27/2022).
pub async fn ekspor_pegawai(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    format: Format,
) -> Hasil<Vec<u8>> {
    k.boleh_kelola(instansi_id)?;
    pastikan_instansi(l, k, instansi_id).await?;
    let pool = l.pool();
    let unit = store::organisasi::semua_unit(pool, instansi_id).await?;
    let jabatan = store::organisasi::semua_jabatan(pool, instansi_id).await?;
    let semua = store::organisasi::semua_pegawai(pool, instansi_id).await?;
    let pohon = PohonUnit::dari(&unit);
    let mut tampil_unit: HashMap<&str, String> = HashMap::new();
    let per_jabatan: HashMap<&str, &Jabatan> = jabatan.iter().map(|j| (j.id.as_str(), j)).collect();
    let mut jumlah_nama: HashMap<(&str, String), usize> = HashMap::new();
    for j in &jabatan {
        *jumlah_nama
            .entry((j.unit_id.as_str(), kunci(&j.nama)))
            .or_default() += 1;
    }
    let per_id: HashMap<&str, &Pegawai> = semua.iter().map(|p| (p.id.as_str(), p)).collect();
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let mut baris = Vec::with_capacity(semua.len());
    for p in &semua {
        let unit_teks = tampil_unit
            .entry(p.unit_id.as_str())
            .or_insert_with(|| pohon.tampil(&p.unit_id))
            .clone();
        // Nama jabatan bila kembali ke jabatan yang sama saat diimpor; selain itu id-nya.
        let jabatan_teks = match p.jabatan_id.as_deref() {
            None => String::new(),
            Some(j) => match per_jabatan.get(j) {
                Some(jb)
                    if jb.unit_id == p.unit_id
                        && jumlah_nama.get(&(jb.unit_id.as_str(), kunci(&jb.nama))) == Some(&1)
                        && !kunci(&jb.nama).is_empty() =>
                {
                    jb.nama.clone()
                }
                _ => j.to_string(),
            },
        };
        let atasan = match p.atasan_id.as_deref() {
            None => String::new(),
            Some(a) => per_id
                .get(a)
                .and_then(|x| x.nip.clone())
                .unwrap_or_else(|| a.to_string()),
        };
        baris.push(vec![
            o(&p.nip),
            p.nama.clone(),
            o(&p.gelar_depan),
            o(&p.gelar_belakang),
            p.jenis_asn.clone(),
            o(&p.golongan),
            unit_teks,
            jabatan_teks,
            atasan,
            p.status.clone(),
            o(&p.email),
            o(&p.telepon),
        ]);
    }
    catat_ekspor(l, k, instansi_id, Jenis::Pegawai, format, baris.len()).await?;
    tulis_berkas(k, Jenis::Pegawai, format, baris).await
}

pub(super) async fn tulis_berkas(
    k: &Konteks,
    jenis: Jenis,
    format: Format,
    baris: Vec<Vec<String>>,
) -> Hasil<Vec<u8>> {
    let b = k.bahasa;
    tokio::task::spawn_blocking(move || match format {
        Format::Csv => tulis::csv(jenis.kolom(), &baris),
        Format::Xlsx => tulis::xlsx(b, jenis, &baris),
    })
    .await
    .map_err(|e| Galat::Internal(e.to_string()))?
}
