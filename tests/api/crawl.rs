//! Finding every page and form a person can reach, by following links from a few pages, as the
//! outside probes do: the form tests loop over what the pages really offer, not a hand-kept list.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use scraper::{Html, Selector};

use crate::helpers::PageBrowser;

/// A form a page offers: where it posts and what it sends (the CSRF token left out).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Form {
    /// The page it was found on.
    pub page: String,
    /// Where it posts (a path on this server).
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// Every page reachable from `seeds` by links under `within` (at most `max_pages`), and every
/// `method="post"` form on them, one per action.
pub async fn crawl(
    browser: &PageBrowser,
    seeds: &[&str],
    within: &str,
    max_pages: usize,
) -> (Vec<String>, Vec<Form>) {
    let mut queue: VecDeque<String> = seeds.iter().map(|s| (*s).to_owned()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut pages = Vec::new();
    let mut forms: BTreeMap<String, Form> = BTreeMap::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= max_pages {
            break;
        }
        let (status, html) = browser.open(&path).await;
        if status != 200 {
            continue;
        }
        pages.push(path.clone());
        let (links, found) = parse(&path, &html);
        for link in links {
            if link.starts_with(within) && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        for form in found {
            forms.entry(form.action.clone()).or_insert(form);
        }
    }
    (pages, forms.into_values().collect())
}

/// The page's same-site links (paths, fragments dropped) and post forms.
fn parse(page: &str, html: &str) -> (Vec<String>, Vec<Form>) {
    let document = Html::parse_document(html);
    let selector = |s: &str| Selector::parse(s).expect("a valid selector");
    let links = document
        .select(&selector("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| !href.is_empty())
        .collect();
    let forms = document
        .select(&selector("form"))
        .filter(|f| {
            f.value()
                .attr("method")
                .is_some_and(|m| m.eq_ignore_ascii_case("post"))
        })
        .map(|form| {
            let action = match form.value().attr("action") {
                Some(action) if !action.is_empty() => action.to_owned(),
                _ => page.split('?').next().unwrap_or_default().to_owned(),
            };
            let mut fields = Vec::new();
            for input in form.select(&selector("input[name], select[name], textarea[name]")) {
                let element = input.value();
                let name = element.attr("name").unwrap_or_default().to_owned();
                if name == "csrf_token" {
                    continue;
                }
                let kind = element.attr("type").unwrap_or("text");
                if (kind == "checkbox" || kind == "radio") && element.attr("checked").is_none() {
                    continue;
                }
                let value = match element.name() {
                    "select" => input
                        .select(&selector("option"))
                        .next()
                        .and_then(|o| o.value().attr("value"))
                        .unwrap_or_default()
                        .to_owned(),
                    "textarea" => input.text().collect(),
                    _ => element.attr("value").unwrap_or_default().to_owned(),
                };
                fields.push((name, value));
            }
            Form {
                page: page.to_owned(),
                action,
                fields,
            }
        })
        .collect();
    (links, forms)
}
