//! The engine against hand-made articles: Vietnamese folding end to end, the ranking rules,
//! and every count checked against a brute-force reference on random filter combinations.

use nienbieu_model::fold::fold;
use nienbieu_model::search::{DateFilter, Granularity, Sort};
use nienbieu_model::tokenize::tokenize;
use nienbieu_model::{
    Article, DatasetFiles, Date, DocumentRef, Engine, EventKind, Person, Precision, SearchRequest,
    Timestamp,
};
use std::collections::{BTreeMap, BTreeSet};

fn article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: Some(title.into()),
        paragraphs: body.iter().map(|s| s.to_string()).collect(),
        ..Article::default()
    }
}

/// An engine with every layer loaded, and the article id of each document.
struct Loaded {
    engine: Engine,
    ids: Vec<String>,
}

impl std::ops::Deref for Loaded {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.engine
    }
}

impl Loaded {
    fn id(&self, doc: u32) -> &str {
        &self.ids[doc as usize]
    }
}

fn engine(articles: &[Article]) -> Loaded {
    let mut articles = articles.to_vec();
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let files = DatasetFiles::build_serial(&articles);
    Loaded {
        engine: Engine::from_files(&files).expect("the dataset loads"),
        ids: files.doc_ids,
    }
}

/// Ids of the results of `query`, in order.
fn ids(e: &Loaded, query: &str) -> Vec<String> {
    ids_of(
        e,
        &SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        },
    )
}

fn ids_of(e: &Loaded, req: &SearchRequest) -> Vec<String> {
    e.search(req)
        .hits
        .iter()
        .map(|&d| e.id(d).to_string())
        .collect()
}

