//! Bad input never stops a run: each bad file gets a failure or a warning naming it and the
//! problem, and every other article is still written.

use nienbieu_ingest::ingest_paths;
use std::fs;
use std::path::PathBuf;

const GOOD: &str = "Đảng bộ xã tổng kết công tác năm 2023\n\n08/01/2024\n\nNgày 05/01/2024, Đảng bộ xã tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023 với sự tham dự của các đồng chí trong Ban Chấp hành.";

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("nienbieu-bad-input-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_kind_of_bad_file_is_named_and_the_good_ones_still_come_out() {
    let dir = scratch("files");
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01",
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        [GOOD.as_bytes(), b"\n\nTi\xeang Vi\xea\xf1t"].concat(),
    )
    .unwrap();
    fs::write(
        dir.join("nodate.txt"),
        "Một bài không có ngày đăng\n\nNội dung bài viết dài đủ để là một đoạn văn.",
    )
    .unwrap();
    fs::write(dir.join("huge.txt"), vec![b'a'; 50 * 1024 * 1024]).unwrap();
    let mut records = String::new();
    records.push_str(r#"{"id":"r1","title":"Tiêu đề","date":null,"body":"Dòng một."}"#);
    records.push_str("\n{\"id\":\"r2\",\"title\": broken\n");
    records.push_str(
        r#"{"id":"r3","title":null,"date":"2024-01-08","body":"Dòng ba.","outlet":"Báo X"}"#,
    );
    fs::write(dir.join("records.jsonl"), records).unwrap();

    let out = ingest_paths(&[dir.clone(), dir.join("missing.txt")]);
    let failed: Vec<(String, &str)> = out
        .failures
        .iter()
        .map(|f| (f.source.rsplit('/').next().unwrap().to_string(), f.reason))
        .collect();
    assert_eq!(
        failed,
        [
            ("missing.txt".to_string(), "unreadable"),
            ("binary.txt".to_string(), "binary"),
            ("empty.txt".to_string(), "empty"),
            ("huge.txt".to_string(), "too_large"),
            ("records.jsonl:2".to_string(), "bad_json"),
        ]
    );
    for f in &out.failures {
        assert!(!f.message.is_empty());
    }
    let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["good", "latin1", "nodate", "r1", "r3"]);

    let latin1 = &out.articles[1];
    assert!(latin1
        .diagnostics
        .iter()
        .any(|d| d.code == "input.repaired" && d.message.contains("invalid UTF-8")));
    let nodate = &out.articles[2];
    assert_eq!(nodate.published, None);
    assert!(nodate.diagnostics.iter().any(|d| d.code == "date.missing"));
    let r3 = &out.articles[4];
    assert_eq!(r3.title, None);
    assert_eq!(
        r3.published.map(|p| p.to_string()).as_deref(),
        Some("2024-01-08T00:00:00+07:00")
    );
    assert_eq!(r3.meta.get("outlet").map(String::as_str), Some("Báo X"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn utf16_pages_with_a_bom_read_like_utf8() {
    let dir = scratch("utf16");
    let mut le = vec![0xFF, 0xFE];
    le.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(dir.join("a.txt"), &le).unwrap();
    fs::write(dir.join("b.txt"), GOOD).unwrap();
    let out = ingest_paths(std::slice::from_ref(&dir));
    assert!(out.failures.is_empty());
    assert_eq!(out.articles[0].title, out.articles[1].title);
    assert_eq!(out.articles[0].paragraphs, out.articles[1].paragraphs);
    let _ = fs::remove_dir_all(&dir);
}
