//! How often detection names the right legacy encoding, by text length: records of a JSON
//! Lines file are encoded in windows-1258, VISCII, TCVN3 and VNI and detected without a
//! declaration: `cargo run -p nienbieu-ingest --example encoding_accuracy -- FILE.jsonl N`.

use nienbieu_ingest::encoding::{detect, encode_as_legacy, Charset, Legacy};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("usage: encoding_accuracy FILE.jsonl N");
    let n: usize = args
        .next()
        .map_or(1000, |s| s.parse().expect("N is a number"));
    let data = std::fs::read_to_string(file).expect("readable file");
    let bodies: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["body"].as_str().map(str::to_string))
        .take(n)
        .collect();
    let charsets = [
        Charset::WINDOWS_1258,
        Charset::Legacy(Legacy::Viscii),
        Charset::Legacy(Legacy::Tcvn3),
        Charset::Legacy(Legacy::Vni),
    ];
    println!(
        "{:>8} {:>14} {:>8} {:>8} {:>8}",
        "chars", "windows-1258", "VISCII", "TCVN3", "VNI"
    );
    for len in [40, 100, 300, 1000, 100_000] {
        let mut row = format!("{len:>8}");
        for c in charsets {
            let (mut right, mut tried) = (0, 0);
            let mut wrong: std::collections::BTreeMap<&str, usize> = Default::default();
            for b in &bodies {
                let text: String = b.chars().take(len).collect();
                let (bytes, _) = encode_as_legacy(&text, c).unwrap();
                if std::str::from_utf8(&bytes).is_ok() {
                    continue;
                }
                tried += 1;
                let got = detect(&bytes, None).charset;
                if got == c {
                    right += 1;
                } else {
                    *wrong.entry(got.name()).or_default() += 1;
                }
            }
            row += &format!(
                " {:>7.1}%/{tried}",
                100.0 * right as f64 / tried.max(1) as f64
            );
            if !wrong.is_empty() && len <= 100 {
                eprintln!("{len} chars, {}: wrong {wrong:?}", c.name());
            }
        }
        println!("{row}");
    }
}