/// A request for `query` with exact marks only.
fn strict(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        strict: true,
        ..SearchRequest::default()
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn d_with_stroke_tones_and_case_fold_both_ways() {
    let e = engine(&[
        article("a", "Đảng bộ tỉnh", &["Hội nghị Đảng bộ."]),
        article("b", "Ông Đặng Văn A", &["Ông Đặng Văn A phát biểu."]),
        article("c", "Công việc đang làm", &["Mọi việc đang tiến triển."]),
        article("d", "Hưng Yên", &["Tỉnh Hưng Yên."]),
    ]);
    assert_eq!(sorted(ids(&e, "dang ")), ["a", "b", "c"]);
    assert_eq!(sorted(ids(&e, "DANG ")), ["a", "b", "c"]);
    assert_eq!(
        sorted(ids(&e, "ĐẢNG ")),
        ["a", "b", "c"],
        "marked words still find folded forms"
    );
    assert_eq!(ids(&e, "hung yen"), ["d"]);
    // Decomposed (NFD) input, as some keyboards send it.
    assert_eq!(ids(&e, "Hu\u{031B}ng Ye\u{0302}n"), ["d"]);
    assert_eq!(ids(&e, "\u{0110}a\u{0309}ng ")[0], "a");
}

#[test]
fn exact_diacritics_rank_first_and_strict_mode_keeps_only_them() {
    // "đang" is repeated so that, by frequency alone, it would win.
    let e = engine(&[
        article("1", "Việc đang làm", &["đang đang đang đang làm"]),
        article("2", "Tin tức", &["Một đảng viên."]),
        article("3", "Ông Đặng", &["Ông Đặng đang đến."]),
    ]);
    assert_eq!(
        ids(&e, "đảng ")[0],
        "2",
        "the exact form ranks above folded ones"
    );
    assert_eq!(ids(&e, "đang ")[..2], ["1", "3"]);
    assert_eq!(ids_of(&e, &strict("đảng ")), ["2"]);
    // Words that differ only by tone are different words in strict mode.
    assert_eq!(ids_of(&e, &strict("Đặng ")), ["3"]);
}

#[test]
fn both_tone_placements_are_one_word_even_in_strict_mode() {
    // "Tỉnh uỷ" and "Tỉnh ủy", "Hoà" and "Hòa": the same words, written two ways.
    let e = engine(&[
        article("1", "Tỉnh uỷ Hoà Bình họp", &["Ban Thường vụ Tỉnh uỷ."]),
        article("2", "Tỉnh ủy Hòa Bình họp", &["Ban Thường vụ Tỉnh ủy."]),
        article("3", "Tỉnh Hòa Bình", &["Tin khác, không có chữ kia."]),
    ]);
    for query in [
        "tỉnh ủy ",
        "Tỉnh uỷ ",
        "hoà bình tỉnh ủy",
        "\"Hòa Bình\" uỷ",
    ] {
        assert_eq!(sorted(ids_of(&e, &strict(query))), ["1", "2"], "{query}");
    }
}

#[test]
fn prefixes_phrases_exclusions_and_all_words_required() {
    let e = engine(&[
        article(
            "1",
            "Hội nghị Ban Chấp hành",
            &["Ban Chấp hành Đảng bộ họp."],
        ),
        article(
            "2",
            "Chấp hành pháp luật",
            &["Ban tổ chức yêu cầu chấp hành nghiêm."],
        ),
        article("3", "Đảng viên mới", &["Kết nạp đảng viên."]),
    ]);
    assert_eq!(
        sorted(ids(&e, "ban chap")),
        ["1", "2"],
        "the last word is a prefix, all required"
    );
    assert_eq!(
        ids(&e, "\"ban chấp hành\""),
        ["1"],
        "a phrase must stand together"
    );
    assert_eq!(ids(&e, "ban chap hanh")[0], "1", "side by side ranks first");
    assert_eq!(ids(&e, "chấp hành -ban"), Vec::<String>::new());
    assert_eq!(ids(&e, "chấp hành -\"ban chấp hành\""), ["2"]);
    assert_eq!(ids(&e, "dang vi"), ["3"]);
    assert_eq!(ids(&e, "dang viên hội"), Vec::<String>::new());
}

#[test]
fn document_codes_are_found_with_or_without_so_spaces_or_marks() {
    let e = engine(&[
        article(
            "1",
            "Quán triệt nghị quyết",
            &["Thực hiện Nghị quyết số 15-NQ/TU ngày 08/10/2021."],
        ),
        article(
            "2",
            "Đề án",
            &["Theo Đề án 02-ĐA/ĐUK và Quyết định 123/QĐ-UBND."],
        ),
        article("3", "Khác", &["Năm 15, NQ và TU không liền nhau."]),
    ]);
    for q in [
        "15-NQ/TU",
        "15-nq/tu ",
        "số 15-NQ/TU",
        "15 - NQ / TU",
        "so 15-nq/tu",
    ] {
        assert_eq!(ids(&e, q), ["1"], "{q}");
    }
    assert_eq!(ids(&e, "02-DA/DUK"), ["2"]);
    assert_eq!(ids(&e, "123/qd-ubnd"), ["2"]);
    assert_eq!(ids(&e, "UBND "), ["2"], "a code's parts are searchable");
}

#[test]
fn titles_outrank_bodies_and_recency_breaks_ties() {
    let day = |d| Some(Timestamp::start_of(Date::new(2024, 1, d).unwrap()));
    let mut a = article("a", "Tin chung", &["Hưng Yên tổ chức hội nghị."]);
    let mut b = article("b", "Hưng Yên tổ chức hội nghị", &["Tin chung."]);
    let mut c = article("c", "Tin chung", &["Hưng Yên tổ chức hội nghị."]);
    a.published = day(1);
    b.published = day(2);
    c.published = day(3);
    let e = engine(&[a, b, c]);
    assert_eq!(ids(&e, "hưng yên"), ["b", "c", "a"]);
    let oldest = SearchRequest {
        query: "hưng yên".into(),
        sort: Sort::Oldest,
        ..SearchRequest::default()
    };
    assert_eq!(ids_of(&e, &oldest), ["a", "b", "c"]);
}

/// A small random generator (xorshift), so the random tests are reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn some(&mut self, xs: &[&str], max: usize) -> Vec<String> {
        let mut out: Vec<String> = (0..self.below(max + 1))
            .map(|_| self.pick(xs).to_string())
            .collect();
        out.dedup();
        out
    }
}

