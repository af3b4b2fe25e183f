//! The form's blocks as Markdown and as one printable HTML page.

use super::Block;
use super::text::md_escape;
use crate::report::Lang;
use crate::report::printed;
use maud::{Markup, html};
use std::fmt::Write as _;

const CHECKED: &str = "☒";
const UNCHECKED: &str = "☐";
/// A line to write on, in Markdown (underscores between spaces are not emphasis).
const BLANK_MD: &str = "____________________";

fn box_of(checked: bool) -> &'static str {
    if checked { CHECKED } else { UNCHECKED }
}

pub(super) fn markdown(blocks: &[Block]) -> String {
    let mut s = String::new();
    for block in blocks {
        match block {
            Block::Title(text) => {
                let _ = writeln!(s, "# {}", md_escape(text));
            }
            Block::Heading(text) => {
                let _ = writeln!(s, "## {}", md_escape(text));
            }
            Block::Para(text) => {
                let _ = writeln!(s, "{}", md_escape(text));
            }
            Block::Note(text) => {
                let _ = writeln!(s, "> {}", md_escape(text));
            }
            Block::Field { label, value } => {
                let value = value.as_deref().map_or(BLANK_MD.to_string(), md_escape);
                let _ = writeln!(s, "**{}** {value}", md_escape(label));
            }
            Block::Fill {
                before,
                value,
                after,
            } => {
                let value = value.as_deref().map_or(BLANK_MD.to_string(), md_escape);
                let _ = writeln!(s, "{} {value} {}", md_escape(before), md_escape(after));
            }
            Block::Check { checked, text } => {
                let _ = writeln!(s, "{} {}", box_of(*checked), md_escape(text));
            }
            Block::Items(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", md_escape(item));
                }
            }
            Block::Signature(labels) => {
                let line: Vec<String> = labels
                    .iter()
                    .map(|l| format!("{} {BLANK_MD}", md_escape(l)))
                    .collect();
                let _ = writeln!(s, "{}", line.join("   "));
            }
        }
        s.push('\n');
    }
    // One newline at the end, not a blank line.
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

const STYLE: &str = "\
@page { size: A4; margin: 18mm 20mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
  max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 8mm 0 2mm; border-top: 1px solid #999; padding-top: 4mm; }
p { margin: 0 0 3mm; }
ul { margin: 0 0 3mm 9mm; padding: 0; }
.note { font-size: 9.5pt; color: #333; border-left: 2px solid #999; padding-left: 3mm; }
.field .label { font-weight: bold; }
.value { border-bottom: 1px solid #000; padding: 0 1mm; }
.blank { display: inline-block; min-width: 60mm; border-bottom: 1px solid #000; }
.check { display: flex; gap: 2.5mm; page-break-inside: avoid; break-inside: avoid; }
.box { font-size: 14pt; line-height: 1.1; }
table.sign { width: 100%; border-collapse: collapse; margin-top: 10mm; }
table.sign td { width: 33%; padding: 0 4mm 0 0; vertical-align: bottom; }
table.sign .blank { display: block; min-width: 0; height: 14mm; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
";

pub(super) fn html(title: &str, lang: Lang, blocks: &[Block]) -> String {
    let body = html! {
        @for block in blocks {
            (html_block(block))
        }
    };
    printed::document(lang, title, STYLE, body)
}

fn value_html(value: Option<&str>) -> Markup {
    html! {
        @match value {
            Some(v) => { span.value { (v) } }
            None => { span.blank {} }
        }
    }
}

fn html_block(block: &Block) -> Markup {
    html! {
        @match block {
            Block::Title(text) => { h1 { (text) } }
            Block::Heading(text) => { h2 { (text) } }
            Block::Para(text) => { p { (text) } }
            Block::Note(text) => { p.note { (text) } }
            Block::Field { label, value } => {
                p.field { span.label { (label) } " " (value_html(value.as_deref())) }
            }
            Block::Fill { before, value, after } => {
                p { (before) " " (value_html(value.as_deref())) " " (after) }
            }
            Block::Check { checked, text } => {
                p.check { span.box { (box_of(*checked)) } span { (text) } }
            }
            Block::Items(items) => {
                ul {
                    @for item in items {
                        li { (item) }
                    }
                }
            }
            Block::Signature(labels) => {
                table.sign {
                    tr {
                        @for label in labels {
                            td { (label) span.blank {} }
                        }
                    }
                }
            }
        }
    }
}
