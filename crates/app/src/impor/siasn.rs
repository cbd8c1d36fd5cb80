//! Impor pegawai dari ekspor data kepegawaian SIASN (BKN) — pengisian awal
//! (isu 11: "onboarding from a SIASN-style personnel export").
//!
//! Judul kolom mengikuti ekspor SIASN sebagaimana lazim terlihat [R] (tidak
//! ada sumber resmi yang dapat dibuka luring): `NIP_BARU`, `NAMA`,
//! `GELAR_DEPAN`, `GELAR_BELAKANG`, `JENIS_KELAMIN`, `TGL_LHR` (atau
//! `TANGGAL_LAHIR`), `GOL_AKHIR_NAMA`, `JENIS_PEGAWAI_NAMA`,
//! `KEDUDUKAN_HUKUM_NAMA`, `JENIS_JABATAN_NAMA`, `JABATAN_NAMA`, `UNOR_NAMA`,
//! `UNOR_INDUK_NAMA`, `ATASAN_NIP`. Huruf besar/kecil, spasi dan garis bawah
//! setara (`NIP BARU` = `nip_baru`); kolom lain (ekspor SIASN memuat
//! puluhan) diabaikan dengan satu catatan.
//!
//! Setiap baris diterjemahkan ke kolom impor pegawai Kinerja lalu melewati
//! jalur yang sama persis (`pegawai::impor_tabel`: aturan formulir, NIP
//! nasional, atasan, lingkaran, penulis dan audit yang sama; semua atau tidak
//! sama sekali; impor ulang memperbarui lewat NIP). Yang khas SIASN:
//!
//! - **Unit** dicari dengan nama (`UNOR_NAMA`) di instansi ini; bila kembar,
//!   dipilih yang `UNOR_INDUK_NAMA`-nya adalah dirinya atau salah satu
//!   leluhurnya. Unit tidak dibuat di sini: unit yang tidak ditemukan adalah
//!   galat baris (impor unit lebih dulu).
//! - **Kedudukan hukum** → status: Aktif, Tugas Belajar, Masa Persiapan
//!   Pensiun → aktif; CLTN → cuti; Pemberhentian Sementara →
//!   diberhentikan_sementara; Pensiun → pensiun; Meninggal → berhenti. Nilai
//!   lain: galat baris yang menyebut nilai yang diterima.
//! - **Jenis pegawai**: PNS/CPNS → pns, PPPK → pppk; kosong → dari NIP.
//! - **Jenis jabatan** untuk jabatan yang baru dibuat: Fungsional (Tertentu)
//!   → fungsional; lainnya → pelaksana (Struktural tidak menyebut
//!   JPT/administrator/pengawas: ubah jenisnya lewat formulir jabatan).
//! - **Jenis kelamin dan tanggal lahir** diambil dari NIP seperti formulir;
//!   bila kolom SIASN-nya berbeda, laporan mencatatnya (tidak menolak).

use super::baca::{self, Baris, Sel, Tabel};
use super::jalur::kunci;
use super::pegawai::{DaftarGalat, Tambahan, impor_tabel};
use super::{CatatanBaris, Jenis, Kolom, LaporanImpor, baca_berkas, pastikan_instansi, pilih};
use crate::{Hasil, Konteks, Layanan};
use std::collections::{HashMap, HashSet};