const WORDS: &[&str] = &[
    "đảng", "đang", "Đặng", "dạng", "viên", "viện", "hội", "nghị", "tỉnh", "ủy", "kết", "nạp",
    "chi", "bộ", "thanh", "niên", "lao", "động", "đoàn", "tổng",
];
const PROVINCES: &[&str] = &["Hưng Yên", "Nam Định", "Lạng Sơn", "Long An", "Hà Nội"];
const ORGS: &[&str] = &[
    "Tỉnh ủy",
    "Liên đoàn Lao động tỉnh",
    "Đoàn Thanh niên",
    "Sở Nội vụ",
];
const PEOPLE: &[&str] = &["Trần Quốc Toản", "Lê Thị Hà", "Nguyễn Văn Nam"];
const OUTLETS: &[&str] = &["Báo A", "Báo B", "Tạp chí C"];

fn random_articles(rng: &mut Rng, n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let words = |rng: &mut Rng, k: usize| {
                (0..k)
                    .map(|_| rng.pick(WORDS))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let mut a = article(
                &format!("a{i:04}"),
                &words(rng, 4),
                &[&words(rng, 12), &words(rng, 9)],
            );
            a.provinces = rng.some(PROVINCES, 2);
            a.organizations = rng.some(ORGS, 2);
            a.people = rng
                .some(PEOPLE, 2)
                .into_iter()
                .map(|name| Person {
                    name,
                    ..Person::default()
                })
                .collect();
            if rng.below(5) == 0 {
                a.documents.push(DocumentRef {
                    kind: "Nghị quyết".into(),
                    number: format!("{}", 1 + rng.below(3)),
                    code: "NQ".into(),
                    issuer: "TU".into(),
                    ..DocumentRef::default()
                });
            }
            a.event_kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
            if rng.below(6) != 0 {
                let d = Date::from_days(
                    Date::new(2019, 1, 1).unwrap().to_days() + rng.below(2200) as i32,
                );
                a.published = Some(Timestamp::start_of(d));
                a.published_precision = Some(Precision::Day);
                if rng.below(3) == 0 {
                    a.event_date = Some(Date::from_days(d.to_days() - rng.below(5) as i32));
                }
            }
            a.meta.insert("outlet".into(), rng.pick(OUTLETS).into());
            a
        })
        .collect()
}

/// The facet values of an article, computed independently of the index builder.
fn values(a: &Article) -> BTreeMap<&'static str, BTreeSet<String>> {
    let day = a.event_date.or(a.published.map(|p| p.date()));
    BTreeMap::from([
        ("province", a.provinces.iter().cloned().collect()),
        ("organization", a.organizations.iter().cloned().collect()),
        ("kind", BTreeSet::from([a.event_kind.code().to_string()])),
        (
            "year",
            day.map(|d| d.year().to_string()).into_iter().collect(),
        ),
        ("person", a.people.iter().map(|p| p.name.clone()).collect()),
        (
            "document",
            a.documents.iter().map(|d| d.reference()).collect(),
        ),
        (
            "doc_kind",
            a.documents.iter().map(|d| d.kind.clone()).collect(),
        ),
        (
            "doc_issuer",
            a.documents.iter().map(|d| d.issuer.clone()).collect(),
        ),
        (
            "doc_year",
            a.documents
                .iter()
                .filter_map(|d| d.year.or(d.date.map(|x| x.year())))
                .map(|y| y.to_string())
                .collect(),
        ),
        ("organizer", a.organizer.iter().cloned().collect()),
        (
            "meta:outlet",
            a.meta.get("outlet").cloned().into_iter().collect(),
        ),
    ])
}

fn brute_matches(a: &Article, query: &str) -> bool {
    // Title, body, and the organisations' canonical names (searchable by design).
    let text: Vec<String> = a
        .title
        .iter()
        .chain(&a.paragraphs)
        .chain(&a.organizations)
        .flat_map(|t| tokenize(t))
        .map(|t| t.folded)
        .collect();
    query.split_whitespace().all(|w| text.contains(&fold(w)))
}

