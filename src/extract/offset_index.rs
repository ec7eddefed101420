//! Constant-time "how many sorted offsets lie below this one", for the lookups rules make
//! around every trigger (the sentence holding a byte, the hits starting in a range).

/// Rules ask "which sentence holds this byte" and "which hits start in this range" many
/// times per trigger; a binary search over a megabyte's sentences or hits each time is
/// a tenth of the extractor's time. An `OffsetIndex` answers in constant time: for every
/// block of [`OffsetIndex::BLOCK`] bytes, how many keys (sorted offsets) lie before it;
/// a lookup starts there and steps over the few keys inside the block.
#[derive(Debug, Default)]
pub(crate) struct OffsetIndex {
    before_block: Vec<u32>,
}

impl OffsetIndex {
    const BLOCK: usize = 64;

    /// Indexes `keys` (non-decreasing) over a text of `len` bytes.
    pub fn new(keys: impl Iterator<Item = usize>, len: usize) -> Self {
        let blocks = len / Self::BLOCK + 1;
        let mut before_block = Vec::with_capacity(blocks + 1);
        let mut count = 0u32;
        for key in keys {
            while before_block.len() <= blocks && before_block.len() * Self::BLOCK <= key {
                before_block.push(count);
            }
            count = count.saturating_add(1);
        }
        while before_block.len() <= blocks {
            before_block.push(count);
        }
        OffsetIndex { before_block }
    }

    /// How many of `keys` (the same keys it was built from) are below `at`: what
    /// `keys.partition_point(|k| k < at)` gives.
    pub fn below<T>(&self, items: &[T], key: impl Fn(&T) -> usize, at: usize) -> usize {
        let Some(&first) = self.before_block.get(at / Self::BLOCK) else {
            return items.partition_point(|x| key(x) < at);
        };
        let mut k = first as usize;
        while items.get(k).is_some_and(|x| key(x) < at) {
            k += 1;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetIndex;

    #[test]
    fn below_agrees_with_a_binary_search() {
        let keys = [0usize, 3, 3, 64, 65, 200, 640, 641, 700];
        let index = OffsetIndex::new(keys.iter().copied(), 800);
        for at in 0..=900 {
            let want = keys.partition_point(|&k| k < at);
            assert_eq!(index.below(&keys, |&k| k, at), want, "at {at}");
        }
        let none = OffsetIndex::new(std::iter::empty(), 100);
        assert_eq!(none.below(&[] as &[usize], |&k| k, 50), 0);
    }

    proptest::proptest! {
        #[test]
        fn below_is_partition_point(mut keys in proptest::collection::vec(0usize..2000, 0..200), len in 0usize..2100, at in 0usize..2500) {
            keys.sort_unstable();
            let index = OffsetIndex::new(keys.iter().copied(), len);
            proptest::prop_assert_eq!(index.below(&keys, |&k| k, at), keys.partition_point(|&k| k < at));
        }
    }
}