/// Kolom SIASN yang dibaca (judul yang dinormalkan: huruf kecil, `_`).
pub const KOLOM_SIASN: &[Kolom] = &[
    kolom(
        "nip_baru",
        true,
        "NIP 18 digit (teks). Kunci pencocokan: impor ulang memperbarui.",
        "18-digit NIP (text). Matching key: re-importing updates.",
    ),
    kolom("nama", true, "Nama tanpa gelar.", "Name without titles."),
    kolom(
        "gelar_depan",
        false,
        "Gelar depan.",
        "Title before the name.",
    ),
    kolom(
        "gelar_belakang",
        false,
        "Gelar belakang.",
        "Title after the name.",
    ),
    kolom(
        "jenis_kelamin",
        false,
        "M/F, 1/2 atau L/P; dibandingkan dengan NIP.",
        "M/F, 1/2 or L/P; compared with the NIP.",
    ),
    kolom(
        "tgl_lhr",
        false,
        "Tanggal lahir dd-mm-yyyy (atau kolom TANGGAL_LAHIR); dibandingkan dengan NIP.",
        "Birth date dd-mm-yyyy (or column TANGGAL_LAHIR); compared with the NIP.",
    ),
    kolom(
        "gol_akhir_nama",
        false,
        "Golongan terakhir, mis. III/b (PPPK: I–XVII).",
        "Last grade, e.g. III/b (PPPK: I–XVII).",
    ),
    kolom(
        "jenis_pegawai_nama",
        false,
        "PNS, CPNS atau PPPK (kosong: dari NIP).",
        "PNS, CPNS or PPPK (empty: from the NIP).",
    ),
    kolom(
        "kedudukan_hukum_nama",
        false,
        "Aktif, Tugas Belajar, Masa Persiapan Pensiun, CLTN, Pemberhentian Sementara, Pensiun, Meninggal.",
        "Aktif, Tugas Belajar, Masa Persiapan Pensiun, CLTN, Pemberhentian Sementara, Pensiun, Meninggal.",
    ),
    kolom(
        "jenis_jabatan_nama",
        false,
        "Struktural, Fungsional Tertentu, Fungsional Umum, Pelaksana (jenis jabatan yang baru dibuat).",
        "Struktural, Fungsional Tertentu, Fungsional Umum, Pelaksana (type of a newly created position).",
    ),
    kolom(
        "jabatan_nama",
        false,
        "Nama jabatan; dibuat di unitnya bila belum ada.",
        "Position name; created in its unit if missing.",
    ),
    kolom(
        "unor_nama",
        true,
        "Nama unit organisasi; harus sudah ada (impor unit lebih dulu).",
        "Organisation unit name; must exist already (import units first).",
    ),
    kolom(
        "unor_induk_nama",
        false,
        "Unit induk (OPD) untuk membedakan nama unit yang kembar.",
        "Parent unit (agency) to tell apart repeated unit names.",
    ),
    kolom(
        "atasan_nip",
        false,
        "NIP atasan langsung (opsional).",
        "Direct supervisor's NIP (optional).",
    ),
];

const fn kolom(nama: &'static str, wajib: bool, id: &'static str, en: &'static str) -> Kolom {
    Kolom {
        nama,
        wajib,
        id,
        en,
        pilihan: &[],
    }
}

/// Nama lain judul kolom yang diterima (judul ternormalkan → kolom SIASN).
const ALIAS: &[(&str, &str)] = &[("tanggal_lahir", "tgl_lhr")];

/// Kolom impor Kinerja → judul kolom SIASN di laporan.
const NAMA_LAPORAN: &[(&str, &str)] = &[
    ("nip", "NIP_BARU"),
    ("nama", "NAMA"),
    ("gelar_depan", "GELAR_DEPAN"),
    ("gelar_belakang", "GELAR_BELAKANG"),
    ("jenis_asn", "JENIS_PEGAWAI_NAMA"),
    ("golongan", "GOL_AKHIR_NAMA"),
    ("unit", "UNOR_NAMA"),
    ("jabatan", "JABATAN_NAMA"),
    ("nip_atasan", "ATASAN_NIP"),
    ("status", "KEDUDUKAN_HUKUM_NAMA"),
];

/// Kedudukan hukum SIASN yang diterima dan status Kinerja-nya.
const KEDUDUKAN: &[(&str, &str)] = &[
    ("aktif", "aktif"),
    ("tugas belajar", "aktif"),
    ("masa persiapan pensiun", "aktif"),
    ("mpp", "aktif"),
    ("cltn", "cuti"),
    ("cuti di luar tanggungan negara", "cuti"),
    ("pemberhentian sementara", "diberhentikan_sementara"),
    ("diberhentikan sementara", "diberhentikan_sementara"),
    ("pensiun", "pensiun"),
    ("meninggal", "berhenti"),
];

fn status_dari(kedudukan: &str) -> Option<&'static str> {
    let k = kunci(&kedudukan.replace(['_', '-'], " "));
    KEDUDUKAN.iter().find(|(a, _)| *a == k).map(|(_, s)| *s)
}

