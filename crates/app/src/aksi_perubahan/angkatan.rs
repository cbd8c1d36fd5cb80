//! Angkatan pelatihan dan pesertanya (lembaga pelatihan, dari instansi mana pun).

use super::*;

/// Membuat angkatan; penyelenggara = instansi aktor (admin instansi).
pub async fn buat_angkatan(l: &Layanan, k: &Konteks, m: MasukanAngkatan) -> Hasil<Angkatan> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, AksiKebijakan::Kelola, Sumber::AksiPerubahan(&iid))?;
    // Penyelenggara = instansi akun; akun tanpa instansi nyata tidak menyelenggarakan.
    if store::organisasi::instansi(l.pool(), &iid).await?.is_none() {
        return Err(Galat::Dilarang(
            k.t(
                "Angkatan dibuat oleh akun instansi penyelenggara.",
                "A cohort is created by an account of the organising agency.",
            )
            .into(),
        ));
    }
    let b = k.bahasa;
    let mut f = GalatKolom::default();
    let jenis = jenis_pelatihan(&m.jenis);
    if jenis.is_none() {
        f.tambah(
            "jenis",
            k.t(
                "Jenis pelatihan tidak dikenal; pilih PKN I, PKN II, PKA, PKP (atau Diklat PIM I–IV).",
                "Unknown training; choose PKN I, PKN II, PKA, PKP (or Diklat PIM I–IV).",
            ),
        );
    }
    for (kolom, v) in [("nama", &m.nama), ("penyelenggara", &m.penyelenggara)] {
        if v.trim().is_empty() {
            f.tambah(kolom, k.t("Wajib diisi.", "Required."));
        }
        validasi::periksa(&mut f, b, kolom, v, validasi::MAKS_NAMA, JenisTeks::Baris);
    }
    periksa_tanggal(&mut f, k, "mulai", &m.mulai);
    periksa_tanggal(&mut f, k, "selesai", &m.selesai);
    if tanggal_sah(&m.mulai) && tanggal_sah(&m.selesai) && m.selesai < m.mulai {
        f.tambah(
            "selesai",
            k.t(
                "Tanggal selesai tidak boleh sebelum tanggal mulai.",
                "The end date cannot be before the start date.",
            ),
        );
    }
    let unit = bersih(m.unit_penyelenggara_id);
    if let Some(u) = &unit
        && store::organisasi::unit(l.pool(), &iid, u).await?.is_none()
    {
        f.tambah(
            "unit_penyelenggara_id",
            k.t(
                "Unit tidak ada di instansi Anda.",
                "No such unit in your agency.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data angkatan belum benar.",
        "The cohort data is not valid.",
    ))?;
    let w = store::sekarang();
    let a = Angkatan {
        instansi_id: iid.clone(),
        id: store::id_baru(),
        jenis: jenis.unwrap_or_default().to_string(),
        nama: m.nama.trim().to_string(),
        penyelenggara: m.penyelenggara.trim().to_string(),
        unit_penyelenggara_id: unit,
        mulai: m.mulai,
        selesai: m.selesai,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    };
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_angkatan(&mut tx, &a).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &iid,
        "buat",
        OBJEK_ANGKATAN,
        &a.id,
        None,
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(a)
}

/// Angkatan yang diselenggarakan instansi aktor (anggota instansi).
pub async fn daftar_angkatan(l: &Layanan, k: &Konteks) -> Hasil<Vec<Angkatan>> {
    let iid = k.aktor()?.instansi_id.clone();
    kebijakan::wajib(k, AksiKebijakan::Baca, Sumber::AksiPerubahan(&iid))?;
    Ok(store::aksi_perubahan::daftar_angkatan(l.pool(), &iid).await?)
}

/// Angkatan menurut id (404 bila tidak ada); hak diperiksa pemanggil.
pub(crate) async fn cari_angkatan(l: &Layanan, k: &Konteks, id: &str) -> Hasil<Angkatan> {
    k.aktor()?;
    store::aksi_perubahan::angkatan(l.pool(), id)
        .await?
        .ok_or_else(|| {
            Galat::TidakDitemukan(k.t("Angkatan tidak ditemukan.", "Cohort not found.").into())
        })
}

/// Pegawai aktif dari NIP di instansi mana pun: (instansi, pegawai).
async fn pegawai_dari_nip(l: &Layanan, nip: &str) -> Hasil<Option<store::organisasi::Pegawai>> {
    let Some((iid, pid)) = store::organisasi::pemilik_nip(l.pool(), nip.trim()).await? else {
        return Ok(None);
    };
    Ok(store::organisasi::pegawai(l.pool(), &iid, &pid).await?)
}

