//! The five bundled seed pages: title and publication date, checked by hand against the text.

use nienbieu_ingest::ingest_paths;
use nienbieu_model::Precision;
use std::path::PathBuf;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/raw/seeds")
}

#[test]
fn every_seed_has_its_title_and_publication_date() {
    let out = ingest_paths(&[seeds_dir()]);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    let got: Vec<_> = out
        .articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.title.as_deref().unwrap_or("<none>"),
                a.published.map(|p| p.to_string()).unwrap_or_default(),
                a.published_precision,
            )
        })
        .collect();
    use Precision::*;
    let expected = [
        ("000_a3aac47d90c9b531", "Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023", "2024-01-08T00:00:00+07:00", Some(Day)),
        ("001_045dc231b05212c5", "Đảng bộ Khối tổng kết công tác xây dựng Đảng năm 2023; triển khai phương hướng, nhiệm vụ năm 2024", "2024-01-10T00:00:00+07:00", Some(Day)),
        // The first line, "Hoạt động của các tổ chức Đảng cơ sở", is a section label.
        ("002_9228e39e671308d9", "Đảng bộ Sở Lao động - Thương binh và Xã hội sơ kết công tác đảng 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2023", "2023-07-11T14:51:00+07:00", Some(Minute)),
        // The first line, "Thứ Tư, 19/06/2024 10:55 (GMT +7)", is the site header's today-date.
        ("003_6c8cf860eff313fa", "Ngành Tổ chức xây dựng Đảng thực hiện hoàn thành 29/29 chỉ tiêu", "2024-01-12T16:14:27+07:00", Some(Second)),
        ("004_69ae7685d5133d3d", "Đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản làm việc với Ban Thường vụ Đảng ủy Khối Cơ quan – Doanh nghiệp tỉnh", "2021-11-19T21:17:00+07:00", Some(Minute)),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(i, t, p, pr)| (*i, *t, p.to_string(), *pr))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn no_clutter_survives_in_the_seed_paragraphs() {
    let out = ingest_paths(&[seeds_dir()]);
    for a in &out.articles {
        for p in &a.paragraphs {
            for clutter in [
                "Lượt xem",
                "Tin liên quan",
                "Giá vàng",
                "Ý kiến",
                "Website liên kết",
                "0 / 500",
            ] {
                assert!(!p.contains(clutter), "{}: {clutter:?} left in {p:?}", a.id);
            }
        }
        assert!(!a.paragraphs.is_empty(), "{} has no paragraphs", a.id);
    }
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let encode = || nienbieu_ingest::build_dataset(&ingest_paths(&[seeds_dir()]).articles);
    assert_eq!(encode(), encode());
}