fn jenis_asn_dari(t: &str) -> Option<&'static str> {
    let u = t.to_uppercase();
    if u.contains("PPPK") {
        Some("pppk")
    } else if u.contains("PNS") {
        Some("pns")
    } else {
        None
    }
}

fn jenis_jabatan_dari(t: &str) -> &'static str {
    if kunci(t).starts_with("fungsional tertentu") || kunci(t) == "fungsional" {
        "fungsional"
    } else {
        "pelaksana"
    }
}

/// "Penata Muda Tk.I (III/b)" → "III/b"; selain itu teksnya.
fn golongan_dari(t: &str) -> String {
    match (t.rfind('('), t.rfind(')')) {
        (Some(a), Some(b)) if a < b => t[a + 1..b].trim().to_string(),
        _ => t.trim().to_string(),
    }
}

fn kelamin_dari(t: &str) -> Option<&'static str> {
    match kunci(t).as_str() {
        "m" | "1" | "l" | "laki-laki" | "laki laki" | "pria" => Some("L"),
        "f" | "2" | "p" | "perempuan" | "wanita" => Some("P"),
        _ => None,
    }
}

/// Unit organisasi per nama, dibedakan dengan unit induknya.
struct PetaUnor {
    per_nama: HashMap<String, Vec<String>>,
    induk: HashMap<String, Option<String>>,
    nama: HashMap<String, String>,
    berlaku: HashSet<String>,
}

enum Unor {
    Satu(String),
    TidakAda,
    Ganda(usize),
}

impl PetaUnor {
    fn dari(unit: &[store::organisasi::UnitKerja]) -> Self {
        let hari_ini = crate::organisasi::hari_ini();
        let mut p = PetaUnor {
            per_nama: HashMap::new(),
            induk: HashMap::new(),
            nama: HashMap::new(),
            berlaku: HashSet::new(),
        };
        for u in unit {
            p.per_nama
                .entry(kunci(&u.nama))
                .or_default()
                .push(u.id.clone());
            p.induk.insert(u.id.clone(), u.induk_id.clone());
            p.nama.insert(u.id.clone(), kunci(&u.nama));
            if u.berlaku_mulai.as_str() <= hari_ini.as_str()
                && u.berlaku_sampai
                    .as_deref()
                    .is_none_or(|s| s > hari_ini.as_str())
            {
                p.berlaku.insert(u.id.clone());
            }
        }
        p
    }

    /// Unit itu sendiri atau salah satu leluhurnya bernama `induk`.
    fn di_bawah(&self, id: &str, induk: &str) -> bool {
        let mut cur = Some(id.to_string());
        for _ in 0..100 {
            let Some(c) = cur else { return false };
            if self.nama.get(&c).is_some_and(|n| n == induk) {
                return true;
            }
            cur = self.induk.get(&c).cloned().flatten();
        }
        false
    }

    fn cari(&self, nama: &str, induk: Option<&str>) -> Unor {
        // Id unit Kinerja juga diterima (berkas yang sudah dibetulkan tangan).
        if self.nama.contains_key(nama.trim()) {
            return Unor::Satu(nama.trim().to_string());
        }
        let Some(calon) = self.per_nama.get(&kunci(nama)) else {
            return Unor::TidakAda;
        };
        let mut cocok: Vec<&String> = calon.iter().collect();
        if cocok.len() > 1
            && let Some(i) = induk.map(kunci).filter(|i| !i.is_empty())
        {
            cocok.retain(|c| self.di_bawah(c, &i));
        }
        if cocok.len() > 1 {
            let berlaku: Vec<&String> = cocok
                .iter()
                .copied()
                .filter(|c| self.berlaku.contains(*c))
                .collect();
            if berlaku.len() == 1 {
                cocok = berlaku;
            }
        }
        match cocok.as_slice() {
            [] => Unor::TidakAda,
            [x] => Unor::Satu((*x).clone()),
            v => Unor::Ganda(v.len()),
        }
    }
}

