//! The dataset's own JSON reader (`nienbieu_model::json`, used by the app instead of serde's
//! generic code) reads exactly what serde reads: every record serde writes, on generated
//! articles with every field set or left out; and, on the same records cut, spliced and
//! retyped, it refuses what serde refuses and reads the rest to the same value.

use nienbieu_model::article::{Diagnostic, Title};
use nienbieu_model::dataset::decode_article;
use nienbieu_model::dataset::records::{
    decode_bucket, decode_catalog, decode_fragment, encode_bucket, encode_catalog, encode_fragment,
    CatalogEntry,
};
use nienbieu_model::{
    Article, Date, DocumentRef, EventKind, Figure, Person, Precision, Severity, Timestamp,
};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = Date> {
    (1i32..10_000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (date(), 0u32..24, 0u32..60, 0u32..60)
        .prop_map(|(d, h, m, s)| Timestamp::new(d, h, m, s).unwrap())
}

/// Text with what a JSON writer must escape, and any string at all.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "\\",
        "/",
        "\n",
        "\r",
        "\t",
        "\u{0}",
        "\u{1f}",
        "\u{7f}",
        "đảng",
        "Đảng viên",
        "15-NQ/TU",
        "🙂",
        "\u{2028}",
        " ",
        "{",
        "}",
        "[",
        ":",
        ",",
        "null",
        "1e5",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..4)
}

/// Figures as ingest reads them from text: up to 15 significant digits, a few decimals.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..1_000_000_000_000_000, 0u32..6).prop_map(|(n, k)| n as f64 / 10f64.powi(k as i32)),
        (0u32..100_000).prop_map(f64::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    let title = (text(), opt_text()).prop_map(|(role, organization)| Title { role, organization });
    (text(), texts(), prop::collection::vec(title, 0..3)).prop_map(|(name, roles, titles)| Person {
        name,
        roles,
        titles,
    })
}

fn document() -> impl Strategy<Value = DocumentRef> {
    (
        (text(), text(), text(), text()),
        (
            prop::option::of(date()),
            prop::option::of(any::<i32>()),
            opt_text(),
            text(),
        ),
    )
        .prop_map(
            |((kind, number, code, issuer), (date, year, issuer_name, key))| DocumentRef {
                kind,
                number,
                code,
                issuer,
                date,
                year,
                issuer_name,
                key,
            },
        )
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        (text(), number(), prop::option::of(number())),
        (opt_text(), opt_text(), opt_text(), text(), text()),
    )
        .prop_map(
            |((kind, value, of), (unit, subject, period, text, sentence))| Figure {
                kind,
                value,
                of,
                unit,
                subject,
                period,
                text,
                sentence,
            },
        )
}

fn diagnostic() -> impl Strategy<Value = Diagnostic> {
    (any::<bool>(), text(), text()).prop_map(|(w, code, message)| Diagnostic {
        severity: if w { Severity::Warning } else { Severity::Info },
        code,
        message,
    })
}

