//! Saved HTML pages in four site layouts written for these tests (a news site with JSON-LD,
//! a provincial portal with Open Graph only, a 2008 table layout in windows-1258 with no
//! metadata at all, a blog without metadata or <h1> whose body is split around a box), a site
//! mirror, and bad HTML: each field and the route that gave it.

use nienbieu_ingest::encoding::{encode_as_legacy, Charset, Legacy};
use nienbieu_ingest::ingest_paths;
use nienbieu_model::Article;
use std::fs;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    fs::read_to_string(path).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nienbieu-html-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Ingests one page saved as `name` with these bytes.
fn ingest_one(name: &str, bytes: &[u8]) -> Article {
    let dir = scratch(name);
    fs::write(dir.join(name), bytes).unwrap();
    let out = ingest_paths(std::slice::from_ref(&dir));
    let _ = fs::remove_dir_all(&dir);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    assert_eq!(out.articles.len(), 1);
    out.articles.into_iter().next().unwrap()
}

/// The message of the diagnostic `code`, or "".
fn said<'a>(a: &'a Article, code: &str) -> &'a str {
    a.diagnostics
        .iter()
        .find(|d| d.code == code)
        .map_or("", |d| d.message.as_str())
}

/// What a layout must yield: the fields, and the route of each.
struct Expected {
    title: &'static str,
    published: &'static str,
    byline: Option<&'static str>,
    captions: &'static [&'static str],
    paragraphs: usize,
    first: &'static str,
    last: &'static str,
    routes: &'static [(&'static str, &'static str)],
}

fn check(a: &Article, e: &Expected) {
    assert_eq!(a.title.as_deref(), Some(e.title));
    assert_eq!(
        a.published.map(|p| p.to_string()).as_deref(),
        Some(e.published)
    );
    assert_eq!(a.byline.as_deref(), e.byline);
    assert_eq!(a.captions, e.captions);
    assert_eq!(a.paragraphs.len(), e.paragraphs, "{:#?}", a.paragraphs);
    assert!(
        a.paragraphs[0].starts_with(e.first),
        "{:?}",
        a.paragraphs[0]
    );
    assert!(
        a.paragraphs.last().unwrap().starts_with(e.last),
        "{:?}",
        a.paragraphs.last()
    );
    for (code, route) in e.routes {
        assert!(said(a, code).contains(route), "{code}: {:?}", said(a, code));
    }
    let text = [a.paragraphs.join("\n"), a.captions.join("\n")].join("\n");
    for furniture in [
        "Trang chủ",
        "Chia sẻ",
        "Tin liên quan",
        "Bình luận",
        "Bản quyền",
        "Các tin khác",
        "Tin đọc nhiều",
        "Từ khóa",
        "Hôm nay",
        "dataLayer",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} left in {text}");
    }
}

const NEWS: Expected = Expected {
    title: "Đảng ủy Khối Doanh nghiệp tỉnh Sông Hồng sơ kết công tác xây dựng Đảng quý I năm 2024",
    published: "2024-03-15T09:30:00+07:00",
    byline: Some("Ngọc Lan"),
    captions: &[
        "Đồng chí Phạm Thu Hà, Phó Bí thư Thường trực Đảng ủy Khối phát biểu chỉ đạo hội nghị",
    ],
    paragraphs: 5,
    first: "Sáng 14/3, Đảng ủy Khối Doanh nghiệp tỉnh",
    last: "Phát biểu kết luận, đồng chí Phạm Thu Hà",
    routes: &[
        ("input.format", "HTML page, recognised by its file name"),
        (
            "html.body",
            "main content: <article class=\"article-detail\">, 5 paragraph(s)",
        ),
        ("html.title", "from JSON-LD headline"),
        ("html.date", "from JSON-LD datePublished"),
        ("html.author", "from JSON-LD author"),
        ("html.captions", "1 from <figcaption>"),
    ],
};