/// Mengimpor pegawai dari ekspor SIASN (CSV atau XLSX). Laporan sama dengan
/// impor pegawai; nama kolom di laporan adalah judul kolom SIASN.
pub async fn impor_pegawai_siasn(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    k.boleh_kelola(instansi_id)?;
    pastikan_instansi(l, k, instansi_id).await?;
    let _giliran = super::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::PegawaiSiasn, nama_berkas);
    let Some(mut sumber) =
        baca_berkas(k, Jenis::PegawaiSiasn, nama_berkas, bytes, &mut lap).await?
    else {
        ganti_nama_kolom(&mut lap);
        return Ok(lap);
    };
    ringkas_kolom_lain(k, &mut lap, &sumber);
    let baris_sumber = std::mem::take(&mut sumber.baris);
    let unit = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let peta = PetaUnor::dari(&unit);
    let ada =
        |kolom: &str| sumber.ada(kolom) || ALIAS.iter().any(|(a, c)| *c == kolom && sumber.ada(a));
    let sel = |b: &Baris, kolom: &str| -> Sel {
        let s = sumber.sel(b, kolom);
        if s.teks().is_some() {
            return s.clone();
        }
        for (a, c) in ALIAS {
            if *c == kolom && sumber.sel(b, a).teks().is_some() {
                return sumber.sel(b, a).clone();
            }
        }
        Sel::Kosong
    };
    // Kolom impor Kinerja yang terisi: kolom SIASN yang tidak ada di berkas
    // tidak mengubah nilai lama (aturan impor pegawai).
    let mut kepala: Vec<&str> = vec!["nip", "nama", "jenis_asn", "unit"];
    for (siasn, kinerja) in [
        ("gelar_depan", "gelar_depan"),
        ("gelar_belakang", "gelar_belakang"),
        ("gol_akhir_nama", "golongan"),
        ("jabatan_nama", "jabatan"),
        ("atasan_nip", "nip_atasan"),
        ("kedudukan_hukum_nama", "status"),
    ] {
        if ada(siasn) {
            kepala.push(kinerja);
        }
    }
    let mut tabel = Tabel::baru(
        sumber.format,
        sumber.pemisah,
        kepala.iter().map(|s| s.to_string()).collect(),
        sumber.baris_kepala,
        sumber.kolom_awal,
    );
    let mut tambahan = Tambahan {
        galat: DaftarGalat::default(),
        jenis_jabatan: HashMap::new(),
    };
    let mut baris = Vec::with_capacity(baris_sumber.len());
    for b in &baris_sumber {
        let teks = |kolom: &str| sel(b, kolom).teks();
        let nomor = b.nomor;
        let nip_sel = sel(b, "nip_baru");
        let nip_teks = nip_sel.teks().map(|n| n.replace(' ', ""));
        let nip = nip_teks
            .as_deref()
            .and_then(|n| rules::nip::Nip::parse(n).ok());
        let jenis_asn = match teks("jenis_pegawai_nama") {
            Some(t) => {
                match jenis_asn_dari(&t) {
                    Some(j) => j.to_string(),
                    None => {
                        tambahan.galat.tambah(
                        nomor,
                        "jenis_asn",
                        pilih(
                            k,
                            format!("Jenis pegawai “{t}” tidak dikenal; yang diterima: PNS, CPNS, PPPK."),
                            format!("Employee type “{t}” is not known; accepted: PNS, CPNS, PPPK."),
                        ),
                    );
                        String::new()
                    }
                }
            }
            None => match &nip {
                Some(n) if n.jenis_asn() == rules::nip::JenisAsn::Pppk => "pppk".into(),
                _ => "pns".into(),
            },
        };
        let unit = match teks("unor_nama") {
            None => {
                tambahan.galat.tambah(
                    nomor,
                    "unit",
                    k.t("UNOR_NAMA wajib diisi.", "UNOR_NAMA is required."),
                );
                Sel::Kosong
            }
            Some(u) => {
                let induk = teks("unor_induk_nama");
                match peta.cari(&u, induk.as_deref()) {
                    Unor::Satu(id) => Sel::Teks(id),
                    Unor::TidakAda => {
                        tambahan.galat.tambah(
                            nomor,
                            "unit",
                            pilih(
                                k,
                                format!(
                                    "Unit “{u}”{} tidak ditemukan di instansi ini. Unit tidak dibuat oleh impor SIASN: impor unit kerja lebih dulu (menu Impor unit), lalu unggah berkas ini lagi.",
                                    induk.as_deref().map(|i| format!(" (induk “{i}”)")).unwrap_or_default()
                                ),
                                format!(
                                    "Unit “{u}”{} was not found in this agency. The SIASN import does not create units: import the units first (Import units), then upload this file again.",
                                    induk.as_deref().map(|i| format!(" (parent “{i}”)")).unwrap_or_default()
                                ),
                            ),
                        );
                        Sel::Kosong
                    }
                    Unor::Ganda(n) => {
                        tambahan.galat.tambah(
                            nomor,
                            "unit",
                            pilih(
                                k,
                                format!("Ada {n} unit bernama “{u}” dan UNOR_INDUK_NAMA tidak membedakannya; isi UNOR_INDUK_NAMA dengan nama unit induknya atau bedakan nama unitnya."),
                                format!("{n} units are named “{u}” and UNOR_INDUK_NAMA does not tell them apart; fill UNOR_INDUK_NAMA with the parent unit's name or rename the units."),
                            ),
                        );
                        Sel::Kosong
                    }
                }
            }
        };
        let status = match teks("kedudukan_hukum_nama") {
            None => Sel::Kosong,
            Some(t) => match status_dari(&t) {
                Some(s) => Sel::Teks(s.into()),
                None => {
                    tambahan.galat.tambah(
                        nomor,
                        "status",
                        pilih(
                            k,
                            format!("Kedudukan hukum “{t}” tidak dikenal. Yang diterima: Aktif, Tugas Belajar, Masa Persiapan Pensiun (→ aktif), CLTN (→ cuti), Pemberhentian Sementara (→ diberhentikan sementara), Pensiun, Meninggal (→ berhenti)."),
                            format!("Legal status “{t}” is not known. Accepted: Aktif, Tugas Belajar, Masa Persiapan Pensiun (→ active), CLTN (→ on leave), Pemberhentian Sementara (→ suspended), Pensiun (→ retired), Meninggal (→ left)."),
                        ),
                    );
                    Sel::Kosong
                }
            },
        };
        if let Some(j) = teks("jenis_jabatan_nama") {
            tambahan.jenis_jabatan.insert(nomor, jenis_jabatan_dari(&j));
        }
        // Tanggal lahir dan jenis kelamin dari NIP; yang berbeda hanya dicatat.
        if let Some(n) = &nip {
            if let Some(t) = baca::tanggal(&sel(b, "tgl_lhr")) {
                if t != n.tanggal_lahir().to_string() {
                    lap.info.push(CatatanBaris::baru(
                        nomor,
                        "TGL_LHR",
                        pilih(
                            k,
                            format!("Tanggal lahir {t} berbeda dengan tanggal lahir di NIP ({}); yang dipakai dari NIP.", n.tanggal_lahir()),
                            format!("Birth date {t} differs from the one in the NIP ({}); the NIP's is used.", n.tanggal_lahir()),
                        ),
                    ));
                }
            }
            if let Some(jk) = teks("jenis_kelamin").and_then(|t| kelamin_dari(&t)) {
                let dari_nip = match n.jenis_kelamin() {
                    rules::nip::JenisKelamin::L => "L",
                    rules::nip::JenisKelamin::P => "P",
                };
                if jk != dari_nip {
                    lap.info.push(CatatanBaris::baru(
                        nomor,
                        "JENIS_KELAMIN",
                        k.t(
                            "Jenis kelamin berbeda dengan digit ke-15 NIP; yang dipakai dari NIP.",
                            "The sex differs from the NIP's 15th digit; the NIP's is used.",
                        ),
                    ));
                }
            }
        }
        let mut isi: Vec<Sel> = Vec::with_capacity(kepala.len());
        for kol in &kepala {
            isi.push(match *kol {
                "nip" => nip_sel.clone(),
                "nama" => sel(b, "nama"),
                "jenis_asn" => Sel::Teks(jenis_asn.clone()),
                "unit" => unit.clone(),
                "gelar_depan" => sel(b, "gelar_depan"),
                "gelar_belakang" => sel(b, "gelar_belakang"),
                "golongan" => teks("gol_akhir_nama")
                    .map(|g| Sel::Teks(golongan_dari(&g)))
                    .unwrap_or(Sel::Kosong),
                "jabatan" => sel(b, "jabatan_nama"),
                "nip_atasan" => sel(b, "atasan_nip"),
                "status" => status.clone(),
                _ => Sel::Kosong,
            });
        }
        baris.push(Baris { nomor, sel: isi });
    }
    drop(baris_sumber);
    tabel.baris = baris;
    let mut lap = impor_tabel(l, k, instansi_id, tabel, lap, tambahan).await?;
    ganti_nama_kolom(&mut lap);
    Ok(lap)
}

