//! Every interface string, in Vietnamese (the default) and English, with the date and number
//! formats of each language.

use crate::data::LoadError;
use nienbieu_model::search::{Bin, Granularity};
use nienbieu_model::{DatasetError, Date, EventKind, IndexError};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt, the default.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language with tag `tag`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        [Lang::Vi, Lang::En].into_iter().find(|l| l.tag() == tag)
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// The strings of this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// A number with the thousands separator of the language: 20.000 or 20,000.
    pub fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = if self == Lang::Vi { '.' } else { ',' };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A size in megabytes, one decimal, with the language's decimal mark: 3,2 MB or 3.2 MB.
    pub fn megabytes(self, bytes: f64) -> String {
        let s = format!("{} MB", crate::decimal::fixed(bytes / 1e6, 1));
        if self == Lang::Vi {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// A date: 08/01/2024 in Vietnamese, 8 Jan 2024 in English.
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::Vi => d.to_vietnamese(),
            Lang::En => format!(
                "{} {} {}",
                d.day(),
                MONTHS[d.month() as usize - 1],
                d.year()
            ),
        }
    }

    /// The label of a timeline bin.
    pub fn bin(self, bin: &Bin, g: Granularity) -> String {
        let d = bin.start;
        match (self, g) {
            (_, Granularity::Day) => self.date(d),
            (Lang::Vi, Granularity::Week) => format!("Tuần từ {}", self.date(d)),
            (Lang::En, Granularity::Week) => format!("Week of {}", self.date(d)),
            (Lang::Vi, Granularity::Month) => format!("Tháng {}/{}", d.month(), d.year()),
            (Lang::En, Granularity::Month) => {
                format!("{} {}", MONTHS[d.month() as usize - 1], d.year())
            }
            (Lang::Vi, Granularity::Year) => format!("Năm {}", d.year()),
            (Lang::En, Granularity::Year) => d.year().to_string(),
        }
    }

    /// A short axis tick for a bin.
    pub fn tick(self, bin: &Bin, g: Granularity) -> String {
        let d = bin.start;
        match g {
            Granularity::Year => d.year().to_string(),
            Granularity::Month if d.month() == 1 => d.year().to_string(),
            Granularity::Month => match self {
                Lang::Vi => format!("{}/{}", d.month(), d.year()),
                Lang::En => format!("{} {}", MONTHS[d.month() as usize - 1], d.year()),
            },
            _ => match self {
                Lang::Vi => format!("{}/{}", d.day(), d.month()),
                Lang::En => format!("{} {}", d.day(), MONTHS[d.month() as usize - 1]),
            },
        }
    }

    /// The label of a facet key.
    pub fn facet(self, key: &str) -> String {
        let vi = self == Lang::Vi;
        let label = match key {
            "province" => {
                if vi {
                    "Tỉnh, thành phố"
                } else {
                    "Province"
                }
            }
            "organization" => {
                if vi {
                    "Tổ chức"
                } else {
                    "Organisation"
                }
            }
            "kind" => {
                if vi {
                    "Loại sự kiện"
                } else {
                    "Event kind"
                }
            }
            "year" => {
                if vi {
                    "Năm"
                } else {
                    "Year"
                }
            }
            "person" => {
                if vi {
                    "Nhân vật"
                } else {
                    "Person"
                }
            }
            "document" => {
                if vi {
                    "Văn bản được dẫn"
                } else {
                    "Cited document"
                }
            }
            "doc_kind" => {
                if vi {
                    "Loại văn bản"
                } else {
                    "Document kind"
                }
            }
            "doc_issuer" => {
                if vi {
                    "Cơ quan ban hành"
                } else {
                    "Issued by"
                }
            }
            "doc_year" => {
                if vi {
                    "Năm ban hành"
                } else {
                    "Year issued"
                }
            }
            "organizer" => {
                if vi {
                    "Đơn vị tổ chức"
                } else {
                    "Held by"
                }
            }
            "meta:outlet" => {
                if vi {
                    "Cơ quan báo chí"
                } else {
                    "Outlet"
                }
            }
            "meta:topic_vi" | "meta:topic" => {
                if vi {
                    "Chủ đề"
                } else {
                    "Topic"
                }
            }
            "meta:synthetic" => {
                if vi {
                    "Dữ liệu tổng hợp"
                } else {
                    "Synthetic data"
                }
            }
            other => {
                return other
                    .strip_prefix("meta:")
                    .unwrap_or(other)
                    .replace('_', " ")
            }
        };
        label.to_string()
    }

    /// The label of a facet value: event kinds by name, everything else as written.
    pub fn value(self, key: &str, value: &str) -> String {
        match (key, EventKind::from_code(value)) {
            ("kind", Some(k)) => self.kind(k).to_string(),
            _ => value.to_string(),
        }
    }

    /// The name of an event kind.
    pub fn kind(self, k: EventKind) -> &'static str {
        let vi = self == Lang::Vi;
        match k {
            EventKind::YearReview => {
                if vi {
                    "Tổng kết năm"
                } else {
                    "Year-end review"
                }
            }
            EventKind::MidyearReview => {
                if vi {
                    "Sơ kết"
                } else {
                    "Interim review"
                }
            }
            EventKind::WorkingVisit => {
                if vi {
                    "Làm việc, thăm"
                } else {
                    "Working visit"
                }
            }
            EventKind::Congress => {
                if vi {
                    "Đại hội"
                } else {
                    "Congress"
                }
            }
            EventKind::Conference => {
                if vi {
                    "Hội nghị"
                } else {
                    "Conference"
                }
            }
            EventKind::Admission => {
                if vi {
                    "Kết nạp đảng viên"
                } else {
                    "Party admission"
                }
            }
            EventKind::Other => {
                if vi {
                    "Khác"
                } else {
                    "Other"
                }
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An interface string that follows the language. Every label is this one reactive type, not
/// a closure of its own: each distinct closure would bring its own rendering code into the
/// wasm.
pub fn tr(field: fn(&'static Strings) -> &'static str) -> leptos::prelude::Signal<&'static str> {
    use leptos::prelude::*;
    let lang = crate::app::use_lang();
    Signal::derive(move || field(lang.get().t()))
}

/// The interface strings of one language.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub switch_language: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub load_failed: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub strict_label: &'static str,
    pub strict_hint: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub articles: fn(&str) -> String,
    pub filters: &'static str,
    pub active_filters: &'static str,
    pub clear_all: &'static str,
    pub remove_filter: fn(&str) -> String,
    pub facet_search: fn(&str) -> String,
    pub show_more: &'static str,
    pub show_less: &'static str,
    pub timeline: &'static str,
    pub timeline_label: &'static str,
    pub timeline_help: &'static str,
    pub y_axis: &'static str,
    pub x_axis: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub undated_button: fn(&str) -> String,
    pub outside: fn(&str, &str) -> String,
    pub show_all_time: &'static str,
    pub bar: fn(&str, &str) -> String,
    pub no_dates: &'static str,
    pub date_range: fn(&str, &str) -> String,
    pub undated_chip: &'static str,
    pub untitled: &'static str,
    pub undated: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub empty_title: &'static str,
    pub empty_hint: &'static str,
    pub relax_query: fn(&str) -> String,
    pub relax_strict: &'static str,
    pub relax_dates: &'static str,
    pub relax_gives: fn(&str) -> String,
    pub close: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub published: &'static str,
    pub event_date: &'static str,
    pub kind: &'static str,
    pub byline: &'static str,
    pub source: &'static str,
    pub people: &'static str,
    pub documents: &'static str,
    pub figures: &'static str,
    pub photo: &'static str,
    pub loading_article: &'static str,
    pub article_failed: &'static str,
    pub article_missing: fn(&str) -> String,
    pub position: fn(&str, &str) -> String,
    pub shortcuts: &'static str,
    pub empty_dataset: &'static str,
    pub synthetic_note: &'static str,
    pub filter_by: fn(&str) -> String,
    pub offline_caching: fn(u32) -> String,
    pub offline_ready: fn(&str) -> String,
    pub offline_quota: &'static str,
    pub offline_failed: fn(&str) -> String,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub searching: &'static str,
    pub facet_counting: &'static str,
    pub facet_not_stored: &'static str,
    pub facet_failed: &'static str,
    pub facet_values_loading: &'static str,
    pub facet_values_not_stored: &'static str,
    pub facet_values_failed: &'static str,
    pub export_preparing: fn(&str, &str) -> String,
    pub terms_failed: &'static str,
    pub offline_not_stored: &'static str,
    pub offline_partial: &'static str,
    pub offline_checking: &'static str,
    pub offline_save_all: fn(&str) -> String,
    /// The same, naming what it downloads (the dataset's files compressed).
    pub offline_save_all_download: fn(&str) -> String,
    pub understood: &'static str,
    pub query_unclosed: &'static str,
    pub query_truncated: fn(&str) -> String,
    pub query_cut: &'static str,
    pub nothing_to_search: &'static str,
    pub filters_cut: fn(&str) -> String,
    pub panic_title: &'static str,
    pub panic_reload: &'static str,
    pub panic_query: &'static str,
    pub approximate: fn(&str) -> String,
    pub nav_label: &'static str,
    pub nav_articles: &'static str,
    pub nav_documents: &'static str,
    pub nav_people: &'static str,
    pub nav_organizations: &'static str,
    pub nav_figures: &'static str,
    pub view_failed: &'static str,
    pub list_filter: &'static str,
    pub sort_citations: &'static str,
    pub sort_date: &'static str,
    pub sort_name: &'static str,
    pub sort_articles: &'static str,
    pub cited_times: fn(&str) -> String,
    pub seen_times: fn(&str) -> String,
    pub first_last: fn(&str, &str) -> String,
    pub cited_with: &'static str,
    pub seen_with: &'static str,
    pub in_list: &'static str,
    pub documents_empty: &'static str,
    pub people_empty: &'static str,
    pub organizations_empty: &'static str,
    pub figures_empty: &'static str,
    pub no_match: &'static str,
    pub entity_missing: fn(&str) -> String,
    pub sure: &'static str,
    pub apart: fn(&str) -> String,
    pub likely: fn(&str) -> String,
    pub career: &'static str,
    pub organizations_seen: &'static str,
    pub provinces_seen: &'static str,
    pub per_year: &'static str,
    pub per_year_bar: fn(i32, u32) -> String,
    pub citations_per_year: &'static str,
    pub events_heading: &'static str,
    pub posts_heading: &'static str,
    pub figures_heading: &'static str,
    pub articles_heading: &'static str,
    pub aliases: &'static str,
    pub metric_label: &'static str,
    pub group_by: &'static str,
    pub by_organization: &'static str,
    pub by_province: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub left_out: fn(&str) -> String,
    pub undated_points: fn(&str) -> String,
    pub col_year: &'static str,
    pub col_value: &'static str,
    pub col_subject: &'static str,
    pub col_article: &'static str,
    pub col_sentence: &'static str,
    pub issued: &'static str,
    pub back_to_list: &'static str,
    pub undated_count: fn(&str) -> String,
    pub page_of: fn(&str) -> String,
    pub doc_kind: &'static str,
    pub namesakes: fn(&str) -> String,
}

/// Tiếng Việt.
pub const VI: Strings = Strings {
    app_name: "Niên biểu",
    tagline: "Tra cứu tin công tác Đảng và đoàn thể theo dòng thời gian",
    switch_language: "English",
    loading: "Đang tải dữ liệu…",
    retry: "Thử lại",
    load_failed: "Không tải được dữ liệu",
    search_label: "Tìm kiếm bài viết",
    search_placeholder: "Tìm: đảng viên, \"ban chấp hành\", 15-NQ/TU, -Hà Nội…",
    strict_label: "Đúng dấu",
    strict_hint: "Chỉ tìm đúng dấu đã gõ (\"đang\" không ra \"đảng\")",
    sort_label: "Sắp xếp",
    sort_relevance: "Liên quan nhất",
    sort_newest: "Mới nhất",
    sort_oldest: "Cũ nhất",
    articles: |n| format!("{n} bài viết"),
    filters: "Bộ lọc",
    active_filters: "Đang lọc",
    clear_all: "Xoá tất cả",
    remove_filter: |x| format!("Bỏ lọc {x}"),
    facet_search: |f| format!("Tìm trong {}", f.to_lowercase()),
    show_more: "Xem thêm",
    show_less: "Thu gọn",
    timeline: "Dòng thời gian",
    timeline_label: "Biểu đồ số bài theo thời gian",
    timeline_help: "Kéo trên biểu đồ để chọn khoảng thời gian, bấm một cột để lọc theo cột đó. Bàn phím: phím mũi tên để chọn cột, Enter để lọc.",
    y_axis: "Số bài",
    x_axis: "Thời gian",
    zoom_in: "Phóng to",
    zoom_out: "Thu nhỏ",
    zoom_reset: "Toàn bộ",
    undated_button: |n| format!("Không rõ ngày: {n}"),
    outside: |b, a| format!("Ngoài khung: {b} sớm hơn, {a} muộn hơn"),
    show_all_time: "Xem toàn bộ thời gian, cả những bài có ngày rất xa",
    bar: |period, n| format!("{period}: {n} bài"),
    no_dates: "Không bài nào trong kết quả có ngày tháng.",
    date_range: |a, b| format!("Từ {a} đến {b}"),
    undated_chip: "Không rõ ngày",
    untitled: "(không có tiêu đề)",
    undated: "không rõ ngày",
    export_csv: "Tải CSV",
    export_json: "Tải JSON",
    empty_title: "Không có bài nào khớp.",
    empty_hint: "Bỏ một điều kiện để có lại kết quả:",
    relax_query: |q| format!("từ khoá «{q}»"),
    relax_strict: "chế độ đúng dấu",
    relax_dates: "khoảng thời gian",
    relax_gives: |n| format!("→ {n} bài"),
    close: "Đóng",
    previous: "Bài trước",
    next: "Bài sau",
    copy_link: "Sao chép liên kết",
    copied: "Đã sao chép liên kết",
    published: "Ngày đăng",
    event_date: "Ngày diễn ra",
    kind: "Loại sự kiện",
    byline: "Tác giả",
    source: "Nguồn",
    people: "Nhân vật",
    documents: "Văn bản được dẫn",
    figures: "Số liệu chính",
    photo: "Ảnh",
    loading_article: "Đang tải bài viết…",
    article_failed: "Không tải được bài viết",
    article_missing: |id| format!("Không có bài viết mã {id} trong bộ dữ liệu."),
    position: |i, n| format!("Bài {i}/{n}"),
    shortcuts: "Phím tắt: / tìm kiếm · j, k hoặc ↑, ↓ chọn bài · Enter mở · Esc đóng",
    empty_dataset: "Bộ dữ liệu chưa có bài nào. Hãy chạy công cụ nhập liệu.",
    synthetic_note: "Bộ dữ liệu tổng hợp để đo hiệu năng: văn bản thật, ngày tháng do máy tạo ra, không phải ngày đăng thật.",
    filter_by: |x| format!("Lọc theo {x}"),
    offline_caching: |percent| format!("Đang lưu để dùng ngoại tuyến: {percent} %"),
    offline_ready: |total| format!("Dùng được khi không có mạng ({total})"),
    offline_quota: "Trình duyệt không cho đủ dung lượng để lưu bộ dữ liệu; ứng dụng vẫn chạy bình thường khi có mạng.",
    offline_failed: |e| format!("Chưa lưu được để dùng ngoại tuyến ({e}); sẽ thử lại lần sau."),
    update_ready: "Đã có phiên bản mới của Niên biểu.",
    update_reload: "Tải lại để cập nhật",
    searching: "Đang tìm…",
    facet_counting: "Đang đếm…",
    facet_not_stored: "Chưa lưu trên máy để đếm khi ngoại tuyến.",
    facet_failed: "Không tải được số đếm.",
    facet_values_loading: "Đang tải các giá trị còn lại…",
    facet_values_not_stored: "Chưa lưu trên máy: chỉ tìm trong các giá trị thường gặp nhất.",
    facet_values_failed: "Không tải được các giá trị còn lại: chỉ tìm trong các giá trị thường gặp nhất.",
    export_preparing: |done, total| format!("Đang chuẩn bị tệp xuất: {done}/{total} phần"),
    terms_failed: "Không tải được một phần chỉ mục cần cho tìm kiếm này.",
    offline_not_stored: "Đang ngoại tuyến: phần chỉ mục cần cho tìm kiếm này chưa được lưu trên máy. Hãy kết nối mạng, hoặc khi có mạng, chọn «Lưu toàn bộ để dùng ngoại tuyến».",
    offline_partial: "Ngoại tuyến: chỉ những gì đã xem",
    offline_checking: "Ngoại tuyến: đang kiểm tra…",
    offline_save_all: |size| format!("Lưu toàn bộ để dùng ngoại tuyến ({size})"),
    offline_save_all_download: |size| format!("Lưu toàn bộ để dùng ngoại tuyến (tải về {size})"),
    understood: "Đang tìm theo:",
    query_unclosed: "dấu ngoặc kép chưa đóng: cụm từ kéo đến hết",
    query_truncated: |n| format!("bỏ bớt {n} phần vượt quá giới hạn"),
    query_cut: "truy vấn quá dài đã được cắt bớt",
    nothing_to_search: "(không có từ nào để tìm: hiện mọi bài)",
    filters_cut: |n| format!("Liên kết có quá nhiều giá trị lọc; đã bỏ {n} giá trị."),
    panic_title: "Ứng dụng gặp lỗi và đã dừng.",
    panic_reload: "Tải lại ở trạng thái tốt gần nhất",
    panic_query: "Truy vấn gây lỗi:",
    approximate: |n| format!("Khoảng {n} bài viết (cụm từ quá phổ biến để kiểm tra hết)"),
    nav_label: "Các góc nhìn",
    nav_articles: "Bài viết",
    nav_documents: "Văn bản",
    nav_people: "Nhân vật",
    nav_organizations: "Tổ chức",
    nav_figures: "Số liệu",
    view_failed: "Không tải được dữ liệu của trang này",
    list_filter: "Lọc danh sách",
    sort_citations: "Được dẫn nhiều nhất",
    sort_date: "Theo ngày ban hành",
    sort_name: "Theo tên",
    sort_articles: "Nhiều bài nhất",
    cited_times: |n| format!("{n} bài dẫn"),
    seen_times: |n| format!("{n} bài"),
    first_last: |a, b| format!("từ {a} đến {b}"),
    cited_with: "Thường được dẫn cùng",
    seen_with: "Thường xuất hiện cùng",
    in_list: "Xem các bài viết này trong danh sách",
    documents_empty: "Bộ dữ liệu chưa có bài nào dẫn văn bản có số hiệu.",
    people_empty: "Bộ dữ liệu chưa có nhân vật nào được nêu tên kèm chức danh.",
    organizations_empty: "Bộ dữ liệu chưa có tổ chức nào được nhận ra.",
    figures_empty: "Bộ dữ liệu chưa có số liệu nào gắn với một tổ chức hay một tỉnh.",
    no_match: "Không có mục nào khớp bộ lọc.",
    entity_missing: |k| format!("Không có mục «{k}» trong bộ dữ liệu."),
    sure: "Chỉ có một người mang tên này trong bộ dữ liệu.",
    apart: |p| format!("Có người trùng tên ở tỉnh khác; các bài này gắn người này với {p}."),
    likely: |p| format!("Có người trùng tên ở tỉnh khác; các bài không nói rõ tỉnh được gán cho người ở {p} (xuất hiện nhiều nhất), nên có thể chưa chắc."),
    career: "Chức danh theo thời gian (như báo chí nêu)",
    organizations_seen: "Tổ chức",
    provinces_seen: "Tỉnh, thành phố",
    per_year: "Số bài theo năm",
    per_year_bar: |y, n| format!("{y}: {n} bài"),
    citations_per_year: "Số bài dẫn theo năm",
    events_heading: "Sự kiện do tổ chức này tổ chức, theo loại và năm",
    posts_heading: "Người giữ chức vụ trong tổ chức",
    figures_heading: "Số liệu của tổ chức",
    articles_heading: "Các bài viết",
    aliases: "Cách viết khác",
    metric_label: "Chỉ số",
    group_by: "Theo",
    by_organization: "tổ chức",
    by_province: "tỉnh, thành phố",
    show_table: "Xem dạng bảng",
    show_chart: "Xem biểu đồ",
    left_out: |n| format!("{n} số liệu không rõ của tổ chức hay tỉnh nào nên không được đưa vào."),
    undated_points: |n| format!("{n} số liệu không rõ năm không có trên biểu đồ."),
    col_year: "Năm",
    col_value: "Giá trị",
    col_subject: "Chủ thể",
    col_article: "Bài viết",
    col_sentence: "Câu trích",
    issued: "Ban hành",
    back_to_list: "← Danh sách",
    undated_count: |n| format!("{n} bài không rõ ngày"),
    page_of: |x| format!("Trang của {x}"),
    doc_kind: "Loại văn bản",
    namesakes: |x| format!("Có nhiều người tên {x}, ở các tỉnh khác nhau:"),
};

/// English.
pub const EN: Strings = Strings {
    app_name: "Niên biểu",
    tagline: "A timeline explorer for news of Party and public-organisation work",
    switch_language: "Tiếng Việt",
    loading: "Loading the dataset…",
    retry: "Retry",
    load_failed: "The dataset could not be loaded",
    search_label: "Search articles",
    search_placeholder: "Search: đảng viên, \"ban chấp hành\", 15-NQ/TU, -Hà Nội…",
    strict_label: "Exact marks",
    strict_hint: "Match diacritics exactly as typed (\"đang\" no longer finds \"đảng\")",
    sort_label: "Sort",
    sort_relevance: "Most relevant",
    sort_newest: "Newest",
    sort_oldest: "Oldest",
    articles: |n| format!("{n} article{}", if n == "1" { "" } else { "s" }),
    filters: "Filters",
    active_filters: "Active filters",
    clear_all: "Clear all",
    remove_filter: |x| format!("Remove filter {x}"),
    facet_search: |f| format!("Search {}", f.to_lowercase()),
    show_more: "Show more",
    show_less: "Show less",
    timeline: "Timeline",
    timeline_label: "Chart of articles over time",
    timeline_help: "Drag across the chart to choose a period, click a bar to filter to it. Keyboard: arrow keys choose a bar, Enter filters.",
    y_axis: "Articles",
    x_axis: "Time",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "All",
    undated_button: |n| format!("Undated: {n}"),
    outside: |b, a| format!("Outside the window: {b} earlier, {a} later"),
    show_all_time: "Show all time, far-off dates included",
    bar: |period, n| format!("{period}: {n} article{}", if n == "1" { "" } else { "s" }),
    no_dates: "No article in the results has a date.",
    date_range: |a, b| format!("{a} to {b}"),
    undated_chip: "Undated",
    untitled: "(untitled)",
    undated: "date unknown",
    export_csv: "Download CSV",
    export_json: "Download JSON",
    empty_title: "No article matches.",
    empty_hint: "Remove one condition to get results back:",
    relax_query: |q| format!("the words “{q}”"),
    relax_strict: "exact marks",
    relax_dates: "the date range",
    relax_gives: |n| format!("→ {n} article(s)"),
    close: "Close",
    previous: "Previous",
    next: "Next",
    copy_link: "Copy link",
    copied: "Link copied",
    published: "Published",
    event_date: "Event date",
    kind: "Event kind",
    byline: "Byline",
    source: "Source",
    people: "People",
    documents: "Cited documents",
    figures: "Key figures",
    photo: "Photo",
    loading_article: "Loading the article…",
    article_failed: "The article could not be loaded",
    article_missing: |id| format!("The dataset has no article with id {id}."),
    position: |i, n| format!("Article {i} of {n}"),
    shortcuts: "Shortcuts: / search · j, k or ↑, ↓ choose · Enter opens · Esc closes",
    empty_dataset: "The dataset holds no articles yet. Run the ingest tool.",
    synthetic_note: "A synthetic benchmark dataset: real texts with machine-made dates, not real publication dates.",
    filter_by: |x| format!("Filter by {x}"),
    offline_caching: |percent| format!("Saving for offline use: {percent}%"),
    offline_ready: |total| format!("Works offline ({total})"),
    offline_quota: "The browser does not allow enough storage to keep the dataset; the app works as usual while online.",
    offline_failed: |e| format!("Not saved for offline use yet ({e}); it will try again next time."),
    update_ready: "A new version of Niên biểu is ready.",
    update_reload: "Reload to update",
    searching: "Searching…",
    facet_counting: "Counting…",
    facet_not_stored: "Not stored on this device for counting offline.",
    facet_failed: "The counts could not be loaded.",
    facet_values_loading: "Loading the other values…",
    facet_values_not_stored: "Not stored on this device: searching the most frequent values only.",
    facet_values_failed: "The other values could not be loaded: searching the most frequent values only.",
    export_preparing: |done, total| format!("Preparing the export: {done} of {total} parts"),
    terms_failed: "Part of the index this search needs could not be loaded.",
    offline_not_stored: "Offline: the part of the index this search needs is not stored on this device. Connect, or, while online, choose “Save everything for offline use”.",
    offline_partial: "Offline: only what you have viewed",
    offline_checking: "Offline: checking…",
    offline_save_all: |size| format!("Save everything for offline use ({size})"),
    offline_save_all_download: |size| format!("Save everything for offline use ({size} download)"),
    understood: "Searching for:",
    query_unclosed: "unclosed quote: the phrase runs to the end",
    query_truncated: |n| format!("{n} part(s) beyond the limits left out"),
    query_cut: "an over-long query was cut",
    nothing_to_search: "(no word to search for: showing every article)",
    filters_cut: |n| format!("The link has too many filter values; {n} were left out."),
    panic_title: "The app hit an error and stopped.",
    panic_reload: "Reload in the last good state",
    panic_query: "Query that caused it:",
    approximate: |n| format!("About {n} articles (the phrases are too common to check in full)"),
    nav_label: "Views",
    nav_articles: "Articles",
    nav_documents: "Documents",
    nav_people: "People",
    nav_organizations: "Organisations",
    nav_figures: "Figures",
    view_failed: "This page's data could not be loaded",
    list_filter: "Filter the list",
    sort_citations: "Most cited",
    sort_date: "By date issued",
    sort_name: "By name",
    sort_articles: "Most articles",
    cited_times: |n| format!("cited in {n}"),
    seen_times: |n| format!("{n} articles"),
    first_last: |a, b| format!("from {a} to {b}"),
    cited_with: "Often cited with",
    seen_with: "Often seen with",
    in_list: "Show these articles in the list",
    documents_empty: "No article in the dataset cites a numbered document yet.",
    people_empty: "No person is named with a title in the dataset yet.",
    organizations_empty: "No organisation was recognised in the dataset yet.",
    figures_empty: "No figure in the dataset is tied to an organisation or a province yet.",
    no_match: "Nothing matches the filter.",
    entity_missing: |k| format!("The dataset has no entry “{k}”."),
    sure: "Only one person of this name appears in the dataset.",
    apart: |p| format!("A namesake holds posts in another province; these articles place this person in {p}."),
    likely: |p| format!("A namesake holds posts in another province; articles that do not say where were given to the person in {p} (seen most), so this is less certain."),
    career: "Titles over time (as the press gives them)",
    organizations_seen: "Organisations",
    provinces_seen: "Provinces",
    per_year: "Articles per year",
    per_year_bar: |y, n| format!("{y}: {n} articles"),
    citations_per_year: "Citing articles per year",
    events_heading: "Events it held, by kind and year",
    posts_heading: "People holding posts in it",
    figures_heading: "Its figures",
    articles_heading: "Articles",
    aliases: "Also written",
    metric_label: "Metric",
    group_by: "By",
    by_organization: "organisation",
    by_province: "province",
    show_table: "Show as a table",
    show_chart: "Show the chart",
    left_out: |n| format!("{n} figures about no clear organisation or province were left out."),
    undated_points: |n| format!("{n} figures without a year are not on the chart."),
    col_year: "Year",
    col_value: "Value",
    col_subject: "Subject",
    col_article: "Article",
    col_sentence: "Sentence",
    issued: "Issued",
    back_to_list: "← List",
    undated_count: |n| format!("{n} undated articles"),
    page_of: |x| format!("Page of {x}"),
    doc_kind: "Kind",
    namesakes: |x| format!("Several people are named {x}, in different provinces:"),
};

/// Explains a load failure in the given language.
pub fn describe(lang: Lang, e: &LoadError) -> String {
    use nienbieu_model::SCHEMA_VERSION as V;
    match (lang, e) {
        (Lang::Vi, LoadError::Network { file, message }) => format!("Lỗi kết nối khi tải {file}: {message}"),
        (Lang::En, LoadError::Network { file, message }) => format!("Network error while fetching {file}: {message}"),
        (Lang::Vi, LoadError::Http { file, status: 404 }) => format!("Không tìm thấy tệp dữ liệu {file} (mã 404). Hãy chạy công cụ nhập liệu rồi dựng lại ứng dụng."),
        (Lang::En, LoadError::Http { file, status: 404 }) => format!("The dataset file {file} was not found (404). Run the ingest tool and rebuild the app."),
        (Lang::Vi, LoadError::Http { file, status }) => format!("Máy chủ trả lỗi {status} khi tải {file}."),
        (Lang::En, LoadError::Http { file, status }) => format!("The server answered {status} for {file}."),
        (Lang::Vi, LoadError::Format(DatasetError::NewerSchema { found }) | LoadError::Index(IndexError::Version { found })) if *found > V => format!("Tệp dữ liệu dùng phiên bản định dạng {found}, mới hơn phiên bản {V} mà ứng dụng này đọc được. Hãy tải lại trang để cập nhật ứng dụng."),
        (Lang::Vi, LoadError::Format(DatasetError::NewerSchema { found } | DatasetError::OlderSchema { found }) | LoadError::Index(IndexError::Version { found })) => format!("Tệp dữ liệu dùng phiên bản định dạng cũ {found}; ứng dụng này đọc phiên bản {V}. Hãy chạy lại công cụ nhập liệu."),
        (Lang::Vi, LoadError::Format(DatasetError::MissingVersion)) => "Tệp dữ liệu không có số phiên bản định dạng: đây không phải bộ dữ liệu Niên biểu.".into(),
        (Lang::Vi, LoadError::Format(DatasetError::Malformed(m))) => format!("Tệp dữ liệu bị hỏng: {m}"),
        (Lang::Vi, LoadError::Index(IndexError::Corrupt(m))) => format!("Tệp chỉ mục bị hỏng: {m}"),
        (Lang::En, LoadError::Format(e)) => capitalise(&e.to_string()),
        (Lang::En, LoadError::Index(e)) => capitalise(&e.to_string()),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect::<String>() + ".")
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(Lang::Vi.number(20000), "20.000");
        assert_eq!(Lang::En.number(1234567), "1,234,567");
        assert_eq!(Lang::Vi.number(5), "5");
        let d = Date::new(2024, 1, 8).unwrap();
        assert_eq!(Lang::Vi.date(d), "08/01/2024");
        assert_eq!(Lang::En.date(d), "8 Jan 2024");
        assert_eq!((VI.articles)("5"), "5 bài viết");
        assert_eq!((EN.articles)("1"), "1 article");
    }
}
