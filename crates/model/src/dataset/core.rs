//! The core layer: what paints the first screen for the whole archive and counts any set of
//! hits. One file per dataset, loaded at start: each document's effective day, and each
//! facet's values with every document's value ids, in compact varint columns.
//!
//! Documents are numbered newest first (effective day, then publication moment, then id;
//! undated last), so the newest-first order is the document order and needs no table.
//!
//! Layout: magic `NBCO`, [`SCHEMA_VERSION`], documents, dated documents; the days of the dated
//! documents (the first zigzag-coded, then each one's distance back from the one before);
//! then the facets, each with its key, a shape (0: at most one value per document, stored as
//! `value + 1` or 0; 1: several, stored as counts then ids; 2: deferred), its values most
//! frequent first, and its columns. A **deferred** facet ([`DEFERRED_FACETS`]: the two with
//! thousands of values, most of the core's weight) keeps here only its number of values, its
//! [`CORE_VALUES`] most frequent values and their numbers of documents (the whole archive's
//! panel, for the first screen); the rest of its values and its columns come in a file of
//! their own, the **columns** file (magic `NBCL`, version, documents, then each deferred
//! facet's key, shape, values past the core's and columns), fetched when a panel, a filter or
//! a search within the facet needs them.

use crate::codec::{unzigzag, zigzag, Reader, Writer};
use crate::dataset::SCHEMA_VERSION;
use crate::index::IndexError;
use crate::index::NO_DAY;
use std::collections::HashMap;

/// The first bytes of a core file.
pub const MAGIC: &[u8; 4] = b"NBCO";

/// The most documents a dataset holds: ranks must fit in 24 bits of a sort key.
pub const MAX_DOCS: usize = (1 << 24) - 1;

/// Marks a document without a value in [`Facet::single`].
pub const NO_VALUE: u32 = u32::MAX;

/// The first bytes of a columns file.
pub const COLUMNS_MAGIC: &[u8; 4] = b"NBCL";

/// The facets whose columns are not in the core but in the columns file: organisations and
/// people, 77 % of a core of 20,000 articles gzipped and 61 % at 100,000 (`nienbieu-bench
/// core`).
pub const DEFERRED_FACETS: [&str; 2] = ["organization", "person"];

/// How many of a deferred facet's values (the most frequent) the core keeps: as many as a
/// facet's counts list in order ([`crate::search::FACET_TOP`], what the panel shows unfolded),
/// so that the whole archive's panel is complete without the columns file. The rest
/// (thousands of names: two thirds of a core of 20,000 articles gzipped, once the columns
/// were out of it) come with the columns.
pub const CORE_VALUES: usize = crate::search::FACET_TOP;

/// One facet: its values, and the values of each document.
#[derive(Debug, Clone)]
pub struct Facet {
    /// The key: one of [`crate::index::CORE_FACETS`] or `meta:<field>`.
    pub key: String,
    /// Distinct values, most frequent first (ties alphabetical).
    values: Vec<String>,
    /// Value ids in alphabetical order of their text.
    alphabetical: Vec<u32>,
    /// Each value id's place in `alphabetical`.
    alpha_rank: Vec<u32>,
    /// Value text to id.
    by_text: HashMap<String, u32>,
    /// `doc_ends[d]` is where document `d`'s value ids end in `ids`.
    doc_ends: Vec<u32>,
    /// Value ids of every document, in the order the article gives them.
    ids: Vec<u32>,
    /// When no document has more than one value: each document's value, or [`NO_VALUE`].
    single: Option<Vec<u32>>,
    /// The number of documents with each value.
    frequency: Vec<u32>,
    /// True while the facet's columns have not arrived: every document then reads as having
    /// no value, and only the first values (see [`CORE_VALUES`]) and their
    /// [`Facet::frequency`] are known.
    pending: bool,
    /// The number of distinct values, those not loaded yet included.
    total: usize,
}

impl Facet {
    /// The number of distinct values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the facet has no value at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The text of value `v`.
    pub fn value(&self, v: u32) -> &str {
        self.values.get(v as usize).map_or("", String::as_str)
    }

    /// The id of the value `text`, if the facet has it.
    pub fn value_id(&self, text: &str) -> Option<u32> {
        self.by_text.get(text).copied()
    }

    /// Value `v`'s place in alphabetical order.
    pub fn alpha_rank(&self, v: u32) -> u32 {
        self.alpha_rank.get(v as usize).copied().unwrap_or(u32::MAX)
    }

