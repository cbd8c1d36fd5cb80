//! Impor rencana: program, kegiatan, sub kegiatan, indikator, pagu ke draf.

#[allow(unused_imports)]
use super::*;

// ---------- rencana ----------

#[derive(Default)]
struct AkumulasiSub {
    baris: usize,
    kegiatan: String,
    nama: Option<String>,
    unit: Option<Option<String>>,
    pagu: Option<(usize, Option<i64>)>,
    /// Lokasi yang dilayani (kolom tambahan opsional `lokasi`): baris pertama
    /// yang mengisinya.
    lokasi: Option<(usize, String)>,
}

/// Mengimpor rencana (program, kegiatan, sub kegiatan, indikator, pagu) ke draf.
pub async fn impor_rencana(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Rencana(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = crate::impor::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Rencana, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Rencana, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    let draf = rt.draf().cloned();
    if draf.is_none() && rt.berlaku().is_some() {
        return Ok(tolak(
            &mut lap,
            pilih(
                k,
                format!(
                    "Rencana {tahun} sudah ditetapkan; buat perubahan dulu, lalu impor ke draf perubahannya."
                ),
                format!(
                    "The {tahun} plan is already final; start a revision first, then import into its draft."
                ),
            ),
        ));
    }
    let unit_semua = store::organisasi::semua_unit(l.pool(), instansi_id).await?;
    let pohon = PohonUnit::dari(&unit_semua);
    let kl = crate::perencanaan::skema_kl(l, instansi_id).await?;
    let (mut butir_lama, mut ind_lama) = match &draf {
        Some(d) => (
            store::perencanaan::butir_rencana(l.pool(), instansi_id, &d.id).await?,
            store::perencanaan::indikator_rencana(l.pool(), instansi_id, &d.id).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut g = DaftarGalat::default();
    // kode → (baris pertama, nama) untuk program dan kegiatan.
    let mut program: HashMap<String, (usize, Option<String>)> = HashMap::new();
    let mut kegiatan: HashMap<String, (usize, String, Option<String>)> = HashMap::new();
    let mut sub: HashMap<String, AkumulasiSub> = HashMap::new();
    let mut urut_sub: Vec<String> = Vec::new();
    // Indikator per baris: keluaran sub kegiatan, atau hasil program/kegiatan
    // (baris tanpa `subkegiatan_kode`); `butir` = kode butirnya.
    struct BarisInd {
        butir: String,
        nama: String,
        kunci: String,
        satuan: Option<String>,
        polaritas: Option<String>,
        baseline: Option<Decimal>,
        target: Option<Decimal>,
        tw: [Option<Decimal>; 4],
    }
    let mut indikator: Vec<BarisInd> = Vec::new();
    let mut ind_terlihat: HashMap<(String, String), usize> = HashMap::new();
    // Unit penanggung jawab program/kegiatan dari baris indikator hasilnya:
    // kode → (baris pertama, unit).
    let mut unit_hasil: HashMap<String, (usize, Option<String>)> = HashMap::new();
    let mut kode_hasil: HashSet<String> = HashSet::new();
    let ada = |c: &str| tabel.ada(c);
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        // Baris indikator hasil: tanpa sub kegiatan, dengan indikator; milik
        // kegiatannya bila `kegiatan_kode` diisi, selain itu milik programnya.
        let baris_hasil =
            sel("subkegiatan_kode").teks().is_none() && sel("indikator").teks().is_some();
        let kd = |c: &str, wajib: bool, g: &mut DaftarGalat| match kode(k, sel(c)) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                if wajib && c == "subkegiatan_kode" {
                    g.tambah(
                        n,
                        c,
                        k.t(
                            "Kode wajib diisi. Baris tanpa sub kegiatan hanya untuk indikator hasil program/kegiatan: isi kolom indikator.",
                            "A code is required. A row without a sub-activity is only for an outcome indicator of a programme/activity: fill in the indicator column.",
                        ),
                    );
                } else if wajib {
                    g.tambah(n, c, k.t("Kode wajib diisi.", "A code is required."));
                }
                None
            }
            Err(e) => {
                g.tambah(n, c, e);
                None
            }
        };
        let pk = kd("program_kode", true, &mut g);
        let kk = kd("kegiatan_kode", !baris_hasil, &mut g);
        let sk = kd("subkegiatan_kode", !baris_hasil, &mut g);
        let nama = |c: &str, g: &mut DaftarGalat| {
            let t = sel(c).teks()?;
            if let Some(e) =
                crate::validasi::alasan(k.bahasa, &t, 500, crate::validasi::JenisTeks::Nama)
            {
                g.tambah(n, c, e);
                return None;
            }
            Some(t)
        };
        let pn = nama("program_nama", &mut g);
        let kn = nama("kegiatan_nama", &mut g);
        let sn = nama("subkegiatan_nama", &mut g);
        if let Some(pk) = &pk {
            let e = program.entry(pk.clone()).or_insert((n, None));
            if let Some(x) = pn {
                match &e.1 {
                    Some(lama) if kunci(lama) != kunci(&x) => g.tambah(
                        n,
                        "program_nama",
                        pilih(
                            k,
                            format!("Program {pk} bernama lain di baris {}.", e.0),
                            format!("Programme {pk} has another name on row {}.", e.0),
                        ),
                    ),
                    Some(_) => {}
                    None => e.1 = Some(x),
                }
            }
        }
        if let (Some(kk), Some(pk)) = (&kk, &pk) {
            let e = kegiatan.entry(kk.clone()).or_insert((n, pk.clone(), None));
            if &e.1 != pk {
                g.tambah(
                    n,
                    "program_kode",
                    pilih(
                        k,
                        format!(
                            "Kegiatan {kk} berada di bawah program {} di baris {}.",
                            e.1, e.0
                        ),
                        format!("Activity {kk} sits under programme {} on row {}.", e.1, e.0),
                    ),
                );
            }
            if let Some(x) = kn {
                match &e.2 {
                    Some(lama) if kunci(lama) != kunci(&x) => g.tambah(
                        n,
                        "kegiatan_nama",
                        pilih(
                            k,
                            format!("Kegiatan {kk} bernama lain di baris {}.", e.0),
                            format!("Activity {kk} has another name on row {}.", e.0),
                        ),
                    ),
                    Some(_) => {}
                    None => e.2 = Some(x),
                }
            }
        }
        let (tujuan, label) = if baris_hasil {
            let Some(pk) = pk else { continue };
            let (tujuan, label) = match &kk {
                Some(kk) => (
                    kk.clone(),
                    pilih(k, format!("kegiatan {kk}"), format!("activity {kk}")),
                ),
                None => (
                    pk.clone(),
                    pilih(k, format!("program {pk}"), format!("programme {pk}")),
                ),
            };
            if sel("subkegiatan_nama").teks().is_some() {
                g.tambah(
                    n,
                    "subkegiatan_nama",
                    k.t(
                        "Nama sub kegiatan tanpa kodenya: isi subkegiatan_kode, atau kosongkan nama ini bila baris ini indikator hasil program/kegiatan.",
                        "A sub-activity name without its code: fill in subkegiatan_kode, or leave the name empty if this row is an outcome indicator of a programme/activity.",
                    ),
                );
            }
            if kk.is_none() && sel("kegiatan_nama").teks().is_some() {
                g.tambah(
                    n,
                    "kegiatan_nama",
                    k.t(
                        "Nama kegiatan tanpa kodenya: isi kegiatan_kode, atau kosongkan nama ini bila baris ini indikator hasil program.",
                        "An activity name without its code: fill in kegiatan_kode, or leave the name empty if this row is an outcome indicator of the programme.",
                    ),
                );
            }
            if ada("lokasi") && sel("lokasi").teks().is_some() {
                g.tambah(
                    n,
                    "lokasi",
                    pilih(
                        k,
                        format!("Lokasi hanya untuk sub kegiatan. Baris tanpa subkegiatan_kode adalah indikator hasil {label}: kosongkan lokasi di baris ini."),
                        format!("A location belongs to a sub-activity only. A row without subkegiatan_kode is an outcome indicator of {label}: leave lokasi empty on this row."),
                    ),
                );
            }
            if ada("pagu") && sel("pagu").teks().is_some() {
                g.tambah(
                    n,
                    "pagu",
                    pilih(
                        k,
                        format!("Pagu hanya untuk sub kegiatan. Baris tanpa subkegiatan_kode adalah indikator hasil {label}: kosongkan pagu di baris ini."),
                        format!("A budget ceiling belongs to a sub-activity only. A row without subkegiatan_kode is an outcome indicator of {label}: leave pagu empty on this row."),
                    ),
                );
            }
            if ada("unit") {
                let teks = sel("unit").teks();
                let u = match &teks {
                    None => None,
                    Some(t) => match pohon.cari(t) {
                        Cari::Satu(id) => Some(id),
                        c => {
                            if let Some(p) = pesan_unit(k, t, &c) {
                                g.tambah(n, "unit", p);
                            }
                            None
                        }
                    },
                };
                match unit_hasil.get(&tujuan) {
                    Some((m, lama)) if lama != &u && teks.is_some() => g.tambah(
                        n,
                        "unit",
                        pilih(
                            k,
                            format!("Unit {label} berbeda dengan baris {m}."),
                            format!("The unit of {label} differs from row {m}."),
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        unit_hasil.insert(tujuan.clone(), (n, u));
                    }
                }
            }
            kode_hasil.insert(tujuan.clone());
            (tujuan, label)
        } else {
            let Some(sk) = sk else { continue };
            let label = pilih(
                k,
                format!("sub kegiatan {sk}"),
                format!("sub-activity {sk}"),
            );
            let baru = !sub.contains_key(&sk);
            let a = sub.entry(sk.clone()).or_default();
            if baru {
                urut_sub.push(sk.clone());
                a.baris = n;
                a.kegiatan = kk.clone().unwrap_or_default();
            } else if let Some(kk) = &kk
                && &a.kegiatan != kk
            {
                g.tambah(
                    n,
                    "kegiatan_kode",
                    pilih(
                        k,
                        format!(
                            "Sub kegiatan {sk} berada di bawah kegiatan {} di baris {}.",
                            a.kegiatan, a.baris
                        ),
                        format!(
                            "Sub-activity {sk} sits under activity {} on row {}.",
                            a.kegiatan, a.baris
                        ),
                    ),
                );
            }
            if a.nama.is_none() {
                a.nama = sn;
            }
            if ada("unit") {
                let u = match sel("unit").teks() {
                    None => None,
                    Some(t) => match pohon.cari(&t) {
                        Cari::Satu(id) => Some(id),
                        c => {
                            if let Some(p) = pesan_unit(k, &t, &c) {
                                g.tambah(n, "unit", p);
                            }
                            None
                        }
                    },
                };
                match &a.unit {
                    Some(lama) if lama != &u && !(u.is_none() && sel("unit").teks().is_none()) => g
                        .tambah(
                            n,
                            "unit",
                            pilih(
                                k,
                                format!("Unit sub kegiatan {sk} berbeda dengan baris {}.", a.baris),
                                format!(
                                    "The unit of sub-activity {sk} differs from row {}.",
                                    a.baris
                                ),
                            ),
                        ),
                    Some(_) => {}
                    None => a.unit = Some(u),
                }
            }
            if ada("pagu") && sel("pagu").teks().is_some() {
                match uang(k, &tabel, sel("pagu")) {
                Err(e) => g.tambah(n, "pagu", e),
                Ok(p) => match a.pagu {
                    Some((m, Some(lama))) if Some(lama) != p => g.tambah(
                        n,
                        "pagu",
                        pilih(
                            k,
                            format!("Pagu sub kegiatan {sk} berbeda dengan baris {m}; tulis pagu yang sama atau hanya di satu baris."),
                            format!("The budget ceiling of sub-activity {sk} differs from row {m}; write the same amount or only on one row."),
                        ),
                    ),
                    Some((_, Some(_))) => {}
                    _ => a.pagu = Some((n, p)),
                },
            }
            }
            if ada("lokasi")
                && let Some(t) = sel("lokasi").teks()
            {
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(e) = crate::validasi::alasan(
                    k.bahasa,
                    &t,
                    crate::perencanaan::MAKS_LOKASI,
                    crate::validasi::JenisTeks::Nama,
                ) {
                    g.tambah(n, "lokasi", e);
                } else {
                    match &a.lokasi {
                        Some((m, lama)) if lama != &t => g.tambah(
                            n,
                            "lokasi",
                            pilih(
                                k,
                                format!("Lokasi sub kegiatan {sk} berbeda dengan baris {m}; tulis lokasi yang sama atau hanya di satu baris."),
                                format!("The location of sub-activity {sk} differs from row {m}; write the same location or only on one row."),
                            ),
                        ),
                        Some(_) => {}
                        None => a.lokasi = Some((n, t)),
                    }
                }
            }
            (sk, label)
        };
        let Some(ind_nama) = sel("indikator").teks() else {
            continue;
        };
        if let Some(e) =
            crate::validasi::alasan(k.bahasa, &ind_nama, 500, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "indikator", e);
            continue;
        }
        let ik = kunci(&ind_nama);
        if let Some(m) = ind_terlihat.insert((tujuan.clone(), ik.clone()), n) {
            g.tambah(
                n,
                "indikator",
                pilih(
                    k,
                    format!("Indikator “{ind_nama}” {label} sudah ada di baris {m}."),
                    format!("Indicator “{ind_nama}” of {label} already appears on row {m}."),
                ),
            );
            continue;
        }
        let galat_awal = g.jumlah;
        let polaritas = match sel("polaritas").teks().map(|t| t.to_lowercase()) {
            None => None,
            Some(p) if p == "positif" || p == "negatif" => Some(p),
            Some(p) => {
                g.tambah(
                    n,
                    "polaritas",
                    pilih(
                        k,
                        format!("Polaritas “{p}” tidak dikenal; tulis positif atau negatif."),
                        format!("Polarity “{p}” is unknown; write positif or negatif."),
                    ),
                );
                None
            }
        };
        let mut num = |c: &str| match angka(k, &tabel, sel(c)) {
            Ok(x) => x,
            Err(e) => {
                g.tambah(n, c, e);
                None
            }
        };
        let baseline = num("baseline");
        let target = num("target");
        let tw = [
            num("target_tw1"),
            num("target_tw2"),
            num("target_tw3"),
            num("target_tw4"),
        ];
        let satuan = sel("satuan").teks();
        if let Some(s) = &satuan
            && let Some(e) =
                crate::validasi::alasan(k.bahasa, s, 100, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "satuan", e);
        }
        // Indikator hasil tidak melewati gerbang keluaran: aturan target
        // triwulannya diperiksa di sini (boleh kosong semua).
        if baris_hasil
            && g.jumlah == galat_awal
            && let Some((kolom, p)) = crate::perencanaan::periksa_triwulan_hasil(
                k.bahasa,
                polaritas.as_deref(),
                target,
                tw,
            )
        {
            let kolom = match kolom {
                None => "target".to_string(),
                Some(j) => format!("target_tw{}", j + 1),
            };
            g.tambah(n, &kolom, p);
        }
        indikator.push(BarisInd {
            butir: tujuan,
            nama: ind_nama,
            kunci: ik,
            satuan,
            polaritas,
            baseline,
            target,
            tw,
        });
    }
    // Nama wajib untuk butir baru.
    let lama_per_kode: HashMap<String, usize> = butir_lama
        .iter()
        .enumerate()
        .map(|(i, b)| (b.kode.clone(), i))
        .collect();
    for (pk, (n, nama)) in &program {
        if nama.is_none() && !lama_per_kode.contains_key(pk) {
            g.tambah(
                *n,
                "program_nama",
                pilih(
                    k,
                    format!("Program {pk} baru: tulis namanya."),
                    format!("Programme {pk} is new: write its name."),
                ),
            );
        }
    }
    for (kk, (n, _, nama)) in &kegiatan {
        if nama.is_none() && !lama_per_kode.contains_key(kk) {
            g.tambah(
                *n,
                "kegiatan_nama",
                pilih(
                    k,
                    format!("Kegiatan {kk} baru: tulis namanya."),
                    format!("Activity {kk} is new: write its name."),
                ),
            );
        }
    }
    for sk in &urut_sub {
        let a = &sub[sk];
        if a.nama.is_none() && !lama_per_kode.contains_key(sk) {
            match rules::anggaran::entri_subkegiatan(sk).first() {
                Some(_) => {}
                None => g.tambah(
                    a.baris,
                    "subkegiatan_nama",
                    pilih(
                        k,
                        format!(
                            "Sub kegiatan {sk} baru dan tidak ada di nomenklatur: tulis namanya."
                        ),
                        format!(
                            "Sub-activity {sk} is new and not in the nomenclature: write its name."
                        ),
                    ),
                ),
            }
        }
        if !kl && !rules::anggaran::kode_dikenal(sk) {
            lap.info.push(CatatanBaris::baru(a.baris, "subkegiatan_kode", pilih(k,
                format!("Kode {sk} tidak ada di nomenklatur yang dikenal Kinerja; keselarasan akan melaporkannya."),
                format!("Code {sk} is not in the nomenclature Kinerja knows; the alignment audit will report it."))));
        }
    }
    if g.jumlah > 0 {
        crate::impor::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_RENCANA);
        return Ok(lap);
    }

    // Rencana gabungan: butir lama diperbarui, yang baru ditambahkan.
    let waktu = store::sekarang();
    let rencana_id = draf
        .as_ref()
        .map(|d| d.id.clone())
        .unwrap_or_else(store::id_baru);
    let rencana_baru = draf.is_none().then(|| Rencana {
        instansi_id: instansi_id.into(),
        id: rencana_id.clone(),
        tahun,
        revisi: 0,
        status: store::perencanaan::DRAF.into(),
        dasar_id: None,
        alasan_perubahan: None,
        ditetapkan_oleh: None,
        ditetapkan_pada: None,
        nomenklatur: None,
        versi: 1,
        dibuat_pada: waktu.clone(),
        diubah_pada: waktu.clone(),
    });
    let per_kode: HashMap<String, usize> = lama_per_kode;
    let asli: Vec<Butir> = butir_lama.clone();
    let mut baru_butir: Vec<Butir> = Vec::new();
    let mut urutan_maks = butir_lama.iter().map(|b| b.urutan).max().unwrap_or(0);
    let mut buat_atau_ubah = |tingkat: &str,
                              kd: &str,
                              nama: Option<&String>,
                              induk: Option<String>,
                              butir_lama: &mut Vec<Butir>,
                              baru_butir: &mut Vec<Butir>|
     -> String {
        if let Some(&i) = per_kode.get(kd) {
            let b = &mut butir_lama[i];
            if let Some(x) = nama {
                b.nama = x.trim().to_string();
            }
            if induk.is_some() {
                b.induk_id = induk;
            }
            b.id.clone()
        } else if let Some(b) = baru_butir.iter_mut().find(|b| b.kode == kd) {
            b.id.clone()
        } else {
            urutan_maks += 1;
            let id = store::id_baru();
            baru_butir.push(Butir {
                instansi_id: instansi_id.into(),
                id: id.clone(),
                rencana_id: rencana_id.clone(),
                kunci: store::id_baru(),
                tingkat: tingkat.into(),
                kode: kd.into(),
                nama: nama.map(|x| x.trim().to_string()).unwrap_or_default(),
                induk_id: induk,
                unit_id: None,
                pagu_sen: None,
                lokasi: None,
                pejabat_id: None,
                urutan: urutan_maks,
                versi: 1,
                dibuat_pada: waktu.clone(),
                diubah_pada: waktu.clone(),
            });
            id
        }
    };
    let mut id_program: HashMap<String, String> = HashMap::new();
    let mut daftar_program: Vec<(&String, &(usize, Option<String>))> = program.iter().collect();
    daftar_program.sort_by_key(|(_, (n, _))| *n);
    for (pk, (_, nama)) in daftar_program {
        let id = buat_atau_ubah(
            PROGRAM,
            pk,
            nama.as_ref(),
            None,
            &mut butir_lama,
            &mut baru_butir,
        );
        id_program.insert(pk.clone(), id);
    }
    // Unit penanggung jawab program/kegiatan dari baris indikator hasilnya.
    let pasang_unit = |kd: &str, butir_lama: &mut Vec<Butir>, baru_butir: &mut Vec<Butir>| {
        let Some((_, u)) = unit_hasil.get(kd) else {
            return;
        };
        let b = match per_kode.get(kd) {
            Some(&i) => &mut butir_lama[i],
            None => match baru_butir.iter_mut().find(|b| b.kode == kd) {
                Some(b) => b,
                None => return,
            },
        };
        b.unit_id = u.clone();
    };
    for pk in id_program.keys() {
        pasang_unit(pk, &mut butir_lama, &mut baru_butir);
    }
    let mut id_kegiatan: HashMap<String, String> = HashMap::new();
    let mut daftar_kegiatan: Vec<_> = kegiatan.iter().collect();
    daftar_kegiatan.sort_by_key(|(_, (n, _, _))| *n);
    for (kk, (_, pk, nama)) in daftar_kegiatan {
        let induk = id_program.get(pk).cloned();
        let id = buat_atau_ubah(
            KEGIATAN,
            kk,
            nama.as_ref(),
            induk,
            &mut butir_lama,
            &mut baru_butir,
        );
        id_kegiatan.insert(kk.clone(), id);
        pasang_unit(kk, &mut butir_lama, &mut baru_butir);
    }
    let mut id_sub: HashMap<String, String> = HashMap::new();
    for sk in &urut_sub {
        let a = &sub[sk];
        let nama = a.nama.clone().or_else(|| {
            rules::anggaran::entri_subkegiatan(sk)
                .first()
                .map(|e| e.nama.to_string())
        });
        let induk = id_kegiatan.get(&a.kegiatan).cloned();
        let id = buat_atau_ubah(
            SUBKEGIATAN,
            sk,
            nama.as_ref(),
            induk,
            &mut butir_lama,
            &mut baru_butir,
        );
        let b = match per_kode.get(sk.as_str()) {
            Some(&i) => &mut butir_lama[i],
            None => baru_butir
                .iter_mut()
                .find(|b| &b.kode == sk)
                .expect("baru dibuat"),
        };
        if let Some(u) = &a.unit {
            b.unit_id = u.clone();
        }
        if let Some((_, p)) = a.pagu {
            b.pagu_sen = p;
        }
        if let Some((_, x)) = &a.lokasi {
            b.lokasi = Some(x.clone());
        }
        id_sub.insert(sk.clone(), id);
    }
    // Indikator.
    let ind_per_kunci: HashMap<(String, String), usize> = ind_lama
        .iter()
        .enumerate()
        .map(|(i, x)| ((x.butir_id.clone(), x.nama_kunci.clone()), i))
        .collect();
    let ind_asli = ind_lama.clone();
    let mut urutan_ind: HashMap<String, i64> = HashMap::new();
    for x in &ind_lama {
        let e = urutan_ind.entry(x.butir_id.clone()).or_insert(-1);
        *e = (*e).max(x.urutan);
    }
    let mut ind_baru: Vec<Indikator> = Vec::new();
    for x in indikator {
        let Some(bid) = [&id_sub, &id_kegiatan, &id_program]
            .into_iter()
            .find_map(|m| m.get(&x.butir).cloned())
        else {
            continue;
        };
        let set = |i: &mut Indikator| {
            i.nama = x.nama.clone();
            if ada("satuan") {
                i.satuan = x.satuan.clone();
            }
            if ada("polaritas") {
                i.polaritas = x.polaritas.clone();
            }
            if ada("baseline") {
                i.baseline = x.baseline.map(kanonis);
            }
            if ada("target") {
                i.target = x.target.map(kanonis);
            }
            for (j, slot) in [
                &mut i.target_tw1,
                &mut i.target_tw2,
                &mut i.target_tw3,
                &mut i.target_tw4,
            ]
            .into_iter()
            .enumerate()
            {
                if ada(&format!("target_tw{}", j + 1)) {
                    *slot = x.tw[j].map(kanonis);
                }
            }
        };
        match ind_per_kunci.get(&(bid.clone(), x.kunci.clone())) {
            Some(&i) => set(&mut ind_lama[i]),
            None => {
                let u = urutan_ind.entry(bid.clone()).or_insert(-1);
                *u += 1;
                let mut i = Indikator {
                    instansi_id: instansi_id.into(),
                    id: store::id_baru(),
                    rencana_id: rencana_id.clone(),
                    butir_id: bid,
                    kunci: store::id_baru(),
                    nama: String::new(),
                    nama_kunci: x.kunci.clone(),
                    satuan: None,
                    polaritas: None,
                    baseline: None,
                    target: None,
                    target_tw1: None,
                    target_tw2: None,
                    target_tw3: None,
                    target_tw4: None,
                    urutan: *u,
                    versi: 1,
                    dibuat_pada: waktu.clone(),
                    diubah_pada: waktu.clone(),
                };
                set(&mut i);
                ind_baru.push(i);
            }
        }
    }
    let butir_ubah: Vec<(&Butir, &Butir)> = asli
        .iter()
        .zip(butir_lama.iter())
        .filter(|(a, b)| a != b)
        .collect();
    let ind_ubah: Vec<(&Indikator, &Indikator)> = ind_asli
        .iter()
        .zip(ind_lama.iter())
        .filter(|(a, b)| a != b)
        .collect();
    lap.dibuat = baru_butir.len() + ind_baru.len();
    lap.diperbarui = butir_ubah.len() + ind_ubah.len();
    let disentuh: HashSet<&str> = id_sub
        .values()
        .chain(
            kode_hasil
                .iter()
                .filter_map(|kd| id_kegiatan.get(kd).or_else(|| id_program.get(kd))),
        )
        .map(String::as_str)
        .collect();
    let disentuh_ind = ind_lama
        .iter()
        .filter(|i| disentuh.contains(i.butir_id.as_str()))
        .count();
    lap.tidak_berubah = (program.len() + kegiatan.len() + urut_sub.len())
        .saturating_sub(baru_butir.len() + butir_ubah.len())
        + disentuh_ind.saturating_sub(ind_ubah.len());

    let mut tx = l.db.mulai().await?;
    let tulis = TulisRencana {
        instansi_id,
        tahun,
        rencana_baru: rencana_baru.as_ref(),
        rencana_id: &rencana_id,
        butir_baru: &baru_butir,
        butir_ubah: &butir_ubah,
        ind_baru: &ind_baru,
        ind_ubah: &ind_ubah,
        waktu: &waktu,
    };
    match tulis.jalankan(&mut tx).await {
        Ok(true) => {}
        Ok(false) => return Err(berubah_saat_impor(k)),
        Err(e) => return Err(galat_tulis(k, e)),
    }
    let audit_baru = baru_butir.iter().map(|b| (b.id.as_str(), None, Some(b)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "buat", "rencana_butir", audit_baru)
        .await?;
    let audit_ubah = butir_ubah
        .iter()
        .map(|(a, b)| (a.id.as_str(), Some(*a), Some(*b)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "ubah", "rencana_butir", audit_ubah)
        .await?;
    let audit_ind = ind_baru.iter().map(|i| (i.id.as_str(), None, Some(i)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "buat",
        "rencana_indikator",
        audit_ind,
    )
    .await?;
    let audit_ind_ubah = ind_ubah
        .iter()
        .map(|(a, b)| (a.id.as_str(), Some(*a), Some(*b)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "ubah",
        "rencana_indikator",
        audit_ind_ubah,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

fn berubah_saat_impor(k: &Konteks) -> Galat {
    Galat::Konflik(
        k.t(
            "Rencana diubah orang lain saat impor berjalan. Tidak ada yang disimpan; unggah berkas itu lagi.",
            "Someone changed the plan while the import ran. Nothing was saved; upload the file again.",
        )
        .into(),
    )
}

struct TulisRencana<'a> {
    instansi_id: &'a str,
    tahun: i64,
    rencana_baru: Option<&'a Rencana>,
    rencana_id: &'a str,
    butir_baru: &'a [Butir],
    butir_ubah: &'a [(&'a Butir, &'a Butir)],
    ind_baru: &'a [Indikator],
    ind_ubah: &'a [(&'a Indikator, &'a Indikator)],
    waktu: &'a str,
}

impl TulisRencana<'_> {
    /// false: versi sebuah rekaman sudah berubah (ditulis orang lain).
    async fn jalankan(&self, tx: &mut store::Transaksi<'_>) -> Result<bool, store::GalatStore> {
        store::perencanaan::sentuh_rencana(tx, self.instansi_id, self.tahun).await?;
        if let Some(r) = self.rencana_baru {
            store::perencanaan::sisipkan_rencana(tx, r).await?;
        }
        // Induk lebih dulu (FK induk_id).
        for tingkat in [PROGRAM, KEGIATAN, SUBKEGIATAN] {
            let potong: Vec<Butir> = self
                .butir_baru
                .iter()
                .filter(|b| b.tingkat == tingkat)
                .cloned()
                .collect();
            store::perencanaan::sisipkan_butir_banyak(tx, &potong).await?;
        }
        for (a, b) in self.butir_ubah {
            let mut x = (*b).clone();
            x.versi = a.versi;
            x.diubah_pada = self.waktu.to_string();
            if !store::perencanaan::ubah_butir(tx, &x).await? {
                return Ok(false);
            }
        }
        store::perencanaan::sisipkan_indikator_banyak(tx, self.ind_baru).await?;
        for (a, b) in self.ind_ubah {
            let mut x = (*b).clone();
            x.versi = a.versi;
            x.diubah_pada = self.waktu.to_string();
            if !store::perencanaan::ubah_indikator(tx, &x).await? {
                return Ok(false);
            }
        }
        store::perencanaan::naikkan_versi_rencana(
            tx,
            self.instansi_id,
            self.rencana_id,
            self.waktu,
        )
        .await?;
        if self.butir_baru.len() + self.ind_baru.len() > 1_000 {
            store::perencanaan::segarkan_statistik_anggaran(tx).await?;
        }
        Ok(true)
    }
}
