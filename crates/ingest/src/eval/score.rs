//! Precision and recall of each extracted field against the annotations.

use super::gold::Case;
use nienbieu_model::tones::canonical;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Agreement counts for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Values the tool gave that the annotation has.
    pub correct: usize,
    /// Values the tool gave.
    pub predicted: usize,
    /// Values the annotation has.
    pub gold: usize,
    /// Cases where both say "none" (single-valued fields).
    pub both_none: usize,
    /// Cases (single-valued fields).
    pub cases: usize,
}

impl Counts {
    /// Correct among what the tool gave; 1 when it gave nothing.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Found among what the annotation has; 1 when it has nothing.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// For single-valued fields: cases right, "none" included.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct + self.both_none, self.cases)
    }

    fn single(&mut self, gold: Option<&str>, pred: Option<&str>, ok: bool) {
        self.cases += 1;
        self.gold += usize::from(gold.is_some());
        self.predicted += usize::from(pred.is_some());
        self.correct += usize::from(gold.is_some() && pred.is_some() && ok);
        self.both_none += usize::from(gold.is_none() && pred.is_none());
    }

    fn sets(&mut self, gold: &BTreeSet<String>, pred: &BTreeSet<String>) {
        self.cases += 1;
        self.gold += gold.len();
        self.predicted += pred.len();
        self.correct += gold.intersection(pred).count();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The fields measured, in report order.
pub const FIELDS: [&str; 9] = [
    "title",
    "event_kind",
    "organizer",
    "event_date",
    "organizations",
    "documents",
    "figures",
    "people",
    "people_roles",
];

/// Counts per field, and the disagreements.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per field, in [`FIELDS`] order.
    pub fields: Vec<(&'static str, Counts)>,
    /// Per event kind: (kind, counts), where correct means the kind agreed.
    pub kinds: Vec<(String, Counts)>,
    /// One line per disagreement: case, field, annotated, found.
    pub errors: Vec<String>,
}

impl Report {
    /// The counts of `field`.
    pub fn get(&self, field: &str) -> Counts {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    /// The table as text: one row per field, then the per-kind table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<14} {:>5} {:>6} {:>7} {:>9} {:>7} {:>9}",
            "field", "gold", "found", "correct", "precision", "recall", "accuracy"
        );
        for (f, c) in &self.fields {
            let acc = if matches!(*f, "title" | "event_kind" | "organizer" | "event_date") {
                format!("{:.3}", c.accuracy())
            } else {
                "-".into()
            };
            let _ = writeln!(
                s,
                "{f:<14} {:>5} {:>6} {:>7} {:>9.3} {:>7.3} {acc:>9}",
                c.gold,
                c.predicted,
                c.correct,
                c.precision(),
                c.recall()
            );
        }
        let _ = writeln!(
            s,
            "\n{:<16} {:>5} {:>6} {:>9} {:>7}",
            "event kind", "gold", "found", "precision", "recall"
        );
        for (k, c) in &self.kinds {
            let _ = writeln!(
                s,
                "{k:<16} {:>5} {:>6} {:>9.3} {:>7.3}",
                c.gold,
                c.predicted,
                c.precision(),
                c.recall()
            );
        }
        let (p, r) = self.kinds_macro();
        let _ = writeln!(
            s,
            "{:<16} {:>5} {:>6} {p:>9.3} {r:>7.3}",
            "mean over kinds", "", ""
        );
        s
    }

    /// Precision and recall averaged over the event kinds present (annotated or found), each
    /// kind weighing the same, `other` one of them.
    pub fn kinds_macro(&self) -> (f64, f64) {
        let seen: Vec<&Counts> = self
            .kinds
            .iter()
            .map(|(_, c)| c)
            .filter(|c| c.gold + c.predicted > 0)
            .collect();
        let n = seen.len().max(1) as f64;
        (
            seen.iter().map(|c| c.precision()).sum::<f64>() / n,
            seen.iter().map(|c| c.recall()).sum::<f64>() / n,
        )
    }
}

/// A name compared as the tool should write it: one tone placement, single spaces, "-" for
/// dashes.
fn norm(s: &str) -> String {
    let s = canonical(s).replace(['–', '—'], "-");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(norm).collect()
}