/// Kolom di laporan memakai judul SIASN, bukan kolom impor Kinerja.
fn ganti_nama_kolom(lap: &mut LaporanImpor) {
    for c in lap.galat.iter_mut().chain(lap.info.iter_mut()) {
        if let Some((_, s)) = NAMA_LAPORAN.iter().find(|(a, _)| *a == c.kolom) {
            c.kolom = s.to_string();
        } else if KOLOM_SIASN.iter().any(|x| x.nama == c.kolom) {
            c.kolom = c.kolom.to_uppercase();
        }
    }
}

/// Ekspor SIASN memuat puluhan kolom lain: satu catatan, bukan satu per kolom.
fn ringkas_kolom_lain(k: &Konteks, lap: &mut LaporanImpor, t: &Tabel) {
    let kenal =
        |h: &str| KOLOM_SIASN.iter().any(|x| x.nama == h) || ALIAS.iter().any(|(a, _)| *a == h);
    let lain: Vec<String> = t
        .kepala
        .iter()
        .filter(|h| !h.is_empty() && !kenal(h))
        .map(|h| h.to_uppercase())
        .collect();
    lap.info.retain(|c| {
        !(c.baris == t.baris_kepala && !c.kolom.is_empty() && !kenal(&c.kolom))
            && !(c.baris == t.baris_kepala && ALIAS.iter().any(|(a, _)| *a == c.kolom))
    });
    if !lain.is_empty() {
        let daftar = lain.join(", ");
        lap.info.push(CatatanBaris::baru(
            t.baris_kepala,
            "",
            pilih(
                k,
                format!("{} kolom lain diabaikan: {daftar}.", lain.len()),
                format!("{} other columns were ignored: {daftar}.", lain.len()),
            ),
        ));
    }
}

