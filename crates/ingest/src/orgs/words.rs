//! Words in organisation names: where a word ends, capitalised runs, words that end a name.

/// `rest` without leading spaces.
pub fn skip_spaces(rest: &str) -> &str {
    rest.trim_start_matches(' ')
}

/// The next word of `rest` (which starts at a word): up to a space or punctuation.
pub fn word(rest: &str) -> &str {
    let end = rest
        .find([
            ' ', ',', ';', '.', ':', '(', ')', '“', '”', '"', '\n', '?', '!', '/',
        ])
        .unwrap_or(rest.len());
    &rest[..end]
}

/// True when `w` starts with a capital letter or is a number-like code ("127").
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The bytes of a run of up to `max` capitalised words at the start of `rest`, joined by single
/// spaces or " - " ("Hội An", "Bà Rịa - Vũng Tàu"); `None` when `rest` does not start with one.
pub fn capitalised_run(rest: &str, max: usize) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    while words < max {
        let here = &rest[end..];
        let (gap, next) = if words == 0 {
            (0, here)
        } else {
            let Some(t) = here.strip_prefix(' ') else {
                break;
            };
            match t.strip_prefix("- ").or_else(|| t.strip_prefix("– ")) {
                Some(after) => (here.len() - after.len(), after),
                None => (1, t),
            }
        };
        let w = word(next);
        // "Thị" after a surname is a woman's middle name ("Trần Thị Kim Vân"), not "thị xã".
        let middle_name = words > 0 && w == "Thị";
        if w.is_empty() || !is_capitalised(w) || (is_stop(w) && !middle_name) {
            break;
        }
        end += gap + w.len();
        words += 1;
    }
    (words > 0).then_some(end)
}

/// Words (compared in lower case) at which a name has ended: prepositions, pronouns,
/// auxiliaries, words that begin a date or a place.
const STOPS: &[&str] = &[
    "đã",
    "về",
    "tại",
    "được",
    "cho",
    "với",
    "của",
    "trong",
    "là",
    "có",
    "do",
    "để",
    "theo",
    "nhằm",
    "năm",
    "vì",
    "đang",
    "sẽ",
    "luôn",
    "gồm",
    "cùng",
    "vừa",
    "cũng",
    "khi",
    "thì",
    "mà",
    "này",
    "đó",
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "hôm",
    "nay",
    "ông",
    "bà",
    "anh",
    "chị",
    "ra",
    "vào",
    "lên",
    "bị",
    "phải",
    "không",
    "chưa",
    "rất",
    "đều",
    "như",
    "hay",
    "hoặc",
    "nhưng",
    "trước",
    "sau",
    "gửi",
    "ký",
    "biết",
    "thuộc",
    "trực",
    "các",
    "những",
    "một",
    "thứ",
    "số",
    "từ",
    "đến",
    "lần",
    "khóa",
    "khoá",
    "đây",
    "ở",
    "nơi",
    "qua",
    "trên",
    "dưới",
    "lại",
    "nữa",
    "vẫn",
    "tháng",
    "quý",
    "tuần",
    "giai",
    "mới",
    "đề",
    "yêu",
    "nhận",
    "trao",
    "tặng",
    "dự",
    "họp",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "tp",
    "thị",
    "nhiều",
    "mọi",
    "đ/c",
    "cần",
    "còn",
    "kêu",
    "nói",
    "duyệt",
    "ủy",
    "uỷ",
    "hạ",
    "cấp",
];