/// Menyiapkan proyek peserta baru (belum disimpan); galat per kolom.
pub(super) async fn siapkan_peserta(
    l: &Layanan,
    k: &Konteks,
    ang: &Angkatan,
    m: &MasukanPeserta,
    f: &mut GalatKolom,
) -> Hasil<Option<Aksi>> {
    let b = k.bahasa;
    let peserta = pegawai_dari_nip(l, &m.nip).await?;
    if peserta.is_none() {
        f.tambah(
            "nip",
            k.t(
                "NIP tidak terdaftar di instansi mana pun.",
                "This NIP is not registered in any agency.",
            ),
        );
    }
    let mut mentor = None;
    if let Some(n) = m
        .mentor_nip
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
    {
        match pegawai_dari_nip(l, n).await? {
            Some(g) if peserta.as_ref().is_some_and(|p| p.instansi_id == g.instansi_id) => {
                if peserta.as_ref().is_some_and(|p| p.id == g.id) {
                    f.tambah(
                        "mentor_nip",
                        k.t("Mentor bukan peserta itu sendiri.", "The mentor cannot be the participant."),
                    );
                }
                mentor = Some(g.id)
            }
            Some(_) => f.tambah(
                "mentor_nip",
                k.t(
                    "Mentor harus satu instansi dengan peserta (biasanya atasan langsungnya).",
                    "The mentor must be in the participant's agency (normally the direct supervisor).",
                ),
            ),
            None => f.tambah(
                "mentor_nip",
                k.t("NIP mentor tidak terdaftar.", "The mentor's NIP is not registered."),
            ),
        }
    }
    let coach = bersih(m.coach_nama.clone());
    validasi::periksa_opsional(
        f,
        b,
        "coach_nama",
        coach.as_deref(),
        validasi::MAKS_NAMA,
        JenisTeks::Baris,
    );
    let judul = bersih(m.judul.clone());
    validasi::periksa_opsional(
        f,
        b,
        "judul",
        judul.as_deref(),
        MAKS_JUDUL,
        JenisTeks::Baris,
    );
    let Some(p) = peserta else { return Ok(None) };
    // Mentor bawaan: atasan langsung peserta.
    let mentor = mentor.or(p.atasan_id.clone());
    let w = store::sekarang();
    Ok(Some(Aksi {
        instansi_id: p.instansi_id.clone(),
        id: store::id_baru(),
        pegawai_id: p.id.clone(),
        angkatan_instansi_id: ang.instansi_id.clone(),
        angkatan_id: ang.id.clone(),
        mentor_pegawai_id: mentor,
        coach_nama: coach,
        judul: judul.unwrap_or_else(|| k.t("(judul belum diisi)", "(no title yet)").to_string()),
        masalah: None,
        tujuan: None,
        pemangku_kepentingan: None,
        kualifikasi: None,
        usul_inovasi: 0,
        nilai_seminar: None,
        versi: 1,
        dibuat_pada: w.clone(),
        diubah_pada: w,
    }))
}

/// Mendaftarkan satu peserta (proyeknya dibuat di instansi peserta).
pub async fn tambah_peserta(
    l: &Layanan,
    k: &Konteks,
    angkatan_id: &str,
    m: MasukanPeserta,
) -> Hasil<Aksi> {
    let ang = cari_angkatan(l, k, angkatan_id).await?;
    // Peserta didaftarkan admin instansi penyelenggara.
    kebijakan::wajib(
        k,
        AksiKebijakan::Kelola,
        Sumber::AksiPerubahan(&ang.instansi_id),
    )?;
    let mut f = GalatKolom::default();
    let a = siapkan_peserta(l, k, &ang, &m, &mut f).await?;
    if let Some(a) = &a
        && store::aksi_perubahan::aksi_peserta(l.pool(), &a.instansi_id, &ang.id, &a.pegawai_id)
            .await?
            .is_some()
    {
        f.tambah(
            "nip",
            k.t(
                "Pegawai ini sudah peserta angkatan ini.",
                "This employee is already in this cohort.",
            ),
        );
    }
    f.jadi_galat(k.t(
        "Data peserta belum benar.",
        "The participant data is not valid.",
    ))?;
    let a = a.ok_or_else(|| Galat::Internal("peserta".into()))?;
    let mut tx = l.db.mulai().await?;
    store::aksi_perubahan::sisipkan_aksi(&mut tx, &a).await?;
    crate::audit::catat(
        &mut tx,
        k,
        &a.instansi_id,
        "buat",
        OBJEK_AKSI,
        &a.id,
        None,
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    ada_perubahan();
    Ok(a)
}
