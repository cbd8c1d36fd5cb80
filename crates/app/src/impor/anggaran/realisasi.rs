//! Impor realisasi anggaran bulanan dan keluaran triwulanan; periode terkunci menolak berkas utuh.

#[allow(unused_imports)]
use super::*;

// ---------- realisasi ----------

/// Bulan terakhir yang sudah berjalan pada tahun itu (0 bila belum mulai).
async fn bulan_berjalan(l: &Layanan, instansi_id: &str, tahun: i64) -> Hasil<i64> {
    let hari = crate::organisasi::hari_ini_di(l, instansi_id).await?;
    let th: i64 = hari[0..4].parse().unwrap_or(tahun);
    let bl: i64 = hari[5..7].parse().unwrap_or(12);
    Ok(if tahun < th {
        12
    } else if tahun > th {
        0
    } else {
        bl
    })
}

fn pesan_kunci(k: &Konteks, x: &KunciPeriode) -> String {
    let periode = crate::perencanaan::nama_periode(k.bahasa, &x.jenis, x.periode, x.tahun);
    let pada = x.dikunci_pada.get(0..10).unwrap_or(&x.dikunci_pada);
    match k.bahasa {
        Bahasa::Id => format!(
            "{periode} dikunci keuangan pada {pada}; tidak ada yang disimpan. Minta keuangan membuka kuncinya."
        ),
        Bahasa::En => format!(
            "{periode} was locked by finance on {pada}; nothing was saved. Ask finance to unlock it."
        ),
    }
}

fn bilangan(t: &Tabel, s: &Sel, min: i64, maks: i64) -> Option<i64> {
    baca::bilangan_bulat(s, t.desimal_koma)
        .ok()
        .flatten()
        .filter(|x| (min..=maks).contains(x))
}

