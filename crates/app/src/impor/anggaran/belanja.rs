//! Impor rincian belanja (mengganti rincian sub kegiatan yang disebut).

#[allow(unused_imports)]
use super::*;

// ---------- belanja ----------

/// Mengganti rincian belanja sub kegiatan yang disebut berkas.
pub async fn impor_belanja(
    l: &Layanan,
    k: &Konteks,
    instansi_id: &str,
    tahun: i64,
    nama_berkas: &str,
    bytes: &[u8],
) -> Hasil<LaporanImpor> {
    kebijakan::wajib(k, Aksi::Kelola, Sumber::Belanja(instansi_id))?;
    let rt = mulai(l, k, instansi_id, tahun).await?;
    let _giliran = crate::impor::giliran_impor().await?;
    let mut lap = LaporanImpor::baru(Jenis::Belanja, nama_berkas);
    let Some(tabel) = baca_berkas(k, Jenis::Belanja, nama_berkas, bytes, &mut lap).await? else {
        return Ok(lap);
    };
    let Some(sasaran) = rt.draf().or(rt.berlaku()).cloned() else {
        return Ok(tolak(
            &mut lap,
            pilih(
                k,
                format!("Belum ada rencana {tahun}; impor rencananya dulu."),
                format!("There is no {tahun} plan yet; import the plan first."),
            ),
        ));
    };
    lap.info.push(CatatanBaris::baru(
        0,
        "",
        pilih(
            k,
            format!(
                "Rincian dimuat ke revisi {} ({}).",
                sasaran.revisi, sasaran.status
            ),
            format!(
                "Details loaded into revision {} ({}).",
                sasaran.revisi, sasaran.status
            ),
        ),
    ));
    let kl = crate::perencanaan::skema_kl(l, instansi_id).await?;
    let butir = store::perencanaan::butir_rencana(l.pool(), instansi_id, &sasaran.id).await?;
    let per_kode: HashMap<&str, &Butir> = butir
        .iter()
        .filter(|b| b.tingkat == SUBKEGIATAN)
        .map(|b| (b.kode.as_str(), b))
        .collect();
    let mut g = DaftarGalat::default();
    let mut rincian: Vec<Rincian> = Vec::new();
    let mut jumlah: HashMap<String, i64> = HashMap::new();
    // (butir, kode komponen) → (baris pertama, nama): nama sama per komponen.
    let mut komponen_dilihat: HashMap<(String, String), (usize, Option<String>)> = HashMap::new();
    let waktu = store::sekarang();
    for b in &tabel.baris {
        let n = b.nomor;
        let sel = |c: &str| tabel.sel(b, c);
        let butir = match kode(k, sel("subkegiatan_kode")) {
            Ok(Some(x)) => match per_kode.get(x.as_str()) {
                Some(b) => Some(*b),
                None => {
                    g.tambah(
                        n,
                        "subkegiatan_kode",
                        pilih(
                            k,
                            format!(
                                "Sub kegiatan {x} tidak ada di rencana {tahun} revisi {}.",
                                sasaran.revisi
                            ),
                            format!(
                                "Sub-activity {x} is not in the {tahun} plan, revision {}.",
                                sasaran.revisi
                            ),
                        ),
                    );
                    None
                }
            },
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
        let rek = sel("kode_rekening").teks().map(|t| {
            if kl {
                t.trim().to_string()
            } else {
                rules::anggaran::normalkan_rekening(&t)
            }
        });
        match &rek {
            None => g.tambah(n, "kode_rekening", k.t("Kode rekening wajib diisi.", "An account code is required.")),
            // K/L: akun BAS enam digit, belanja diawali 5.
            Some(r) if kl => {
                if !(r.len() == 6 && r.starts_with('5') && r.chars().all(|c| c.is_ascii_digit())) {
                    g.tambah(n, "kode_rekening", pilih(k,
                        format!("Akun {r} bukan akun belanja BAS enam digit (mis. 524111)."),
                        format!("Account {r} is not a six-digit BAS spending account (e.g. 524111).")));
                }
            }
            Some(r) if !r.starts_with("5.") || rules::anggaran::uraian_rekening(r).is_none() => g.tambah(
                n,
                "kode_rekening",
                pilih(
                    k,
                    format!("Kode rekening {r} bukan kode belanja (5.…) yang ada di bagan akun Permendagri 90/2019."),
                    format!("Account {r} is not a spending account (5.…) in the Permendagri 90/2019 chart."),
                ),
            ),
            Some(_) => {}
        }
        let uraian = sel("uraian").teks();
        if let Some(u) = &uraian
            && let Some(e) =
                crate::validasi::alasan(k.bahasa, u, 500, crate::validasi::JenisTeks::Nama)
        {
            g.tambah(n, "uraian", e);
        }
        let (komponen_kode, komponen_nama) =
            komponen(k, kl, &tabel, b, butir, &mut komponen_dilihat, &mut g);
        let jml = match uang(k, &tabel, sel("jumlah")) {
            Ok(Some(x)) if x > 0 => Some(x),
            Ok(_) => {
                g.tambah(
                    n,
                    "jumlah",
                    k.t(
                        "Jumlah harus lebih dari nol.",
                        "The amount must be above zero.",
                    ),
                );
                None
            }
            Err(e) => {
                g.tambah(n, "jumlah", e);
                None
            }
        };
        if let (Some(b), Some(rek), Some(jml)) = (butir, rek, jml) {
            let e = jumlah.entry(b.id.clone()).or_default();
            *e = e.saturating_add(jml);
            rincian.push(Rincian {
                instansi_id: instansi_id.into(),
                id: store::id_baru(),
                rencana_id: sasaran.id.clone(),
                butir_id: b.id.clone(),
                kode_rekening: rek,
                uraian,
                jumlah_sen: jml,
                urutan: n as i64,
                dibuat_pada: waktu.clone(),
                komponen_kode,
                komponen_nama,
            });
        }
    }
    if g.jumlah > 0 {
        crate::impor::isi_galat(&mut lap, g.isi, g.jumlah, KOLOM_BELANJA);
        return Ok(lap);
    }
    let per_id: HashMap<&str, &Butir> = butir.iter().map(|b| (b.id.as_str(), b)).collect();
    let mut diganti: Vec<String> = jumlah.keys().cloned().collect();
    diganti.sort();
    for id in &diganti {
        let b = per_id[id.as_str()];
        if b.pagu_sen.is_some_and(|p| p != jumlah[id]) {
            lap.info.push(CatatanBaris::baru(
                0,
                "jumlah",
                pilih(
                    k,
                    format!(
                        "Jumlah rincian sub kegiatan {} (Rp{}) tidak sama dengan pagunya (Rp{}).",
                        b.kode,
                        crate::perencanaan::d2(rupiah(jumlah[id])),
                        crate::perencanaan::d2(rupiah(b.pagu_sen.unwrap_or(0)))
                    ),
                    format!(
                        "Details of sub-activity {} add up to Rp{}, not its ceiling Rp{}.",
                        b.kode,
                        crate::perencanaan::d2(rupiah(jumlah[id])),
                        crate::perencanaan::d2(rupiah(b.pagu_sen.unwrap_or(0)))
                    ),
                ),
            ));
        }
    }
    lap.dibuat = rincian.len();
    let mut tx = l.db.mulai().await?;
    let hasil = async {
        store::perencanaan::sentuh_rencana(&mut tx, instansi_id, tahun).await?;
        store::perencanaan::ganti_rincian(&mut tx, instansi_id, &diganti, &rincian).await
    }
    .await;
    hasil.map_err(|e| galat_tulis(k, e))?;
    let audit = rincian.iter().map(|r| (r.id.as_str(), None, Some(r)));
    crate::audit::catat_banyak(&mut tx, k, instansi_id, "impor", "rincian_belanja", audit).await?;
    lap.diterima = true;
    catat_impor(&mut tx, k, instansi_id, &lap, 0).await?;
    tx.commit().await?;
    Ok(lap)
}

/// Kolom opsional `komponen_kode`/`komponen_nama` (K/L): kode tiga digit,
/// nama ≤ 200 karakter dan sama untuk kode yang sama di satu RO; nama tanpa
/// kode ditolak. Pemda: kolom terisi = galat di kolomnya.
fn komponen(
    k: &Konteks,
    kl: bool,
    tabel: &Tabel,
    b: &baca::Baris,
    butir: Option<&Butir>,
    dilihat: &mut HashMap<(String, String), (usize, Option<String>)>,
    g: &mut DaftarGalat,
) -> (Option<String>, Option<String>) {
    let n = b.nomor;
    let kode = tabel.sel(b, "komponen_kode").teks();
    let nama = tabel
        .sel(b, "komponen_nama")
        .teks()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    if !kl {
        for (kolom, ada) in [
            ("komponen_kode", kode.is_some()),
            ("komponen_nama", nama.is_some()),
        ] {
            if ada {
                g.tambah(
                    n,
                    kolom,
                    k.t(
                        "Komponen hanya untuk kementerian/lembaga (RO); kosongkan kolom ini untuk pemda.",
                        "Components are for ministries/agencies (RO) only; leave this column empty for a local government.",
                    ),
                );
            }
        }
        return (None, None);
    }
    let Some(kode) = kode else {
        if nama.is_some() {
            g.tambah(
                n,
                "komponen_kode",
                k.t(
                    "Nama komponen tanpa kodenya: isi komponen_kode (tiga digit, mis. 051).",
                    "A component name without its code: fill in komponen_kode (three digits, e.g. 051).",
                ),
            );
        }
        return (None, None);
    };
    if !(kode.len() == 3 && kode.chars().all(|c| c.is_ascii_digit())) {
        g.tambah(
            n,
            "komponen_kode",
            pilih(
                k,
                format!("Kode komponen “{kode}” harus tiga digit (mis. 051)."),
                format!("Component code “{kode}” must be three digits (e.g. 051)."),
            ),
        );
        return (None, None);
    }
    if let Some(t) = &nama
        && let Some(e) = crate::validasi::alasan(k.bahasa, t, 200, crate::validasi::JenisTeks::Nama)
    {
        g.tambah(n, "komponen_nama", e);
        return (None, None);
    }
    if let Some(bt) = butir {
        match dilihat.get(&(bt.id.clone(), kode.clone())) {
            Some((m, lama)) if nama.is_some() && lama.is_some() && lama != &nama => {
                g.tambah(
                    n,
                    "komponen_nama",
                    pilih(
                        k,
                        format!("Nama komponen {kode} berbeda dengan baris {m}; tulis nama yang sama."),
                        format!("The name of component {kode} differs from row {m}; write the same name."),
                    ),
                );
            }
            Some((_, lama)) if nama.is_none() => return (Some(kode), lama.clone()),
            Some(_) => {}
            None => {
                dilihat.insert((bt.id.clone(), kode.clone()), (n, nama.clone()));
            }
        }
    }
    (Some(kode), nama)
}