    /// The value ids in alphabetical order of their text.
    pub fn alphabetical(&self) -> &[u32] {
        &self.alphabetical
    }

    /// The number of documents with value `v`, over the whole archive.
    pub fn frequency(&self, v: u32) -> u32 {
        self.frequency.get(v as usize).copied().unwrap_or(0)
    }

    /// True while the facet's columns (in the columns file) have not arrived.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// True while only the facet's most frequent values are loaded: the rest come with its
    /// columns.
    pub fn is_partial(&self) -> bool {
        self.pending && self.total > self.values.len()
    }

    /// Each document's only value ([`NO_VALUE`] for none), when no document has two.
    #[inline]
    pub fn single(&self) -> Option<&[u32]> {
        self.single.as_deref()
    }

    /// The value ids of document `doc` (none while the facet is pending).
    #[inline]
    pub fn of(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        let Some(&end) = self.doc_ends.get(d) else {
            return &[];
        };
        let start = if d == 0 {
            0
        } else {
            self.doc_ends[d - 1] as usize
        };
        &self.ids[start..end as usize]
    }

    /// A deferred facet before its columns: its first values of `total` and their frequencies
    /// only. No document has a value yet: nothing is stored per document (a corrupt header's
    /// count costs no memory), and [`Facet::of`] answers empty for every document.
    fn pending(key: String, values: Vec<String>, frequency: Vec<u32>, total: usize) -> Facet {
        let mut f = Facet::new(key, values, Vec::new(), Vec::new());
        f.frequency = frequency;
        f.single = None;
        f.pending = true;
        f.total = total;
        f
    }

    /// The facet, unless it names a value twice (a damaged file).
    fn unique(self) -> Result<Facet, IndexError> {
        if self.by_text.len() == self.values.len() {
            Ok(self)
        } else {
            Err(IndexError::Corrupt("a facet names a value twice".into()))
        }
    }

    fn new(key: String, values: Vec<String>, doc_ends: Vec<u32>, ids: Vec<u32>) -> Facet {
        let mut alphabetical: Vec<u32> = (0..values.len() as u32).collect();
        crate::order::sort_by(&mut alphabetical, |&a, &b| {
            values[a as usize].cmp(&values[b as usize])
        });
        let mut alpha_rank = vec![0; values.len()];
        for (rank, &v) in alphabetical.iter().enumerate() {
            alpha_rank[v as usize] = rank as u32;
        }
        let by_text = values
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), i as u32))
            .collect();
        let mut single = Some(Vec::with_capacity(doc_ends.len()));
        let mut start = 0;
        for &end in &doc_ends {
            match (&ids[start as usize..end as usize], single.as_mut()) {
                ([], Some(s)) => s.push(NO_VALUE),
                ([v], Some(s)) => s.push(*v),
                _ => single = None,
            }
            start = end;
        }
        let values_len = values.len();
        let mut frequency = vec![0; values.len()];
        for &v in &ids {
            if let Some(n) = frequency.get_mut(v as usize) {
                *n += 1;
            }
        }
        Facet {
            key,
            values,
            alphabetical,
            alpha_rank,
            by_text,
            doc_ends,
            ids,
            single,
            frequency,
            pending: false,
            total: values_len,
        }
    }
}

/// The loaded core layer.
#[derive(Debug, Clone)]
pub struct Core {
    /// Each document's effective day (event date, else publication date), [`NO_DAY`] when
    /// undated; dated documents come first, newest first.
    days: Vec<i32>,
    dated: usize,
    facets: Vec<Facet>,
}

/// What a core is built from: per document (in document order) its effective day, and per
/// facet its key and each document's values.
pub struct CoreInput<'a> {
    /// Effective day of each document, newest first, `None` (undated) last.
    pub days: Vec<Option<i32>>,
    /// `(key, values of each document)` per facet.
    pub facets: Vec<(String, Vec<Vec<&'a str>>)>,
}

impl Core {
    /// Writes a core file with every facet's columns in it.
    pub fn build(input: &CoreInput) -> Vec<u8> {
        Core::build_layered(input, &[]).0
    }

    /// Writes a core file and its columns file: the facets named in `deferred` keep only
    /// their [`CORE_VALUES`] most frequent values and those values' frequencies in the core;
    /// their other values and their columns go to the columns file.
    pub fn build_layered(input: &CoreInput, deferred: &[&str]) -> (Vec<u8>, Vec<u8>) {
        Core::build_keeping(input, deferred, CORE_VALUES)
    }

