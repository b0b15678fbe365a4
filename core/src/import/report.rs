//! What an import did: counts by kind of row, and every source row that was linked, changed or
//! refused, with why. Written as Markdown or JSON (`--report FILE`), summed up as a table.

use std::collections::BTreeMap;

use serde::Serialize;

/// What became of one source row, when it is worth a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Joined to a row that exists (one email is one user).
    Linked,
    /// Imported or updated with a value changed on the way (a rule applied), or updated from a
    /// change in the source since the last run.
    Changed,
    /// Not imported, and not an error: left behind by a documented rule (an expired invitation).
    Skipped,
    /// Not imported: something is wrong with the row.
    Refused,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Linked => "linked",
            Self::Changed => "changed",
            Self::Skipped => "skipped",
            Self::Refused => "refused",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The source row: `client 12`, `contact 40`, `user 7`, `sub-account 40`, `client login 12`,
    /// `user-client link 9`.
    pub source: String,
    pub outcome: Outcome,
    pub reason: String,
}

/// How many rows of one kind were created, updated, left as they were, linked or refused.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub linked: u64,
    pub skipped: u64,
    pub refused: u64,
}

/// The whole report.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub source: String,
    pub dry_run: bool,
    /// By Roster kind: `accounts`, `users`, `memberships`, `contacts`.
    pub counts: BTreeMap<&'static str, Counts>,
    pub entries: Vec<Entry>,
}

/// What a count is about.
#[derive(Debug, Clone, Copy)]
pub enum Tally {
    Created,
    Updated,
    Unchanged,
    Linked,
    Skipped,
    Refused,
}

impl Report {
    pub fn count(&mut self, kind: &'static str, tally: Tally) {
        let counts = self.counts.entry(kind).or_default();
        match tally {
            Tally::Created => counts.created += 1,
            Tally::Updated => counts.updated += 1,
            Tally::Unchanged => counts.unchanged += 1,
            Tally::Linked => counts.linked += 1,
            Tally::Skipped => counts.skipped += 1,
            Tally::Refused => counts.refused += 1,
        }
    }

    pub fn add(&mut self, source: impl Into<String>, outcome: Outcome, reason: impl Into<String>) {
        self.entries.push(Entry {
            source: source.into(),
            outcome,
            reason: reason.into(),
        });
    }

    /// Changes made on the way in, one line per row.
    pub fn notes(&mut self, source: &str, notes: Vec<String>) {
        if !notes.is_empty() {
            self.add(source, Outcome::Changed, notes.join("; "));
        }
    }

    pub fn refused(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.outcome == Outcome::Refused)
            .count()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# WHMCS import report\n\nSource: {}{}\n\n",
            self.source,
            if self.dry_run {
                " (dry run: nothing was written)"
            } else {
                ""
            }
        );
        out.push_str("| | created | updated | unchanged | linked | skipped | refused |\n");
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (kind, c) in &self.counts {
            out.push_str(&format!(
                "| {kind} | {} | {} | {} | {} | {} | {} |\n",
                c.created, c.updated, c.unchanged, c.linked, c.skipped, c.refused
            ));
        }
        for outcome in [
            Outcome::Refused,
            Outcome::Linked,
            Outcome::Changed,
            Outcome::Skipped,
        ] {
            let rows: Vec<&Entry> = self
                .entries
                .iter()
                .filter(|e| e.outcome == outcome)
                .collect();
            out.push_str(&format!("\n## {} ({})\n\n", outcome.as_str(), rows.len()));
            if rows.is_empty() {
                out.push_str("None.\n");
                continue;
            }
            out.push_str("| source row | why |\n| --- | --- |\n");
            for e in rows {
                out.push_str(&format!(
                    "| {} | {} |\n",
                    e.source,
                    e.reason.replace('|', "\\|")
                ));
            }
        }
        out
    }

    /// The summary printed at the end of a run.
    pub fn table(&self) -> String {
        let mut table = comfy_table::Table::new();
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
        table.set_header([
            "",
            "created",
            "updated",
            "unchanged",
            "linked",
            "skipped",
            "refused",
        ]);
        for (kind, c) in &self.counts {
            table.add_row([
                (*kind).to_owned(),
                c.created.to_string(),
                c.updated.to_string(),
                c.unchanged.to_string(),
                c.linked.to_string(),
                c.skipped.to_string(),
                c.refused.to_string(),
            ]);
        }
        table.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_report_lists_every_row_by_outcome() {
        let mut report = Report {
            source: "WHMCS 7 (2 clients, 2 logins, 0 contacts)".to_owned(),
            ..Report::default()
        };
        report.count("accounts", Tally::Created);
        report.count("accounts", Tally::Refused);
        report.add(
            "client 2",
            Outcome::Refused,
            "its owner (client login 2) was refused: `a|b` is not valid",
        );
        report.add(
            "client login 3",
            Outcome::Linked,
            "same email as client login 1",
        );
        let text = report.to_markdown();
        assert!(
            text.contains("| accounts | 1 | 0 | 0 | 0 | 0 | 1 |"),
            "{text}"
        );
        assert!(text.contains("## refused (1)"));
        assert!(
            text.contains(
                "| client 2 | its owner (client login 2) was refused: `a\\|b` is not valid |"
            ),
            "{text}"
        );
        assert!(text.contains("## linked (1)"));
        assert!(text.contains("## changed (0)\n\nNone."));
        assert_eq!(report.refused(), 1);
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["entries"][1]["outcome"], "linked");
        assert_eq!(json["counts"]["accounts"]["refused"], 1);
    }
}
