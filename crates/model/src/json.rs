//! A small JSON reader for the dataset's own JSON files (the manifest, article, catalog and
//! id files): one non-generic parser into a borrowed tree, which [`crate::dataset::decode`]
//! turns into the model's types. The app reads those files on its way to the first screen and
//! the first search; serde's generic deserialisers for them were about 45 kB of the app's
//! first wasm module, gzipped. Writing stays with serde, and a test checks that both read
//! the same.

use std::borrow::Cow;
use std::fmt;

/// Nesting deeper than this is refused, so that a hostile file cannot exhaust the stack
/// (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// A parsed JSON value, borrowing from the text where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (checked against JSON's grammar).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's members, in the order written.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Why a text is not JSON: what was wrong, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What was wrong.
    pub what: &'static str,
    /// The byte offset where it was found.
    pub at: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Parses `text`, which must hold exactly one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    let mut p = Parser { text, at: 0 };
    let v = p.value(0)?;
    p.space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, what: &'static str) -> JsonError {
        JsonError { what, at: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `word` (a literal) or fails.
    fn word(&mut self, word: &str) -> Result<(), JsonError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        self.space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'n') => self.word("null").map(|_| Value::Null),
            Some(b't') => self.word("true").map(|_| Value::Bool(true)),
            Some(b'f') => self.word("false").map(|_| Value::Bool(false)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    /// After an opening bracket: whether the list is empty (its closing `close` consumed).
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.at += 1;
        self.space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    /// After an item: whether another follows (`,`), or the list ends (`close`, consumed).
    fn more(&mut self, close: u8) -> Result<bool, JsonError> {
        self.space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(false)
            }
            None => Err(self.error("unexpected end")),
            Some(_) => Err(self.error("expected `,` or a closing bracket")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        let mut items = Vec::new();
        if !self.open(depth, b']')? {
            loop {
                items.push(self.value(depth)?);
                if !self.more(b']')? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        let mut members = Vec::new();
        if !self.open(depth, b'}')? {
            loop {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(self.error("expected a key"));
                }
                let key = self.string()?;
                self.space();
                if self.peek() != Some(b':') {
                    return Err(self.error("expected `:`"));
                }
                self.at += 1;
                members.push((key, self.value(depth)?));
                if !self.more(b'}')? {
                    break;
                }
            }
        }
        Ok(Value::Object(members))
    }

    /// A string, at its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            let Some(&b) = bytes.get(self.at) else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    let s = match owned {
                        None => Cow::Borrowed(&self.text[start..self.at]),
                        Some(mut s) => {
                            s.push_str(&self.text[from..self.at]);
                            Cow::Owned(s)
                        }
                    };
                    self.at += 1;
                    return Ok(s);
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[from..self.at]);
                    self.at += 1;
                    let c = match bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            // Both branches below leave `at` after the escape.
                            self.at -= 1;
                            c
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    s.push(c);
                    self.at += 1;
                    from = self.at;
                }
                0..=0x1f => return Err(self.error("control character in a string")),
                // The plain run up to the next quote, backslash or control character.
                _ => {
                    self.at += bytes[self.at..]
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                        .unwrap_or(bytes.len() - self.at);
                }
            }
        }
    }

    /// Four hex digits, at the first.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error("unterminated escape"))?;
        let n = u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.at += 4;
        Ok(n)
    }

    /// The character of a `\u` escape (two for a surrogate pair), at its first hex digit;
    /// leaves `at` after it.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return Err(self.error("unpaired surrogate"));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("unpaired surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("unpaired surrogate")),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }

    /// A number, checked against JSON's grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<Value<'a>, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
        }
        Ok(Value::Number(&self.text[start..self.at]))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), JsonError> {
        let from = self.at;
        self.digits();
        if self.at == from {
            return Err(self.error("invalid number"));
        }
        Ok(())
    }
}

/// The number `text` (JSON's grammar) as an unsigned integer: digits only, within `u64`.
pub fn unsigned(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
}

/// The number `text` (JSON's grammar) as a signed integer within `i64`.
pub fn signed(text: &str) -> Option<i64> {
    match text.strip_prefix('-') {
        Some(digits) => {
            let n = unsigned(digits)?;
            0i64.checked_sub_unsigned(n)
        }
        None => i64::try_from(unsigned(text)?).ok(),
    }
}

