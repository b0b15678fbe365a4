//! Control characters (NUL, CR/LF, ESC, DEL, the C1 range…) in every path parameter, query
//! parameter and body string the document names. Each must be refused (404 `not_found` for a path
//! parameter, 422 `validation_failed` naming the field otherwise): no 5xx, no success, and
//! afterwards the database holds exactly the rows it held before.
//!
//! The characters and their positions come from a seeded generator; a failure prints the seed,
//! and `CONTROL_CHARS_SEED=N` replays it.

use super::*;

/// splitmix64: small, seedable, good enough to pick characters and positions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    /// A plausible value with control characters in it: the fixed ones every field gets, then a
    /// random `Cc` character at a random place.
    fn bad_values(&mut self, base: &str) -> Vec<String> {
        let controls: Vec<char> = (0u32..0x20)
            .chain([0x7f])
            .chain(0x80..0xa0)
            .filter_map(char::from_u32)
            .collect();
        let mut values = vec![
            format!("{base}\u{0}"),
            format!("{base}\r\nBcc: x@evil.example"),
        ];
        for _ in 0..2 {
            let c = controls[self.below(controls.len())];
            let chars: Vec<char> = base.chars().collect();
            let at = self.below(chars.len() + 1);
            let mut value: String = chars[..at].iter().collect();
            value.push(c);
            value.extend(&chars[at..]);
            values.push(value);
        }
        values
    }
}

async fn control_characters_are_refused_everywhere_and_store_nothing(backend: Backend) {
    let seed: u64 = std::env::var("CONTROL_CHARS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()) ^ 0x5eed);
    let mut rng = Rng(seed);
    let w = world(backend).await;
    let doc = w.document().await;
    let before = row_counts(&w.app).await;
    let mut tried = 0;
    for input in inputs(&doc) {
        for bad in rng.bad_values("Ab1") {
            let shown = format!("{} (seed {seed})", input.shown(&bad));
            let (status, problem) = w.send(&input, &bad).await;
            tried += 1;
            if input.place == "path" {
                assert_eq!(status, 404, "{shown}: {problem}");
                assert_eq!(problem["code"], "not_found", "{shown}");
            } else {
                assert_eq!(status, 422, "{shown}: {problem}");
                assert_eq!(problem["code"], "validation_failed", "{shown}");
                assert_eq!(
                    problem["field"],
                    input.target.as_str(),
                    "{shown}: {problem}"
                );
            }
        }
    }
    assert!(tried > 300, "only {tried} requests: is the document empty?");
    assert_eq!(
        row_counts(&w.app).await,
        before,
        "a refused request wrote something (seed {seed})"
    );
}

both_backends!(control_characters_are_refused_everywhere_and_store_nothing);