#[test]
fn facet_counts_and_hits_match_a_brute_force_reference() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let articles = random_articles(&mut rng, 400);
    let e = engine(&articles);
    let keys = [
        "province",
        "organization",
        "kind",
        "year",
        "person",
        "document",
        "meta:outlet",
    ];
    let vals: Vec<_> = articles.iter().map(values).collect();
    let (mut with_hits, mut filtered_with_hits) = (0, 0);
    // Queries matching over half the articles but not all: their facet counts are the whole
    // archive's less the articles the query misses (see `facets::Baseline`).
    let mut most_not_all = 0;
    for round in 0..300 {
        // A query of zero to two whole words (typed with a final space: no prefix).
        let query = (0..rng.below(3))
            .map(|_| rng.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
            + " ";
        let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for _ in 0..rng.below(4) {
            let key = keys[rng.below(keys.len())];
            // Values picked from real articles, so that most selections exist.
            if let Some(v) = vals[rng.below(articles.len())][key].iter().next() {
                filters.entry(key.to_string()).or_default().push(v.clone());
            }
        }
        let dates = match rng.below(4) {
            0 => DateFilter::default(),
            1 => DateFilter {
                undated: true,
                ..DateFilter::default()
            },
            _ => {
                let from =
                    Date::new(2019 + rng.below(4) as i32, 1 + rng.below(12) as u32, 1).unwrap();
                let to = Date::from_days(from.to_days() + rng.below(900) as i32);
                DateFilter {
                    from: Some(from),
                    to: Some(to),
                    undated: rng.below(2) == 0,
                }
            }
        };
        let req = SearchRequest {
            query: query.clone(),
            filters: filters.clone(),
            dates,
            ..SearchRequest::default()
        };
        let result = e.search(&req);

        let day = |a: &Article| {
            a.event_date
                .or(a.published.map(|p| p.date()))
                .map(|d| d.to_days())
        };
        let matched: Vec<bool> = articles.iter().map(|a| brute_matches(a, &query)).collect();
        let passes = |i: usize, skip: Option<&str>| {
            matched[i]
                && filters.iter().all(|(k, vs)| {
                    Some(k.as_str()) == skip || vs.iter().any(|v| vals[i][k.as_str()].contains(v))
                })
        };
        let expected: BTreeSet<&str> = (0..articles.len())
            .filter(|&i| passes(i, None) && dates.admits(day(&articles[i])))
            .map(|i| articles[i].id.as_str())
            .collect();
        let matching = matched.iter().filter(|&&m| m).count();
        most_not_all += usize::from(matching > articles.len() / 2 && matching < articles.len());
        with_hits += usize::from(!expected.is_empty());
        filtered_with_hits += usize::from(!expected.is_empty() && !filters.is_empty());
        let got: BTreeSet<&str> = result.hits.iter().map(|&d| e.id(d)).collect();
        assert_eq!(got, expected, "round {round}: hits of {req:?}");

        for fc in &result.facets {
            let facet = &e.index().facets()[fc.facet];
            let key = facet.key.as_str();
            let mut want: BTreeMap<String, u32> = BTreeMap::new();
            for i in (0..articles.len())
                .filter(|&i| passes(i, Some(key)) && dates.admits(day(&articles[i])))
            {
                for v in &vals[i][key] {
                    *want.entry(v.clone()).or_default() += 1;
                }
            }
            let have: BTreeMap<String, u32> = fc
                .counts
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|&(v, n)| (e.index().facet_value(facet, v).to_string(), n))
                .collect();
            assert_eq!(have, want, "round {round}: facet {key} of {req:?}");
        }

        // The timeline counts every filter but the date range; undated apart.
        let in_timeline: Vec<&Article> = (0..articles.len())
            .filter(|&i| passes(i, None))
            .map(|i| &articles[i])
            .collect();
        let undated = in_timeline.iter().filter(|a| day(a).is_none()).count() as u32;
        let dated = in_timeline.len() as u32 - undated;
        assert_eq!(result.timeline.undated, undated, "round {round}");
        assert_eq!(
            result.timeline.bins.iter().map(|b| b.count).sum::<u32>(),
            dated,
            "round {round}"
        );
    }
    // The random requests must exercise something: most find results, many with filters.
    assert!(
        with_hits > 150 && filtered_with_hits > 60 && most_not_all > 20,
        "{with_hits} {filtered_with_hits} {most_not_all}"
    );
}

