//! Writes saved HTML pages made from JSON Lines records, for the HTML ingest benchmark:
//! `cargo run --profile native -p nienbieu-ingest --example html_pages -- FILE.jsonl DIR N`.
//! Records take turns in three layouts (a news site with JSON-LD, a portal with Open Graph
//! only, a table layout in windows-1258 without metadata), each with a site header date that
//! is not the publication date; `DIR.expected.jsonl` holds each page's title, date and
//! paragraph count. Dates are invented (2015 on, one a day) when a record has none.

use nienbieu_ingest::encoding::{encode_as_legacy, Charset};
use nienbieu_model::Date;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(dir), Some(n)) = (args.next(), args.next(), args.next()) else {
        panic!("usage: html_pages FILE.jsonl DIR N");
    };
    let n: usize = n.parse().expect("N is a number");
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("DIR can be made");
    let data = std::fs::read_to_string(file).expect("readable file");
    let mut expected = String::new();
    let records = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| {
            v["title"]
                .as_str()
                .is_some_and(|t| t.split_whitespace().count() >= 3)
        });
    for (i, v) in records.take(n).enumerate() {
        let title = v["title"].as_str().unwrap_or_default().trim();
        let paragraphs: Vec<&str> = v["body"]
            .as_str()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let day = Date::from_days(Date::new(2015, 1, 1).unwrap().to_days() + i as i32);
        let (y, m, d) = (day.year(), day.month(), day.day());
        let (hh, mm) = (6 + i % 14, (i * 7) % 60);
        let body: String = paragraphs.iter().fold(String::new(), |mut s, p| {
            let _ = writeln!(s, "<p>{}</p>", esc(p));
            s
        });
        let layout = i % 3;
        let page = match layout {
            0 => format!(
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
<title>{t} | Báo Mẫu</title><meta property=\"og:title\" content=\"{t}\">\
<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
\"headline\":{tj},\"datePublished\":\"{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00\",\
\"author\":{{\"@type\":\"Person\",\"name\":\"Phóng viên\"}}}}</script></head><body>\
<header><div>Thứ Tư, 19/06/2024</div><nav><a href=\"/\">Trang chủ</a> | <a href=\"/cs\">Chính sự</a></nav></header>\
<main><article><h1>{t}</h1><time datetime=\"{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00\">{d:02}/{m:02}/{y} {hh:02}:{mm:02}</time>\
<div class=\"share\">Chia sẻ</div>{body}<figure><img src=\"a.jpg\"><figcaption>Quang cảnh buổi lễ</figcaption></figure>\
</article><aside><h3>Tin liên quan</h3><ul><li><a href=\"/1\">Một tin khác cùng chuyên mục</a></li></ul></aside></main>\
<footer>© Bản quyền thuộc về Báo Mẫu</footer></body></html>",
                t = esc(title),
                tj = serde_json::to_string(title).unwrap(),
            ),
            1 => format!(
                "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\
<title>{t} - Cổng thông tin</title><meta property=\"og:title\" content=\"{t}\">\
<meta property=\"article:published_time\" content=\"{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00\">\
<meta name=\"author\" content=\"Ban Biên tập\"></head><body><div id=\"top\"><div class=\"today\">Hôm nay: 15/01/2024</div>\
<div class=\"menu-top\"><a href=\"/\">Trang chủ</a><a href=\"/tt\">Tin tức</a></div></div>\
<div id=\"content\"><div class=\"col-main\"><h1 class=\"title-detail\">{t}</h1><div class=\"date-detail\">{d:02}/{m:02}/{y} {hh:02}:{mm:02}</div>\
<div class=\"detail-content\">{body}</div><div class=\"other-news\">Các tin khác<ul><li><a href=\"/b\">Tin cũ hơn</a></li></ul></div></div>\
<div class=\"col-right\"><div>Tin đọc nhiều</div><ul><li><a href=\"/c\">Một tin được đọc nhiều</a></li></ul></div></div></body></html>",
                t = esc(title),
            ),
            _ => {
                let text: String = paragraphs.iter().fold(String::new(), |mut s, p| {
                    let _ = writeln!(s, "{}<BR><BR>", esc(p));
                    s
                });
                format!(
                    "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1258\">\
<TITLE>Tin tuc</TITLE></HEAD><BODY><TABLE><TR><TD colSpan=2>Hôm nay: Thứ tư, 19/06/2024</TD></TR>\
<TR><TD class=menutrai><A href=\"a\">Trang chủ</A><BR><A href=\"b\">Tin tức</A><BR></TD>\
<TD class=noidung><FONT class=tieude><B>{t}</B></FONT><BR><I>Cập nhật: {d:02}/{m:02}/{y} {hh:02}:{mm:02}</I><BR><BR>\n\
{text}<B>Các tin khác:</B><BR><A href=\"c\">Một tin cũ</A><BR></TD></TR></TABLE></BODY></HTML>",
                    t = esc(title),
                )
            }
        };
        let bytes = if layout == 2 {
            encode_as_legacy(&page, Charset::WINDOWS_1258).unwrap().0
        } else {
            page.into_bytes()
        };
        let name = format!("p{i:05}.html");
        std::fs::write(dir.join(&name), bytes).expect("DIR is writable");
        let line = serde_json::json!({
            "id": format!("p{i:05}"), "layout": layout, "title": title,
            "published": format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00"),
            "paragraphs": paragraphs.len(),
        });
        expected.push_str(&line.to_string());
        expected.push('\n');
    }
    let mut sidecar = dir.clone().into_os_string();
    sidecar.push(".expected.jsonl");
    std::fs::write(sidecar, expected).expect("beside DIR is writable");
}