fn article() -> impl Strategy<Value = Article> {
    let published = prop::option::of((
        timestamp(),
        prop::sample::select(vec![Precision::Day, Precision::Minute, Precision::Second]),
    ));
    (
        (
            text(),
            text(),
            opt_text(),
            published,
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        (
            prop::sample::select(EventKind::ALL.to_vec()),
            texts(),
            texts(),
            prop::collection::btree_map(text(), texts(), 0..3),
            opt_text(),
        ),
        (
            prop::collection::vec(person(), 0..3),
            prop::collection::vec(document(), 0..3),
            prop::collection::vec(figure(), 0..3),
            opt_text(),
        ),
        (
            texts(),
            texts(),
            prop::collection::btree_map(text(), text(), 0..3),
            prop::collection::vec(diagnostic(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, source, title, published, event_date, event_end),
                (event_kind, provinces, organizations, organization_aliases, organizer),
                (people, documents, figures, byline),
                (captions, paragraphs, meta, diagnostics),
            )| Article {
                id,
                source,
                title,
                published: published.map(|p| p.0),
                published_precision: published.map(|p| p.1),
                event_date,
                event_end,
                event_kind,
                provinces,
                organizations,
                organization_aliases,
                organizer,
                people,
                documents,
                figures,
                byline,
                captions,
                paragraphs,
                meta,
                diagnostics,
            },
        )
}

/// The same article, as serde reads it, or serde's refusal.
fn serde_reads(line: &str) -> Result<Article, String> {
    serde_json::from_str(line).map_err(|e| e.to_string())
}

/// Equal, but for figures' numbers past the exact range (more than 15 digits), which may
/// differ in their last place.
fn same(a: &Article, b: &Article) -> bool {
    let close = |x: f64, y: f64| x == y || ((x - y) / y).abs() < 1e-14;
    let figures = a.figures.len() == b.figures.len()
        && a.figures.iter().zip(&b.figures).all(|(x, y)| {
            close(x.value, y.value)
                && match (x.of, y.of) {
                    (Some(p), Some(q)) => close(p, q),
                    (p, q) => p == q,
                }
        });
    let strip = |a: &Article| Article {
        figures: vec![],
        ..a.clone()
    };
    figures && strip(a) == strip(b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reads_every_article_serde_writes(a in article()) {
        let file = String::from_utf8(encode_fragment([&a, &a])).unwrap();
        let ours = decode_fragment(&file).unwrap();
        prop_assert_eq!(ours.len(), 2);
        prop_assert!(same(&ours[0], &a), "{:?}\nread as\n{:?}", a, ours[0]);
        let entry = CatalogEntry::of(&a);
        let catalog = String::from_utf8(encode_catalog([&entry])).unwrap();
        prop_assert_eq!(decode_catalog(&catalog).unwrap(), vec![entry]);
        let bucket = String::from_utf8(encode_bucket(vec![(&a.id, 7), (&a.source, u32::MAX)])).unwrap();
        let theirs: Vec<(String, u32)> = serde_json::from_str(&bucket).unwrap();
        prop_assert_eq!(decode_bucket(&bucket).unwrap(), theirs);
    }

    #[test]
    fn refuses_what_serde_refuses(
        a in article(),
        cut in any::<prop::sample::Index>(),
        len in 0usize..40,
        with in prop::sample::select(vec![
            "", "null", "1", "-1", "1.5", "1e999", "\"x\"", "\"2024-01-02\"", "[]", "{}", "true",
            "\"other\"", "\"day\"", "4294967296", ",\"id\":\"z\"", "\"\\ud800\"", "]", "}",
            "\u{1f}", "\"\t\"", "\\u00e9", "\\x", "01", "-0",
        ]),
    ) {
        let line = String::from_utf8(encode_fragment([&a])).unwrap();
        let line = line.trim_end();
        // Splice `with` in place of up to `len` bytes from a point on a char boundary.
        let mut at = cut.index(line.len() + 1);
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(line.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        let spliced = format!("{}{}{}", &line[..at], with, &line[end..]);
        let theirs = serde_reads(&spliced);
        let ours = decode_article(&spliced);
        match (&theirs, &ours) {
            (Ok(t), Ok(o)) => prop_assert!(same(t, o), "{}\nserde {:?}\nours {:?}", spliced, t, o),
            (Err(e), Ok(_)) if e.contains("duplicate field") => {}
            (Err(_), Err(_)) => {}
            _ => prop_assert!(false, "{}\nserde {:?}\nours {:?}", spliced, theirs, ours),
        }
    }
}

#[test]
fn reads_records_of_older_ingests_and_ignores_unknown_fields() {
    // Written before `key`, `titles` and the other defaulted fields existed; with a field
    // this version does not know.
    let old = r#"{"id":"a","source":"a.txt","title":null,"published":"2021-10-08T09:30:00+07:00","published_precision":"minute","event_date":null,"people":[{"name":"Lê Văn A","roles":["Bí thư"]}],"documents":[{"kind":"Nghị quyết","number":"15","code":"NQ","issuer":"TU","date":"2021-10-08"}],"byline":null,"new_field":{"deep":[1,2,{"x":null}]}}"#;
    let ours = decode_article(old).unwrap();
    assert_eq!(ours, serde_reads(old).unwrap());
    assert_eq!(ours.documents[0].reference(), "15-NQ/TU");
    assert_eq!(ours.event_kind, EventKind::Other);
    assert!(ours.organization_aliases.is_empty() && ours.meta.is_empty());
    // Each refusal names the field.
    let err = decode_article(r#"{"id":"a","source":"s","published":"2021-10-08"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`published`") && err.contains("2021-10-08"),
        "{err}"
    );
    let err = decode_article(r#"{"source":"s"}"#).unwrap_err().to_string();
    assert!(err.contains("missing field `id`"), "{err}");
}

#[test]
fn reads_a_manifest_with_every_field_as_serde_does() {
    let a = Article {
        id: "a".into(),
        source: "a.txt".into(),
        paragraphs: vec!["Đảng viên".into()],
        ..Article::default()
    };
    let mut m = nienbieu_model::DatasetFiles::build_serial(&[a]).manifest;
    for (auto, compressed) in [(None, None), (Some(1000), Some(u64::MAX))] {
        m.offline_auto_bytes = auto;
        m.compressed_bytes = compressed;
        let text = m.encode();
        let theirs: nienbieu_model::Manifest = serde_json::from_str(&text).unwrap();
        assert_eq!(nienbieu_model::Manifest::decode(&text).unwrap(), theirs);
        assert_eq!(theirs, m);
    }
}