#[test]
fn every_bin_holds_the_articles_a_filter_to_its_range_gives() {
    let mut rng = Rng(77);
    let articles = random_articles(&mut rng, 300);
    let e = engine(&articles);
    let base = SearchRequest {
        query: "đảng ".into(),
        ..SearchRequest::default()
    };
    let result = e.search(&base);
    assert_eq!(result.timeline.granularity, Granularity::Month);
    for bin in result.timeline.bins.iter().filter(|b| b.count > 0) {
        let req = SearchRequest {
            dates: DateFilter {
                from: Some(bin.start),
                to: Some(bin.end),
                undated: false,
            },
            ..base.clone()
        };
        assert_eq!(e.search(&req).hits.len() as u32, bin.count, "{bin:?}");
    }
}

#[test]
fn relaxations_name_what_brings_results_back() {
    let mut a = article("a", "Hưng Yên", &["Hội nghị."]);
    a.provinces = vec!["Hưng Yên".into()];
    let mut b = article("b", "Nam Định", &["Hội nghị."]);
    b.provinces = vec!["Nam Định".into()];
    let e = engine(&[a, b]);
    let req = SearchRequest {
        query: "Hưng Yên".into(),
        filters: BTreeMap::from([("province".to_string(), vec!["Nam Định".to_string()])]),
        ..SearchRequest::default()
    };
    assert!(e.search(&req).hits.is_empty());
    let r = e.relaxations(&req);
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r.iter().all(|(_, n)| *n == 1));
}