const PORTAL: Expected = Expected {
    title: "Liên đoàn Lao động tỉnh tổng kết phong trào công nhân, viên chức, lao động năm 2023",
    // article:published_time is 07:05 UTC.
    published: "2023-12-20T14:05:00+07:00",
    byline: Some("Trần Minh Đức"),
    captions: &[
        "Lãnh đạo tỉnh trao Bằng khen cho các tập thể có thành tích xuất sắc trong năm 2023",
    ],
    paragraphs: 5,
    first: "Chiều 19/12, Liên đoàn Lao động tỉnh Đông Sơn",
    last: "Dịp này, 18 tập thể và 25 cá nhân",
    routes: &[
        (
            "html.body",
            "main content: <div class=\"detail-content\">, the block with the most text",
        ),
        ("html.title", "from <meta og:title>"),
        ("html.date", "from <meta article:published_time>"),
        ("html.author", "from <meta author>"),
        ("html.captions", "1 from caption markup"),
    ],
};

const TABLE: Expected = Expected {
    title: "Sở Nội vụ tổng kết công tác xây dựng chính quyền năm 2008",
    published: "2009-01-08T10:15:00+07:00",
    byline: Some("Hoàng Văn Nam"),
    captions: &["Toàn cảnh hội nghị tổng kết"],
    paragraphs: 4,
    first: "Sáng ngày 07/01/2009, Sở Nội vụ tỉnh",
    last: "Phát biểu tại hội nghị, đồng chí Vũ Đình Khang",
    routes: &[
        (
            "html.body",
            "main content: <td class=\"noidung\">, the block with the most text",
        ),
        ("html.title", "by the text rules"),
        ("html.date", "by the text rules: a date line in the article"),
        ("html.author", "by the text rules: the article's last line"),
    ],
};

