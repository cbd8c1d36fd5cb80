-- Pejabat penanggung jawab yang ditetapkan perencana pada program, kegiatan
-- atau sub kegiatan (pegawai instansi itu); kosong = kepala unit penanggung
-- jawab menurut data kepegawaian. Satu pernyataan per berkas.
ALTER TABLE rencana_butir ADD COLUMN pejabat_id TEXT;
