//! Odd text never panics or slows a run: nested brackets in codes, a code broken over a line,
//! odd spellings, and paragraphs of 100,000 characters built to provoke every extractor.

use nienbieu_ingest::documents::find_documents;
use nienbieu_ingest::orgs::{find_organizations, Implied};
use nienbieu_ingest::parse_page;
use std::time::{Duration, Instant};

/// A page with one paragraph of `unit` repeated to at least 100,000 characters.
fn long_page(unit: &str) -> String {
    let n = 100_000 / unit.chars().count() + 1;
    format!("Tiêu đề thử\n\n{}\n", unit.repeat(n))
}

#[test]
fn nested_brackets_and_codes_over_two_lines_read_whole() {
    let d = find_documents(["Quyết định số 1205/2005/QĐ-BCA(A11) ngày 20/12/2005 của Bộ Công an"]);
    assert_eq!(d[0].reference(), "1205/2005/QĐ-BCA(A11)");
    assert_eq!(d[0].issuer_name(), "Bộ Công an");
    let d =
        find_documents(["theo Quyết định 1205/2005/QĐ-BCA((A11)) và ((Nghị định 158/2005/NĐ-CP))"]);
    let keys: Vec<String> = d.iter().map(|d| d.reference()).collect();
    assert!(keys.contains(&"158/2005/NĐ-CP".to_string()), "{keys:?}");
    assert!(
        keys.iter().any(|k| k.starts_with("1205/2005/QĐ-BCA")),
        "{keys:?}"
    );

    let page = parse_page(
        "split",
        "split.txt",
        "Triển khai nghị định về hộ tịch\n\nSở Tư pháp hướng dẫn thi hành Nghị định số 158/2005/\nNĐ-CP của Chính phủ về đăng ký và quản lý hộ tịch.\n",
    );
    let keys: Vec<String> = page.documents.iter().map(|d| d.reference()).collect();
    assert_eq!(keys, ["158/2005/NĐ-CP"]);
}

#[test]
fn odd_spellings_of_one_body_are_one_organisation() {
    let implied = Implied::from_provinces(&["TP Hồ Chí Minh".into()]);
    let o = find_organizations(
        &["UBND Tp.HCM, Uỷ ban nhân dân TP. Hồ Chí Minh và UBND TPHCM cùng Sở GD-ĐT TP.HCM, Sở Giáo dục và Đào tạo TP Hồ Chí Minh"],
        &implied,
    );
    assert_eq!(
        o.names,
        [
            "UBND TP Hồ Chí Minh",
            "Sở Giáo dục và Đào tạo TP Hồ Chí Minh"
        ]
    );
    assert!(o.aliases["UBND TP Hồ Chí Minh"].len() >= 2);
}

#[test]
fn paragraphs_of_100000_characters_parse_quickly() {
    let units = [
        "Ban ",
        "Trưởng ban Tổ chức ",
        "Sở Giao thông ",
        "Phó Chủ tịch UBND ",
        "(Nguyễn Văn An) ",
        "Nguyễn Văn An Phó Chủ tịch ",
        "kết nạp 12 đảng viên mới tỷ lệ 95% ",
        "hội nghị làm việc với ",
        "số 158/2005/NĐ-CP ",
        "Quyết định 1205/2005/QĐ-BCA(A11(",
        "UBND tỉnh ",
        "Sáng 27/4 ",
        "ông A B C D E F ",
        "Ban Chỉ đạo ",
        "Đảng ủy Khối ",
        "(",
        "ngân sách 1.000 tỷ đồng ",
        "Ngày 28/4, Thành ủy TPHCM đã tổ chức ",
    ];
    for unit in units {
        let text = long_page(unit);
        let start = Instant::now();
        let article = parse_page("long", "long.txt", &text);
        serde_json::to_string(&article).unwrap();
        let took = start.elapsed();
        // Linear work takes a few seconds at most unoptimised on a busy machine (a fraction of
        // a second optimised); a scan quadratic in the paragraph's length takes minutes.
        let limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });
        assert!(took < limit, "{unit:?} × 100,000 characters took {took:?}");
    }
}
