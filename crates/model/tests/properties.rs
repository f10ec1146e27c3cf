//! Properties over everything a visitor controls, on generated input: any view state survives
//! its URL, any query parses within the bounds, and any request (hostile queries, unknown
//! facets, absurd dates) gives hits and panels without a panic, never counting more articles
//! than there are.

use nienbieu_model::search::{
    DateFilter, Granularity, Query, Sort, MAX_EXCLUDED, MAX_PHRASES, MAX_WORDS,
};
use nienbieu_model::state::{Page, ViewKind, ViewState};
use nienbieu_model::{Article, DatasetFiles, Date, DocumentRef, Engine, Person, SearchRequest};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::LazyLock;

fn date() -> impl Strategy<Value = Date> {
    (-50i32..10_050, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d.min(28)).expect("a valid day"))
}

/// Text with what breaks parsers: quotes, minus signs, marks, codes, controls, markup.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "-",
        "--",
        "\"\"",
        " ",
        "  ",
        "đảng",
        "Đảng",
        "viên",
        "dang",
        "vi",
        "15-NQ/TU",
        "số",
        "QĐ-BCA(A11)",
        "<b>",
        "&amp;",
        "%",
        "%zz",
        "+",
        "=",
        "&",
        "\u{0300}",
        "\u{0}",
        "\n",
        "\t",
        "hà nội",
        "ế",
        "a",
        "-\"",
        "\"đảng -\"",
        "\u{202e}",
        "🙂",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn view_state() -> impl Strategy<Value = ViewState> {
    let filters = prop::collection::btree_map(
        prop_oneof![
            Just("province".to_string()),
            Just("kind".to_string()),
            Just("__proto__".to_string()),
            Just(String::new()),
            any::<String>(),
        ],
        prop::collection::vec(prop_oneof![text(), Just(String::new())], 0..40),
        0..20,
    );
    (
        (text(), any::<bool>(), filters),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            any::<bool>(),
            prop::sample::select(vec![Sort::Relevance, Sort::Newest, Sort::Oldest]),
        ),
        (
            prop::option::of((date(), date())),
            prop::option::of(prop::sample::select(vec![
                Granularity::Day,
                Granularity::Week,
                Granularity::Month,
                Granularity::Year,
            ])),
            prop::option::of(text()),
        ),
        prop::option::of((
            prop::sample::select(ViewKind::ALL.to_vec()),
            prop::option::of(text()),
            text(),
            prop::option::of(text()),
            prop::option::of(text()),
            any::<bool>(),
        )),
    )
        .prop_map(
            |(
                (query, strict, filters),
                (from, to, undated, sort),
                (zoom, granularity, open),
                page,
            )| {
                ViewState {
                    request: SearchRequest {
                        query,
                        strict,
                        filters,
                        dates: DateFilter { from, to, undated },
                        sort,
                        zoom,
                        granularity,
                    },
                    open,
                    page: page.map(|(view, entity, filter, sort, by, table)| Page {
                        view,
                        entity,
                        filter,
                        sort,
                        by,
                        table,
                    }),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_view_state_survives_its_url(s in view_state()) {
        let n = s.normalized();
        prop_assert_eq!(&ViewState::from_query(&s.to_query()), &n);
        prop_assert_eq!(&n.normalized(), &n, "normalising twice changes nothing");
        prop_assert_eq!(&ViewState::from_query(&n.to_query()), &n);
        prop_assert_eq!(ViewState::from_query(&format!("?{}", n.to_query())), n);
    }

    #[test]
    fn any_text_is_a_link_that_opens(q in text()) {
        let (s, _) = ViewState::parse(&q);
        prop_assert_eq!(ViewState::from_query(&s.to_query()), s);
    }

    #[test]
    fn every_string_is_a_query_within_bounds(q in text()) {
        let p = Query::parse(&q);
        let required = p.words.len() + p.phrases.iter().map(Vec::len).sum::<usize>();
        prop_assert!(required <= MAX_WORDS);
        prop_assert!(p.phrases.len() <= MAX_PHRASES);
        prop_assert!(p.excluded.len() <= MAX_EXCLUDED);
        prop_assert!(p.excluded.iter().all(|e| !e.is_empty()));
        prop_assert!(p.phrases.iter().all(|ph| ph.len() > 1));
    }
}

/// A small real index: articles with every field a facet reads.
static FILES: LazyLock<DatasetFiles> = LazyLock::new(|| {
    let words = [
        "Đảng",
        "viên",
        "hội nghị",
        "ban chấp hành",
        "Hưng Yên",
        "đang",
        "kết nạp",
    ];
    let articles: Vec<Article> = (0..60)
        .map(|i| Article {
            id: format!("{i:03}"),
            title: Some(format!("{} {}", words[i % 7], words[(i * 3) % 7])),
            paragraphs: vec![format!(
                "Sáng {}/5, {} {} số 15-NQ/TU {}.",
                i % 28 + 1,
                words[(i * 5) % 7],
                words[(i + 2) % 7],
                words[i % 5]
            )],
            event_date: (i % 4 != 0).then(|| Date::new(2000 + (i % 25) as i32, 5, 1).unwrap()),
            provinces: vec![["Hưng Yên", "Hà Nội", "Nam Định"][i % 3].into()],
            organizations: vec![["Tỉnh ủy", "LĐLĐ tỉnh"][i % 2].into()],
            people: vec![Person {
                name: ["Lê Văn A", "Trần Thị B"][i % 2].into(),
                ..Person::default()
            }],
            documents: (i % 3 == 0)
                .then(|| DocumentRef {
                    kind: "Nghị quyết".into(),
                    number: "15".into(),
                    code: "NQ".into(),
                    issuer: "TU".into(),
                    ..DocumentRef::default()
                })
                .into_iter()
                .collect(),
            ..Article::default()
        })
        .collect();
    DatasetFiles::build_serial(&articles)
});

fn request() -> impl Strategy<Value = SearchRequest> {
    view_state().prop_map(|mut s| {
        // Known facets with known and unknown values, beside arbitrary ones.
        s.request
            .filters
            .entry("province".into())
            .or_default()
            .push("Hưng Yên".into());
        s.request.filters.retain(|_, v| !v.is_empty());
        s.request
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn hits_and_panels_never_panic_nor_overcount(req in request(), raw in any::<bool>()) {
        thread_local! {
            static ENGINE: Engine = Engine::from_files(&FILES).expect("the dataset loads");
        }
        ENGINE.with(|e| {
            let n = e.index().len();
            // The request as given, and as a link would carry it.
            let req = if raw { req } else { ViewState { request: req, open: None, page: None }.normalized().request };
            let hits = e.hits(&req);
            prop_assert!(hits.is_complete());
            prop_assert!(hits.hits.len() <= n);
            let panels = e.panels(&hits);
            for f in &panels.facets {
                for &(_, c) in &f.counts {
                    prop_assert!(c as usize <= n);
                }
            }
            let t = &panels.timeline;
            let binned: u32 = t.bins.iter().map(|b| b.count).sum();
            prop_assert!((binned + t.undated + t.before + t.after) as usize <= n);
            // Without the facets (a folded filter panel): no counts, the same timeline.
            let bare = e.panels_with(&hits, false);
            prop_assert!(bare.facets.is_empty());
            prop_assert_eq!(&bare.timeline, t);
            let _ = e.relaxations(&req);
            Ok(())
        })?;
    }
}

#[test]
fn filters_beyond_the_limits_are_cut_and_counted() {
    let many: Vec<String> = (0..50).map(|i| format!("f.province=v{i}")).collect();
    let (s, cut) = ViewState::parse(&many.join("&"));
    assert_eq!(s.request.filters["province"].len(), 32);
    assert_eq!(cut, 18);
    let facets: Vec<String> = (0..30).map(|i| format!("f.k{i:02}=v")).collect();
    let (s, cut) = ViewState::parse(&facets.join("&"));
    assert_eq!(s.request.filters.len(), 16);
    assert_eq!(cut, 14);
    let _: BTreeMap<String, Vec<String>> = s.request.filters;
}