#[test]
fn a_corrupt_layer_is_refused_not_misread() {
    use nienbieu_model::index::Need;
    let files = DatasetFiles::build_serial(&random_articles(&mut Rng(9), 50));
    let m = &files.manifest;
    let file = |p: &str| files.file(p).unwrap().to_vec();
    let core = file(&m.core.path);
    assert!(Engine::load_core(&core[..core.len() / 2]).is_err());
    assert!(Engine::load_core(b"not an index").is_err());
    let layers: Vec<(Need, Vec<u8>)> = std::iter::once((Need::Directory, file(&m.terms.path)))
        .chain(std::iter::once((Need::Columns, file(&m.columns.path))))
        .chain((0..m.postings.files).map(|n| (Need::Postings(n), file(&m.postings.path(n)))))
        .chain((0..m.positions.files).map(|n| (Need::Positions(n), file(&m.positions.path(n)))))
        .chain((0..m.pairs.files).map(|n| (Need::Pairs(n), file(&m.pairs.path(n)))))
        .collect();
    // A truncated file of any layer is refused.
    for (need, bytes) in &layers {
        let mut e = Engine::load_core(&core).unwrap();
        if *need != Need::Directory {
            e.add(Need::Directory, layers[0].1.clone()).unwrap();
        }
        assert!(
            e.add(*need, bytes[..bytes.len() - 1].to_vec()).is_err(),
            "{need:?}"
        );
    }
    // A directory that claims four billion pairs shards allocates nothing for them: a query
    // of two words asks for one of them, and a shard given for another number is refused.
    {
        let mut dir = layers[0].1.clone();
        let at = dir.len() - 4;
        dir[at..].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut e = Engine::load_core(&core).unwrap();
        e.add(Need::Directory, dir).unwrap();
        let req = SearchRequest {
            query: "đảng viên".into(),
            ..SearchRequest::default()
        };
        assert!(e.needs(&req).iter().any(|n| matches!(n, Need::Pairs(_))));
        if m.pairs.files > 0 {
            assert!(e.add(Need::Pairs(0), file(&m.pairs.path(0))).is_err());
        }
    }
    // A shard given for another number is refused.
    if m.postings.files > 1 {
        let mut e = Engine::load_core(&core).unwrap();
        e.add(Need::Directory, layers[0].1.clone()).unwrap();
        assert!(e.add(Need::Postings(1), file(&m.postings.path(0))).is_err());
    }
    // Flipping bytes either fails to load or loads and still answers without panicking.
    let mut rng = Rng(3);
    for round in 0..300 {
        let mut e = match Engine::load_core(&core) {
            Ok(e) => e,
            Err(_) => continue,
        };
        let target = round % layers.len();
        let mut damaged_core = core.clone();
        for (k, (need, bytes)) in layers.iter().enumerate() {
            let mut b = bytes.clone();
            if k == target {
                for _ in 0..4 {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
            let _ = e.add(*need, b);
        }
        let by_person =
            std::collections::BTreeMap::from([("person".to_string(), vec![PEOPLE[0].to_string()])]);
        for q in ["đảng", "dang vi", "\"hội nghị\"", "", "-\"", "a b c"] {
            let _ = e.search(&SearchRequest {
                query: q.into(),
                ..SearchRequest::default()
            });
            let _ = e.search(&SearchRequest {
                query: q.into(),
                filters: by_person.clone(),
                ..SearchRequest::default()
            });
        }
        let i = rng.below(damaged_core.len());
        damaged_core[i] ^= 1 << rng.below(8);
        if let Ok(mut e) = Engine::load_core(&damaged_core) {
            let _ = e.search(&SearchRequest::default());
            let _ = e.add(Need::Columns, file(&m.columns.path));
            let _ = e.search(&SearchRequest {
                filters: by_person.clone(),
                ..SearchRequest::default()
            });
        }
    }
}

#[test]
fn a_damaged_header_is_corruption_not_a_newer_version() {
    let mut bytes = b"NBCO".to_vec();
    bytes.extend_from_slice(b" garbage");
    assert!(matches!(
        Engine::load_core(&bytes),
        Err(nienbieu_model::IndexError::Corrupt(_))
    ));
}

#[test]
fn a_query_answers_only_once_its_shards_are_in() {
    use nienbieu_model::index::Need;
    let articles: Vec<Article> = (0..400)
        .map(|i| {
            article(
                &format!("{i:04}"),
                &format!("Bài {i}"),
                &["Đảng viên mới được kết nạp."],
            )
        })
        .collect();
    let files = DatasetFiles::build_serial(&articles);
    let m = &files.manifest;
    let mut e = Engine::load_core(files.file(&m.core.path).unwrap()).unwrap();
    let req = SearchRequest {
        query: "đảng viên".into(),
        ..SearchRequest::default()
    };
    let empty = e.hits(&SearchRequest::default());
    assert!(
        empty.is_complete() && empty.hits.len() == 400,
        "the core alone lists everything"
    );
    assert_eq!(e.needs(&req), [Need::Directory]);
    let mut rounds = 0;
    loop {
        let needs = e.needs(&req);
        let hits = e.hits(&req);
        assert_eq!(hits.missing, needs);
        if needs.is_empty() {
            assert_eq!(hits.hits.len(), 400);
            break;
        }
        assert!(hits.hits.is_empty(), "no partial answer is given as final");
        for n in needs {
            e.add(n, files.file(&m.path_of(n)).unwrap().to_vec())
                .unwrap();
        }
        rounds += 1;
    }
    // The directory, then the postings with the pair's shard (the side-by-side bonus reads
    // it, not the words' positions).
    assert_eq!(rounds, 2);
    let (_, _, positions) = e.index().loaded_bytes();
    assert!(positions > 0, "the pairs shard is in");
    assert!(
        (0..m.positions.files).all(|p| !e.index().has(Need::Positions(p))),
        "no positions shard was read"
    );
}

#[test]
fn the_pairs_layer_ranks_words_side_by_side_as_their_positions_do() {
    use nienbieu_model::index::Need;
    let mut rng = Rng(41);
    let mut articles = random_articles(&mut rng, 400);
    // A pair found once is not in the pairs layer: its words' positions give the bonus.
    articles.push(article("rare", "Đảng zeta", &["đảng zeta viên"]));
    let files = DatasetFiles::build_serial(&articles);
    assert!(files.manifest.pairs.files > 0);
    let with = Engine::from_files(&files).unwrap();
    let without = Engine::from_files(&files).unwrap().without_pairs();
    let mut queries: Vec<String> = vec![
        "đảng zeta ".into(),
        "dang zeta vien ".into(),
        // The last word as if still being typed, or left so (a link, Enter).
        "đảng zeta".into(),
        "dang zeta vien".into(),
    ];
    for _ in 0..120 {
        let k = 2 + rng.below(2);
        let words: Vec<&str> = (0..k).map(|_| rng.pick(WORDS)).collect();
        let q = words.join(" ") + if rng.below(2) == 0 { " " } else { "" };
        // The same words typed without marks too.
        queries.push(fold(&q));
        queries.push(q);
    }
    let mut used = 0;
    for q in &queries {
        let req = SearchRequest {
            query: q.clone(),
            ..SearchRequest::default()
        };
        let (a, b) = (with.hits(&req), without.hits(&req));
        assert!(a.is_complete() && b.is_complete());
        assert_eq!(a.hits.to_vec(), b.hits.to_vec(), "{q:?}");
        // On a fresh engine, the query reads no positions unless a pair is rare.
        let mut fresh = Engine::load_core(files.file(&files.manifest.core.path).unwrap()).unwrap();
        while let needs @ [_, ..] = &fresh.needs(&req)[..] {
            for &n in needs {
                let bytes = files.file(&files.manifest.path_of(n)).unwrap().to_vec();
                fresh.add(n, bytes).unwrap();
            }
        }
        let positions =
            (0..files.manifest.positions.files).any(|p| fresh.index().has(Need::Positions(p)));
        assert_eq!(positions, q.contains("zeta"), "{q:?}");
        used += usize::from(!positions);
    }
    assert!(used > 200);
}

#[test]
fn phrases_too_common_to_check_in_full_are_flagged_approximate() {
    // 1,500 articles, each with hundreds of "của các": checking the phrase everywhere would
    // read more positions than a query may.
    let body = "của các ".repeat(200);
    let articles: Vec<Article> = (0..1500)
        .map(|i| article(&format!("{i:04}"), &format!("Bài {i}"), &[body.as_str()]))
        .collect();
    let e = engine(&articles);
    let heavy = e.hits(&SearchRequest {
        query: "\"của các\"".into(),
        ..SearchRequest::default()
    });
    assert!(heavy.is_complete());
    assert!(heavy.approximate, "the budget ran out");
    assert!(
        !heavy.hits.is_empty() && heavy.hits.len() < 1500,
        "{}",
        heavy.hits.len()
    );
    // An ordinary query is exact.
    let light = e.hits(&SearchRequest {
        query: "\"bài 42\"".into(),
        ..SearchRequest::default()
    });
    assert!(!light.approximate);
    assert_eq!(light.hits.len(), 1);
}

#[test]
fn organisations_and_people_count_once_their_columns_arrive() {
    use nienbieu_model::index::Need;
    use std::collections::BTreeMap;
    let files = DatasetFiles::build_serial(&random_articles(&mut Rng(21), 300));
    let m = &files.manifest;
    let full = Engine::from_files(&files).unwrap();
    let mut e = Engine::load_core(files.file(&m.core.path).unwrap()).unwrap();
    e.add(Need::Directory, files.file(&m.terms.path).unwrap().to_vec())
        .unwrap();
    for n in 0..m.postings.files {
        e.add(
            Need::Postings(n),
            files.file(&m.postings.path(n)).unwrap().to_vec(),
        )
        .unwrap();
    }
    for n in 0..m.positions.files {
        e.add(
            Need::Positions(n),
            files.file(&m.positions.path(n)).unwrap().to_vec(),
        )
        .unwrap();
    }
    let counts = |e: &Engine, req: &SearchRequest| e.panels(&e.hits(req)).facets;
    let pending = |e: &Engine, req: &SearchRequest| -> Vec<String> {
        counts(e, req)
            .iter()
            .filter(|c| c.pending)
            .map(|c| e.index().facets()[c.facet].key.clone())
            .collect()
    };
    // The whole archive: every facet counted, the deferred ones from their frequencies.
    let everything = SearchRequest::default();
    assert!(pending(&e, &everything).is_empty());
    assert_eq!(counts(&e, &everything), counts(&full, &everything));
    // A query lists at once; only the two deferred facets wait for their columns.
    let query = SearchRequest {
        query: WORDS[0].into(),
        ..SearchRequest::default()
    };
    assert!(e.hits(&query).is_complete());
    assert_eq!(
        e.hits(&query).hits.to_vec(),
        full.hits(&query).hits.to_vec()
    );
    assert_eq!(pending(&e, &query), ["organization", "person"]);
    // A filter on one of them cannot be answered without them, and says so.
    let filtered = SearchRequest {
        filters: BTreeMap::from([("person".to_string(), vec![PEOPLE[0].to_string()])]),
        ..SearchRequest::default()
    };
    assert_eq!(e.needs(&filtered), [Need::Columns]);
    let waiting = e.hits(&filtered);
    assert!(!waiting.is_complete() && waiting.hits.is_empty());
    // A filter on a facet the core holds needs nothing more.
    let by_province = SearchRequest {
        filters: BTreeMap::from([("province".to_string(), vec![PROVINCES[0].to_string()])]),
        ..SearchRequest::default()
    };
    assert!(e.needs(&by_province).is_empty());
    assert_eq!(pending(&e, &by_province), ["organization", "person"]);
    // Counted once (the whole archive's counts are cached), then the columns arrive.
    e.add(Need::Columns, files.file(&m.columns.path).unwrap().to_vec())
        .unwrap();
    // The province filter first: its whole-archive baseline was cached before the columns.
    for req in [&by_province, &everything, &query, &filtered] {
        assert!(e.needs(req).is_empty());
        assert_eq!(counts(&e, req), counts(&full, req));
        assert_eq!(e.hits(req).hits.to_vec(), full.hits(req).hits.to_vec());
    }
}

#[test]
fn a_facet_of_many_values_lists_its_most_frequent_before_the_rest_arrive() {
    use nienbieu_model::dataset::core::CORE_VALUES;
    use nienbieu_model::index::Need;
    use nienbieu_model::search::FACET_TOP;
    use std::collections::BTreeMap;
    // 40 organisations in many articles, and one of its own in each of 300 more: more values
    // than the core keeps.
    let mut rng = Rng(5);
    let articles: Vec<Article> = random_articles(&mut rng, 340)
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            a.organizations = if i < 300 {
                vec![format!("Hội Nông dân xã {i:03}"), format!("Sở {}", i % 40)]
            } else {
                vec![format!("Sở {}", i % 40)]
            };
            a
        })
        .collect();
    let files = DatasetFiles::build_serial(&articles);
    let m = &files.manifest;
    let full = Engine::from_files(&files).unwrap();
    let mut e = Engine::load_core(files.file(&m.core.path).unwrap()).unwrap();
    let facet = e
        .index()
        .facets()
        .iter()
        .position(|f| f.key == "organization")
        .unwrap();
    assert_eq!(e.index().facets()[facet].len(), CORE_VALUES);
    assert!(full.index().facets()[facet].len() > 300);
    let whole = SearchRequest::default();
    let counts = |e: &Engine, req: &SearchRequest| e.panels(&e.hits(req)).facets[facet].clone();
    let names = |e: &Engine, c: &[(u32, u32)]| -> Vec<(String, u32)> {
        let f = &e.index().facets()[facet];
        c.iter()
            .map(|&(v, n)| (e.index().facet_value(f, v).to_string(), n))
            .collect()
    };
    // The whole archive's panel lists the most frequent values, as counted with every value,
    // and says that others exist.
    let before = counts(&e, &whole);
    let all = counts(&full, &whole);
    assert!(before.partial && !before.pending && !all.partial);
    assert_eq!(before.counts.len(), CORE_VALUES);
    assert_eq!(
        names(&e, &before.counts),
        names(&full, &all.counts[..FACET_TOP.min(CORE_VALUES)])
    );
    assert!(e.panels(&e.hits(&whole)).partial());
    // A filter on a value past the core's waits for the columns, never answers "none".
    let rare = SearchRequest {
        filters: BTreeMap::from([(
            "organization".to_string(),
            vec!["Hội Nông dân xã 123".to_string()],
        )]),
        ..SearchRequest::default()
    };
    assert_eq!(e.needs(&rare), [Need::Columns]);
    assert!(!e.hits(&rare).is_complete());
    e.add(Need::Columns, files.file(&m.columns.path).unwrap().to_vec())
        .unwrap();
    let after = counts(&e, &whole);
    assert!(!after.partial);
    assert_eq!(names(&e, &after.counts), names(&full, &all.counts));
    assert_eq!(e.hits(&rare).hits.to_vec(), full.hits(&rare).hits.to_vec());
    assert_eq!(e.hits(&rare).hits.len(), 1);
}
