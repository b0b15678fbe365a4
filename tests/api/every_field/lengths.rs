//! Text one character past its documented `maxLength`, in every query parameter and body string
//! that has one: a plain over-long value, and a good value padded with spaces in front to the same
//! length (schemathesis found a name of 100 letters behind a space taken, because the check
//! counted after trimming). Each must be refused (422; a link's token is checked before the rest,
//! so a link's operation may answer 400 `invalid_token`) with nothing stored: a client that
//! checks against the document and the server agree on every value.

use super::*;

/// The two values one past `max`: letters only, and `good` behind spaces.
fn too_long(good: &str, max: usize) -> [String; 2] {
    let padding = (max + 1).saturating_sub(good.chars().count()).max(1);
    [
        "x".repeat(max + 1),
        format!("{}{good}", " ".repeat(padding)),
    ]
}

async fn text_past_its_documented_length_is_refused_everywhere(backend: Backend) {
    let w = world(backend).await;
    let doc = w.document().await;
    let before = row_counts(&w.app).await;
    let mut tried = 0;
    for input in inputs(&doc).into_iter().filter(|i| i.place != "path") {
        let Some(max) = input.schema["maxLength"].as_u64() else {
            continue;
        };
        let good = sample(&doc, &input.schema, &input.target);
        let good = good.as_str().unwrap_or("Valid");
        for bad in too_long(good, usize::try_from(max).unwrap()) {
            let shown = input.shown(&bad);
            let (status, problem) = w.send(&input, &bad).await;
            tried += 1;
            // A link's token is checked before the rest (the sample holds no live one).
            let refused = status == 422 || (status == 400 && problem["code"] == "invalid_token");
            assert!(refused, "{shown}: {status} {problem}");
        }
    }
    assert!(
        tried > 40,
        "only {tried} requests: does the document give no maxLength?"
    );
    assert_eq!(
        row_counts(&w.app).await,
        before,
        "a refused request wrote something"
    );
}

both_backends!(text_past_its_documented_length_is_refused_everywhere);