    /// [`Core::build_layered`], a deferred facet keeping `kept` values in the core.
    fn build_keeping(input: &CoreInput, deferred: &[&str], kept: usize) -> (Vec<u8>, Vec<u8>) {
        let mut w = Writer::default();
        w.out.extend_from_slice(MAGIC);
        w.u32(SCHEMA_VERSION);
        w.u32(input.days.len() as u32);
        let dated: Vec<i32> = input.days.iter().map_while(|d| *d).collect();
        debug_assert!(input.days[dated.len()..].iter().all(Option::is_none));
        debug_assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first");
        w.u32(dated.len() as u32);
        w.varints(dated.iter().enumerate().map(|(i, &d)| {
            if i == 0 {
                zigzag(d)
            } else {
                (dated[i - 1] - d) as u32
            }
        }));
        let mut c = Writer::default();
        c.out.extend_from_slice(COLUMNS_MAGIC);
        c.u32(SCHEMA_VERSION);
        c.u32(input.days.len() as u32);
        let deferred_count = input
            .facets
            .iter()
            .filter(|(key, _)| deferred.contains(&key.as_str()))
            .count();
        c.u32(deferred_count as u32);
        w.u32(input.facets.len() as u32);
        for (key, docs) in &input.facets {
            let mut freq: HashMap<&str, u32> = HashMap::new();
            for v in docs.iter().flatten() {
                *freq.entry(v).or_default() += 1;
            }
            let mut values: Vec<(&str, u32)> = freq.into_iter().collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let id_of: HashMap<&str, u32> = values
                .iter()
                .enumerate()
                .map(|(i, (v, _))| (*v, i as u32))
                .collect();
            let single = docs.iter().all(|v| v.len() <= 1);
            let later = deferred.contains(&key.as_str());
            w.bytes(key.as_bytes());
            w.u32(if later { 2 } else { u32::from(!single) });
            let columns = if later {
                let (first, rest) = values.split_at(kept.min(values.len()));
                w.u32(values.len() as u32);
                w.strs(first.iter().map(|(v, _)| *v));
                w.varints(first.iter().map(|(_, n)| *n));
                c.bytes(key.as_bytes());
                c.u32(u32::from(!single));
                c.strs(rest.iter().map(|(v, _)| *v));
                &mut c
            } else {
                w.strs(values.iter().map(|(v, _)| *v));
                &mut w
            };
            if single {
                columns.varints(docs.iter().map(|v| v.first().map_or(0, |x| id_of[x] + 1)));
            } else {
                columns.varints(docs.iter().map(|v| v.len() as u32));
                columns.varints(docs.iter().flatten().map(|x| id_of[x]));
            }
        }
        (w.out, c.out)
    }

