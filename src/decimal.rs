//! Decimal text for the numbers the app draws (SVG coordinates, sizes in MB), without the
//! standard library's float formatting, which would add its Grisu and Dragon tables and code
//! to the wasm for a few coordinates.

/// `v` with exactly `places` digits after the point (at most 6), as `format!("{v:.places$}")`
/// writes it, except that the scaled value is rounded half away from zero (0.15 to one place
/// gives "0.2", where the standard library, exact about 0.15's binary value, gives "0.1");
/// anything not finite, or beyond 2^63 once scaled, saturates (0 for NaN). For coordinates and
/// sizes, far below that.
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places);
    let n = if v.is_finite() {
        (v * scale as f64).round() as i64
    } else {
        0
    };
    let sign = if n < 0 { "-" } else { "" };
    let (int, frac) = (n.unsigned_abs() / scale, n.unsigned_abs() % scale);
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = places as usize)
    }
}

/// `v` as JavaScript writes a number: the shortest text that reads back as `v` exactly (for
/// values a test or a script reads back, such as `data-value`).
pub fn exact(v: f64) -> String {
    String::from(
        js_sys::Number::from(v)
            .to_string_with_radix(10)
            .unwrap_or_else(|_| "NaN".into()),
    )
}

/// `v` with at most one digit after the point, and none when it is 0: "12", "12.5".
pub fn short(v: f64) -> String {
    let mut s = fixed(v, 1);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_fixed_places_rounding_half_away_from_zero() {
        for (v, p, want) in [
            (0.0, 1, "0.0"),
            (12.0, 1, "12.0"),
            (12.34, 1, "12.3"),
            (12.36, 1, "12.4"),
            (-3.25, 2, "-3.25"),
            (0.04, 1, "0.0"),
            (2.5, 0, "3"),
            (1499.9, 0, "1500"),
            (0.123456, 3, "0.123"),
            (f64::NAN, 1, "0.0"),
        ] {
            assert_eq!(fixed(v, p), want, "{v} to {p} places");
        }
    }

    #[test]
    fn short_drops_a_zero_decimal() {
        assert_eq!(short(12.0), "12");
        assert_eq!(short(12.46), "12.5");
        assert_eq!(short(-0.01), "0");
        assert_eq!(short(-7.5), "-7.5");
    }
}
