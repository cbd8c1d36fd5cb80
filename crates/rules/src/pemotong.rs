//! Satu kamus kata dasar Sastrawi untuk seluruh crate: dimuat sekali dan
//! dipakai bersama oleh kata penunjang anggaran dan pencarian inovasi.

use std::sync::LazyLock;

/// Kamus kata dasar bawaan Sastrawi (FST yang ditanam di biner).
pub(crate) static KAMUS: LazyLock<sastrawi::Dictionary> = LazyLock::new(sastrawi::Dictionary::new);

/// Pemotong imbuhan atas [`KAMUS`]; murah dibuat (kamus kata henti juga
/// dimuat sekali oleh Sastrawi sendiri).
pub(crate) fn pemotong() -> sastrawi::Stemmer<'static> {
    sastrawi::Stemmer::new(&KAMUS)
}
