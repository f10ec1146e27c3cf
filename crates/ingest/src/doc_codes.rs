//! What the parts of document codes mean: kinds in words and their codes, and issuers.

/// Kinds in words, with the code each usually carries. Longer names first where one starts
/// another ("Thông tư liên tịch" before "Thông tư").
pub const KINDS: &[(&str, &str)] = &[
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Hướng dẫn", "HD"),
    ("Quy định", "QĐ"),
    ("Quyết định", "QĐ"),
    ("Đề án", "ĐA"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Thông tri", "TT"),
    ("Chương trình", "CTr"),
    ("Công văn", "CV"),
    ("Công điện", "CĐ"),
    ("Điện khẩn", "CĐ"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Nghị định", "NĐ"),
    ("Thông tư liên tịch", "TTLT"),
    ("Thông tư", "TT"),
    ("Pháp lệnh", "PL"),
    ("Luật", "L"),
    ("Văn bản", "VB"),
];

/// The kind as the table writes it, for a kind word written in any case.
pub fn canonical_kind(word: &str) -> &'static str {
    let lower = word.to_lowercase();
    KINDS
        .iter()
        .find(|(k, _)| k.to_lowercase() == lower)
        .map_or("Văn bản", |(k, _)| k)
}

/// The kind of a Party code ("NQ" in "15-NQ/TU"); empty when it is not a kind code.
pub fn kind_of_party_code(code: &str) -> &'static str {
    match code {
        "NQ" => "Nghị quyết",
        "CT" => "Chỉ thị",
        "KL" => "Kết luận",
        "HD" => "Hướng dẫn",
        "QĐ" | "QĐI" => "Quy định",
        "ĐA" => "Đề án",
        "KH" => "Kế hoạch",
        "TB" => "Thông báo",
        "TT" => "Thông tri",
        "CTr" => "Chương trình",
        "BC" => "Báo cáo",
        "TTr" => "Tờ trình",
        "CV" => "Công văn",
        "CĐ" => "Công điện",
        "NĐ" => "Nghị định",
        _ => "",
    }
}

/// The kind of the first part of a State code ("NĐ" in "158/2005/NĐ-CP"); empty when that part
/// is an issuer ("VPCP" in "1289/VPCP-NC").
pub fn kind_of_state_code(code: &str) -> &'static str {
    match code {
        "NĐ" => "Nghị định",
        "QĐ" => "Quyết định",
        "NQ" => "Nghị quyết",
        "CT" => "Chỉ thị",
        "TT" => "Thông tư",
        "TTLT" => "Thông tư liên tịch",
        "PL" => "Pháp lệnh",
        "CV" => "Công văn",
        "CĐ" => "Công điện",
        "TB" => "Thông báo",
        "KH" => "Kế hoạch",
        "HD" => "Hướng dẫn",
        "KL" => "Kết luận",
        "BC" => "Báo cáo",
        "TTr" => "Tờ trình",
        "QC" => "Quy chế",
        "ĐA" => "Đề án",
        _ => "",
    }
}

/// The issuer of a code in words, from its first part ("CP", "TTg", "BCA(A11)", "QH11").
pub fn issuer_name(issuer: &str) -> Option<&'static str> {
    let head = issuer
        .split(['-', '('])
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_ascii_digit());
    Some(match head {
        "CP" => "Chính phủ",
        "TTg" => "Thủ tướng Chính phủ",
        "QH" => "Quốc hội",
        "UBTVQH" => "Ủy ban Thường vụ Quốc hội",
        "CTN" => "Chủ tịch nước",
        "VPCP" => "Văn phòng Chính phủ",
        "BCA" => "Bộ Công an",
        "BQP" => "Bộ Quốc phòng",
        "BTC" => "Bộ Tài chính",
        "BGTVT" => "Bộ Giao thông vận tải",
        "BYT" => "Bộ Y tế",
        "BGD" | "BGDĐT" => "Bộ Giáo dục và Đào tạo",
        "BTP" => "Bộ Tư pháp",
        "BTM" => "Bộ Thương mại",
        "BCN" => "Bộ Công nghiệp",
        "BCT" => "Bộ Công Thương",
        "BXD" => "Bộ Xây dựng",
        "BNV" => "Bộ Nội vụ",
        "BNN" => "Bộ Nông nghiệp và Phát triển nông thôn",
        "BLĐTBXH" | "LĐTBXH" => "Bộ Lao động - Thương binh và Xã hội",
        "BTNMT" => "Bộ Tài nguyên và Môi trường",
        "BKH" | "BKHĐT" => "Bộ Kế hoạch và Đầu tư",
        "BVHTT" => "Bộ Văn hóa - Thông tin",
        "BBCVT" => "Bộ Bưu chính Viễn thông",
        "BKHCN" => "Bộ Khoa học và Công nghệ",
        "NHNN" => "Ngân hàng Nhà nước",
        "UB" | "UBND" => "Ủy ban nhân dân",
        "HĐND" => "Hội đồng nhân dân",
        "TW" => "Trung ương",
        "TU" => "Tỉnh ủy",
        "BCTW" => "Bộ Chính trị",
        "BTCTW" => "Ban Tổ chức Trung ương",
        "BTGTW" => "Ban Tuyên giáo Trung ương",
        "UBKTTW" => "Ủy ban Kiểm tra Trung ương",
        "ĐUK" => "Đảng ủy Khối",
        "HĐTP" => "Hội đồng Thẩm phán",
        "UBCK" => "Ủy ban Chứng khoán Nhà nước",
        "BCĐ" => "Ban Chỉ đạo",
        _ => return None,
    })
}