/// Two words (in lower case) that end a name: verbs and nouns that follow a body's name.
const STOP_PAIRS: &[&str] = &[
    "tổ chức",
    "thực hiện",
    "chủ trì",
    "tham dự",
    "tham gia",
    "triển khai",
    "tiếp nhận",
    "tiếp tục",
    "báo cáo",
    "phát biểu",
    "phát động",
    "kiểm tra",
    "giám sát",
    "chỉ đạo",
    "lãnh đạo",
    "hội nghị",
    "kết luận",
    "thông báo",
    "quyết định",
    "nhiệm kỳ",
    "sơ kết",
    "tổng kết",
    "cho biết",
    "đề nghị",
    "yêu cầu",
    "làm việc",
    "công bố",
    "ban hành",
    "quán triệt",
    "trả lời",
    "xem xét",
    "đánh giá",
    "thay mặt",
    "nhân dịp",
    "hiện nay",
    "địa phương",
    "đơn vị",
    "tuyên truyền",
    "thành phố",
    "thị xã",
    "thị trấn",
    "trung ương",
    "chủ tịch",
    "giám đốc",
    "bí thư",
    "khai mạc",
    "bế mạc",
    "đại hội",
    "kỳ họp",
    "phiên họp",
    "cuộc họp",
    "cơ quan",
    "thông qua",
    "phê duyệt",
    "đồng ý",
    "cấp phép",
    "xử lý",
    "ra quyết",
    "công tác",
    "vận động",
    "đóng góp",
    "hỗ trợ",
    "khen thưởng",
    "trình bày",
    "nghiên cứu",
    "sớm có",
    "giải thích",
    "giải quyết",
    "thành lập",
    "kêu gọi",
    "cấp phép",
    "đi đầu",
    "đối với",
    "đồng chí",
    "kết nạp",
];

/// True for a word that ends a name, looking at the word after it for two-word verbs ("tổ"
/// in "... tổ chức", "đã", "của").
pub fn is_stop_at(w: &str, next: &str) -> bool {
    let lower = w.to_lowercase();
    let pair = format!("{lower} {}", next.to_lowercase());
    if NAME_PAIRS.contains(&pair.as_str()) {
        return false;
    }
    STOPS.contains(&lower.as_str()) || STOP_PAIRS.contains(&pair.as_str())
}

/// Two words that stay in a name although the first alone would end it ("dự án").
const NAME_PAIRS: &[&str] = &["dự án", "dự trữ", "dự báo"];

/// True for a word that cannot open a body's own name, though capitalised ("Theo", "Tại").
pub fn is_stop_word(w: &str) -> bool {
    STOPS.contains(&w.to_lowercase().as_str())
}

/// Capitalised words that begin something else than a place name: heads of bodies, titles,
/// sentence openers.
const NOT_PLACE: &[&str] = &[
    "Sở",
    "Ban",
    "Bộ",
    "UBND",
    "HĐND",
    "Ủy",
    "Uỷ",
    "Đảng",
    "Tỉnh",
    "Huyện",
    "Quận",
    "Chủ",
    "Phó",
    "Bí",
    "Giám",
    "Trưởng",
    "Viện",
    "Cục",
    "Tổng",
    "Thường",
    "Công",
    "Mặt",
    "Theo",
    "Tại",
    "Trong",
    "Sau",
    "Ngày",
    "Sáng",
    "Chiều",
    "Hôm",
    "Đ/c",
    "Ông",
    "Bà",
    "Thủ",
    "Thứ",
    "Học",
    "Tòa",
    "Toà",
    "Khối",
];

/// True for a capitalised word that ends a place name.
pub fn is_stop(w: &str) -> bool {
    NOT_PLACE.contains(&w) || is_stop_at(w, "")
}

/// True when `rest` starts with a person's name ("Lê Thanh Hải").
pub fn person_at(rest: &str) -> bool {
    crate::people::name_at_start(rest)
}

/// True when `rest` starts with a person's full name of three words or more ("Phùng Văn
/// Khay"): after "xã" or "TP" that is a title's holder, where a two-word place may begin with a
/// surname too ("quận Lê Chân", "thị xã Đồng Xoài").
pub fn full_name_at(rest: &str) -> bool {
    person_at(rest) && capitalised_run(rest, 4).is_some_and(|n| rest[..n].split(' ').count() >= 3)
}
