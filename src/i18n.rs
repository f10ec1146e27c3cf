//! Every interface string, in Vietnamese (the default) and English.

use crate::data::LoadError;
use nienbieu_model::{DatasetError, IndexError};

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
}

/// The interface strings of one language.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub switch_language: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub load_failed: &'static str,
    pub timeline: &'static str,
    pub timeline_label: &'static str,
    pub no_dates: &'static str,
    pub untitled: &'static str,
    pub undated: &'static str,
    pub articles: fn(usize) -> String,
    pub month_bar: fn(u32, i32, u32) -> String,
    pub empty_dataset: &'static str,
    pub synthetic_note: &'static str,
}

/// Tiếng Việt.
pub const VI: Strings = Strings {
    app_name: "Niên biểu",
    tagline: "Tra cứu tin công tác Đảng và đoàn thể theo dòng thời gian",
    switch_language: "English",
    loading: "Đang tải dữ liệu…",
    retry: "Thử lại",
    load_failed: "Không tải được dữ liệu",
    timeline: "Dòng thời gian",
    timeline_label: "Số bài theo tháng",
    no_dates: "Chưa có bài nào có ngày đăng.",
    untitled: "(không có tiêu đề)",
    undated: "không rõ ngày",
    articles: |n| format!("{n} bài viết"),
    month_bar: |m, y, n| format!("Tháng {m}/{y}: {n} bài"),
    empty_dataset: "Bộ dữ liệu chưa có bài nào. Hãy chạy công cụ nhập liệu.",
    synthetic_note: "Bộ dữ liệu tổng hợp để đo hiệu năng: văn bản thật, ngày tháng do máy tạo ra, không phải ngày đăng thật.",
};

/// English.
pub const EN: Strings = Strings {
    app_name: "Niên biểu",
    tagline: "A timeline explorer for news of Party and public-organisation work",
    switch_language: "Tiếng Việt",
    loading: "Loading the dataset…",
    retry: "Retry",
    load_failed: "The dataset could not be loaded",
    timeline: "Timeline",
    timeline_label: "Articles per month",
    no_dates: "No article has a publication date yet.",
    untitled: "(untitled)",
    undated: "date unknown",
    articles: |n| format!("{n} article{}", if n == 1 { "" } else { "s" }),
    month_bar: |m, y, n| format!("{y}-{m:02}: {n} article{}", if n == 1 { "" } else { "s" }),
    empty_dataset: "The dataset holds no articles yet. Run the ingest tool.",
    synthetic_note: "A synthetic benchmark dataset: real texts with machine-made dates, not real publication dates.",
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
        (Lang::Vi, LoadError::Index(IndexError::NotAnIndex)) => "Tệp chỉ mục bị hỏng: đây không phải chỉ mục Niên biểu.".into(),
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