/// Exact powers of ten as `f64`, up to the largest that is one (10^22).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The number `text` (JSON's grammar) as an `f64`, without the standard library's float
/// parser (its tables alone are 17 kB of wasm). Exact (correctly rounded) whenever the digits
/// make an integer below 2^53 and the power of ten is within 10^±22, as every figure that
/// ingest writes does (Clinger's fast path: one exact product or quotient of two exact
/// numbers); otherwise within a few units in the last place. `None` beyond `f64`'s range.
pub fn float(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].trim_start_matches('+')),
        None => (rest, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: u64 = 0;
    let mut scale: i64 = signed(exponent).unwrap_or(if exponent.starts_with('-') {
        i64::MIN / 2
    } else {
        i64::MAX / 2
    });
    let mut exact = true;
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        if i >= int.len() {
            scale -= 1;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        match digits
            .checked_mul(10)
            .and_then(|d| d.checked_add(u64::from(b - b'0')))
        {
            Some(d) if d < (1 << 53) => digits = d,
            // More digits than an f64 holds: drop the rest, keeping their scale.
            _ => {
                exact &= b == b'0';
                scale += 1;
            }
        }
    }
    let m = digits as f64;
    let v = if digits == 0 {
        0.0
    } else if exact && (0..=22).contains(&scale) {
        m * POW10[scale as usize]
    } else if exact && (-22..0).contains(&scale) {
        m / POW10[(-scale) as usize]
    } else {
        // Far outside the fast path: scaled step by step (within a few ulps).
        let mut v = m;
        let mut s = scale.clamp(-400, 400);
        while s > 22 {
            v *= 1e22;
            s -= 22;
        }
        while s < -22 {
            v /= 1e22;
            s += 22;
        }
        if s >= 0 {
            v * POW10[s as usize]
        } else {
            v / POW10[(-s) as usize]
        }
    };
    if !v.is_finite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n", "c": {}} "#,
        )
        .unwrap();
        let Value::Object(m) = v else { panic!() };
        assert_eq!(m[0].0, "a");
        assert_eq!(
            m[0].1,
            Value::Array(vec![
                Value::Number("1"),
                Value::Number("-2.5e3"),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
        assert_eq!(m[1].1, Value::String("x\"é😀\n".into()));
        assert_eq!(m[2].1, Value::Object(vec![]));
        // Unescaped strings are borrowed.
        let Value::String(Cow::Borrowed("Đảng viên")) = parse("\"Đảng viên\"").unwrap()
        else {
            panic!("not borrowed")
        };
    }

    #[test]
    fn refuses_what_json_refuses() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "\"a",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\u12\"",
            "\"a\nb\"",
            "tru",
            "nul",
            "[1] 2",
            "{1:2}",
            "[\"a\" \"b\"]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} parsed");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().what, "nested too deep");
        let ok = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn numbers_as_the_standard_library_reads_them() {
        // Within the fast path, to the bit; beyond it, to 14 significant digits.
        let exact = "0 7 269 98.5 0.1 1.5e3 1E-7 -0.25 12345678901.25 1e22 4503599627370495";
        let far = "1e300 123456789012345678901234567890 0.30000000000000004 1.5e-300 \
                   1.7976931348623157e308 2.2250738585072014e-308";
        for t in exact.split(' ').chain(far.split_whitespace()) {
            let (ours, theirs) = (float(t).unwrap(), t.parse::<f64>().unwrap());
            let close = ours == theirs || ((ours - theirs) / theirs).abs() < 1e-14;
            assert!(
                close && (ours == theirs || far.split_whitespace().any(|f| f == t)),
                "{t}: {ours} against {theirs}"
            );
        }
        assert_eq!(float("1e400"), None);
        assert_eq!(unsigned("4294967296"), Some(1 << 32));
        assert_eq!(unsigned("18446744073709551616"), None);
        assert_eq!((unsigned("1.0"), unsigned("-1")), (None, None));
        assert_eq!((signed("-2026"), signed("2026")), (Some(-2026), Some(2026)));
    }
}
