//! One compiled sort for the lists that are not on the keystroke's path (a view's entries,
//! the filter chips, a facet's matches): every `sort_by` closure otherwise gets its own copy
//! of the standard library's sort in the wasm, 2 to 17 kB each.

use std::cmp::Ordering;

/// The order that sorts `n` items stably by `cmp` on their indices: a bottom-up merge sort,
/// not generic, so that every caller shares its one small instance (the standard sort,
/// inlined for speed, is 10 kB even here).
#[inline(never)]
fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut from: Vec<u32> = (0..n as u32).collect();
    let mut to = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // The left run's item first unless the right one is strictly less: stable.
                if cmp(from[j] as usize, from[i] as usize) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + mid - i].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + hi - j].copy_from_slice(&from[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts `v[order[k]]` at `k` for every `k`, following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for i in 0..v.len() {
        if order[i] == DONE {
            continue;
        }
        let mut k = i;
        loop {
            let from = order[k] as usize;
            order[k] = DONE;
            if from == i {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Sorts `v` stably by `cmp`, as [`slice::sort_by`] does.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    // Indices are u32: lists that long never reach a view.
    assert!(v.len() < u32::MAX as usize, "a list too long to sort");
    let order = permutation(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by `key`, as [`slice::sort_by_key`] does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for n in [0usize, 1, 2, 3, 7, 64, 1000] {
            // Few distinct keys, so that stability is tested; the payload tells equal keys apart.
            let v: Vec<(u32, usize)> = (0..n).map(|i| (next() % 5, i)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n {n}");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = v;
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std, "n {n}, descending");
        }
    }

    #[test]
    fn moves_values_that_are_not_copy() {
        let mut v: Vec<String> = ["cà", "ba", "an", "ba", "đi"].map(String::from).to_vec();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["an", "ba", "ba", "cà", "đi"]);
    }
}
