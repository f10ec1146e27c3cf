//! Filters and disjunctive facet counts: values within a facet combine with OR, facets with
//! AND, and each facet is counted with every filter applied but its own, so a reader sees what
//! choosing another value of the same facet would give.

use crate::index::Index;
use crate::time::Date;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A date range on the effective date (the event date, else the publication date), and
/// whether articles without any date are wanted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateFilter {
    /// First day included.
    pub from: Option<Date>,
    /// Last day included.
    pub to: Option<Date>,
    /// Select undated articles: alone when no range is set, besides the range when one is.
    pub undated: bool,
}

impl DateFilter {
    /// True when the filter lets every article through.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none() && !self.undated
    }

    /// True when an article on `day` (days since 1970, `None` when undated) passes.
    #[inline]
    pub fn admits(&self, day: Option<i32>) -> bool {
        let ranged = self.from.is_some() || self.to.is_some();
        match day {
            None => self.undated || self.is_open(),
            Some(d) => {
                if !ranged {
                    return !self.undated;
                }
                self.from.is_none_or(|f| d >= f.to_days())
                    && self.to.is_none_or(|t| d <= t.to_days())
            }
        }
    }
}

/// The counts of one facet's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// The facet's position in [`Index::facets`].
    pub facet: usize,
    /// `(value id, count)` for every value with a count and every selected value: the
    /// [`FACET_TOP`] most frequent first, sorted (ties alphabetical), then the rest in no
    /// particular order.
    pub counts: Vec<(u32, u32)>,
    /// The selected value ids.
    pub selected: Vec<u32>,
    /// True when the counts wait for the facet's columns (a deferred facet, counted over
    /// anything but the whole archive): `counts` is then empty.
    pub pending: bool,
    /// True when `counts` holds only the facet's most frequent values, the rest being in its
    /// columns file (a deferred facet over the whole archive, before the columns): complete
    /// for a list of the most frequent, not for a search among every value.
    pub partial: bool,
}

/// The most facets that can filter at once.
const MAX_ACTIVE_FACETS: usize = 30;

/// Filters resolved against an index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    /// `(facet, selected value ids)` for every facet with a selection.
    pub active: Vec<(usize, Vec<u32>)>,
    pub dates: DateFilter,
}

impl Resolved {
    /// Resolves `(facet key, values)` pairs; unknown keys and values select nothing that
    /// exists (a facet whose values are all unknown matches no article).
    pub fn new(
        index: &Index,
        filters: &BTreeMap<String, Vec<String>>,
        dates: DateFilter,
    ) -> Resolved {
        let mut active: Vec<(usize, Vec<u32>)> = Vec::new();
        for (key, values) in filters.iter().filter(|(_, v)| !v.is_empty()) {
            let f = index.facets().iter().position(|f| &f.key == key);
            let ids: Vec<u32> = f
                .map(|f| {
                    let facet = &index.facets()[f];
                    values
                        .iter()
                        .filter_map(|v| index.facet_value_id(facet, v))
                        .collect()
                })
                .unwrap_or_default();
            let slot = f.unwrap_or(usize::MAX);
            match active.iter_mut().find(|(g, _)| *g == slot) {
                Some((_, v)) => v.extend(ids),
                None => active.push((slot, ids)),
            }
        }
        for (_, v) in &mut active {
            v.sort_unstable();
            v.dedup();
        }
        // One mask bit per facet and one for dates: more facets than bits is no real request
        // (a hand-made URL); the extra ones are ignored rather than overflowing the mask.
        active.truncate(MAX_ACTIVE_FACETS);
        Resolved { active, dates }
    }

    /// True when a filter is on a deferred facet whose columns have not arrived: no
    /// document can be checked against it yet.
    pub fn needs_columns(&self, index: &Index) -> bool {
        self.active
            .iter()
            .any(|(f, _)| index.facets().get(*f).is_some_and(|f| f.is_pending()))
    }

    /// The bit of the date filter in a mask.
    pub fn date_bit(&self) -> u32 {
        1 << self.active.len()
    }

    /// Which filters document `doc` fails, one bit per active facet, then the date bit.
    #[inline]
    pub fn mask(&self, index: &Index, doc: u32) -> u32 {
        let mut mask = 0;
        for (bit, (f, selected)) in self.active.iter().enumerate() {
            let hit = *f != usize::MAX
                && index.facets()[*f]
                    .of(doc)
                    .iter()
                    .any(|v| selected.binary_search(v).is_ok());
            if !hit {
                mask |= 1 << bit;
            }
        }
        if !self.dates.admits(index.effective_day(doc)) {
            mask |= self.date_bit();
        }
        mask
    }
}

/// Each facet's most frequent values come first, sorted, up to this many.
pub const FACET_TOP: usize = 100;

/// Every facet's counts over the whole archive under one set of filters (each facet with every
/// filter but its own): the counts of a set of hits that is most of the archive are these less
/// those of the documents the query does not match, which are few.
#[derive(Debug)]
pub(crate) struct Baseline {
    resolved: Resolved,
    counts: Vec<Vec<u32>>,
}