    /// Loads a core file, checking every number against the document count.
    pub fn load(buf: &[u8]) -> Result<Core, IndexError> {
        let bad = |m: &str| IndexError::Corrupt(m.to_string());
        let mut r = Reader::new(buf);
        if r.raw(4, "the header").ok() != Some(MAGIC.as_slice()) {
            return Err(bad("not a core file"));
        }
        let version = r.u32("the header")?;
        // Versions are small numbers; anything else is a damaged header, not a newer format.
        if version == 0 || version > 10_000 {
            return Err(bad("the header gives an impossible version"));
        }
        if version != SCHEMA_VERSION {
            return Err(IndexError::Version { found: version });
        }
        let n = r.u32("the header")? as usize;
        let dated = r.u32("the header")? as usize;
        if n > MAX_DOCS || dated > n {
            return Err(bad("impossible document counts"));
        }
        let steps = r.varints("days")?;
        if steps.len() != dated {
            return Err(bad("the days do not match the dated documents"));
        }
        let mut days = Vec::with_capacity(n);
        for (i, &s) in steps.iter().enumerate() {
            let d = if i == 0 {
                i64::from(unzigzag(s))
            } else {
                i64::from(days[i - 1]) - i64::from(s)
            };
            if !(-1_000_000..=1_000_000).contains(&d) {
                return Err(bad("a day number is out of range"));
            }
            days.push(d as i32);
        }
        days.resize(n, NO_DAY);
        let n_facets = r.u32("facets")? as usize;
        let mut facets = Vec::with_capacity(n_facets.min(64));
        for _ in 0..n_facets {
            let key = std::str::from_utf8(&buf[r.bytes("a facet key")?])
                .map_err(|_| bad("a facet key is not UTF-8"))?
                .to_string();
            let shape = r.u32("a facet")?;
            if shape > 2 {
                return Err(bad("a facet has an unknown shape"));
            }
            let total = if shape == 2 {
                r.u32("a facet")? as usize
            } else {
                0
            };
            let table = r.strs("facet values")?;
            let values: Vec<String> = (0..table.len())
                .map(|i| table.get(buf, i).to_string())
                .collect();
            if shape == 2 {
                // Only the facets this build defers, each once.
                if !DEFERRED_FACETS.contains(&key.as_str())
                    || facets.iter().any(|f: &Facet| f.key == key)
                {
                    return Err(bad("a facet is deferred that should not be"));
                }
                let frequency = r.varints("facet frequencies")?;
                if frequency.len() != values.len() || frequency.iter().any(|&f| f as usize > n) {
                    return Err(bad("a facet's frequencies do not match its values"));
                }
                // The most frequent first, each in at least one document, and some kept
                // whenever the facet has any.
                if total < values.len()
                    || (values.is_empty() && total > 0)
                    || frequency.windows(2).any(|w| w[0] < w[1])
                    || frequency.last() == Some(&0)
                {
                    return Err(bad("a facet's values do not match its frequencies"));
                }
                facets.push(Facet::pending(key, values, frequency, total).unique()?);
                continue;
            }
            let (doc_ends, ids) = read_columns(&mut r, shape == 1, n, values.len())?;
            facets.push(Facet::new(key, values, doc_ends, ids).unique()?);
        }
        if !r.at_end() {
            return Err(bad("bytes after the last section"));
        }
        Ok(Core {
            days,
            dated,
            facets,
        })
    }

    /// Adds a columns file: the columns of every deferred facet, all or none.
    pub fn add_columns(&mut self, buf: &[u8]) -> Result<(), IndexError> {
        let bad = |m: &str| IndexError::Corrupt(m.to_string());
        let mut r = Reader::new(buf);
        if r.raw(4, "the header").ok() != Some(COLUMNS_MAGIC.as_slice()) {
            return Err(bad("not a columns file"));
        }
        let version = r.u32("the header")?;
        if version != SCHEMA_VERSION {
            return Err(IndexError::Version { found: version });
        }
        let n = self.len();
        if r.u32("the header")? as usize != n {
            return Err(bad("the columns file is for another document count"));
        }
        let count = r.u32("the header")? as usize;
        let mut read = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            let key = std::str::from_utf8(&buf[r.bytes("a facet key")?])
                .map_err(|_| bad("a facet key is not UTF-8"))?;
            let f = self
                .facets
                .iter()
                .position(|f| f.key == key && f.pending)
                .filter(|f| !read.iter().any(|(g, _, _)| g == f))
                .ok_or_else(|| bad("the columns file names a facet the core does not defer"))?;
            let shape = r.u32("a facet")?;
            if shape > 1 {
                return Err(bad("a facet has an unknown shape"));
            }
            let table = r.strs("facet values")?;
            let facet = &self.facets[f];
            if facet.values.len() + table.len() != facet.total {
                return Err(bad("the columns file has another number of values"));
            }
            let rest: Vec<String> = (0..table.len())
                .map(|i| table.get(buf, i).to_string())
                .collect();
            let columns = read_columns(&mut r, shape == 1, n, facet.total)?;
            read.push((f, rest, columns));
        }
        if !r.at_end() {
            return Err(bad("bytes after the last section"));
        }
        if read.len() != self.facets.iter().filter(|f| f.pending).count() {
            return Err(bad("the columns file lacks a deferred facet"));
        }
        let mut loaded = Vec::with_capacity(read.len());
        for (f, rest, (doc_ends, ids)) in read {
            let old = &self.facets[f];
            let kept = old.values.len();
            let values = old.values.iter().cloned().chain(rest).collect();
            let facet = Facet::new(old.key.clone(), values, doc_ends, ids).unique()?;
            // The core's values are the most frequent, with the counts it gave for them; the
            // others are no more frequent than the least of them, and none is named twice.
            let (first, others) = facet.frequency.split_at(kept);
            if first != old.frequency.as_slice()
                || others.iter().any(|&n| n == 0 || Some(&n) > first.last())
            {
                return Err(bad("a facet's columns do not match its frequencies"));
            }
            loaded.push((f, facet));
        }
        for (f, facet) in loaded {
            self.facets[f] = facet;
        }
        Ok(())
    }

    /// True while a deferred facet's columns have not arrived.
    pub fn is_pending(&self) -> bool {
        self.facets.iter().any(|f| f.pending)
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// True when the dataset holds no document.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// How many documents have an effective day (they come first).
    pub fn dated(&self) -> usize {
        self.dated
    }

    /// The effective day of `doc`, if it has one.
    #[inline]
    pub fn day(&self, doc: u32) -> Option<i32> {
        let d = *self.days.get(doc as usize)?;
        (d != NO_DAY).then_some(d)
    }

    /// Every facet, in display order.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }
}

