//! Reading one message file: parsing it as Fluent, and what a start-up check needs to know of it
//! (each message with the variables it uses, the line a message or a fault is on).

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

/// Why a message file cannot be used: its path, the line, and what is wrong (start-up prints it
/// as one line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The line of byte `at` in `text`, from 1.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).matches('\n').count() + 1
}

/// The line where message `id` is defined in `text`.
pub(super) fn line_of_message(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

pub(super) fn parse(file: &str, text: String) -> Result<FluentResource, Problem> {
    FluentResource::try_new(text).map_err(|(resource, errors)| {
        let first = errors.first();
        Problem {
            file: file.to_owned(),
            // The start of the entry that could not be read (`pos` may be past its end).
            line: first.map_or(1, |e| {
                line_of(
                    resource.source(),
                    e.slice.as_ref().map_or(e.pos.start, |s| s.start),
                )
            }),
            message: first.map_or_else(
                || "cannot be read".to_owned(),
                |e| format!("not Fluent: {}", e.kind),
            ),
        }
    })
}

/// The variables (`$name`) a pattern uses, selectors and variants included.
fn variables_of(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    fn inline(expression: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => placeable(expression, into),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline(argument, into);
                }
                for named in &arguments.named {
                    inline(&named.value, into);
                }
            }
            _ => {}
        }
    }
    fn placeable(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(expression) => inline(expression, into),
            ast::Expression::Select { selector, variants } => {
                inline(selector, into);
                for variant in variants {
                    variables_of(&variant.value, into);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            placeable(expression, into);
        }
    }
}

/// Each message of a resource with the variables its value uses.
pub(super) fn messages_of(resource: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                variables_of(value, &mut variables);
            }
            found.insert(message.id.name.to_owned(), variables);
        }
    }
    found
}