/// Counts every facet's values over `docs` with their failed-filter masks (see
/// [`Resolved::mask`]). When `docs` are over half the archive, as the whole archive's counts
/// less the documents missing from `docs`; the whole archive's counts are kept in `baseline`
/// for as long as the filters stay the same.
pub(crate) fn count(
    index: &Index,
    resolved: &Resolved,
    docs: &[(u32, u32)],
    baseline: &RefCell<Option<Baseline>>,
) -> Vec<FacetCounts> {
    let n = index.len();
    let raw = if docs.len() > n / 2 {
        let mut cached = baseline.borrow_mut();
        if !cached.as_ref().is_some_and(|b| b.resolved == *resolved) {
            *cached = None;
        }
        let base = cached.get_or_insert_with(|| Baseline {
            resolved: resolved.clone(),
            // Hits that are the whole archive carry every mask already.
            counts: if docs.len() == n {
                tally(index, resolved, docs)
            } else {
                let all: Vec<(u32, u32)> = (0..n as u32)
                    .map(|d| (d, resolved.mask(index, d)))
                    .collect();
                tally(index, resolved, &all)
            },
        });
        let mut listed = vec![false; n];
        for &(d, _) in docs {
            listed[d as usize] = true;
        }
        let missing: Vec<(u32, u32)> = (0..n as u32)
            .filter(|&d| !listed[d as usize])
            .map(|d| (d, resolved.mask(index, d)))
            .collect();
        let mut raw = base.counts.clone();
        for (all, less) in raw.iter_mut().zip(tally(index, resolved, &missing)) {
            for (a, l) in all.iter_mut().zip(less) {
                *a -= l;
            }
        }
        raw
    } else {
        tally(index, resolved, docs)
    };
    // The whole archive, unfiltered: a deferred facet's counts are its frequencies, known
    // before its columns arrive.
    let whole = docs.len() == n && docs.iter().all(|&(_, mask)| mask == 0);
    index
        .facets()
        .iter()
        .zip(raw)
        .enumerate()
        .map(|(f, (facet, c))| {
            let active = resolved.active.iter().position(|(g, _)| *g == f);
            let selected = active
                .map(|b| resolved.active[b].1.clone())
                .unwrap_or_default();
            if facet.is_pending() && !whole {
                return FacetCounts {
                    facet: f,
                    counts: Vec::new(),
                    selected,
                    pending: true,
                    partial: false,
                };
            }
            let c: Vec<u32> = if facet.is_pending() {
                (0..facet.len() as u32)
                    .map(|v| facet.frequency(v))
                    .collect()
            } else {
                c
            };
            // Most frequent first, ties alphabetical, as one integer per value: the count's
            // complement above the value's alphabetical rank, from which the value comes back.
            // Integers sort faster than a comparison that looks ranks up, and with the ranking's
            // own sort of keys, not one more copy of the sort in the wasm.
            let alphabetical = facet.alphabetical();
            let mut keys: Vec<u64> = c
                .iter()
                .enumerate()
                .filter(|(v, &n)| n > 0 || selected.binary_search(&(*v as u32)).is_ok())
                .map(|(v, &n)| {
                    u64::from(u32::MAX - n) << 32 | u64::from(facet.alpha_rank(v as u32))
                })
                .collect();
            if keys.len() > FACET_TOP {
                // The rest stays in no particular order: nothing lists it in order (a search
                // within the facet sorts its own matches), and sorting thousands of names on
                // every keystroke cost a tenth of the counting at 100,000 articles.
                keys.select_nth_unstable(FACET_TOP);
                keys[..FACET_TOP].sort_unstable();
            } else {
                keys.sort_unstable();
            }
            let values = keys
                .into_iter()
                .filter_map(|k| {
                    let v = *alphabetical.get((k & 0xffff_ffff) as usize)?;
                    Some((v, u32::MAX - (k >> 32) as u32))
                })
                .collect();
            FacetCounts {
                facet: f,
                counts: values,
                selected,
                pending: false,
                partial: facet.is_partial(),
            }
        })
        .collect()
}

/// Each facet's count per value over `docs`, a document counting for a facet when it fails
/// no filter but, perhaps, that facet's own.
fn tally(index: &Index, resolved: &Resolved, docs: &[(u32, u32)]) -> Vec<Vec<u32>> {
    index
        .facets()
        .iter()
        .enumerate()
        .map(|(f, facet)| {
            let own = resolved
                .active
                .iter()
                .position(|(g, _)| *g == f)
                .map_or(0, |b| 1u32 << b);
            // A facet waiting for its columns has no value to count (see `count`).
            if facet.is_pending() {
                return vec![0; facet.len()];
            }
            // One slot more for NO_VALUE, counted and dropped, so the hot loop has no branch.
            let mut c = vec![0u32; facet.len() + 1];
            let slot = |v: u32| (v as usize).min(facet.len());
            match facet.single() {
                Some(single) => {
                    for &(doc, mask) in docs {
                        if mask & !own == 0 {
                            c[slot(single[doc as usize])] += 1;
                        }
                    }
                }
                None => {
                    for &(doc, mask) in docs {
                        if mask & !own == 0 {
                            for &v in facet.of(doc) {
                                c[v as usize] += 1;
                            }
                        }
                    }
                }
            }
            c.pop();
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_filter_ranges_and_undated() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        let day = |y, m, dd| Some(d(y, m, dd).to_days());
        let open = DateFilter::default();
        assert!(open.admits(None) && open.admits(day(2024, 1, 1)));
        let range = DateFilter {
            from: Some(d(2024, 1, 1)),
            to: Some(d(2024, 1, 31)),
            undated: false,
        };
        assert!(range.admits(day(2024, 1, 31)) && !range.admits(day(2024, 2, 1)));
        assert!(!range.admits(None));
        let both = DateFilter {
            undated: true,
            ..range
        };
        assert!(both.admits(None) && both.admits(day(2024, 1, 5)));
        let only_undated = DateFilter {
            undated: true,
            ..DateFilter::default()
        };
        assert!(only_undated.admits(None) && !only_undated.admits(day(2024, 1, 5)));
    }
}