/// Realisasi anggaran bulanan per sub kegiatan (upsert per kode dan bulan).
pub async fn impor_realisasi_anggaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Realisasi(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = crate::impor::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::RealisasiAnggaran, nama_berkas);
    let Some(tabel) =
        baca_berkas(k, Jenis::RealisasiAnggaran, nama_berkas, bytes, &mut lap).await?
    else {
        return Ok(lap);
    };
    let Some(berlaku) = rt.berlaku().cloned() else {
        return Ok(tolak(&mut lap, belum_ditetapkan(k, tahun)));
    };
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    let kode_sah: HashSet<&str> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .map(|b| b.kode.as_str())
        .collect();
    let sampai = bulan_berjalan(l, instansi_id, tahun).await?;
    let lama: HashMap<(String, i64), i64> =
        store::perencanaan::realisasi_anggaran(l.pool(), instansi_id, tahun)
            .await?
            .into_iter()
            .map(|r| ((r.subkegiatan_kode, r.bulan), r.jumlah_sen))
            .collect();
    let mut g = DaftarGalat::default();
    let mut baris: Vec<(usize, RealisasiBulan)> = Vec::new();
    let mut dilihat: HashMap<(String, i64), usize> = HashMap::new();
    let waktu = store::sekarang();
    let oleh = k.aktor.as_ref().map(|a| a.pengguna_id.clone());
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let kd = match kode(k, sel("subkegiatan_kode")) {
            Ok(Some(x)) if kode_sah.contains(x.as_str()) => Some(x),
            Ok(Some(x)) => {
                g.tambah(
                    n,
                    "subkegiatan_kode",
                    pilih(
                        k,
                        format!("Sub kegiatan {x} tidak ada di rencana {tahun} yang ditetapkan."),
                        format!("Sub-activity {x} is not in the final {tahun} plan."),
                    ),
                );
                None
            }
            Ok(None) => {
                g.tambah(
                    n,
                    "subkegiatan_kode",
                    k.t("Kode wajib diisi.", "A code is required."),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "subkegiatan_kode", e);
                None
            }
        };
        let bulan = bilangan(&tabel, sel("bulan"), 1, 12);
        match bulan {
            None => g.tambah(
                n,
                "bulan",
                k.t(
                    "Bulan harus bilangan bulat 1–12.",
                    "The month must be a whole number 1–12.",
                ),
            ),
            Some(x) if x > sampai => g.tambah(n, "bulan", pesan_tahun_depan(k)),
            Some(_) => {}
        }
        let jumlah = match uang(k, &tabel, sel("jumlah")) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                g.tambah(
                    n,
                    "jumlah",
                    k.t(
                        "Jumlah wajib diisi (0 bila tidak ada belanja).",
                        "An amount is required (0 when nothing was spent).",
                    ),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "jumlah", e);
                None
            }
        };
        if let (Some(kd), Some(bulan), Some(jumlah)) = (kd, bulan, jumlah) {
            if let Some(m) = dilihat.insert((kd.clone(), bulan), n) {
                g.tambah(
                    n,
                    "bulan",
                    pilih(
                        k,
                        format!("Sub kegiatan {kd} bulan {bulan} sudah ada di baris {m}."),
                        format!("Sub-activity {kd}, month {bulan} already appears on row {m}."),
                    ),
                );
                continue;
            }
            baris.push((
                n,
                RealisasiBulan {
                    instansi_id: instansi_id.into(),
                    tahun,
                    subkegiatan_kode: kd,
                    bulan,
                    jumlah_sen: jumlah,
                    versi: 1,
                    diubah_oleh: oleh.clone(),
                    diubah_pada: waktu.clone(),
                },
            ));
        }
    }
    if g.jumlah > 0 {
        crate::impor::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_REALISASI_ANGGARAN);
        return Ok(lap);
    }
    let tulis: Vec<RealisasiBulan> = baris
        .iter()
        .filter(|(_, r)| lama.get(&(r.subkegiatan_kode.clone(), r.bulan)) != Some(&r.jumlah_sen))
        .map(|(_, r)| r.clone())
        .collect();
    lap.dibuat = tulis
        .iter()
        .filter(|r| !lama.contains_key(&(r.subkegiatan_kode.clone(), r.bulan)))
        .count();
    lap.diperbarui = tulis.len() - lap.dibuat;
    lap.tidak_berubah = baris.len() - tulis.len();
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    // Kunci dibaca di dalam transaksi, sesudah baris rencana terkunci.
    let kunci = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    let terkunci: Vec<&KunciPeriode> = kunci.iter().filter(|x| x.jenis == "anggaran").collect();
    if periksa_kunci(
        k,
        &mut lap,
        &terkunci,
        baris.iter().map(|(n, r)| (*n, r.bulan)),
        "bulan",
    ) {
        return Ok(lap);
    }
    store::perencanaan::tulis_realisasi_anggaran_banyak(&mut tx, &tulis)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let id: Vec<String> = tulis
        .iter()
        .map(|r| format!("{tahun}:{}:{}", r.subkegiatan_kode, r.bulan))
        .collect();
    let audit = tulis
        .iter()
        .zip(&id)
        .map(|(r, i)| (i.as_str(), None, Some(r)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "impor",
        "realisasi_anggaran",
        audit,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

fn belum_ditetapkan(k: &Konteks, tahun: i64) -> String {
    pilih(
        k,
        format!(
            "Rencana {tahun} belum ditetapkan; realisasi dicatat atas rencana yang ditetapkan."
        ),
        format!("The {tahun} plan is not final yet; results are recorded against the final plan."),
    )
}

/// true: ada baris yang menyentuh periode terkunci — laporan ditolak utuh.
fn periksa_kunci(
    k: &Konteks,
    lap: &mut LaporanImpor,
    terkunci: &[&KunciPeriode],
    baris: impl Iterator<Item = (usize, i64)>,
    kolom: &str,
) -> bool {
    let mut galat = Vec::new();
    let mut berkas: Vec<String> = Vec::new();
    for (n, periode) in baris {
        if let Some(x) = terkunci.iter().find(|x| x.periode == periode) {
            let p = pesan_kunci(k, x);
            if !berkas.contains(&p) {
                berkas.push(p.clone());
            }
            galat.push(CatatanBaris::baru(n, kolom, p));
        }
    }
    if galat.is_empty() {
        return false;
    }
    let mut semua: Vec<CatatanBaris> = berkas
        .into_iter()
        .map(|p| CatatanBaris::baru(0, "", p))
        .collect();
    let jumlah = semua.len() + galat.len();
    semua.extend(galat);
    semua.truncate(crate::impor::BATAS_GALAT_LAPORAN);
    lap.galat = semua;
    lap.jumlah_galat = jumlah;
    lap.dibuat = 0;
    lap.diperbarui = 0;
    lap.tidak_berubah = 0;
    true
}

fn nama_tingkat(tingkat: &str) -> (&'static str, &'static str) {
    match tingkat {
        PROGRAM => ("Program", "Programme"),
        KEGIATAN => ("Kegiatan", "Activity"),
        _ => ("Sub kegiatan", "Sub-activity"),
    }
}

/// Realisasi keluaran triwulanan per indikator (kumulatif). Nilai atau
/// bukti yang berubah mengosongkan verifikasi pimpinan unit. Baris yang
/// `subkegiatan_kode`-nya kode program/kegiatan dan `indikator`-nya salah
/// satu indikator hasilnya adalah realisasi indikator hasil (kolom sama).
pub async fn impor_realisasi_keluaran(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    let cakupan = CakupanUnit::untuk(l, k, Aksi::Kelola, Sumber::Keluaran(instansi_id)).await?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = crate::impor::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::RealisasiKeluaran, nama_berkas);
    let Some(tabel) =
        baca_berkas(k, Jenis::RealisasiKeluaran, nama_berkas, bytes, &mut lap).await?
    else {
        return Ok(lap);
    };
    let Some(berlaku) = rt.berlaku().cloned() else {
        return Ok(tolak(&mut lap, belum_ditetapkan(k, tahun)));
    };
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    let indikator =
        store::perencanaan::indikator_rencana(l.pool(), instansi_id, &berlaku.id).await?;
    // Kolom `subkegiatan_kode` boleh memuat kode program atau kegiatan:
    // barisnya realisasi indikator hasil (kode unik per revisi, jadi tidak
    // tertukar dengan sub kegiatan).
    let sub: HashMap<&str, &Butir> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN || b.tingkat == PROGRAM || b.tingkat == KEGIATAN)
        .map(|b| (b.kode.as_str(), b))
        .collect();
    let ind: HashMap<(&str, &str), &Indikator> = indikator
        .iter()
        .map(|i| ((i.butir_id.as_str(), i.nama_kunci.as_str()), i))
        .collect();
    let sampai = (bulan_berjalan(l, instansi_id, tahun).await? + 2) / 3;
    let lama: HashMap<(String, i64), RealisasiTriwulan> =
        store::perencanaan::realisasi_keluaran(l.pool(), instansi_id, tahun, 4)
            .await?
            .into_iter()
            .map(|r| ((r.indikator_kunci.clone(), r.triwulan), r))
            .collect();
    let mut g = DaftarGalat::default();
    let mut baris: Vec<(usize, RealisasiTriwulan)> = Vec::new();
    let mut dilihat: HashMap<(String, i64), usize> = HashMap::new();
    let waktu = store::sekarang();
    let oleh = k.aktor.as_ref().map(|a| a.pengguna_id.clone());
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let sb =
            match kode(k, sel("subkegiatan_kode")) {
                Ok(Some(x)) => {
                    match sub.get(x.as_str()) {
                        Some(b) if cakupan.memuat(b.unit_id.as_deref()) => Some(*b),
                        Some(b) => {
                            let (id, en) = nama_tingkat(&b.tingkat);
                            g.tambah(
                                n,
                                "subkegiatan_kode",
                                pilih(
                                    k,
                                    format!("{id} {x} bukan tanggung jawab unit Anda."),
                                    format!("{en} {x} is not your unit's responsibility."),
                                ),
                            );
                            None
                        }
                        None => {
                            g.tambah(n, "subkegiatan_kode", pilih(k,
                        format!("Sub kegiatan {x} tidak ada di rencana {tahun} yang ditetapkan."),
                        format!("Sub-activity {x} is not in the final {tahun} plan.")));
                            None
                        }
                    }
                }
                Ok(None) => {
                    g.tambah(
                        n,
                        "subkegiatan_kode",
                        k.t("Kode wajib diisi.", "A code is required."),
                    );
                    None
                }
                Err(e) => {
                    g.tambah(n, "subkegiatan_kode", e);
                    None
                }
            };
        let i = match (sb, sel("indikator").teks()) {
            (_, None) => {
                g.tambah(
                    n,
                    "indikator",
                    k.t(
                        "Nama indikator wajib diisi.",
                        "An indicator name is required.",
                    ),
                );
                None
            }
            (None, Some(_)) => None,
            (Some(b), Some(t)) => match ind.get(&(b.id.as_str(), kunci(&t).as_str())) {
                Some(i) => Some(*i),
                None => {
                    let (id, en) = nama_tingkat(&b.tingkat);
                    let id = id.to_lowercase();
                    let en = en.to_lowercase();
                    g.tambah(
                        n,
                        "indikator",
                        pilih(
                            k,
                            format!("Indikator “{t}” tidak ada di {id} {}.", b.kode),
                            format!("Indicator “{t}” is not in {en} {}.", b.kode),
                        ),
                    );
                    None
                }
            },
        };
        let tw = bilangan(&tabel, sel("triwulan"), 1, 4);
        match tw {
            None => g.tambah(
                n,
                "triwulan",
                k.t(
                    "Triwulan harus bilangan bulat 1–4.",
                    "The quarter must be a whole number 1–4.",
                ),
            ),
            Some(x) if x > sampai => g.tambah(n, "triwulan", pesan_tahun_depan(k)),
            Some(_) => {}
        }
        let realisasi = match angka(k, &tabel, sel("realisasi")) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                g.tambah(
                    n,
                    "realisasi",
                    k.t("Realisasi wajib diisi.", "A result is required."),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "realisasi", e);
                None
            }
        };
        let url = sel("bukti_url").teks();
        if let Some(u) = &url
            && (!(u.starts_with("https://") || u.starts_with("http://"))
                || u.len() > 2_000
                || crate::validasi::alasan(k.bahasa, u, 2_000, crate::validasi::JenisTeks::Baris)
                    .is_some())
        {
            g.tambah(n, "bukti_url", k.t(
                "Tautan bukti harus alamat http:// atau https:// (paling panjang 2.000 karakter).",
                "The evidence link must be an http:// or https:// address (at most 2,000 characters)."));
        }
        if let (Some(b), Some(i), Some(tw), Some(realisasi)) = (sb, i, tw, realisasi) {
            if let Some(m) = dilihat.insert((i.kunci.clone(), tw), n) {
                g.tambah(
                    n,
                    "triwulan",
                    pilih(
                        k,
                        format!("Indikator ini triwulan {tw} sudah ada di baris {m}."),
                        format!("This indicator, quarter {tw}, already appears on row {m}."),
                    ),
                );
                continue;
            }
            let nilai = kanonis(realisasi);
            let sebelum = lama.get(&(i.kunci.clone(), tw));
            // Verifikasi hanya bertahan bila nilai dan buktinya tidak berubah.
            let tetap = sebelum.is_some_and(|x| x.realisasi == nilai && x.bukti_url == url);
            baris.push((
                n,
                RealisasiTriwulan {
                    instansi_id: instansi_id.into(),
                    tahun,
                    indikator_kunci: i.kunci.clone(),
                    triwulan: tw,
                    subkegiatan_kode: b.kode.clone(),
                    realisasi: nilai,
                    bukti_id: sebelum.and_then(|x| x.bukti_id.clone()),
                    bukti_url: url,
                    diverifikasi_oleh: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.diverifikasi_oleh.clone()),
                    diverifikasi_pada: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.diverifikasi_pada.clone()),
                    catatan_verifikasi: sebelum
                        .filter(|_| tetap)
                        .and_then(|x| x.catatan_verifikasi.clone()),
                    versi: 1,
                    diubah_oleh: oleh.clone(),
                    diubah_pada: waktu.clone(),
                },
            ));
        }
    }
    if g.jumlah > 0 {
        crate::impor::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_REALISASI_KELUARAN);
        return Ok(lap);
    }
    let sama = |r: &RealisasiTriwulan| {
        lama.get(&(r.indikator_kunci.clone(), r.triwulan))
            .is_some_and(|x| x.realisasi == r.realisasi && x.bukti_url == r.bukti_url)
    };
    let tulis: Vec<RealisasiTriwulan> = baris
        .iter()
        .filter(|(_, r)| !sama(r))
        .map(|(_, r)| r.clone())
        .collect();
    lap.dibuat = tulis
        .iter()
        .filter(|r| !lama.contains_key(&(r.indikator_kunci.clone(), r.triwulan)))
        .count();
    lap.diperbarui = tulis.len() - lap.dibuat;
    lap.tidak_berubah = baris.len() - tulis.len();
    let mut tx = l.db.mulai().await?;
    store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let kunci_ada = store::perencanaan::kunci_periode(&mut tx, instansi_id, tahun).await?;
    let terkunci: Vec<&KunciPeriode> = kunci_ada.iter().filter(|x| x.jenis == "keluaran").collect();
    if periksa_kunci(
        k,
        &mut lap,
        &terkunci,
        baris.iter().map(|(n, r)| (*n, r.triwulan)),
        "triwulan",
    ) {
        return Ok(lap);
    }
    store::perencanaan::tulis_realisasi_keluaran_banyak(&mut tx, &tulis)
        .await
        .map_err(|e| galat_tulis(k, e))?;
    let id: Vec<String> = tulis
        .iter()
        .map(|r| format!("{tahun}:{}:{}", r.indikator_kunci, r.triwulan))
        .collect();
    let audit = tulis
        .iter()
        .zip(&id)
        .map(|(r, i)| (i.as_str(), None, Some(r)));
    crate::audit::catat_banyak(
        &mut tx,
        k,
        instansi_id,
        "impor",
        "realisasi_keluaran",
        audit,
    )
    .await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}