#[cfg(test)]
mod tes {
    use super::*;

    #[test]
    fn kedudukan_hukum_ke_status() {
        assert_eq!(status_dari("Aktif"), Some("aktif"));
        assert_eq!(status_dari("TUGAS BELAJAR"), Some("aktif"));
        assert_eq!(status_dari("Masa Persiapan Pensiun"), Some("aktif"));
        assert_eq!(status_dari("CLTN"), Some("cuti"));
        assert_eq!(
            status_dari("Pemberhentian Sementara"),
            Some("diberhentikan_sementara")
        );
        assert_eq!(status_dari("Pensiun"), Some("pensiun"));
        assert_eq!(status_dari("Dipecat"), None);
    }

    #[test]
    fn golongan_jenis_dan_kelamin() {
        assert_eq!(golongan_dari("Penata Muda Tk.I (III/b)"), "III/b");
        assert_eq!(golongan_dari(" IV/a "), "IV/a");
        assert_eq!(jenis_asn_dari("CPNS"), Some("pns"));
        assert_eq!(jenis_asn_dari("PPPK"), Some("pppk"));
        assert_eq!(jenis_asn_dari("Honorer"), None);
        assert_eq!(jenis_jabatan_dari("Fungsional Tertentu"), "fungsional");
        assert_eq!(jenis_jabatan_dari("Fungsional Umum"), "pelaksana");
        assert_eq!(kelamin_dari("F"), Some("P"));
        assert_eq!(kelamin_dari("1"), Some("L"));
    }
}