/// Scores `cases`.
pub fn score(cases: &[Case]) -> Report {
    let mut c: Vec<Counts> = vec![Counts::default(); FIELDS.len()];
    let mut kinds: Vec<(String, Counts)> = nienbieu_model::EventKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), Counts::default()))
        .collect();
    let mut errors = Vec::new();
    for case in cases {
        let (g, a) = (&case.gold, &case.article);
        let mut err = |field: &str, gold: String, found: String| {
            errors.push(format!(
                "{} {field}: annotated {gold}, found {found}",
                case.name
            ));
        };
        // Title.
        let (gt, pt) = (
            g.title.as_deref().map(norm),
            case.page_title.as_deref().map(norm),
        );
        c[0].single(gt.as_deref(), pt.as_deref(), gt == pt);
        if gt != pt {
            err("title", format!("{gt:?}"), format!("{pt:?}"));
        }
        // Kind: every case has one. Precision and recall are over the kinds other than
        // `other` (an event found, an event missed); accuracy counts `other` too.
        let pk = a.event_kind.code();
        let (ge, pe) = (g.kind != "other", pk != "other");
        c[1].cases += 1;
        c[1].gold += usize::from(ge);
        c[1].predicted += usize::from(pe);
        c[1].correct += usize::from(ge && pk == g.kind);
        c[1].both_none += usize::from(!ge && !pe);
        for (k, kc) in kinds.iter_mut() {
            kc.gold += usize::from(*k == g.kind);
            kc.predicted += usize::from(*k == pk);
            kc.correct += usize::from(*k == g.kind && *k == pk);
        }
        if pk != g.kind {
            err("event_kind", g.kind.clone(), pk.to_string());
        }
        // Organizer.
        let names: Vec<String> = g.organizer.names().into_iter().map(norm).collect();
        let po = a.organizer.as_deref().map(norm);
        let ok = po.as_ref().is_some_and(|p| names.contains(p));
        c[2].single(names.first().map(String::as_str), po.as_deref(), ok);
        let both_none = names.is_empty() && po.is_none();
        if !ok && !both_none {
            err("organizer", format!("{names:?}"), format!("{po:?}"));
        }
        // Event date.
        let pd = a.event_date.map(|d| d.to_string());
        c[3].single(g.event_date.as_deref(), pd.as_deref(), g.event_date == pd);
        if g.event_date != pd {
            err(
                "event_date",
                format!("{:?}", g.event_date),
                format!("{pd:?}"),
            );
        }
        // Sets.
        let mut sets = |i: usize, field: &str, gold: BTreeSet<String>, pred: BTreeSet<String>| {
            c[i].sets(&gold, &pred);
            for m in gold.difference(&pred) {
                errors.push(format!("{} {field}: missed {m:?}", case.name));
            }
            for x in pred.difference(&gold) {
                errors.push(format!("{} {field}: extra {x:?}", case.name));
            }
        };
        // One body is one name however its letters are cased ("Cục quản lý dược").
        let lower = |names: &[String]| -> BTreeSet<String> {
            names.iter().map(|n| norm(n).to_lowercase()).collect()
        };
        sets(
            4,
            "organizations",
            lower(&g.organizations),
            lower(&a.organizations),
        );
        sets(
            5,
            "documents",
            set(g.documents.iter().map(String::as_str)),
            a.documents.iter().map(|d| norm(&d.reference())).collect(),
        );
        let fig = |m: &str, v: f64| format!("{m} {v}");
        sets(
            6,
            "figures",
            g.figures.iter().map(|(m, v)| fig(m, *v)).collect(),
            a.figures.iter().map(|f| fig(&f.kind, f.value)).collect(),
        );
        sets(
            7,
            "people",
            set(g.people.iter().map(|(n, _)| n.as_str())),
            set(a.people.iter().map(|p| p.name.as_str())),
        );
        // A role is right when the tool gives it to that person among its titles.
        let role = |n: &str, r: &str| format!("{} | {}", norm(n), norm(r).to_lowercase());
        let gold_roles: BTreeSet<String> = g.people.iter().map(|(n, r)| role(n, r)).collect();
        let pred_roles: BTreeSet<String> = a
            .people
            .iter()
            .flat_map(|p| {
                let mut rs: Vec<String> = p.titles.iter().map(|t| role(&p.name, &t.role)).collect();
                if rs.is_empty() {
                    rs = p.roles.iter().map(|r| role(&p.name, r)).collect();
                }
                rs
            })
            .collect();
        // Count one found role per person, as the annotation gives one.
        let found: BTreeSet<String> = gold_roles.intersection(&pred_roles).cloned().collect();
        c[8].cases += 1;
        c[8].gold += gold_roles.len();
        c[8].predicted += a.people.len();
        c[8].correct += found.len();
        for m in gold_roles.difference(&found) {
            errors.push(format!("{} people_roles: missed {m:?}", case.name));
        }
    }
    Report {
        fields: FIELDS.iter().copied().zip(c).collect(),
        kinds,
        errors,
    }
}