/// Reads one facet's columns (see [`Core::build`]): each document's value ids, checked against
/// the document count `n` and the `values` the facet has.
fn read_columns(
    r: &mut Reader,
    multi: bool,
    n: usize,
    values: usize,
) -> Result<(Vec<u32>, Vec<u32>), IndexError> {
    let bad = |m: &str| IndexError::Corrupt(m.to_string());
    let (mut doc_ends, mut ids) = (Vec::with_capacity(n), Vec::new());
    if multi {
        let counts = r.varints("facet counts")?;
        ids = r.varints("facet value ids")?;
        if counts.len() != n {
            return Err(bad("a facet does not match the document count"));
        }
        let mut end = 0u64;
        for c in counts {
            end += u64::from(c);
            doc_ends.push(end.min(u64::from(u32::MAX)) as u32);
        }
        if end != ids.len() as u64 {
            return Err(bad("a facet's counts do not add up"));
        }
    } else {
        let column = r.varints("facet values of documents")?;
        if column.len() != n {
            return Err(bad("a facet does not match the document count"));
        }
        for v in column {
            if v > 0 {
                ids.push(v - 1);
            }
            doc_ends.push(ids.len() as u32);
        }
    }
    if ids.iter().any(|&v| v as usize >= values) {
        return Err(bad("a facet value id is out of range"));
    }
    Ok((doc_ends, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_core_reads_back_and_refuses_damage() {
        let input = CoreInput {
            days: vec![Some(19_000), Some(19_000), Some(-3), None],
            facets: vec![
                (
                    "province".into(),
                    vec![
                        vec!["Hưng Yên", "Hà Nội"],
                        vec!["Hà Nội"],
                        vec![],
                        vec!["Hà Nội"],
                    ],
                ),
                (
                    "kind".into(),
                    vec![vec!["other"], vec![], vec!["congress"], vec!["other"]],
                ),
            ],
        };
        let bytes = Core::build(&input);
        let core = Core::load(&bytes).unwrap();
        assert_eq!(core.len(), 4);
        assert_eq!(core.dated(), 3);
        assert_eq!(
            (0..4).map(|d| core.day(d)).collect::<Vec<_>>(),
            [Some(19_000), Some(19_000), Some(-3), None]
        );
        let p = &core.facets()[0];
        assert_eq!(p.value(0), "Hà Nội", "most frequent first");
        assert_eq!(
            p.of(0).iter().map(|&v| p.value(v)).collect::<Vec<_>>(),
            ["Hưng Yên", "Hà Nội"]
        );
        assert!(p.single().is_none());
        assert_eq!(p.value_id("Hưng Yên"), Some(1));
        let k = &core.facets()[1];
        assert_eq!(k.single().unwrap(), [0, NO_VALUE, 1, 0]);
        for cut in 0..bytes.len() {
            assert!(Core::load(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(3) {
            flipped[i] ^= 0x5a;
            let _ = Core::load(&flipped);
            flipped[i] ^= 0x5a;
        }
    }

    #[test]
    fn a_deferred_facet_counts_by_frequency_until_its_columns_arrive() {
        let input = CoreInput {
            days: vec![Some(3), Some(2), Some(1)],
            facets: vec![
                (
                    "person".into(),
                    vec![vec!["Lê Văn A", "Trần B"], vec!["Trần B"], vec![]],
                ),
                ("kind".into(), vec![vec!["other"], vec![], vec!["other"]]),
                (
                    "organization".into(),
                    vec![vec!["Sở X"], vec![], vec!["Sở X"]],
                ),
            ],
        };
        let whole = Core::load(&Core::build(&input)).unwrap();
        // Every value in the core (as many as it keeps), or only the most frequent one.
        for kept in [CORE_VALUES, 1] {
            let (core, columns) = Core::build_keeping(&input, &DEFERRED_FACETS, kept);
            assert!(core.len() < Core::build(&input).len());
            let mut c = Core::load(&core).unwrap();
            assert!(c.is_pending());
            let person = &c.facets()[0];
            assert!(person.is_pending() && !c.facets()[1].is_pending());
            assert_eq!((person.value(0), person.frequency(0)), ("Trần B", 2));
            assert_eq!(person.is_partial(), kept == 1);
            assert_eq!(person.len(), kept.min(2));
            assert_eq!(
                person.value_id("Lê Văn A"),
                (kept > 1).then_some(1),
                "a value past the core's comes with the columns"
            );
            assert!(!c.facets()[2].is_partial(), "one value: all in the core");
            assert!(
                (0..3).all(|d| person.of(d).is_empty()),
                "no value until the columns"
            );
            // A damaged or foreign columns file is refused and leaves the core as it was.
            for cut in 0..columns.len() {
                assert!(c.add_columns(&columns[..cut]).is_err(), "cut at {cut}");
            }
            assert!(c.add_columns(&core).is_err());
            let other = Core::build_keeping(
                &CoreInput {
                    days: vec![None; 3],
                    facets: vec![("person".into(), vec![vec!["Z"], vec![], vec![]])],
                },
                &DEFERRED_FACETS,
                kept,
            )
            .1;
            assert!(c.add_columns(&other).is_err(), "not this core's facets");
            // The columns of a core that kept another number of values.
            let (_, shifted) = Core::build_keeping(&input, &DEFERRED_FACETS, 3 - kept.min(2));
            assert!(
                c.add_columns(&shifted).is_err(),
                "another split of the values"
            );
            // Columns of the same shape (as many values, ids in range) with other counts.
            let mut recount = CoreInput {
                days: input.days.clone(),
                facets: input.facets.clone(),
            };
            recount.facets[0].1 = vec![vec!["Trần B"], vec!["Lê Văn A"], vec![]];
            let (_, recounted) = Core::build_keeping(&recount, &DEFERRED_FACETS, kept);
            assert!(c.add_columns(&recounted).is_err(), "other frequencies");
            assert!(c.is_pending() && c.facets()[0].len() == kept.min(2));
            c.add_columns(&columns).unwrap();
            assert!(!c.is_pending() && !c.facets()[0].is_partial());
            for (f, w) in c.facets().iter().zip(whole.facets()) {
                assert_eq!(f.key, w.key);
                assert_eq!(f.len(), w.len());
                for d in 0..3 {
                    let names = |f: &Facet| {
                        f.of(d)
                            .iter()
                            .map(|&v| f.value(v).to_string())
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(names(f), names(w), "{} of {d}", f.key);
                }
                assert_eq!(f.single().is_some(), w.single().is_some());
            }
            assert_eq!(c.facets()[0].value_id("Lê Văn A"), Some(1));
            assert!(c.add_columns(&columns).is_err(), "columns come once");
        }
    }

    #[test]
    fn columns_that_name_a_kept_value_again_are_refused() {
        // Two names of one length: the columns file's copy of the second is turned into the
        // first, which the core already keeps. Counts and ids stay plausible.
        let input = CoreInput {
            days: vec![Some(3), Some(2), Some(1)],
            facets: vec![(
                "person".into(),
                vec![vec!["Trần B", "Trần C"], vec!["Trần B"], vec![]],
            )],
        };
        let (core, mut columns) = Core::build_keeping(&input, &DEFERRED_FACETS, 1);
        let mut c = Core::load(&core).unwrap();
        let at = columns
            .windows("Trần C".len())
            .position(|w| w == "Trần C".as_bytes())
            .unwrap();
        columns[at..at + "Trần B".len()].copy_from_slice("Trần B".as_bytes());
        let refused = c.add_columns(&columns);
        assert!(
            matches!(&refused, Err(IndexError::Corrupt(m)) if m.contains("twice")),
            "{refused:?}"
        );
        assert!(c.is_pending());
        // A core whose kept values are not the most frequent first, or name one twice.
        let mut unordered = Core::build_keeping(&input, &DEFERRED_FACETS, 2).0;
        let tail = unordered.len() - 2;
        assert_eq!(
            &unordered[tail..],
            [2, 1],
            "the two frequencies end the file"
        );
        unordered[tail..].copy_from_slice(&[1, 2]);
        assert!(Core::load(&unordered).is_err());
    }
}