#[test]
fn news_site_with_json_ld_and_a_site_header_date() {
    let a = ingest_one("news.html", fixture("news_jsonld.html").as_bytes());
    check(&a, &NEWS);
    assert_eq!(
        a.meta.get("outlet").map(String::as_str),
        Some("Báo Sông Hồng điện tử")
    );
    assert_eq!(
        a.meta.get("section").map(String::as_str),
        Some("Xây dựng Đảng")
    );
    assert_eq!(
        a.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    assert!(a.documents.iter().any(|d| d.reference() == "15-NQ/TU"));
}

#[test]
fn portal_with_open_graph_only() {
    let a = ingest_one("portal.htm", fixture("portal_opengraph.html").as_bytes());
    check(&a, &PORTAL);
    assert!(
        a.people.iter().any(|p| p.name == "Lê Thị Hồng"),
        "{:?}",
        a.people
    );
}

#[test]
fn table_layout_in_windows_1258_without_metadata() {
    let utf8 = fixture("table_windows1258.html");
    let (bytes, replaced) = encode_as_legacy(&utf8, Charset::WINDOWS_1258).unwrap();
    assert!(replaced.is_empty());
    let a = ingest_one("tin.asp.htm", &bytes);
    check(&a, &TABLE);
    assert_eq!(
        said(&a, "input.encoding"),
        "windows-1258, declared by the page's <meta charset>"
    );
    // The same page saved as UTF-8 still declares windows-1258: the bytes win, and say so.
    let b = ingest_one("tin.asp.htm", utf8.as_bytes());
    check(&b, &TABLE);
    assert!(said(&b, "input.charset_mismatch").contains("declares charset \"windows-1258\""));
    // In VNI, but declaring windows-1258: the letters' statistics overrule the declaration.
    let (vni, _) = encode_as_legacy(&utf8, Charset::Legacy(Legacy::Vni)).unwrap();
    let c = ingest_one("tin.asp.htm", &vni);
    check(&c, &TABLE);
    assert!(said(&c, "input.encoding").starts_with("VNI, detected by letter statistics"));
    assert!(said(&c, "input.charset_mismatch").contains("its bytes are VNI"));
}

#[test]
fn a_site_mirror_ingests_like_a_directory_of_text_files() {
    let dir = scratch("mirror");
    fs::create_dir_all(dir.join("tin-tuc/2024")).unwrap();
    fs::create_dir_all(dir.join("static")).unwrap();
    fs::write(
        dir.join("tin-tuc/2024/so-ket.html"),
        fixture("news_jsonld.html"),
    )
    .unwrap();
    fs::write(
        dir.join("tin-tuc/tong-ket.htm"),
        fixture("portal_opengraph.html"),
    )
    .unwrap();
    // Saved without an extension: recognised by its start.
    fs::write(dir.join("tin-tuc/tin"), fixture("table_windows1258.html")).unwrap();
    fs::write(dir.join("static/site.css"), "body { color: #333 }").unwrap();
    fs::write(dir.join("static/menu.js"), "var menu = [];").unwrap();
    fs::write(dir.join("static/logo.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let out = ingest_paths(std::slice::from_ref(&dir));
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    let titles: Vec<_> = out
        .articles
        .iter()
        .map(|a| a.title.clone().unwrap())
        .collect();
    assert_eq!(titles, [NEWS.title, TABLE.title, PORTAL.title]);
    assert_eq!(
        said(&out.articles[1], "input.format"),
        "HTML page, recognised by its start (<!DOCTYPE html>, <html> or <head>)"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// A small well-formed article to wrap in bad markup.
const ARTICLE: &str = "<article><h1>Hội nghị tổng kết công tác Đảng năm 2023</h1>\
    <p>Ngày 05/01/2024, Đảng bộ xã tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023 với sự tham dự của các đồng chí trong Ban Chấp hành.</p>\
    <p>Năm 2023, Đảng bộ kết nạp 12 đảng viên mới, 100% chi bộ hoàn thành tốt nhiệm vụ.</p></article>";

#[test]
fn broken_markup_still_gives_the_article() {
    let page = format!(
        "<html><head><title>Tin</title><body><div><p>Thứ Hai, 08/01/2024</span></div></table>\
         {}<p><b><i>Chưa đóng thẻ nào cả, <a href=\"x\">một liên kết</p><div class=",
        ARTICLE.replace("</p>", "")
    );
    let a = ingest_one("broken.html", page.as_bytes());
    assert_eq!(
        a.title.as_deref(),
        Some("Hội nghị tổng kết công tác Đảng năm 2023")
    );
    assert!(
        a.paragraphs[0].starts_with("Ngày 05/01/2024"),
        "{:?}",
        a.paragraphs
    );
    assert!(said(&a, "html.title").contains("<h1>"));
}

#[test]
fn deeply_nested_tags_do_not_overflow() {
    let depth = 100_000;
    let page = format!(
        "<!DOCTYPE html><body>{}{ARTICLE}{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = std::time::Instant::now();
    let a = ingest_one("deep.html", page.as_bytes());
    assert_eq!(
        a.title.as_deref(),
        Some("Hội nghị tổng kết công tác Đảng năm 2023")
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert!(said(&a, "html.too_deep").contains("nested more than 256 deep"));
    eprintln!(
        "{depth} nested <div>s: {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_50_mb_page_gives_its_article_and_a_larger_one_is_refused_by_name() {
    // Saved "complete" pages inline their images and scripts.
    let blob = "QUJD".repeat(25_000_000 / 4);
    let page = format!(
        "<!DOCTYPE html><head><script>var x = \"{blob}\";</script></head><body>\
         <img src=\"data:image/png;base64,{blob}\">{ARTICLE}</body>"
    );
    assert!(page.len() > 50_000_000);
    let started = std::time::Instant::now();
    let a = ingest_one("big.html", page.as_bytes());
    assert_eq!(
        a.title.as_deref(),
        Some("Hội nghị tổng kết công tác Đảng năm 2023")
    );
    assert_eq!(a.paragraphs.len(), 2);
    eprintln!("50 MB page: {:.2} s", started.elapsed().as_secs_f64());

    let dir = scratch("huge");
    let huge = fs::File::create(dir.join("huge.html")).unwrap();
    huge.set_len(70 * 1024 * 1024).unwrap();
    let out = ingest_paths(std::slice::from_ref(&dir));
    assert_eq!(out.failures[0].reason, "too_large");
    assert!(out.failures[0]
        .message
        .contains("64 MB limit for one HTML page"));
    let _ = fs::remove_dir_all(&dir);
}

/// A page whose JSON-LD is `json_ld`, beside Open Graph and an article.
fn with_json_ld(json_ld: &str) -> Article {
    let page = format!(
        "<!DOCTYPE html><html><head>\
         <meta property=\"og:title\" content=\"Đảng bộ xã tổng kết năm 2023\">\
         <meta property=\"article:published_time\" content=\"2024-01-08T08:00:00+07:00\">\
         <script type=\"application/ld+json\">{json_ld}</script></head>\
         <body>{ARTICLE}</body></html>"
    );
    ingest_one("ld.html", page.as_bytes())
}

#[test]
fn json_ld_that_is_not_json_is_reported_and_the_rest_of_the_page_used() {
    let a = with_json_ld(r#"{"@type": "NewsArticle", "headline": "Tiêu đề", }"#);
    assert!(said(&a, "html.jsonld_invalid").contains("JSON-LD block 1 is not valid JSON"));
    assert_eq!(a.title.as_deref(), Some("Đảng bộ xã tổng kết năm 2023"));
    assert_eq!(said(&a, "html.title"), "from <meta og:title>");
    assert_eq!(
        a.published.map(|p| p.to_string()).as_deref(),
        Some("2024-01-08T08:00:00+07:00")
    );
}

#[test]
fn json_ld_that_lies_is_not_believed() {
    let long = "Tin ".repeat(2_499) + "Tinh";
    let a = with_json_ld(&format!(
        r#"{{"@type": "NewsArticle", "headline": "{long}", "datePublished": "2999-01-01T00:00:00Z", "author": "https://example.invalid/u/1"}}"#
    ));
    assert!(said(&a, "html.title_too_long").contains("10000 characters"));
    assert!(said(&a, "html.date_future").contains("2999-01-01"));
    assert_eq!(a.title.as_deref(), Some("Đảng bộ xã tổng kết năm 2023"));
    assert_eq!(
        said(&a, "html.date"),
        "from <meta article:published_time> (2024-01-08T08:00:00+07:00)"
    );
    // A URL is no author's name.
    assert_eq!(a.byline, None);
}

#[test]
fn a_page_that_claims_utf8_but_is_windows_1258() {
    let page =
        format!("<!DOCTYPE html><head><meta charset=\"utf-8\"></head><body>{ARTICLE}</body>");
    let (bytes, _) = encode_as_legacy(&page, Charset::WINDOWS_1258).unwrap();
    let a = ingest_one("lie.html", &bytes);
    assert_eq!(
        a.title.as_deref(),
        Some("Hội nghị tổng kết công tác Đảng năm 2023")
    );
    assert!(said(&a, "input.encoding").starts_with("windows-1258, detected by"));
    assert!(said(&a, "input.charset_mismatch").contains("declares charset \"utf-8\""));
}

#[test]
fn a_page_without_any_text_is_an_article_with_warnings_not_a_crash() {
    for page in [
        "<!DOCTYPE html>",
        "<html><body><nav>Trang chủ</nav></body></html>",
        "<html><<<>>>",
    ] {
        let a = ingest_one("empty.html", page.as_bytes());
        assert_eq!(a.title, None, "{page}");
        assert!(a.paragraphs.is_empty());
        assert!(said(&a, "body.empty").contains("no article text"));
    }
}

const BLOG: Expected = Expected {
    title: "Chi bộ thôn Đông kết nạp ba đảng viên trẻ",
    published: "2024-02-02T00:00:00+07:00",
    byline: None,
    captions: &[],
    paragraphs: 5,
    first: "Ngày 01/02/2024, Chi bộ thôn Đông",
    last: "Năm 2023, Đảng bộ xã Hòa Bình kết nạp 11 đảng viên",
    routes: &[
        (
            "html.body",
            "main content: <div class=\"post-part-one\">, the block with the most text, and 1 sibling block(s) with text, 5 paragraph(s)",
        ),
        ("html.title", "from <title>, the last resort"),
        ("html.date", "a date line above the headline or the main content"),
    ],
};

#[test]
fn blog_without_metadata_or_h1_whose_body_is_split_around_a_box() {
    let a = ingest_one("bai-viet.html", fixture("blog_split.html").as_bytes());
    check(&a, &BLOG);
    assert!(!a.paragraphs.iter().any(|p| p.contains("Đọc thêm")));
}

#[test]
fn a_json_ld_headline_cut_short_is_completed_by_the_h1() {
    let a =
        with_json_ld(r#"{"@type": "NewsArticle", "headline": "Hội nghị tổng kết công tác..."}"#);
    assert_eq!(
        a.title.as_deref(),
        Some("Hội nghị tổng kết công tác Đảng năm 2023")
    );
    assert_eq!(
        said(&a, "html.title"),
        "from the page's <h1>, which completes the JSON-LD headline cut short"
    );
}
