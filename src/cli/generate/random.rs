//! The generator's own random sequence: the same seed gives the same files on every machine,
//! as the generator does not draw from a library whose algorithm may change.

/// `SplitMix64`: small, fast and fully specified, so the output never changes under us.
pub(super) struct Random(pub(super) u64);

impl Random {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub(super) fn between(&mut self, low: usize, high: usize) -> usize {
        let width = u64::try_from(high - low + 1).unwrap_or(u64::MAX);
        // The remainder is below `width`, itself a usize.
        low + usize::try_from(self.next() % width).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}
